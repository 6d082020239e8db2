#include "dict/compile.h"

#include <algorithm>
#include <functional>

#include "text/normalize.h"

namespace dyad::dict {

uint32_t SynsetBuilder::define(const std::string& name, Origin o) {
  uint32_t i = ref(name, {});
  pending(i).defined = true;
  return i;
}

uint32_t SynsetBuilder::ref(const std::string& name, Location where) {
  auto it = index_.find(name);
  if (it != index_.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(lex_.synsets.size());
  lex_.synsets.push_back(Synset{name, {}});
  pending_.emplace_back();
  pending_.back().first_use = where;
  if (pending_.back().first_use.file.empty()) pending_.back().first_use.file = file_;
  if (!pending_.back().first_use.line) pending_.back().first_use.line = line_;
  index_.emplace(name, i);
  return i;
}

void SynsetBuilder::add_member(uint32_t synset, std::string_view text, Origin o) {
  pending(synset).members.emplace_back(std::string(text), o);
}

Result<void> SynsetBuilder::finish(const std::string& path) {
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (!pending_[i].defined) {
      Location w = pending_[i].first_use;
      if (w.file.empty()) w.file = path;
      return fail("bad_dictionary", "synset &" + lex_.synsets[base_ + i].name + " is used but never defined", w);
    }
  }
  // Resolve members; nested synsets are expanded (with a depth guard against cycles).
  std::vector<std::vector<Phrase>> resolved(pending_.size());
  std::vector<int> state(pending_.size(), 0);
  std::function<Result<void>(size_t)> resolve = [&](size_t i) -> Result<void> {
    if (state[i] == 2) return {};
    if (state[i] == 1) return fail("bad_dictionary", "synset &" + lex_.synsets[base_ + i].name + " contains itself", Location{path});
    state[i] = 1;
    for (auto& [text, o] : pending_[i].members) {
      std::string_view t = text;
      if (!t.empty() && t.front() == '&') {
        std::string name;
        for (char c : t.substr(1)) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        while (name.ends_with("_")) name.pop_back();
        auto it = index_.find(name);
        if (it == index_.end() || !pending(it->second).defined)
          return fail("bad_dictionary", "unknown synset &" + name, Location{path, o.line, 1});
        size_t j = it->second - base_;
        auto r = resolve(j);
        if (!r) return r;
        for (auto& p : resolved[j]) resolved[i].push_back(p);
        continue;
      }
      Phrase p;
      Conn prev = Conn::adjacent;
      for (auto& e : split_connected(t, 0, lex_.cut_rules())) {
        p.push_back({lex_.word(e.text), prev});
        prev = e.conn_to_next;
      }
      if (!p.empty()) resolved[i].push_back(std::move(p));
    }
    state[i] = 2;
    return {};
  };
  for (size_t i = 0; i < pending_.size(); ++i) {
    auto r = resolve(i);
    if (!r) return r;
  }
  for (size_t i = 0; i < pending_.size(); ++i) {
    // longest phrases first so a synset match takes the longest alternative
    auto& v = resolved[i];
    std::stable_sort(v.begin(), v.end(), [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
    for (const auto& ph : v)
      if (!ph.empty()) {
        lex_.synsets[base_ + i].first_words.add(ph.front().word);
        lex_.synsets[base_ + i].last_words.add(ph.back().word);
      }
    lex_.synsets[base_ + i].phrases = std::move(v);
  }
  return {};
}

Result<Pattern> compile_pattern(Lexicon& lex, SynsetBuilder& synsets, const std::vector<RawElem>& elems,
                                EventCode code) {
  Pattern p;
  p.code = std::move(code);
  int star = -1;
  for (size_t i = 0; i < elems.size(); ++i) {
    if (elems[i].text == "*") {
      if (star >= 0) return fail("bad_dictionary", "pattern has more than one '*'", Location{{}, 0, elems[i].column});
      star = static_cast<int>(i);
    }
  }
  if (star < 0) return fail("bad_dictionary", "pattern has no '*' marking the verb", Location{{}, 0, elems.empty() ? 0 : elems[0].column});
  auto make = [&](const RawElem& e, Conn conn) -> Result<PElem> {
    PElem pe;
    pe.conn = conn;
    const std::string& t = e.text;
    if (t == "$") pe.kind = PK::source;
    else if (t == "+") pe.kind = PK::target;
    else if (t == "$!" || t == "+!") {
      pe.kind = t[0] == '$' ? PK::source : PK::target;
      pe.armed = true;
    }
    else if (t == "%") pe.kind = PK::compound;
    else if (t == "^") pe.kind = PK::skip;
    else if (t.front() == '&') {
      if (t.size() < 2) return fail("bad_dictionary", "'&' without a synset name", Location{{}, 0, e.column});
      std::string name;
      for (char c : std::string_view(t).substr(1)) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      pe.kind = PK::synset;
      pe.synset = synsets.ref(name, Location{{}, 0, e.column});
    } else {
      pe.kind = PK::word;
      pe.word = lex.word(t);
    }
    return pe;
  };
  for (int i = star - 1; i >= 0; --i) {
    auto pe = make(elems[static_cast<size_t>(i)], elems[static_cast<size_t>(i)].conn_to_next);
    if (!pe) return std::unexpected(pe.error());
    p.lower.push_back(*pe);
  }
  for (size_t i = static_cast<size_t>(star) + 1; i < elems.size(); ++i) {
    auto pe = make(elems[i], elems[i - 1].conn_to_next);
    if (!pe) return std::unexpected(pe.error());
    p.upper.push_back(*pe);
  }
  p.weight = static_cast<uint32_t>(p.lower.size() + p.upper.size());
  for (const auto* side : {&p.lower, &p.upper})
    for (const auto& e : *side) {
      if (e.kind == PK::synset) p.need_synsets.push_back(e.synset);
      if (e.kind == PK::word && e.word != kNoWord) {
        WordMask m;
        m.add(e.word);
        for (size_t i = 0; i < 4; ++i) p.need[i] |= m.bits[i];
      }
    }
  // a placeholder code with no digit ("+++", "###") marks a pattern not in use
  p.active = p.code.null() ||
             std::any_of(p.code.fwd.begin(), p.code.fwd.end(), [](char x) { return x >= '0' && x <= '9'; });
  return p;
}

namespace {

std::vector<std::string> regular_forms(const std::string& v) {
  // PETRARCH's rule: -S; then -D/-ING without the E for roots in E, else -ED/-ING.
  std::vector<std::string> f{v + "S"};
  if (v.ends_with("E")) {
    f.push_back(v + "D");
    f.push_back(v.substr(0, v.size() - 1) + "ING");
  } else {
    f.push_back(v + "ED");
    f.push_back(v + "ING");
  }
  return f;
}

}  // namespace

Result<void> add_verb_forms(Lexicon& lex, uint32_t block, const std::vector<std::string>& variants, bool regular,
                            const EventCode& code, Origin origin) {
  for (size_t vi = 0; vi < variants.size(); ++vi) {
    auto elems = split_connected(variants[vi], 0, lex.cut_rules());
    if (elems.empty()) continue;
    size_t verb = 0;
    int plus = 0;
    for (size_t i = 0; i < elems.size(); ++i) {
      if (!elems[i].text.empty() && elems[i].text.front() == '+') {
        elems[i].text.erase(0, 1);
        verb = i;
        ++plus;
      }
    }
    if (plus > 1) return fail("bad_dictionary", "verb form '" + variants[vi] + "' marks more than one word with '+'");
    if (elems[verb].text.empty()) return fail("bad_dictionary", "verb form '" + variants[vi] + "' has an empty verb word");
    std::vector<std::string> verb_words{elems[verb].text};
    if (regular && vi == 0) {
      std::string up;
      for (char c : elems[verb].text) up.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      for (auto& f : regular_forms(up)) verb_words.push_back(f);
    }
    for (auto& vw : verb_words) {
      VerbTrigger t;
      t.block = block;
      for (size_t i = verb; i-- > 0;) t.before.push_back(lex.word(elems[i].text));
      for (size_t i = verb + 1; i < elems.size(); ++i) t.after.push_back(lex.word(elems[i].text));
      t.code = code;
      t.origin = origin;
      t.text = variants[vi];
      WordId w = lex.word(vw);
      lex.triggers.push_back(std::move(t));
      auto& by_verb = lex.blocks[block].patterns_only ? lex.quiet_triggers_by_verb : lex.triggers_by_verb;
      by_verb[w].push_back(static_cast<uint32_t>(lex.triggers.size() - 1));
    }
  }
  return {};
}

void finalize(Lexicon& lex) {
  for (auto& b : lex.blocks) {
    std::stable_sort(b.patterns.begin(), b.patterns.end(),
                     [&](uint32_t a, uint32_t c) { return lex.patterns[a].weight > lex.patterns[c].weight; });
  }
  // Multi-word triggers first, so "break down" wins over "break".
  for (auto* by_verb : {&lex.triggers_by_verb, &lex.quiet_triggers_by_verb})
    for (auto& [w, v] : *by_verb) {
      std::stable_sort(v.begin(), v.end(), [&](uint32_t a, uint32_t c) {
        return lex.triggers[a].before.size() + lex.triggers[a].after.size() >
               lex.triggers[c].before.size() + lex.triggers[c].after.size();
      });
    }
}

}  // namespace dyad::dict
