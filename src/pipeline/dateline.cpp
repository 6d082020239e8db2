#include "pipeline/dateline.h"

#include <chrono>

#include <fmt/format.h>

namespace dyad::pipeline {

namespace {

int lookup(const std::unordered_map<WordId, int>& m, const text::Token& t) {
  auto it = m.find(t.form);
  if (it == m.end() && t.lemma) it = m.find(t.lemma);
  return it == m.end() ? 0 : it->second;
}

// "25" -> 25; anything else -> -1
int small_number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::string dateline_date(const dict::Lexicon& lex, const text::Tokenized& toks, size_t max_sentences) {
  const auto& d = lex.dates;
  for (size_t si = 0; si < toks.sentences.size() && si < max_sentences; ++si) {
    const auto& s = toks.sentences[si];
    int month = 0, day = 0, year = 0;
    bool only_date_words = s.tok_end > s.tok_begin;
    for (uint32_t i = s.tok_begin; i < s.tok_end && only_date_words; ++i) {
      const auto& t = toks.tokens[i];
      if (t.kind == text::TokKind::punct) continue;
      if (lookup(d.weekdays, t)) continue;
      if (lex.classes(t.form) & dict::kLinkPrep) continue;  // "25 de septiembre de 2023"
      if (int m = lookup(d.months, t); m && !month) {
        month = m;
        continue;
      }
      int n = t.kind == text::TokKind::number ? small_number(toks.norm(t)) : -1;
      if (n >= 1 && n <= 31 && !day) day = n;
      else if (n >= 1900 && n <= 2100 && !year) year = n;
      else only_date_words = false;  // a word that is not part of a date: running text
    }
    if (!only_date_words || !month || !day || !year) continue;
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) continue;
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }
  return {};
}

int32_t latest_named_date(const dict::Lexicon& lex, const text::Tokenized& toks) {
  const auto& d = lex.dates;
  const auto& T = toks.tokens;
  int32_t best = 0;
  auto num = [&](size_t i) { return i < T.size() && T[i].kind == text::TokKind::number ? small_number(toks.norm(T[i])) : -1; };
  // the next token past a link preposition or a comma ("1 de julio de 2018", "July 1, 2018")
  auto skip = [&](size_t i) {
    while (i < T.size() && ((lex.classes(T[i].form) & dict::kLinkPrep) || toks.norm(T[i]) == ",")) ++i;
    return i;
  };
  for (size_t i = 0; i < T.size(); ++i) {
    const int m = lookup(d.months, T[i]);
    if (!m) continue;
    int day = 0;
    size_t after = skip(i + 1);
    // DAY [de] MONTH [de] YEAR
    for (size_t b = i; b > 0 && b + 3 > i && !day; --b) {
      const int n = num(b - 1);
      if (n >= 1 && n <= 31) day = n;
      else if (T[b - 1].kind != text::TokKind::punct && !(lex.classes(T[b - 1].form) & dict::kLinkPrep)) break;
    }
    // MONTH DAY, YEAR
    if (!day) {
      const int n = num(after);
      if (n >= 1 && n <= 31) {
        day = n;
        after = skip(after + 1);
      }
    }
    const int year = num(after);
    if (!day || year < 1900 || year > 2100) continue;
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) continue;
    best = std::max(best, year * 10000 + m * 100 + day);
  }
  return best;
}

}  // namespace dyad::pipeline
