// The attribute stage: numbers with their units, and dates resolved from the
// document date.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "dyad/dyad.h"
#include "pipeline/attribute.h"

using namespace dyad;

namespace {

TEST(ParseNumber, HonoursTheLanguagesDecimalSeparator) {
  double v;
  ASSERT_TRUE(pipeline::parse_number("7,62", ',', v));
  EXPECT_DOUBLE_EQ(v, 7.62);
  ASSERT_TRUE(pipeline::parse_number("50,000", '.', v));
  EXPECT_DOUBLE_EQ(v, 50000);
  ASSERT_TRUE(pipeline::parse_number("11.8", '.', v));
  EXPECT_DOUBLE_EQ(v, 11.8);
  EXPECT_FALSE(pipeline::parse_number("12-year", '.', v));
}

TEST(AddDays, CrossesMonthAndYearBoundaries) {
  EXPECT_EQ(pipeline::add_days("2023-03-01", -1), "2023-02-28");
  EXPECT_EQ(pipeline::add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(pipeline::add_days("2023-12-31", 1), "2024-01-01");
  EXPECT_EQ(pipeline::add_days("not a date", 1), "");
}

class Attribute : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = Attribute::dir();
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "t.verbs.txt") << "--- SEND [070] ---\nSEND {SENT}\n";
    std::ofstream(dir / "t.actors.txt") << "GONDOR [GON]\nARNOR [ARN]\n";
    EngineOptions opt;
    opt.data_dir = DYAD_SOURCE_DIR "/data";
    opt.dict = "petrarch:" + dir.string();
    engine_ = std::move(Engine::open(opt).value());
  }
  static void TearDownTestSuite() {
    engine_.reset();
    std::filesystem::remove_all(dir());
  }
  static std::filesystem::path dir() {
    return std::filesystem::path(testing::TempDir()) / ("dyad-attr-dict-" + std::to_string(getpid()));
  }
  static Event one(const std::string& text, const std::string& date) {
    Doc d{.id = "t", .lang = "en", .date = date, .text = text};
    auto r = engine_->code(d).value();
    EXPECT_EQ(r.events.size(), 1u) << text;
    return r.events.empty() ? Event{} : r.events[0];
  }
  static std::unique_ptr<Engine> engine_;
};
std::unique_ptr<Engine> Attribute::engine_;

TEST_F(Attribute, QuantitiesCarryTheirMultiplierAndUnit) {
  auto e = one("Gondor sent 70 million cartridges and 50 drones to Arnor in 2005.", "2023-09-25");
  ASSERT_EQ(e.quantities.size(), 2u);
  EXPECT_DOUBLE_EQ(e.quantities[0].value, 7e7);
  EXPECT_EQ(e.quantities[0].unit, "cartridges");
  EXPECT_EQ(e.quantities[0].text, "70 million cartridges");
  EXPECT_DOUBLE_EQ(e.quantities[1].value, 50);
  EXPECT_EQ(e.quantities[1].unit, "drones");
}

TEST_F(Attribute, WeekdaysMeanTheLatestSuchDayBeforeTheArticle) {
  // 2023-09-25 is a Monday
  EXPECT_EQ(one("Gondor sent troops to Arnor on Saturday.", "2023-09-25").date, "2023-09-23");
  EXPECT_EQ(one("Gondor sent troops to Arnor on Monday.", "2023-09-25").date, "2023-09-25");
  EXPECT_EQ(one("Gondor sent troops to Arnor yesterday.", "2023-09-25").date, "2023-09-24");
  EXPECT_EQ(one("Gondor sent troops to Arnor.", "2023-09-25").date, "2023-09-25");
}

TEST_F(Attribute, ExplicitDatesWinAndNeedNoArticleDate) {
  EXPECT_EQ(one("On 3 June 2019 Gondor sent troops to Arnor.", "").date, "2019-06-03");
  // without a year: the latest such day on or before the article
  EXPECT_EQ(one("On 30 December Gondor sent troops to Arnor.", "2024-01-05").date, "2023-12-30");
  // the English order, with or without a comma before the year
  EXPECT_EQ(one("On June 3, 2019 Gondor sent troops to Arnor.", "2023-09-25").date, "2019-06-03");
  EXPECT_EQ(one("Gondor sent troops to Arnor on September 2.", "2023-09-25").date, "2023-09-02");
  // a day with no year shortly after the article is a date ahead, not last year's
  EXPECT_EQ(one("Gondor sent troops to Arnor by October 31.", "2023-09-25").date, "2023-09-25");
}

