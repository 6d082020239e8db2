// Reading dictionaries in PETRARCH's formats: what loads, what each entry
// means, and how a bad line is reported.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "dict/compile.h"
#include "dict/langpack.h"
#include "dict/petrarch.h"

using namespace dyad;
using namespace dyad::dict;

namespace {

std::filesystem::path scratch() {
  return std::filesystem::path(testing::TempDir()) / ("dyad-dict-" + std::to_string(getpid()));
}

// the files written below go when the test binary ends
struct RemoveScratch {
  ~RemoveScratch() { std::filesystem::remove_all(scratch()); }
} remove_scratch;

std::string write(const std::string& name, const std::string& body) {
  auto dir = scratch();
  std::filesystem::create_directories(dir);
  auto p = (dir / name).string();
  std::ofstream(p) << body;
  return p;
}

bool has_trigger(const Lexicon& lex, const std::string& form) {
  WordId w = lex.vocab.find(form);
  return w != kNoWord && lex.triggers_by_verb.count(w);
}

TEST(PetrarchVerbs, RegularFormsAreGeneratedTheWayPetrarchDoes) {
  Lexicon lex;
  auto p = write("v1.txt", "--- DEPART [032] ---\nDEPART\n--- DEPLORE [122] ---\nDEPLORE\n--- BAN [191] ---\nBAN {BANS BANNED}\n");
  ASSERT_TRUE(load_petrarch_verbs(p, lex));
  finalize(lex);
  for (auto f : {"depart", "departs", "departed", "departing", "deplores", "deplored", "deploring", "bans", "banned"})
    EXPECT_TRUE(has_trigger(lex, f)) << f;
  EXPECT_FALSE(has_trigger(lex, "departes"));
  EXPECT_FALSE(has_trigger(lex, "banning"));  // explicit forms replace the generated ones
}

TEST(PetrarchVerbs, PatternsKeepTheirRolesSynsetsAndPairedCodes) {
  Lexicon lex;
  auto p = write("v2.txt",
                 "&TIES\n+DIPLOMATIC\n+TRADE RELATIONS\n\n"
                 "--- RESTORE [064] ---\nRESTORE\n- + WAS_ * &TIES BY $ [065:066]  # comment\n");
  ASSERT_TRUE(load_petrarch_verbs(p, lex));
  ASSERT_EQ(lex.patterns.size(), 1u);
  const auto& pat = lex.patterns[0];
  ASSERT_EQ(pat.lower.size(), 2u);
  EXPECT_EQ(pat.lower[0].kind, PK::word);
  EXPECT_EQ(pat.lower[0].conn, Conn::adjacent);  // WAS_*
  EXPECT_EQ(pat.lower[1].kind, PK::target);
  ASSERT_EQ(pat.upper.size(), 3u);
  EXPECT_EQ(pat.upper[0].kind, PK::synset);
  EXPECT_EQ(pat.upper[2].kind, PK::source);
  EXPECT_EQ(pat.code.fwd, "065");
  EXPECT_EQ(pat.code.rev, "066");
  EXPECT_EQ(pat.origin.line, 7u);
  EXPECT_EQ(lex.synsets[pat.upper[0].synset].phrases.size(), 2u);
}

TEST(PetrarchVerbs, ACommentLineInsideASynsetDoesNotEndIt) {
  // a blank line ends a synset; a line holding only a comment does not (it used to, and the
  // members after it were "outside any verb block or synset")
  Lexicon lex;
  auto p = write("v3.txt",
                 "&TIES\n+DIPLOMATIC\n# trade, too\n+TRADE RELATIONS\n\n"
                 "--- RESTORE [064] ---\nRESTORE\n- * &TIES [065]\n");
  auto r = load_petrarch_verbs(p, lex);
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(lex.patterns.size(), 1u);
  EXPECT_EQ(lex.synsets[lex.patterns[0].upper[0].synset].phrases.size(), 2u);
  EXPECT_EQ(lex.patterns[0].origin.line, 8u);  // line numbers still count the comment
}

TEST(PetrarchVerbs, BadLinesNameFileLineAndColumn) {
  struct Case {
    std::string body, what;
    uint32_t line;
  } cases[] = {
      {"--- X [010] ---\nX\n- * FOO\n", "pattern without a [code]", 3},
      {"--- X [010] ---\nX\n- FOO BAR [010]\n", "no '*'", 3},
      {"--- X [010] ---\nX\n- * &NOPE [010]\n", "never defined", 3},
      {"--- X ---\n", "without a [code]", 1},
      {"X\n", "outside any verb block", 1},
  };
  for (auto& c : cases) {
    Lexicon lex;
    auto p = write("bad.txt", c.body);
    auto r = load_petrarch_verbs(p, lex);
    ASSERT_FALSE(r.has_value()) << c.body;
    EXPECT_EQ(r.error().where.file, p);
    EXPECT_EQ(r.error().where.line, c.line) << c.body;
    EXPECT_GT(r.error().where.column, 0u) << c.body;
    EXPECT_NE(r.error().message.find(c.what), std::string::npos) << r.error().message;
  }
}

TEST(OwnVerbs, APatternWrittenTwiceInOneBlockIsAnError) {
  // only the first of two identical patterns is ever tried: with two codes the second is a
  // contradiction nobody sees, with one it is dead weight. dyad's own files name both lines;
  // PETRARCH's own files, which hold such pairs, load as they are.
  const std::string body =
      "--- THREATEN [130] ---\nTHREATEN\n- * ATTACK [138]\n- * SANCTIONS [1312]\n- *  attack [1384]\n"
      "--- ATTACK [190] ---\nATTACK\n- * ATTACK [190]\n";
  Lexicon own;
  auto r = load_petrarch_verbs(write("dup.txt", body), own, Flavor::lemmas);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 5u);
  EXPECT_NE(r.error().message.find("line 3 with code [138]"), std::string::npos) << r.error().message;
  Lexicon same;
  auto s = load_petrarch_verbs(write("dup2.txt", "--- X [010] ---\nX\n- * Y [010]\n- * Y [010]\n"), same, Flavor::lemmas);
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("same code"), std::string::npos) << s.error().message;
  // the same words in another block are another verb's pattern; PETRARCH's flavour loads it all
  Lexicon theirs;
  auto t = load_petrarch_verbs(write("dup3.txt", body), theirs);
  ASSERT_TRUE(t) << t.error().to_string();
  EXPECT_EQ(theirs.patterns.size(), 4u);
}

