// Writing a batch of coded articles: articles, mentions, and the mention -> event clustering
// (store/cluster.h has the rule; docs/STORE.md explains it). One transaction per batch.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "io/writer.h"
#include "store/impl.h"

namespace dyad::store {

namespace {

std::string quantities_json(const Event& e) {
  std::string o = "[";
  for (size_t i = 0; i < e.quantities.size(); ++i) {
    const auto& q = e.quantities[i];
    if (i) o += ",";
    o += fmt::format("{{\"value\":{},\"unit\":", q.value);
    io::append_json_string(o, q.unit);
    o += ",\"text\":";
    io::append_json_string(o, q.text);
    o += fmt::format(",\"start\":{},\"end\":{}}}", q.start, q.end);
  }
  return o + "]";
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// A change to the full-text index, applied at the end of the batch (see finish()).
struct FtsOp {
  bool remove = false;
  int64_t id = 0;
  std::string text;
};

struct Candidate {
  int64_t id = 0;
  std::string base, place, place_country, place_kind;
  PlaceRef where() const { return {place, place_kind, place_country}; }
  std::optional<int64_t> first, last;
};

// A step failed: SQLite's result code and what we were doing.
struct Failure {
  int rc;
  std::string what;
};

class Writer {
 public:
  Writer(Store::Impl& s, BatchStats& st) : s_(s), st_(st), window_(s.params.window_days) {}

  std::optional<Failure> article(const Article& a, bool force) {
    auto* q = s_.stmt("SELECT id, content_hash FROM articles WHERE doc_id = ?");
    if (!q) return prep();
    q->bind(1, a.doc.id);
    int rc = q->step();
    const std::string hash = content_hash(a.doc);
    std::optional<int64_t> existing;
    if (rc == SQLITE_ROW) {
      existing = q->i64(0);
      if (q->text(1) == hash && !force) {
        ++st_.unchanged;
        return std::nullopt;
      }
    } else if (rc != SQLITE_DONE) {
      return Failure{rc, "cannot read the articles"};
    }
    q->reset();
    const Doc& d = a.doc;
    const std::string outlet = d.source.empty() ? d.id : d.source;
    const std::string origin = d.origin.line ? fmt::format("{}:{}", d.origin.file, d.origin.line) : d.origin.file;
    int64_t article_id;
    if (existing) {
      if (auto f = remove_mentions(*existing)) return f;
      auto* u = s_.stmt(
          "UPDATE articles SET content_hash = ?2, lang = ?3, title = ?4, date = ?5, source = ?6, url = ?7, outlet = ?8, "
          "text_bytes = ?9, sentences = ?10, num_mentions = ?11, origin = ?12, ingested_at = ?13 WHERE id = ?1");
      if (!u) return prep();
      u->bind(1, *existing);
      u->bind(2, hash).bind(3, d.lang).bind(4, d.title).bind(5, d.date).bind(6, d.source).bind(7, d.url).bind(8, outlet);
      u->bind(9, static_cast<int64_t>(d.text.size())).bind(10, a.sentences);
      u->bind(11, static_cast<int64_t>(a.events.size())).bind(12, origin).bind(13, now_);
      if (int r = u->step(); r != SQLITE_DONE) return Failure{r, "cannot update the article"};
      article_id = *existing;
      ++st_.replaced;
    } else {
      auto* ins = s_.stmt(
          "INSERT INTO articles(doc_id, content_hash, lang, title, date, source, url, outlet, text_bytes, sentences, "
          "num_mentions, origin, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
      if (!ins) return prep();
      ins->bind(1, d.id).bind(2, hash).bind(3, d.lang).bind(4, d.title).bind(5, d.date).bind(6, d.source);
      ins->bind(7, d.url).bind(8, outlet).bind(9, static_cast<int64_t>(d.text.size())).bind(10, a.sentences);
      ins->bind(11, static_cast<int64_t>(a.events.size())).bind(12, origin).bind(13, now_);
      if (int r = ins->step(); r != SQLITE_DONE) return Failure{r, "cannot insert the article"};
      article_id = sqlite3_last_insert_rowid(s_.db);
      ++st_.inserted;
    }
    for (size_t i = 0; i < a.events.size(); ++i)
      if (auto f = mention(a, article_id, static_cast<int64_t>(i))) return f;
    return std::nullopt;
  }

  // Brings every event touched by this batch up to date (counts, representative, span).
  // Then applies the queued actor-name counts and full-text index changes. The FTS5 index is
  // written last and in one run: FTS5 flushes its pending terms at every statement savepoint
  // once it takes part in a transaction, so interleaving its writes with the other statements
  // would cost a flush per mention.
  std::optional<Failure> finish() {
    for (int64_t id : touched_)
      if (auto f = refresh(id)) return f;
    touched_.clear();
    for (const auto& [key, delta] : names_) {
      if (delta == 0) continue;
      auto* u = s_.stmt(
          "INSERT INTO actor_names(code, name, mentions) VALUES (?1, ?2, ?3) "
          "ON CONFLICT(code, name) DO UPDATE SET mentions = mentions + excluded.mentions");
      if (!u) return prep();
      u->bind(1, key.first).bind(2, key.second).bind(3, delta);
      if (int rc = u->step(); rc != SQLITE_DONE) return Failure{rc, "cannot update the actor names"};
      if (delta < 0) {
        auto* d = s_.stmt("DELETE FROM actor_names WHERE code = ?1 AND name = ?2 AND mentions <= 0");
        if (!d) return prep();
        d->bind(1, key.first).bind(2, key.second);
        if (int rc = d->step(); rc != SQLITE_DONE) return Failure{rc, "cannot update the actor names"};
      }
    }
    names_.clear();
    for (const auto& op : fts_) {
      auto* f = op.remove ? s_.stmt("INSERT INTO mention_fts(mention_fts, rowid, sentence) VALUES ('delete', ?1, ?2)")
                          : s_.stmt("INSERT INTO mention_fts(rowid, sentence) VALUES (?1, ?2)");
      if (!f) return prep();
      f->bind(1, op.id).bind(2, op.text);
      if (int rc = f->step(); rc != SQLITE_DONE) return Failure{rc, "cannot update the full-text index"};
    }
    fts_.clear();
    return std::nullopt;
  }

 private:
  Failure prep() { return Failure{sqlite3_errcode(s_.db), "cannot prepare a statement"}; }

  void count_name(const std::string& code, const std::string& text, int64_t delta) {
    if (!code.empty() && !text.empty()) names_[{code, lower_ascii(text)}] += delta;
  }

  std::optional<Failure> remove_mentions(int64_t article_id) {
    std::vector<int64_t> ids;
    auto* q = s_.stmt(
        "SELECT id, sentence, source_code, source_text, target_code, target_text FROM mentions WHERE article_id = ? "
        "ORDER BY id");
    if (!q) return prep();
    q->bind(1, article_id);
    int rc;
    while ((rc = q->step()) == SQLITE_ROW) {
      ids.push_back(q->i64(0));
      fts_.push_back({true, q->i64(0), q->text(1)});
      count_name(q->text(2), q->text(3), -1);
      count_name(q->text(4), q->text(5), -1);
    }
    if (rc != SQLITE_DONE) return Failure{rc, "cannot read the article's mentions"};
    std::set<int64_t> events;
    for (int64_t m : ids) {
      auto* l = s_.stmt("SELECT event_id FROM links WHERE mention_id = ?");
      if (!l) return prep();
      l->bind(1, m);
      while ((rc = l->step()) == SQLITE_ROW) events.insert(l->i64(0));
      if (rc != SQLITE_DONE) return Failure{rc, "cannot read the links"};
      auto* dl = s_.stmt("DELETE FROM links WHERE mention_id = ?");
      if (!dl) return prep();
      dl->bind(1, m);
      if ((rc = dl->step()) != SQLITE_DONE) return Failure{rc, "cannot delete the old links"};
      auto* dm = s_.stmt("DELETE FROM mentions WHERE id = ?");
      if (!dm) return prep();
      dm->bind(1, m);
      if ((rc = dm->step()) != SQLITE_DONE) return Failure{rc, "cannot delete the old mentions"};
    }
    // Refresh now, so that the new mentions are matched against what remains.
    for (int64_t e : events) {
      if (auto f = refresh(e)) return f;
      touched_.erase(e);
    }
    return std::nullopt;
  }

  std::optional<Failure> mention(const Article& a, int64_t article_id, int64_t ordinal) {
    const Event& e = a.events[static_cast<size_t>(ordinal)];
    const std::string status = mention_status(e);
    const std::string date = e.date.empty() ? a.doc.date : e.date;
    const std::optional<int32_t> day = day_number(date);
    auto* ins = s_.stmt(
        "INSERT INTO mentions(article_id, ordinal, event_key, sentence_index, sentence_start, sentence_end, sentence, "
        "source_code, source_country, source_text, source_start, source_end, target_code, target_country, target_text, "
        "target_start, target_end, code, base, root, quad, goldstein, plover_type, plover_mode, plover_context, "
        "polarity, modality, attribution, status, date, day, place, quantities, verb_text, verb_start, verb_end, "
        "rule_file, rule_line, rule_pattern, place_country, place_lat, place_lon, place_kind, source_inferred, "
        "source_implied, target_inferred, target_implied) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
        "?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47)");
    if (!ins) return prep();
    ins->bind(1, article_id).bind(2, ordinal).bind(3, e.id).bind(4, e.sentence_index).bind(5, e.sentence_start);
    ins->bind(6, e.sentence_end).bind(7, e.sentence);
    ins->bind(8, e.source.code).bind(9, e.source.country).bind(10, e.source.text).bind(11, e.source.start);
    ins->bind(12, e.source.end);
    ins->bind(13, e.target.code).bind(14, e.target.country).bind(15, e.target.text).bind(16, e.target.start);
    ins->bind(17, e.target.end);
    ins->bind(18, e.code).bind(19, e.base).bind(20, e.root).bind(21, e.quad).bind(22, e.goldstein);
    ins->bind(23, e.plover.type).bind(24, e.plover.mode).bind(25, e.plover.context);
    ins->bind(26, to_string(e.polarity)).bind(27, to_string(e.modality)).bind(28, e.attribution).bind(29, status);
    ins->bind(30, date);
    if (day) ins->bind(31, static_cast<int64_t>(*day));
    ins->bind(32, e.place).bind(33, quantities_json(e)).bind(34, e.verb_text).bind(35, e.verb_start);
    ins->bind(36, e.verb_end).bind(37, e.rule.file).bind(38, e.rule.line).bind(39, e.rule.pattern);
    ins->bind(40, e.place_country).bind(43, e.place_kind);
    if (!e.place.empty()) ins->bind(41, e.place_lat).bind(42, e.place_lon);
    ins->bind(44, int64_t{e.source.country_inferred}).bind(45, int64_t{e.source.implied});
    ins->bind(46, int64_t{e.target.country_inferred}).bind(47, int64_t{e.target.implied});
    if (int rc = ins->step(); rc != SQLITE_DONE) return Failure{rc, "cannot insert a mention"};
    const int64_t mid = sqlite3_last_insert_rowid(s_.db);
    ++st_.mentions;
    fts_.push_back({false, mid, e.sentence});
    count_name(e.source.code, e.source.text, 1);
    count_name(e.target.code, e.target.text, 1);

    const Block b = block_of(e, status);
    std::vector<Candidate> cands;
    if (auto f = candidates(b.key, day, date, cands)) return f;
    const Candidate* best = nullptr;
    Match best_match = Match::none;
    int best_score = -1;
    for (const auto& c : cands) {
      Match m = code_match(c.base, e.base);
      if (m == Match::none || !places_agree(c.where(), PlaceRef{e.place, e.place_kind, e.place_country}) || !in_window(c, day)) continue;
      int score = (!e.place.empty() && !c.place.empty() && c.place == e.place ? 2 : 0) +
                  (m == Match::same_code ? 1 : 0);
      if (score > best_score) best = &c, best_match = m, best_score = score;
    }
    if (best) {
      const std::string new_base = is_vague(best->base) && !is_vague(e.base) ? e.base : best->base;
      // an event with no place yet takes this mention's (name, country and coordinates)
      const int64_t place_from = best->place.empty() && !e.place.empty() ? mid : 0;
      std::optional<int64_t> first = best->first, last = best->last;
      if (day) {
        first = first ? std::min<int64_t>(*first, *day) : *day;
        last = last ? std::max<int64_t>(*last, *day) : *day;
      }
      auto* u = s_.stmt(
          "UPDATE events SET first_day = ?2, last_day = ?3, base = ?4, "
          "place = coalesce((SELECT place FROM mentions WHERE id = ?5), place), "
          "place_country = coalesce((SELECT place_country FROM mentions WHERE id = ?5), place_country), "
          "place_kind = coalesce((SELECT place_kind FROM mentions WHERE id = ?5), place_kind), "
          "place_lat = CASE WHEN ?5 = 0 THEN place_lat ELSE (SELECT place_lat FROM mentions WHERE id = ?5) END, "
          "place_lon = CASE WHEN ?5 = 0 THEN place_lon ELSE (SELECT place_lon FROM mentions WHERE id = ?5) END "
          "WHERE id = ?1");
      if (!u) return prep();
      u->bind(1, best->id).bind(2, first).bind(3, last).bind(4, new_base).bind(5, place_from);
      if (int rc = u->step(); rc != SQLITE_DONE) return Failure{rc, "cannot update an event"};
      if (auto f = link(mid, "member", best->id, best_match, join_reason(b, status, e, date, day, *best, best_match)))
        return f;
      touched_.insert(best->id);
      ++st_.events_joined;
    } else {
      auto* ne = s_.stmt(
          "INSERT INTO events(block, status, dyad, symmetric, actor1_code, actor1_country, actor1_name, actor2_code, "
          "actor2_country, actor2_name, code, base, root, quad, goldstein, plover_type, plover_mode, plover_context, "
          "place, date, end_date, first_day, last_day, first_seen, last_seen, num_mentions, num_sources, num_articles, "
          "num_contests, rep_mention_id, place_country, place_lat, place_lon, place_kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
          "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?21, ?21, ?22, ?22, 1, 1, 1, 0, ?23, ?24, "
          "?25, ?26, ?27)");
      if (!ne) return prep();
      const std::string seen = a.doc.date.empty() ? date : a.doc.date;
      ne->bind(1, b.key).bind(2, status).bind(3, b.dyad).bind(4, b.symmetric ? 1 : 0);
      ne->bind(5, e.source.code).bind(6, e.source.country).bind(7, e.source.text);
      ne->bind(8, e.target.code).bind(9, e.target.country).bind(10, e.target.text);
      ne->bind(11, e.code).bind(12, e.base).bind(13, e.root).bind(14, e.quad).bind(15, e.goldstein);
      ne->bind(16, e.plover.type).bind(17, e.plover.mode).bind(18, e.plover.context).bind(19, e.place).bind(20, date);
      if (day) ne->bind(21, static_cast<int64_t>(*day));
      ne->bind(22, seen).bind(23, mid).bind(24, e.place_country).bind(27, e.place_kind);
      if (!e.place.empty()) ne->bind(25, e.place_lat).bind(26, e.place_lon);
      if (int rc = ne->step(); rc != SQLITE_DONE) return Failure{rc, "cannot create an event"};
      const int64_t eid = sqlite3_last_insert_rowid(s_.db);
      std::string why = fmt::format("first mention of {} {} {} {}: a new event", status, b.dyad, e.code,
                                    date.empty() ? "(no date)" : "on " + date);
      if (!cands.empty()) why += fmt::format(" ({} nearby event(s) of the same status and dyad did not fit: {})",
                                             cands.size(), misfit(cands, e, day));
      if (auto f = link(mid, "member", eid, Match::new_event, why)) return f;
      ++st_.events_created;  // its row is exact as inserted: no refresh needed unless something links to it
      if (contestable(status))
        if (auto f = adopt_contests(eid, b, e, date, day)) return f;
    }
    if (contests(status))
      if (auto f = contest(mid, b, status, e, date, day)) return f;
    return std::nullopt;
  }

  // Events of block `key` whose span could hold `day`; with no day, the events of the same date
  // string: a date known to the month or year only ("2015-03", "2015") has no day, and joins
  // events of that month or year, as an undated mention joins undated events.
  std::optional<Failure> candidates(const std::string& key, std::optional<int32_t> day, const std::string& date,
                                    std::vector<Candidate>& out) {
    out.clear();
    sql::Stmt* q;
    if (day) {
      q = s_.stmt("SELECT id, base, place, first_day, last_day, place_country, place_kind FROM events WHERE block = ?1 AND first_day BETWEEN ?2 AND ?3 "
                  "ORDER BY id");
      if (!q) return prep();
      q->bind(1, key).bind(2, static_cast<int64_t>(*day - window_)).bind(3, static_cast<int64_t>(*day + window_));
    } else {
      q = s_.stmt("SELECT id, base, place, first_day, last_day, place_country, place_kind FROM events WHERE block = ?1 AND first_day IS NULL "
                  "AND date = ?2 ORDER BY id");
      if (!q) return prep();
      q->bind(1, key).bind(2, date);
    }
    int rc;
    while ((rc = q->step()) == SQLITE_ROW) out.push_back({q->i64(0), q->text(1), q->text(2), q->text(5), q->text(6), q->opt_i64(3), q->opt_i64(4)});
    if (rc != SQLITE_DONE) return Failure{rc, "cannot read the events"};
    return std::nullopt;
  }

  bool in_window(const Candidate& c, std::optional<int32_t> day) const {
    if (!day) return !c.first;
    if (!c.first || !c.last) return false;
    return std::max<int64_t>(*c.last, *day) - std::min<int64_t>(*c.first, *day) <= window_;
  }

  std::string misfit(const std::vector<Candidate>& cands, const Event& e, std::optional<int32_t> day) const {
    std::string o;
    for (size_t i = 0; i < cands.size() && i < 3; ++i) {
      const auto& c = cands[i];
      std::string why;
      if (code_match(c.base, e.base) == Match::none) why = fmt::format("code {} vs {}", e.base, c.base);
      else if (!places_agree(c.where(), PlaceRef{e.place, e.place_kind, e.place_country})) why = fmt::format("place '{}' vs '{}'", e.place, c.place);
      else why = fmt::format("dates would span more than {} days", window_);
      o += fmt::format("{}event {}: {}", i ? "; " : "", c.id, why);
    }
    return o;
  }

  std::string join_reason(const Block& b, const std::string& status, const Event& e, const std::string& date,
                          std::optional<int32_t> day, const Candidate& c, Match m) const {
    std::string code;
    switch (m) {
      case Match::same_code: code = fmt::format("code {} has the event's base code {}", e.code, c.base); break;
      case Match::vaguer_code:
        code = fmt::format("code {} and the event's {} share root {} and one is unspecified", e.code, c.base, e.root);
        break;
      case Match::converse_code: code = fmt::format("code {} is the other side of the event's {} (visit/host)", e.code, c.base); break;
      default: break;
    }
    std::string when = day ? fmt::format("date {} within {} days of the event's {}..{}", date, window_,
                                         iso_date(static_cast<int32_t>(*c.first)), iso_date(static_cast<int32_t>(*c.last)))
                           : std::string("no date, like the event");
    std::string where = e.place.empty() && c.place.empty() ? "no place given"
                        : e.place.empty()                   ? fmt::format("no place given (event: {})", c.place)
                        : c.place.empty()                   ? fmt::format("place {} (event: none yet)", e.place)
                        : places_agree(c.place, e.place)    ? fmt::format("same place {}", e.place)
                                                            : fmt::format("places in one country: {} and {} ({})", e.place,
                                                                          c.place, e.place_country);
    return fmt::format("same status {} and dyad {}{}; {}; {}; {}", status, b.dyad,
                       b.symmetric ? " (order-insensitive)" : "", code, when, where);
  }

  std::optional<Failure> link(int64_t mention, const char* role, int64_t event, Match m, const std::string& reason) {
    auto* l = s_.stmt("INSERT INTO links(mention_id, role, event_id, match, reason) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!l) return prep();
    l->bind(1, mention).bind(2, role).bind(3, event).bind(4, m == Match::none ? "contests" : to_string(m)).bind(5, reason);
    if (int rc = l->step(); rc != SQLITE_DONE) return Failure{rc, "cannot link a mention to its event"};
    return std::nullopt;
  }

  // A denied or negated mention: link it to the fact (else reported, else intent) event it contradicts.
  std::optional<Failure> contest(int64_t mid, const Block& b, const std::string& status, const Event& e,
                                 const std::string& date, std::optional<int32_t> day) {
    std::vector<Candidate> cands;
    for (const char* target : {"fact", "reported", "intent"}) {
      if (auto f = candidates(with_status(b.key, target), day, date, cands)) return f;
      for (const auto& c : cands) {
        if (code_match(c.base, e.base) == Match::none || !places_agree(c.where(), PlaceRef{e.place, e.place_kind, e.place_country}) || !in_window(c, day)) continue;
        std::string why = fmt::format("{} mention of {} {} {} contradicts {} event {} (same dyad, compatible code {}, {})",
                                      status, b.dyad, e.code, date.empty() ? "(no date)" : "on " + date, target, c.id,
                                      c.base, day ? fmt::format("within {} days", window_) : "both undated");
        if (auto f = link(mid, "contests", c.id, Match::none, why)) return f;
        touched_.insert(c.id);
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // A new fact/reported/intent event: earlier denials of it that found nothing to contest now do.
  std::optional<Failure> adopt_contests(int64_t eid, const Block& b, const Event& e, const std::string& date,
                                       std::optional<int32_t> day) {
    std::vector<Candidate> cands;
    const std::string target = b.key.substr(0, b.key.find('|'));
    for (const char* cs : {"denied", "negated"}) {
      if (auto f = candidates(with_status(b.key, cs), day, date, cands)) return f;
      for (const auto& c : cands) {
        if (code_match(c.base, e.base) == Match::none || !places_agree(c.where(), PlaceRef{e.place, e.place_kind, e.place_country}) || !in_window(c, day)) continue;
        std::vector<int64_t> free;
        auto* q = s_.stmt(
            "SELECT l.mention_id FROM links l WHERE l.event_id = ? AND l.role = 'member' AND NOT EXISTS "
            "(SELECT 1 FROM links x WHERE x.mention_id = l.mention_id AND x.role = 'contests') ORDER BY l.mention_id");
        if (!q) return prep();
        q->bind(1, c.id);
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) free.push_back(q->i64(0));
        if (rc != SQLITE_DONE) return Failure{rc, "cannot read the links"};
        for (int64_t m : free) {
          std::string why = fmt::format("{} mention (of {} event {}) contradicts {} event {}, stored later "
                                        "(same dyad {}, compatible code {}, {})",
                                        cs, cs, c.id, target, eid, b.dyad, e.base,
                                        day ? fmt::format("within {} days", window_) : "both undated");
          if (auto f = link(m, "contests", eid, Match::none, why)) return f;
          touched_.insert(eid);
        }
      }
    }
    return std::nullopt;
  }

  // Recomputes an event from its member mentions; deletes it when none is left.
  std::optional<Failure> refresh(int64_t id) {
    auto* q = s_.stmt(
        "SELECT m.id, m.base, m.day, m.date, m.place, a.date, a.outlet, m.article_id, m.place_lat IS NOT NULL "
        "FROM links l "
        "JOIN mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id "
        "WHERE l.event_id = ? AND l.role = 'member' ORDER BY m.id");
    if (!q) return prep();
    q->bind(1, id);
    int64_t n = 0, rep = 0;
    bool rep_specific = false;
    std::set<int64_t> articles;
    std::set<std::string> outlets;
    std::optional<int64_t> first, last;
    std::string date, end_date, first_seen, last_seen, place;
    int64_t place_mid = 0;  // the member mention the place (and its country and coordinates) comes from
    bool place_coords = false;
    int rc;
    while ((rc = q->step()) == SQLITE_ROW) {
      ++n;
      const int64_t mid = q->i64(0);
      const std::string base = q->text(1);
      // The representative: the first member with a specific code, else the first member.
      if (!rep) {
        rep = mid;
        rep_specific = !is_vague(base);
      } else if (!rep_specific && !is_vague(base)) {
        rep = mid;
        rep_specific = true;
      }
      if (auto d = q->opt_i64(2)) {
        first = first ? std::min(*first, *d) : *d;
        last = last ? std::max(*last, *d) : *d;
      }
      std::string md = q->text(3);
      if (!md.empty()) {
        if (date.empty() || md < date) date = md;
        if (md > end_date) end_date = md;
      }
      // the first member that names a place, preferring one whose place has coordinates
      // (mentions stored before schema 2 have none)
      if (!q->text(4).empty() && (place.empty() || (!place_coords && q->i64(8) != 0))) {
        place = q->text(4);
        place_mid = mid;
        place_coords = q->i64(8) != 0;
      }
      std::string seen = q->text(5);
      if (seen.empty()) seen = md;
      if (!seen.empty()) {
        if (first_seen.empty() || seen < first_seen) first_seen = seen;
        if (seen > last_seen) last_seen = seen;
      }
      outlets.insert(q->text(6));
      articles.insert(q->i64(7));
    }
    if (rc != SQLITE_DONE) return Failure{rc, "cannot read an event's mentions"};
    if (n == 0) {
      auto* dl = s_.stmt("DELETE FROM links WHERE event_id = ?");
      if (!dl) return prep();
      dl->bind(1, id);
      if ((rc = dl->step()) != SQLITE_DONE) return Failure{rc, "cannot delete an empty event's links"};
      auto* de = s_.stmt("DELETE FROM events WHERE id = ?");
      if (!de) return prep();
      de->bind(1, id);
      if ((rc = de->step()) != SQLITE_DONE) return Failure{rc, "cannot delete an empty event"};
      return std::nullopt;
    }
    auto* c = s_.stmt("SELECT count(*) FROM links WHERE event_id = ? AND role = 'contests'");
    if (!c) return prep();
    c->bind(1, id);
    if ((rc = c->step()) != SQLITE_ROW) return Failure{rc, "cannot count an event's contesting mentions"};
    const int64_t contests_n = c->i64(0);
    c->reset();
    // Indexed columns (the representative's codes, date, first_day) are rewritten only when
    // they change: every index of events would otherwise be rewritten for a count update.
    auto* cur = s_.stmt("SELECT rep_mention_id, date, first_day FROM events WHERE id = ?");
    if (!cur) return prep();
    cur->bind(1, id);
    if ((rc = cur->step()) != SQLITE_ROW) return Failure{rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, "cannot read an event"};
    const bool moved = cur->i64(0) != rep || cur->text(1) != date || cur->opt_i64(2) != first;
    cur->reset();
    // the place's country, kind and coordinates come from the member that gave its name (?14;
    // 0 when no member names a place: the country and kind are then empty, the coordinates NULL)
    static const std::string place_from_14 =
        "place_country = coalesce((SELECT place_country FROM mentions WHERE id = ?14), ''), "
        "place_kind = coalesce((SELECT place_kind FROM mentions WHERE id = ?14), ''), "
        "place_lat = (SELECT place_lat FROM mentions WHERE id = ?14), "
        "place_lon = (SELECT place_lon FROM mentions WHERE id = ?14), ";
    sql::Stmt* u;
    if (moved) {
      static const std::string moved_sql =
          "UPDATE events SET (actor1_code, actor1_country, actor1_name, actor2_code, actor2_country, actor2_name, code, "
          "base, root, quad, goldstein, plover_type, plover_mode, plover_context) = (SELECT source_code, source_country, "
          "source_text, target_code, target_country, target_text, code, base, root, quad, goldstein, plover_type, "
          "plover_mode, plover_context FROM mentions WHERE id = ?2), rep_mention_id = ?2, place = ?3, date = ?4, " +
          place_from_14 +
          "end_date = ?5, first_day = ?6, last_day = ?7, first_seen = ?8, last_seen = ?9, num_mentions = ?10, "
          "num_sources = ?11, num_articles = ?12, num_contests = ?13 WHERE id = ?1";
      u = s_.stmt(moved_sql);
    } else {
      static const std::string still_sql =
          "UPDATE events SET place = ?3, end_date = ?5, last_day = ?7, first_seen = ?8, last_seen = ?9, " +
          place_from_14 +
          "num_mentions = ?10, num_sources = ?11, num_articles = ?12, num_contests = ?13 WHERE id = ?1 AND ?2 = ?2 "
          "AND ?4 = ?4 AND ?6 IS ?6";
      u = s_.stmt(still_sql);
    }
    if (!u) return prep();
    u->bind(1, id).bind(2, rep).bind(3, place).bind(4, date).bind(5, end_date).bind(6, first).bind(7, last);
    u->bind(8, first_seen).bind(9, last_seen).bind(10, n).bind(11, static_cast<int64_t>(outlets.size()));
    u->bind(12, static_cast<int64_t>(articles.size())).bind(13, contests_n).bind(14, place_mid);
    if ((rc = u->step()) != SQLITE_DONE) return Failure{rc, "cannot update an event"};
    return std::nullopt;
  }

  Store::Impl& s_;
  BatchStats& st_;
  const int window_;
  const std::string now_ = now_utc();
  std::set<int64_t> touched_;  // events whose members or contests changed: refreshed by finish()
  std::map<std::pair<std::string, std::string>, int64_t> names_;
  std::vector<FtsOp> fts_;
};

}  // namespace

Result<BatchStats> Store::write_batch(const std::vector<Article>& batch, bool force) {
  Impl& s = *impl_;
  BatchStats st;
  if (s.read_only) return fail("store_readonly", "this store was opened read-only", Location{.file = s.path});
  if (batch.empty()) return st;
  const Article* current = nullptr;
  auto failed = [&](int rc, const std::string& what) -> std::unexpected<Error> {
    Error e = s.error(rc, what);
    s.reset_all();
    if (!sqlite3_get_autocommit(s.db)) s.exec("ROLLBACK");
    if (current) {
      e.message = fmt::format("while storing article {} in {}: {}; this batch of {} article(s) was rolled back, "
                              "every earlier batch is committed",
                              current->doc.id, s.path, e.message, batch.size());
      e.where = current->doc.origin;
      e.where.record = current->doc.id;
    }
    return std::unexpected(e);
  };
  if (int rc = s.exec("BEGIN IMMEDIATE"); rc != SQLITE_OK) {
    current = &batch.front();
    return failed(rc, "cannot start a write transaction");
  }
  Writer w(s, st);
  for (const auto& a : batch) {
    current = &a;
    if (auto f = w.article(a, force)) return failed(f->rc, f->what);
  }
  s.reset_all();
  if (auto f = w.finish()) return failed(f->rc, f->what);
  s.reset_all();
  if (int rc = s.exec("COMMIT"); rc != SQLITE_OK) return failed(rc, "cannot commit the batch");
  return st;
}

}  // namespace dyad::store
