// Precision and recall on hand-coded gold sentences (tests/gold/<lang>/gold.jsonl),
// at three levels: CAMEO root, 3-digit code, and 3-digit code with country-level
// source and target. Only asserted events count: dyad's negated, denied and
// hypothetical events are left out, as an analyst leaves such statements uncoded.
#pragma once

#include <string>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::eval {

struct GoldEvent {
  std::string source, target, code;  // countries (3 letters) and a CAMEO code
};

struct GoldSentence {
  std::string doc;
  uint32_t start = 0, end = 0;  // byte span of the sentence in the article text
  std::vector<GoldEvent> events;
  uint32_t line = 0;
};

struct LevelScore {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
};

struct GoldSetReport {
  size_t sentences = 0, gold_events = 0, coded_events = 0, missing_docs = 0;
  LevelScore root, code, actors;
  std::vector<std::string> errors;
  // One line per gold event missed and per coded event the gold does not hold, at the
  // code + actors level, in gold-file order (dyad eval --gold-set --details).
  std::vector<std::string> details;
};

Result<std::vector<GoldSentence>> read_gold_set(const std::string& path);
Result<GoldSetReport> run_gold_set(const Engine& engine, const std::string& gold_file,
                                   const std::vector<std::string>& corpus);
std::string format_gold_set(const GoldSetReport& r, bool json);
std::string format_gold_details(const GoldSetReport& r);

}  // namespace dyad::eval
