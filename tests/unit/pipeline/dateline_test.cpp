// A document's date read from a dateline line of its own text, through the language's
// dates.txt: what the seed articles need, since none carries a date in metadata.
#include <gtest/gtest.h>

#include "dict/langpack.h"
#include "pipeline/dateline.h"

using namespace dyad;

namespace {

std::string dateline(const std::string& lang, const std::string& text) {
  dict::Lexicon lex;
  auto r = dict::load_language(DYAD_SOURCE_DIR "/data/" + lang, lex);
  EXPECT_TRUE(r.has_value()) << r.error().to_string();
  text::Tokenized toks;
  text::tokenize(text, lex.token_rules, toks);
  lex.assign_ids(toks);
  return pipeline::dateline_date(lex, toks);
}

TEST(Dateline, ReadsADateLineInAnyOrder) {
  EXPECT_EQ(dateline("fr", "lundi, septembre 25, 2023\nLa Russie a construit une usine."), "2023-09-25");
  EXPECT_EQ(dateline("fr", "Publié le\n25 septembre 2023\nLa Russie a construit une usine."), "2023-09-25");
  EXPECT_EQ(dateline("en", "Monday 25 September 2023\nRussia built a factory."), "2023-09-25");
  EXPECT_EQ(dateline("es", "25 de septiembre de 2023\nRusia construyó una fábrica."), "2023-09-25");
}

TEST(Dateline, IgnoresDatesInsideRunningText) {
  EXPECT_EQ(dateline("fr", "Le 23 janvier 2019, une tentative de coup d'État a eu lieu."), "");
  EXPECT_EQ(dateline("en", "Russia built a factory.\nIt opened on 25 September 2023."), "");
}

TEST(Dateline, RejectsImpossibleDates) {
  EXPECT_EQ(dateline("en", "February 30, 2023\nText."), "");
}

}  // namespace
