#include "dict/petrarch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ranges>
#include <unordered_map>

#include <fmt/format.h>

#include "dict/compile.h"
#include "text/normalize.h"

namespace dyad::dict {
namespace fs = std::filesystem;

namespace {

std::string upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return o;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads a file into lines, blanking <!-- ... --> comments (also over several
// lines) and '#' comments, keeping line numbers.
// `comment_only`, when given, tells for each line whether it held nothing but a comment: a blank
// line ends a synset, a comment line inside one does not.
Result<std::vector<std::string>> read_lines(const std::string& path, std::vector<bool>* comment_only = nullptr) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open dictionary file", Location{path});
  std::vector<std::string> lines;
  std::string line;
  bool in_comment = false;
  while (std::getline(in, line)) {
    std::string out;
    size_t i = 0;
    bool in_bracket = false;
    while (i < line.size()) {
      if (in_comment) {
        size_t e = line.find("-->", i);
        if (e == std::string::npos) { i = line.size(); break; }
        in_comment = false;
        i = e + 3;
        continue;
      }
      if (line.compare(i, 4, "<!--") == 0) { in_comment = true; i += 4; continue; }
      if (line.compare(i, 2, "<!") == 0) {  // "<! -- ... -->": a malformed comment PETRARCH tolerates
        size_t e = line.find('>', i);
        i = e == std::string::npos ? line.size() : e + 1;
        continue;
      }
      if (line[i] == '[') in_bracket = true;
      if (line[i] == ']') in_bracket = false;
      if (line[i] == '#' && !in_bracket) break;  // '#' inside [...] is a code character ("[###]")
      out.push_back(line[i]);
      ++i;
    }
    if (comment_only) comment_only->push_back(trim(out).empty() && !trim(line).empty());
    lines.push_back(out);
  }
  return lines;
}

Location at(const std::string& path, size_t line_index, size_t col) {
  return Location{path, static_cast<uint32_t>(line_index + 1), static_cast<uint32_t>(col + 1)};
}

// "[CODE]" groups of a line: returns their contents and blanks them in `s`.
std::vector<std::pair<std::string, size_t>> take_brackets(std::string& s, char open, char close, bool* unclosed) {
  std::vector<std::pair<std::string, size_t>> out;
  *unclosed = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != open) continue;
    size_t e = s.find(close, i);
    if (e == std::string::npos) { *unclosed = true; return out; }
    out.emplace_back(s.substr(i + 1, e - i - 1), i);
    std::fill(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(e) + 1, ' ');
    i = e;
  }
  return out;
}

EventCode parse_code(std::string_view c) {
  c = trim(c);
  EventCode ec;
  if (c.ends_with(" home")) {
    ec.home = true;
    c = trim(c.substr(0, c.size() - 5));
  } else if (c.ends_with(" unknown")) {
    ec.unknown = true;
    c = trim(c.substr(0, c.size() - 8));
  }
  auto colon = c.find(':');
  std::string_view a = trim(c.substr(0, colon));
  std::string_view b = colon == std::string_view::npos ? std::string_view{} : trim(c.substr(colon + 1));
  if (a != "---") ec.fwd = std::string(a);
  if (!b.empty() && b != "---") ec.rev = std::string(b);
  return ec;
}

int32_t parse_date(std::string_view d) {
  d = trim(d);
  if (d.size() == 10 && d[4] == '-' && d[7] == '-') {  // dyad's own files use ISO dates
    std::string c = std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
    return parse_date(c);
  }
  if (d.empty() || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  int64_t v = std::stoll(std::string(d));
  if (d.size() == 6) {
    int yy = static_cast<int>(v / 10000);
    v += (yy < 30 ? 20000000 : 19000000);
  } else if (d.size() != 8) {
    return -1;
  }
  return static_cast<int32_t>(v);
}

Phrase to_phrase(Lexicon& lex, const std::vector<RawElem>& elems) {
  Phrase p;
  Conn prev = Conn::adjacent;
  for (const auto& e : elems) {
    p.push_back({lex.word(e.text), prev});
    prev = e.conn_to_next;
  }
  return p;
}

}  // namespace

