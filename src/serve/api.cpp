// The JSON API of `dyad serve` (see api.h). Filters are validated here, turned into SQL with
// `?` placeholders only, and bound; the store's own read functions are used where they fit
// (mentions_of, counts), the rest is read-only SQL over the documented schema (docs/STORE.md).
#include "serve/api.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <variant>

#include "cameo/cameo.h"
#include "store/cluster.h"
#include "io/reader.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace dyad::serve {

// ---------------------------------------------------------------------------------------------
// JSON


void json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
          if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04x}", c);
          else out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A multi-byte sequence: copied when valid, else one U+FFFD per bad byte.
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len && i + len <= s.size() && io::valid_utf8(s.substr(i, len))) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  out += '"';
}

namespace {

// A small JSON builder: objects and arrays written in order, commas handled.
class Json {
 public:
  Json& obj() { return open('{'); }
  Json& arr() { return open('['); }
  Json& end() {
    out_ += close_.back();
    close_.pop_back();
    first_.pop_back();
    return *this;
  }
  Json& key(std::string_view k) {
    sep();
    json_string(out_, k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  Json& str(std::string_view v) {
    sep();
    json_string(out_, v);
    return *this;
  }
  Json& num(int64_t v) {
    sep();
    out_ += std::to_string(v);
    return *this;
  }
  Json& dbl(double v) {
    sep();
    if (!std::isfinite(v)) out_ += "null";
    else out_ += fmt::format("{}", std::round(v * 1e4) / 1e4);
    return *this;
  }
  Json& boolean(bool v) {
    sep();
    out_ += v ? "true" : "false";
    return *this;
  }
  Json& null() {
    sep();
    out_ += "null";
    return *this;
  }
  Json& raw(std::string_view v) {
    sep();
    out_ += v;
    return *this;
  }
  // key + value shortcuts
  Json& kv(std::string_view k, std::string_view v) { return key(k).str(v); }
  Json& kv(std::string_view k, const std::string& v) { return key(k).str(v); }
  Json& kv(std::string_view k, const char* v) { return key(k).str(v); }
  Json& kn(std::string_view k, int64_t v) { return key(k).num(v); }
  Json& kd(std::string_view k, double v) { return key(k).dbl(v); }
  Json& kb(std::string_view k, bool v) { return key(k).boolean(v); }
  std::string take() { return std::move(out_); }

 private:
  Json& open(char c) {
    sep();
    out_ += c;
    close_.push_back(c == '{' ? '}' : ']');
    first_.push_back(1);
    return *this;
  }
  void sep() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (first_.back()) first_.back() = 0;
      else out_ += ',';
    }
  }
  std::string out_;
  std::vector<char> close_;
  std::vector<char> first_;
  bool after_key_ = false;
};

Response ok(std::string body) { return Response{200, std::move(body)}; }

// ---------------------------------------------------------------------------------------------
// Parameters

struct BadParam {
  std::string name, message;
};

using store::sql::Arg;

struct Where {
  std::string sql;  // " AND (...)" clauses over events e
  std::vector<Arg> args;
  void add(const std::string& clause, std::vector<Arg> a = {}) {
    sql += " AND (" + clause + ")";
    for (auto& x : a) args.push_back(std::move(x));
  }
};

using store::sql::bind_all;
using store::sql::prefix_end;

bool all_of(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), pred);
}
bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}


const std::set<std::string, std::less<>> kStatuses = {"fact", "intent", "reported", "hypothetical", "denied", "negated"};

// The query parameters of one request, checked against the endpoint's allowed names.
class Params {
 public:
  Params(const std::vector<std::pair<std::string, std::string>>& p, std::set<std::string, std::less<>> allowed)
      : raw_(p), allowed_(std::move(allowed)) {}

  std::optional<BadParam> check() const {
    std::set<std::string, std::less<>> seen;
    for (const auto& [k, v] : raw_) {
      if (!io::valid_utf8(k)) return BadParam{"", "a parameter name is not valid UTF-8"};
      if (!allowed_.count(k)) return BadParam{k, fmt::format("unknown parameter '{}'", k.substr(0, 64))};
      if (!seen.insert(k).second) return BadParam{k, fmt::format("parameter '{}' is given more than once", k)};
      if (!io::valid_utf8(v)) return BadParam{k, fmt::format("parameter '{}' is not valid UTF-8", k)};
      if (v.size() > 512) return BadParam{k, fmt::format("parameter '{}' is longer than 512 bytes", k)};
    }
    return std::nullopt;
  }
  std::string get(std::string_view k) const {
    for (const auto& [n, v] : raw_)
      if (n == k) return v;
    return {};
  }
  bool has(std::string_view k) const {
    for (const auto& [n, v] : raw_)
      if (n == k) return true;
    return false;
  }

 private:
  const std::vector<std::pair<std::string, std::string>>& raw_;
  std::set<std::string, std::less<>> allowed_;
};

const std::set<std::string, std::less<>> kFilterNames = {"actor", "country", "code", "root", "quad",
                                                         "from",  "to",      "text", "status", "lang"};

