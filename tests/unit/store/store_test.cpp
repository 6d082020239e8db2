// The event store: the clustering rule on constructed cases, idempotent ingest,
// transactions, schema checks and faults (foreign, corrupt, newer, read-only, full, busy).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "store/cluster.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace dyad;
using namespace dyad::store;

namespace {

struct TmpDir {
  fs::path p;
  TmpDir() {
    static int n = 0;
    p = fs::temp_directory_path() / fmt::format("dyad-store-test-{}-{}", getpid(), n++);
    fs::remove_all(p);
    fs::create_directories(p);
  }
  ~TmpDir() { fs::remove_all(p); }
  std::string operator/(const std::string& f) const { return (p / f).string(); }
};

int quad_of(const std::string& root) {
  int r = std::stoi(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

struct Ev {
  std::string src, tgt, code, date;
  Modality modality = Modality::fact;
  Polarity polarity = Polarity::asserted;
  std::string place, sentence;
};

Event make_event(const Ev& v) {
  Event e;
  auto actor = [](const std::string& code) {
    ActorRef a;
    a.code = code;
    a.country = code.size() >= 3 && !code.starts_with("---") ? code.substr(0, 3) : "";
    a.text = code;
    a.end = static_cast<uint32_t>(code.size());
    return a;
  };
  e.source = actor(v.src);
  e.target = actor(v.tgt);
  e.code = v.code;
  e.base = v.code.substr(0, std::min<size_t>(3, v.code.size()));
  e.root = v.code.substr(0, 2);
  e.quad = quad_of(e.root);
  e.goldstein = e.quad <= 2 ? 3.0 : -5.0;
  e.plover.type = e.root == "19" || e.root == "18" ? "ASSAULT" : e.root == "05" ? "SUPPORT" : e.root == "04" ? "CONSULT" : "";
  e.polarity = v.polarity;
  e.modality = v.modality;
  e.date = v.date;
  e.place = v.place;
  e.sentence = v.sentence.empty() ? fmt::format("{} did {} to {}.", v.src, v.code, v.tgt) : v.sentence;
  e.sentence_end = static_cast<uint32_t>(e.sentence.size());
  e.verb_text = "did";
  return e;
}

Article article(const std::string& id, const std::string& outlet, const std::string& date, std::vector<Ev> evs,
                const std::string& extra_text = "") {
  Article a;
  a.doc.id = id;
  a.doc.source = outlet;
  a.doc.date = date;
  a.doc.lang = "en";
  a.doc.origin = {"test.jsonl", 1, 0, id};
  uint32_t si = 0;
  for (auto& v : evs) {
    if (v.date.empty()) v.date = date;
    Event e = make_event(v);
    e.doc_id = id;
    e.doc_date = date;
    e.sentence_index = si++;
    e.id = fmt::format("{}-{}", id, e.sentence_index);
    a.doc.text += e.sentence + " ";
    a.events.push_back(std::move(e));
  }
  a.doc.text += extra_text;
  a.sentences = si;
  return a;
}

std::unique_ptr<Store> open_ok(const std::string& path, OpenOptions o = {}) {
  auto s = Store::open(path, o);
  EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().to_string());
  if (!s) return nullptr;
  return std::move(*s);
}

BatchStats write_ok(Store& s, const std::vector<Article>& b, bool force = false) {
  auto r = s.write_batch(b, force);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : BatchStats{};
}

// Rows of a query as one string, for comparisons.
std::string dump(sqlite3* db, const std::string& q) {
  std::string out;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) != SQLITE_OK) return "prepare error: " + q;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
      out += '|';
    }
    out += '\n';
  }
  sqlite3_finalize(st);
  return out;
}

int64_t scalar(sqlite3* db, const std::string& q) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) != SQLITE_OK) return -999;
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -998;
  sqlite3_finalize(st);
  return v;
}

// Everything but timestamps and file origins.
std::string content(sqlite3* db) {
  return dump(db, "SELECT doc_id, content_hash, outlet, num_mentions FROM articles ORDER BY id") +
         dump(db, "SELECT id, article_id, ordinal, event_key, status, code, date, place FROM mentions ORDER BY id") +
         dump(db, "SELECT * FROM events ORDER BY id") + dump(db, "SELECT * FROM links ORDER BY mention_id, role") +
         dump(db, "SELECT * FROM actor_names ORDER BY code, name");
}

