// The JSON API of dyad serve, without HTTP: every endpoint on a small store, parity with the
// store's own queries (dyad query / series / actors), and the bad requests (400 naming the
// parameter, 404, SQL metacharacters, bad UTF-8, absurd page sizes, the query deadline).
#include <gtest/gtest.h>

#include "io/reader.h"
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "serve/api.h"
#include "serve/server.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace dyad;
using namespace dyad::store;

namespace {

struct Ev {
  std::string src, tgt, code, date;
  Modality modality = Modality::fact;
  std::string sentence, src_text, tgt_text, place;
};

// One article whose text is its sentences; actor and verb offsets point into the text.
Article article(const std::string& id, const std::string& outlet, const std::string& date, std::vector<Ev> evs,
                const std::string& lang = "en") {
  Article a;
  a.doc.id = id;
  a.doc.source = outlet;
  a.doc.date = date;
  a.doc.lang = lang;
  a.doc.url = "https://example.org/" + id;
  a.doc.title = "Title of " + id;
  uint32_t si = 0;
  for (auto& v : evs) {
    Event e;
    e.sentence = v.sentence.empty() ? fmt::format("{} verbs {}.", v.src, v.tgt) : v.sentence;
    const uint32_t base = static_cast<uint32_t>(a.doc.text.size());
    auto actor = [&](const std::string& code, const std::string& text) {
      ActorRef r;
      r.code = code;
      r.country = code.size() >= 3 ? code.substr(0, 3) : "";
      r.text = text.empty() ? code : text;
      auto at = e.sentence.find(r.text);
      r.start = base + static_cast<uint32_t>(at == std::string::npos ? 0 : at);
      r.end = r.start + static_cast<uint32_t>(r.text.size());
      return r;
    };
    e.source = actor(v.src, v.src_text);
    e.target = actor(v.tgt, v.tgt_text);
    e.code = v.code;
    e.base = v.code.substr(0, std::min<size_t>(3, v.code.size()));
    e.root = v.code.substr(0, 2);
    const int r = std::stoi(e.root);
    e.quad = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    e.goldstein = e.quad <= 2 ? 3.5 : -7.0;
    e.plover.type = r == 5 ? "SUPPORT" : r == 4 ? "CONSULT" : r >= 18 ? "ASSAULT" : "ACCUSE";
    e.modality = v.modality;
    e.date = v.date.empty() ? date : v.date;
    e.place = v.place;
    e.sentence_start = base;
    e.sentence_end = base + static_cast<uint32_t>(e.sentence.size());
    e.doc_id = id;
    e.doc_date = date;
    e.lang = lang;
    e.url = a.doc.url;
    e.sentence_index = si++;
    e.id = fmt::format("{:016x}", std::hash<std::string>{}(id + std::to_string(e.sentence_index)));
    auto vb = e.sentence.find(' ');
    e.verb_text = "verbs";
    if (auto p = e.sentence.find("verbs"); p != std::string::npos) vb = p;
    else e.verb_text = e.sentence.substr(0, 1), vb = 0;
    e.verb_start = base + static_cast<uint32_t>(vb);
    e.verb_end = e.verb_start + static_cast<uint32_t>(e.verb_text.size());
    e.rule.file = "verbs.txt";
    e.rule.line = 42;
    e.rule.pattern = "- * verbs";
    a.doc.text += e.sentence + " ";
    a.events.push_back(std::move(e));
  }
  a.sentences = si;
  return a;
}

std::string file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class serve_api : public ::testing::Test {
 protected:
  void SetUp() override {
    static int n = 0;
    dir_ = fs::temp_directory_path() / fmt::format("dyad-serve-test-{}-{}", getpid(), n++);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "s.db").string();
    {
      auto s = Store::open(db_);
      ASSERT_TRUE(s.has_value()) << s.error().to_string();
      const std::string tricky = "Moscow, \"officially\", signed <the> deal with Caracas & Élysée.";
      auto r = (*s)->write_batch({
          article("w1", "Reuters", "2023-09-25", {{"RUSGOV", "VENGOV", "057", "", {}, tricky, "Moscow", "Caracas", "Caracas"}}),
          article("w2", "AP", "2023-09-25", {{"RUSGOV", "VENGOV", "057", "", {}, tricky, "Moscow", "Caracas"}}),
          article("w3", "AFP", "2023-09-26", {{"VEN", "RUS", "057"}}),
          article("a1", "BBC", "2023-10-02", {{"RUSMIL", "UKRMIL", "190", "", {}, "Russian forces shelled Kharkiv.", "Russian forces", "Kharkiv", "Kharkiv"}}),
          article("a2", "DW", "2023-10-20", {{"RUS", "UKR", "195"}}),
          article("d1", "TASS", "2023-10-03", {{"RUSMIL", "UKRMIL", "190", "", Modality::denied}}),
          article("f1", "Le Monde", "2023-11-07",
                  {{"FRA", "RUS", "111", "", {}, "Paris critique l'Élysée et Moscou.", "Paris", "Moscou"}, {"FRA", "DEU", "010"}},
                  "fr"),
      });
      ASSERT_TRUE(r.has_value()) << r.error().to_string();
    }
    before_ = file_bytes(db_);
    serve::ApiOptions o;
    o.db = db_;
    o.data_dir = std::string(DYAD_SOURCE_DIR) + "/data";
    auto a = serve::Api::open(o);
    ASSERT_TRUE(a.has_value()) << a.error().to_string();
    api_ = std::move(*a);
  }
  void TearDown() override {
    api_.reset();
    fs::remove_all(dir_);
  }

