// Loader for dictionaries in PETRARCH's formats (the TABARI/PETRARCH-1 verb
// patterns with synsets and paired codes, actors with dated code lines,
// agents with ~ prefixes/suffixes and plural rules, sentence and story discards).
#pragma once

#include "text/tokenizer.h"

#include <string>

#include "dict/lexicon.h"
#include "dyad/status.h"

namespace dyad::dict {

// Reads every *verbs*, *actors*, *agents* and *discards* file of `dir` (or the
// single file `dir` names) into `lex`. Stops at the first malformed line with
// file:line:column.
Result<void> load_petrarch(const std::string& dir, Lexicon& lex);

// How words are written in a dictionary: PETRARCH's English files list surface
// forms and rely on generated -s/-ed/-ing and plural forms; dyad's own files
// list lemmas, matched against the lexicon's lemma of each token.
enum class Flavor { petrarch, lemmas };

Result<void> load_petrarch_verbs(const std::string& path, Lexicon& lex, Flavor f = Flavor::petrarch);
Result<void> load_petrarch_actors(const std::string& path, Lexicon& lex);
Result<void> load_petrarch_agents(const std::string& path, Lexicon& lex, Flavor f = Flavor::petrarch);
Result<void> load_petrarch_discards(const std::string& path, Lexicon& lex);

// Parses a pattern or phrase written with PETRARCH connectors: words joined by
// '_' must be adjacent, words joined by spaces may have words between them.
struct RawElem {
  std::string text;
  Conn conn_to_next = Conn::gap;
  uint32_t column = 0;  // 1-based column in the source line
};
// With `cut`, each word is also cut the way the tokenizer cuts running text (elisions and
// clitics apart: "D'ESTAING" -> "D'" "ESTAING"), its pieces adjacent.
std::vector<RawElem> split_connected(std::string_view s, uint32_t col0, const text::TokenRules* cut = nullptr);

// A word cut the way the tokenizer cuts running text: "l'intention" -> "l'" "intention".
std::vector<std::string> cut_like_text(const text::TokenRules& rules, std::string_view word);

}  // namespace dyad::dict