std::vector<std::string> cut_like_text(const text::TokenRules& rules, std::string_view word) {
  std::string w = text::fold_word(word);
  std::vector<std::string> out;
  if (rules.keep_whole.count(w)) return {w};
  for (auto& pre : rules.split_prefixes)
    if (w.size() > pre.size() && w.starts_with(pre)) {
      out.push_back(pre);
      w.erase(0, pre.size());
      break;
    }
  std::string tail;
  for (auto& suf : rules.split_suffixes)
    if (w.size() > suf.size() && w.ends_with(suf)) {
      tail = suf;
      w.resize(w.size() - suf.size());
      break;
    }
  out.push_back(w);
  if (!tail.empty()) out.push_back(tail);
  return out;
}

std::vector<RawElem> split_connected(std::string_view s, uint32_t col0, const text::TokenRules* cut) {
  std::vector<RawElem> out;
  size_t i = 0;
  while (i < s.size()) {
    bool underscore = false;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '_')) {
      if (s[i] == '_') underscore = true;
      ++i;
    }
    if (!out.empty()) out.back().conn_to_next = underscore ? Conn::adjacent : Conn::gap;
    if (i >= s.size()) break;
    size_t st = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '_') ++i;
    std::string_view w = s.substr(st, i - st);
    if (cut && w.size() > 1 && w.front() != '&') {
      auto pieces = cut_like_text(*cut, w);
      for (size_t k = 0; k < pieces.size(); ++k) {
        if (k) out.back().conn_to_next = Conn::adjacent;
        out.push_back({std::move(pieces[k]), Conn::gap, static_cast<uint32_t>(col0 + st + 1)});
      }
      continue;
    }
    out.push_back({std::string(w), Conn::gap, static_cast<uint32_t>(col0 + st + 1)});
  }
  return out;
}