std::set<std::string, std::less<>> with_filters(std::initializer_list<const char*> extra) {
  auto s = kFilterNames;
  for (const char* e : extra) s.insert(e);
  return s;
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::expected<int64_t, BadParam> int_param(const Params& p, const char* name, int64_t def, int64_t lo, int64_t hi) {
  if (!p.has(name)) return def;
  auto v = parse_int(p.get(name));
  if (!v || *v < lo || *v > hi)
    return std::unexpected(BadParam{name, fmt::format("parameter '{}' must be an integer from {} to {}", name, lo, hi)});
  return *v;
}

std::expected<bool, BadParam> bool_param(const Params& p, const char* name) {
  if (!p.has(name)) return false;
  const std::string v = p.get(name);
  if (v == "1" || v == "true" || v == "") return true;
  if (v == "0" || v == "false") return false;
  return std::unexpected(BadParam{name, fmt::format("parameter '{}' must be true or false", name)});
}

// The dyad query filters (plus lang) -> WHERE clauses over events e.
std::expected<Where, BadParam> build_where(const Params& p) {
  Where w;
  if (auto a = p.get("actor"); !a.empty()) {
    if (a.size() > 100) return std::unexpected(BadParam{"actor", "parameter 'actor' is longer than 100 bytes"});
    if (a.size() >= 2 && all_of(a, is_upper_or_digit)) {
      const std::string hi = prefix_end(a);
      w.add("(e.actor1_code >= ? AND e.actor1_code < ?) OR (e.actor2_code >= ? AND e.actor2_code < ?)", {a, hi, a, hi});
    } else {
      const char* names = "SELECT code FROM actor_names WHERE instr(' ' || name || ' ', ' ' || ? || ' ') > 0";
      w.add(fmt::format("e.actor1_code IN ({0}) OR e.actor2_code IN ({0})", names), {lower_ascii(a), lower_ascii(a)});
    }
  }
  if (auto c = p.get("country"); !c.empty()) {
    if (c.size() != 3 || !all_of(c, is_upper))
      return std::unexpected(BadParam{"country", "parameter 'country' must be an ISO 3166 alpha-3 code (RUS)"});
    w.add("e.actor1_country = ? OR e.actor2_country = ?", {c, c});
  }
  if (auto c = p.get("code"); !c.empty()) {
    if (c.size() > 4 || !all_of(c, is_digit))
      return std::unexpected(BadParam{"code", "parameter 'code' must be a CAMEO code prefix of 1-4 digits (19, 0431)"});
    w.add("e.code >= ? AND e.code < ?", {c, prefix_end(c)});
  }
  if (auto r = p.get("root"); !r.empty()) {
    auto n = parse_int(r);
    if (r.size() != 2 || !n || *n < 1 || *n > 20)
      return std::unexpected(BadParam{"root", "parameter 'root' must be a CAMEO root code, 01 to 20"});
    w.add("e.code >= ? AND e.code < ? AND e.root = ?", {r, prefix_end(r), r});
  }
  if (p.has("quad")) {
    auto q = int_param(p, "quad", 0, 1, 4);
    if (!q) return std::unexpected(q.error());
    w.add("e.quad = ?", {*q});
  }
  for (const char* name : {"from", "to"}) {
    auto d = p.get(name);
    if (d.empty()) continue;
    auto day = store::day_number(d);
    if (d.size() != 10 || !day || store::iso_date(*day) != d)  // 2023-02-30 is not a date
      return std::unexpected(BadParam{name, fmt::format("parameter '{}' must be a date, YYYY-MM-DD", name)});
    if (name[0] == 'f') w.add(store::kDateFromSql, {d, d.substr(0, 7), d.substr(0, 4)});
    else w.add("e.date <= ? AND e.date <> ''", {d});
  }
  if (auto t = p.get("text"); !t.empty()) {
    if (t.size() > 200) return std::unexpected(BadParam{"text", "parameter 'text' is longer than 200 bytes"});
    std::string q = store::fts_query(t);
    if (!q.empty())
      w.add("e.id IN (SELECT l.event_id FROM mention_fts JOIN links l ON l.mention_id = mention_fts.rowid "
            "WHERE mention_fts MATCH ?)",
            {q});
  }
  if (auto s = p.get("status"); !s.empty() && s != "all") {
    std::string in, cur;
    std::vector<Arg> a;
    for (char ch : s + ",") {
      if (ch != ',') {
        cur += ch;
        continue;
      }
      if (cur.empty()) continue;
      if (!kStatuses.count(cur))
        return std::unexpected(BadParam{
            "status", "parameter 'status' must be a comma list of fact, intent, reported, hypothetical, denied, negated, "
                      "or all"});
      in += in.empty() ? "?" : ", ?";
      a.push_back(cur);
      cur.clear();
    }
    if (!a.empty()) w.add("e.status IN (" + in + ")", std::move(a));
  }
  if (auto l = p.get("lang"); !l.empty()) {
    if (l.size() < 2 || l.size() > 3 || !all_of(l, is_lower))
      return std::unexpected(BadParam{"lang", "parameter 'lang' must be a language code of 2-3 lower-case letters (en)"});
    w.add("EXISTS (SELECT 1 FROM mentions lm JOIN articles la ON la.id = lm.article_id "
          "WHERE lm.id = e.rep_mention_id AND la.lang = ?)",
          {l});
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Connections

struct Conn {
  std::unique_ptr<store::Store> st;
  std::chrono::steady_clock::time_point deadline;
  std::atomic<bool> timed_out{false};
};

int on_progress(void* p) {
  auto* c = static_cast<Conn*>(p);
  if (std::chrono::steady_clock::now() > c->deadline) {
    c->timed_out = true;
    return 1;  // SQLite stops the statement with SQLITE_INTERRUPT
  }
  return 0;
}

struct Timeout {};  // thrown inside a handler when the deadline stopped a query
struct DbError {
  std::string message;
};

}  // namespace

struct Api::Impl {
  ApiOptions opt;
  std::optional<CameoTable> cameo;
  std::mutex mu;
  std::vector<std::unique_ptr<Conn>> idle;
  // Read once at start (counting a million rows is not for every health check).
  store::Counts counts;
  std::string first_date, last_date;
  std::vector<std::string> languages;

  Result<std::unique_ptr<Conn>> acquire() {
    {
      std::lock_guard lk(mu);
      if (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        return c;
      }
    }
    store::OpenOptions oo;
    oo.read_only = true;
    auto st = store::Store::open(opt.db, oo);
    if (!st) return std::unexpected(st.error());
    auto c = std::make_unique<Conn>();
    c->st = std::move(*st);
    c->deadline = std::chrono::steady_clock::time_point::max();
    // Read pages through a memory map (no read() per page): several times faster on large
    // stores. Only this connection's reading changes; the file is not written.
    sqlite3_exec(c->st->handle(), "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    sqlite3_progress_handler(c->st->handle(), std::max(1, opt.progress_ops), on_progress, c.get());
    return c;
  }
  void release(std::unique_ptr<Conn> c) {
    std::lock_guard lk(mu);
    idle.push_back(std::move(c));
  }

  std::string code_name(std::string_view code) const {
    if (!cameo) return {};
    const CameoInfo* c = cameo->find(code);
    return c ? c->name : std::string{};
  }
};

namespace {

// Runs SQL on a borrowed connection; throws Timeout or DbError.
struct Q {
  Conn& c;
  store::sql::Stmt prepare(const std::string& sql, const std::vector<Arg>& args = {}) {
    store::sql::Stmt st(c.st->handle(), sql);
    if (!st.ok()) fail_rc(st.rc());
    bind_all(st, args);
    return st;
  }
  bool step(store::sql::Stmt& st) {
    int rc = st.step();
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail_rc(rc);
  }
  [[noreturn]] void fail_rc(int rc) {
    if (c.timed_out || rc == SQLITE_INTERRUPT) throw Timeout{};
    throw DbError{fmt::format("the store reports: {}", sqlite3_errmsg(c.st->handle()))};
  }
};

constexpr const char* kEventCols =
    "e.id, e.status, e.dyad, e.symmetric, e.date, e.end_date, e.first_seen, e.last_seen, e.actor1_code, "
    "e.actor1_country, e.actor1_name, e.actor2_code, e.actor2_country, e.actor2_name, e.code, e.base, e.root, e.quad, "
    "e.goldstein, e.plover_type, e.plover_mode, e.plover_context, e.place, e.num_mentions, e.num_sources, "
    "e.num_articles, e.num_contests, e.rep_mention_id, m.sentence, a.doc_id, a.url, a.lang, a.title, a.outlet";

void write_event(Json& j, const store::sql::Stmt& s, const Api::Impl& impl) {
  int i = 0;
  j.obj();
  j.kn("id", s.i64(i++));
  j.kv("status", s.text(i++));
  j.kv("dyad", s.text(i++));
  j.kb("symmetric", s.i64(i++) != 0);
  j.kv("date", s.text(i++));
  j.kv("end_date", s.text(i++));
  j.kv("first_seen", s.text(i++));
  j.kv("last_seen", s.text(i++));
  for (const char* side : {"actor1", "actor2"}) {
    j.key(side).obj();
    j.kv("code", s.text(i++));
    j.kv("country", s.text(i++));
    j.kv("name", s.text(i++));
    j.end();
  }
  const std::string code = s.text(i++);
  j.kv("code", code);
  j.kv("code_name", impl.code_name(code));
  j.kv("base", s.text(i++));
  j.kv("root", s.text(i++));
  j.kn("quad", s.i64(i++));
  j.kd("goldstein", s.f64(i++));
  j.key("plover").obj();
  j.kv("type", s.text(i++));
  j.kv("mode", s.text(i++));
  j.kv("context", s.text(i++));
  j.end();
  j.kv("place", s.text(i++));
  j.kn("num_mentions", s.i64(i++));
  j.kn("num_sources", s.i64(i++));
  j.kn("num_articles", s.i64(i++));
  j.kn("num_contests", s.i64(i++));
  j.kn("rep_mention_id", s.i64(i++));
  j.kv("evidence", s.text(i++));
  j.kv("doc_id", s.text(i++));
  j.kv("url", s.text(i++));
  j.kv("lang", s.text(i++));
  j.kv("title", s.text(i++));
  j.kv("outlet", s.text(i++));
  j.end();
}

struct SortKey {
  const char* name;
  const char* order;
};
constexpr SortKey kSorts[] = {
    {"-date", "e.date DESC, e.id DESC"},   {"date", "e.date ASC, e.id ASC"},
    {"-id", "e.id DESC"},                  {"id", "e.id ASC"},
    {"-goldstein", "e.goldstein DESC, e.id DESC"}, {"goldstein", "e.goldstein ASC, e.id ASC"},
    {"-mentions", "e.num_mentions DESC, e.id DESC"}, {"mentions", "e.num_mentions ASC, e.id ASC"},
};

using Handler = Response (*)(Api::Impl&, Conn&, const Request&);

Response bad(const BadParam& b) { return error_response(400, "bad_parameter", b.message, b.name); }

Response events_list(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, with_filters({"page", "per_page", "sort"}));
  if (auto b = p.check()) return bad(*b);
  auto w = build_where(p);
  if (!w) return bad(w.error());
  auto page = int_param(p, "page", 1, 1, 1000000000);
  if (!page) return bad(page.error());
  auto per = int_param(p, "per_page", 50, 1, impl.opt.max_page_size);
  if (!per) return bad(per.error());
  const int64_t offset = (*page - 1) * *per;
  if (offset > impl.opt.max_offset)
    return bad({"page", fmt::format("parameter 'page' goes past the first {} events; narrow the filters instead",
                                    impl.opt.max_offset)});
  std::string sort = p.has("sort") ? p.get("sort") : "-date";
  const char* order = nullptr;
  for (const auto& k : kSorts)
    if (sort == k.name) order = k.order;
  if (!order)
    return bad({"sort", "parameter 'sort' must be one of date, -date, id, -id, goldstein, -goldstein, mentions, -mentions"});

  Q q{c};
  constexpr int64_t kCountCap = 10000;
  auto cnt = q.prepare(fmt::format("SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1{} LIMIT {})", w->sql, kCountCap + 1),
                       w->args);
  int64_t total = q.step(cnt) ? cnt.i64(0) : 0;
  const bool exact = total <= kCountCap;
  if (!exact) total = kCountCap;

  // Newest (or oldest) first: sorting the M matches costs about M row reads; walking the date
  // index and testing each event costs about (offset + per_page) * N / M. Walk when cheaper
  // (M is known up to the count's cap, which is then a lower bound).
  const char* from = "events e";
  if ((sort == "-date" || sort == "date") && !w->sql.empty()) {
    auto mx = q.prepare("SELECT coalesce(max(id), 0) FROM events");
    const double n = q.step(mx) ? static_cast<double>(mx.i64(0)) : 0;
    const double m = std::max<double>(1, total);
    if (m * m > static_cast<double>(offset + *per) * n) from = "events e INDEXED BY events_date";
  }
  auto args = w->args;
  args.push_back(*per);
  args.push_back(offset);
  auto st = q.prepare(fmt::format("SELECT {} FROM (SELECT e.id FROM {} WHERE 1{} ORDER BY {} LIMIT ? OFFSET ?) AS pick "
                                  "JOIN events e ON e.id = pick.id JOIN mentions m ON m.id = e.rep_mention_id "
                                  "JOIN articles a ON a.id = m.article_id ORDER BY {}",
                                  kEventCols, from, w->sql, order, order),
                      args);
  Json j;
  j.obj();
  j.kn("total", total).kb("total_exact", exact).kn("page", *page).kn("per_page", *per).kv("sort", sort);
  j.key("events").arr();
  while (q.step(st)) write_event(j, st, impl);
  j.end().end();
  return ok(j.take());
}

void write_actor(Json& j, const char* key, const ActorRef& a, uint32_t sent_start) {
  j.key(key).obj();
  j.kv("code", a.code).kv("country", a.country).kv("text", a.text).kn("start", a.start).kn("end", a.end);
  // Offsets into the sentence (bytes of UTF-8), -1 when the span is not inside it.
  const bool in = a.end > a.start && a.start >= sent_start;
  j.kn("sentence_start", in ? int64_t{a.start} - sent_start : -1);
  j.kn("sentence_end", in ? int64_t{a.end} - sent_start : -1);
  j.kb("country_inferred", a.country_inferred).kb("implied", a.implied);
  j.end();
}

Response event_one(Api::Impl& impl, Conn& c, const Request& req, int64_t id) {
  Params p(req.params, {});
  if (auto b = p.check()) return bad(*b);
  Q q{c};
  auto st = q.prepare(fmt::format("SELECT {} FROM events e JOIN mentions m ON m.id = e.rep_mention_id "
                                  "JOIN articles a ON a.id = m.article_id WHERE e.id = ?",
                                  kEventCols),
                      {id});
  Json j;
  j.obj().key("event");
  if (!q.step(st)) return error_response(404, "not_found", fmt::format("no event {}", id));
  write_event(j, st, impl);
  auto ms = c.st->mentions_of(id);
  if (!ms) {
    if (c.timed_out) throw Timeout{};
    throw DbError{ms.error().message};
  }
  j.key("mentions").arr();
  for (const auto& m : *ms) {
    const Event& e = m.event;
    j.obj();
    j.kn("id", m.id).kv("role", m.role).kv("match", m.match).kv("reason", m.reason);
    j.kv("doc_id", e.doc_id).kv("doc_date", e.doc_date).kv("lang", e.lang).kv("url", e.url);
    j.kv("title", m.title).kv("outlet", m.outlet).kv("source_name", m.source);
    j.kn("sentence_index", e.sentence_index).kv("sentence", e.sentence);
    j.kn("sentence_start", e.sentence_start).kn("sentence_end", e.sentence_end);
    write_actor(j, "source", e.source, e.sentence_start);
    write_actor(j, "target", e.target, e.sentence_start);
    ActorRef verb;
    verb.text = e.verb_text;
    verb.start = e.verb_start;
    verb.end = e.verb_end;
    j.key("verb").obj();
    j.kv("text", verb.text).kn("start", verb.start).kn("end", verb.end);
    const bool in = verb.end > verb.start && verb.start >= e.sentence_start;
    j.kn("sentence_start", in ? int64_t{verb.start} - e.sentence_start : -1);
    j.kn("sentence_end", in ? int64_t{verb.end} - e.sentence_start : -1);
    j.end();
    j.kv("code", e.code).kv("code_name", impl.code_name(e.code)).kv("base", e.base).kv("root", e.root);
    j.kn("quad", e.quad).kd("goldstein", e.goldstein);
    j.key("plover").obj().kv("type", e.plover.type).kv("mode", e.plover.mode).kv("context", e.plover.context).end();
    j.kv("polarity", to_string(e.polarity)).kv("modality", to_string(e.modality)).kv("attribution", e.attribution);
    j.kv("date", e.date).kv("place", e.place);
    j.key("rule").obj().kv("file", e.rule.file).kn("line", e.rule.line).kv("pattern", e.rule.pattern).end();
    j.end();
  }
  j.end().end();
  return ok(j.take());
}

Response actors(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, with_filters({"limit"}));
  if (auto b = p.check()) return bad(*b);
  auto w = build_where(p);
  if (!w) return bad(w.error());
  auto limit = int_param(p, "limit", 50, 1, impl.opt.max_page_size);
  if (!limit) return bad(limit.error());
  Q q{c};
  // Both sides counted in one grouped pass each, merged here.
  struct Row {
    std::string country;
    int64_t events = 0, as1 = 0, as2 = 0, mentions = 0;
  };
  // One pass, aggregated here (SQLite would sort each side's rows for a GROUP BY).
  std::unordered_map<std::string, Row> acc;
  auto st = q.prepare(fmt::format("SELECT e.actor1_code, e.actor1_country, e.actor2_code, e.actor2_country, "
                                  "e.num_mentions FROM events e WHERE 1{}",
                                  w->sql),
                      w->args);
  while (q.step(st)) {
    for (int side = 0; side < 2; ++side) {
      std::string code = st.text(side * 2);
      if (code.empty()) continue;
      auto& r = acc[code];
      if (r.country.empty()) r.country = st.text(side * 2 + 1);
      ++r.events;
      ++(side ? r.as2 : r.as1);
      r.mentions += st.i64(4);
    }
  }
  std::vector<std::pair<std::string, Row>> rows(acc.begin(), acc.end());
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return x.second.events != y.second.events ? x.second.events > y.second.events : x.first < y.first;
  });
  if (rows.size() > static_cast<size_t>(*limit)) rows.resize(static_cast<size_t>(*limit));
  auto nm = q.prepare("SELECT name FROM actor_names WHERE code = ? ORDER BY mentions DESC, name LIMIT 1");
  Json j;
  j.obj().key("actors").arr();
  for (const auto& [code, r] : rows) {
    nm.clear();
    nm.bind(1, code);
    std::string name = q.step(nm) ? nm.text(0) : "";
    j.obj().kv("code", code).kv("country", r.country).kv("name", name).kn("events", r.events);
    j.kn("as_actor1", r.as1).kn("as_actor2", r.as2).kn("mentions", r.mentions).end();
  }
  j.end().end();
  return ok(j.take());
}

