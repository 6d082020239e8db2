// dyad/event.h — one coded event mention, as dyad emits it.
//
// Codes are strings ("010" is not "10"). Byte offsets are into Doc::text,
// half-open [start, end).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

struct ActorRef {
  std::string code;     // full CAMEO actor code, e.g. "RUSGOV"; "---" when only an agent was found
  std::string country;  // first three letters when they name a country/IGO, else empty
  std::string text;     // the words that produced it, as they appear in the text
  uint32_t start = 0, end = 0;
  // The country was not in the words but taken from the article: an agent with no country
  // ("le ministre", "police") in an article whose actors are mostly of one country.
  bool country_inferred = false;
  // No words named it: the source's own country, the target of a statement on domestic
  // matters coded "[CODE home]" ("la ministre dénonce une dérive" → FRAGOV → FRA); or, as a
  // source, the state that did a "[CODE home]" act told in the passive with no doer named
  // ("trois militants ont été interpellés à Minsk" → BLR → BLRCVL 173).
  bool implied = false;
};

enum class Polarity { asserted, negated };
enum class Modality { fact, intent, reported, denied, hypothetical };

const char* to_string(Polarity p);
const char* to_string(Modality m);

struct RuleRef {
  std::string file;     // dictionary file that holds the rule (path as given at load time)
  uint32_t line = 0;    // 1-based line in that file
  std::string pattern;  // the pattern text as written
};

struct Plover {
  std::string type, mode, context;
};

struct Quantity {
  double value = 0;     // numeric value, multipliers applied (70 millions -> 7e7)
  std::string unit;     // the counted noun as written, e.g. "cartouches", empty if none
  std::string text;     // the span as written
  uint32_t start = 0, end = 0;
};

struct Event {
  std::string id;  // stable hash of (doc, sentence, source, target, code)
  std::string doc_id, doc_date, lang, url;
  uint32_t sentence_index = 0;
  std::string sentence;
  uint32_t sentence_start = 0, sentence_end = 0;

  ActorRef source, target;

  std::string code;   // CAMEO event code as in the dictionary, e.g. "0431" or "057"
  std::string base;   // three-digit base code ("043")
  std::string root;   // two-digit root ("04")
  int quad = 0;       // QuadClass 1..4 (0 when the code is not in the CAMEO table)
  double goldstein = 0;
  Plover plover;

  Polarity polarity = Polarity::asserted;
  Modality modality = Modality::fact;
  std::string attribution;  // who says so, when reported

  std::string date;   // resolved event date YYYY-MM-DD (doc date when nothing better)
  // Where it happened, when the sentence says so with a place preposition ("à Moscou",
  // "in Syria"): the gazetteer's English name, the place's country (ISO alpha-3) and its
  // coordinates (WGS84). Empty name: no place found (lat/lon are then 0 and meaningless).
  std::string place;
  std::string place_kind;  // "country", "region" or "city"
  std::string place_country;
  double place_lat = 0, place_lon = 0;
  std::vector<Quantity> quantities;

  uint32_t verb_start = 0, verb_end = 0;  // the words that triggered the code
  std::string verb_text;
  RuleRef rule;
};

}  // namespace dyad
