// Reading a store: filters turned into parameterised SQL, events, series, actors.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <set>
#include <variant>

#include "store/impl.h"

namespace dyad::store {

namespace {

using sql::Arg;

// A capped count of the events (or FTS rows) one indexed filter selects: "{cap}" is replaced
// by the cap (a number we compute, never user data); args are bound.
struct Estimate {
  std::string sql;
  std::vector<Arg> args;
};

struct Where {
  std::string sql;  // " AND ..." clauses over events e
  std::vector<Arg> args;
  std::vector<Estimate> estimates;  // one per indexed filter (see run_events)
  void add(std::string clause, std::vector<Arg> a = {}) {
    sql += " AND (" + clause + ")";
    for (auto& x : a) args.push_back(std::move(x));
  }
  void estimate(std::string q, std::vector<Arg> a) { estimates.push_back({std::move(q), std::move(a)}); }
};

// Count of rows of `from_where` (FROM ... WHERE ...), at most {cap}, for both sides.
std::string capped(const std::string& from_where) {
  return "SELECT count(*) FROM (SELECT 1 FROM " + from_where + " LIMIT {cap})";
}

using sql::bind_all;
using sql::prefix_end;

bool all_caps_code(std::string_view s) {
  if (s.size() < 2) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}


bool is_date(std::string_view d) { return day_number(d).has_value() && d.size() == 10; }

// by_date: the query will walk the date index (see run_events), so the text filter is written
// as a per-event lookup instead of a set built first.
Result<Where> build(const Filter& f, bool by_date = false) {
  Where w;
  if (f.id) {
    w.add("e.id = ?", {f.id});
    w.estimate("SELECT 1", {});
  }
  if (!f.actor.empty()) {
    if (all_caps_code(f.actor)) {
      const std::string hi = prefix_end(f.actor);
      w.add("(e.actor1_code >= ? AND e.actor1_code < ?) OR (e.actor2_code >= ? AND e.actor2_code < ?)",
            {f.actor, hi, f.actor, hi});
      w.estimate("SELECT (" + capped("events WHERE actor1_code >= ?1 AND actor1_code < ?2") + ") + (" +
                     capped("events WHERE actor2_code >= ?1 AND actor2_code < ?2") + ")",
                 {f.actor, hi});
    } else {
      // Whole words of a name as the coder found it ("putin", "vladimir putin").
      const char* names = "SELECT code FROM actor_names WHERE instr(' ' || name || ' ', ' ' || ? || ' ') > 0";
      w.add(fmt::format("e.actor1_code IN ({0}) OR e.actor2_code IN ({0})", names),
            {lower_ascii(f.actor), lower_ascii(f.actor)});
      const char* names1 = "SELECT code FROM actor_names WHERE instr(' ' || name || ' ', ' ' || ?1 || ' ') > 0";
      w.estimate(fmt::format("SELECT ({}) + ({})", capped(fmt::format("events WHERE actor1_code IN ({})", names1)),
                             capped(fmt::format("events WHERE actor2_code IN ({})", names1))),
                 {lower_ascii(f.actor)});
    }
  }
  if (!f.country.empty()) {
    w.add("e.actor1_country = ? OR e.actor2_country = ?", {f.country, f.country});
    w.estimate("SELECT (" + capped("events WHERE actor1_country = ?1") + ") + (" +
                   capped("events WHERE actor2_country = ?1") + ")",
               {f.country});
  }
  if (!f.code.empty()) {
    w.add("e.code >= ? AND e.code < ?", {f.code, prefix_end(f.code)});
    w.estimate(capped("events WHERE code >= ?1 AND code < ?2"), {f.code, prefix_end(f.code)});
  }
  // The root is the code's first two digits: a range over the code index.
  if (!f.root.empty()) {
    w.add("e.code >= ? AND e.code < ? AND e.root = ?", {f.root, prefix_end(f.root), f.root});
    w.estimate(capped("events WHERE code >= ?1 AND code < ?2"), {f.root, prefix_end(f.root)});
  }
  if (f.quad) w.add("e.quad = ?", {static_cast<int64_t>(f.quad)});
  if (!f.from.empty()) {
    if (!is_date(f.from)) return fail("bad_query", fmt::format("--from '{}' is not a date (YYYY-MM-DD)", f.from));
    w.add(kDateFromSql, {f.from, f.from.substr(0, 7), f.from.substr(0, 4)});
  }
  if (!f.to.empty()) {
    if (!is_date(f.to)) return fail("bad_query", fmt::format("--to '{}' is not a date (YYYY-MM-DD)", f.to));
    w.add("e.date <= ? AND e.date <> ''", {f.to});
  }
  if (!f.text.empty()) {
    std::string q = fts_query(f.text);
    if (q.empty()) return fail("bad_query", "--text needs at least one word");
    if (by_date)
      w.add("EXISTS (SELECT 1 FROM links l JOIN mention_fts ON mention_fts.rowid = l.mention_id "
            "WHERE l.event_id = e.id AND mention_fts MATCH ?)",
            {q});
    else
      w.add("e.id IN (SELECT l.event_id FROM mention_fts JOIN links l ON l.mention_id = mention_fts.rowid "
            "WHERE mention_fts MATCH ?)",
            {q});
    w.estimate(capped("mention_fts WHERE mention_fts MATCH ?1"), {q});
  }
  if (!f.status.empty()) {
    static const std::set<std::string, std::less<>> known = {"fact", "intent", "reported", "hypothetical", "denied", "negated"};
    std::string in;
    std::vector<Arg> a;
    for (const auto& s : f.status) {
      if (!known.count(s))
        return fail("bad_query", fmt::format("unknown status '{}' (fact, intent, reported, hypothetical, denied, negated)", s));
      in += in.empty() ? "?" : ", ?";
      a.push_back(s);
    }
    w.add("e.status IN (" + in + ")", std::move(a));
  }
  if (!f.dyad_a.empty() || !f.dyad_b.empty()) {
    auto side = [](int n, const std::string& v) {
      return v.size() == 3 ? fmt::format("e.actor{}_country = ?", n) : fmt::format("e.actor{}_code = ?", n);
    };
    std::string ab = fmt::format("({} AND {})", side(1, f.dyad_a), side(2, f.dyad_b));
    std::string ba = fmt::format("({} AND {})", side(1, f.dyad_b), side(2, f.dyad_a));
    if (f.undirected) w.add(ab + " OR " + ba, {f.dyad_a, f.dyad_b, f.dyad_b, f.dyad_a});
    else w.add(ab + " OR (e.symmetric = 1 AND " + ba + ")", {f.dyad_a, f.dyad_b, f.dyad_b, f.dyad_a});
  }
  return w;
}

constexpr const char* kEventCols =
    "e.id, e.status, e.dyad, e.symmetric, e.date, e.end_date, e.first_seen, e.last_seen, e.actor1_code, "
    "e.actor1_country, e.actor1_name, e.actor2_code, e.actor2_country, e.actor2_name, e.code, e.base, e.root, e.quad, "
    "e.goldstein, e.plover_type, e.plover_mode, e.plover_context, e.place, e.num_mentions, e.num_sources, "
    "e.num_articles, e.num_contests, e.rep_mention_id, m.sentence, a.doc_id, a.url, e.place_country, e.place_lat, "
    "e.place_lon";

EventRow read_event(const sql::Stmt& s) {
  EventRow r;
  int i = 0;
  r.id = s.i64(i++);
  r.status = s.text(i++);
  r.dyad = s.text(i++);
  r.symmetric = s.i64(i++) != 0;
  r.date = s.text(i++);
  r.end_date = s.text(i++);
  r.first_seen = s.text(i++);
  r.last_seen = s.text(i++);
  r.actor1_code = s.text(i++);
  r.actor1_country = s.text(i++);
  r.actor1_name = s.text(i++);
  r.actor2_code = s.text(i++);
  r.actor2_country = s.text(i++);
  r.actor2_name = s.text(i++);
  r.code = s.text(i++);
  r.base = s.text(i++);
  r.root = s.text(i++);
  r.quad = static_cast<int>(s.i64(i++));
  r.goldstein = s.f64(i++);
  r.plover_type = s.text(i++);
  r.plover_mode = s.text(i++);
  r.plover_context = s.text(i++);
  r.place = s.text(i++);
  r.num_mentions = s.i64(i++);
  r.num_sources = s.i64(i++);
  r.num_articles = s.i64(i++);
  r.num_contests = s.i64(i++);
  r.rep_mention = s.i64(i++);
  r.evidence = s.text(i++);
  r.doc_id = s.text(i++);
  r.url = s.text(i++);
  r.place_country = s.text(i++);
  if (auto v = s.opt_f64(i++)) r.place_lat = *v;
  if (auto v = s.opt_f64(i++)) r.place_lon = *v;
  return r;
}

// Newest-first listings with a limit pick one of two plans. Sorting the M events a filter's
// index selects costs about M; walking the date index from the newest event and testing each
// costs about N * limit / M. So each indexed filter's matches are counted first, up to a cap
// near sqrt(N * limit) (a cheap, bounded count): when one filter selects fewer, its index is
// used and the matches sorted; otherwise the date index is walked (INDEXED BY). In both plans
// the ids are picked first and the wide columns joined for the picked rows only.
Result<bool> walk_by_date(Store::Impl& s, const Where& w, int64_t limit) {
  if (w.estimates.empty()) return true;
  int64_t n = 0;
  {
    sql::Stmt st(s.db, "SELECT max(id) FROM events");
    if (!st.ok()) return std::unexpected(s.error(st.rc(), "cannot query the events"));
    if (st.step() == SQLITE_ROW) n = st.i64(0);
  }
  const int64_t cap = std::clamp<int64_t>(static_cast<int64_t>(std::sqrt(static_cast<double>(n) * limit)), 1000, 50000);
  for (const auto& e : w.estimates) {
    std::string q = e.sql;
    for (size_t p; (p = q.find("{cap}")) != std::string::npos;) q.replace(p, 5, std::to_string(cap));
    sql::Stmt st(s.db, q);
    if (!st.ok()) return std::unexpected(s.error(st.rc(), "cannot query the events"));
    bind_all(st, e.args);
    int rc = st.step();
    if (rc != SQLITE_ROW) return std::unexpected(s.error(rc, "cannot query the events"));
    if (st.i64(0) < cap) return false;
  }
  return true;
}

Result<void> run_events(Store::Impl& s, const Filter& f, bool newest_first,
                        const std::function<bool(const EventRow&)>& fn) {
  auto w = build(f);
  if (!w) return std::unexpected(w.error());
  std::string pick;
  if (newest_first && f.limit > 0) {
    auto by_date = walk_by_date(s, *w, f.limit);
    if (!by_date) return std::unexpected(by_date.error());
    if (*by_date) {
      w = build(f, true);
      pick = fmt::format("SELECT e.id FROM events e INDEXED BY events_date WHERE 1{} ORDER BY e.date DESC, e.id DESC LIMIT ?",
                         w->sql);
    } else {
      // "+e.date": sort, so that SQLite uses the selective filter's index rather than the date's.
      pick = fmt::format("SELECT e.id FROM events e WHERE 1{} ORDER BY +e.date DESC, e.id DESC LIMIT ?", w->sql);
    }
  } else {
    pick = fmt::format("SELECT e.id FROM events e WHERE 1{} ORDER BY {}{}", w->sql,
                       newest_first ? "e.date DESC, e.id DESC" : "e.id", f.limit > 0 ? " LIMIT ?" : "");
  }
  std::string q = fmt::format(
      "SELECT {} FROM ({}) AS pick JOIN events e ON e.id = pick.id JOIN mentions m ON m.id = e.rep_mention_id "
      "JOIN articles a ON a.id = m.article_id ORDER BY {}",
      kEventCols, pick, newest_first ? "e.date DESC, e.id DESC" : "e.id");
  sql::Stmt st(s.db, q);
  if (!st.ok()) return std::unexpected(s.error(st.rc(), "cannot query the events"));
  bind_all(st, w->args);
  if (f.limit > 0) st.bind(static_cast<int>(w->args.size()) + 1, f.limit);
  int rc;
  while ((rc = st.step()) == SQLITE_ROW)
    if (!fn(read_event(st))) return {};
  if (rc != SQLITE_DONE) return std::unexpected(s.error(rc, "cannot query the events"));
  return {};
}

std::string period_of(int32_t day, Period by) {
  std::string d = iso_date(day);
  switch (by) {
    case Period::day: return d;
    case Period::month: return d.substr(0, 7);
    case Period::week: {
      const int32_t wd = ((day % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
      const int32_t thursday = day - wd + 3;
      const std::string ty = iso_date(thursday).substr(0, 4);
      const int32_t jan1 = *day_number(ty + "-01-01");
      return fmt::format("{}-W{:02d}", ty, (thursday - jan1) / 7 + 1);
    }
  }
  return d;
}

// The first day of the period after the one holding `day`.
int32_t next_period(int32_t day, Period by) {
  switch (by) {
    case Period::day: return day + 1;
    case Period::week: return day - ((day % 7) + 7 + 3) % 7 + 7;
    case Period::month: {
      std::string d = iso_date(day);
      int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)) + 1;
      if (m == 13) m = 1, ++y;
      return *day_number(fmt::format("{:04d}-{:02d}-01", y, m));
    }
  }
  return day + 1;
}

}  // namespace

// WORDS -> an FTS5 query in which every word is a quoted string: all must occur.
std::string fts_query(std::string_view words) {
  std::string q, w;
  auto flush = [&] {
    if (w.empty()) return;
    if (!q.empty()) q += ' ';
    q += '"';
    for (char c : w) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
    w.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else w += c;
  }
  flush();
  return q;
}

Result<void> Store::for_each_event(const Filter& f, const std::function<bool(const EventRow&)>& fn) {
  return run_events(*impl_, f, false, fn);
}

Result<std::vector<EventRow>> Store::events(const Filter& f) {
  std::vector<EventRow> out;
  auto r = run_events(*impl_, f, true, [&](const EventRow& e) {
    out.push_back(e);
    return true;
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<std::vector<MentionRow>> Store::mentions_of(int64_t event_id) {
  auto* s = impl_->stmt(
      "SELECT m.id, l.event_id, l.role, l.match, l.reason, m.event_key, a.doc_id, a.date, a.lang, a.url, "
      "m.sentence_index, m.sentence, m.sentence_start, m.sentence_end, m.source_code, m.source_country, m.source_text, "
      "m.source_start, m.source_end, m.target_code, m.target_country, m.target_text, m.target_start, m.target_end, "
      "m.code, m.base, m.root, m.quad, m.goldstein, m.plover_type, m.plover_mode, m.plover_context, m.polarity, "
      "m.modality, m.attribution, m.date, m.place, m.verb_text, m.verb_start, m.verb_end, m.rule_file, m.rule_line, "
      "m.rule_pattern, a.outlet, a.source, a.title, a.text_bytes, m.place_kind, m.place_country, m.place_lat, "
      "m.place_lon, m.source_inferred, m.source_implied, m.target_inferred, m.target_implied "
      "FROM links l JOIN mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id "
      "WHERE l.event_id = ? ORDER BY l.role DESC, m.id");
  if (!s) return std::unexpected(impl_->error(sqlite3_errcode(impl_->db), "cannot read the mentions"));
  s->bind(1, event_id);
  std::vector<MentionRow> out;
  int rc;
  while ((rc = s->step()) == SQLITE_ROW) {
    MentionRow r;
    int i = 0;
    auto u32 = [&](int c) { return static_cast<uint32_t>(s->i64(c)); };
    r.id = s->i64(i++);
    r.event_id = s->i64(i++);
    r.role = s->text(i++);
    r.match = s->text(i++);
    r.reason = s->text(i++);
    Event& e = r.event;
    e.id = s->text(i++);
    e.doc_id = s->text(i++);
    e.doc_date = s->text(i++);
    e.lang = s->text(i++);
    e.url = s->text(i++);
    e.sentence_index = u32(i++);
    e.sentence = s->text(i++);
    e.sentence_start = u32(i++);
    e.sentence_end = u32(i++);
    for (ActorRef* a : {&e.source, &e.target}) {
      a->code = s->text(i++);
      a->country = s->text(i++);
      a->text = s->text(i++);
      a->start = u32(i++);
      a->end = u32(i++);
    }
    e.code = s->text(i++);
    e.base = s->text(i++);
    e.root = s->text(i++);
    e.quad = static_cast<int>(s->i64(i++));
    e.goldstein = s->f64(i++);
    e.plover.type = s->text(i++);
    e.plover.mode = s->text(i++);
    e.plover.context = s->text(i++);
    e.polarity = s->text(i++) == "negated" ? Polarity::negated : Polarity::asserted;
    const std::string mod = s->text(i++);
    for (Modality m : {Modality::fact, Modality::intent, Modality::reported, Modality::denied, Modality::hypothetical})
      if (mod == to_string(m)) e.modality = m;
    e.attribution = s->text(i++);
    e.date = s->text(i++);
    e.place = s->text(i++);
    e.verb_text = s->text(i++);
    e.verb_start = u32(i++);
    e.verb_end = u32(i++);
    e.rule.file = s->text(i++);
    e.rule.line = u32(i++);
    e.rule.pattern = s->text(i++);
    r.outlet = s->text(i++);
    r.source = s->text(i++);
    r.title = s->text(i++);
    r.text_bytes = s->i64(i++);
    e.place_kind = s->text(i++);
    e.place_country = s->text(i++);
    auto lat = s->opt_f64(i++), lon = s->opt_f64(i++);
    if (!lat || !lon) e.place_kind.clear();  // a place stored without coordinates (schema 1)
    e.place_lat = lat.value_or(0);
    e.place_lon = lon.value_or(0);
    for (ActorRef* a : {&e.source, &e.target}) {
      a->country_inferred = s->i64(i++) != 0;
      a->implied = s->i64(i++) != 0;
    }
    out.push_back(std::move(r));
  }
  s->reset();
  if (rc != SQLITE_DONE) return std::unexpected(impl_->error(rc, "cannot read the mentions"));
  return out;
}

Result<std::vector<SeriesRow>> Store::series(const Filter& f, Period by, bool by_quad) {
  auto w = build(f);
  if (!w) return std::unexpected(w.error());
  sql::Stmt st(impl_->db, fmt::format("SELECT e.date, e.quad, e.num_mentions, e.goldstein FROM events e "
                                      "WHERE e.date <> ''{} ORDER BY e.date",
                                      w->sql));
  if (!st.ok()) return std::unexpected(impl_->error(st.rc(), "cannot query the events"));
  bind_all(st, w->args);
  std::map<std::pair<std::string, int>, SeriesRow> acc;
  std::optional<int32_t> lo, hi;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    // an event dated to a month only counts in a monthly series; one dated to a year only, or
    // to a month in a daily or weekly one, in none
    const std::string date = st.text(0);
    auto day = day_number(date);
    if (!day && by == Period::month && date.size() == 7) day = day_number(date + "-01");
    if (!day) continue;
    lo = lo ? std::min(*lo, *day) : *day;
    hi = hi ? std::max(*hi, *day) : *day;
    const int q = by_quad ? static_cast<int>(st.i64(1)) : 0;
    auto& r = acc[{period_of(*day, by), q}];
    ++r.events;
    r.mentions += st.i64(2);
    r.goldstein += st.f64(3);
  }
  if (rc != SQLITE_DONE) return std::unexpected(impl_->error(rc, "cannot query the events"));
  std::vector<SeriesRow> out;
  if (!lo) return out;
  // Every period from the first to the last, empty ones included (a time series without holes).
  for (int32_t d = *lo; d <= *hi; d = next_period(d, by)) {
    const std::string p = period_of(d, by);
    for (int q = by_quad ? 1 : 0; q <= (by_quad ? 4 : 0); ++q) {
      SeriesRow r;
      if (auto it = acc.find({p, q}); it != acc.end()) r = it->second;
      r.period = p;
      r.quad = q;
      out.push_back(r);
    }
  }
  return out;
}

Result<std::vector<ActorRow>> Store::actors(const Filter& f) {
  auto w = build(f);
  if (!w) return std::unexpected(w.error());
  // One pass over the selected events, aggregated here: SQLite would sort both sides' rows.
  sql::Stmt st(impl_->db, fmt::format("SELECT e.actor1_code, e.actor1_country, e.actor2_code, e.actor2_country, "
                                      "e.num_mentions FROM events e WHERE 1{}",
                                      w->sql));
  if (!st.ok()) return std::unexpected(impl_->error(st.rc(), "cannot query the actors"));
  bind_all(st, w->args);
  std::unordered_map<std::string, ActorRow> acc;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    const int64_t n = st.i64(4);
    for (int side = 0; side < 2; ++side) {
      std::string code = st.text(side * 2);
      if (code.empty()) continue;
      auto& r = acc[code];
      if (r.code.empty()) {
        r.code = code;
        r.country = st.text(side * 2 + 1);
      }
      ++r.events;
      ++(side ? r.as_actor2 : r.as_actor1);
      r.mentions += n;
    }
  }
  if (rc != SQLITE_DONE) return std::unexpected(impl_->error(rc, "cannot query the actors"));
  std::vector<ActorRow> out;
  out.reserve(acc.size());
  for (auto& [k, v] : acc) out.push_back(std::move(v));
  std::sort(out.begin(), out.end(), [](const ActorRow& x, const ActorRow& y) {
    return x.events != y.events ? x.events > y.events : x.code < y.code;
  });
  if (f.limit > 0 && out.size() > static_cast<size_t>(f.limit)) out.resize(static_cast<size_t>(f.limit));
  auto* nm = impl_->stmt("SELECT name FROM actor_names WHERE code = ? ORDER BY mentions DESC, name LIMIT 1");
  if (!nm) return std::unexpected(impl_->error(sqlite3_errcode(impl_->db), "cannot read the actor names"));
  for (auto& r : out) {
    nm->clear();
    nm->bind(1, r.code);
    if (nm->step() == SQLITE_ROW) r.name = nm->text(0);
  }
  nm->reset();
  return out;
}

}  // namespace dyad::store
