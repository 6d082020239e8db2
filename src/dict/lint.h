#pragma once
// Checks of compiled dictionaries that are no load errors: entries that can never take effect.

#include <string>
#include <vector>

#include "dict/lexicon.h"

namespace dyad::dict {

// Null patterns (`[---]`) that never win: a coded pattern of the same verb block with as
// many elements matches every sentence the null one matches and wins the tie (it is written
// first, or it matches a word through a synset where the null one names the word: synset words
// score higher). Such a null pattern was meant to except the coded one and excepts nothing;
// it must be written before it (and name the synset word the same way). One message per
// null pattern, "file:line: ...".
std::vector<std::string> shadowed_nulls(const Lexicon& lex);

}  // namespace dyad::dict
