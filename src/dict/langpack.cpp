#include "dict/langpack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "core/file.h"
#include "dict/petrarch.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

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
    {"possessive-determiner", kPossDet}, {"auxiliary", kAuxiliary}, {"former", kFormer},
    {"person-pronoun", kPersonPronoun}, {"name-particle", kNameParticle}, {"active-ending", kActiveEnding},
    {"relative-pronoun", kRelative}, {"speech-verb", kSpeech}, {"reflexive-pronoun", kReflexive},
    {"active-participle", kActiveParticiple}, {"no-dropped-subject", kNoDroppedSubject},
    {"lead-in", kLeadIn},
    {"honorific", kHonorific},
    {"future-ending", kFutureEnding},
    {"conditional-ending", kConditionalEnding},
    {"subordinator", kSubordinator},
    {"reciprocal", kReciprocal},
    {"infinitive-marker", kInfinitive},
    {"complementizer", kComplementizer},
    {"participle-ending", kParticipleEnding},
};

struct CueName {
  const char* name;
  Cue cue;
};
constexpr CueName kCues[] = {
    {"negation", Cue::negation}, {"negation-after", Cue::negation_after}, {"denial", Cue::denial},
    {"intent", Cue::intent},     {"hypothetical", Cue::hypothetical},     {"report", Cue::report},
    {"not-negation", Cue::not_negation}, {"condition", Cue::condition}, {"pair", Cue::pair},
    {"presupposed", Cue::presupposed}, {"threat", Cue::threat}, {"report-clause", Cue::report_clause},
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
  // The lexicons have over a million lines between them, and most are skipped (their lemma is
  // in no dictionary): read the file in one go and look at each line in place, folding into
  // reused buffers, rather than a getline and a few strings per line.
  WholeFile file = read_whole_file(path);
  if (!file.opened) return fail("io_error", "cannot open lexicon", Location{path});
  if (!file.complete) return fail("io_error", "cannot read lexicon", Location{path});
  const std::string& data = file.data;
  std::vector<std::pair<std::string, uint16_t>> pos_ids;  // a handful of part-of-speech names
  // Records the first reading of form f: its lemma and part of speech.
  auto add_reading = [&](WordId f, WordId lemma, std::string_view pos) {
    auto pit = std::find_if(pos_ids.begin(), pos_ids.end(), [&](const auto& p) { return p.first == pos; });
    if (pit == pos_ids.end()) {
      pos_ids.emplace_back(std::string(pos), static_cast<uint16_t>(lex.pos_names.size()));
      lex.pos_names.emplace_back(pos);
      pit = pos_ids.end() - 1;
    }
    if (f >= lex.lemmas.size()) lex.lemmas.resize(std::max<size_t>(lex.vocab.size(), f + 1));
    lex.lemmas[f] = {lemma, pit->second};
  };
  std::string self_read, lf, ff;
  // A lemma's forms come one after the other ("abonnirais", "abonnirait"... all "abonnir"):
  // the previous line's lemma, its folded form in `lf`, and its id are kept. An id of
  // kNoWord holds only while the vocabulary has not grown.
  std::string_view prev_lemma;
  WordId prev_lw = kNoWord;
  size_t prev_vocab = 0;
  // equality of short strings without a memcmp call (several per line)
  auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
  };
  auto find = [](const char* from, const char* to, char c) {
    return static_cast<const char*>(std::memchr(from, c, static_cast<size_t>(to - from)));
  };
  // the form of the lines being read, and whether every reading of it so far is an inflected
  // verb ("told", "asked": Lexicon::verb_forms), unlike "elected" (also an adjective)
  std::string_view vform;
  bool all_verb = false, inflected = false;
  std::string vf;
  auto flush_verb_form = [&] {
    if (vform.empty() || !all_verb || !inflected) return;
    text::fold_word(vform, vf);
    lex.verb_forms.push_back(hash_word(vf));
  };
  uint32_t ln = 0;
  for (const char *p = data.data(), *end = p + data.size(); p < end;) {
    const char* line = p;
    const char* eol = find(p, end, '\n');
    if (!eol) eol = end;
    p = eol + 1;
    ++ln;
    if (line == eol || *line == '#') continue;
    const char* t1 = find(line, eol, '\t');
    const char* t2 = t1 ? find(t1 + 1, eol, '\t') : nullptr;
    if (!t1 || t1 == line || t2 == t1 + 1)
      return fail("bad_dictionary", "lexicon line needs form<TAB>lemma<TAB>pos", Location{path, ln, 1});
    const std::string_view form(line, static_cast<size_t>(t1 - line));
    const std::string_view lemma(t1 + 1, static_cast<size_t>((t2 ? t2 : eol) - t1 - 1));
    const std::string_view pos = t2 ? std::string_view(t2 + 1, static_cast<size_t>(eol - t2 - 1)) : std::string_view();
    if (!same(form, vform)) {
      flush_verb_form();
      vform = form;
      all_verb = true;
      inflected = false;
    }
    all_verb = all_verb && pos == "VERB";
    inflected = inflected || !same(form, lemma);
    // A form read as itself first keeps that reading: later readings of it are not added
    // ("acuerdo" the noun is not "acordar"). The lexicon lists a form's readings together.
    if (same(form, lemma)) {
      self_read.assign(form);
      // an adjective read as itself is kept, so the coder knows it from a noun ("du nouveau
      // soutien" is a noun phrase, "du Travail dénonce" has a verb); any other word read as
      // itself is only known to exist (Lexicon::known_words); a proper noun (PROPN: "Ramírez",
      // "Sánchez") is not a word the language knows but a name, as the coder reads names
      text::fold_word(form, ff);
      if (pos != "ADJ") {
        if (pos != "PROPN") lex.known_words.push_back(hash_word(ff));
        continue;
      }
      const WordId f = lex.vocab.intern(ff);
      if (!lex.reading(f)) add_reading(f, f, pos);
      continue;
    }
    if (same(form, self_read)) continue;
    if (prev_lemma.data() == nullptr || !same(lemma, prev_lemma) ||
        (prev_lw == kNoWord && lex.vocab.size() != prev_vocab)) {
      text::fold_word(lemma, lf);
      prev_lemma = lemma;
      prev_lw = lex.vocab.find(lf);
      prev_vocab = lex.vocab.size();
    }
    const WordId lw = prev_lw;
    if (only_known_lemmas && lw == kNoWord) {
      if (pos == "NOUN") {
        text::fold_word(form, ff);
        lex.inflected_nouns.push_back(hash_word(ff));
      }
      continue;
    }
    text::fold_word(form, ff);
    WordId f = lex.vocab.intern(ff);
    if (lex.reading(f)) continue;  // the first reading wins
    add_reading(f, lw ? lw : lex.vocab.intern(lf), pos);
  }
  flush_verb_form();
  for (auto* hs : {&lex.known_words, &lex.inflected_nouns, &lex.verb_forms}) {
    std::sort(hs->begin(), hs->end());
    hs->erase(std::unique(hs->begin(), hs->end()), hs->end());
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
    } else if ((k == "relative" || k == "relative-month" || k == "relative-year") && f.size() >= 2) {
      auto& into = k == "relative" ? lex.dates.relative : k == "relative-month" ? lex.dates.relative_months : lex.dates.relative_years;
      std::string rest = line.substr(line.find(f[1]) + f[1].size());
      size_t pos = 0;
      while ((pos = rest.find('|', pos)) != std::string::npos) {
        size_t nb = rest.find('|', pos + 1);
        std::string ph(trim(rest.substr(pos + 1, (nb == std::string::npos ? rest.size() : nb) - pos - 1)));
        if (auto h = ph.find('#'); h != std::string::npos) ph = std::string(trim(ph.substr(0, h)));
        if (!ph.empty()) {
          Phrase p;
          for (auto& e : split_connected(ph, 0)) p.push_back({lex.word(e.text), Conn::adjacent});
          into.emplace_back(std::move(p), std::atoi(f[1].c_str()));
        }
        pos = nb == std::string::npos ? rest.size() : nb;
      }
    } else if ((k == "period-lead" || k == "period-bound" || k == "year-link") && f.size() >= 2) {
      for (size_t i = 1; i < f.size(); ++i)
        (k == "year-link" ? lex.dates.year_links : lex.dates.period_leads)[lex.word(f[i])] = k == "period-bound" ? 2 : 1;
    } else {
      return fail("bad_dictionary",
                  "expected 'weekday 1-7 words', 'month 1-12 words', 'relative DAYS | phrase', 'relative-month MONTHS | "
                  "phrase', 'relative-year YEARS | phrase', 'period-lead words', 'period-bound words' or 'year-link words'",
                  Location{path, ln, 1});
    }
  }
  return {};
}

