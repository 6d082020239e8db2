// Segmentation as a user sees it: words and sentences cut where a reader would,
// with offsets that point back into the raw text.
#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/tokenizer.h"

using namespace dyad::text;

namespace {

TokenRules rules(const std::string& lang) {
  auto r = TokenRules::load(std::string(DYAD_SOURCE_DIR) + "/data/" + lang + "/tokens.txt");
  EXPECT_TRUE(r.has_value()) << r.error().to_string();
  return r.value_or(TokenRules{});
}

// The sentences of `text` as the reader sees them.
std::vector<std::string> sentences(const std::string& text, const std::string& lang) {
  Tokenized t;
  tokenize(text, rules(lang), t);
  std::vector<std::string> s;
  for (const auto& x : t.sentences) s.push_back(text.substr(x.start, x.end - x.start));
  return s;
}

std::vector<std::string> words(const Tokenized& t) {
  std::vector<std::string> w;
  for (auto& k : t.tokens) w.emplace_back(t.norm(k));
  return w;
}

TEST(Tokenizer, EnglishCliticsSplitAsTheTreebankDoes) {
  Tokenized t;
  tokenize("Gondor's army didn't attack; it won't.", rules("en"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"gondor", "'s", "army", "did", "n't", "attack", ";", "it", "wo",
                                                "n't", "."}));
}

TEST(Tokenizer, FrenchElisionsAreSeparateWords) {
  Tokenized t;
  tokenize("L’usine d'assaut qu'il a construite aujourd'hui", rules("fr"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"l'", "usine", "d'", "assaut", "qu'", "il", "a", "construite",
                                                "aujourd'hui"}));
}

TEST(Tokenizer, AnElisionBeforeAQuotationKeepsItsApostrophe) {
  // 'd'"éclaircir' and "l'« ami »": the elided word is "d'", "l'", as before a letter
  Tokenized t;
  tokenize("Il a demandé d'\"éclaircir\" à l'\u00ab ami \u00bb", rules("fr"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"il", "a", "demandé", "d'", "\"", "éclaircir", "\"", "à", "l'", "\"",
                                                "ami", "\""}));
}

TEST(Tokenizer, OffsetsPointIntoTheRawTextEvenWithAccentsAndNoBreakSpaces) {
  std::string text = "« Les États-Unis\u00a0interféraient »";
  Tokenized t;
  tokenize(text, rules("fr"), t);
  ASSERT_GE(t.tokens.size(), 4u);
  EXPECT_EQ(text.substr(t.tokens[2].start, t.tokens[2].end - t.tokens[2].start), "États-Unis");
  EXPECT_EQ(t.norm(t.tokens[2]), "états-unis");
  EXPECT_EQ(text.substr(t.tokens[3].start, t.tokens[3].end - t.tokens[3].start), "interféraient");
  EXPECT_EQ(t.norm(t.tokens[0]), "\"");  // guillemets fold to a plain quote
}

TEST(Tokenizer, InitialismsAndNumbersStayWhole) {
  Tokenized t;
  tokenize("The U.S. sent 50,000 tonnes worth 11.8 million.", rules("en"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"the", "u.s.", "sent", "50,000", "tonnes", "worth", "11.8",
                                                "million", "."}));
  EXPECT_EQ(t.sentences.size(), 1u);
  EXPECT_EQ(t.tokens[3].kind, TokKind::number);
}

TEST(Tokenizer, ANumberPlaceholderIsOneNumberToken) {
  Tokenized t;
  tokenize("Cerca de *NUMBER* universitarios, *NUMBER*.", rules("es"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"cerca", "de", "*number*", "universitarios", ",", "*number*", "."}));
  EXPECT_EQ(t.tokens[2].kind, TokKind::number);
  EXPECT_EQ(t.tokens[5].kind, TokKind::number);
  // a language with no placeholder declared cuts it as marks around a word
  tokenize("*NUMBER*", rules("en"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"*", "number", "*"}));
}

