#include "pipeline/attribute.h"

#include <chrono>
#include <cstdlib>
#include <type_traits>

#include <fmt/format.h>

namespace dyad::pipeline {
namespace {

namespace ch = std::chrono;

bool parse_iso(const std::string& iso, ch::year_month_day& out) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
      d = std::atoi(iso.substr(8, 2).c_str());
  out = ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::day{static_cast<unsigned>(d)};
  return out.ok();
}

std::string to_iso(ch::year_month_day d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

}  // namespace

bool parse_number(std::string_view tok, char decimal, double& out) {
  if (tok.empty() || tok[0] < '0' || tok[0] > '9') return false;
  std::string clean;
  for (char c : tok) {
    if (c >= '0' && c <= '9') clean.push_back(c);
    else if (c == decimal) clean.push_back('.');
    else if (c == ',' || c == '.') continue;  // the other mark groups thousands
    else return false;
  }
  char* end = nullptr;
  out = std::strtod(clean.c_str(), &end);
  return end && *end == 0;
}

std::string add_days(const std::string& iso, int days) {
  ch::year_month_day d;
  if (!parse_iso(iso, d)) return {};
  return to_iso(ch::year_month_day{ch::sys_days{d} + ch::days{days}});
}

// The event's place: a gazetteer place right after a place preposition of its sentence
// (determiners may stand between: "in the Gaza Strip"), the one nearest the event's verb; on a
// tie, the more precise kind (a city before its region, a region before its country).
int64_t place_after(const dict::Lexicon& lex, const text::Tokenized& toks, const text::SentenceSpan& s, uint32_t i,
                    uint32_t& first, uint32_t& last) {
  const auto& T = toks.tokens;
  auto classes = [&](uint32_t k) { return lex.classes(T[k].form) | (T[k].lemma != T[k].form ? lex.classes(T[k].lemma) : 0); };
  if (i + 1 >= s.tok_end || T[i].form == kNoWord || !(classes(i) & dict::kPlacePrep)) return -1;
  // the place right after the preposition ("à La Havane": the article is part of the name),
  // else after its determiners ("in the Gaza Strip")
  uint32_t j = i + 1;
  int64_t p = lex.place_trie.longest(T, j, s.tok_end, last);
  if (p < 0) {
    while (j + 1 < s.tok_end && T[j].form != kNoWord && (classes(j) & dict::kDeterminer)) ++j;
    if (j > i + 1) p = lex.place_trie.longest(T, j, s.tok_end, last);
  }
  first = j;
  return p;
}

static void find_place(const dict::Lexicon& lex, const text::Tokenized& toks, const text::SentenceSpan& s,
                       const code::Coded& c, Event& e) {
  if (lex.places.empty()) return;
  const dict::PlaceEntry* best = nullptr;
  uint32_t best_dist = 0;
  for (uint32_t i = s.tok_begin; i + 1 < s.tok_end; ++i) {
    uint32_t j = 0, last = 0;
    const int64_t p = place_after(lex, toks, s, i, j, last);
    if (p < 0) continue;
    const auto& pe = lex.places[static_cast<size_t>(p)];
    uint32_t dist = j >= c.verb_end ? j - c.verb_end : (c.verb_begin > last ? c.verb_begin - last : 0);
    if (!best || dist < best_dist || (dist == best_dist && pe.kind > best->kind)) {
      best = &pe;
      best_dist = dist;
    }
    i = last;
  }
  if (!best) return;
  e.place = best->name;
  e.place_kind = best->kind == dict::PlaceKind::city ? "city" : best->kind == dict::PlaceKind::region ? "region" : "country";
  e.place_country = best->country;
  e.place_lat = best->lat;
  e.place_lon = best->lon;
}

void attribute(const dict::Lexicon& lex, const Doc& doc, const text::Tokenized& toks, const text::SentenceSpan& s,
               const code::Coded& c, Event& e) {
  e.date = doc.date;
  find_place(lex, toks, s, c, e);
  const auto& T = toks.tokens;
  // What `m` says of token i: its form's entry, else its lemma's; null past the sentence's end
  // or when neither has one. A token in no dictionary (form kNoWord) has none, and a lemma
  // equal to the form is not looked up twice: this runs for every token of the sentence.
  auto entry = [&](const auto& m, uint32_t i) -> const typename std::decay_t<decltype(m)>::mapped_type* {
    if (i >= s.tok_end || T[i].form == kNoWord || m.empty()) return nullptr;
    if (auto it = m.find(T[i].form); it != m.end()) return &it->second;
    if (T[i].lemma != T[i].form)
      if (auto it = m.find(T[i].lemma); it != m.end()) return &it->second;
    return nullptr;
  };
  auto month_at = [&](uint32_t i) -> int {
    const int* m = entry(lex.dates.months, i);
    return m ? *m : 0;
  };

  // Quantities: NUMBER [MULTIPLIER] [UNIT-LINK] UNIT ("70 millions de cartouches", "50 drones").
  for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
    double v = 0;
    bool num = T[i].kind == text::TokKind::number && parse_number(toks.norm(T[i]), lex.numbers.decimal, v);
    if (!num) {
      const double* w = entry(lex.numbers.words, i);
      if (!w) continue;
      v = *w;
    }
    uint32_t j = i + 1;
    if (month_at(j)) continue;  // "3 juin" is a date
    bool mult = false;
    if (const double* m = entry(lex.numbers.multipliers, j)) {
      v *= *m;
      ++j;
      mult = true;
    }
    if (entry(lex.numbers.unit_links, j)) ++j;
    if (j >= s.tok_end || T[j].kind != text::TokKind::word || lex.classes(T[j].form)) continue;
    if (!mult && v >= 1900 && v <= 2100 && toks.norm(T[i]).size() == 4) continue;  // a year
    Quantity q;
    q.value = v;
    q.unit = std::string(toks.raw_text.substr(T[j].start, T[j].end - T[j].start));
    q.start = T[i].start;
    q.end = T[j].end;
    q.text = std::string(toks.raw_text.substr(q.start, q.end - q.start));
    e.quantities.push_back(std::move(q));
    i = j;
  }

