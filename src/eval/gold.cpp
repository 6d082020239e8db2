#include "eval/gold.h"

#include <fstream>

#include <fmt/format.h>
#include <simdjson.h>

#include "io/reader.h"
#include "text/normalize.h"

namespace dyad::eval {
namespace {

// Every Unicode space → ' ', runs collapsed; ’ → '.
std::string fold_spaces(std::string_view s) {
  std::string out;
  bool sp = false;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    char32_t c = text::next_code_point(s, j);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2007 ||
                 (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
    if (space) {
      if (!sp) out.push_back(' ');
      sp = true;
    } else {
      sp = false;
      if (c == 0x2019) out.push_back('\'');
      else out.append(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

bool in(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

size_t GoldReport::count(const std::string& level, bool ok) const {
  return static_cast<size_t>(std::count_if(cases.begin(), cases.end(), [&](auto& o) { return o.c.level == level && o.ok == ok; }));
}

Result<std::vector<GoldCase>> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open gold file", Location{path});
  std::vector<GoldCase> out;
  simdjson::dom::parser parser;
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::element el;
    if (parser.parse(line).get(el)) return fail("bad_json", "gold line is not valid JSON", Location{path, ln});
    GoldCase c;
    auto str = [&](const char* k, std::string& dst) {
      std::string_view v;
      if (!el[k].get_string().get(v)) dst = std::string(v);
    };
    auto list = [&](const char* k, std::vector<std::string>& dst) {
      simdjson::dom::array a;
      if (el[k].get_array().get(a)) return;
      for (auto x : a) {
        std::string_view v;
        if (!x.get_string().get(v)) dst.emplace_back(v);
      }
    };
    str("id", c.id);
    str("doc", c.doc);
    str("level", c.level);
    str("sentence", c.sentence);
    str("modality", c.modality);
    list("source", c.source);
    list("target", c.target);
    list("codes", c.codes);
    bool sym = false;
    if (!el["symmetric"].get_bool().get(sym)) c.symmetric = sym;
    if (c.id.empty() || c.doc.empty() || c.codes.empty())
      return fail("bad_gold", "gold case needs id, doc and codes", Location{path, ln, 0, c.id});
    c.sentence = fold_spaces(c.sentence);
    out.push_back(std::move(c));
  }
  return out;
}

bool gold_matches(const GoldCase& c, const std::string& doc_id, const Event& e) {
  if (doc_id != c.doc) return false;
  if (fold_spaces(e.sentence).find(c.sentence) == std::string::npos) return false;
  bool code_ok = false;
  for (auto& p : c.codes)
    if (e.code.starts_with(p)) code_ok = true;
  if (!code_ok) return false;
  auto ctry = [](const ActorRef& a) { return a.code.substr(0, 3); };
  bool fwd = in(c.source, ctry(e.source)) && in(c.target, ctry(e.target));
  bool rev = c.symmetric && in(c.source, ctry(e.target)) && in(c.target, ctry(e.source));
  return fwd || rev;
}

Result<GoldReport> run_gold(const Engine& engine, const std::string& gold, const std::vector<std::string>& inputs) {
  auto cases = read_gold(gold);
  if (!cases) return std::unexpected(cases.error());
  GoldReport rep;
  for (auto& c : *cases) rep.cases.push_back({c, c.level == "forbidden", {}});
  io::ReadOptions ro;
  ro.skip_files.push_back(gold);  // "dyad eval --gold seeds/expected.jsonl seeds/" reads the articles, not the gold
  io::DocReader reader(inputs, ro);
  while (auto r = reader.next()) {
    if (!*r) {
      rep.input_errors.push_back(r->error().to_string());
      continue;
    }
    const Doc& d = **r;
    auto coded = engine.code(d);
    if (!coded) {
      rep.input_errors.push_back(coded.error().to_string());
      continue;
    }
    for (auto& o : rep.cases) {
      for (auto& e : coded->events) {
        if (!gold_matches(o.c, d.id, e)) continue;
        std::string ev = fmt::format("{} -> {} {} ({}, {}) '{}' {}:{}", e.source.code, e.target.code, e.code,
                                     to_string(e.polarity), to_string(e.modality), e.verb_text, e.rule.file, e.rule.line);
        if (o.c.level == "forbidden") {
          bool marked = e.polarity == Polarity::negated || e.modality == Modality::denied || e.modality == Modality::reported;
          if (!marked) {
            o.ok = false;
            o.evidence = ev;
          }
        } else if (!o.ok) {
          o.ok = true;
          o.evidence = ev;
        }
      }
    }
  }
  return rep;
}

std::string format_gold_table(const GoldReport& r) {
  std::string s;
  for (auto& o : r.cases) {
    const char* verdict = o.c.level == "forbidden" ? (o.ok ? "not broken" : "BROKEN") : (o.ok ? "found" : "missed");
    s += fmt::format("{:<8} {:<10} {:<10} {}\n", o.c.id, o.c.level, verdict, o.evidence);
  }
  auto total = [&](const std::string& l) { return r.count(l, true) + r.count(l, false); };
  s += fmt::format("\nrequired found {}/{}, stretch found {}/{}, forbidden broken {}/{}\n", r.count("required", true),
                   total("required"), r.count("stretch", true), total("stretch"), r.count("forbidden", false),
                   total("forbidden"));
  for (auto& e : r.input_errors) s += "input error: " + e + "\n";
  return s;
}

std::string format_gold_json(const GoldReport& r) {
  auto total = [&](const std::string& l) { return r.count(l, true) + r.count(l, false); };
  std::string s = fmt::format(
      "{{\"required\":{{\"total\":{},\"found\":{}}},\"stretch\":{{\"total\":{},\"found\":{}}},"
      "\"forbidden\":{{\"total\":{},\"broken\":{}}},\"cases\":[",
      total("required"), r.count("required", true), total("stretch"), r.count("stretch", true), total("forbidden"),
      r.count("forbidden", false));
  for (size_t i = 0; i < r.cases.size(); ++i)
    s += fmt::format("{}{{\"id\":\"{}\",\"level\":\"{}\",\"ok\":{}}}", i ? "," : "", r.cases[i].c.id,
                     r.cases[i].c.level, r.cases[i].ok ? "true" : "false");
  s += "]}";
  return s;
}

}  // namespace dyad::eval
