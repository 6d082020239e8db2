// PETRARCH's own unit-test records, coded from their text alone by dyad's
// production path with PETRARCH's validation dictionaries.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "eval/petrarch_suite.h"

namespace {

const std::string kSuite = DYAD_SOURCE_DIR "/../shared/peer-suites/petrarch";
const std::string kData = DYAD_SOURCE_DIR "/data";

// Records dyad fails and why, kept in tests/peer/petrarch-exceptions.md as "- `ID`: reason".
std::set<std::string> documented_exceptions() {
  std::ifstream in(DYAD_SOURCE_DIR "/tests/peer/petrarch-exceptions.md");
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("- `", 0) != 0) continue;
    // every `ID` before the colon that ends the list of ids
    auto colon = line.find(':');
    for (size_t b = line.find('`'); b != std::string::npos && b < colon;) {
      auto e = line.find('`', b + 1);
      if (e == std::string::npos) break;
      ids.insert(line.substr(b + 1, e - b - 1));
      b = line.find('`', e + 1);
    }
  }
  return ids;
}

class PetrarchSuite : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSuite + "/PETR.UnitTest.records.xml"))
      GTEST_SKIP() << "needs ../shared/peer-suites/petrarch beside the repository";
  }
};

TEST_F(PetrarchSuite, ScoresAtLeastTheRecordedLevel) {
  auto rep = dyad::eval::run_petrarch_suite(kSuite, kData);
  ASSERT_TRUE(rep.has_value()) << rep.error().to_string();
  EXPECT_EQ(rep->outcomes.size(), 284u);
  // The level reached when this test was last updated; a drop is a regression.
  EXPECT_GE(rep->correct(), 270u) << dyad::eval::format_suite_table(*rep);
}

TEST_F(PetrarchSuite, EveryFailureIsDocumentedWithAReason) {
  auto rep = dyad::eval::run_petrarch_suite(kSuite, kData);
  ASSERT_TRUE(rep.has_value()) << rep.error().to_string();
  auto documented = documented_exceptions();
  for (const auto& o : rep->outcomes) {
    if (!o.correct) {
      EXPECT_TRUE(documented.count(o.id)) << o.id << " fails but is not in petrarch-exceptions.md";
    }
  }
}

TEST(PetrarchRecords, ConfigRecordsChangeOptionsForTheRecordsAfterThem) {
  if (!std::filesystem::exists(kSuite + "/PETR.UnitTest.records.xml")) GTEST_SKIP() << "needs ../shared";
  dyad::EngineOptions base;
  auto recs = dyad::eval::read_petrarch_records(kSuite + "/PETR.UnitTest.records.xml", base);
  ASSERT_TRUE(recs.has_value());
  ASSERT_EQ(recs->size(), 284u);
  bool saw_false = false, saw_true_after = false;
  for (auto& r : *recs) {
    if (r.id == "COMPOUND-03") saw_false = !r.options.require_dyad;
    if (r.id == "COMPOUND-05") saw_true_after = r.options.require_dyad;
  }
  EXPECT_TRUE(saw_false);
  EXPECT_TRUE(saw_true_after);
}

TEST(PetrarchRecords, UnbalancedParseTreesAndNewActorLengthAreRead) {
  auto dir = std::filesystem::temp_directory_path() / ("dyad-petr-parse-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "records.xml");
    f << "<Sentences>\n<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
         "<Sentence id=\"X-1\" date=\"19950101\" category=\"ERROR\" sentence=\"true\">\n"
         "<EventCoding error=\"bad_input_parse\"></EventCoding>\n<Text>Arnor left.</Text>\n"
         "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .))</Parse>\n</Sentence>\n"
         "<Sentence id=\"X-2\" date=\"19950101\" category=\"DEMO\" sentence=\"true\">\n"
         "<EventCoding noevents=\"True\"></EventCoding>\n<Text>Arnor left.</Text>\n"
         "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))</Parse>\n</Sentence>\n</Sentences>\n";
  }
  std::vector<std::string> ignored;
  auto recs = dyad::eval::read_petrarch_records((dir / "records.xml").string(), {}, &ignored);
  ASSERT_TRUE(recs.has_value()) << recs.error().to_string();
  ASSERT_EQ(recs->size(), 2u);
  EXPECT_TRUE((*recs)[0].unbalanced_parse);
  EXPECT_EQ((*recs)[0].expected_error, "bad_input_parse");
  EXPECT_FALSE((*recs)[1].unbalanced_parse);
  EXPECT_EQ((*recs)[0].options.new_actor_length, 4);
  EXPECT_TRUE(ignored.empty());
  std::filesystem::remove_all(dir);
}

TEST(PetrarchRecords, MalformedFileNamesTheLine) {
  auto dir = std::filesystem::temp_directory_path() / "dyad-petr-bad";
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "records.xml");
    f << "<Sentences>\n<Sentence id=\"X-1\" date=\"19950101\">\n<EventCoding noevents=\"True\">\n";
  }
  auto recs = dyad::eval::read_petrarch_records((dir / "records.xml").string(), {});
  ASSERT_FALSE(recs.has_value());
  EXPECT_EQ(recs.error().where.line, 2u);
  std::filesystem::remove_all(dir);
}

}  // namespace