  // Date: an explicit "DAY MONTH [YEAR]", else a relative word or weekday
  // resolved from the document date (a weekday means the latest such day).
  ch::year_month_day dd;
  bool have_doc = parse_iso(doc.date, dd);
  for (uint32_t i = s.tok_begin; i + 1 < s.tok_end; ++i) {
    double day;
    if (T[i].kind != text::TokKind::number || !parse_number(toks.norm(T[i]), '.', day) || day < 1 || day > 31) continue;
    int m = month_at(i + 1);
    if (!m) continue;
    double y = 0;
    if (i + 2 < s.tok_end && T[i + 2].kind == text::TokKind::number) parse_number(toks.norm(T[i + 2]), '.', y);
    int year = (y >= 1900 && y <= 2100) ? static_cast<int>(y) : (have_doc ? static_cast<int>(dd.year()) : 0);
    if (!year) continue;
    ch::year_month_day d{ch::year{year}, ch::month{static_cast<unsigned>(m)}, ch::day{static_cast<unsigned>(day)}};
    if (!d.ok()) continue;
    if (y == 0 && have_doc && ch::sys_days{d} > ch::sys_days{dd}) d = ch::year{year - 1} / d.month() / d.day();
    e.date = to_iso(d);
    return;
  }
  if (!have_doc) return;
  for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
    for (const auto& [ph, days] : lex.dates.relative) {
      auto word_at = [&](size_t k) { return T[i + k].form == ph[k].word || T[i + k].lemma == ph[k].word; };
      if (i + ph.size() > s.tok_end || (!ph.empty() && !word_at(0))) continue;  // the first word rules out most
      bool ok = true;
      for (size_t k = 1; ok && k < ph.size(); ++k) ok = word_at(k);
      if (ok) {
        e.date = add_days(doc.date, days);
        return;
      }
    }
    if (T[i].form == kNoWord) continue;  // in no dictionary: not a weekday
    auto it = lex.dates.weekdays.find(T[i].form);
    if (it == lex.dates.weekdays.end()) continue;
    ch::weekday wd{static_cast<unsigned>(it->second % 7)};  // 7 (Sunday) -> 0
    ch::sys_days sd{dd};
    int back = static_cast<int>((ch::weekday{sd} - wd).count());
    e.date = to_iso(ch::year_month_day{sd - ch::days{back}});
    return;
  }
}

}  // namespace dyad::pipeline