  serve::Response get(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) {
    return api_->handle({"GET", path, std::move(params)});
  }
  // GET, expect `status`, parse the body (always JSON).
  simdjson::dom::element json(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {},
                              int status = 200) {
    auto r = get(path, params);
    EXPECT_EQ(r.status, status) << path << " " << r.body;
    bodies_.push_back(simdjson::padded_string(r.body));
    auto doc = parser_.emplace_back(std::make_unique<simdjson::dom::parser>())->parse(bodies_.back());
    EXPECT_FALSE(doc.error()) << "not JSON: " << r.body;
    return doc.value_unsafe();
  }
  std::vector<int64_t> event_ids(std::vector<std::pair<std::string, std::string>> params) {
    std::vector<int64_t> out;
    for (auto e : json("/api/events", params)["events"].get_array()) out.push_back(e["id"].get_int64());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<int64_t> store_ids(const Filter& f) {
    auto s = Store::open(db_, {.read_only = true});
    auto r = (*s)->events(f);
    std::vector<int64_t> out;
    for (auto& e : *r) out.push_back(e.id);
    std::sort(out.begin(), out.end());
    return out;
  }
  void expect_bad(const std::string& path, std::vector<std::pair<std::string, std::string>> params,
                  const std::string& param) {
    auto e = json(path, params, 400)["error"];
    EXPECT_EQ(std::string_view(e["code"].get_string()), "bad_parameter");
    if (!param.empty()) {
      EXPECT_EQ(std::string_view(e["parameter"].get_string()), param) << path;
    }
  }

  fs::path dir_;
  std::string db_, before_;
  std::unique_ptr<serve::Api> api_;
  std::vector<std::unique_ptr<simdjson::dom::parser>> parser_;
  std::deque<simdjson::padded_string> bodies_;
};

using V = std::vector<int64_t>;
// Events: 1 RUS~VEN 057 (3 mentions), 2 RUSMIL>UKRMIL 190, 3 RUS>UKR 195, 4 denied 190,
// 5 FRA>RUS 111 (fr), 6 FRA>DEU 010 (fr).

TEST_F(serve_api, Health) {
  auto h = json("/api/health");
  EXPECT_EQ(std::string_view(h["status"].get_string()), "ok");
  EXPECT_EQ(h["events"].get_int64().value(), 6);
  EXPECT_EQ(h["articles"].get_int64().value(), 7);
  EXPECT_EQ(std::string_view(h["first_date"].get_string()), "2023-09-25");
  EXPECT_EQ(h["languages"].get_array().size(), 2u);
}

TEST_F(serve_api, EventsMatchDyadQuery) {
  EXPECT_EQ(event_ids({}), (V{1, 2, 3, 4, 5, 6}));
  const std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, Filter>> cases = {
      {{{"actor", "RUSMIL"}}, {.actor = "RUSMIL"}},
      {{{"actor", "RUS"}}, {.actor = "RUS"}},
      {{{"actor", "russian forces"}}, {.actor = "russian forces"}},
      {{{"country", "VEN"}}, {.country = "VEN"}},
      {{{"code", "19"}}, {.code = "19"}},
      {{{"root", "05"}}, {.root = "05"}},
      {{{"quad", "4"}}, {.quad = 4}},
      {{{"from", "2023-10-01"}, {"to", "2023-10-31"}}, {.from = "2023-10-01", .to = "2023-10-31"}},
      {{{"text", "elysee"}}, {.text = "elysee"}},
      {{{"status", "denied"}}, {.status = {"denied"}}},
      {{{"status", "fact,denied"}, {"country", "UKR"}}, {.country = "UKR", .status = {"fact", "denied"}}},
  };
  for (const auto& [params, f] : cases) EXPECT_EQ(event_ids(params), store_ids(f)) << params[0].first;
  EXPECT_EQ(event_ids({{"lang", "fr"}}), (V{5, 6}));
  EXPECT_EQ(event_ids({{"status", "all"}}).size(), 6u);
}

TEST_F(serve_api, PaginationAndSort) {
  auto p = json("/api/events", {{"per_page", "2"}, {"page", "2"}, {"sort", "id"}});
  EXPECT_EQ(p["total"].get_int64().value(), 6);
  EXPECT_TRUE(p["total_exact"].get_bool().value());
  auto ev = p["events"].get_array();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev.at(0)["id"].get_int64().value(), 3);
  EXPECT_EQ(ev.at(1)["id"].get_int64().value(), 4);
  auto newest = json("/api/events", {{"per_page", "1"}})["events"].at(0);
  EXPECT_EQ(std::string_view(newest["date"].get_string()), "2023-11-07");
  EXPECT_EQ(std::string_view(newest["code_name"].get_string()).empty(), false);
  EXPECT_EQ(json("/api/events", {{"page", "9"}})["events"].get_array().size(), 0u);
  // Page by page, one event a page (walking the date index), the same order as one listing.
  for (const char* actor : {"RUS", "UKR"}) {
    std::vector<int64_t> all, paged;
    for (auto e : json("/api/events", {{"actor", actor}})["events"].get_array()) all.push_back(e["id"].get_int64());
    for (int pg = 1; pg <= static_cast<int>(all.size()); ++pg)
      for (auto e : json("/api/events", {{"actor", actor}, {"per_page", "1"}, {"page", std::to_string(pg)}})["events"].get_array())
        paged.push_back(e["id"].get_int64());
    EXPECT_EQ(paged, all) << actor;
    EXPECT_FALSE(all.empty());
  }
  auto g = json("/api/events", {{"sort", "-mentions"}})["events"].at(0);
  EXPECT_EQ(g["id"].get_int64().value(), 1);
  EXPECT_EQ(g["num_mentions"].get_int64().value(), 3);
}

