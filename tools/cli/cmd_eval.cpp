#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "dyad/dyad.h"
#include "eval/goldset.h"
#include "eval/petrarch_suite.h"

namespace dyad::cli {

void add_eval(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("eval", "score dyad against a peer test suite or a gold file");
  struct Opts {
    std::string suite, gold, gold_set;
    std::vector<std::string> inputs;
    bool json = false, details = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--suite", o->suite, "peer suite kind: petrarch")->check(CLI::IsMember({"petrarch"}));
  sub->add_option("--gold", o->gold, "gold events file (JSON Lines, format of shared/seeds/README.md)");
  sub->add_option("--gold-set", o->gold_set, "hand-coded sentences (tests/gold/<lang>/gold.jsonl): precision and recall");
  sub->add_option("inputs", o->inputs, "suite folder, or the articles the gold file refers to");
  sub->add_option("--dict", c.dict, "dictionaries for --gold: petrarch:DIR (default: dyad's own)");
  sub->add_flag("--json", o->json, "print one JSON object");
  sub->add_flag("--details", o->details,
                "with --gold-set: list each gold event missed and each coded event the gold does not hold "
                "(code + countries), before the scores");
  add_cache_flag(sub, c);
  sub->callback([&c, o]() {
    int rc = 0;
    if (!o->suite.empty()) {
      if (o->inputs.size() != 1) {
        std::cerr << "dyad eval --suite petrarch needs exactly one folder\n";
        throw CLI::RuntimeError(2);
      }
      auto rep = eval::run_petrarch_suite(o->inputs[0], c.data_dir, !c.no_cache);
      if (!rep) {
        std::cerr << "dyad: " << rep.error().to_string() << "\n";
        throw CLI::RuntimeError(2);
      }
      std::cout << (o->json ? eval::format_suite_json(*rep) + "\n" : eval::format_suite_table(*rep));
    } else if (!o->gold_set.empty()) {
      EngineOptions eo;
      eo.data_dir = c.data_dir;
      eo.dict = c.dict;
      eo.cache = !c.no_cache;
      auto engine = open_engine(eo);
      if (!engine) {
        std::cerr << "dyad: " << engine.error().to_string() << "\n";
        throw CLI::RuntimeError(2);
      }
      auto rep = eval::run_gold_set(**engine, o->gold_set, o->inputs);
      if (!rep) {
        std::cerr << "dyad: " << rep.error().to_string() << "\n";
        throw CLI::RuntimeError(2);
      }
      if (o->details) std::cout << eval::format_gold_details(*rep);
      std::cout << eval::format_gold_set(*rep, o->json) << (o->json ? "\n" : "");
    } else if (!o->gold.empty()) {
      rc = run_gold_eval(c, o->gold, o->inputs, o->json);
    } else {
      std::cerr << "dyad eval: give --suite petrarch DIR or --gold FILE INPUT...\n";
      throw CLI::RuntimeError(2);
    }
    if (rc) throw CLI::RuntimeError(rc);
  });
}

}  // namespace dyad::cli
