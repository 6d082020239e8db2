#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include <fmt/format.h>

#include "dyad/dyad.h"
#include "io/reader.h"
#include "io/writer.h"

namespace dyad::cli {

void add_explain(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("explain", "show every stage's result for one document or sentence");
  struct Opts {
    std::string text, file, date, lang, doc;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--text", o->text, "the sentence or document text");
  sub->add_option("file", o->file,
                  "a plain-text article, or JSON Lines records (.jsonl, .jsonl.gz, as dyad code reads them): "
                  "each record is explained in turn");
  sub->add_option("--doc", o->doc, "with JSON Lines records: explain only the record with this id");
  sub->add_option("--date", o->date, "document date YYYY-MM-DD (resolves dated actor codes)");
  sub->add_option("--lang", o->lang, "language of the text (default: identified)");
  sub->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own)");
  add_cache_flag(sub, c);
  sub->callback([&c, o]() {
    EngineOptions eo = engine_options(c);
    eo.default_lang = o->lang.empty() ? EngineOptions().default_lang : o->lang;
    const bool records = o->file.ends_with(".jsonl") || o->file.ends_with(".jsonl.gz");
    if (records) {
      auto engine = open_engine(eo);
      if (!engine) {
        std::cerr << "dyad: " << engine.error().to_string() << "\n";
        throw CLI::RuntimeError(2);
      }
      io::DocReader reader({o->file});
      int rc = 0;
      size_t shown = 0;
      while (auto r = reader.next()) {
        if (!*r) {
          std::cerr << "dyad: skipped: " << r->error().to_string() << "\n";
          rc = 1;
          continue;
        }
        Doc& d = **r;
        if (!o->doc.empty() && d.id != o->doc) continue;
        if (!o->lang.empty() && d.lang.empty()) d.lang = o->lang;
        auto out = (*engine)->explain(d);
        if (!out) {
          std::cerr << "dyad: " << out.error().to_string() << "\n";
          rc = 1;
          continue;
        }
        std::cout << "== document " << d.id << "\n" << *out;
        ++shown;
      }
      if (!o->doc.empty() && shown == 0) {
        std::cerr << "dyad explain: no record with id " << o->doc << " in " << o->file << "\n";
        rc = 2;
      }
      if (rc) throw CLI::RuntimeError(rc);
      return;
    }
    Doc d;
    d.id = "explain";
    d.lang = o->lang;
    d.date = o->date;
    if (!o->file.empty()) {
      std::ifstream in(o->file);
      if (!in) {
        std::cerr << "dyad explain: cannot read " << o->file << "\n";
        throw CLI::RuntimeError(2);
      }
      std::stringstream ss;
      ss << in.rdbuf();
      d.text = ss.str();
    } else {
      d.text = o->text;
    }
    auto engine = open_engine(eo);
    if (!engine) {
      std::cerr << "dyad: " << engine.error().to_string() << "\n";
      throw CLI::RuntimeError(2);
    }
    auto out = (*engine)->explain(d);
    if (!out) {
      std::cerr << "dyad: " << out.error().to_string() << "\n";
      throw CLI::RuntimeError(2);
    }
    std::cout << *out;
  });
}

void add_sentences(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("sentences", "print each sentence as the coder cuts it (JSON Lines: doc, index, start, end, text)");
  auto inputs = std::make_shared<std::vector<std::string>>();
  sub->add_option("inputs", *inputs, "articles (same inputs as dyad code)")->required();
  add_cache_flag(sub, c);
  sub->callback([&c, inputs]() {
    auto engine = open_engine(engine_options(c));
    if (!engine) {
      std::cerr << "dyad: " << engine.error().to_string() << "\n";
      throw CLI::RuntimeError(2);
    }
    io::DocReader reader(*inputs);
    int rc = 0;
    while (auto r = reader.next()) {
      if (!*r) {
        std::cerr << "dyad: skipped: " << r->error().to_string() << "\n";
        rc = 1;
        continue;
      }
      auto ss = (*engine)->sentences(**r);
      if (!ss) {
        std::cerr << "dyad: skipped " << (*r)->id << ": " << ss.error().to_string() << "\n";
        rc = 1;
        continue;
      }
      for (size_t i = 0; i < ss->size(); ++i) {
        auto [a, b] = (*ss)[i];
        std::string line = "{\"doc\":";
        io::append_json_string(line, (*r)->id);
        line += fmt::format(",\"index\":{},\"start\":{},\"end\":{},\"text\":", i, a, b);
        io::append_json_string(line, std::string_view((*r)->text).substr(a, b - a));
        std::cout << line << "}\n";
      }
    }
    if (rc) throw CLI::RuntimeError(rc);
  });
}

}  // namespace dyad::cli