TEST_F(serve_api, OneEventWithMentionsAndSpans) {
  auto r = json("/api/events/1");
  EXPECT_EQ(std::string_view(r["event"]["code"].get_string()), "057");
  auto ms = r["mentions"].get_array();
  ASSERT_EQ(ms.size(), 3u);
  for (auto m : ms) {
    const std::string_view sentence = m["sentence"].get_string();
    for (const char* side : {"source", "target", "verb"}) {
      auto s = m[side];
      const int64_t a = s["sentence_start"].get_int64(), b = s["sentence_end"].get_int64();
      ASSERT_GE(a, 0) << side;
      ASSERT_LE(b, static_cast<int64_t>(sentence.size())) << side;
      EXPECT_EQ(sentence.substr(a, b - a), std::string_view(s["text"].get_string())) << side;
    }
    EXPECT_EQ(std::string_view(m["rule"]["pattern"].get_string()), "- * verbs");
    EXPECT_EQ(std::string_view(m["modality"].get_string()), "fact");
    EXPECT_FALSE(std::string_view(m["code_name"].get_string()).empty());
  }
  auto e = json("/api/events/999", {}, 404)["error"];
  EXPECT_EQ(std::string_view(e["code"].get_string()), "not_found");
  json("/api/events/abc", {}, 404);
  json("/api/events/-1", {}, 404);
  json("/api/nothing", {}, 404);
  json("/api/events/1/../../etc/passwd", {}, 404);
  expect_bad("/api/events/1", {{"x", "1"}}, "x");
}

