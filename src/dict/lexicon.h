// The compiled, immutable dictionaries the coder matches against: actors,
// agents, verbs with their patterns and synsets, discards, cue phrases and the
// language's closed word classes. Built once by a loader (PETRARCH formats or
// dyad's own), then shared read-only by every thread.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/binio.h"
#include "text/tokenizer.h"
#include "text/vocab.h"

namespace dyad::dict {

// A phrase word that matches any numeral: "<number> personnes", "<number> people".
inline constexpr std::string_view kNumeralWord = "<number>";

// Where an entry was written: index into Lexicon::files, 1-based line.
struct Origin {
  uint32_t file = 0;
  uint32_t line = 0;
};

// How a phrase word attaches to the previous one: directly, or with up to
// kMaxGap intervening words.
enum class Conn : uint8_t { adjacent, gap };
inline constexpr int kMaxGap = 2;

struct PhraseWord {
  WordId word = kNoWord;
  Conn conn = Conn::adjacent;  // connection to the previous word (ignored for the first)
};
using Phrase = std::vector<PhraseWord>;

// Trie of phrases over word ids; a node may carry an entry index.
class PhraseTrie {
 public:
  // Adds a phrase; returns false when the phrase already had an entry (the first one is kept).
  bool add(const Phrase& p, uint32_t entry);
  // The entry of exactly this phrase; -1 if none.
  int64_t find(const Phrase& p) const;
  // Longest phrase starting at token `i` within [i, end). On success sets `last`
  // to the index of the phrase's last token and returns the entry index; -1 if none.
  int64_t longest(const std::vector<text::Token>& toks, uint32_t i, uint32_t end, uint32_t& last) const;
  size_t size() const { return entries_; }
  // The dictionary cache (dict/cache.cpp) stores a trie as it is. load() checks every node
  // and entry index (entries must be < `entry_count`) and returns false on any inconsistency.
  void save(bin::Writer& w) const;
  bool load(bin::Reader& r, size_t entry_count);