// Counts and links agree with each other.
void check_invariants(sqlite3* db) {
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM links l WHERE l.mention_id = m.id "
                       "AND l.role = 'member') <> 1"),
            0)
      << "every mention belongs to exactly one event";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM links l WHERE "
                       "l.event_id = e.id AND l.role = 'member')"),
            0)
      << "num_mentions counts the member links";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events e WHERE num_contests <> (SELECT count(*) FROM links l WHERE "
                       "l.event_id = e.id AND l.role = 'contests')"),
            0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events e WHERE num_articles <> (SELECT count(DISTINCT m.article_id) FROM "
                       "links l JOIN mentions m ON m.id = l.mention_id WHERE l.event_id = e.id AND l.role = 'member')"),
            0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events e WHERE num_sources <> (SELECT count(DISTINCT a.outlet) FROM links l "
                       "JOIN mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id WHERE l.event_id = "
                       "e.id AND l.role = 'member')"),
            0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.event_id = e.id "
                       "AND l.mention_id = e.rep_mention_id AND l.role = 'member')"),
            0)
      << "the representative mention is a member";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles a WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE "
                       "m.article_id = a.id)"),
            0)
      << "articles are whole";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM links l WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = l.event_id)"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events WHERE status = 'fact' AND id IN (SELECT event_id FROM links l JOIN "
                       "mentions m ON m.id = l.mention_id WHERE l.role = 'member' AND m.status <> 'fact')"),
            0)
      << "no denied/negated/reported mention supports an asserted event";
  EXPECT_EQ(dump(db, "PRAGMA integrity_check"), "ok|\n");
}

std::string file_bytes(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

// ---------------------------------------------------------------- the rule, as functions

TEST(ClusterRule, Dates) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("1970-01-02"), 1);
  EXPECT_EQ(day_number("2000-03-01").value() - day_number("2000-02-28").value(), 2);  // leap year
  EXPECT_EQ(iso_date(*day_number("2023-09-25")), "2023-09-25");
  EXPECT_EQ(iso_date(*day_number("1899-12-31")), "1899-12-31");
  EXPECT_FALSE(day_number(""));
  EXPECT_FALSE(day_number("2023-13-01"));
  EXPECT_FALSE(day_number("2023-02-30"));  // no such day: dyad query --from refuses it
  EXPECT_FALSE(day_number("2023-04-31"));
  EXPECT_TRUE(day_number("2024-02-29"));   // leap day
  EXPECT_FALSE(day_number("2023-02-29"));
  EXPECT_FALSE(day_number("yesterday!"));
}

TEST(ClusterRule, CodesAndVagueness) {
  EXPECT_TRUE(is_vague("19"));
  EXPECT_TRUE(is_vague("190"));
  EXPECT_FALSE(is_vague("193"));
  EXPECT_EQ(code_match("057", "057"), Match::same_code);
  EXPECT_EQ(code_match("190", "193"), Match::vaguer_code);
  EXPECT_EQ(code_match("193", "19"), Match::vaguer_code);
  EXPECT_EQ(code_match("193", "194"), Match::none);
  EXPECT_EQ(code_match("042", "043"), Match::converse_code);
  EXPECT_EQ(code_match("190", "180"), Match::none);  // another root
  EXPECT_TRUE(places_agree("", "Kyiv"));
  EXPECT_TRUE(places_agree("KYIV", "kyiv"));
  EXPECT_FALSE(places_agree("Kyiv", "Kharkiv"));
}

TEST(ClusterRule, SymmetricDyads) {
  Event sign = make_event({"VEN", "RUS", "057", "2023-09-25"});
  EXPECT_TRUE(is_symmetric(sign));
  EXPECT_EQ(block_of(sign, "fact").key, "fact|RUS~VEN|05");
  Event praise = make_event({"VEN", "RUS", "051", "2023-09-25"});  // root 05 between countries
  EXPECT_TRUE(is_symmetric(praise));
  Event praise_groups = make_event({"---REB", "---GOV", "051", "2023-09-25"});  // not countries
  EXPECT_FALSE(is_symmetric(praise_groups));
  Event attack = make_event({"RUS", "UKR", "190", "2023-09-25"});
  EXPECT_FALSE(is_symmetric(attack));
  EXPECT_EQ(block_of(attack, "fact").key, "fact|RUS>UKR|19");
  EXPECT_EQ(with_status("fact|RUS>UKR|19", "denied"), "denied|RUS>UKR|19");
  EXPECT_EQ(mention_status(make_event({"RUS", "UKR", "190", "", Modality::fact, Polarity::negated})), "negated");
  EXPECT_EQ(mention_status(make_event({"RUS", "UKR", "190", "", Modality::denied})), "denied");
}

// ---------------------------------------------------------------- clustering on constructed cases

