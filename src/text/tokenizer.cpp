#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "text/normalize.h"

namespace dyad::text {
namespace {

enum class CC : uint8_t { space, newline, alnum, apostrophe, hyphen, period, underscore, other };

constexpr CC classify_ascii(char32_t c) {
  if (c == '\n' || c == '\r') return CC::newline;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return CC::space;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return CC::alnum;
  if (c == '\'') return CC::apostrophe;
  if (c == '-') return CC::hyphen;
  if (c == '.') return CC::period;
  if (c == '_') return CC::underscore;
  return CC::other;
}

// The scanner classifies every character of the text: ASCII by table lookup.
constexpr std::array<CC, 128> kAsciiClass = [] {
  std::array<CC, 128> t{};
  for (char32_t c = 0; c < 128; ++c) t[c] = classify_ascii(c);
  return t;
}();

CC classify_other(char32_t c) {
  switch (c) {
    case 0x2019: case 0x02BC: return CC::apostrophe;
    case 0x2010: case 0x2011: return CC::hyphen;
    case 0x2028: case 0x2029: case 0x0085: return CC::newline;
    case 0x00A0: case 0x202F: case 0x2007: case 0x200B: case 0xFEFF: return CC::space;
    default: break;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) return CC::space;
  if (u_isalnum(static_cast<UChar32>(c))) return CC::alnum;
  int8_t t = u_charType(static_cast<UChar32>(c));
  if (t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK) return CC::alnum;
  return CC::other;
}

inline CC classify(char32_t c) { return c < 0x80 ? kAsciiClass[c] : classify_other(c); }

// ICU's letter and case tests, answered inline for ASCII (where they mean A-Z, a-z, 0-9).
inline bool is_alpha(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}

struct Cursor {
  std::string_view s;
  size_t i = 0;
  // The code point at byte `at` (0 past the end); `next` gets the byte after it.
  char32_t peek(size_t at, size_t* next = nullptr) const {
    if (at >= s.size()) { if (next) *next = at; return 0; }
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) {  // ASCII: no decoding
      if (next) *next = at + 1;
      return b;
    }
    size_t j = at;
    char32_t c = next_code_point(s, j);
    if (next) *next = j;
    return c;
  }
};

// `s` ends with `suf` and is longer. The byte where the suffix would start is compared first:
// clitics begin with an apostrophe, which rules out nearly every word before a memcmp call.
bool ends_with(std::string_view s, std::string_view suf) {
  if (s.size() <= suf.size()) return false;
  const size_t at = s.size() - suf.size();
  return (suf.empty() || s[at] == suf[0]) && s.substr(at) == suf;
}
// `s` starts with `pre` and is longer. Elisions end with an apostrophe: that byte goes first.
bool starts_with(std::string_view s, std::string_view pre) {
  if (s.size() <= pre.size()) return false;
  return (pre.empty() || s[pre.size() - 1] == pre.back()) && s.substr(0, pre.size()) == pre;
}

bool is_digit_word(std::string_view w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9' && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',';
  });
}

// Split rules of one kind grouped by the byte they put at the word's edge (a prefix's first
// byte, a suffix's last), each group in the rules' own order (longest first): a word is then
// compared only with the rules that can match it, which for most words is none.
class RuleIndex {
 public:
  RuleIndex(const std::vector<std::string>& rules, bool by_last) : all_(rules) {
    for (const auto& r : rules) {
      if (r.empty()) {  // an empty rule would match any word: keep to the plain list
        any_empty_ = true;
        return;
      }
    }
    auto edge = [&](const std::string& r) { return static_cast<unsigned char>(by_last ? r.back() : r.front()); };
    for (const auto& r : rules) ++at_[edge(r) + 1u];
    for (size_t b = 0; b < 256; ++b) at_[b + 1] += at_[b];
    grouped_.resize(rules.size());
    std::array<uint32_t, 257> fill = at_;
    for (const auto& r : rules) grouped_[fill[edge(r)]++] = &r;
  }
  // The first rule, in the rules' order, for which `match` holds; `edge` is the word's byte.
  template <class Match>
  const std::string* find(unsigned char edge, Match match) const {
    if (any_empty_) {
      for (const auto& r : all_)
        if (match(r)) return &r;
      return nullptr;
    }
    for (size_t k = at_[edge]; k < at_[edge + 1u]; ++k)
      if (match(*grouped_[k])) return grouped_[k];
    return nullptr;
  }