TEST_F(serve_api, SeriesMatchesDyadSeries) {
  auto s = Store::open(db_, {.read_only = true});
  for (std::string by : {"day", "week", "month"}) {
    Filter f{.dyad_a = "RUS", .dyad_b = "VEN"};
    auto want = (*s)->series(f, by == "day" ? Period::day : by == "week" ? Period::week : Period::month, true);
    ASSERT_TRUE(want.has_value());
    auto got = json("/api/series", {{"dyad", "RUS-VEN"}, {"by", by}, {"quad_split", "1"}})["series"].get_array();
    ASSERT_EQ(got.size(), want->size()) << by;
    size_t i = 0;
    for (auto row : got) {
      EXPECT_EQ(std::string_view(row["period"].get_string()), (*want)[i].period);
      EXPECT_EQ(row["quad"].get_int64().value(), (*want)[i].quad);
      EXPECT_EQ(row["events"].get_int64().value(), (*want)[i].events);
      EXPECT_EQ(row["mentions"].get_int64().value(), (*want)[i].mentions);
      ++i;
    }
  }
  for (bool undirected : {false, true}) {  // through the block index (two countries)
    Filter f{.dyad_a = "RUS", .dyad_b = "UKR", .undirected = undirected};
    auto want = (*s)->series(f, Period::day, false);
    std::vector<std::pair<std::string, std::string>> params = {{"dyad", "RUS-UKR"}, {"by", "day"}};
    if (undirected) params.push_back({"undirected", "1"});
    auto got = json("/api/series", params)["series"].get_array();
    ASSERT_EQ(got.size(), want->size());
    int64_t n = 0, m = 0;
    for (auto row : got) n += row["events"].get_int64().value();
    for (auto& r : *want) m += r.events;
    EXPECT_EQ(n, m);
    EXPECT_GT(n, 0);
  }
  // Without a dyad: every event the filters select, one row per month from first to last.
  auto all = json("/api/series", {{"by", "month"}})["series"].get_array();
  ASSERT_EQ(all.size(), 3u);  // 2023-09, 2023-10, 2023-11
  int64_t n = 0;
  for (auto r : all) n += r["events"].get_int64().value();
  EXPECT_EQ(n, 6);
  expect_bad("/api/series", {{"dyad", "RUS"}}, "dyad");
  expect_bad("/api/series", {{"dyad", "RUS-VEN'--"}}, "dyad");
  expect_bad("/api/series", {{"by", "year"}}, "by");
}