// ---------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------
Result<void> load_petrarch_verbs(const std::string& path, Lexicon& lex, Flavor flavor) {
  std::vector<bool> comment_only;
  auto lines_r = read_lines(path, &comment_only);
  if (!lines_r) return std::unexpected(lines_r.error());
  const auto& lines = *lines_r;
  uint32_t file = lex.add_file(path);
  SynsetBuilder synsets(lex);

  int64_t block = -1;
  bool primary_seen = false;
  int64_t synset = -1;
  // dyad's own files: a block's patterns by their words (code left out) → line and code. A
  // pattern written twice in one block is dead at best (only the first is ever tried) and a
  // contradiction at worst (two codes for the same words); PETRARCH's own files are read as
  // they are.
  std::unordered_map<std::string, std::pair<size_t, std::string>> block_patterns;

  for (size_t li = 0; li < lines.size(); ++li) {
    std::string line = lines[li];
    std::string_view t = trim(line);
    if (t.empty()) {
      if (!comment_only[li]) synset = -1;
      continue;
    }
    size_t col = static_cast<size_t>(t.data() - line.data());

    if (t.starts_with("---")) {  // block header: --- NAME [code] ---
      synset = -1;
      std::string h(t.substr(3));
      bool unclosed;
      auto codes = take_brackets(h, '[', ']', &unclosed);
      if (unclosed) return fail("bad_dictionary", "unclosed '[' in verb block header", at(path, li, col));
      if (codes.empty()) return fail("bad_dictionary", "verb block header without a [code]", at(path, li, col));
      std::string name(trim(h));
      while (name.ends_with("-")) name.pop_back();
      VerbBlock b;
      // "--- NAME [---] patterns-only ---": the verbs act only where a pattern of the block matches
      if (std::string_view n = trim(name); n.ends_with(" patterns-only")) {
        b.patterns_only = true;
        name = std::string(n.substr(0, n.size() - 14));
      }
      b.name = upper(trim(name));
      b.code = parse_code(codes[0].first);
      b.origin = {file, static_cast<uint32_t>(li + 1)};
      lex.blocks.push_back(b);
      block = static_cast<int64_t>(lex.blocks.size() - 1);
      primary_seen = false;
      block_patterns.clear();
      continue;
    }
    if (t.front() == '&') {  // synset definition
      std::string name = upper(trim(t.substr(1)));
      while (name.ends_with("_")) name.pop_back();
      synset = synsets.define(name, {file, static_cast<uint32_t>(li + 1)});
      block = -1;
      continue;
    }
    if (synset >= 0) {
      if (t.front() != '+')
        return fail("bad_dictionary", "synset member must start with '+'", at(path, li, col));
      std::string_view m = trim(t.substr(1));
      if (m.empty()) return fail("bad_dictionary", "empty synset member", at(path, li, col));
      synsets.add_member(static_cast<uint32_t>(synset), m, {file, static_cast<uint32_t>(li + 1)});
      continue;
    }
    if (block < 0) return fail("bad_dictionary", "line outside any verb block or synset", at(path, li, col));

    if (t.front() == '-') {  // pattern
      std::string body(t.substr(1));
      bool unclosed;
      auto codes = take_brackets(body, '[', ']', &unclosed);
      if (unclosed || codes.empty())
        return fail("bad_dictionary", "pattern without a [code]", at(path, li, col));
      if (flavor == Flavor::lemmas) {
        std::string words;
        for (std::string_view w : std::views::split(std::string_view(body), ' ') |
                                      std::views::transform([](auto r) { return std::string_view(r.begin(), r.end()); }))
          if (!w.empty()) (words += words.empty() ? "" : " ") += upper(w);
        auto [it, fresh] = block_patterns.try_emplace(words, li + 1, codes[0].first);
        if (!fresh)
          return fail("bad_dictionary",
                      "pattern '" + words + "' is already in this block at line " + std::to_string(it->second.first) +
                          (it->second.second == codes[0].first ? " with the same code: remove one"
                                                               : " with code [" + it->second.second +
                                                                     "]: only the first is ever tried"),
                      at(path, li, col));
      }
      auto elems = split_connected(body, static_cast<uint32_t>(col + 1), lex.cut_rules());
      synsets.at(path, static_cast<uint32_t>(li + 1));
      auto pat = compile_pattern(lex, synsets, elems, parse_code(codes[0].first));
      if (!pat) {
        Error e = pat.error();
        e.where = at(path, li, e.where.column ? e.where.column - 1 : col);
        return std::unexpected(e);
      }
      pat->origin = {file, static_cast<uint32_t>(li + 1)};
      pat->text = std::string(trim(t.substr(1)));
      lex.patterns.push_back(std::move(*pat));
      lex.blocks[static_cast<size_t>(block)].patterns.push_back(static_cast<uint32_t>(lex.patterns.size() - 1));
      continue;
    }

    // A verb form line: VERB, +MULTI_WORD, PRE_+VERB, with optional {forms} and [code].
    std::string body(t.front() == '+' && !primary_seen ? t : t);
    bool unclosed;
    auto forms = take_brackets(body, '{', '}', &unclosed);
    if (unclosed) return fail("bad_dictionary", "unclosed '{' in verb line", at(path, li, col));
    auto codes = take_brackets(body, '[', ']', &unclosed);
    if (unclosed) return fail("bad_dictionary", "unclosed '[' in verb line", at(path, li, col));
    EventCode code = codes.empty() ? lex.blocks[static_cast<size_t>(block)].code : parse_code(codes[0].first);
    std::string_view base = trim(body);
    if (base.empty()) return fail("bad_dictionary", "verb line without a verb", at(path, li, col));
    Origin o{file, static_cast<uint32_t>(li + 1)};
    std::vector<std::string> variants{std::string(base)};
    if (!forms.empty()) {
      for (auto& e : split_connected(forms[0].first, 0)) (void)e;
      std::string_view fl = forms[0].first;
      size_t i = 0;
      while (i < fl.size()) {
        while (i < fl.size() && (fl[i] == ' ' || fl[i] == '\t')) ++i;
        size_t st = i;
        while (i < fl.size() && fl[i] != ' ' && fl[i] != '\t') ++i;
        if (i > st) variants.emplace_back(fl.substr(st, i - st));
      }
    }
    auto r = add_verb_forms(lex, static_cast<uint32_t>(block), variants, forms.empty() && flavor == Flavor::petrarch, code, o);
    if (!r) {
      Error e = r.error();
      e.where = at(path, li, col);
      return std::unexpected(e);
    }
    primary_seen = true;
  }
  return synsets.finish(path);
}

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------
Result<void> load_petrarch_actors(const std::string& path, Lexicon& lex) {
  auto lines_r = read_lines(path);
  if (!lines_r) return std::unexpected(lines_r.error());
  const auto& lines = *lines_r;
  uint32_t file = lex.add_file(path);
  int64_t cur = -1;
  std::vector<std::pair<std::string, size_t>> pending_phrases;  // phrases waiting for the entry's codes

  auto parse_codes = [&](const std::string& inside, size_t li, size_t col) -> Result<DatedCodes> {
    std::string_view c = trim(inside);
    DatedCodes dc;
    size_t sp = c.find_first_of(" \t<>");
    std::string codes(trim(c.substr(0, sp)));
    std::string_view rest = sp == std::string_view::npos ? std::string_view{} : trim(c.substr(sp));
    if (codes.empty()) return fail("bad_dictionary", "empty actor code", at(path, li, col));
    if (codes != "---") {
      size_t s = 0;
      while (s <= codes.size()) {
        size_t e = codes.find('/', s);
        if (e == std::string::npos) e = codes.size();
        if (e > s) dc.codes.push_back(upper(codes.substr(s, e - s)));
        s = e + 1;
      }
    }
    if (!rest.empty()) {
      dc.dated = true;
      if (rest.front() == '<') {
        int32_t d = parse_date(rest.substr(1));
        if (d < 0) return fail("bad_dictionary", "bad date after '<' in actor code", at(path, li, col));
        dc.from = 0;
        dc.to = d - 1;
      } else if (rest.front() == '>') {
        int32_t d = parse_date(rest.substr(1));
        if (d < 0) return fail("bad_dictionary", "bad date after '>' in actor code", at(path, li, col));
        dc.from = d + 1;
        dc.to = 99999999;
      } else {
        // PETRARCH: "yyyymmdd-yyyymmdd"; dyad: "yyyy-mm-dd..yyyy-mm-dd" (either end may be empty)
        size_t dots = rest.find("..");
        size_t dash = dots != std::string_view::npos ? dots : rest.find('-');
        size_t skip = dots != std::string_view::npos ? 2 : 1;
        std::string_view lo = dash == std::string_view::npos ? std::string_view{} : trim(rest.substr(0, dash));
        std::string_view hi = dash == std::string_view::npos ? std::string_view{} : trim(rest.substr(dash + skip));
        int32_t a = lo.empty() && dots != std::string_view::npos ? 0 : parse_date(lo);
        int32_t b = hi.empty() && dots != std::string_view::npos ? 99999999 : parse_date(hi);
        if (dash == std::string_view::npos) a = b = -1;
        if (a < 0 || b < 0) return fail("bad_dictionary", "bad date range in actor code (want [CODE yyyymmdd-yyyymmdd])", at(path, li, col));
        dc.from = a;
        dc.to = b;
      }
    }
    return dc;
  };

  // phrases that another entry already holds (own dictionaries), judged once the file is read
  struct Twice {
    std::string phrase;
    int64_t first, entry;
    Location where;
  };
  std::vector<Twice> twice;
  auto add_phrase = [&](std::string_view ph, size_t li, size_t col) -> Result<void> {
    if (!ph.empty() && ph.front() == '=') {  // exact capitalisation: keep the words as written
      ph.remove_prefix(1);
      ++col;
      std::vector<std::string> words;
      for (auto& e : split_connected(ph, 0)) words.push_back(e.text);
      if (words.empty()) return fail("bad_dictionary", "empty actor phrase after '='", at(path, li, col));
      lex.actors[static_cast<size_t>(cur)].exact_forms.push_back(std::move(words));
    }
    auto elems = split_connected(ph, static_cast<uint32_t>(col), lex.cut_rules());
    if (elems.empty()) return fail("bad_dictionary", "empty actor phrase", at(path, li, col));
    const Phrase phrase = to_phrase(lex, elems);
    // in dyad's own dictionaries a phrase names one actor: a second entry for it is dead (the
    // first is kept), and a capitalisation written as another entry ('=le_RAID', '=Le_RAID')
    // belongs on the first entry's '+' lines
    if (!lex.actor_trie.add(phrase, static_cast<uint32_t>(cur)) && lex.cut_words) {
      const int64_t first = lex.actor_trie.find(phrase);
      if (first >= 0 && first != cur) twice.push_back({std::string(ph), first, cur, at(path, li, col)});
    }
    return {};
  };

  for (size_t li = 0; li < lines.size(); ++li) {
    std::string line = lines[li];
    std::string_view t = trim(line);
    if (t.empty()) continue;
    size_t col = static_cast<size_t>(t.data() - line.data());
    bool indented = line[0] == ' ' || line[0] == '\t';
    if (t.front() == '[' && cur >= 0) {  // a code line of the current entry
      std::string body(t);
      bool unclosed;
      auto codes = take_brackets(body, '[', ']', &unclosed);
      if (unclosed || codes.empty()) return fail("bad_dictionary", "unclosed '[' in actor code line", at(path, li, col));
      auto dc = parse_codes(codes[0].first, li, col);
      if (!dc) return std::unexpected(dc.error());
      lex.actors[static_cast<size_t>(cur)].codes.push_back(*dc);
      continue;
    }
    if (t.front() == '+') {
      if (cur < 0) return fail("bad_dictionary", "synonym '+' line before any actor", at(path, li, col));
      std::string body(t.substr(1));
      bool unclosed;
      auto codes = take_brackets(body, '[', ']', &unclosed);
      auto r = add_phrase(trim(body), li, col + 1);
      if (!r) return r;
      continue;
    }
    if (indented && t.front() != '[') {
      // an indented word line continues the entry's phrase list in some files; treat as a new entry
    }
    // New entry: PHRASE [codes...]
    std::string body(t);
    bool unclosed;
    auto codes = take_brackets(body, '[', ']', &unclosed);
    if (unclosed) return fail("bad_dictionary", "unclosed '[' in actor line", at(path, li, col));
    std::string_view ph = trim(body);
    if (ph.empty()) return fail("bad_dictionary", "actor code without a phrase", at(path, li, col));
    ActorEntry e;
    e.origin = {file, static_cast<uint32_t>(li + 1)};
    e.phrase = std::string(ph);
    lex.actors.push_back(e);
    cur = static_cast<int64_t>(lex.actors.size() - 1);
    for (auto& c : codes) {
      auto dc = parse_codes(c.first, li, col + c.second);
      if (!dc) return std::unexpected(dc.error());
      lex.actors.back().codes.push_back(*dc);
    }
    auto r = add_phrase(ph, li, col);
    if (!r) return r;
  }
  for (const auto& a : lex.actors)
    if (a.codes.empty() && a.origin.file == file)
      return fail("bad_dictionary", "actor '" + a.phrase + "' has no code", Location{path, a.origin.line, 1});
  // in dyad's own dictionaries a phrase names one actor: a second entry for it is dead (the
  // first is kept), and a capitalisation written as another entry ('=le_RAID', '=Le_RAID')
  // belongs on the first entry's '+' lines. A null entry that only blocks a shorter phrase
  // ("the Washington Post" is no Washington) may repeat one that another file codes.
  for (const auto& d : twice) {
    const auto& later = lex.actors[static_cast<size_t>(d.entry)].codes;
    if (std::all_of(later.begin(), later.end(), [](const DatedCodes& c) { return c.codes.empty(); })) continue;
    const auto& fo = lex.actors[static_cast<size_t>(d.first)].origin;
    return fail("bad_dictionary",
                fmt::format("actor phrase '{}' is already an actor at {}:{} (only the first entry would ever match)",
                            d.phrase, lex.files[fo.file], fo.line),
                d.where);
  }
  return {};
}