 private:
  const std::vector<std::string>& all_;
  bool any_empty_ = false;
  std::vector<const std::string*> grouped_;
  std::array<uint32_t, 257> at_{};  // the rules with edge byte b: grouped_[at_[b], at_[b + 1])
};

}  // namespace

Result<TokenRules> TokenRules::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail("io_error", "cannot open token rules file", Location{path});
  TokenRules r;
  std::string line;
  uint32_t ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (auto h = line.find('#'); h != std::string::npos) line.resize(h);
    std::istringstream ss(line);
    std::string key;
    if (!(ss >> key)) continue;
    std::vector<std::string> vals;
    for (std::string v; ss >> v;) vals.push_back(fold_word(v));
    if (vals.empty()) return fail("bad_dictionary", "'" + key + "' needs at least one value", Location{path, ln, 1});
    if (key == "split-suffix") r.split_suffixes.insert(r.split_suffixes.end(), vals.begin(), vals.end());
    else if (key == "split-prefix") r.split_prefixes.insert(r.split_prefixes.end(), vals.begin(), vals.end());
    else if (key == "keep") r.keep_whole.insert(vals.begin(), vals.end());
    else if (key == "number-placeholder") {
      std::istringstream raw(line);
      raw >> key;
      for (std::string v; raw >> v;) r.number_placeholders.push_back(v);
    }
    else if (key == "abbreviation") {
      for (auto& v : vals) {
        if (!v.empty() && v.back() == '.') v.pop_back();
        r.abbreviations.insert(v);
      }
    } else {
      return fail("bad_dictionary", "unknown key '" + key + "' (expected split-suffix, split-prefix, keep, abbreviation or number-placeholder)",
                  Location{path, ln, 1});
    }
  }
  auto longest_first = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::sort(r.split_suffixes.begin(), r.split_suffixes.end(), longest_first);
  std::sort(r.split_prefixes.begin(), r.split_prefixes.end(), longest_first);
  return r;
}

namespace {

struct Builder {
  std::string_view text;
  const TokenRules& rules;
  Tokenized& out;
  std::string one;  // raw_offset's folded code point
  RuleIndex prefixes, suffixes;

  Builder(std::string_view t, const TokenRules& r, Tokenized& o)
      : text(t), rules(r), out(o), prefixes(r.split_prefixes, false), suffixes(r.split_suffixes, true) {}

  // A token whose folded form is already in the pool at [off, off + len).
  void emit(uint32_t start, uint32_t end, TokKind kind, size_t off, size_t len) {
    Token t;
    t.start = start;
    t.end = end;
    t.kind = kind;
    t.norm_off = static_cast<uint32_t>(off);
    t.norm_len = static_cast<uint32_t>(len);
    t.capitalised = is_upper(Cursor{text}.peek(start));
    out.tokens.push_back(t);
  }
  // A token with the given folded form.
  void push(uint32_t start, uint32_t end, TokKind kind, std::string_view folded) {
    size_t off = out.pool.size();
    out.pool.append(folded);
    emit(start, end, kind, off, folded.size());
  }
  // A token whose folded form is that of its raw text, folded straight into the pool.
  void push_raw(uint32_t start, uint32_t end, TokKind kind) {
    size_t off = out.pool.size();
    append_folded(text.substr(start, end - start), out.pool);
    emit(start, end, kind, off, out.pool.size() - off);
  }