TEST(Clustering, WireStoryReprintedByThreeOutletsIsOneEventWithThreeSources) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  const std::string wire = "Russia and Venezuela signed a cooperation agreement in Caracas on Monday.";
  write_ok(*st, {article("reuters-1", "Reuters", "2023-09-25", {{"RUS", "VEN", "057", "", {}, {}, "", wire}}),
                 article("ap-7", "AP", "2023-09-25", {{"RUS", "VEN", "057", "", {}, {}, "", wire}}),
                 article("lemonde-3", "Le Monde", "2023-09-26", {{"VEN", "RUS", "057", "", {}, {}, "", wire}})});
  sqlite3* db = st->handle();
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(dump(db, "SELECT num_mentions, num_sources, num_articles, date, end_date, first_seen, last_seen, code FROM events"),
            "3|3|3|2023-09-25|2023-09-26|2023-09-25|2023-09-26|057|\n");
  // Every link says why.
  EXPECT_EQ(dump(db, "SELECT mention_id, match FROM links ORDER BY mention_id"), "1|new|\n2|same_code|\n3|same_code|\n");
  std::string why = dump(db, "SELECT reason FROM links WHERE mention_id = 3");
  EXPECT_NE(why.find("RUS~VEN"), std::string::npos) << why;
  EXPECT_NE(why.find("order-insensitive"), std::string::npos) << why;
  EXPECT_NE(why.find("within 2 days"), std::string::npos) << why;
  check_invariants(db);
}

TEST(Clustering, SourcesAreOutletsOrDocIdsWhenNoOutlet) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("r1", "Reuters", "2023-09-25", {{"RUS", "VEN", "057"}}),
                 article("r2", "Reuters", "2023-09-25", {{"RUS", "VEN", "057"}}),
                 article("blog-1", "", "2023-09-25", {{"RUS", "VEN", "057"}, {"RUS", "VEN", "057"}})});
  EXPECT_EQ(dump(st->handle(), "SELECT num_mentions, num_sources, num_articles FROM events"), "4|2|3|\n");
  check_invariants(st->handle());
}

TEST(Clustering, TwoAttacksTheSameDayInDifferentCitiesAreTwoEvents) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a1", "AFP", "2023-10-01", {{"RUS", "UKR", "190", "", {}, {}, "Kharkiv"}}),
                 article("a2", "BBC", "2023-10-01", {{"RUS", "UKR", "190", "", {}, {}, "Odesa"}}),
                 article("a3", "DW", "2023-10-01", {{"RUS", "UKR", "190", "", {}, {}, "Kharkiv"}})});
  sqlite3* db = st->handle();
  EXPECT_EQ(dump(db, "SELECT place, num_mentions FROM events ORDER BY id"), "Kharkiv|2|\nOdesa|1|\n");
  std::string why = dump(db, "SELECT reason FROM links WHERE mention_id = 2");
  EXPECT_NE(why.find("place 'Odesa' vs 'Kharkiv'"), std::string::npos) << why;
  check_invariants(db);
}

// Places from the gazetteer: a city mention and a mention of its country are one event; the
// event keeps the first place named with its country and coordinates.
TEST(Clustering, ACityAndItsCountryAreOnePlaceTwoCitiesAreNot) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  auto placed = [](Article a, const char* name, const char* kind, const char* country, double lat, double lon) {
    for (auto& e : a.events) {
      e.place = name;
      e.place_kind = kind;
      e.place_country = country;
      e.place_lat = lat;
      e.place_lon = lon;
    }
    return a;
  };
  write_ok(*st, {placed(article("a1", "AFP", "2023-10-01", {{"RUS", "VEN", "057"}}), "Caracas", "city", "VEN", 10.481, -66.904),
                 placed(article("a2", "BBC", "2023-10-01", {{"RUS", "VEN", "057"}}), "Venezuela", "country", "VEN", 7.1, -66.2),
                 placed(article("a3", "DW", "2023-10-01", {{"RUS", "VEN", "057"}}), "Maracaibo", "city", "VEN", 10.642, -71.612)});
  sqlite3* db = st->handle();
  EXPECT_EQ(dump(db, "SELECT place, place_kind, place_country, place_lat, place_lon, num_mentions FROM events ORDER BY id"),
            "Caracas|city|VEN|10.481|-66.904|2|\nMaracaibo|city|VEN|10.642|-71.612|1|\n");
  EXPECT_EQ(dump(db, "SELECT place, place_country FROM mentions ORDER BY id"),
            "Caracas|VEN|\nVenezuela|VEN|\nMaracaibo|VEN|\n");
  std::string why = dump(db, "SELECT reason FROM links WHERE mention_id = 2");
  EXPECT_NE(why.find("places in one country: Venezuela and Caracas"), std::string::npos) << why;
  check_invariants(db);
}