TEST(OwnActors, APhraseOfTwoEntriesIsAnError) {
  // the trie keeps the first entry of a phrase: in dyad's own files a second entry for it (or a
  // capitalisation of an '=' phrase written as its own entry) would never match; its line and
  // the first entry's are named. Synonyms of one entry may fold to the same phrase.
  const std::string body = "=le_RAID [FRACOP]\n+=Le_RAID\nGONDOR [GON]\n+MINAS_TIRITH\nMINAS_TIRITH [GONGOV]\n";
  Lexicon own;
  own.cut_words = true;
  auto r = load_petrarch_actors(write("dupa.txt", body), own);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 5u);
  EXPECT_NE(r.error().message.find("dupa.txt:3"), std::string::npos) << r.error().message;
  // PETRARCH's files, which hold such pairs, load as they are (the first entry kept)
  Lexicon theirs;
  auto t = load_petrarch_actors(write("dupb.txt", body), theirs);
  ASSERT_TRUE(t) << t.error().to_string();
  // a null entry that only blocks a shorter phrase may repeat one another entry codes
  Lexicon blocker;
  blocker.cut_words = true;
  auto u = load_petrarch_actors(write("dupc.txt", "GONDOR_TIMES [GONMED]\nGONDOR [GON]\nGONDOR_TIMES [---]\n"), blocker);
  ASSERT_TRUE(u) << u.error().to_string();
}

