// Attribute stage: the event's date and the quantities its sentence states,
// from the language's numbers.txt and dates.txt.
#pragma once

#include "code/coder.h"
#include "dict/lexicon.h"
#include "dyad/doc.h"
#include "dyad/event.h"
#include "text/tokenizer.h"

namespace dyad::pipeline {

void attribute(const dict::Lexicon& lex, const Doc& doc, const text::Tokenized& toks, const text::SentenceSpan& s,
               const code::Coded& c, Event& e);

// The gazetteer place named right after token `i` of sentence `s` when `i` is a place
// preposition ("à La Havane", or past determiners: "in the Gaza Strip"): its index in
// lex.places, -1 when there is none; `first` and `last` are its first and last tokens.
int64_t place_after(const dict::Lexicon& lex, const text::Tokenized& toks, const text::SentenceSpan& s, uint32_t i,
                    uint32_t& first, uint32_t& last);

// Parses a number token written with `decimal` as decimal separator ("7,62",
// "50,000", "1.5"); false when it is not a number.
bool parse_number(std::string_view tok, char decimal, double& out);

// The date `days` after an ISO date (negative: before); empty if `iso` is not a date.
std::string add_days(const std::string& iso, int days);

}  // namespace dyad::pipeline