 private:
  static uint64_t key(uint32_t node, WordId w, Conn c) {
    return (static_cast<uint64_t>(node) << 33) | (static_cast<uint64_t>(w) << 1) | (c == Conn::gap ? 1u : 0u);
  }
  uint32_t child(uint32_t node, WordId w, Conn c) const {
    auto it = edges_.find(key(node, w, c));
    return it == edges_.end() ? 0 : it->second;
  }
  void walk(const std::vector<text::Token>& toks, uint32_t node, uint32_t i, uint32_t end, int64_t& best,
            uint32_t& best_last) const;
  // One bit per word that starts a phrase: most tokens start none, and a bit answers that
  // without a hash lookup (derived from the edges: built by add(), rebuilt by load()).
  void mark_root(WordId w) {
    if (w / 64 >= roots_.size()) roots_.resize(w / 64 + 1, 0);
    roots_[w / 64] |= uint64_t{1} << (w % 64);
  }
  bool is_root(WordId w) const { return w / 64 < roots_.size() && (roots_[w / 64] >> (w % 64) & 1); }
  std::vector<uint64_t> roots_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<int64_t> payload_{-1};  // per node
  std::vector<uint8_t> gaps_{0};      // per node: has gap edges
  size_t entries_ = 0;
};

// An actor code valid between two dates (yyyymmdd, inclusive). A code list of
// several codes ("FRO/BIL/SAM") makes the phrase a compound actor.
struct DatedCodes {
  std::vector<std::string> codes;  // empty = null actor ("---")
  int32_t from = 0, to = 99999999;
  bool dated = false;
};

struct ActorEntry {
  std::vector<DatedCodes> codes;
  // `=US [USA]`: phrases written with '=' match only with this capitalisation, word for word
  // ("US", not the pronoun "us"). When an entry has any, its every match is checked.
  std::vector<std::vector<std::string>> exact_forms;
  Origin origin;
  std::string phrase;
  // Codes in force on `date` (yyyymmdd; 0 = unknown): the first dated entry
  // whose range holds the date, else the first undated one.
  const std::vector<std::string>* resolve(int32_t date) const;
};

struct AgentEntry {
  std::string code;     // "GOV", "GOVFRM", "NGO"...
  bool prefix = false;  // [NGO~]: goes before the actor's code; [~GOV]: after
  Origin origin;
  std::string phrase;
};

// An event code from a dictionary: "---" (no event) is null; "042:043" is paired
// (the second applies to target → source).
struct EventCode {
  std::string fwd, rev;
  // "[111 home]": when the sentence names no target, the event is aimed at the source's own
  // country ("la ministre dénonce une dérive" → FRAGOV → FRA); own dictionaries only
  bool home = false;
  // "[180 unknown]": violence whose doer the sentence does not name ("un attentat à Barcelone",
  // "he was assassinated") is done by the unknown actor `---`; with no target named, the target
  // is the country where it happened (the event's place); own dictionaries only
  bool unknown = false;
  bool null() const { return fwd.empty(); }
  std::string text() const {
    return (fwd.empty() ? "---" : (rev.empty() ? fwd : fwd + ":" + rev)) + (home ? " home" : "") +
           (unknown ? " unknown" : "");
  }
};

enum class PK : uint8_t { word, synset, source, target, compound, skip };

struct PElem {
  PK kind = PK::word;
  Conn conn = Conn::gap;  // to the previous element in matching direction (the verb for the first)
  WordId word = kNoWord;
  uint32_t synset = 0;
  bool armed = false;  // "$!" / "+!": the actor must be a country or an armed group of one
};

// A 256-bit set of words: a pattern's literal words, or every form and lemma of a sentence.
struct WordMask {
  std::array<uint64_t, 4> bits{};
  void add(uint32_t w) {
    uint32_t h = (w * 0x9E3779B1u) >> 24;
    bits[h >> 6] |= uint64_t{1} << (h & 63);
  }
  bool intersects(const WordMask& o) const {
    return (bits[0] & o.bits[0]) | (bits[1] & o.bits[1]) | (bits[2] & o.bits[2]) | (bits[3] & o.bits[3]);
  }
  // every word of `need` may be in this set
  bool covers(const std::array<uint64_t, 4>& need) const {
    return !((need[0] & ~bits[0]) | (need[1] & ~bits[1]) | (need[2] & ~bits[2]) | (need[3] & ~bits[3]));
  }
};

struct Pattern {
  std::vector<PElem> lower;  // before the verb, nearest first
  std::vector<PElem> upper;  // after the verb, nearest first
  EventCode code;
  Origin origin;
  std::string text;
  uint32_t weight = 0;  // literal elements: more specific patterns are tried first
  // Prefilter: one bit (word_bit) per literal word the pattern needs; a sentence lacking any
  // of them cannot match. And whether the code is in use ("+++" placeholders are not).
  std::array<uint64_t, 4> need{};
  std::vector<uint32_t> need_synsets;  // each needs one of its phrases' first words
  bool active = true;
};


struct VerbBlock {
  std::string name;
  EventCode code;
  std::vector<uint32_t> patterns;  // indexes into Lexicon::patterns, most specific first
  Origin origin;
  // "--- NAME [---] patterns-only ---": the block's verbs act only where one of its patterns
  // matches. Elsewhere they are no verbs at all: they bound no clause, end no noun phrase and
  // take no subject ("said" in a block that codes `&BLAME ,_"_* [111 home]` leaves "X said Y
  // attacked Z" read as before). Their forms live in Lexicon::quiet_triggers_by_verb.
  bool patterns_only = false;
};

// One surface form that triggers a verb block: the verb word plus any words that
// must stand right before or after it ("break down", "wire tap").
struct VerbTrigger {
  uint32_t block = 0;
  std::vector<WordId> before;  // nearest first
  std::vector<WordId> after;
  EventCode code;  // the form's own code, or the block's
  Origin origin;
  std::string text;
};

struct Synset {
  std::string name;
  std::vector<Phrase> phrases;
  WordMask first_words;  // the first word of every phrase: a sentence with none cannot match
  WordMask last_words;   // the last word of every phrase (matching leftwards starts there)
};

// Cue phrases that change how a clause is read.
// not_negation: a phrase that holds a negation cue without negating ("not only", "no solo").
// condition: a hypothetical that, opening the sentence, governs all of it ("If ...,", "Si ...,").
// presupposed: opens a question that takes its content as given ("why", "pourquoi").
enum class Cue : uint8_t {
  negation, negation_after, denial, intent, hypothetical, report, not_negation, condition, pair, presupposed, threat,
  report_clause
};

struct CueEntry {
  Cue cue;
  Origin origin;
  std::string phrase;
};

// A place of the gazetteer (data/common/places.tsv): where an event happened, when the text
// says so with a place preposition ("à Moscou", "in Syria").
enum class PlaceKind : uint8_t { country, region, city };
struct PlaceEntry {
  std::string name;     // English display name: "Moscow"
  std::string country;  // ISO alpha-3 as CAMEO uses it: "RUS"
  double lat = 0, lon = 0;
  PlaceKind kind = PlaceKind::country;
  Origin origin;
};

struct DiscardEntry {
  bool story = false;  // discard the whole story, not only the sentence
  Origin origin;
  std::string phrase;
};

// Closed word classes of a language (data/<lang>/grammar.txt).
enum WordClass : uint32_t {
  kDeterminer = 1u << 0,    // the, a, its, their — a verb form after one is a noun
  kConjunction = 1u << 1,   // and, nor — joins actors into compounds
  kLinkPrep = 1u << 2,      // of, in, from — "ministers of X", "soldiers from X"
  kPassiveAux = 1u << 3,    // was, were, been — passive voice
  kAgentBy = 1u << 4,       // by — agent of a passive
  kPossessive = 1u << 5,    // 's
  kFunction = 1u << 6,      // words a ^ skip passes over
  kClauseStart = 1u << 7,   // that, which, who — opens a subordinate clause
  kPronoun = 1u << 8,       // it, they — refers back to an actor
  kModal = 1u << 9,         // would, should — not an event verb by itself
  kPlacePrep = 1u << 10,    // à, in — an actor right after it is more likely a place than a target
  kPossDet = 1u << 11,      // its, ses, sus — an agent after one belongs to the actor named before
  kAuxiliary = 1u << 12,    // has, had, does — stands between a subject and its verb
  kFormer = 1u << 13,       // former — the agent after it is a former office holder (ELI)
  kPersonPronoun = 1u << 14,  // he, she, il, elle — stands for a person: an actor with a role
  kNameParticle = 1u << 15,   // de, del — inside a name ("Maël de Calan"); see names_from_capitals
  kActiveEnding = 1u << 16,   // ing — a verb form ending so after a passive auxiliary is active
  kRelative = 1u << 17,       // who, which, qui — a relative pronoun that may be a clause's subject
  kSpeech = 1u << 18,         // say, said — what follows is said, with its own subject
  kReflexive = 1u << 19,      // se, s' — a passive auxiliary after one is a pronominal verb's own
  kActiveParticiple = 1u << 20,  // venir, descendre — a verb conjugated with "être": active after it
  kNoDroppedSubject = 1u << 21,  // ar, ando, amos — endings of forms that take no dropped subject
  kLeadIn = 1u << 22,            // además, ello — may open a sentence whose verb's subject is dropped
  kHonorific = 1u << 23,         // Mr, Mme, Sr — a title before a name belongs to the name's mention
  kFutureEnding = 1u << 24,      // era, rá — an ending of future forms: the event is announced, not done
  kConditionalEnding = 1u << 25,  // erait, ría — an ending of conditional forms: the event is supposed
  kSubordinator = 1u << 26,       // after, when, quand — opens a clause that may borrow the subject before
  kReciprocal = 1u << 27,         // each (other), mutuellement — what a compound does, its members do to each other
  kInfinitive = 1u << 28,         // to, à — "told Y to attack": Y is the subject of the verb after it
  kComplementizer = 1u << 29,     // that, que — a relative pronoun that also opens what is said
  kParticipleEnding = 1u << 30,   // ant, ando, ing — a present participle: no incise, no subject of its own
};

// Numbers and dates of a language (data/<lang>/numbers.txt, dates.txt).
struct NumberRules {
  char decimal = '.';                              // "7.62" or "7,62"
  std::unordered_map<WordId, double> multipliers;  // million -> 1e6
  std::unordered_map<WordId, double> words;        // deux -> 2
  std::unordered_map<WordId, uint8_t> unit_links;  // "de" in "70 millions de cartouches"
};
struct DateRules {
  std::unordered_map<WordId, int> weekdays;  // 1 = Monday .. 7 = Sunday
  std::unordered_map<WordId, int> months;    // 1 .. 12
  std::vector<std::pair<Phrase, int>> relative;  // "hier" -> -1 day
  // "le mois dernier" -> -1 month, "last year" -> -1 year: the event is dated to that month
  // or year only (a reduced ISO date, "2015-03", "2015")
  std::vector<std::pair<Phrase, int>> relative_months, relative_years;
  // 1: words that make the year or month name right after them the event's time ("en 2015",
  // "in March"); 2: words that make it the end of a span ("jusqu'en 1988", "until 1988")
  std::unordered_map<WordId, int> period_leads;
  // words between a month name and its year ("marzo de 2016"); the value is unused
  std::unordered_map<WordId, int> year_links;
};

struct Options {
  bool require_dyad = true;     // drop events without both source and target
  bool resolve_pronouns = false;  // a pronoun subject stands for the latest actor before it
  // A compound subject with no target ("A and B renewed ties") codes the event between its
  // members: for every code (PETRARCH's rule), or only for mutual ones (roots 03-06, 190).
  bool pair_any_code = true;
  // Words of a pattern joined by a space may have at most this many words between them
  // (0 = any number, as PETRARCH does).
  int word_gap = 0;
  // A comma clause opening with an adverbial ("..., almost five years after X did Y") is
  // not coded when the clause before it is (PETRARCH-2 codes the verb it hangs on only).
  bool nested_comma_clauses = false;
  // The target may be looked for in a following "that"/"while" clause only when nothing but
  // function and time words follow the verb in its own clause (PETRARCH-2 takes the verb's object).
  bool object_stops_subclause = false;
  // A role element ($ + %) joined by `_` may skip determiners before its actor ("*_A_+" on
  // "criticó a la OTAN"); PETRARCH's patterns spell such words out.
  bool role_skips_determiner = false;
  // "A shot down a Russian jet and Moscow deployed missiles": a member followed by a verb of
  // its own, after a verb of the clause, starts a clause and joins no compound; a verb
  // coordinated without a subject takes the subject of the clause before, not its object.
  bool clause_members = false;
  // "AGENT of ACTOR" is one actor only when no further prepositional phrase hangs on the actor
  // ("the parliament of Gondor in Eriador" is an agent and an actor): PETRARCH-1 merges a noun
  // phrase with one level of prepositional phrase only.
  bool single_prep_level = false;
  int comma_min = 2, comma_max = 8;    // comma clauses inside the sentence to drop
  int comma_bmin = 0, comma_bmax = 0;  // at the beginning
  int comma_emin = 0, comma_emax = 0;  // at the end
  // PETRARCH's new_actor_length: an event with no actor of the dictionaries for its source
  // (target) takes the noun phrase in that place as a new actor named by its words, when it
  // has at most this many words. 0 = off.
  int new_actor_length = 0;
};

// Everything below is written to the dictionary cache (dict/cache.cpp) field by field. Adding,
// removing or changing a field of Lexicon or of any struct it holds means: write and read it
// in dict/cache.cpp, and bump kCacheFormat there (old cache files are then recompiled).
// cache.cpp checks the sizes of these structs at compile time as a reminder.
struct Lexicon {
  Vocab vocab;
  std::vector<std::string> files;