TEST(Clustering, TwoAttacksTheSameDayOnDifferentTargetsAreTwoEvents) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a1", "AFP", "2023-10-01", {{"RUSMIL", "UKRMIL", "190"}}),
                 article("a2", "BBC", "2023-10-01", {{"RUSMIL", "GEOMIL", "190"}}),
                 article("a3", "DW", "2023-10-01", {{"UKRMIL", "RUSMIL", "190"}})});  // the other way round: not symmetric
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM events"), 3);
  check_invariants(st->handle());
}

TEST(Clustering, ADenialIsStoredButNeverSupportsTheReport) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("rep", "AFP", "2023-10-01", {{"RUS", "UKR", "195"}})});
  write_ok(*st, {article("den", "TASS", "2023-10-02", {{"RUS", "UKR", "195", "", Modality::denied}}),
                 article("neg", "RIA", "2023-10-02", {{"RUS", "UKR", "195", "", Modality::fact, Polarity::negated}})});
  sqlite3* db = st->handle();
  EXPECT_EQ(dump(db, "SELECT id, status, num_mentions, num_contests FROM events ORDER BY id"),
            "1|fact|1|2|\n2|denied|1|0|\n3|negated|1|0|\n");
  EXPECT_EQ(dump(db, "SELECT mention_id, role, event_id FROM links ORDER BY mention_id, role"),
            "1|member|1|\n2|contests|1|\n2|member|2|\n3|contests|1|\n3|member|3|\n");
  // A reported mention does not support the fact event either.
  write_ok(*st, {article("rpt", "X", "2023-10-01", {{"RUS", "UKR", "195", "", Modality::reported}})});
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events WHERE id = 1"), 1);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events WHERE status = 'reported'"), 1);
  check_invariants(db);
}

TEST(Clustering, ADenialStoredBeforeTheReportIsLinkedWhenTheReportArrives) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("den", "TASS", "2023-10-02", {{"RUS", "UKR", "195", "", Modality::denied}})});
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM links WHERE role = 'contests'"), 0);
  write_ok(*st, {article("rep", "AFP", "2023-10-01", {{"RUS", "UKR", "195"}})});
  EXPECT_EQ(dump(st->handle(), "SELECT mention_id, event_id FROM links WHERE role = 'contests'"), "1|2|\n");
  EXPECT_EQ(scalar(st->handle(), "SELECT num_contests FROM events WHERE id = 2"), 1);
  check_invariants(st->handle());
}

TEST(Clustering, DateWindow) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  // Days 0, 2, 4: the event spans at most 2 days, so {0, 2} and {4}.
  write_ok(*st, {article("d0", "A", "2023-01-01", {{"FRA", "DEU", "120"}}),
                 article("d2", "B", "2023-01-03", {{"FRA", "DEU", "120"}}),
                 article("d4", "C", "2023-01-05", {{"FRA", "DEU", "120"}}),
                 article("nodate1", "D", "", {{"FRA", "DEU", "120"}}),
                 article("nodate2", "E", "", {{"FRA", "DEU", "120"}})});
  EXPECT_EQ(dump(st->handle(), "SELECT date, end_date, num_mentions FROM events ORDER BY id"),
            "2023-01-01|2023-01-03|2|\n2023-01-05|2023-01-05|1|\n||2|\n");
  check_invariants(st->handle());
}

// An event dated to the month or year only ("en mars 2016", "in 2015") joins the events of the
// same month or year, never undated ones, nor dated days.
TEST(Clustering, MonthAndYearDatesJoinTheSamePeriodOnly) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a", "A", "2023-01-01", {{"FRA", "DEU", "120", "2016-03"}}),
                 article("b", "B", "2023-01-03", {{"FRA", "DEU", "120", "2016-03"}}),
                 article("c", "C", "2023-01-05", {{"FRA", "DEU", "120", "2016"}}),
                 article("d", "D", "2023-01-06", {{"FRA", "DEU", "120", "2015"}}),
                 article("e", "E", "", {{"FRA", "DEU", "120"}})});
  EXPECT_EQ(dump(st->handle(), "SELECT date, num_mentions FROM events ORDER BY id"),
            "2016-03|2|\n2016|1|\n2015|1|\n|1|\n");
  check_invariants(st->handle());
}

