#include "eval/goldset.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <simdjson.h>

#include "io/reader.h"

namespace dyad::eval {

Result<std::vector<GoldSentence>> read_gold_set(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open gold set", Location{path});
  simdjson::dom::parser p;
  std::vector<GoldSentence> out;
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::element el;
    if (p.parse(line).get(el)) return fail("bad_json", "gold line is not valid JSON", Location{path, ln});
    GoldSentence g;
    g.line = ln;
    std::string_view doc;
    int64_t a = -1, b = -1;
    if (el["doc"].get_string().get(doc) || el["start"].get_int64().get(a) || el["end"].get_int64().get(b) || a < 0 ||
        b <= a)
      return fail("bad_gold", "gold sentence needs doc, start and end (end > start)", Location{path, ln});
    g.doc = std::string(doc);
    g.start = static_cast<uint32_t>(a);
    g.end = static_cast<uint32_t>(b);
    simdjson::dom::array evs;
    if (!el["events"].get_array().get(evs)) {
      for (auto e : evs) {
        std::string_view s, t, c;
        if (e["source"].get_string().get(s) || e["target"].get_string().get(t) || e["code"].get_string().get(c) ||
            c.size() < 2)
          return fail("bad_gold", "gold event needs source, target and code strings", Location{path, ln});
        g.events.push_back({std::string(s.substr(0, 3)), std::string(t.substr(0, 3)), std::string(c)});
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

// Scores one sentence; `extra` receives the indices of coded events the gold does not
// hold, and the gold events left unmatched stay in the returned multiset.
std::multiset<std::string> score(const std::vector<std::string>& gold, const std::vector<std::string>& got,
                                 LevelScore& s, std::vector<size_t>* extra = nullptr) {
  std::multiset<std::string> g(gold.begin(), gold.end());
  size_t tp = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    auto it = g.find(got[i]);
    if (it != g.end()) {
      ++tp;
      g.erase(it);
    } else if (extra) {
      extra->push_back(i);
    }
  }
  s.tp += tp;
  s.fp += got.size() - tp;
  s.fn += gold.size() - tp;
  return g;
}

}  // namespace

Result<GoldSetReport> run_gold_set(const Engine& engine, const std::string& gold_file,
                                   const std::vector<std::string>& corpus) {
  auto gold = read_gold_set(gold_file);
  if (!gold) return std::unexpected(gold.error());
  GoldSetReport rep;
  rep.sentences = gold->size();
  std::unordered_map<std::string, std::vector<const GoldSentence*>> by_doc;
  for (auto& g : *gold) by_doc[g.doc].push_back(&g);
  std::set<std::string> seen;
  io::DocReader reader(corpus);
  while (auto r = reader.next()) {
    if (!*r) continue;
    auto it = by_doc.find((*r)->id);
    if (it == by_doc.end()) continue;
    seen.insert((*r)->id);
    auto coded = engine.code(**r);
    if (!coded) {
      rep.errors.push_back(coded.error().to_string());
      continue;
    }
    for (const GoldSentence* g : it->second) {
      std::vector<std::string> gr, gc, ga, pr, pc, pa;
      std::vector<const Event*> pe;
      for (auto& e : g->events) {
        gr.push_back(e.code.substr(0, 2));
        gc.push_back(e.code.substr(0, 3));
        ga.push_back(e.code.substr(0, 3) + " " + e.source + " " + e.target);
      }
      for (auto& e : coded->events) {
        if (e.sentence_start >= g->end || e.sentence_end <= g->start) continue;
        if (e.polarity == Polarity::negated || e.modality == Modality::denied || e.modality == Modality::hypothetical)
          continue;
        pr.push_back(e.root);
        pc.push_back(e.base);
        pa.push_back(e.base + " " + e.source.code.substr(0, 3) + " " + e.target.code.substr(0, 3));
        pe.push_back(&e);
      }
      rep.gold_events += gr.size();
      rep.coded_events += pr.size();
      score(gr, pr, rep.root);
      score(gc, pc, rep.code);
      std::vector<size_t> extra;
      auto missed = score(ga, pa, rep.actors, &extra);
      std::string where = fmt::format("{}:{}-{}", g->doc, g->start, g->end);
      for (auto& m : missed) rep.details.push_back(fmt::format("{}  missed  {}", where, m));
      for (size_t i : extra) {
        const Event& e = *pe[i];
        rep.details.push_back(fmt::format("{}  extra   {}  '{}' {}:{}", where, pa[i], e.verb_text, e.rule.file,
                                          e.rule.line));
      }
    }
  }
  for (auto& [doc, v] : by_doc)
    if (!seen.count(doc)) {
      ++rep.missing_docs;
      for (const GoldSentence* g : v) {
        rep.gold_events += g->events.size();
        rep.root.fn += g->events.size();
        rep.code.fn += g->events.size();
        rep.actors.fn += g->events.size();
      }
    }
  return rep;
}

std::string format_gold_set(const GoldSetReport& r, bool json) {
  auto lvl = [&](const char* name, const LevelScore& s) {
    return json ? fmt::format("\"{}\":{{\"precision\":{:.3f},\"recall\":{:.3f},\"tp\":{},\"fp\":{},\"fn\":{}}}", name,
                              s.precision(), s.recall(), s.tp, s.fp, s.fn)
                : fmt::format("{:<22} {:>9.3f} {:>7.3f} {:>5} {:>5} {:>5}\n", name, s.precision(), s.recall(), s.tp,
                              s.fp, s.fn);
  };
  if (json)
    return fmt::format("{{\"sentences\":{},\"gold_events\":{},\"coded_events\":{},\"missing_docs\":{},{},{},{}}}",
                       r.sentences, r.gold_events, r.coded_events, r.missing_docs, lvl("root", r.root),
                       lvl("code", r.code), lvl("code_actors", r.actors));
  std::string s = fmt::format("{} sentences, {} gold events, {} coded events{}\n", r.sentences, r.gold_events,
                              r.coded_events,
                              r.missing_docs ? fmt::format(", {} articles not found", r.missing_docs) : "");
  s += fmt::format("{:<22} {:>9} {:>7} {:>5} {:>5} {:>5}\n", "level", "precision", "recall", "tp", "fp", "fn");
  s += lvl("root", r.root) + lvl("3-digit code", r.code) + lvl("code + countries", r.actors);
  return s;
}

std::string format_gold_details(const GoldSetReport& r) {
  std::string s;
  for (auto& d : r.details) s += d + "\n";
  return s;
}

}  // namespace dyad::eval