  std::vector<ActorEntry> actors;
  PhraseTrie actor_trie;
  std::vector<AgentEntry> agents;
  PhraseTrie agent_trie;

  std::vector<VerbBlock> blocks;
  std::vector<Pattern> patterns;
  std::vector<Synset> synsets;
  std::vector<VerbTrigger> triggers;
  std::unordered_map<WordId, std::vector<uint32_t>> triggers_by_verb;
  std::unordered_map<WordId, std::vector<uint32_t>> quiet_triggers_by_verb;  // of patterns-only blocks

  std::vector<DiscardEntry> discards;
  PhraseTrie discard_trie;
  std::vector<PlaceEntry> places;
  PhraseTrie place_trie;
  std::vector<CueEntry> cues;
  PhraseTrie cue_trie;

  // form -> (lemma, coarse part of speech), from data/<lang>/lexicon.tsv. A flat table indexed
  // by the form's id (ids are dense), as every token of every sentence looks its form up;
  // forms past its end, or with lemma kNoWord, have no entry.
  struct Reading {
    WordId lemma = kNoWord;
    uint16_t pos = 0;
  };
  std::vector<Reading> lemmas;
  const Reading* reading(WordId form) const {
    return form < lemmas.size() && lemmas[form].lemma != kNoWord ? &lemmas[form] : nullptr;
  }
  std::vector<std::string> pos_names{""};
  // Hashes (hash_word) of the folded forms the lexicon reads as themselves and keeps no
  // reading for (nouns, verbs' lemmas...), sorted: a word the language knows. Used to tell a
  // name ("Dupontel") from words ("Escuela Nacional").
  std::vector<uint64_t> known_words;
  bool known_word(WordId form, std::string_view folded) const {
    return reading(form) || std::binary_search(known_words.begin(), known_words.end(), hash_word(folded));
  }
  // Hashes of the folded forms the lexicon reads as an inflected noun ("analistas", "grévistes")
  // of a lemma no dictionary uses, so that keep no reading, sorted: the coder tells "los
  // analistas señalan" (a subject and its verb) from "la reunión" (a noun phrase) by them.
  std::vector<uint64_t> inflected_nouns;
  bool inflected_noun(std::string_view folded) const {
    return std::binary_search(inflected_nouns.begin(), inflected_nouns.end(), hash_word(folded));
  }
  // Hashes of the folded forms every reading of which is an inflected verb ("told", "asked"; not
  // "elected", also an adjective), sorted: such a word stands in no noun phrase ("Trump told
  // reporters" is two actors, not a "Trump reporters" agent).
  std::vector<uint64_t> verb_forms;
  bool verb_form(std::string_view folded) const {
    return std::binary_search(verb_forms.begin(), verb_forms.end(), hash_word(folded));
  }