  // The first split prefix (longest first) that leaves something of the word, or null.
  const std::string* split_prefix(std::string_view folded) const {
    if (folded.empty()) return nullptr;
    return prefixes.find(static_cast<unsigned char>(folded.front()),
                         [&](const std::string& pre) { return starts_with(folded, pre); });
  }
  // The first split suffix (longest first) that leaves something of the word, or null.
  const std::string* split_suffix(std::string_view folded) const {
    if (folded.empty()) return nullptr;
    return suffixes.find(static_cast<unsigned char>(folded.back()),
                         [&](const std::string& suf) { return ends_with(folded, suf); });
  }

  // A word as scanned (may hold internal apostrophes). Its folded form goes into the pool once;
  // the clitic rules then only cut it into tokens.
  void push_word(uint32_t start, uint32_t end) {
    size_t off = out.pool.size();
    append_folded(text.substr(start, end - start), out.pool);
    split_word(start, end, off, out.pool.size() - off);
  }

  // The word text[start, end) folded at pool[off, off + len): apply the clitic rules. A prefix
  // rule is tried first, then a suffix rule, unless the word is to be kept whole (asked only
  // when a rule applies: most words have no clitic). Folding goes code point by code point, so
  // what follows a prefix folds to the rest of the folded word, which is cut the same way.
  void split_word(uint32_t start, uint32_t end, size_t off, size_t len) {
    for (;;) {
      const std::string_view folded = std::string_view(out.pool).substr(off, len);
      TokKind kind = is_digit_word(folded) ? TokKind::number : TokKind::word;
      if (kind == TokKind::word) {
        const std::string* pre = split_prefix(folded);
        const std::string* suf = pre ? nullptr : split_suffix(folded);
        if ((pre || suf) && !rules.keep_whole.count(folded)) {
          std::string_view raw = text.substr(start, end - start);
          if (pre) {  // the prefix, then the rest of the word as a word of its own
            uint32_t cut = raw_offset(raw, pre->size());
            emit(start, start + cut, TokKind::word, off, pre->size());
            start += cut;
            off += pre->size();
            len -= pre->size();
            continue;
          }
          size_t keep = len - suf->size();
          uint32_t cut = raw_offset(raw, keep);
          emit(start, start + cut, TokKind::word, off, keep);
          emit(start + cut, end, TokKind::word, off + keep, suf->size());
          return;
        }
      }
      emit(start, end, kind, off, len);
      return;
    }
  }

  // Byte offset in `raw` of the n-th byte of its folded form (folding keeps
  // the code point count; only byte lengths may change).
  uint32_t raw_offset(std::string_view raw, size_t folded_bytes) {
    size_t fi = 0, ri = 0;
    while (ri < raw.size() && fi < folded_bytes) {
      if (static_cast<unsigned char>(raw[ri]) < 0x80) {  // an ASCII byte folds to one byte
        ++fi;
        ++ri;
        continue;
      }
      size_t rj = ri;
      next_code_point(raw, rj);
      fold_word(raw.substr(ri, rj - ri), one);
      fi += one.size();
      ri = rj;
    }
    return static_cast<uint32_t>(ri);
  }
};

}  // namespace

