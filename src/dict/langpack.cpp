#include "dict/langpack.h"

#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <sstream>

#include "dict/petrarch.h"
#include "text/normalize.h"

namespace dyad::dict {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct ClassName {
  const char* name;
  WordClass cls;
};
constexpr ClassName kClasses[] = {
    {"determiner", kDeterminer},   {"conjunction", kConjunction}, {"link-preposition", kLinkPrep},
    {"passive-auxiliary", kPassiveAux}, {"passive-by", kAgentBy},  {"possessive", kPossessive},
    {"function", kFunction},       {"clause-start", kClauseStart}, {"pronoun", kPronoun},
    {"modal", kModal},             {"place-preposition", kPlacePrep},
    {"possessive-determiner", kPossDet},
};

struct CueName {
  const char* name;
  Cue cue;
};
constexpr CueName kCues[] = {
    {"negation", Cue::negation}, {"negation-after", Cue::negation_after}, {"denial", Cue::denial},
    {"intent", Cue::intent},     {"hypothetical", Cue::hypothetical},     {"report", Cue::report},
    {"not-negation", Cue::not_negation},
};

}  // namespace

Result<void> load_grammar(const std::string& path, Lexicon& lex) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open grammar file", Location{path});
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (auto h = line.find('#'); h != std::string::npos) line.resize(h);
    std::istringstream ss(line);
    std::string key;
    if (!(ss >> key)) continue;
    uint32_t cls = 0;
    for (auto& c : kClasses)
      if (key == c.name) cls = c.cls;
    if (!cls) return fail("bad_dictionary", "unknown word class '" + key + "'", Location{path, ln, 1});
    int n = 0;
    for (std::string w; ss >> w; ++n) lex.word_classes[lex.word(w)] |= cls;
    if (!n) return fail("bad_dictionary", "word class '" + key + "' lists no word", Location{path, ln, 1});
  }
  return {};
}

Result<void> load_cues(const std::string& path, Lexicon& lex) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open cues file", Location{path});
  uint32_t file = lex.add_file(path);
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (auto h = line.find('#'); h != std::string::npos) line.resize(h);
    std::string_view t = trim(line);
    if (t.empty()) continue;
    size_t bar = t.find('|');
    if (bar == std::string_view::npos)
      return fail("bad_dictionary", "cue line needs 'KIND | phrase | phrase...'", Location{path, ln, 1});
    std::string key(trim(t.substr(0, bar)));
    const CueName* cn = nullptr;
    for (auto& c : kCues)
      if (key == c.name) cn = &c;
    if (!cn) return fail("bad_dictionary", "unknown cue kind '" + key + "'", Location{path, ln, 1});
    size_t pos = bar + 1;
    while (pos <= t.size()) {
      size_t nb = t.find('|', pos);
      if (nb == std::string_view::npos) nb = t.size();
      std::string_view ph = trim(t.substr(pos, nb - pos));
      if (!ph.empty()) {
        Phrase p;
        Conn prev = Conn::adjacent;
        for (auto& e : split_connected(ph, 0))
          for (auto& w : cut_like_text(lex.token_rules, e.text)) {
            p.push_back({lex.word(w), prev});
            prev = Conn::adjacent;
          }
        lex.cues.push_back({cn->cue, {file, ln}, std::string(ph)});
        lex.cue_trie.add(p, static_cast<uint32_t>(lex.cues.size() - 1));
      }
      pos = nb + 1;
    }
  }
  return {};
}

Result<void> load_lexicon(const std::string& path, Lexicon& lex, bool only_known_lemmas) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open lexicon", Location{path});
  std::unordered_map<std::string, uint16_t> pos_ids;
  std::string line, self_read;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t1 == 0 || t2 == t1 + 1)
      return fail("bad_dictionary", "lexicon line needs form<TAB>lemma<TAB>pos", Location{path, ln, 1});
    std::string_view form(line.data(), t1);
    std::string_view lemma(line.data() + t1 + 1, (t2 == std::string::npos ? line.size() : t2) - t1 - 1);
    std::string pos = t2 == std::string::npos ? std::string() : line.substr(t2 + 1);
    // A form read as itself first keeps that reading: later readings of it are not added
    // ("acuerdo" the noun is not "acordar"). The lexicon lists a form's readings together.
    if (form == lemma) {
      self_read.assign(form);
      continue;
    }
    if (form == self_read) continue;
    std::string lf = text::fold_word(lemma);
    WordId lw = lex.vocab.find(lf);
    if (only_known_lemmas && lw == kNoWord) continue;
    WordId f = lex.word(form);
    if (lex.lemmas.count(f)) continue;  // the first reading wins
    auto [pit, fresh] = pos_ids.emplace(pos, static_cast<uint16_t>(lex.pos_names.size()));
    if (fresh) lex.pos_names.push_back(pos);
    lex.lemmas.emplace(f, std::make_pair(lw ? lw : lex.vocab.intern(lf), pit->second));
  }
  return {};
}