Result<void> load_places(const std::string& path, Lexicon& lex) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open places file", Location{path});
  uint32_t file = lex.add_file(path);
  std::string line;
  uint32_t ln = 0;
  text::Tokenized toks;
  while (std::getline(in, line)) {
    ++ln;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || trim(line).front() == '#') continue;
    std::vector<std::string_view> col;
    std::string_view rest(line);
    for (size_t tab; (tab = rest.find('\t')) != std::string_view::npos; rest.remove_prefix(tab + 1))
      col.push_back(rest.substr(0, tab));
    col.push_back(rest);
    // the column where field k starts, for error locations
    auto column = [&](size_t k) {
      uint32_t c = 1;
      for (size_t i = 0; i < k && i < col.size(); ++i) c += static_cast<uint32_t>(col[i].size()) + 1;
      return c;
    };
    if (col.size() != 6)
      return fail("bad_dictionary", "a place line has 6 tab-separated columns: kind, iso3, lat, lon, name, forms",
                  Location{path, ln, 1});
    PlaceEntry pe;
    if (col[0] == "country") pe.kind = PlaceKind::country;
    else if (col[0] == "region") pe.kind = PlaceKind::region;
    else if (col[0] == "city") pe.kind = PlaceKind::city;
    else return fail("bad_dictionary", "place kind must be country, region or city", Location{path, ln, 1});
    std::string_view iso = trim(col[1]);
    if (iso.size() != 3 || !std::all_of(iso.begin(), iso.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      return fail("bad_dictionary", "place country must be an ISO alpha-3 code (RUS)", Location{path, ln, column(1)});
    pe.country = std::string(iso);
    if (!to_double(std::string(trim(col[2])), pe.lat) || pe.lat < -90 || pe.lat > 90)
      return fail("bad_dictionary", "latitude must be a number from -90 to 90", Location{path, ln, column(2)});
    if (!to_double(std::string(trim(col[3])), pe.lon) || pe.lon < -180 || pe.lon > 180)
      return fail("bad_dictionary", "longitude must be a number from -180 to 180", Location{path, ln, column(3)});
    pe.name = std::string(trim(col[4]));
    if (pe.name.empty()) return fail("bad_dictionary", "a place needs a name", Location{path, ln, column(4)});
    pe.origin = {file, ln};
    lex.places.push_back(pe);
    const auto entry = static_cast<uint32_t>(lex.places.size() - 1);
    std::vector<std::string_view> forms{pe.name};
    for (std::string_view f = col[5];;) {
      size_t bar = f.find('|');
      if (!trim(f.substr(0, bar)).empty()) forms.push_back(trim(f.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      f.remove_prefix(bar + 1);
    }
    for (auto form : forms) {
      toks.clear();
      text::tokenize(form, lex.token_rules, toks);
      Phrase p;
      for (const auto& t : toks.tokens) p.push_back({lex.word(toks.norm(t)), Conn::adjacent});
      if (!p.empty()) lex.place_trie.add(p, entry);  // a form listed twice keeps its first place
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