std::string period_of(int32_t day, store::Period by) {
  std::string d = store::iso_date(day);
  switch (by) {
    case store::Period::day: return d;
    case store::Period::month: return d.substr(0, 7);
    case store::Period::week: {
      const int32_t wd = ((day % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
      const int32_t thursday = day - wd + 3;
      const std::string ty = store::iso_date(thursday).substr(0, 4);
      const int32_t jan1 = *store::day_number(ty + "-01-01");
      return fmt::format("{}-W{:02d}", ty, (thursday - jan1) / 7 + 1);
    }
  }
  return d;
}

int32_t next_period(int32_t day, store::Period by) {
  switch (by) {
    case store::Period::day: return day + 1;
    case store::Period::week: return day - ((day % 7) + 7 + 3) % 7 + 7;
    case store::Period::month: {
      std::string d = store::iso_date(day);
      int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)) + 1;
      if (m == 13) m = 1, ++y;
      return *store::day_number(fmt::format("{:04d}-{:02d}-01", y, m));
    }
  }
  return day + 1;
}

// dyad=A-B: the dyad series of `dyad series`; without it, every event the filters select.
Response series(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, with_filters({"dyad", "by", "quad_split", "undirected"}));
  if (auto b = p.check()) return bad(*b);
  auto w = build_where(p);
  if (!w) return bad(w.error());
  const std::string by_s = p.has("by") ? p.get("by") : "month";
  store::Period by;
  if (by_s == "day") by = store::Period::day;
  else if (by_s == "week") by = store::Period::week;
  else if (by_s == "month") by = store::Period::month;
  else return bad({"by", "parameter 'by' must be day, week or month"});
  auto split = bool_param(p, "quad_split");
  if (!split) return bad(split.error());
  auto undirected = bool_param(p, "undirected");
  if (!undirected) return bad(undirected.error());
  const std::string dyad = p.get("dyad");
  if (!dyad.empty()) {
    auto dash = dyad.find('-');
    auto side_ok = [](std::string_view s) { return s.size() >= 3 && s.size() <= 32 && all_of(s, is_upper_or_digit); };
    if (dash == std::string::npos || !side_ok(dyad.substr(0, dash)) || !side_ok(dyad.substr(dash + 1)) ||
        dyad.find('-', dash + 1) != std::string::npos)
      return bad({"dyad", "parameter 'dyad' must be ACTOR1-ACTOR2: countries (RUS-VEN) or actor codes (RUSGOV-VENGOV)"});
    const std::string a = dyad.substr(0, dash), b = dyad.substr(dash + 1);
    auto side = [](int n, const std::string& v) {
      return v.size() == 3 ? fmt::format("e.actor{}_country = ?", n) : fmt::format("e.actor{}_code = ?", n);
    };
    std::string ab = fmt::format("({} AND {})", side(1, a), side(2, b));
    std::string ba = fmt::format("({} AND {})", side(1, b), side(2, a));
    if (*undirected) w->add(ab + " OR " + ba, {a, b, b, a});
    else w->add(ab + " OR (e.symmetric = 1 AND " + ba + ")", {a, b, b, a});
    // Two countries: the same events have a block key "status|A>B|root" (or "status|A~B|root",
    // sorted, when symmetric; docs/STORE.md), so the block index narrows the scan to them
    // (the clause above still decides).
    if (a.size() == 3 && b.size() == 3) {
      std::vector<std::string> dyads = {a + ">" + b, std::min(a, b) + "~" + std::max(a, b)};
      if (*undirected) dyads.push_back(b + ">" + a);
      std::string in;
      std::vector<Arg> keys;
      for (const auto& s : kStatuses)
        for (const auto& d : dyads)
          for (int r = 1; r <= 20; ++r) {
            in += in.empty() ? "?" : ",?";
            keys.push_back(fmt::format("{}|{}|{:02d}", s, d, r));
          }
      w->add("e.block IN (" + in + ")", std::move(keys));
    }
  }
  Q q{c};
  // One pass over the selected events, summed per day and quad here (a GROUP BY would sort
  // them first), then days folded into periods.
  auto st = q.prepare(fmt::format("SELECT e.first_day, e.quad, e.num_mentions, e.goldstein "
                                  "FROM events e WHERE e.first_day IS NOT NULL{}",
                                  w->sql),
                      w->args);
  std::unordered_map<int64_t, store::SeriesRow> days;  // day * 8 + quad
  std::optional<int32_t> lo, hi;
  while (q.step(st)) {
    const auto day = static_cast<int32_t>(st.i64(0));
    lo = lo ? std::min(*lo, day) : day;
    hi = hi ? std::max(*hi, day) : day;
    auto& r = days[int64_t{day} * 8 + (*split ? std::clamp(static_cast<int>(st.i64(1)), 0, 4) : 0)];
    ++r.events;
    r.mentions += st.i64(2);
    r.goldstein += st.f64(3);
  }
  std::map<std::pair<std::string, int>, store::SeriesRow> acc;
  for (const auto& [k, v] : days) {
    const int64_t day = k >= 0 ? k / 8 : (k - 7) / 8;
    auto& r = acc[{period_of(static_cast<int32_t>(day), by), static_cast<int>(k - day * 8)}];
    r.events += v.events;
    r.mentions += v.mentions;
    r.goldstein += v.goldstein;
  }
  Json j;
  j.obj().kv("by", by_s).kb("quad_split", *split).kv("dyad", dyad).kb("undirected", *undirected);
  j.key("series").arr();
  int64_t periods = 0;
  if (lo) {
    for (int32_t d = *lo; d <= *hi; d = next_period(d, by)) {
      if (++periods > 20000) break;  // a century of days at most
      const std::string per = period_of(d, by);
      for (int qd = *split ? 1 : 0; qd <= (*split ? 4 : 0); ++qd) {
        store::SeriesRow r;
        if (auto it = acc.find({per, qd}); it != acc.end()) r = it->second;
        j.obj().kv("period", per);
        if (*split) j.kn("quad", qd);
        j.kn("events", r.events).kn("mentions", r.mentions).kd("goldstein", r.goldstein).end();
      }
    }
  }
  j.end().end();
  return ok(j.take());
}