TEST(Tokenizer, SentencesEndAtFullStopsNotAtAbbreviationsOrInitials) {
  Tokenized t;
  tokenize("Mr. Smith met George W. Bush. Then he left!\nA new line is a new sentence", rules("en"), t);
  ASSERT_EQ(t.sentences.size(), 3u);
  std::string_view text = t.raw_text;
  EXPECT_EQ(text.substr(t.sentences[0].start, t.sentences[0].end - t.sentences[0].start),
            "Mr. Smith met George W. Bush.");
  EXPECT_EQ(text.substr(t.sentences[1].start, t.sentences[1].end - t.sentences[1].start), "Then he left!");
}

TEST(Tokenizer, ANewsAgencySubHeadingGluedByDashesIsASentenceOfItsOwn) {
  // AFP writes '.- "Intertitle" -Next paragraph' with no spaces around the dashes
  EXPECT_EQ(sentences("Il a raillé l'ONU.- \"Pas un centimètre\" -Le conflit a duré huit ans.", "fr"),
            (std::vector<std::string>{"Il a raillé l'ONU.-", "\"Pas un centimètre\"", "-Le conflit a duré huit ans."}));
  // a dash inside a sentence stays in it
  EXPECT_EQ(sentences("Le pays - la Grèce - a voté.", "fr").size(), 1u);
}

TEST(Tokenizer, SentencesGluedByAScraperAreCutAtTheFullStop) {
  EXPECT_EQ(sentences("He went to fight.His death was reported. Visit www.example.com today.", "en"),
            (std::vector<std::string>{"He went to fight.", "His death was reported.", "Visit www.example.com today."}));
  // "the U.S.Army": an initialism's dots stay inside it
  EXPECT_EQ(sentences("The U.S.Army left.", "en").size(), 1u);
}

TEST(Tokenizer, TrailingHyphenStaysOnTheWord) {
  Tokenized t;
  tokenize("an anti- Gondor parade", rules("en"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"an", "anti-", "gondor", "parade"}));
}

TEST(Normalize, FoldsCaseAndTypography) {
  EXPECT_EQ(fold_word("ÉTATS–UNIS"), "états-unis");
  EXPECT_EQ(fold_word("l’Iran"), "l'iran");
  EXPECT_EQ(fold_word("İmamoğlu"), "imamoğlu");  // Turkish dotted capital I
}

TEST(Normalize, DecomposedAccentsMeetPrecomposedWords) {
  // "Fe\u0301de\u0301ration" (e + combining acute) is the word "fédération"
  EXPECT_EQ(fold_word("Fe\u0301de\u0301ration"), "fédération");
  EXPECT_EQ(fold_word("E\u0301TATS-UNIS"), "états-unis");
  EXPECT_EQ(fold_word("Bogota\u0301"), "bogotá");
  // a mark with no precomposed letter stays as it is
  EXPECT_EQ(fold_word("q\u0301"), "q\u0301");
}

TEST(Tokenizer, OffsetsOfADecomposedWordPointIntoTheRawText) {
  Tokenized t;
  const std::string text = "La Re\u0301publique parle.";
  tokenize(text, rules("fr"), t);
  EXPECT_EQ(words(t), (std::vector<std::string>{"la", "république", "parle", "."}));
  ASSERT_GE(t.tokens.size(), 2u);
  EXPECT_EQ(text.substr(t.tokens[1].start, t.tokens[1].end - t.tokens[1].start), "Re\u0301publique");
}

TEST(TokenRules, UnknownKeyIsAnErrorWithItsLine) {
  auto path = testing::TempDir() + "/bad_tokens.txt";
  FILE* f = fopen(path.c_str(), "w");
  fputs("split-suffix 's\nsplit-sufix n't\n", f);
  fclose(f);
  auto r = TokenRules::load(path);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 2u);
  EXPECT_EQ(r.error().kind, "bad_dictionary");
}

}  // namespace
