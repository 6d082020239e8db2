// A language pack: data/<lang>/tokens.txt, grammar.txt and cues.txt — how to
// cut words, the closed word classes the coder relies on, and the cue phrases
// for negation, denial, intention, hypothesis and reported speech.
#pragma once

#include <string>

#include "dict/lexicon.h"
#include "dyad/status.h"

namespace dyad::dict {

// Loads tokens, grammar, cues, numbers and dates; not the lexicon (see below).
Result<void> load_language(const std::string& dir, Lexicon& lex);
// Loads lexicon.local.tsv then lexicon.tsv of a language folder, keeping only
// the forms whose lemma some dictionary entry uses (the rest cannot change a
// match), which keeps start-up fast and memory small.
Result<void> load_lexicons(const std::string& dir, Lexicon& lex);

// Grammar of grammar.txt: `CLASS word word ...`; of cues.txt: `CUE | phrase | phrase ...`.
Result<void> load_grammar(const std::string& path, Lexicon& lex);
Result<void> load_cues(const std::string& path, Lexicon& lex);
// lexicon.tsv: `form<TAB>lemma<TAB>pos` — the first lemma listed for a form wins.
// With `only_known_lemmas`, lines whose lemma is not already in the vocabulary are skipped.
Result<void> load_lexicon(const std::string& path, Lexicon& lex, bool only_known_lemmas = false);
// places.tsv: `kind<TAB>iso3<TAB>lat<TAB>lon<TAB>name<TAB>form|form...` (data/FORMAT.md). Names and
// forms are cut into words by the language's tokenizer, as running text is.
Result<void> load_places(const std::string& path, Lexicon& lex);
// numbers.txt: `decimal-separator C`, `multiplier VALUE word...`, `number VALUE word...`, `unit-link word...`
Result<void> load_numbers(const std::string& path, Lexicon& lex);
// dates.txt: `weekday N word...`, `month N word...`, `relative DAYS | phrase | phrase`
Result<void> load_dates(const std::string& path, Lexicon& lex);

}  // namespace dyad::dict