// A month or a year the sentence places the event in gives a reduced ISO date ("2015-03",
// "2015"); one that holds the article's date, or comes after it, leaves the article's date.
TEST_F(Attribute, MonthsAndYearsGiveAReducedDate) {
  EXPECT_EQ(one("In March 2016 Gondor sent troops to Arnor.", "2023-09-25").date, "2016-03");
  EXPECT_EQ(one("Gondor sent troops to Arnor in 2005.", "2023-09-25").date, "2005");
  EXPECT_EQ(one("Gondor sent troops to Arnor in March.", "2023-09-25").date, "2023-03");
  EXPECT_EQ(one("Gondor sent troops to Arnor in November.", "2023-09-25").date, "2022-11");
  EXPECT_EQ(one("Gondor sent troops to Arnor last month.", "2023-01-10").date, "2022-12");
  EXPECT_EQ(one("Gondor sent troops to Arnor last year.", "2023-09-25").date, "2022");
  // the article's own month or year, or a later one: the article's date
  EXPECT_EQ(one("Gondor sent troops to Arnor in 2023.", "2023-09-25").date, "2023-09-25");
  EXPECT_EQ(one("Gondor sent troops to Arnor in September.", "2023-09-25").date, "2023-09-25");
  EXPECT_EQ(one("Gondor sent troops to Arnor in 2030.", "2023-09-25").date, "2023-09-25");
  // the end or start of a span, or a year with no period-lead word before it, is no date
  EXPECT_EQ(one("Gondor sent troops to Arnor, its ally until 1998.", "2023-09-25").date, "2023-09-25");
  EXPECT_EQ(one("Gondor sent troops to Arnor, its ally since 1998.", "2023-09-25").date, "2023-09-25");
  EXPECT_EQ(one("Gondor sent troops to Arnor under the 1998 treaty.", "2023-09-25").date, "2023-09-25");
  // a weekday names the day, and wins over a year
  EXPECT_EQ(one("Gondor, defeated in 2005, sent troops to Arnor on Saturday.", "2023-09-25").date, "2023-09-23");
  // the one nearest the verb, one no comma sets off first; not one in a relative clause
  EXPECT_EQ(one("Gondor, beaten in 2001, sent troops to Arnor in 2005.", "2023-09-25").date, "2005");
  EXPECT_EQ(one("In 2001, Gondor sent troops to Arnor.", "2023-09-25").date, "2001");
  EXPECT_EQ(one("In 2005 Gondor, which was beaten in 2001, sent troops to Arnor.", "2023-09-25").date, "2005");
  EXPECT_EQ(one("Gondor sent troops to Arnor, which fell in 2001.", "").date, "");
  // with no article date, a stated month or year still dates the event
  EXPECT_EQ(one("Gondor sent troops to Arnor in May 2001.", "").date, "2001-05");
}

// Places: with dyad's own dictionaries, the gazetteer (data/common/places.tsv) names where an
// event happened when a place preposition introduces it.
class Place : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions opt;
    opt.data_dir = DYAD_SOURCE_DIR "/data";
    opt.cache = false;
    engine_ = std::move(Engine::open(opt).value());
  }
  static std::vector<Event> code(const std::string& lang, const std::string& text) {
    Doc d{.id = "t", .lang = lang, .date = "2023-09-25", .text = text};
    auto r = engine_->code(d);
    EXPECT_TRUE(r.has_value());
    return r ? r->events : std::vector<Event>{};
  }
  static std::unique_ptr<Engine> engine_;
};
std::unique_ptr<Engine> Place::engine_;

TEST_F(Place, APlaceAfterAPlacePrepositionIsTheEventsPlace) {
  auto ev = code("fr", "La Russie a construit une usine de munitions au Venezuela.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].place, "Venezuela");
  EXPECT_EQ(ev[0].place_kind, "country");
  EXPECT_EQ(ev[0].place_country, "VEN");
  EXPECT_NEAR(ev[0].place_lat, 7, 2);
  EXPECT_NEAR(ev[0].place_lon, -66, 3);
}

TEST_F(Place, AnArticleThatIsPartOfTheNameIsMatched) {
  auto ev = code("fr", "Le Premier ministre russe Dimitri Medvedev a soutenu vendredi à La Havane Nicolas Maduro.");
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].place, "Havana");
  EXPECT_EQ(ev[0].place_country, "CUB");
}

TEST_F(Place, ExplainShowsThePlace) {
  Doc d{.id = "t", .lang = "fr", .date = "2023-09-25",
        .text = "Le Premier ministre russe Dimitri Medvedev a soutenu vendredi à La Havane Nicolas Maduro."};
  auto x = engine_->explain(d);
  ASSERT_TRUE(x.has_value());
  EXPECT_NE(x->find("place: Havana (city in CUB, 23.113 -82.366)"), std::string::npos) << *x;
}

TEST_F(Place, AnotherLanguagesSpellingGivesTheSameName) {
  // "Moscou" and "Moscú" are the gazetteer's "Moscow", so mentions in three languages agree
  auto fr = code("fr", "Le président vénézuélien a rencontré Vladimir Poutine à Moscou.");
  auto es = code("es", "El presidente venezolano se reunió con Vladímir Putin en Moscú.");
  ASSERT_FALSE(fr.empty());
  ASSERT_FALSE(es.empty());
  EXPECT_EQ(fr[0].place, "Moscow");
  EXPECT_EQ(es[0].place, "Moscow");
  EXPECT_EQ(fr[0].place_kind, "city");
  EXPECT_NEAR(fr[0].place_lat, 55.75, 0.2);
  EXPECT_NEAR(fr[0].place_lon, 37.62, 0.2);
}

TEST_F(Place, ThePlaceNearestTheVerbWinsAndNoPrepositionNoPlace) {
  auto ev = code("en", "In Washington, officials said Russia attacked Ukraine in Kharkiv on Monday.");
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].place, "Kharkiv");
  EXPECT_EQ(ev[0].place_country, "UKR");
  // a country named as an actor is not a place: no preposition introduces it
  auto bare = code("en", "Russia attacked Ukraine on Monday.");
  ASSERT_FALSE(bare.empty());
  EXPECT_EQ(bare[0].place, "");
}

}  // namespace
