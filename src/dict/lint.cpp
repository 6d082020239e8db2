#include "dict/lint.h"

#include <fmt/format.h>

namespace dyad::dict {
namespace {

// How element `c` of a coded pattern stands to element `n` of a null one at the same place:
// -1 it does not match all that `n` matches; 0 it does, scoring as much; 1 it does and scores
// more (a synset phrase of one word where `n` names that word).
int cover(const Lexicon& lex, const PElem& c, const PElem& n) {
  // a skip (`^`) takes one word or one actor, whatever it is
  const bool skip = c.kind == PK::skip && n.kind != PK::synset;
  if (c.kind != n.kind && !(c.kind == PK::synset && n.kind == PK::word) && !skip) return -1;
  if (c.conn == Conn::adjacent && n.conn == Conn::gap) return -1;
  switch (c.kind) {
    case PK::word: return c.word == n.word ? 0 : -1;
    case PK::synset:
      if (n.kind == PK::synset) return c.synset == n.synset ? 0 : -1;
      for (const auto& ph : lex.synsets[c.synset].phrases)
        if (ph.size() == 1 && ph[0].word == n.word) return 1;
      return -1;
    case PK::source:
    case PK::target:
    case PK::compound: return c.armed && !n.armed ? -1 : 0;
    case PK::skip: return 0;
  }
  return -1;
}

// -1: `c` does not cover `n`; else the number of elements where it scores more.
int covers(const Lexicon& lex, const Pattern& c, const Pattern& n) {
  if (c.lower.size() != n.lower.size() || c.upper.size() != n.upper.size()) return -1;
  int more = 0;
  for (auto [cs, ns] : {std::pair{&c.lower, &n.lower}, std::pair{&c.upper, &n.upper}})
    for (size_t k = 0; k < cs->size(); ++k) {
      const int v = cover(lex, (*cs)[k], (*ns)[k]);
      if (v < 0) return -1;
      more += v;
    }
  return more;
}

}  // namespace

std::vector<std::string> shadowed_nulls(const Lexicon& lex) {
  std::vector<std::string> out;
  for (const auto& b : lex.blocks) {
    // the block's patterns are sorted by weight, file order kept among equals
    for (size_t j = 0; j < b.patterns.size(); ++j) {
      const Pattern& n = lex.patterns[b.patterns[j]];
      if (!n.code.null() || !n.active) continue;
      for (size_t i = 0; i < b.patterns.size(); ++i) {
        const Pattern& c = lex.patterns[b.patterns[i]];
        if (i == j || c.code.null() || !c.active || c.weight != n.weight) continue;
        const int more = covers(lex, c, n);
        if (more < 0 || (i > j && more == 0)) continue;
        out.push_back(fmt::format("{}:{}: null pattern '{}' never wins: '{}' (line {}) matches whatever it matches "
                                  "and wins the tie; write the null pattern first{}",
                                  lex.files[n.origin.file], n.origin.line, n.text, c.text, c.origin.line,
                                  more > 0 ? ", naming the word through the same synset" : ""));
        break;
      }
    }
  }
  return out;
}

}  // namespace dyad::dict
