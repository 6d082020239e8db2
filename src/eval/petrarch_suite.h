// Runs PETRARCH's unit-test records (PETR.UnitTest.records.xml) from their
// <Text> alone, honouring <Config> records, and scores each the way
// PETRARCH-1 did: the set of (source, target, code) triples must equal the
// expected one; `noevents` records must code nothing; `error=` records must
// raise that error or discard. A record whose <Parse> tree is unbalanced is not
// coded, as PETRARCH skips it (error `bad_input_parse`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::eval {

struct SuiteRecord {
  std::string id, category, date;
  bool sentence_attr = true;  // the record's sentence="true|false" attribute
  std::string text;
  std::vector<std::string> expected;  // "SRC TGT CODE", sorted
  std::string expected_error;         // "dateline", "storydiscard", ...
  bool noevents = false;
  // The record's <Parse> tree has unequal counts of '(' and ')': PETRARCH skips such a
  // record with the error `bad_input_parse` before coding it. dyad codes from the text,
  // but checks the record the same way.
  bool unbalanced_parse = false;
  EngineOptions options;              // options in force (after preceding <Config> records)
  uint32_t line = 0;
};

struct SuiteOutcome {
  std::string id, category;
  bool correct = false;
  std::vector<std::string> expected, got;
  std::string note;
};

struct SuiteReport {
  std::vector<SuiteOutcome> outcomes;
  std::vector<std::string> ignored_options;  // options dyad does not implement, with the record they precede
  size_t correct() const;
};

// Parses the records file; `base` gives the options before any <Config>.
Result<std::vector<SuiteRecord>> read_petrarch_records(const std::string& path, const EngineOptions& base,
                                                      std::vector<std::string>* ignored_options = nullptr);

// `cache`: use the compiled-dictionary cache (EngineOptions::cache).
Result<SuiteReport> run_petrarch_suite(const std::string& dir, const std::string& data_dir, bool cache = true);

std::string format_suite_table(const SuiteReport& r);
std::string format_suite_json(const SuiteReport& r);

}  // namespace dyad::eval