TEST(Clustering, WindowIsAParameterFixedAtCreation) {
  TmpDir t;
  OpenOptions o;
  o.cluster.window_days = 0;
  {
    auto st = open_ok(t / "s.db", o);
    EXPECT_EQ(st->params().window_days, 0);
    write_ok(*st, {article("d0", "A", "2023-01-01", {{"FRA", "DEU", "120"}}),
                   article("d1", "B", "2023-01-02", {{"FRA", "DEU", "120"}})});
    EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM events"), 2);
  }
  auto again = open_ok(t / "s.db");  // default options ask for 2 days: the store keeps 0
  EXPECT_EQ(again->params().window_days, 0);
}

TEST(Clustering, VaguerCodesJoinSpecificOnesButTwoSpecificCodesDoNot) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a", "A", "2023-01-01", {{"ISR", "PSE", "190"}}),
                 article("b", "B", "2023-01-01", {{"ISR", "PSE", "193"}}),
                 article("c", "C", "2023-01-01", {{"ISR", "PSE", "19"}}),
                 article("d", "D", "2023-01-01", {{"ISR", "PSE", "194"}})});
  // 190, 193 and 19 are one event, shown with its most specific code; 194 is another fight.
  EXPECT_EQ(dump(st->handle(), "SELECT code, num_mentions FROM events ORDER BY id"), "193|3|\n194|1|\n");
  EXPECT_EQ(dump(st->handle(), "SELECT match FROM links ORDER BY mention_id"), "new|\nvaguer_code|\nvaguer_code|\nnew|\n");
  check_invariants(st->handle());
}

TEST(Clustering, AVisitAndItsHostingAreOneEvent) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a", "A", "2023-01-01", {{"FRA", "DEU", "042"}}),   // France visits Germany
                 article("b", "B", "2023-01-01", {{"DEU", "FRA", "043"}})});  // Germany hosts France
  EXPECT_EQ(dump(st->handle(), "SELECT num_mentions, symmetric FROM events"), "2|1|\n");
  EXPECT_EQ(dump(st->handle(), "SELECT match FROM links WHERE mention_id = 2"), "converse_code|\n");
}

// ---------------------------------------------------------------- idempotence and replacement

TEST(Ingest, TheSameInputTwiceLeavesTheSameContent) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  std::vector<Article> b = {article("a", "A", "2023-01-01", {{"FRA", "DEU", "042"}, {"FRA", "DEU", "120"}}),
                            article("b", "B", "2023-01-02", {{"FRA", "DEU", "120"}})};
  auto first = write_ok(*st, b);
  EXPECT_EQ(first.inserted, 2u);
  const std::string before = content(st->handle());
  auto second = write_ok(*st, b);
  EXPECT_EQ(second.inserted, 0u);
  EXPECT_EQ(second.unchanged, 2u);
  EXPECT_EQ(content(st->handle()), before);
  EXPECT_TRUE(*st->unchanged(b[0].doc));
  // Forced: re-coded and replaced, and still the same content apart from the new ids.
  auto forced = write_ok(*st, b, true);
  EXPECT_EQ(forced.replaced, 2u);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM mentions"), 3);
  check_invariants(st->handle());
}

TEST(Ingest, BatchBoundariesDoNotChangeTheResult) {
  std::vector<Article> arts;
  for (int i = 0; i < 30; ++i)
    arts.push_back(article(fmt::format("d{}", i), i % 3 ? "Reuters" : "AP", fmt::format("2023-01-{:02d}", 1 + i / 4),
                           {{"FRA", i % 2 ? "DEU" : "ITA", i % 5 ? "120" : "12"}, {"ITA", "FRA", "057"}}));
  TmpDir t;
  auto one = open_ok(t / "one.db");
  write_ok(*one, arts);
  auto many = open_ok(t / "many.db");
  for (size_t i = 0; i < arts.size(); i += 7)
    write_ok(*many, std::vector<Article>(arts.begin() + i, arts.begin() + std::min(arts.size(), i + 7)));
  EXPECT_EQ(content(one->handle()), content(many->handle()));
  check_invariants(many->handle());
}

