// A document's date from its own text, for articles whose metadata has none: scraped pages
// often keep a dateline line such as "lundi, septembre 25, 2023" or "25 September 2023" at
// the top. Words are read through the language's dates.txt (weekdays, months).
#pragma once

#include <string>

#include "dict/lexicon.h"
#include "text/tokenizer.h"

namespace dyad::pipeline {

// The ISO date (yyyy-mm-dd) of the first of the first `max_sentences` sentences that holds
// nothing but a full date (day, month name and year, in any order, with an optional weekday
// and punctuation); empty when there is none.
std::string dateline_date(const dict::Lexicon& lex, const text::Tokenized& toks, size_t max_sentences = 3);

// The latest full date (day, month name and year: "25 septembre 2023", "1 de julio de 2018",
// "September 25, 2023") the text names anywhere, as yyyymmdd; 0 when it names none. An article
// with no date of its own is mostly written soon after the latest day it names: the date its
// actors' dated roles are read on (not the events' date).
int32_t latest_named_date(const dict::Lexicon& lex, const text::Tokenized& toks);

}  // namespace dyad::pipeline
