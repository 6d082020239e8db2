// Segmentation: sentences and tokens over the raw text, with the language's
// elision/clitic and abbreviation rules (from data/<lang>/tokens.txt).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"
#include "text/vocab.h"

namespace dyad::text {

// A set of strings that can be asked about a string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

struct TokenRules {
  std::vector<std::string> split_suffixes;  // folded, e.g. "n't", "'s": split off the end of a word
  std::vector<std::string> split_prefixes;  // folded, e.g. "l'", "qu'": split off the start
  StringSet keep_whole;     // words never split, e.g. "aujourd'hui"
  StringSet abbreviations;  // folded, without the final dot: "mr", "gen"
  // Strings that stand for a number in anonymised text ("*NUMBER*"), as written (case counts):
  // each is one number token wherever it occurs.
  std::vector<std::string> number_placeholders;

  // Reads the `tokens.txt` file of a language folder (grammar in data/FORMAT.md).
  static Result<TokenRules> load(const std::string& path);
};

enum class TokKind : uint8_t { word, number, punct };

struct Token {
  uint32_t start = 0, end = 0;       // bytes in the raw text
  uint32_t norm_off = 0, norm_len = 0;  // folded form in Tokenized::pool
  TokKind kind = TokKind::word;
  bool capitalised = false;          // first letter upper-case in the raw text
  WordId form = kNoWord;             // id of the folded form
  WordId lemma = kNoWord;            // id of the lemma (== form when no lexicon entry)
  // A word class the token also stands for in dictionary phrases: "<number>" for a numeral
  // ("50", "cinquante"), so that an agent "<number> personnes" matches any count.
  WordId klass = kNoWord;
  uint16_t pos = 0;                  // coarse part of speech from the lexicon (0 = unknown)
};

struct SentenceSpan {
  uint32_t start = 0, end = 0;       // bytes in the raw text
  uint32_t tok_begin = 0, tok_end = 0;
};

struct Tokenized {
  std::vector<Token> tokens;
  std::vector<SentenceSpan> sentences;
  std::string pool;
  std::string_view raw_text;  // the text the offsets point into
  std::string_view norm(const Token& t) const { return std::string_view(pool).substr(t.norm_off, t.norm_len); }
  void clear() { tokens.clear(); sentences.clear(); pool.clear(); raw_text = {}; }
};

// Tokenises `text` and splits it into sentences. Every newline ends a sentence.
void tokenize(std::string_view text, const TokenRules& rules, Tokenized& out);

}  // namespace dyad::text
