// A document's date read from a dateline line of its own text, through the language's
// dates.txt: what the seed articles need, since none carries a date in metadata.
#include <gtest/gtest.h>

#include "dict/langpack.h"
#include "pipeline/dateline.h"

using namespace dyad;

namespace {

template <class F>
auto read(const std::string& lang, const std::string& text, F f) {
  dict::Lexicon lex;
  auto r = dict::load_language(DYAD_SOURCE_DIR "/data/" + lang, lex);
  EXPECT_TRUE(r.has_value()) << r.error().to_string();
  text::Tokenized toks;
  text::tokenize(text, lex.token_rules, toks);
  lex.assign_ids(toks);
  return f(lex, toks);
}
std::string dateline(const std::string& lang, const std::string& text) {
  return read(lang, text, [](auto& lex, auto& toks) { return pipeline::dateline_date(lex, toks); });
}
int32_t latest(const std::string& lang, const std::string& text) {
  return read(lang, text, [](auto& lex, auto& toks) { return pipeline::latest_named_date(lex, toks); });
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

TEST(Dateline, TheLatestDateAnUndatedTextNamesReadsItsActorsRoles) {
  // anywhere in running text, in each language's order; the latest one wins
  EXPECT_EQ(latest("es", "El 1 de julio de 2018 ganó. Desde el 3 de marzo de 2017 hacía campaña."), 20180701);
  EXPECT_EQ(latest("fr", "Le 23 janvier 2019, une tentative de coup d'État a eu lieu."), 20190123);
  EXPECT_EQ(latest("en", "It opened on September 25, 2023, and closed on 2 October 2023."), 20231002);
  // a month and a year, or a day and a month, are no full date
  EXPECT_EQ(latest("en", "In June 2018 and on 3 July, talks went on."), 0);
  EXPECT_EQ(latest("en", "On February 30, 2023 nothing happened."), 0);
}

TEST(Dateline, RejectsImpossibleDates) {
  EXPECT_EQ(dateline("en", "February 30, 2023\nText."), "");
}

}  // namespace
