#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "dyad/dyad.h"

namespace dyad::cli {

void add_dict(CLI::App& app, Common& c) {
  auto* dict = app.add_subcommand("dict", "check or describe dictionaries");
  dict->require_subcommand(1);
  auto* check = dict->add_subcommand("check", "load every dictionary and report the first error as file:line:column");
  check->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own under --data)");
  add_cache_flag(check, c);
  check->callback([&c]() {
    auto engine = open_engine(engine_options(c));
    if (!engine) {
      std::cerr << engine.error().to_string() << "\n";
      throw CLI::RuntimeError(1);
    }
    const auto lint = (*engine)->lint();
    for (auto& s : (*engine)->stats()) {
      std::cout << fmt::format("{}: ok ({} actor phrases, {} agents, {} verb forms, {} patterns)\n", s.lang,
                               s.actor_phrases, s.agents, s.verb_forms, s.patterns);
      for (auto& [lang, ws] : lint)
        if (lang == s.lang)
          for (auto& w : ws) std::cerr << "warning: " << w << "\n";
    }
  });
  auto* stats = dict->add_subcommand("stats",
                                     "print dictionary sizes per language: actor phrases, actors, actors with dated "
                                     "roles (people in office), agents, verb blocks and forms, patterns, discards, "
                                     "cues, CAMEO codes used out of the table");
  stats->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own under --data)");
  add_cache_flag(stats, c);
  stats->callback([&c]() {
    auto engine = open_engine(engine_options(c));
    if (!engine) {
      std::cerr << engine.error().to_string() << "\n";
      throw CLI::RuntimeError(1);
    }
    std::cout << fmt::format("{:<5} {:>8} {:>7} {:>7} {:>7} {:>7} {:>9} {:>8} {:>8} {:>6} {:>6} {:>8} {:>10}\n",
                             "lang", "phrases", "actors", "dated", "agents", "blocks", "vforms", "patterns", "discards",
                             "cues", "roots", "3-digit", "all codes");
    for (auto& s : (*engine)->stats())
      std::cout << fmt::format("{:<5} {:>8} {:>7} {:>7} {:>7} {:>7} {:>9} {:>8} {:>8} {:>6} {:>3}/20 {:>4}/{:<3} {:>5}/{:<4}\n",
                               s.lang, s.actor_phrases, s.actors, s.dated_actors, s.agents, s.verb_blocks, s.verb_forms, s.patterns,
                               s.discards, s.cues, s.roots_used, s.base_used, s.base_in_table, s.codes_used,
                               s.codes_in_table);
  });
  auto* compile = dict->add_subcommand(
      "compile", "compile the dictionaries into their binary cache files (one per language pack) and print their paths");
  compile->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own under --data)");
  compile->add_option("--lang", c.lang, "language of PETRARCH dictionaries")->capture_default_str();
  auto out_dir = std::make_shared<std::string>();
  compile->add_option("-o,--output", *out_dir,
                      "folder to write them to (default: $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad or ~/.cache/dyad, "
                      "where dyad looks for them)");
  compile->callback([&c, out_dir]() {
    auto files = Engine::compile_cache(engine_options(c), *out_dir);
    if (!files) {
      std::cerr << "dyad: " << files.error().to_string() << "\n";
      throw CLI::RuntimeError(files.error().kind == "io_error" ? 2 : 1);
    }
    for (auto& f : *files) std::cout << fmt::format("{}\t{}\t{}\n", f.lang, f.path, f.bytes);
  });
}

}  // namespace dyad::cli