TEST(Ingest, AChangedArticleReplacesItsMentions) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  write_ok(*st, {article("a", "A", "2023-01-01", {{"FRA", "DEU", "120", "", {}, {}, "", "France criticised Germany."}}),
                 article("b", "B", "2023-01-01", {{"FRA", "DEU", "120"}}),
                 article("c", "C", "2023-01-01", {{"RUS", "UKR", "190", "", {}, {}, "", "Russia attacked Ukraine."}})});
  sqlite3* db = st->handle();
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events WHERE code = '120'"), 2);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH 'criticised'"), 1);
  // Article a now says something else; article c no longer codes anything.
  auto r = write_ok(*st, {article("a", "A", "2023-01-01", {{"ESP", "PRT", "057", "", {}, {}, "", "Spain and Portugal signed."}}),
                          article("c", "C", "2023-01-01", {}, "Nothing happened.")});
  EXPECT_EQ(r.replaced, 2u);
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events WHERE code = '120'"), 1);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events WHERE code = '190'"), 0) << "an event left without mentions is deleted";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH 'criticised'"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH 'portugal'"), 1);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM actor_names WHERE code IN ('RUS', 'UKR')"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(dump(db, "PRAGMA main.integrity_check"), "ok|\n");
  sqlite3_exec(db, "INSERT INTO mention_fts(mention_fts) VALUES ('integrity-check')", nullptr, nullptr, nullptr);
  EXPECT_EQ(sqlite3_errcode(db), SQLITE_OK) << sqlite3_errmsg(db);
  check_invariants(db);
}

// ---------------------------------------------------------------- schema

