#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "dyad/batch.h"
#include "dyad/dyad.h"
#include "eval/gold.h"
#include "io/reader.h"
#include "io/writer.h"

namespace dyad::cli {

void add_code(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("code", "code news articles into events, one per line");
  struct Opts {
    std::vector<std::string> inputs;
    std::string out, format = "jsonl";
    bool quiet = false;
    int threads = 0;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("inputs", o->inputs, "JSONL, .jsonl.gz, .txt files, folders, or - for standard input")->required();
  sub->add_option("-o,--output", o->out, "output file (default: standard output)");
  sub->add_option("--format", o->format, "jsonl, csv or gdelt")->capture_default_str();
  sub->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own)");
  sub->add_option("--lang", c.lang, "language of records that name none, when identification fails")
      ->capture_default_str();
  sub->add_flag("-q,--quiet", o->quiet, "no summary line on standard error");
  sub->add_option("-j,--threads", o->threads, "coding threads (default: one per core)");
  add_roles_date(sub, c);
  add_cache_flag(sub, c);
  sub->callback([&c, o]() {
    auto fmt_r = io::parse_format(o->format);
    if (!fmt_r) {
      std::cerr << "dyad code: " << fmt_r.error().message << "\n";
      throw CLI::RuntimeError(2);
    }
    auto engine = open_engine(engine_options(c));
    if (!engine) {
      std::cerr << "dyad: " << engine.error().to_string() << "\n";
      throw CLI::RuntimeError(2);
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!o->out.empty()) {
      file.open(o->out, std::ios::binary);
      if (!file) {
        std::cerr << "dyad code: cannot write " << o->out << "\n";
        throw CLI::RuntimeError(2);
      }
      out = &file;
    }
    auto writer = io::make_writer(*fmt_r, *out);
    io::DocReader reader(o->inputs);
    size_t docs = 0, events = 0, errors = 0, sentences = 0, undated = 0;
    code_stream(
        **engine, [&] { return reader.next(); },
        [&](const Result<Doc>& d, const Result<CodeReport>* rep) {
          if (!d) {
            ++errors;
            std::cerr << "dyad: skipped: " << d.error().to_string() << "\n";
            return;
          }
          if (!*rep) {
            ++errors;
            std::cerr << "dyad: skipped: " << rep->error().to_string() << "\n";
            return;
          }
          ++docs;
          sentences += (*rep)->sentences;
          undated += (*rep)->undated;
          for (auto& e : (*rep)->events) {
            writer->write(e);
            ++events;
          }
        },
        o->threads);
    writer->finish();
    out->flush();
    if (!o->quiet) {
      std::cerr << fmt::format("dyad: {} articles, {} sentences, {} events, {} errors\n", docs, sentences, events, errors);
      if (undated)
        std::cerr << undated_note(undated);
    }
    if (errors) throw CLI::RuntimeError(1);
  });
}

int run_gold_eval(const Common& c, const std::string& gold, const std::vector<std::string>& inputs, bool json) {
  auto engine = open_engine(engine_options(c));
  if (!engine) {
    std::cerr << "dyad: " << engine.error().to_string() << "\n";
    return 2;
  }
  auto rep = eval::run_gold(**engine, gold, inputs);
  if (!rep) {
    std::cerr << "dyad: " << rep.error().to_string() << "\n";
    return 2;
  }
  std::cout << (json ? eval::format_gold_json(*rep) + "\n" : eval::format_gold_table(*rep));
  return rep->input_errors.empty() ? 0 : 1;
}

}  // namespace dyad::cli