TEST_F(serve_api, ActorsNetworkPlaces) {
  auto s = Store::open(db_, {.read_only = true});
  auto want = (*s)->actors({});
  auto got = json("/api/actors", {{"limit", "100"}})["actors"].get_array();
  ASSERT_EQ(got.size(), want->size());
  size_t i = 0;
  for (auto a : got) {
    EXPECT_EQ(std::string_view(a["code"].get_string()), (*want)[i].code);
    EXPECT_EQ(a["events"].get_int64().value(), (*want)[i].events);
    ++i;
  }
  auto net = json("/api/network", {{"level", "country"}});
  bool rus_ukr = false;
  for (auto e : net["edges"].get_array())
    if (std::string_view(e["source"].get_string()) == "RUS" && std::string_view(e["target"].get_string()) == "UKR") {
      rus_ukr = true;
      EXPECT_EQ(e["events"].get_int64().value(), 3);
      EXPECT_DOUBLE_EQ(e["goldstein_mean"].get_double().value(), -7.0);
      EXPECT_EQ(e["quads"].at(0)["quad"].get_int64().value(), 4);
    }
  EXPECT_TRUE(rus_ukr);
  EXPECT_GE(net["nodes"].get_array().size(), 5u);
  EXPECT_GE(json("/api/network", {{"level", "actor"}, {"limit", "1"}})["edges"].get_array().size(), 1u);
  auto pl = json("/api/places");
  // places stored without coordinates (the hand-made fixture events) have null lat/lon;
  // has_coordinates tells whether any place has them
  bool any = false;
  for (auto p : pl["places"].get_array()) {
    bool lat_null = p["lat"].is_null(), lon_null = p["lon"].is_null();
    EXPECT_EQ(lat_null, lon_null);
    if (!lat_null) {
      any = true;
      double lat = p["lat"].get_double().value(), lon = p["lon"].get_double().value();
      EXPECT_TRUE(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);
    }
  }
  EXPECT_EQ(pl["has_coordinates"].get_bool().value(), any);
  EXPECT_GE(pl["places"].get_array().size(), 2u);  // Caracas, Kharkiv
  EXPECT_GE(pl["countries"].get_array().size(), 4u);
  EXPECT_GT(json("/api/cameo")["codes"].get_array().size(), 100u);
}

TEST_F(serve_api, BadParametersAre400NamingThem) {
  expect_bad("/api/events", {{"per_page", "100000"}}, "per_page");
  expect_bad("/api/events", {{"per_page", "0"}}, "per_page");
  expect_bad("/api/events", {{"per_page", "-5"}}, "per_page");
  expect_bad("/api/events", {{"per_page", "99999999999999999999999"}}, "per_page");
  expect_bad("/api/events", {{"page", "0"}}, "page");
  expect_bad("/api/events", {{"page", "999999999"}}, "page");  // offset past the bound
  expect_bad("/api/events", {{"country", "ru"}}, "country");
  expect_bad("/api/events", {{"country", "RUS' OR '1'='1"}}, "country");
  expect_bad("/api/events", {{"from", "2023-13-01"}}, "from");
  expect_bad("/api/events", {{"to", "yesterday"}}, "to");
  expect_bad("/api/events", {{"to", "2023-02-30"}}, "to");
  expect_bad("/api/events", {{"quad", "5"}}, "quad");
  expect_bad("/api/events", {{"root", "21"}}, "root");
  expect_bad("/api/events", {{"code", "1; DROP TABLE events"}}, "code");
  expect_bad("/api/events", {{"status", "fact,bogus"}}, "status");
  expect_bad("/api/events", {{"lang", "EN"}}, "lang");
  expect_bad("/api/events", {{"sort", "date; DROP TABLE events"}}, "sort");
  expect_bad("/api/events", {{"bogus", "1"}}, "bogus");
  expect_bad("/api/events", {{"country", "RUS"}, {"country", "VEN"}}, "country");
  expect_bad("/api/events", {{"text", std::string(600, 'a')}}, "text");
  expect_bad("/api/network", {{"level", "planet"}}, "level");
  expect_bad("/api/actors", {{"limit", "5000"}}, "limit");
  expect_bad("/api/places", {{"limit", "x"}}, "limit");
}

