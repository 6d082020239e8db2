// The sparse coder: for one sentence, finds actors and agents, joins them into
// units and compounds, drops short comma clauses, splits clauses, matches verb
// patterns (longest first), and assigns source and target.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "dict/lexicon.h"
#include "dyad/event.h"
#include "text/tokenizer.h"

namespace dyad::code {

// The actor code of an event coded "[CODE home]" that names no target (or, in the passive, no
// doer): the engine replaces it by the source's country (or the state where it happened).
inline constexpr const char* kHomeActor = "~";
// The target of an event coded "[CODE unknown]" that names none ("un attentat à Barcelone"):
// the engine replaces it by the country of the event's place, or drops the event.
inline constexpr const char* kPlaceActor = "@";
// The source of an event coded "[CODE unknown]" whose doer the sentence does not name.
inline constexpr const char* kUnknownActor = "---";
// The country part of an actor named by a name the dictionaries do not hold ("~~~", "~~~GOV"
// with an agent): the engine replaces it by the article's home country, or drops the event.
inline constexpr const char* kNameActor = "~~~";

// The first three letters of an actor code name a country: not empty, not an organisation or a
// group of no state (IGO, NGO, IMG, MNC, UAF, REB, SPY). The caller rules out "---" and "~".
inline bool names_country(std::string_view c3) {
  static constexpr std::string_view kNot[] = {"IGO", "NGO", "IMG", "MNC", "UAF", "REB", "SPY"};
  return !c3.empty() && std::none_of(std::begin(kNot), std::end(kNot), [&](std::string_view x) { return c3 == x; });
}

// One actor as coded: the code and the token span that produced it.
struct CodedActor {
  std::string code;  // "ARNGOV", "---GOV"; empty = no actor
  uint32_t tok_begin = 0, tok_end = 0;
  // for a government office with no country ("the president"), the titled actor of the
  // article it may stand for ("President Obama": USAGOV); see Antecedent::titled
  std::string titled;
};

struct Coded {
  CodedActor source, target;
  std::string code;
  uint32_t verb_begin = 0, verb_end = 0;  // tokens
  uint32_t rule_file = 0, rule_line = 0;
  std::string rule_text;
  Polarity polarity = Polarity::asserted;
  Modality modality = Modality::fact;
  std::string attribution;  // who says so, when a report cue names a source: "RUSBUS (Rostec)"
};

// The latest actor of a sentence, which a pronoun in the next one may stand for; and the latest
// actor with a role (a person, an institution: "RUSGOV", not "RUS"), which "he", "elle" stand for.
struct Antecedent {
  std::vector<std::string> codes;
  uint32_t tok_begin = 0, tok_end = 0;
  std::vector<std::string> person_codes;
  uint32_t person_begin = 0, person_end = 0;
  // the countries the sentence named, most recent first (at most four): what "the two
  // countries" of the next sentence stands for
  std::vector<std::string> countries;
  // the actors of the article so far that were named with a title and a country ("President
  // Obama", "Iran's foreign ministry"), latest last: the words of the mention (lemma ids) and
  // its codes. What "the president", "the foreign ministry" of a later sentence stand for.
  struct Titled {
    std::vector<uint32_t> words;
    std::vector<std::string> codes;
  };
  std::vector<Titled> titled;
  // what a later sentence's pronouns may stand for, after sentence `s`
  void update(const Antecedent& s) {
    if (!s.codes.empty()) codes = s.codes, tok_begin = s.tok_begin, tok_end = s.tok_end;
    if (!s.person_codes.empty()) person_codes = s.person_codes, person_begin = s.person_begin, person_end = s.person_end;
    countries = s.countries;  // the sentence right before only: further back, the pair is a guess
    titled.insert(titled.end(), s.titled.begin(), s.titled.end());
    if (titled.size() > 40) titled.erase(titled.begin(), titled.end() - 40);
  }
};

struct SentenceResult {
  std::vector<Coded> events;
  bool sentence_discard = false;
  bool story_discard = false;
  bool dateline = false;
  uint32_t discard_origin_file = 0, discard_origin_line = 0;
  Antecedent last_actor;  // for the next sentence's pronouns
  std::vector<std::string> countries;  // country part of every actor named (the article's home country)
  // For `dyad explain`: what each stage found.
  std::vector<std::string> trace;
};

struct CodeOptions {
  dict::Options dict;  // require_dyad, comma clauses
  bool trace = false;
};

// Codes tokens [tok_begin, tok_end) of `doc`. `date` is the document date as
// yyyymmdd (0 when unknown), used to resolve dated actor codes.
void code_sentence(const dict::Lexicon& lex, const text::Tokenized& doc, uint32_t tok_begin, uint32_t tok_end,
                   int32_t date, const CodeOptions& opt, SentenceResult& out, const Antecedent* previous = nullptr);

}  // namespace dyad::code