namespace {

// Splits a line into whitespace-separated fields after removing a '#' comment.
std::vector<std::string> fields(std::string line) {
  if (auto h = line.find('#'); h != std::string::npos) line.resize(h);
  std::istringstream ss(line);
  std::vector<std::string> f;
  for (std::string w; ss >> w;) f.push_back(w);
  return f;
}

bool to_double(const std::string& s, double& v) {
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end && *end == 0 && !s.empty();
}

}  // namespace

Result<void> load_numbers(const std::string& path, Lexicon& lex) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open numbers file", Location{path});
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    auto f = fields(line);
    if (f.empty()) continue;
    const std::string& k = f[0];
    if (k == "decimal-separator" && f.size() == 2 && f[1].size() == 1) {
      lex.numbers.decimal = f[1][0];
    } else if ((k == "multiplier" || k == "number") && f.size() >= 3) {
      double v;
      if (!to_double(f[1], v)) return fail("bad_dictionary", "'" + f[1] + "' is not a number", Location{path, ln, 1});
      for (size_t i = 2; i < f.size(); ++i) (k == "multiplier" ? lex.numbers.multipliers : lex.numbers.words)[lex.word(f[i])] = v;
    } else if (k == "unit-link" && f.size() >= 2) {
      for (size_t i = 1; i < f.size(); ++i) lex.numbers.unit_links[lex.word(f[i])] = 1;
    } else {
      return fail("bad_dictionary", "expected decimal-separator, multiplier, number or unit-link with values",
                  Location{path, ln, 1});
    }
  }
  return {};
}

Result<void> load_dates(const std::string& path, Lexicon& lex) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open dates file", Location{path});
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    auto f = fields(line);
    if (f.empty()) continue;
    const std::string& k = f[0];
    int n = f.size() >= 2 ? std::atoi(f[1].c_str()) : 0;
    if ((k == "weekday" && n >= 1 && n <= 7) || (k == "month" && n >= 1 && n <= 12)) {
      if (f.size() < 3) return fail("bad_dictionary", k + " needs at least one word", Location{path, ln, 1});
      for (size_t i = 2; i < f.size(); ++i) (k == "weekday" ? lex.dates.weekdays : lex.dates.months)[lex.word(f[i])] = n;
    } else if (k == "relative" && f.size() >= 2) {
      std::string rest = line.substr(line.find(f[1]) + f[1].size());
      size_t pos = 0;
      while ((pos = rest.find('|', pos)) != std::string::npos) {
        size_t nb = rest.find('|', pos + 1);
        std::string ph(trim(rest.substr(pos + 1, (nb == std::string::npos ? rest.size() : nb) - pos - 1)));
        if (auto h = ph.find('#'); h != std::string::npos) ph = std::string(trim(ph.substr(0, h)));
        if (!ph.empty()) {
          Phrase p;
          for (auto& e : split_connected(ph, 0)) p.push_back({lex.word(e.text), Conn::adjacent});
          lex.dates.relative.emplace_back(std::move(p), std::atoi(f[1].c_str()));
        }
        pos = nb == std::string::npos ? rest.size() : nb;
      }
    } else {
      return fail("bad_dictionary", "expected 'weekday 1-7 words', 'month 1-12 words' or 'relative DAYS | phrase'",
                  Location{path, ln, 1});
    }
  }
  return {};
}

Result<void> load_language(const std::string& dir, Lexicon& lex) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) return fail("io_error", "language folder does not exist", Location{dir});
  auto tr = text::TokenRules::load(dir + "/tokens.txt");
  if (!tr) return std::unexpected(tr.error());
  lex.token_rules = std::move(*tr);
  if (auto r = load_grammar(dir + "/grammar.txt", lex); !r) return r;
  if (fs::exists(dir + "/cues.txt"))
    if (auto r = load_cues(dir + "/cues.txt", lex); !r) return r;
  if (fs::exists(dir + "/numbers.txt"))
    if (auto r = load_numbers(dir + "/numbers.txt", lex); !r) return r;
  if (fs::exists(dir + "/dates.txt"))
    if (auto r = load_dates(dir + "/dates.txt", lex); !r) return r;
  return {};
}

Result<void> load_lexicons(const std::string& dir, Lexicon& lex) {
  namespace fs = std::filesystem;
  for (const char* lx : {"/lexicon.local.tsv", "/lexicon.tsv"})  // hand-written readings first
    if (fs::exists(dir + lx))
      if (auto r = load_lexicon(dir + lx, lex, true); !r) return r;
  return {};
}

}  // namespace dyad::dict