TEST_F(serve_api, BadUtf8) {
  expect_bad("/api/events", {{"actor", "\xff\xfe"}}, "actor");
  expect_bad("/api/events", {{"text", "caf\xc3"}}, "text");
  expect_bad("/api/events", {{"text", "\xed\xa0\x80"}}, "text");  // a UTF-16 surrogate
  auto r = get("/api/events", {{"\xc0\xaf", "1"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(io::valid_utf8(r.body));
  EXPECT_EQ(get("/api/\xff", {}).status, 400);
  std::string out;
  serve::json_string(out, "a\xff<b>\x01");
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD\\u003cb\\u003e\\u0001\"");
}

TEST_F(serve_api, SqlMetacharactersAreOnlyValues) {
  for (const char* evil : {"'; DROP TABLE events; --", "\" OR 1=1 --", "%' OR '%'='", "x) UNION SELECT * FROM meta --",
                           "NEAR(a b)", "* OR a:b", "\\"}) {
    EXPECT_EQ(event_ids({{"actor", evil}}), V{}) << evil;
    EXPECT_EQ(event_ids({{"text", evil}}), V{}) << evil;
  }
  EXPECT_EQ(event_ids({}).size(), 6u);
  EXPECT_EQ(get("/api/events", {{"actor", "'; DROP TABLE events; --"}}).status, 200);
}

TEST_F(serve_api, ReadOnly) {
  for (int i = 0; i < 20; ++i) {
    get("/api/events", {{"text", "moscow"}});
    get("/api/series");
    get("/api/events/1");
  }
  EXPECT_EQ(get("/api/events", {}).status, 200);
  EXPECT_EQ(api_->handle({"POST", "/api/events", {}}).status, 405);
  EXPECT_EQ(api_->handle({"DELETE", "/api/events/1", {}}).status, 405);
  api_.reset();
  EXPECT_EQ(file_bytes(db_), before_) << "the server never writes the store";
}

TEST_F(serve_api, QueryDeadline) {
  serve::ApiOptions o;
  o.db = db_;
  o.query_timeout_ms = 0;  // every query runs past its deadline at the first progress check
  o.progress_ops = 1;
  auto a = serve::Api::open(o);
  ASSERT_TRUE(a.has_value());
  auto r = (*a)->handle({"GET", "/api/series", {{"by", "day"}, {"text", "moscow"}}});
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_NE(r.body.find("query_timeout"), std::string::npos);
  // The connection is usable again afterwards (the deadline is per request).
  EXPECT_EQ(api_->handle({"GET", "/api/events", {}}).status, 200);
}

TEST_F(serve_api, MissingStore) {
  serve::ApiOptions o;
  o.db = (dir_ / "nope.db").string();
  EXPECT_FALSE(serve::Api::open(o).has_value());
  std::ofstream(dir_ / "junk.db") << "not a database at all, just text that is long enough to matter............";
  o.db = (dir_ / "junk.db").string();
  EXPECT_FALSE(serve::Api::open(o).has_value());
}

TEST(serve_static, OnlyKnownFilesAreServed) {
  auto dir = fs::temp_directory_path() / fmt::format("dyad-serve-static-{}", getpid());
  fs::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html>";
  std::ofstream(dir / "assets" / "app.js") << "1";
  auto files = serve::load_static(dir.string());
  ASSERT_TRUE(files.has_value());
  EXPECT_EQ(files->size(), 3u);  // "/", "/index.html", "/assets/app.js"
  EXPECT_TRUE(files->count("/assets/app.js"));
  EXPECT_EQ(files->at("/").mime, "text/html; charset=utf-8");
  EXPECT_FALSE(files->count("/../index.html"));
  fs::remove_all(dir);
}

}  // namespace