TEST(Schema, NewStoreIsVersionedAndMarked) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  EXPECT_EQ(st->schema_version(), kSchemaVersion);
  EXPECT_EQ(scalar(st->handle(), "PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(scalar(st->handle(), "PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(dump(st->handle(), "PRAGMA journal_mode"), "wal|\n");
  EXPECT_EQ(dump(st->handle(), "SELECT value FROM meta WHERE key IN ('app', 'schema_version') ORDER BY key"),
            "dyad|\n" + std::to_string(kSchemaVersion) + "|\n");
}

TEST(Schema, AnEmptyFileBecomesAStore) {
  TmpDir t;
  std::ofstream(t / "empty.db").close();
  auto st = open_ok(t / "empty.db");
  EXPECT_EQ(st->schema_version(), kSchemaVersion);
}

// A store written by the first schema (no place columns) is upgraded when opened for writing:
// its events are kept, and new ones get their places' coordinates.
// Makes a store written now look like one of version 2 or before: without the columns
// version 3 added.
static void drop_columns_of_version_3(sqlite3* db) {
  for (const char* col : {"source_inferred", "source_implied", "target_inferred", "target_implied"})
    ASSERT_EQ(sqlite3_exec(db, fmt::format("ALTER TABLE mentions DROP COLUMN {}", col).c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK);
}

TEST(Schema, AVersion1StoreIsUpgradedKeepingItsEvents) {
  TmpDir t;
  {
    auto st = open_ok(t / "s.db");
    write_ok(*st, {article("a1", "AFP", "2023-10-01", {{"RUS", "UKR", "190", "", {}, {}, "Kharkiv"}})});
    drop_columns_of_version_3(st->handle());
    for (const char* table : {"mentions", "events"})
      for (const char* col : {"place_kind", "place_country", "place_lat", "place_lon"})
        ASSERT_EQ(sqlite3_exec(st->handle(), fmt::format("ALTER TABLE {} DROP COLUMN {}", table, col).c_str(), nullptr,
                               nullptr, nullptr),
                  SQLITE_OK);
    sqlite3_exec(st->handle(), "PRAGMA user_version = 1; UPDATE meta SET value = '1' WHERE key = 'schema_version'",
                 nullptr, nullptr, nullptr);
  }
  // read-only, it is not upgraded behind the user's back
  OpenOptions ro;
  ro.read_only = true;
  auto r = Store::open(t / "s.db", ro);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("upgrade"), std::string::npos) << r.error().message;
  auto st = open_ok(t / "s.db");
  EXPECT_EQ(st->schema_version(), kSchemaVersion);
  EXPECT_EQ(scalar(st->handle(), "PRAGMA user_version"), kSchemaVersion);
  Article a = article("a2", "BBC", "2023-10-01", {{"RUS", "UKR", "190"}});
  a.events[0].place = "Kharkiv";
  a.events[0].place_kind = "city";
  a.events[0].place_country = "UKR";
  a.events[0].place_lat = 49.993;
  a.events[0].place_lon = 36.231;
  write_ok(*st, {a});
  EXPECT_EQ(dump(st->handle(), "SELECT place, place_country, place_lat, num_mentions FROM events ORDER BY id"),
            "Kharkiv|UKR|49.993|2|\n");
  check_invariants(st->handle());
}

TEST(Schema, HowEachActorWasFoundIsStoredAndReadBack) {
  TmpDir t;
  auto st = open_ok(t / "s.db");
  // "la ministre dénonce une dérive": the source's country taken from the article, the
  // target named by no words at all
  Article a = article("a1", "AFP", "2023-10-01", {{"FRAGOV", "FRA", "111"}});
  a.events[0].source.country_inferred = true;
  a.events[0].target.implied = true;
  a.events[0].target.text.clear();
  write_ok(*st, {a});
  EXPECT_EQ(dump(st->handle(), "SELECT source_inferred, source_implied, target_inferred, target_implied FROM mentions"),
            "1|0|0|1|\n");
  auto ev = st->events({});
  ASSERT_TRUE(ev.has_value());
  ASSERT_EQ(ev->size(), 1u);
  auto ms = st->mentions_of((*ev)[0].id);
  ASSERT_TRUE(ms.has_value());
  ASSERT_EQ(ms->size(), 1u);
  const Event& e = (*ms)[0].event;
  EXPECT_TRUE(e.source.country_inferred);
  EXPECT_FALSE(e.source.implied);
  EXPECT_FALSE(e.target.country_inferred);
  EXPECT_TRUE(e.target.implied);
}

TEST(Schema, AVersion2StoreIsUpgradedItsMentionsNamedByTheirWords) {
  TmpDir t;
  {
    auto st = open_ok(t / "s.db");
    write_ok(*st, {article("a1", "AFP", "2023-10-01", {{"RUS", "UKR", "190"}})});
    drop_columns_of_version_3(st->handle());
    sqlite3_exec(st->handle(), "PRAGMA user_version = 2; UPDATE meta SET value = '2' WHERE key = 'schema_version'",
                 nullptr, nullptr, nullptr);
  }
  auto st = open_ok(t / "s.db");
  EXPECT_EQ(st->schema_version(), kSchemaVersion);
  EXPECT_EQ(dump(st->handle(), "SELECT source_code, target_code, source_implied, target_implied FROM mentions"),
            "RUS|UKR|0|0|\n");
  check_invariants(st->handle());
}

TEST(Schema, ANewerStoreIsRefusedAndLeftAlone) {
  TmpDir t;
  {
    auto st = open_ok(t / "s.db");
    sqlite3_exec(st->handle(), "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  }
  const std::string before = file_bytes(t / "s.db");
  auto r = Store::open(t / "s.db");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_newer");
  EXPECT_NE(r.error().message.find("99"), std::string::npos);
  EXPECT_EQ(file_bytes(t / "s.db"), before);
}

// ---------------------------------------------------------------- faults

TEST(Faults, ANonSqliteFileIsRefusedAndNeverOverwritten) {
  TmpDir t;
  const std::string text = "id,name\n1,not a database\n";
  std::ofstream(t / "notes.csv") << text;
  for (bool ro : {false, true}) {
    OpenOptions o;
    o.read_only = ro;
    auto r = Store::open(t / "notes.csv", o);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().kind, "store_foreign");
    EXPECT_NE(r.error().to_string().find("notes.csv"), std::string::npos);
  }
  EXPECT_EQ(file_bytes(t / "notes.csv"), text);
  EXPECT_FALSE(fs::exists(t / "notes.csv-wal"));
}

TEST(Faults, AnotherProgramsDatabaseIsRefusedAndLeftAlone) {
  TmpDir t;
  sqlite3* db = nullptr;
  sqlite3_open((t / "other.db").c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const std::string before = file_bytes(t / "other.db");
  auto r = Store::open(t / "other.db");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_foreign");
  EXPECT_NE(r.error().message.find("customers"), std::string::npos) << r.error().message;
  EXPECT_EQ(file_bytes(t / "other.db"), before);
}

TEST(Faults, ADamagedStoreIsRefusedAndNeverWritten) {
  TmpDir t;
  {
    auto st = open_ok(t / "s.db");
    std::vector<Article> arts;
    for (int i = 0; i < 300; ++i)
      arts.push_back(article(fmt::format("d{}", i), "A", "2023-01-01", {{"FRA", "DEU", "120"}}, std::string(2000, 'x')));
    write_ok(*st, arts);
    sqlite3_exec(st->handle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  // Scribble over a page in the middle of the file.
  std::string bytes = file_bytes(t / "s.db");
  ASSERT_GT(bytes.size(), 40000u);
  for (size_t i = 0; i < 4096; ++i) bytes[bytes.size() / 2 + i] = static_cast<char>(i * 7);
  std::ofstream(t / "s.db", std::ios::binary | std::ios::trunc) << bytes;
  auto r = Store::open(t / "s.db");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_corrupt") << r.error().to_string();
  EXPECT_EQ(file_bytes(t / "s.db"), bytes);
  // A damaged header: not even SQLite's magic string.
  bytes.replace(0, 16, "garbage garbage!");
  std::ofstream(t / "s.db", std::ios::binary | std::ios::trunc) << bytes;
  r = Store::open(t / "s.db");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_foreign");
  EXPECT_EQ(file_bytes(t / "s.db"), bytes);
}

TEST(Faults, ReadOnlyOpenOfAMissingStoreCreatesNothing) {
  TmpDir t;
  OpenOptions o;
  o.read_only = true;
  auto r = Store::open(t / "nope.db", o);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_missing");
  EXPECT_FALSE(fs::exists(t / "nope.db"));
}

TEST(Faults, AFullDiskStopsTheBatchNamingTheArticleAndKeepsWhatWasCommitted) {
  TmpDir t;
  {
    auto st = open_ok(t / "s.db");
    write_ok(*st, {article("early", "A", "2023-01-01", {{"FRA", "DEU", "120"}})});
  }
  OpenOptions o;
  o.max_bytes = 256 * 1024;  // a quota: SQLite reports SQLITE_FULL past it, as on a full disk
  auto st = open_ok(t / "s.db", o);
  std::vector<Article> big;
  for (int i = 0; i < 400; ++i)
    big.push_back(article(fmt::format("late-{}", i), "B", "2023-01-02",
                          {{"FRA", "DEU", "120", "", {}, {}, "", std::string(1500, 'a' + i % 26) + " end."}}));
  auto r = st->write_batch(big);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_full") << r.error().to_string();
  EXPECT_TRUE(r.error().where.record.starts_with("late-")) << r.error().to_string();
  EXPECT_NE(r.error().message.find("rolled back"), std::string::npos);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM articles"), 1) << "the failed batch left nothing";
  EXPECT_EQ(dump(st->handle(), "SELECT doc_id FROM articles"), "early|\n");
  check_invariants(st->handle());
  // The same connection keeps working for smaller batches.
  write_ok(*st, {article("small", "C", "2023-01-03", {{"FRA", "DEU", "120"}})});
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM articles"), 2);
}

TEST(Faults, ASecondWriterWaitsForTheFirstThenWrites) {
  TmpDir t;
  auto a = open_ok(t / "s.db");
  OpenOptions o;
  o.busy_timeout_ms = 10000;
  auto b = open_ok(t / "s.db", o);
  ASSERT_EQ(sqlite3_exec(a->handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(a->handle(), "COMMIT", nullptr, nullptr, nullptr);
  });
  auto t0 = std::chrono::steady_clock::now();
  write_ok(*b, {article("x", "A", "2023-01-01", {{"FRA", "DEU", "120"}})});
  release.join();
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(250)) << "it waited";
  EXPECT_EQ(scalar(b->handle(), "SELECT count(*) FROM articles"), 1);
}

TEST(Faults, ASecondWriterGivesUpClearlyAfterItsBusyTimeout) {
  TmpDir t;
  auto a = open_ok(t / "s.db");
  OpenOptions o;
  o.busy_timeout_ms = 100;
  auto b = open_ok(t / "s.db", o);
  ASSERT_EQ(sqlite3_exec(a->handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto r = b->write_batch({article("x", "A", "2023-01-01", {{"FRA", "DEU", "120"}})});
  sqlite3_exec(a->handle(), "COMMIT", nullptr, nullptr, nullptr);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "store_busy");
  EXPECT_EQ(r.error().where.record, "x");
  EXPECT_NE(r.error().message.find("another process"), std::string::npos);
  write_ok(*b, {article("x", "A", "2023-01-01", {{"FRA", "DEU", "120"}})});
}

TEST(Faults, TwoWritersInterleavingTheSameInputStoreEachArticleOnce) {
  TmpDir t;
  std::vector<Article> arts;
  for (int i = 0; i < 200; ++i)
    arts.push_back(article(fmt::format("d{}", i), i % 2 ? "A" : "B", "2023-01-01", {{"FRA", "DEU", "120"}}));
  { auto init = open_ok(t / "s.db"); }
  auto run = [&] {
    OpenOptions o;
    o.busy_timeout_ms = 20000;
    auto st = Store::open(t / "s.db", o);
    ASSERT_TRUE(st.has_value());
    for (size_t i = 0; i < arts.size(); i += 10)
      ASSERT_TRUE((*st)->write_batch(std::vector<Article>(arts.begin() + i, arts.begin() + i + 10)).has_value());
  };
  std::thread x(run), y(run);
  x.join();
  y.join();
  auto st = open_ok(t / "s.db");
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM articles"), 200);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM mentions"), 200);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(scalar(st->handle(), "SELECT num_sources FROM events"), 2);
  check_invariants(st->handle());
}