TEST(PetrarchActors, DatedCodesResolveOnTheDocumentDate) {
  Lexicon lex;
  auto p = write("a.txt",
                 "GOLLUM # comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
                 "THE_SHIRE [FRO/BIL/SAM]\nPUTIN\n  [RUSGOV 2000-05-07..2008-05-07]\n  [RUSELI]\n");
  ASSERT_TRUE(load_petrarch_actors(p, lex)) ;
  ASSERT_EQ(lex.actors.size(), 3u);
  EXPECT_EQ((*lex.actors[0].resolve(19950101))[0], "HOB");
  EXPECT_EQ((*lex.actors[0].resolve(19970101))[0], "HOBGOV");
  EXPECT_EQ((*lex.actors[0].resolve(20010101))[0], "HOBREB");
  EXPECT_EQ(lex.actors[1].resolve(0)->size(), 3u);
  EXPECT_EQ((*lex.actors[2].resolve(20050101))[0], "RUSGOV");
  EXPECT_EQ((*lex.actors[2].resolve(20200101))[0], "RUSELI");
  EXPECT_EQ(lex.actor_trie.size(), 4u);  // GOLLUM, SMEAGOL, THE SHIRE, PUTIN
}

TEST(PetrarchActors, BadDateIsReported) {
  Lexicon lex;
  auto p = write("a2.txt", "X\n  [XXX 1995-13]\n");
  auto r = load_petrarch_actors(p, lex);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 2u);
}

TEST(PetrarchAgents, PluralsSubstitutionsAndPrefixes) {
  Lexicon lex;
  auto p = write("ag.txt",
                 "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nACTIVIST [~OPP]\nMSF {} [NGO~]\n");
  ASSERT_TRUE(load_petrarch_agents(p, lex));
  ASSERT_EQ(lex.agents.size(), 4u);
  EXPECT_TRUE(lex.agents[3].prefix);
  EXPECT_EQ(lex.agents[3].code, "NGO");
  EXPECT_NE(lex.vocab.find("congressmen"), kNoWord);
  EXPECT_NE(lex.vocab.find("activists"), kNoWord);
  EXPECT_EQ(lex.vocab.find("polices"), kNoWord);  // {} = no plural
}

TEST(LanguagePack, EveryShippedLanguageLoads) {
  for (auto lang : {"en", "fr", "es"}) {
    Lexicon lex;
    auto r = load_language(std::string(DYAD_SOURCE_DIR) + "/data/" + lang, lex);
    EXPECT_TRUE(r.has_value()) << lang << ": " << r.error().to_string();
    EXPECT_GT(lex.word_classes.size(), 10u) << lang;
    EXPECT_GT(lex.cues.size(), 5u) << lang;
  }
}

TEST(LanguagePack, UnknownWordClassNamesTheLine) {
  Lexicon lex;
  auto p = write("grammar.txt", "determiner the a\nadverb very\n");
  auto r = load_grammar(p, lex);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 2u);
}

TEST(LanguagePack, BadPlaceLinesNameTheLineAndColumn) {
  Lexicon lex;
  const std::string good = "# kind\tiso3\tlat\tlon\tname\tforms\ncity\tRUS\t55.756\t37.617\tMoscow\tMoscou|Moscú\n";
  ASSERT_TRUE(load_places(write("places.tsv", good), lex).has_value());
  ASSERT_EQ(lex.places.size(), 1u);
  EXPECT_EQ(lex.places[0].name, "Moscow");
  EXPECT_EQ(lex.places[0].country, "RUS");
  struct Case {
    const char* line;
    uint32_t column;
    const char* says;
  };
  for (const Case& c : {Case{"city\tRUS\t55.7\t37.6\tMoscow\n", 1, "6 tab-separated"},
                        Case{"town\tRUS\t55.7\t37.6\tMoscow\t\n", 1, "kind"},
                        Case{"city\tRussia\t55.7\t37.6\tMoscow\t\n", 6, "alpha-3"},
                        Case{"city\tRUS\t95\t37.6\tMoscow\t\n", 10, "latitude"},
                        Case{"city\tRUS\t55.7\teast\tMoscow\t\n", 15, "longitude"}}) {
    Lexicon l2;
    auto r = load_places(write("bad-places.tsv", good + c.line), l2);
    ASSERT_FALSE(r.has_value()) << c.line;
    EXPECT_EQ(r.error().kind, "bad_dictionary");
    EXPECT_EQ(r.error().where.line, 3u) << c.line;
    EXPECT_EQ(r.error().where.column, c.column) << c.line;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
  }
}

}  // namespace