  std::unordered_map<WordId, uint32_t> word_classes;
  // The language lists name particles (grammar.txt): runs of capitalised words that nothing
  // knows are read as names (own dictionaries). Derived from word_classes when the pack is
  // opened, not stored in the cache.
  bool names_from_capitals = false;
  // Endings of verb forms that are active after a passive auxiliary ("are arresting"): the
  // words of the `active-ending` class, derived like names_from_capitals.
  std::vector<std::string> active_endings;
  // Endings of verb forms that take no subject dropped from the sentence before
  // (`no-dropped-subject`: infinitives, gerunds, participles, first persons). A language that
  // lists any drops subject pronouns: any other verb form with no subject before it has the
  // one a person pronoun would have. Derived like active_endings.
  std::vector<std::string> no_dropped_subject_endings;
  // Endings of future and conditional verb forms (`future-ending`, `conditional-ending`): an
  // event told by such a verb is an intention ("rencontrera") or a supposition ("rencontrerait").
  // Derived like active_endings.
  std::vector<std::string> future_endings, conditional_endings;
  // Endings of present participles (`participle-ending`): "taclant", "denunciando".
  std::vector<std::string> participle_endings;
  text::TokenRules token_rules;
  // dyad's own files are written as text: their words are cut like running text (load_native)
  bool cut_words = false;
  const text::TokenRules* cut_rules() const { return cut_words ? &token_rules : nullptr; }
  NumberRules numbers;
  DateRules dates;
  Options options;

  uint32_t classes(WordId w) const {
    auto it = word_classes.find(w);
    return it == word_classes.end() ? 0 : it->second;
  }
  uint32_t add_file(const std::string& path) {
    files.push_back(path);
    return static_cast<uint32_t>(files.size() - 1);
  }
  // Fold and intern each word of a dictionary phrase ("RUSSIAN_TROOPS", "wire tap").
  WordId word(std::string_view w);
  // Assign form/lemma ids to tokens (words absent from every dictionary stay kNoWord), and the
  // class word kNumeralWord to numerals (number tokens and numbers.txt's number words).
  void assign_ids(text::Tokenized& t) const;
};

}  // namespace dyad::dict