void tokenize(std::string_view text, const TokenRules& rules, Tokenized& out) {
  out.clear();
  out.raw_text = text;
  Builder b(text, rules, out);
  Cursor cur{text};
  size_t i = 0;
  const size_t n = text.size();
  uint32_t sent_tok_begin = 0;
  bool line_has_break = false;

  auto close_sentence = [&](uint32_t tok_end) {
    if (tok_end > sent_tok_begin) {
      SentenceSpan s;
      s.tok_begin = sent_tok_begin;
      s.tok_end = tok_end;
      s.start = out.tokens[sent_tok_begin].start;
      s.end = out.tokens[tok_end - 1].end;
      out.sentences.push_back(s);
    }
    sent_tok_begin = tok_end;
  };

  while (i < n) {
    if (text[i] == ' ') {  // the most common character, and a space: nothing to do
      ++i;
      continue;
    }
    if (!rules.number_placeholders.empty()) {  // "*NUMBER*": one number token
      const std::string* ph = nullptr;
      for (const auto& p : rules.number_placeholders)
        if (text.compare(i, p.size(), p) == 0) { ph = &p; break; }
      if (ph) {
        b.push(static_cast<uint32_t>(i), static_cast<uint32_t>(i + ph->size()), TokKind::number, fold_word(*ph));
        i += ph->size();
        continue;
      }
    }
    size_t j;
    char32_t c = cur.peek(i, &j);
    CC k = classify(c);
    if (k == CC::newline) {
      close_sentence(static_cast<uint32_t>(out.tokens.size()));
      i = j;
      continue;
    }
    if (k == CC::space || k == CC::underscore) { i = j; continue; }
    if (k == CC::alnum) {
      size_t start = i;
      // Initialisms: U.S., K.U., U.N. — single letters each followed by a dot (so the second
      // character must be one).
      if (j < n && text[j] == '.') {
        size_t p = i;
        int letters = 0;
        for (;;) {
          size_t q;
          char32_t a = cur.peek(p, &q);
          if (classify(a) != CC::alnum || !is_alpha(a)) break;
          size_t r;
          char32_t d = cur.peek(q, &r);
          if (d != '.') break;
          ++letters;
          p = r;
        }
        size_t q;
        char32_t after = cur.peek(p, &q);
        if (letters >= 2 && classify(after) != CC::alnum) {
          b.push_word(static_cast<uint32_t>(start), static_cast<uint32_t>(p));
          i = p;
          continue;
        }
      }
      size_t p = j;
      for (;;) {
        // the common case first: a run of ASCII letters and digits
        while (p < n && static_cast<unsigned char>(text[p]) < 0x80 &&
               kAsciiClass[static_cast<unsigned char>(text[p])] == CC::alnum)
          ++p;
        size_t q;
        char32_t a = cur.peek(p, &q);
        CC ka = classify(a);
        if (ka == CC::alnum) { p = q; continue; }
        if (ka == CC::apostrophe || ka == CC::hyphen || a == '.' || a == ',') {
          size_t r;
          char32_t nxt = cur.peek(q, &r);
          CC kn = classify(nxt);
          bool prev_digit = p > 0 && text[p - 1] >= '0' && text[p - 1] <= '9';
          if ((a == '.' || a == ',') && !(prev_digit && nxt >= '0' && nxt <= '9')) break;
          if (kn == CC::alnum) { p = r; continue; }
          if (ka == CC::hyphen && (kn == CC::space || nxt == 0)) { p = q; }  // "anti- Gondor"
          // an elided word before a quotation ("demandé à X d'\"éclaircir\"", "l'« ami »"):
          // the apostrophe is its own, as before a letter
          if (ka == CC::apostrophe && (nxt == '"' || nxt == 0x00AB || nxt == 0x201C) && !rules.split_prefixes.empty()) {
            std::string w;
            fold_word(text.substr(start, q - start), w);
            if (std::find(rules.split_prefixes.begin(), rules.split_prefixes.end(), w) != rules.split_prefixes.end()) p = q;
          }
        }
        break;
      }
      b.push_word(static_cast<uint32_t>(start), static_cast<uint32_t>(p));
      i = p;
      continue;
    }
    // Punctuation: one token per code point, except runs of the same ASCII mark ("--", "...").
    size_t start = i;
    size_t p = j;
    if (c < 0x80) {
      while (p < n && static_cast<char32_t>(text[p]) == c) ++p;
    }
    // A dash glued to a capital after a closing quote and a space ends a news agency's
    // sub-heading: '.- "Pas un centimètre" -Le conflit ...' starts a sentence at "-Le"
    if ((c == '-' || c == 0x2013 || c == 0x2014) && start > 0 && text[start - 1] == ' ' && !out.tokens.empty() &&
        out.tokens.back().kind == TokKind::punct && out.norm(out.tokens.back()) == "\"") {
      size_t r;
      const char32_t a = cur.peek(p, &r);
      if (u_isupper(static_cast<UChar32>(a))) close_sentence(static_cast<uint32_t>(out.tokens.size()));
    }
    if (c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E)
      b.push(static_cast<uint32_t>(start), static_cast<uint32_t>(p), TokKind::punct, "\"");
    else
      b.push_raw(static_cast<uint32_t>(start), static_cast<uint32_t>(p), TokKind::punct);
    i = p;
    // Sentence end: . ! ? … followed by space then an upper-case letter, digit, quote or dash.
    bool terminal = c == '.' || c == '!' || c == '?' || c == 0x2026;
    if (terminal) {
      // The word before a '.' may be an abbreviation or an initial.
      if (c == '.' && out.tokens.size() >= 2) {
        const Token& prev = out.tokens[out.tokens.size() - 2];
        std::string_view pw = out.norm(prev);
        if (prev.end == start && prev.kind == TokKind::word &&
            (rules.abbreviations.count(pw) || (prev.capitalised && pw.size() == 1)))
          terminal = false;
      }
      if (terminal) {
        // absorb closing quotes/brackets
        size_t q = i;
        for (;;) {
          size_t r;
          char32_t a = cur.peek(q, &r);
          if (a == '"' || a == 0x00BB || a == 0x201D || a == ')' || a == '\'' || a == 0x2019) {
            if (a == 0x00BB || a == 0x201D) b.push(static_cast<uint32_t>(q), static_cast<uint32_t>(r), TokKind::punct, "\"");
            else b.push_raw(static_cast<uint32_t>(q), static_cast<uint32_t>(r), TokKind::punct);
            q = r;
            continue;
          }
          break;
        }
        i = q;
        // a dash glued to the mark opens a news agency's sub-heading ("islamique.- \"Pas un
        // centimètre\" -Le conflit"): the sentence ends with the dash
        {
          size_t d1;
          const char32_t d = cur.peek(q, &d1);
          if (d == '-' || d == 0x2013 || d == 0x2014) {
            size_t d2;
            const char32_t after = d1 < n ? cur.peek(d1, &d2) : 0;
            const CC ka = classify(after);
            if (d1 >= n || ka == CC::space || ka == CC::newline || after == '"' || after == 0x00AB || after == 0x201C ||
                u_isupper(static_cast<UChar32>(after))) {
              b.push_raw(static_cast<uint32_t>(q), static_cast<uint32_t>(d1), TokKind::punct);
              i = d1;
              close_sentence(static_cast<uint32_t>(out.tokens.size()));
              continue;
            }
          }
        }
        size_t r = q;
        bool saw_space = false;
        char32_t a = 0;
        while (r < n) {
          size_t s2;
          a = cur.peek(r, &s2);
          CC ka = classify(a);
          if (ka == CC::space) { saw_space = true; r = s2; continue; }
          break;
        }
        // two sentences glued by a scraper ("to fight.His death", "he tweeted.McCain was"): a
        // full stop between a lower-case letter and a capitalised word
        bool glued = false;
        if (!saw_space && c == '.' && r == i && start > 0 && u_isupper(static_cast<UChar32>(a))) {
          size_t q0 = start - 1;  // the first byte of the code point before the stop
          while (q0 > 0 && (static_cast<unsigned char>(text[q0]) & 0xC0) == 0x80) --q0;
          size_t t1, t2;
          const char32_t before = cur.peek(q0, &t1);
          const char32_t next = cur.peek(r, &t1);
          const char32_t after = t1 < n ? cur.peek(t1, &t2) : 0;
          glued = u_islower(static_cast<UChar32>(before)) && u_isupper(static_cast<UChar32>(next)) &&
                  u_islower(static_cast<UChar32>(after));
        }
        if (r >= n || classify(a) == CC::newline || glued ||
            (saw_space && (u_isupper(static_cast<UChar32>(a)) || u_isdigit(static_cast<UChar32>(a)) || a == '"' ||
                           a == 0x00AB || a == 0x201C || a == '(' || a == '-' || a == 0x2014 || a == 0x2013 ||
                           a == 0x00BF || a == 0x00A1)))
          close_sentence(static_cast<uint32_t>(out.tokens.size()));
      }
    }
    (void)line_has_break;
  }
  close_sentence(static_cast<uint32_t>(out.tokens.size()));
}

}  // namespace dyad::text
