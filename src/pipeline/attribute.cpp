#include "pipeline/attribute.h"

#include <chrono>
#include <cstdlib>
#include <type_traits>
#include <vector>

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

bool is_punct(const text::Tokenized& toks, uint32_t i) { return toks.tokens[i].kind == text::TokKind::punct; }

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

  // Date: an explicit "DAY MONTH [YEAR]" or "MONTH DAY, YEAR"; else a relative word or
  // weekday resolved from the document date (a weekday means the latest such day); else a
  // month or year the sentence places the event in (a reduced ISO date: "2015-03", "2015").
  ch::year_month_day dd;
  bool have_doc = parse_iso(doc.date, dd);
  auto year_at = [&](uint32_t i) -> int {
    double y = 0;
    if (i < s.tok_end && T[i].kind == text::TokKind::number && toks.norm(T[i]).size() == 4 &&
        parse_number(toks.norm(T[i]), '.', y) && y >= 1900 && y <= 2100)
      return static_cast<int>(y);
    return 0;
  };
  auto day_at = [&](uint32_t i) -> int {
    double day = 0;
    if (i >= s.tok_end || T[i].kind != text::TokKind::number || !parse_number(toks.norm(T[i]), '.', day) || day < 1 ||
        day > 31 || day != static_cast<int>(day))
      return 0;
    return static_cast<int>(day);
  };
  // a year-link word at i ("20 de noviembre de 1945")
  auto link = [&](uint32_t i) {
    return i < s.tok_end && T[i].form != kNoWord && lex.dates.year_links.count(T[i].form) != 0;
  };
  for (uint32_t i = s.tok_begin; i + 1 < s.tok_end; ++i) {
    int day = day_at(i), m = 0, year = 0;
    if (day && (m = month_at(i + 1))) {
      year = year_at(i + 2) ? year_at(i + 2) : (link(i + 2) ? year_at(i + 3) : 0);  // "3 juin 2016"
    } else if (day && link(i + 1) && (m = month_at(i + 2))) {
      year = link(i + 3) ? year_at(i + 4) : 0;  // "20 de noviembre de 1945"
    } else if ((m = month_at(i)) && (day = day_at(i + 1)) && !month_at(i + 2)) {
      // "June 3, 2016", "June 3"
      year = year_at(i + 2) ? year_at(i + 2) : (i + 3 < s.tok_end && is_punct(toks, i + 2) ? year_at(i + 3) : 0);
    } else {
      continue;
    }
    const bool stated = year != 0;
    if (!year) year = have_doc ? static_cast<int>(dd.year()) : 0;
    if (!year) continue;
    ch::year_month_day d{ch::year{year}, ch::month{static_cast<unsigned>(m)}, ch::day{static_cast<unsigned>(day)}};
    if (!d.ok()) continue;
    // a day with no year after the article's date: within two months, a date ahead ("will meet
    // June 12", "by October 31"), which leaves the article's date; further, last year's
    if (!stated && have_doc && ch::sys_days{d} > ch::sys_days{dd}) {
      if (ch::sys_days{d} - ch::sys_days{dd} <= ch::days{61}) {
        e.date = doc.date;
        return;
      }
      d = ch::year{year - 1} / d.month() / d.day();
    }
    e.date = to_iso(d);
    return;
  }
  auto phrase_at = [&](const dict::Phrase& ph, uint32_t i) {
    auto word_at = [&](size_t k) { return T[i + k].form == ph[k].word || T[i + k].lemma == ph[k].word; };
    if (ph.empty() || i + ph.size() > s.tok_end || !word_at(0)) return false;  // the first word rules out most
    for (size_t k = 1; k < ph.size(); ++k)
      if (!word_at(k)) return false;
    return true;
  };
  if (have_doc)
    for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
      for (const auto& [ph, days] : lex.dates.relative)
        if (phrase_at(ph, i)) {
          e.date = add_days(doc.date, days);
          return;
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
  // A month or a year: "en mars 2016", "in March", "en 2015", "l'an dernier"; the one nearest
  // the event's verb, leaving out those in a relative clause after it ("... la guérilla qui a
  // signé la paix en 2016"). One that holds the article's date or comes after it leaves the
  // article's date (the article is more precise; a later one is a plan: "d'ici 2030").
  auto word_kind = [&](uint32_t i) {  // 1: a period-lead word, 2: a period-bound word
    if (i < s.tok_begin || T[i].form == kNoWord) return 0;
    auto it = lex.dates.period_leads.find(T[i].form);
    return it == lex.dates.period_leads.end() ? 0 : it->second;
  };
  auto lead = [&](uint32_t i) { return i > s.tok_begin && word_kind(i - 1) == 1; };
  // the end of a span ("jusqu'en 1988", "de 2014 à mars 2019"): not when the event happened
  auto bound = [&](uint32_t i) {
    return i > s.tok_begin && (word_kind(i - 1) == 2 || (lead(i) && i - 1 > s.tok_begin && word_kind(i - 2) == 2));
  };
  const int doc_y = have_doc ? static_cast<int>(dd.year()) : 0;
  const int doc_m = have_doc ? static_cast<int>(static_cast<unsigned>(dd.month())) : 0;
  struct Period {
    uint32_t at = 0;
    int y = 0, m = 0;  // m = 0: the whole year
  };
  std::vector<Period> found;
  for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
    if (bound(i)) continue;
    if (int m = month_at(i)) {
      int y = year_at(i + 1);
      if (!y && link(i + 1)) {
        y = year_at(i + 2);  // "marzo de 2016"
        // a number that is no year (a masked one: "noviembre de *NUMBER*") leaves the month unplaced
        if (!y && i + 2 < s.tok_end && (T[i + 2].kind == text::TokKind::number || T[i + 2].klass != kNoWord)) {
          ++i;
          continue;
        }
      }
      if (y) found.push_back({i, y, m});
      else if (lead(i) && have_doc) found.push_back({i, m <= doc_m ? doc_y : doc_y - 1, m});  // "en mars": the latest March
      if (y) ++i;
      continue;
    }
    if (int y = year_at(i); y && lead(i)) {
      found.push_back({i, y, 0});
      continue;
    }
    if (!have_doc) continue;
    for (const auto& [ph, n] : lex.dates.relative_months)
      if (phrase_at(ph, i)) {
        const int k = doc_y * 12 + doc_m - 1 + n;
        found.push_back({i, k / 12, k % 12 + 1});
      }
    for (const auto& [ph, n] : lex.dates.relative_years)
      if (phrase_at(ph, i)) found.push_back({i, doc_y + n, 0});
  }
  const Period* best = nullptr;
  uint32_t best_dist = 0;
  auto relative_at = [&](uint32_t k) { return T[k].form != kNoWord && (lex.classes(T[k].form) & dict::kRelative); };
  for (const auto& f : found) {
    bool relative = false;
    if (f.at >= c.verb_end) {  // "Arnor, which fell in 2001"
      for (uint32_t k = c.verb_end; k < f.at && !relative; ++k) relative = relative_at(k);
    } else {  // "Gondor, which was beaten in 2001, sent ...": back to the comma before it
      for (uint32_t k = f.at; k-- > s.tok_begin && !relative && T[k].kind != text::TokKind::punct;) relative = relative_at(k);
    }
    if (relative) continue;
    // nearest first, but one a comma sets off from the verb after any that none does ("En 2015,
    // ...", "Gondor, beaten in 2001, sent troops to Arnor in 2005")
    const uint32_t lo = f.at >= c.verb_end ? c.verb_end : f.at, hi = f.at >= c.verb_end ? f.at : c.verb_begin;
    bool comma = false;
    for (uint32_t k = lo; k < hi && !comma; ++k) comma = T[k].kind == text::TokKind::punct;
    const uint32_t dist = (hi > lo ? hi - lo : 0) + (comma ? 1u << 16 : 0);
    if (!best || dist < best_dist) best = &f, best_dist = dist;
  }
  if (!best || (have_doc && (best->y > doc_y || (best->y == doc_y && (best->m == 0 || best->m >= doc_m))))) return;
  e.date = best->m ? fmt::format("{:04}-{:02}", best->y, best->m) : fmt::format("{:04}", best->y);
}

}  // namespace dyad::pipeline
