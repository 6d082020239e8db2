// `dyad dict check` warns of null patterns that except nothing: a coded pattern as long as
// the null one matches all it matches and wins the tie.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "dict/compile.h"
#include "dict/lint.h"
#include "dict/petrarch.h"

using namespace dyad;
using namespace dyad::dict;

namespace {

std::vector<std::string> lint(const std::string& verbs) {
  auto dir = std::filesystem::path(testing::TempDir()) / ("dyad-lint-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto p = (dir / "verbs.txt").string();
  std::ofstream(p) << verbs;
  Lexicon lex;
  EXPECT_TRUE(load_petrarch_verbs(p, lex));
  finalize(lex);
  std::filesystem::remove_all(dir);
  return shadowed_nulls(lex);
}

TEST(ShadowedNulls, ANullWrittenAfterAnEquallyLongCodedPatternIsReported) {
  auto w = lint("--- ATTACK [190] ---\nATTACK\n- * + [190]\n- * ^ VERBALLY [111]\n- * + VERBALLY [---]\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("verbs.txt:5:"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("(line 4)"), std::string::npos) << w[0];
}

TEST(ShadowedNulls, ANullWrittenFirstOrMoreSpecificIsNot) {
  // written first: it wins the tie
  EXPECT_TRUE(lint("--- ATTACK [190] ---\nATTACK\n- * ^ VERBALLY [---]\n- * ^ VERBALLY [111]\n").empty());
  // a coded pattern that does not match all the null one matches ("SHARPLY" is another word)
  EXPECT_TRUE(lint("--- ATTACK [190] ---\nATTACK\n- * SHARPLY [111]\n- * VERBALLY [---]\n").empty());
  // longer than the coded one: it is tried first
  EXPECT_TRUE(lint("--- ATTACK [190] ---\nATTACK\n- * + [190]\n- * + VERBALLY [---]\n").empty());
}

TEST(ShadowedNulls, ASynsetWordScoresMoreThanTheSameWordWrittenOut) {
  // "planifier une tuerie": PLANIFIER in the coded pattern's synset beats it written out, even first
  auto w = lint("&DO\n+COMMIT\n+PLAN\n\n--- KILLING [---] ---\nKILLING\n- PLAN_THE_* [---]\n- &DO_THE_* [180]\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("same synset"), std::string::npos) << w[0];
}

}  // namespace
