// The dyad command's subcommands. Each returns the process exit code:
// 0 success, 1 some records skipped or failed, 2 usage or setup error.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "dyad/dyad.h"

namespace dyad::cli {

// Options every subcommand shares.
struct Common {
  std::string data_dir;  // dyad's data/ folder
  std::string dict;      // "" or "petrarch:DIR"
  std::string lang = "en";
  std::string roles_date;  // --roles-date: EngineOptions::roles_date
  bool no_cache = false;  // compile the dictionaries from text, neither reading nor writing the cache
};

// --no-cache, on every subcommand that opens an engine.
void add_cache_flag(CLI::App* sub, Common& c);
// --roles-date, on the subcommands that code a batch of records, and the line that tells how
// many records it would have dated (CodeReport::undated).
void add_roles_date(CLI::App* sub, Common& c);
std::string undated_note(size_t undated);
// The engine options the shared options give.
EngineOptions engine_options(const Common& c);
// Opens an engine, printing what it worked around (a corrupt dictionary cache) on standard error.
Result<std::unique_ptr<Engine>> open_engine(const EngineOptions& eo);

void add_code(CLI::App& app, Common& c);
void add_eval(CLI::App& app, Common& c);
void add_explain(CLI::App& app, Common& c);
void add_dict(CLI::App& app, Common& c);
void add_store_commands(CLI::App& app, Common& c);
void add_serve(CLI::App& app, Common& c);
void add_sentences(CLI::App& app, Common& c);

int run_gold_eval(const Common& c, const std::string& gold, const std::vector<std::string>& inputs, bool json);

// Where data/ is when --data is not given: next to the binary's build folder, or ./data.
std::string default_data_dir(const char* argv0);

}  // namespace dyad::cli