Response network(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, with_filters({"level", "limit"}));
  if (auto b = p.check()) return bad(*b);
  auto w = build_where(p);
  if (!w) return bad(w.error());
  const std::string level = p.has("level") ? p.get("level") : "country";
  if (level != "country" && level != "actor") return bad({"level", "parameter 'level' must be country or actor"});
  auto limit = int_param(p, "limit", 100, 1, impl.opt.max_page_size);
  if (!limit) return bad(limit.error());
  const char* col = level == "country" ? "country" : "code";
  Q q{c};
  // One pass, aggregated here: a GROUP BY would sort every selected event first.
  auto st = q.prepare(fmt::format("SELECT e.actor1_{0}, e.actor2_{0}, e.quad, e.goldstein "
                                  "FROM events e WHERE e.actor1_{0} <> '' AND e.actor2_{0} <> ''{1}",
                                  col, w->sql),
                      w->args);
  struct Edge {
    std::string a, b;
    int64_t events = 0;
    double gsum = 0;
    int64_t qn[5] = {0, 0, 0, 0, 0};
    double qsum[5] = {0, 0, 0, 0, 0};
  };
  std::unordered_map<std::string, Edge> edges;
  std::string key;
  while (q.step(st)) {
    std::string a = st.text(0), b = st.text(1);
    key = a;
    key += '\0';
    key += b;
    auto& e = edges[key];
    if (e.a.empty()) e.a = std::move(a), e.b = std::move(b);
    const int qd = std::clamp(static_cast<int>(st.i64(2)), 0, 4);
    const double g = st.f64(3);
    ++e.events;
    e.gsum += g;
    ++e.qn[qd];
    e.qsum[qd] += g;
  }
  std::vector<Edge> list;
  list.reserve(edges.size());
  for (auto& [k, e] : edges) list.push_back(std::move(e));
  std::sort(list.begin(), list.end(), [](const Edge& x, const Edge& y) {
    return x.events != y.events ? x.events > y.events : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  const size_t all_edges = list.size();
  if (list.size() > static_cast<size_t>(*limit)) list.resize(static_cast<size_t>(*limit));
  std::map<std::string, std::pair<int64_t, int64_t>> nodes;  // id -> (events as actor1, as actor2)
  for (const auto& e : list) {
    nodes[e.a].first += e.events;
    nodes[e.b].second += e.events;
  }
  Json j;
  j.obj().kv("level", level).kn("edges_total", static_cast<int64_t>(all_edges));
  j.key("nodes").arr();
  for (const auto& [id, n] : nodes)
    j.obj().kv("id", id).kn("events", n.first + n.second).kn("as_actor1", n.first).kn("as_actor2", n.second).end();
  j.end();
  j.key("edges").arr();
  for (const auto& e : list) {
    j.obj().kv("source", e.a).kv("target", e.b).kn("events", e.events).kd("goldstein_mean", e.gsum / e.events);
    j.key("quads").arr();
    for (int qd = 1; qd <= 4; ++qd)
      if (e.qn[qd]) j.obj().kn("quad", qd).kn("events", e.qn[qd]).kd("goldstein_mean", e.qsum[qd] / e.qn[qd]).end();
    j.end().end();
  }
  j.end().end();
  return ok(j.take());
}

// Places named by events, with the gazetteer's coordinates (null for places stored before
// schema 2), and the countries involved (either side), for the dashboard's map.
Response places(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, with_filters({"limit"}));
  if (auto b = p.check()) return bad(*b);
  auto w = build_where(p);
  if (!w) return bad(w.error());
  auto limit = int_param(p, "limit", 200, 1, impl.opt.max_page_size);
  if (!limit) return bad(limit.error());
  Q q{c};
  auto args = w->args;
  args.push_back(*limit);
  auto st = q.prepare(fmt::format("SELECT e.place, count(*), avg(e.place_lat), avg(e.place_lon), max(e.place_country) "
                                  "FROM events e WHERE e.place <> ''{} "
                                  "GROUP BY e.place ORDER BY count(*) DESC, e.place LIMIT ?",
                                  w->sql),
                      args);
  Json j;
  j.obj();
  j.key("places").arr();
  bool coords = false;
  while (q.step(st)) {
    j.obj().kv("name", st.text(0)).kn("events", st.i64(1)).kv("country", st.text(4));
    if (st.is_null(2) || st.is_null(3)) {
      j.key("lat").null().key("lon").null();
    } else {
      coords = true;
      j.key("lat").dbl(st.f64(2)).key("lon").dbl(st.f64(3));
    }
    j.end();
  }
  j.end();
  j.kb("has_coordinates", coords);
  std::map<std::string, int64_t> countries;
  for (int side = 1; side <= 2; ++side) {
    auto cs = q.prepare(fmt::format("SELECT e.actor{0}_country, count(*) FROM events e WHERE e.actor{0}_country <> ''{1} "
                                    "GROUP BY e.actor{0}_country",
                                    side, w->sql),
                        w->args);
    while (q.step(cs)) countries[cs.text(0)] += cs.i64(1);
  }
  j.key("countries").arr();
  for (const auto& [k, n] : countries) j.obj().kv("country", k).kn("events", n).end();
  j.end().end();
  return ok(j.take());
}