// ---------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------
Result<void> load_petrarch_agents(const std::string& path, Lexicon& lex, Flavor flavor) {
  auto lines_r = read_lines(path);
  if (!lines_r) return std::unexpected(lines_r.error());
  const auto& lines = *lines_r;
  uint32_t file = lex.add_file(path);
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;

  auto plural = [](const std::string& s) {
    if (s.ends_with("Y")) return s.substr(0, s.size() - 1) + "IES";
    if (s.ends_with("S")) return s + "ES";
    return s + "S";
  };

  for (size_t li = 0; li < lines.size(); ++li) {
    std::string line = lines[li];
    std::string_view t = trim(line);
    if (t.empty()) continue;
    size_t col = static_cast<size_t>(t.data() - line.data());
    if (t.front() == '!' && t.find('=') != std::string_view::npos) {  // !NAME! = A, B, C
      size_t eq = t.find('=');
      std::string name = upper(trim(t.substr(0, eq)));
      std::vector<std::string> vals;
      std::string_view rest = t.substr(eq + 1);
      size_t s = 0;
      while (s <= rest.size()) {
        size_t e = rest.find(',', s);
        if (e == std::string_view::npos) e = rest.size();
        auto v = trim(rest.substr(s, e - s));
        if (!v.empty()) vals.push_back(upper(v));
        s = e + 1;
      }
      substitutions.emplace_back(name, vals);
      continue;
    }
    std::string body(t);
    bool unclosed;
    auto plurals = take_brackets(body, '{', '}', &unclosed);
    if (unclosed) return fail("bad_dictionary", "unclosed '{' in agent line", at(path, li, col));
    auto codes = take_brackets(body, '[', ']', &unclosed);
    if (unclosed || codes.empty()) return fail("bad_dictionary", "agent without a [~CODE]", at(path, li, col));
    std::string code(trim(codes[0].first));
    AgentEntry a;
    if (code.starts_with("~")) {
      a.code = upper(trim(code.substr(1)));
    } else if (code.ends_with("~")) {
      a.code = upper(trim(code.substr(0, code.size() - 1)));
      a.prefix = true;
    } else {
      return fail("bad_dictionary", "agent code must start or end with '~'", at(path, li, col + codes[0].second));
    }
    a.origin = {file, static_cast<uint32_t>(li + 1)};
    a.phrase = upper(trim(body));
    lex.agents.push_back(a);
    uint32_t idx = static_cast<uint32_t>(lex.agents.size() - 1);

    std::vector<std::string> phrases{a.phrase};
    if (plurals.empty()) {
      if (flavor == Flavor::petrarch) phrases.push_back(plural(a.phrase));
    } else {
      for (auto& e : split_connected(plurals[0].first, 0)) (void)e;
      std::string_view fl = plurals[0].first;
      size_t i = 0;
      while (i < fl.size()) {
        while (i < fl.size() && (fl[i] == ' ' || fl[i] == '\t')) ++i;
        size_t st = i;
        while (i < fl.size() && fl[i] != ' ' && fl[i] != '\t') ++i;
        if (i > st) phrases.push_back(upper(fl.substr(st, i - st)));
      }
    }
    // Expand !NAME! substitutions.
    std::vector<std::string> expanded;
    for (auto& p : phrases) {
      bool sub = false;
      for (auto& [name, vals] : substitutions) {
        auto pos = p.find(name);
        if (pos == std::string::npos) continue;
        sub = true;
        for (auto& v : vals) expanded.push_back(p.substr(0, pos) + v + p.substr(pos + name.size()));
      }
      if (!sub) expanded.push_back(p);
    }
    for (auto& p : expanded) {
      auto elems = split_connected(p, static_cast<uint32_t>(col), lex.cut_rules());
      if (!elems.empty()) lex.agent_trie.add(to_phrase(lex, elems), idx);
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// Discards
// ---------------------------------------------------------------------------
Result<void> load_petrarch_discards(const std::string& path, Lexicon& lex) {
  auto lines_r = read_lines(path);
  if (!lines_r) return std::unexpected(lines_r.error());
  const auto& lines = *lines_r;
  uint32_t file = lex.add_file(path);
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view t = trim(lines[li]);
    if (t.empty()) continue;
    DiscardEntry d;
    if (t.front() == '+') {
      d.story = true;
      t = trim(t.substr(1));
    }
    d.origin = {file, static_cast<uint32_t>(li + 1)};
    d.phrase = std::string(t);
    lex.discards.push_back(d);
    auto elems = split_connected(t, 0, lex.cut_rules());
    lex.discard_trie.add(to_phrase(lex, elems), static_cast<uint32_t>(lex.discards.size() - 1));
  }
  return {};
}

Result<void> load_petrarch(const std::string& dir, Lexicon& lex) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(dir, ec)) {
    for (auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file()) files.push_back(e.path());
  } else if (fs::exists(dir, ec)) {
    files.push_back(dir);
  } else {
    return fail("io_error", "dictionary directory does not exist", Location{dir});
  }
  std::sort(files.begin(), files.end());
  auto kind_of = [](const fs::path& p) {
    std::string n = p.filename().string();
    for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!n.ends_with(".txt")) return 0;
    if (n.find("verb") != std::string::npos) return 1;
    if (n.find("actor") != std::string::npos) return 2;
    if (n.find("agent") != std::string::npos) return 3;
    if (n.find("discard") != std::string::npos) return 4;
    return 0;
  };
  int found = 0;
  for (int kind = 1; kind <= 4; ++kind) {
    for (auto& f : files) {
      if (kind_of(f) != kind) continue;
      ++found;
      Result<void> r;
      switch (kind) {
        case 1: r = load_petrarch_verbs(f.string(), lex); break;
        case 2: r = load_petrarch_actors(f.string(), lex); break;
        case 3: r = load_petrarch_agents(f.string(), lex); break;
        default: r = load_petrarch_discards(f.string(), lex); break;
      }
      if (!r) return r;
    }
  }
  if (!found) return fail("bad_dictionary", "no PETRARCH verbs/actors/agents/discards .txt file found", Location{dir});
  finalize(lex);
  return {};
}

}  // namespace dyad::dict
