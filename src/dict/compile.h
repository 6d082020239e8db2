// Building blocks shared by the dictionary loaders: synsets, patterns, verb
// forms, and the final indexing pass.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/lexicon.h"
#include "dict/petrarch.h"
#include "dyad/status.h"

namespace dyad::dict {

// Collects synsets (which may name other synsets, and may be used before they
// are defined) and resolves them into Lexicon::synsets at finish().
class SynsetBuilder {
 public:
  // Synsets are local to one file: each file gets its own builder, whose synsets are appended
  // after those of the files read before it.
  explicit SynsetBuilder(Lexicon& lex) : lex_(lex), base_(static_cast<uint32_t>(lex.synsets.size())) {}
  uint32_t define(const std::string& name, Origin o);
  uint32_t ref(const std::string& name, Location where);  // index, creating a placeholder
  // The file and line being read, for errors about synsets used there.
  void at(const std::string& file, uint32_t line) { file_ = file; line_ = line; }
  void add_member(uint32_t synset, std::string_view text, Origin o);
  Result<void> finish(const std::string& path);

 private:
  struct Pending {
    std::vector<std::pair<std::string, Origin>> members;
    bool defined = false;
    Location first_use;
  };
  Pending& pending(uint32_t global) { return pending_[global - base_]; }
  Lexicon& lex_;
  uint32_t base_;  // index in lex_.synsets of this file's first synset
  std::string file_;
  uint32_t line_ = 0;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<Pending> pending_;
};

// Compiles a pattern given as connected elements ("*" marks the verb; "$", "+",
// "%" and "^" are source, target, compound and skip; "&NAME" a synset).
Result<Pattern> compile_pattern(Lexicon& lex, SynsetBuilder& synsets, const std::vector<RawElem>& elems,
                                EventCode code);

// Registers the surface forms of a verb line. `variants[0]` is the base form;
// when `regular` is true the -s/-ed/-ing forms of its verb word are generated.
// A '+' before a word marks the verb in a multi-word form ("KLM_NOP_+RST").
Result<void> add_verb_forms(Lexicon& lex, uint32_t block, const std::vector<std::string>& variants, bool regular,
                            const EventCode& code, Origin origin);

// Orders each block's patterns most-specific first and indexes triggers by verb word.
void finalize(Lexicon& lex);

}  // namespace dyad::dict