Response health(Api::Impl& impl, Conn& c, const Request& req) {
  Params p(req.params, {});
  if (auto b = p.check()) return bad(*b);
  Json j;
  j.obj().kv("status", "ok").kn("schema_version", c.st->schema_version());
  j.kn("articles", impl.counts.articles).kn("mentions", impl.counts.mentions).kn("events", impl.counts.events);
  j.kv("first_date", impl.first_date).kv("last_date", impl.last_date);
  j.key("languages").arr();
  for (const auto& l : impl.languages) j.str(l);
  j.end();
  j.kb("cameo_names", impl.cameo.has_value());
  j.end();
  return ok(j.take());
}

Response cameo_codes(Api::Impl& impl, Conn&, const Request& req) {
  Params p(req.params, {});
  if (auto b = p.check()) return bad(*b);
  Json j;
  j.obj().key("codes").arr();
  if (impl.cameo)
    for (const auto& c : impl.cameo->all())
      j.obj().kv("code", c.code).kv("name", c.name).kn("quad", c.quad).kd("goldstein", c.goldstein).end();
  j.end().end();
  return ok(j.take());
}

}  // namespace

Response error_response(int status, std::string_view code, std::string_view message, std::string_view parameter) {
  Json j;
  j.obj().key("error").obj().kn("status", status).kv("code", code).kv("message", message);
  if (!parameter.empty()) j.kv("parameter", parameter);
  j.end().end();
  return Response{status, j.take()};
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;
const ApiOptions& Api::options() const { return impl_->opt; }

Result<std::unique_ptr<Api>> Api::open(const ApiOptions& opt) {
  auto impl = std::make_unique<Impl>();
  impl->opt = opt;
  if (!opt.data_dir.empty()) {
    auto t = CameoTable::load(opt.data_dir + "/common/cameo-codes.tsv", opt.data_dir + "/common/cameo-plover.tsv");
    if (t) impl->cameo = std::move(*t);
  }
  auto c = impl->acquire();  // fails now, not at the first request, on a missing or foreign file
  if (!c) return std::unexpected(c.error());
  auto n = (*c)->st->counts();
  if (!n) return std::unexpected(n.error());
  impl->counts = *n;
  {
    sqlite3* db = (*c)->st->handle();
    store::sql::Stmt d(db, "SELECT min(date), max(date) FROM events WHERE date <> ''");
    if (d.ok() && d.step() == SQLITE_ROW) impl->first_date = d.text(0), impl->last_date = d.text(1);
    store::sql::Stmt l(db, "SELECT DISTINCT lang FROM articles WHERE lang <> '' ORDER BY lang LIMIT 100");
    while (l.ok() && l.step() == SQLITE_ROW) impl->languages.push_back(l.text(0));
  }
  impl->release(std::move(*c));
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

Response Api::handle(const Request& req) {
  if (!io::valid_utf8(req.path)) return error_response(400, "bad_request", "the path is not valid UTF-8");
  if (req.method != "GET" && req.method != "HEAD")
    return error_response(405, "method_not_allowed", "the API is read-only: use GET");
  Handler h = nullptr;
  int64_t id = 0;
  const std::string& path = req.path;
  if (path == "/api/health") h = health;
  else if (path == "/api/events") h = events_list;
  else if (path == "/api/actors") h = actors;
  else if (path == "/api/series") h = series;
  else if (path == "/api/network") h = network;
  else if (path == "/api/places") h = places;
  else if (path == "/api/cameo") h = cameo_codes;
  else if (path.starts_with("/api/events/")) {
    auto n = parse_int(std::string_view(path).substr(12));
    if (!n || *n <= 0) return error_response(404, "not_found", "events are numbered from 1: /api/events/42");
    id = *n;
  } else {
    return error_response(404, "not_found", "no such endpoint (see /api/health and README.md)");
  }
  auto c = impl_->acquire();
  if (!c) return error_response(503, "store_unavailable", c.error().message);
  Conn& conn = **c;
  conn.timed_out = false;
  conn.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(impl_->opt.query_timeout_ms);
  Response r;
  try {
    r = id ? event_one(*impl_, conn, req, id) : h(*impl_, conn, req);
  } catch (const Timeout&) {
    r = error_response(503, "query_timeout",
                       fmt::format("the query ran longer than {} ms and was stopped; narrow the filters",
                                   impl_->opt.query_timeout_ms));
  } catch (const DbError& e) {
    r = error_response(500, "store_error", e.message);
  }
  impl_->release(std::move(*c));
  return r;
}

}  // namespace dyad::serve
