#include "code/coder.h"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "text/normalize.h"

namespace dyad::code {
namespace {

using dict::Conn;
using dict::Lexicon;
using dict::PK;
using text::TokKind;

constexpr int32_t kNone = -1;

struct Mention {
  uint32_t b, e;  // raw tokens [b, e)
  bool agent;
  uint32_t entry;
  bool name = false;  // a name the dictionaries do not hold (own dictionaries): kNameActor
};

struct Unit {
  uint32_t b, e;  // raw tokens
  std::vector<std::string> codes;
  bool dead = false;
  std::string titled;  // see titles()
};

struct Group {
  uint32_t ab, ae;  // active positions [ab, ae)
  std::vector<std::string> codes;
  uint32_t b, e;    // raw tokens
};

struct Candidate {
  uint32_t ab, ae;  // active positions of the verb words [ab, ae)
  uint32_t trigger;
  bool nominal = false;
  // a verb of a patterns-only block: it codes where one of its patterns matches and is no verb
  // anywhere else (clauses, noun phrases and subjects do not see it)
  bool quiet = false;
};

struct Bindings {
  int32_t source = kNone, target = kNone, compound = kNone;
  bool compound_lower = false;
  uint32_t lo = 0, hi = 0;  // active extent of the match
  uint32_t passed_b = 0, passed_e = 0;  // a relative clause inside it the match passed over
  uint32_t synset_words = 0;
  std::vector<int32_t> consumed;
};

struct Choice {
  bool ok = false;
  bool from_pattern = false;
  const dict::Pattern* pattern = nullptr;
  dict::EventCode code;
  Bindings bind;
  uint32_t cand = 0;
};

class Sentence {
 public:
  Sentence(const Lexicon& lex, const text::Tokenized& doc, uint32_t b, uint32_t e, int32_t date,
           const CodeOptions& opt, SentenceResult& out)
      : lex_(lex), doc_(doc), toks_(doc.tokens), b_(b), e_(e), date_(date), opt_(opt), out_(out) {}

  void run() {
    if (discards()) return;
    deleted_.assign(e_ - b_, false);
    dateline();
    mentions();
    names();
    units();
    titles();
    for (const auto& u : units_)
      for (const auto& c : u.codes)
        if (c.size() >= 3 && !c.starts_with("---") && !c.starts_with(kNameActor)) out_.countries.push_back(c.substr(0, 3));
    comma_clauses();
    activate();
    pairs();
    groups();
    clauses();
    candidates();
    code();
    for (size_t u = units_.size(); u-- > 0 && out_.last_actor.countries.size() < 4;)
      for (auto it = units_[u].codes.rbegin(); it != units_[u].codes.rend(); ++it)
        if (state_code(*it) && std::find(out_.last_actor.countries.begin(), out_.last_actor.countries.end(),
                                         it->substr(0, 3)) == out_.last_actor.countries.end())
          out_.last_actor.countries.push_back(it->substr(0, 3));
    // own dictionaries: "he", "elle" of the next sentence stand for the doer of this one's
    // latest act, when a person did it ("Sarkozy a critiqué Kadhafi. ... a-t-il déploré": Sarkozy),
    // a pronoun that stood for the same person included
    bool doer = false;
    if (!opt_.dict.pair_any_code)
      for (auto it = out_.events.rbegin(); it != out_.events.rend() && !doer; ++it) {
        const std::string& s = it->source.code;
        if (s.size() <= 3 || s.starts_with("---") || s.starts_with('"') || std::string_view(s).substr(3) == "MED") continue;
        out_.last_actor.person_codes = {s};
        out_.last_actor.person_begin = it->source.tok_begin, out_.last_actor.person_end = it->source.tok_end;
        doer = true;
      }
    for (size_t g = groups_.size(); g-- > 0;) {
      const auto& gr = groups_[g];
      if (gr.ab == gr.ae) continue;  // a resolved pronoun, not a mention here
      // an agent alone, or a new actor named by its words, is nobody a pronoun stands for
      auto nameless = [](const std::string& c) { return c.starts_with("---") || c.starts_with('"'); };
      if (std::all_of(gr.codes.begin(), gr.codes.end(), nameless)) continue;
      if (out_.last_actor.codes.empty()) out_.last_actor.codes = gr.codes, out_.last_actor.tok_begin = gr.b, out_.last_actor.tok_end = gr.e;
      // a place ("viajó a Washington", "au Kremlin") is not who "il" or a dropped subject stands for
      if (!doer && person_like(gr) && !locative(gr)) {
        out_.last_actor.person_codes = gr.codes, out_.last_actor.person_begin = gr.b, out_.last_actor.person_end = gr.e;
        break;
      }
    }
  }

 public:
  const Antecedent* previous_ = nullptr;

 private:

 private:
  // ---- token helpers ------------------------------------------------------
  // The word classes of a token. `auxiliary` (read where a subject ends, for new actors) and
  // `former` (read by role()) are left out: everywhere else such a word stays the plain word
  // it always was.
  uint32_t cls(uint32_t raw) const {
    return word_class(raw) & ~uint32_t{dict::kAuxiliary | dict::kFormer};
  }
  // A token's classes and whether it is a verb, looked up once per sentence: the coder asks
  // about the same tokens many times (two hash lookups each).
  uint32_t word_class(uint32_t raw) const {
    if (raw < b_ || raw >= e_) return lookup_class(raw);
    uint32_t& c = class_cache()[raw - b_];
    if (c == kUnknownClass) c = lookup_class(raw);
    return c;
  }
  // reflexive pronouns and active participles bear only on the passive test (has_class): the
  // noun "parti" (lemma "partir") stays the plain word it always was
  uint32_t lookup_class(uint32_t raw) const {
    uint32_t c = (lex_.classes(toks_[raw].form) | lex_.classes(toks_[raw].lemma)) &
                 ~uint32_t{dict::kReflexive | dict::kActiveParticiple | dict::kNoDroppedSubject | dict::kLeadIn |
                           dict::kFutureEnding | dict::kConditionalEnding | dict::kParticipleEnding};
    // own dictionaries: a capitalised month name inside the sentence is the month, no modal
    // ("a May meeting of NATO members")
    if ((c & dict::kModal) && !opt_.dict.pair_any_code && toks_[raw].capitalised && raw > b_ &&
        lex_.dates.months.count(toks_[raw].form))
      c &= ~uint32_t{dict::kModal};
    return c;
  }
  bool has_class(uint32_t raw, dict::WordClass c) const {
    return ((lex_.classes(toks_[raw].form) | lex_.classes(toks_[raw].lemma)) & c) != 0;
  }
  static constexpr uint32_t kUnknownClass = 0xFFFFFFFFu;
  std::vector<uint32_t>& class_cache() const {
    thread_local std::vector<uint32_t> cache;
    if (cache_owner_ != this) {
      cache.assign(e_ - b_, kUnknownClass);
      trigger_cache().assign(e_ - b_, 0);
      cache_owner_ = this;
    }
    return cache;
  }
  std::vector<uint8_t>& trigger_cache() const {
    thread_local std::vector<uint8_t> cache;
    return cache;
  }
  mutable const Sentence* cache_owner_ = nullptr;
  bool aux(uint32_t raw) const { return (word_class(raw) & dict::kAuxiliary) != 0; }
  bool is_punct(uint32_t raw) const { return toks_[raw].kind == TokKind::punct; }
  std::string_view norm(uint32_t raw) const { return doc_.norm(toks_[raw]); }
  bool word_is(uint32_t raw, WordId w) const { return w != kNoWord && (toks_[raw].form == w || toks_[raw].lemma == w); }
  bool is_trigger(uint32_t raw) const {
    auto lookup = [&] {
      auto& t = toks_[raw];
      return (t.form && lex_.triggers_by_verb.count(t.form)) || (t.lemma && lex_.triggers_by_verb.count(t.lemma));
    };
    if (raw < b_ || raw >= e_) return lookup();
    class_cache();  // sizes both caches for this sentence
    uint8_t& c = trigger_cache()[raw - b_];
    if (!c) c = lookup() ? 2 : 1;
    return c == 2;
  }
  bool is_comma(uint32_t raw) const { return is_punct(raw) && norm(raw) == ","; }
  // Whether the lexicon's number tables hold raw token `raw`'s form or lemma.
  template <class M>
  bool in_numbers(const M& m, uint32_t raw) const {
    const auto& t = toks_[raw];
    return !m.empty() && ((t.form != kNoWord && m.count(t.form)) || (t.lemma != kNoWord && m.count(t.lemma)));
  }
  // A count that opens active position `p` ("50", "70 millions de", "cinquante", "*NUMBER* mil
  // *NUMBER*"): numerals and multipliers, then a unit link, before a word that is no month and
  // no punctuation; not a year alone ("the 2012 attack") nor a day after a month ("the April 12
  // meetings"). Returns the position after it, or kNone.
  int32_t count_end(int32_t p) const {
    const int32_t n = static_cast<int32_t>(A_.size());
    if (p > 0 && in_numbers(lex_.dates.months, raw(static_cast<uint32_t>(p - 1)))) return kNone;  // "the April 12 meetings"
    int32_t q = p;
    bool numeral = false, year = false;
    while (q < n) {
      const uint32_t r = raw(static_cast<uint32_t>(q));
      if (toks_[r].kind == TokKind::number || in_numbers(lex_.numbers.words, r)) {
        const auto v = norm(r);
        year = !numeral && v.size() == 4 && v >= "1900" && v <= "2100" && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        numeral = true;
      } else if (in_numbers(lex_.numbers.multipliers, r)) year = false;
      else break;
      ++q;
    }
    if (!numeral || year || q >= n) return kNone;  // "the 2012 attack" is a date
    if (in_numbers(lex_.numbers.unit_links, raw(static_cast<uint32_t>(q)))) ++q;
    if (q >= n || is_punct(raw(static_cast<uint32_t>(q))) || in_numbers(lex_.dates.months, raw(static_cast<uint32_t>(q))))
      return kNone;
    return q;
  }
  // no space before the token: a clitic joined to the word before it
  bool attached(uint32_t raw) const { return raw > b_ && toks_[raw].start == toks_[raw - 1].end; }
  bool is_closing_quote(uint32_t raw) const {
    if (!is_punct(raw)) return false;
    std::string_view t = norm(raw);
    return t == "\"" || t == "\u00bb" || t == "\u201d" || t == "''";
  }
  // The verb group starting at raw token `r` follows a quotation: at most two words (an
  // auxiliary, an adverb; clitic pronouns aside) and then a comma after a closing quote, or
  // the quote itself.
  // `incise` tells whether it may be the verb of an incise: a comma joins the quote and the
  // verb group, with no conjunction between (`a dénoncé une "violence" et appelé` is a second
  // verb of the sentence's subject; a straight quote right before the verb may open a
  // quotation: `Il a "salué"`).
  // `inside`: the quote before the verb opens the sentence and a quotation the verb is part of
  // ("\"We condemn ...,\" Obama said"): its speaker is named after it (speaker_after_quote). An
  // opening quote further on is no quotation the verb follows.
  bool after_quotation(uint32_t r, bool* incise = nullptr, bool* inside = nullptr) const {
    uint32_t words = 0;
    bool conjunction = false;
    if (incise) *incise = false;
    if (inside) *inside = false;
    while (r > b_) {
      --r;
      if (is_comma(r)) {
        const bool q = r > b_ && is_closing_quote(r - 1);
        if (incise) *incise = q && !conjunction;
        return q;
      }
      if (inside && is_closing_quote(r) && opening_quote(r)) {
        // one that opens the sentence: the whole of it is said, by whom the end names; one
        // inside it quotes words of the subject's ('said he "deplored" the infighting')
        bool first = true;
        for (uint32_t k = b_; k < r && first; ++k) first = is_punct(k);
        *inside = first;
        return first;
      }
      if (is_closing_quote(r)) {
        // `," said X`; with no comma, the quote must close, as written, a quotation that opens
        // the sentence ("« ... » a accusé X"; see incise_close)
        if (incise) *incise = !conjunction && ((r > b_ && is_comma(r - 1)) || incise_close(r));
        return true;
      }
      // a reflexive pronoun and a subject pronoun joined to the auxiliary are no words of
      // their own: "« ... », s'est-il félicité"
      const bool clitic = (cls(r) & dict::kReflexive) || (attached(r) && (cls(r) & dict::kPronoun));
      if (is_punct(r) || in_mention(r) || (!clitic && ++words > 2)) return false;
      if (cls(r) & dict::kConjunction) conjunction = true;
    }
    return false;
  }
  // The quote mark at raw token `r` closes a quotation, as written: a closing guillemet or
  // curly quote, or a straight quote against the word before it and not against the next one
  // ('... affaiblir" a-t-il déploré'; not 'a "regretté').
  bool written_close(uint32_t r) const {
    const uint32_t a = toks_[r].start, z = toks_[r].end;
    const std::string_view t = text_.substr(a, z - a);
    if (t == "\u00bb" || t == "\u201d") return true;
    if (t != "\"" || r == b_ || !attached(r)) return false;
    return z >= text_.size() || text_[z] == ' ' || text_[z] == '\t' || text_[z] == '\n';
  }
  // The quote mark at raw token `r` closes, as written, a quotation that opens the sentence
  // (or began before it: no other quote mark stands before it): an incise may follow it with
  // no comma ('"Ils ne font que nous affaiblir" a-t-il déploré'); not 'La candidate de "la
  // France qui ose" a taclé X'.
  bool incise_close(uint32_t r) const {
    if (!written_close(r)) return false;
    for (uint32_t k = r; k-- > b_;)
      if (is_punct(k) && (is_closing_quote(k) || opening_quote(k))) {
        for (uint32_t j = b_; j < k; ++j)
          if (!is_punct(j)) return false;
        return true;
      }
    return true;
  }
  // The quote mark at raw token `r` opens a quotation, as written: a curly opening quote or a
  // guillemet, or a straight quote with a space (or nothing) before it and a word right after
  // it ('"We condemn'); the tokens keep no difference once folded.
  bool opening_quote(uint32_t r) const {
    const uint32_t a = toks_[r].start, z = toks_[r].end;
    const std::string_view t = text_.substr(a, z - a);
    if (t == "\u201c" || t == "\u00ab") return true;
    if (t != "\"") return false;
    auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    return (a == 0 || space(text_[a - 1]) || text_[a - 1] == '(') && z < text_.size() && !space(text_[z]);
  }
  // The speaker of a quotation that holds the verb at active position `from`: the first actor
  // after the quote mark that closes it, within seven words, not after a preposition ('"...,"
  // Obama said', '"...", a déclaré X'); none when the sentence does not close it.
  int32_t speaker_after_quote(uint32_t from, const std::vector<int32_t>& consumed) const {
    for (uint32_t p = from; p < A_.size(); ++p) {
      const uint32_t r = raw(p);
      if (!is_closing_quote(r) || opening_quote(r)) continue;
      // right after it: '," Obama said', '," said Obama', '", a déclaré M. X' (an actor further
      // on is someone the speaker speaks of: '," said Sadr, whom Washington ...')
      const int32_t g = speaker_after(p + 1, static_cast<uint32_t>(A_.size()), consumed);
      return g != kNone && groups_[static_cast<size_t>(g)].ab <= p + 8 ? g : kNone;
    }
    return kNone;
  }
  // A comma between two modifiers of one noun ("complete, full diplomatic ties"): both
  // neighbours are plain words (lower case, no class, no verb, no actor) and a plain word
  // follows too. It delimits no clause.
  bool np_comma(uint32_t r) const {
    if (!is_comma(r) || r == b_ || r + 2 >= e_) return false;
    auto plain = [&](uint32_t k) {
      return !is_punct(k) && !toks_[k].capitalised && !is_trigger(k) && cls(k) == 0 && !in_mention(k);
    };
    return plain(r - 1) && plain(r + 1) && plain(r + 2);
  }
  bool dead(uint32_t raw) const { return deleted_[raw - b_]; }
  void trace(std::string s) {
    if (opt_.trace) out_.trace.push_back(std::move(s));
  }
  std::string words(uint32_t ab, uint32_t ae) const {
    if (ab >= ae) return {};
    uint32_t a = toks_[raw(ab)].start, z = toks_[raw(ae - 1)].end;
    return std::string(text_.substr(a, z - a));
  }

  // ---- discards -----------------------------------------------------------
  bool discards() {
    for (uint32_t i = b_; i < e_; ++i) {
      uint32_t last;
      int64_t d = lex_.discard_trie.longest(toks_, i, e_, last);
      if (d < 0) continue;
      const auto& de = lex_.discards[static_cast<size_t>(d)];
      (de.story ? out_.story_discard : out_.sentence_discard) = true;
      out_.discard_origin_file = de.origin.file;
      out_.discard_origin_line = de.origin.line;
      trace(fmt::format("discard: '{}' ({} level)", de.phrase, de.story ? "story" : "sentence"));
      return true;
    }
    return false;
  }

  // A leading "CITY NAME: --" or "CITY (Agency) -" dateline is flagged and not coded; the
  // city may be followed by a comma and its region or country, capitalised ("RIYADH, Saudi
  // Arabia —", "SAN FRANCISCO, Calif. —").
  void dateline() {
    uint32_t caps = 0, region = 0;
    bool comma = false;
    for (uint32_t i = b_; i < e_ && i < b_ + (comma ? 10 : 8); ++i) {
      const auto& t = toks_[i];
      if (t.kind == TokKind::word) {
        bool all_upper = t.capitalised;  // first letter upper-case, and no ASCII lower-case after
        for (uint32_t k = t.start; k < t.end && all_upper; ++k) {
          char c = text_[k];
          if (c >= 'a' && c <= 'z') all_upper = false;
        }
        if (comma) {
          if (!t.capitalised || ++region > 3) return;
          continue;
        }
        if (!all_upper) return;
        ++caps;
        continue;
      }
      if (t.kind == TokKind::punct && caps > 0 && !comma && norm(i) == ",") {
        comma = true;
        continue;
      }
      if (comma && t.kind == TokKind::punct && norm(i) == "." && region > 0) continue;  // "Calif."
      // a dash of any length: "WASHINGTON —" and "SEOUL –" fold to "-"
      if (t.kind == TokKind::punct && caps > 0 && (!comma || region > 0) && (norm(i) == ":" || norm(i).starts_with("-"))) {
        // the country a region names is evidence of the article's home ("ERBIL, Iraq —"),
        // though the dateline codes nothing
        for (uint32_t k = b_; comma && k < i; ++k) {
          uint32_t last = 0;
          const int64_t a = lex_.actor_trie.longest(toks_, k, i, last);
          if (a < 0) continue;
          if (const auto* cs = lex_.actors[static_cast<size_t>(a)].resolve(date_))
            for (const auto& c : *cs)
              if (c.size() >= 3 && !c.starts_with("---")) out_.countries.push_back(c.substr(0, 3));
          k = last;
        }
        for (uint32_t k = b_; k <= i; ++k) deleted_[k - b_] = true;
        if (i + 1 < e_ && norm(i + 1).starts_with("--")) deleted_[i + 1 - b_] = true;
        out_.dateline = true;
        trace("dateline: leading all-caps place name skipped");
        return;
      }
      if (t.kind == TokKind::punct && norm(i) != "(" && norm(i) != ")") return;
    }
  }

 public:
  std::string_view text_;

 private:
  // ---- actors and agents --------------------------------------------------
  void mentions() {
    for (uint32_t i = b_; i < e_;) {
      if (is_punct(i) || dead(i)) { ++i; continue; }
      uint32_t la = 0, lg = 0;
      int64_t a = lex_.actor_trie.longest(toks_, i, e_, la);
      if (a >= 0 && !exact_case(lex_.actors[static_cast<size_t>(a)], i, la + 1)) a = -1;
      int64_t g = lex_.agent_trie.longest(toks_, i, e_, lg);
      if (a >= 0 && (g < 0 || la >= lg)) {
        ments_.push_back({i, la + 1, false, static_cast<uint32_t>(a)});
        i = la + 1;
      } else if (g >= 0) {
        ments_.push_back({i, lg + 1, true, static_cast<uint32_t>(g)});
        i = lg + 1;
      } else {
        ++i;
      }
    }
    if (opt_.dict.pair_any_code) return;
    // "Mrs. Merkel", "M. Loukachenko": a title right before a name belongs to its mention, so a
    // pattern's "*_+" reaches the name through it ("urged Mrs. Merkel to") (own dictionaries)
    for (size_t k = 0; k < ments_.size(); ++k)
      if (!ments_[k].agent) ments_[k].b = title_start(ments_[k].b, k ? ments_[k - 1].e : b_);
    // "Russian Gazprom", "le vénézuélien VTV": a country name right before an actor of that
    // country is its modifier; the mention is the organisation (own dictionaries)
    for (size_t k = 0; k + 1 < ments_.size(); ++k) {
      Mention& a = ments_[k];
      Mention& n = ments_[k + 1];
      if (a.agent || n.agent || a.e != n.b) continue;
      const auto* ca = actor_codes(a);
      const auto* cn = actor_codes(n);
      if (!ca || !cn || ca->empty() || cn->empty()) continue;
      const std::string& first = cn->front();
      bool modifier = first.size() > 3 && std::all_of(ca->begin(), ca->end(), [&](const std::string& c) {
        return c.size() == 3 && first.compare(0, 3, c) == 0;
      });
      if (!modifier) continue;
      n.b = a.b;
      ments_.erase(ments_.begin() + static_cast<std::ptrdiff_t>(k));
      --k;
    }
  }

  // Where a name starting at raw token `b` starts with its title: at the `honorific` word right
  // before it ("Mme", "Mr"), or before that word and its dot ("M.", "Mrs."); never before
  // `floor` (the end of the mention before); `b` itself when there is none.
  uint32_t title_start(uint32_t b, uint32_t floor) const {
    if (b >= floor + 2 && is_punct(b - 1) && norm(b - 1) == "." && has_class(b - 2, dict::kHonorific)) return b - 2;
    if (b >= floor + 1 && has_class(b - 1, dict::kHonorific)) return b - 1;
    return b;
  }

  // For "$!" and "+!": every code is a country alone (RUS) or a country's armed forces or
  // armed groups (RUSMIL, SYRREB): "Russia attacked Ukraine" is military, while "Trump
  // attacked Biden" (USAGOV, USAELI) is not.
  static bool armed(const Group& g) {
    if (g.codes.empty()) return false;
    for (const auto& c : g.codes) {
      if (c.size() < 3 || c.starts_with("---") || c.starts_with("IGO") || c.starts_with("NGO") || c.starts_with(kNameActor))
        return false;
      if (c.size() == 3) continue;
      std::string_view role = std::string_view(c).substr(3, 3);
      if (role != "MIL" && role != "REB" && role != "INS" && role != "UAF" && role != "SEP") return false;
    }
    return true;
  }

  // An entry written with '=' ("=US") matches only tokens capitalised exactly as written,
  // and never in a sentence set in capitals ("LA DIRIGENCIA DEL PAN..."), where case says
  // nothing about which words are acronyms.
  bool exact_case(const dict::ActorEntry& a, uint32_t b, uint32_t e) const {
    if (a.exact_forms.empty()) return true;
    if (shouting()) return false;
    for (const auto& form : a.exact_forms) {
      if (form.size() != e - b) continue;
      bool same = true;
      for (uint32_t k = 0; same && k < form.size(); ++k)
        same = text_.substr(toks_[b + k].start, toks_[b + k].end - toks_[b + k].start) == form[k];
      if (same) return true;
    }
    return false;
  }

  // Most of the sentence's longer words (four letters or more) have no lower-case letter:
  // a headline or a banner in capitals. Computed once per sentence.
  bool shouting() const {
    if (shouting_ < 0) {
      uint32_t longer = 0, caps = 0;
      for (uint32_t i = b_; i < e_; ++i) {
        const auto& t = toks_[i];
        if (t.kind != TokKind::word) continue;
        auto [letters, lower] = letter_case(i);
        if (letters < 4) continue;
        ++longer;
        if (!lower) ++caps;
      }
      shouting_ = longer >= 3 && caps * 5 >= longer * 3 ? 1 : 0;
    }
    return shouting_ == 1;
  }
  mutable int8_t shouting_ = -1;

  const std::vector<std::string>* actor_codes(const Mention& m) const {
    static const std::vector<std::string> name{kNameActor};
    return m.name ? &name : lex_.actors[m.entry].resolve(date_);
  }

  // Names the dictionaries do not hold: two or more capitalised words in a row that no
  // dictionary, word class, verb or date knows and the lexicon has no reading for
  // ("Marlène Schiappa", "Javid Faisal"), in a sentence that is neither in capitals nor in
  // title case. Own dictionaries only; the engine gives them the article's home country.
  void names() {
    if (opt_.dict.pair_any_code || !lex_.names_from_capitals) return;
    std::vector<Mention> found;
    size_t m = 0;
    for (uint32_t i = b_; i < e_;) {
      while (m < ments_.size() && ments_[m].e <= i) ++m;
      auto plain_name = [&](uint32_t k) {
        const auto& t = toks_[k];
        if (t.kind != TokKind::word || !t.capitalised || dead(k) || word_class(k) || is_trigger(k)) return false;
        if (m < ments_.size() && k >= ments_[m].b) return false;
        if (t.form && lex_.reading(t.form)) return false;
        const auto& d = lex_.dates;
        for (WordId w : {t.form, t.lemma})
          if (w && (d.weekdays.count(w) || d.months.count(w))) return false;
        // a one-word relative day opening the sentence: "Ayer Sánchez criticó", "Hier, Dupontel"
        for (const auto& [ph, days] : d.relative)
          if (ph.size() == 1 && t.form && ph[0].word == t.form) return false;
        return norm(k).size() > 1;
      };
      uint32_t j = i;
      while (j < e_ && plain_name(j)) {
        ++j;
        // "Maël de Calan", "Charles de Gaulle": a particle between two words of the name
        if (j + 1 < e_ && (word_class(j) & dict::kNameParticle) && !toks_[j].capitalised && plain_name(j + 1)) ++j;
      }
      // a name after a link preposition is a complement ("la mort de George Floyd", "le port
      // de Calais"), and one in capitals is a glued headline or an acronym, not a person
      const bool complement = i > b_ && (word_class(i - 1) & dict::kLinkPrep);
      bool capitals = false;
      for (uint32_t k = i; k < j && !capitals; ++k) capitals = all_capitals(k);
      // and words the language knows, all of them, name an institution or a place
      // ("Escuela Nacional", "Palais Bourbon"), not a person: one word at least is no word
      bool unknown = false;
      for (uint32_t k = i; k < j && !unknown; ++k)
        unknown = !(word_class(k) & dict::kNameParticle) && !lex_.known_word(toks_[k].form, norm(k));
      // after a title ("Mme Obono", "M. Blanc") one word is a name, known or not, and the
      // title is part of it
      const uint32_t title = title_start(i, m == 0 ? b_ : ments_[m - 1].e);
      if (title < i && j > i && !capitals) found.push_back({title, j, false, 0, true});
      else if (j - i >= 2 && !complement && !capitals && unknown) found.push_back({i, j, false, 0, true});
      i = j > i ? j : i + 1;
    }
    // (the sentence-wide tests only once a name is found: they read every word)
    if (found.empty() || shouting() || title_case()) return;
    ments_.insert(ments_.end(), found.begin(), found.end());
    std::sort(ments_.begin(), ments_.end(), [](const Mention& a, const Mention& b) { return a.b < b.b; });
  }
  // The word has two letters or more and no lower-case letter ("ÊTRE", "FN").
  bool all_capitals(uint32_t k) const {
    auto [letters, lower] = letter_case(k);
    return letters >= 2 && !lower;
  }
  // How many letters the token has, and whether one of them is lower case.
  std::pair<uint32_t, bool> letter_case(uint32_t k) const {
    std::string_view w = text_.substr(toks_[k].start, toks_[k].end - toks_[k].start);
    uint32_t letters = 0;
    bool lower = false;
    for (size_t q = 0; q < w.size();) {
      char32_t c = text::next_code_point(w, q);
      if (!u_isalpha(static_cast<UChar32>(c))) continue;
      ++letters;
      if (u_islower(static_cast<UChar32>(c))) lower = true;
    }
    return {letters, lower};
  }
  // Most of the sentence's known words (a verb, a word of a class, a word the lexicon reads),
  // past the first, start with a capital: a headline in title case ("Should the U.S. Cut Back
  // Israel Support?").
  bool title_case() const {
    uint32_t known = 0, caps = 0;
    for (uint32_t i = b_ + 1; i < e_; ++i) {
      const auto& t = toks_[i];
      if (t.kind != TokKind::word) continue;
      if (!word_class(i) && !is_trigger(i) && !(t.form && lex_.reading(t.form))) continue;
      ++known;
      if (t.capitalised) ++caps;
    }
    return known >= 3 && caps * 2 > known;
  }
  const dict::AgentEntry& agent(const Mention& m) const { return lex_.agents[m.entry]; }
  // The role an agent adds: its code, or ELI when a `former` word stands in its noun phrase
  // before it (raw tokens [from, agent)): CAMEO codes former office holders as elites
  // ("Arnor former security officials" ARNELI; "former Gondor prosecutors" GONELI), as
  // TABARI's FORMER conversion did.
  std::string role(const Mention& m, uint32_t from) const {
    for (uint32_t k = from; k < m.b; ++k)
      if (word_class(k) & dict::kFormer) return "ELI";
    return agent(m).code;
  }

  static std::string add_suffix(const std::string& base, const std::string& suf) {
    // Do not repeat role chunks the code already has ("USAGOV" + "GOV").
    if (base.size() >= 3) {
      std::string roles = base.substr(3);
      if (roles.find(suf) != std::string::npos && (roles.find(suf) % 3) == 0) return base;
    }
    return base + suf;
  }

  // The folded words of raw tokens [b, e): compares two actor mentions.
  std::string fold_span(uint32_t b, uint32_t e) const {
    std::string out;
    for (uint32_t r = b; r < e; ++r) {
      if (!out.empty()) out.push_back(' ');
      out += norm(r);
    }
    return out;
  }

  // An agent's role joined to an actor's code. In dyad's own dictionaries an actor that already
  // has a political role keeps it: "présidente du Rassemblement national" is FRAOPP, not
  // FRAOPPGOV; "Labour leader" is GBRPTY.
  std::string with_role(const std::string& base, const std::string& suf) const {
    if (!opt_.dict.pair_any_code && base.size() >= 6 && !base.starts_with("---")) {
      static const char* political[] = {"GOV", "OPP", "PTY", "ELI", "LEG"};
      for (auto r : political)
        if (suf.starts_with(r)) return base;
    }
    return add_suffix(base, suf);
  }

  // Tokens strictly between raw a and b are all "filler" allowed by `ok`.
  bool between(uint32_t a, uint32_t b, uint32_t max, const std::function<bool(uint32_t)>& ok) const {
    if (b < a) return false;
    if (b - a > max) return false;
    for (uint32_t k = a; k < b; ++k)
      if (!ok(k)) return false;
    return true;
  }
  // Words that may stand inside a noun phrase: adjectives and other unclassed
  // words, determiners, possessives, and "and" between adjectives.
  bool filler(uint32_t k) const {
    if (is_punct(k) || is_trigger(k)) return false;
    // "Trump told reporters": a word read only as a verb is no part of a noun phrase (own dictionaries)
    if (!opt_.dict.pair_any_code && lex_.verb_form(norm(k))) return false;
    uint32_t c = cls(k);
    if (c & dict::kLinkPrep) return false;
    return c == 0 || (c & (dict::kDeterminer | dict::kPossessive | dict::kConjunction));
  }

  // Inside "ACTOR ... AGENT": adjectives, determiners, possessives, and "and"
  // only between two adjectives ("awful and evil minister"). An article starts a noun phrase of
  // its own: "Trudeau risked undermining the president", "a déploré sur RFI le dirigeant
  // syndical" are two actors, not one (own dictionaries; PETRARCH's read as before)
  bool np_word(uint32_t k) const {
    uint32_t c = cls(k);
    if (c & dict::kConjunction)
      return k > b_ && k + 1 < e_ && cls(k - 1) == 0 && cls(k + 1) == 0 && !is_punct(k - 1) && !is_punct(k + 1);
    if (!opt_.dict.pair_any_code && (c & dict::kDeterminer) && !(c & dict::kPossessive)) return false;
    return filler(k);
  }

  void units() {
    size_t M = ments_.size();
    size_t m = 0;
    while (m < M) {
      // prefix agents ([NGO~]) right before an actor
      std::vector<std::string> prefixes;
      size_t m0 = m;
      while (m < M && ments_[m].agent && agent(ments_[m]).prefix && m + 1 < M && !ments_[m + 1].agent &&
             between(ments_[m].e, ments_[m + 1].b, 1, [&](uint32_t k) { return cls(k) & dict::kDeterminer; })) {
        prefixes.push_back(agent(ments_[m]).code);
        ++m;
      }
      if (m < M && !ments_[m].agent) {
        const Mention& am = ments_[m];
        auto* codes = actor_codes(am);
        uint32_t ub = ments_[m0].b, ue = am.e;
        ++m;
        std::vector<std::string> suffixes;
        std::vector<std::string> alt_suffixes;  // "media and government": the last agent distributes
        while (m < M && ments_[m].agent && !agent(ments_[m]).prefix &&
               between(ue, ments_[m].b, 4, [&](uint32_t k) {
                 // "and" right after the actor starts another noun phrase ("Loukachenko et 29
                 // personnes"), unlike "and" between two of its adjectives
                 return np_word(k) && !(k == ue && (cls(k) & dict::kConjunction));
               })) {
          suffixes.push_back(role(ments_[m], ub > b_ ? ub - 1 : ub));
          ue = ments_[m].e;
          ++m;
          // AGENT and AGENT
          if (m < M && ments_[m].agent && !agent(ments_[m]).prefix && ments_[m].b == ue + 1 &&
              (cls(ue) & dict::kConjunction)) {
            alt_suffixes.push_back(role(ments_[m], ub > b_ ? ub - 1 : ub));
            ue = ments_[m].e;
            ++m;
          }
        }
        // a person named right after the title ("Prime Minister Romendacil",
        // "minister Calimehtar"), or right after the country when coded with it
        if (m < M && !ments_[m].agent && ments_[m].b == ue && codes && !codes->empty()) {
          auto* c2 = actor_codes(ments_[m]);
          // ... but a place before a name is where ("a reçu à l'Élysée Nicolas Sarkozy"): the
          // actor right after a place preposition (past determiners) is not the name's country
          bool place = false;
          if (!opt_.dict.pair_any_code && suffixes.empty())
            for (uint32_t k = am.b; k-- > b_ && k + 3 > am.b;) {
              if (word_class(k) & dict::kPlacePrep) { place = true; break; }
              if (!(word_class(k) & dict::kDeterminer)) break;
            }
          if (c2 && c2->size() == 1 && !place &&
              (!suffixes.empty() || (*c2)[0].substr(0, 3) == (*codes)[0].substr(0, 3))) {
            ue = ments_[m].e;
            ++m;
          }
        }
        Unit u{ub, ue, {}};
        if (codes) {
          for (const auto& base : *codes) {
            std::string pre;
            for (auto& p : prefixes) pre += p;
            std::string c = pre + base;
            std::string c_alt = c;
            for (size_t s = 0; s < suffixes.size(); ++s) c = with_role(c, suffixes[s]);
            u.codes.push_back(c);
            if (!alt_suffixes.empty()) {
              for (size_t s = 0; s + 1 < suffixes.size(); ++s) c_alt = with_role(c_alt, suffixes[s]);
              for (auto& a : alt_suffixes) u.codes.push_back(with_role(c_alt, a));
            }
          }
        }
        if (!u.codes.empty()) units_.push_back(std::move(u));
        continue;
      }
      m = m0;
      if (m < M && ments_[m].agent) {
        // AGENT [and AGENT] (of|in|from) ACTOR [, ACTOR] [and ACTOR]
        std::vector<std::string> ags{role(ments_[m], ments_[m].b > b_ ? ments_[m].b - 1 : ments_[m].b)};
        uint32_t ub = ments_[m].b, ue = ments_[m].e;
        size_t k = m + 1;
        while (k < M && ments_[k].agent && ments_[k].b == ue + 1 && (cls(ue) & dict::kConjunction)) {
          ags.push_back(role(ments_[k], ments_[k].b - 1));
          ue = ments_[k].e;
          ++k;
        }
        bool linked = false;
        // AGENT ACTOR with nothing between: a post-modifying adjective or a name
        // ("le président vénézuélien", "ministre russe") — or a title and a
        // person ("President Umbardacil" when the name is known)
        // A plural agent and a country's name are two noun phrases, not one ("told reporters
        // Israel violated the truce"): only an adjective, lower-case where a language puts it
        // after the noun ("soldats russes"), or a person's name after a title qualifies an
        // agent (own dictionaries)
        auto two_phrases = [&](const Mention& a, const Mention& n, const std::vector<std::string>& codes) {
          if (opt_.dict.pair_any_code) return false;
          const uint32_t last = a.e - 1;
          const bool plural = toks_[last].lemma != toks_[last].form && has_pos(last, "NOUN");
          return plural && toks_[n.b].capitalised && !is_adjective(n.b) &&
                 std::all_of(codes.begin(), codes.end(), [](const std::string& x) {
                   return x.size() == 3 && !x.starts_with(kNameActor);  // "les juges Claire Thépaut"
                 });
        };
        if (k < M && !ments_[k].agent && ments_[k].b == ue) {
          auto* c = actor_codes(ments_[k]);
          if (c && !c->empty() && !two_phrases(ments_[k - 1], ments_[k], *c)) {
            Unit u{ub, ments_[k].e, {}};
            for (auto& a : *c)
              for (auto& g : ags) u.codes.push_back(with_role(a, g));
            uint32_t end = ments_[k].e;
            size_t j = k + 1;
            // and a person named right after ("le Premier ministre russe Dimitri Medvedev")
            if (j < M && !ments_[j].agent && ments_[j].b == end) {
              u.e = ments_[j].e;
              ++j;
            }
            units_.push_back(std::move(u));
            m = j;
            continue;
          }
        }
        if (k < M && !ments_[k].agent && ue < e_ && (cls(ue) & dict::kLinkPrep) &&
            between(ue + 1, ments_[k].b, 1, [&](uint32_t t) { return cls(t) & dict::kDeterminer; })) {
          std::vector<std::string> actors;
          size_t j = k;
          uint32_t end = ue;
          // after the first member and after each member joined by a conjunction: where a list
          // may end. "presidente de México, Enrique Peña Nieto," is an apposition, not a list.
          struct Stop { size_t n_actors, j; uint32_t end; };
          std::vector<Stop> stops;
          bool joined_by_conj = true;
          for (;;) {
            auto* c = actor_codes(ments_[j]);
            if (c)
              for (auto& x : *c) actors.push_back(x);
            end = ments_[j].e;
            ++j;
            if (joined_by_conj) stops.push_back({actors.size(), j, end});
            if (j < M && !ments_[j].agent &&
                between(end, ments_[j].b, 3, [&](uint32_t t) {
                  return is_comma(t) || (cls(t) & (dict::kConjunction | dict::kDeterminer));
                }) && ments_[j].b > end) {
              joined_by_conj = false;
              for (uint32_t t = end; t < ments_[j].b; ++t)
                if (cls(t) & dict::kConjunction) joined_by_conj = true;
              continue;
            }
            break;
          }
          if (opt_.dict.clause_members && !stops.empty() && stops.back().j != j) {
            actors.resize(stops.back().n_actors);
            j = stops.back().j;
            end = stops.back().end;
          }
          // PETRARCH makes "AGENT of ACTOR" one noun phrase only when no further prepositional
          // phrase hangs on the actor: "the parliament of Gondor in Eriador" stays two phrases
          if (opt_.dict.single_prep_level && end < e_ && (cls(end) & dict::kLinkPrep)) {
            uint32_t q = end + 1;
            while (q < e_ && (cls(q) & dict::kDeterminer)) ++q;
            if (q < e_ && !is_punct(q) && !is_trigger(q)) actors.clear();
          }
          // own dictionaries: the agent of a name the dictionaries hold as no actor ("los
          // expresidentes de América Latina", "les dirigeants de l'Occident") is no actor either:
          // not one of the article's home country
          if (!opt_.dict.pair_any_code && j == k + 1 &&
              std::all_of(actors.begin(), actors.end(), [](const std::string& x) { return x.empty() || x == "---"; })) {
            m = j;
            linked = true;
            continue;
          }
          if (!actors.empty()) {
            Unit u{ub, end, {}};
            for (auto& a : actors)
              for (auto& g : ags) {
                const auto& ae = agent(ments_[m]);
                (void)ae;
                u.codes.push_back(with_role(a, g));
              }
            units_.push_back(std::move(u));
            m = j;
            linked = true;
          }
        }
        if (!linked) {
          Unit u{ub, ue, {}};
          // "its troops", "ses conseillers": the agent belongs to the latest actor named before
          std::string owner = ub > b_ && (cls(ub - 1) & dict::kPossDet) ? possessor() : std::string();
          for (auto& g : ags) u.codes.push_back(owner.empty() ? "---" + g : with_role(owner, g));
          units_.push_back(std::move(u));
          m = k;
        }
        continue;
      }
      ++m;
    }
    if (opt_.trace)
      for (auto& u : units_) {
        std::string cs;
        for (auto& c : u.codes) cs += (cs.empty() ? "" : "/") + c;
        trace(fmt::format("actor: '{}' -> {}", std::string(text_.substr(toks_[u.b].start, toks_[u.e - 1].end - toks_[u.b].start)), cs));
      }
  }

  // ---- "the two countries" ------------------------------------------------
  bool is_pair(int32_t g) const {
    if (g < 0) return false;
    const auto& gr = groups_[static_cast<size_t>(g)];
    return std::any_of(pair_spans_.begin(), pair_spans_.end(),
                       [&](const auto& sp) { return gr.b <= sp.first && sp.second <= gr.e; });
  }
  // A `pair` cue phrase ("the two countries", "les deux pays") is a compound actor of the last
  // two countries named: in this sentence before it, else in the sentences before. The
  // countries a later sentence may need are kept in out_.last_actor.countries.
  static bool state_code(const std::string& c) {
    return c.size() >= 3 && !c.starts_with("---") && !c.starts_with(kHomeActor) &&
           names_country(std::string_view(c).substr(0, 3));
  }
  // (after activate(): the cue phrases found once for the whole sentence serve here too)
  void pairs() {
    std::vector<Unit> add;
    for (const auto& h : cue_hits()) {
      if (lex_.cues[static_cast<size_t>(h.k)].cue != dict::Cue::pair) continue;
      const uint32_t i = raw(h.p), last = h.last;
      std::vector<std::string> two;  // most recent first
      uint32_t one_end = 0;          // where the (last) unit of the first country found ends
      for (size_t u = units_.size(); u-- > 0 && two.size() < 2;) {
        if (units_[u].e > i) continue;
        for (auto it = units_[u].codes.rbegin(); it != units_[u].codes.rend() && two.size() < 2; ++it)
          if (state_code(*it) && std::find(two.begin(), two.end(), it->substr(0, 3)) == two.end()) {
            if (two.empty()) one_end = units_[u].e;
            two.push_back(it->substr(0, 3));
          }
      }
      // "China urged the two countries to salvage the summit": a single country of this sentence
      // that acts on the pair (a verb between them) is not one of the two
      if (two.size() == 1)
        for (uint32_t k = one_end; k < i; ++k)
          if (is_trigger(k)) {
            two.clear();
            break;
          }
      if (previous_)
        for (const auto& c : previous_->countries)
          if (two.size() < 2 && std::find(two.begin(), two.end(), c) == two.end()) two.push_back(c);
      if (two.size() == 2) {
        trace(fmt::format("actor: '{}' stands for {} and {}", std::string(text_.substr(toks_[i].start, toks_[last].end - toks_[i].start)), two[1], two[0]));
        add.push_back(Unit{i, last + 1, {two[1], two[0]}});
        pair_spans_.push_back({i, last + 1});
      }
    }
    if (add.empty()) return;
    for (auto& u : add) units_.push_back(std::move(u));
    std::stable_sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.b < b.b; });
  }

  // ---- comma clauses ------------------------------------------------------
  bool unit_only_piece(uint32_t a, uint32_t b) const {
    // a list item: determiners/adjectives around exactly one actor unit
    bool has = false;
    for (auto& u : units_) {
      if (u.b >= a && u.e <= b) {
        has = true;
        for (uint32_t k = a; k < u.b; ++k)
          if (!filler(k)) return false;
        for (uint32_t k = u.e; k < b; ++k)
          if (!filler(k)) return false;
      }
    }
    return has;
  }

  // Raw tokens [a, b) are a date or time phrase: weekdays, months, relative day words,
  // numbers, determiners and function words ("on Monday"), with at least one of the first three.
  bool time_piece(uint32_t a, uint32_t b) const {
    bool any = false;
    for (uint32_t k = a; k < b; ++k) {
      if (dead(k)) return false;
      if (time_word(k)) { any = true; continue; }
      if (toks_[k].kind == text::TokKind::number || (cls(k) & (dict::kDeterminer | dict::kFunction))) continue;
      return false;
    }
    return any;
  }

  void comma_clauses() {
    const auto& o = opt_.dict;
    std::vector<uint32_t> commas;
    for (uint32_t i = b_; i < e_; ++i)
      if (is_comma(i) && !dead(i) && !np_comma(i)) commas.push_back(i);
    if (commas.empty()) return;
    auto words = [&](uint32_t a, uint32_t b) {
      int n = 0;
      for (uint32_t k = a; k < b; ++k)
        if (!is_punct(k) && !dead(k)) ++n;
      return n;
    };
    auto drop = [&](uint32_t a, uint32_t b) {
      for (uint32_t k = a; k < b; ++k) deleted_[k - b_] = true;
      if (opt_.trace) trace(fmt::format("comma clause dropped: tokens {}..{}", a - b_, b - b_));
    };
    // beginning: sentence start .. first comma
    {
      int n = words(b_, commas.front());
      if (o.comma_bmax > 0 && n >= o.comma_bmin && n <= o.comma_bmax && !unit_only_piece(b_, commas.front()))
        drop(b_, commas.front() + 1);
    }
    for (size_t c = 0; c + 1 < commas.size(); ++c) {
      int n = words(commas[c] + 1, commas[c + 1]);
      if (o.comma_max > 0 && n >= o.comma_min && n <= o.comma_max && !unit_only_piece(commas[c] + 1, commas[c + 1]))
        drop(commas[c], commas[c + 1]);
      // own dictionaries: a date set off by commas is transparent; after a verb with both its
      // commas ("a reçu, vendredi 17 mars, Angela Merkel"), elsewhere the second stays a
      // boundary ("In response, in August, the US and Turkey agreed")
      else if (!o.pair_any_code && time_piece(commas[c] + 1, commas[c + 1]))
        drop(commas[c], commas[c + 1] + (commas[c] > b_ && is_trigger(commas[c] - 1) ? 1 : 0));
    }
    {
      uint32_t last = commas.back();
      uint32_t end = e_;
      while (end > last + 1 && is_punct(end - 1)) --end;
      int n = words(last + 1, end);
      if (o.comma_emax > 0 && n >= o.comma_emin && n <= o.comma_emax && !unit_only_piece(last + 1, end))
        drop(last, e_);
    }
    for (auto& u : units_)
      for (uint32_t k = u.b; k < u.e; ++k)
        if (dead(k)) u.dead = true;
  }

  // ---- active positions ---------------------------------------------------
  void activate() {
    pos_.assign(e_ - b_, kNone);
    for (uint32_t i = b_; i < e_; ++i)
      if (!dead(i)) {
        pos_[i - b_] = static_cast<int32_t>(A_.size());
        A_.push_back(i);
      }
  }
  uint32_t raw(uint32_t a) const { return A_[a]; }

  // ---- titles -------------------------------------------------------------
  // The words of unit `u` that name it: no determiner, function word, link, honorific or
  // punctuation ("the secretary of state" -> secretary, state). Lemma ids.
  std::string titled_of(uint32_t b, uint32_t e) const {
    for (const auto& u : units_)
      if (u.b == b && u.e == e) return u.titled;
    return {};
  }
  std::vector<uint32_t> title_words(const Unit& u) const {
    std::vector<uint32_t> w;
    for (uint32_t r = u.b; r < u.e; ++r) {
      if (is_punct(r) || (cls(r) & (dict::kDeterminer | dict::kFunction | dict::kPossDet | dict::kLinkPrep |
                                    dict::kConjunction | dict::kHonorific)))
        continue;
      w.push_back(toks_[r].lemma ? toks_[r].lemma : toks_[r].form);
    }
    return w;
  }
  // "President Obama ... the president", "Iran's foreign ministry ... the foreign ministry": a
  // government office with no country (an agent coded ---GOV, its last word singular) whose
  // every word was in the mention of an actor named earlier in the article, with a country
  // and that role, may stand for that actor: the one so named most often (the latest of a
  // tie). The engine gives it that code when the article has no home country (Unit::titled,
  // CodedActor::titled). Own dictionaries only. The mentions this sentence names with a
  // title and a country are kept for later sentences (out_.last_actor.titled).
  void titles() {
    if (opt_.dict.pair_any_code || !opt_.dict.resolve_pronouns) return;
    auto titled = [](const std::string& c) {
      return c.size() > 3 && !c.starts_with("---") && !c.starts_with('~') && !c.starts_with('"') &&
             names_country(std::string_view(c).substr(0, 3));
    };
    std::vector<Antecedent::Titled> here;
    for (auto& u : units_) {
      if (u.dead || u.codes.empty()) continue;
      const auto words = title_words(u);
      // a singular office of government only: "the police", "the rebels", "officials" are
      // many people, mostly other than the ones named before
      const bool office = u.codes.size() == 1 && u.codes.front() == "---GOV" && u.e > u.b &&
                          toks_[u.e - 1].lemma == toks_[u.e - 1].form;
      if (office && !words.empty() && words.size() <= 4) {
        // code -> (times named, order of its latest mention): the most named, the latest of a tie
        std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> seen;
        uint32_t order = 0;
        auto match = [&](const Antecedent::Titled& t) {
          ++order;
          for (auto w : words)
            if (std::find(t.words.begin(), t.words.end(), w) == t.words.end()) return;
          for (const auto& c : t.codes)
            if (c.compare(3, std::string::npos, "GOV") == 0) {
              auto& [n, last] = seen[c];
              ++n, last = order;
            }
        };
        if (previous_)
          for (const auto& t : previous_->titled) match(t);
        for (const auto& t : here) match(t);
        std::pair<uint32_t, uint32_t> best{0, 0};
        for (const auto& [c, nl] : seen)
          if (nl > best) best = nl, u.titled = c;
        if (!u.titled.empty())
          trace(fmt::format("title: '{}' may stand for {}",
                            std::string(text_.substr(toks_[u.b].start, toks_[u.e - 1].end - toks_[u.b].start)), u.titled));
        continue;
      }
      if (words.size() >= 2 && std::any_of(u.codes.begin(), u.codes.end(), titled)) {
        Antecedent::Titled t{words, {}};
        for (const auto& c : u.codes)
          if (titled(c)) t.codes.push_back(c);
        here.push_back(std::move(t));
      }
    }
    out_.last_actor.titled = std::move(here);
  }

  // ---- compounds ----------------------------------------------------------
  void groups() {
    std::vector<const Unit*> live;
    for (auto& u : units_)
      if (!u.dead) live.push_back(&u);
    group_start_.assign(A_.size(), kNone);
    group_end_.assign(A_.size(), kNone);
    for (size_t i = 0; i < live.size();) {
      Group g{static_cast<uint32_t>(pos_[live[i]->b - b_]), static_cast<uint32_t>(pos_[live[i]->e - 1 - b_]) + 1,
              live[i]->codes, live[i]->b, live[i]->e};
      size_t j = i + 1;
      const Group first = g;
      Group last_conj = g;
      size_t last_conj_j = 0;
      bool bare_conj = false;
      while (j < live.size()) {
        uint32_t a = g.ae, z = static_cast<uint32_t>(pos_[live[j]->b - b_]);
        bool sep = false, conj = false;
        int fill = 0, commas = 0;
        bool ok = z >= a;
        for (uint32_t p = a; ok && p < z; ++p) {
          uint32_t r = raw(p);
          if (is_comma(r)) { sep = true; ++commas; continue; }
          if (cls(r) & dict::kConjunction) { sep = conj = true; continue; }
          if (filler(r) || (cls(r) & dict::kLinkPrep)) { ++fill; continue; }
          ok = false;
        }
        if (!ok || !sep || fill > 4 || commas > 1) break;
        // "A and B, and C and D": a pair joined by a bare conjunction is complete; a comma after
        // it starts another compound
        if (commas > 0 && bare_conj) break;
        if (conj && opt_.dict.clause_members && verb_follows(*live[j]) && verb_before(g.ab)) break;
        if (conj && commas == 0) bare_conj = true;
        g.ae = static_cast<uint32_t>(pos_[live[j]->e - 1 - b_]) + 1;
        g.e = live[j]->e;
        for (auto& c : live[j]->codes) g.codes.push_back(c);
        ++j;
        if (conj) {
          last_conj_j = j;
          last_conj = g;
        }
      }
      // "A, B and C" is a list; "A, B" alone is an apposition or a new clause: keep A only.
      if (j > i + 1 && last_conj_j != j) {
        if (last_conj_j > i) {
          g = last_conj;
          j = last_conj_j;
        } else {
          g = first;
          j = i + 1;
        }
      }
      groups_.push_back(g);
      group_start_[g.ab] = static_cast<int32_t>(groups_.size() - 1);
      group_end_[g.ae - 1] = static_cast<int32_t>(groups_.size() - 1);
      i = j;
    }
  }

  // A verb right after the unit (or after one more plain word: "Moscow quickly deployed").
  bool verb_follows(const Unit& u) const {
    int32_t p = pos_[u.e - 1 - b_];
    if (p == kNone) return false;
    for (uint32_t q = static_cast<uint32_t>(p) + 1; q < A_.size() && q <= static_cast<uint32_t>(p) + 2; ++q) {
      uint32_t r = raw(q);
      if (is_punct(r) || in_mention(r)) return false;
      if (is_trigger(r)) return true;
      if (cls(r)) return false;
    }
    return false;
  }
  // A verb stands before active position p in its clause (back to punctuation or a clause-start word).
  bool verb_before(uint32_t p) const {
    for (uint32_t q = p; q-- > 0;) {
      uint32_t r = raw(q);
      if (is_punct(r) || (cls(r) & dict::kClauseStart)) return false;
      if (is_trigger(r) && !in_mention(r)) return true;
    }
    return false;
  }

  // ---- clauses ------------------------------------------------------------
  void clauses() {
    clause_.assign(A_.size(), 0);
    uint32_t c = 0;
    clause_start_.push_back(0);
    clause_sub_.push_back(false);
    for (uint32_t p = 0; p < A_.size(); ++p) {
      uint32_t r = raw(p);
      bool boundary = false;
      if (is_punct(r)) {
        auto n = norm(r);
        if (n == "," || n == ";" || n == ":" || n == "(" || n == ")") boundary = true;
        // a comma inside a compound is not a boundary
        if (n == "," && (inside_group(p) || np_comma(r))) boundary = false;
        // "« Macron ment aux Français » a accusé X": a quotation that opens the sentence ends
        // its clause where it closes, comma or not (own dictionaries)
        if (!opt_.dict.pair_any_code && r + 1 < e_ && !is_punct(r + 1) && incise_close(r)) boundary = true;
      } else if ((cls(r) & dict::kConjunction) && !inside_group(p)) {
        for (uint32_t q = p + 1; q < A_.size() && q <= p + 2; ++q)
          if (is_trigger(raw(q))) { boundary = true; break; }
        // an actor right before "and" with no verb before it is the first of a compound subject
        // ("Russia and China veto"); after a verb it is an object and a new clause may follow
        if (!boundary && !opt_.dict.pair_any_code && (p == 0 || group_end_[p - 1] == kNone || verb_before_object(p)))
          boundary = subject_verb_after(p + 1);
      } else if (cls(r) & dict::kClauseStart) {
        boundary = true;
      }
      if (boundary && p > 0) {
        ++c;
        clause_start_.push_back(p);
        clause_sub_.push_back(!is_punct(r) && (cls(r) & dict::kClauseStart));
      }
      clause_[p] = c;
    }
  }
  // Own dictionaries: an actor (after determiners) and then, within three words of its end and
  // no punctuation, determiner or preposition between, a verb open a new clause at active
  // position `p` ("a condamné l'Iran et la Russie a critiqué Washington", "and the Russian
  // government has criticized"): the verb has its own subject.
  bool subject_verb_after(uint32_t p) const {
    uint32_t q = p;
    while (q < A_.size() && !is_punct(raw(q)) && (cls(raw(q)) & dict::kDeterminer) && group_start_[q] == kNone) ++q;
    if (q >= A_.size() || group_start_[q] == kNone) return false;
    const uint32_t ge = groups_[static_cast<size_t>(group_start_[q])].ae;
    for (uint32_t v = ge; v < A_.size() && v < ge + 3; ++v) {
      const uint32_t r = raw(v);
      const uint32_t c = cls(r);
      if (is_punct(r) || (c & dict::kDeterminer) || group_start_[v] != kNone) return false;
      if (is_trigger(r) && !in_mention(r)) return true;
      // a preposition: the actor is an object ("l'armée à défendre", "sa présidente pour faire")
      if ((c & (dict::kFunction | dict::kLinkPrep)) && !(c & (dict::kAuxiliary | dict::kPassiveAux))) return false;
    }
    return false;
  }
  // A verb, not a noun ("Iran's allies Hezbollah and"), stands before active position p in its
  // clause (back to punctuation, a clause-start word or a subordinator).
  bool verb_before_object(uint32_t p) const {
    for (uint32_t q = p; q-- > 0;) {
      const uint32_t r = raw(q);
      if (is_punct(r) || (cls(r) & (dict::kClauseStart | dict::kSubordinator))) return false;
      if (is_trigger(r) && !in_mention(r) && !nominal(q)) return true;
    }
    return false;
  }
  bool inside_group(uint32_t p) const {
    for (auto& g : groups_)
      if (p > g.ab && p < g.ae) return true;
    return false;
  }

  // ---- verbs --------------------------------------------------------------
  void candidates() {
    for (uint32_t r = b_; r < e_; ++r) {
      if (toks_[r].form) sent_mask_.add(toks_[r].form);
      if (toks_[r].lemma) sent_mask_.add(toks_[r].lemma);
      // an incise's left-out comma (see match_side) lets patterns that write it be tried
      if (!opt_.dict.pair_any_code && comma_id_ != kNoWord && written_close(r) && r + 1 < e_ && !is_punct(r + 1))
        sent_mask_.add(comma_id_);
    }
    for (uint32_t p = 0; p < A_.size(); ++p) {
      uint32_t r = raw(p);
      if (is_punct(r)) continue;
      // a word of an actor's name ("Service fédéral de coopération militaro-technique") is no verb
      if (!opt_.dict.pair_any_code && in_mention(r)) continue;
      // a capitalised month name is a date ("in early March"), not the verb or noun "march"
      if (!opt_.dict.pair_any_code && toks_[r].capitalised && r > b_ &&
          (lex_.dates.months.count(toks_[r].form) || lex_.dates.weekdays.count(toks_[r].form)))
        continue;
      for (int alt = 0; alt < 2; ++alt) {
        WordId w = alt == 0 ? toks_[r].form : toks_[r].lemma;
        if (!w || (alt == 1 && w == toks_[r].form)) continue;
        auto it = lex_.triggers_by_verb.find(w);
        if (it == lex_.triggers_by_verb.end()) continue;
        for (uint32_t ti : it->second) {
          Candidate c;
          if (!fits(ti, p, c)) continue;
          c.nominal = nominal(c.ab);
          cands_.push_back(c);
        }
      }
    }
    // keep, per verb position, the candidates of the longest trigger only
    std::vector<Candidate> keep;
    for (auto& c : cands_) {
      bool shadowed = false;
      for (auto& d : cands_)
        if (&d != &c && d.ab <= c.ab && d.ae >= c.ae && (d.ae - d.ab) > (c.ae - c.ab)) shadowed = true;
      if (!shadowed) keep.push_back(c);
    }
    cands_.swap(keep);
    if (!lex_.quiet_triggers_by_verb.empty()) quiet_candidates();
  }

  // Trigger `ti` with its verb word at active position p: the words that must stand right
  // before and after the verb are there. Sets the candidate's extent.
  bool fits(uint32_t ti, uint32_t p, Candidate& c) const {
    const auto& t = lex_.triggers[ti];
    bool ok = p >= t.before.size() && p + t.after.size() < A_.size();
    for (size_t k = 0; ok && k < t.before.size(); ++k) ok = word_is(raw(p - 1 - static_cast<uint32_t>(k)), t.before[k]);
    for (size_t k = 0; ok && k < t.after.size(); ++k) ok = word_is(raw(p + 1 + static_cast<uint32_t>(k)), t.after[k]);
    if (ok) c = Candidate{p - static_cast<uint32_t>(t.before.size()), p + 1 + static_cast<uint32_t>(t.after.size()), ti};
    return ok;
  }

  // The verbs of patterns-only blocks, where no other verb stands: "said" in `&BLAME ,_"_*`. A
  // word that is also an ordinary verb is coded as one, its patterns-only blocks included.
  void quiet_candidates() {
    for (uint32_t p = 0; p < A_.size(); ++p) {
      uint32_t r = raw(p);
      if (is_punct(r)) continue;
      bool found = false;
      for (int alt = 0; alt < 2 && !found; ++alt) {
        WordId w = alt == 0 ? toks_[r].form : toks_[r].lemma;
        if (!w || (alt == 1 && w == toks_[r].form)) continue;
        auto it = lex_.quiet_triggers_by_verb.find(w);
        if (it == lex_.quiet_triggers_by_verb.end()) continue;
        if (in_mention(r) || std::any_of(cands_.begin(), cands_.end(), [&](const Candidate& c) {
              return !c.quiet && p >= c.ab && p < c.ae;
            }))
          break;
        for (uint32_t ti : it->second) {
          Candidate c;
          if (!fits(ti, p, c)) continue;
          c.quiet = true;
          cands_.push_back(c);
          found = true;  // one candidate per position: choose() gathers every block of the form
          break;
        }
      }
    }
  }

  // A verb form after a determiner (with only adjectives between) is a noun:
  // "a brief private visit", "their meeting". A possessive must be close
  // ("Gondor's meeting"), and an actor or agent word ends the noun phrase
  // ("the Calenardhon government condemned").
  bool nominal(uint32_t ab) const {
    for (uint32_t k = 1; k <= 4 && ab >= k; ++k) {
      uint32_t r = raw(ab - k);
      if (in_mention(r) || std::any_of(pair_spans_.begin(), pair_spans_.end(),
                                       [&](const auto& sp) { return sp.first <= r && r < sp.second; }))
        return false;
      // "le candidat communiste a reçu": after an auxiliary the form is a participle
      if (aux(r)) return false;
      uint32_t c = cls(r);
      if (c & dict::kPossessive) return k <= 2;
      // "la ministre du Travail dénonce", "familiares de los presos denunciaron": a determiner
      // that is (or follows) a link preposition, then a word that is no adjective, is a
      // complement of the noun before it; the verb form after it is a verb
      if ((c & dict::kDeterminer) && k >= 2 && !is_adjective(raw(ab - k + 1)) &&
          ((c & dict::kLinkPrep) || (r > b_ && (cls(r - 1) & dict::kLinkPrep))))
        return false;
      if (c & dict::kDeterminer) return true;
      if (is_punct(r) || is_trigger(r) || c) return false;
      // "les députés dénoncent": an inflected noun (a plural: the lexicon reads it as a noun
      // of another lemma), then a word it reads as a verb, is a subject and its verb; "the
      // peace talks" (a noun read as itself) stays a noun phrase
      if (inflected_noun(r) && has_pos(raw(ab), "VERB")) return false;
      // "este viernes declararon": a day or month name is no adjective of a noun
      const auto& d = lex_.dates;
      for (WordId w : {toks_[r].form, toks_[r].lemma})
        if (w && (d.weekdays.count(w) || d.months.count(w))) return false;
    }
    return false;
  }
  // the lexicon reads the word as a noun of another lemma (mostly a plural: "analistas")
  bool inflected_noun(uint32_t r) const {
    if (lex_.reading(toks_[r].form)) return has_pos(r, "NOUN") && toks_[r].lemma != toks_[r].form;
    return lex_.inflected_noun(norm(r));
  }
  // the lexicon's first reading of the word is an adjective
  bool is_adjective(uint32_t r) const { return has_pos(r, "ADJ"); }
  // The verb `c` opens its sentence with no subject: nothing before it but punctuation, time
  // words, words of a class and `lead-in` words ("Por ello,", "Además, ayer se"), and its form
  // may have one (no `no-dropped-subject` ending, or after an auxiliary: "ha criticado"). Only
  // in a language that lists such endings (own dictionaries).
  bool dropped_subject(const Candidate& c) const {
    if (lex_.no_dropped_subject_endings.empty() || c.nominal || c.quiet || opt_.dict.pair_any_code || !opt_.dict.resolve_pronouns)
      return false;
    const std::string_view v = norm(raw(c.ab));
    bool finite = std::none_of(lex_.no_dropped_subject_endings.begin(), lex_.no_dropped_subject_endings.end(),
                               [&](const std::string& x) { return v.size() > x.size() + 1 && v.ends_with(x); });
    for (uint32_t p = 0; p < c.ab; ++p) {
      const uint32_t r = raw(p);
      if (in_mention(r) || is_trigger(r)) return false;
      if (is_punct(r)) {
        // a quotation's words are its speaker's, named after it ("\"Rechazamos ...\", afirmó X")
        const std::string_view t = norm(r);
        if (t == "\"" || t == "\u00ab" || t == "\u201c" || t == "\u201d" || t == "\u2014") return false;
        continue;
      }
      if (aux(r)) {
        finite = true;
        continue;
      }
      if (cls(r) || has_class(r, dict::kLeadIn) || time_word(r)) continue;
      // any other word ("\"Esta disparidad es intolerable\", denuncia X", "Chu acusó") is what
      // the sentence is about, or its subject
      return false;
    }
    return finite;
  }
  // The verb at active position `at` has a subject of its own that is no actor: the first
  // word before it, past auxiliaries, modals and time words, is a noun the lexicon reads as one or a capitalised word inside the sentence (a
  // name), and no actor ("after Remainers seized", "que des manifestants ont attaqué").
  bool own_subject(uint32_t from, uint32_t at) const {
    for (uint32_t p = at; p-- > from;) {
      const uint32_t r = raw(p);
      if (in_mention(r) || is_punct(r) || is_trigger(r)) return false;
      if (aux(r) || (cls(r) & (dict::kModal | dict::kPassiveAux)) || time_word(r)) continue;
      // any other class word: "to work", "pour dénoncer" (no subject of its own), "the", "que"
      if (cls(r)) return false;
      return has_pos(r, "NOUN") || (toks_[r].capitalised && r > b_);
    }
    return false;
  }
  // a weekday, a month, or the last word of a relative day phrase ("last week") of dates.txt
  bool time_word(uint32_t r) const {
    const auto& d = lex_.dates;
    for (WordId w : {toks_[r].form, toks_[r].lemma})
      if (w && (d.weekdays.count(w) || d.months.count(w))) return true;
    for (const auto& ph : d.relative)
      for (auto& x : ph.first)
        if (word_is(r, x.word)) return true;
    return false;
  }
  bool has_pos(uint32_t r, std::string_view tag) const {
    const auto p = toks_[r].pos;
    return p && p < lex_.pos_names.size() && lex_.pos_names[p] == tag;
  }
  bool in_mention(uint32_t r) const {
    for (auto& m : ments_)
      if (r >= m.b && r < m.e) return true;
    return false;
  }

  // ---- pattern matching ---------------------------------------------------
  struct MatchState {
    Bindings b;
  };

  bool elem_word_at(const dict::PElem& e, uint32_t p) const { return word_is(raw(p), e.word); }

  // Match a synset phrase with its last word at p going left (dir=-1) or first word at p going right (dir=+1).
  // Returns the far end position, or kNone.
  int32_t synset_at(const dict::Synset& s, uint32_t p, int dir, uint32_t lo_bound, uint32_t hi_bound,
                    uint32_t* words = nullptr) const {
    {  // no phrase of the synset starts (or, leftwards, ends) with this token's form or lemma
      dict::WordMask t;
      const auto& tok = toks_[raw(p)];
      if (tok.form) t.add(tok.form);
      if (tok.lemma) t.add(tok.lemma);
      if (!t.intersects(dir > 0 ? s.first_words : s.last_words)) return kNone;
    }
    for (const auto& ph : s.phrases) {
      int32_t end = phrase_at(ph, p, dir, lo_bound, hi_bound);
      if (end != kNone) {
        if (words) *words = static_cast<uint32_t>(ph.size());
        return end;
      }
    }
    return kNone;
  }
  int32_t phrase_at(const dict::Phrase& ph, uint32_t p, int dir, uint32_t lo_bound, uint32_t hi_bound) const {
    size_t n = ph.size();
    size_t first = dir > 0 ? 0 : n - 1;
    if (!word_is(raw(p), ph[first].word)) return kNone;
    int32_t cur = static_cast<int32_t>(p);
    for (size_t step = 1; step < n; ++step) {
      size_t idx = dir > 0 ? step : n - 1 - step;
      // connector between idx and its neighbour toward the start of matching
      Conn conn = dir > 0 ? ph[idx].conn : ph[idx + 1].conn;
      bool found = false;
      for (int g = 1; g <= (conn == Conn::gap ? 1 + dict::kMaxGap : 1); ++g) {
        int32_t q = cur + dir * g;
        if (q < static_cast<int32_t>(lo_bound) || q >= static_cast<int32_t>(hi_bound)) break;
        if (word_is(raw(static_cast<uint32_t>(q)), ph[idx].word)) { cur = q; found = true; break; }
        if (is_punct(raw(static_cast<uint32_t>(q)))) break;
      }
      if (!found) return kNone;
    }
    return cur;
  }

  // A subject pronoun written joined to the word before it ("-t-il" in "a-t-il").
  bool joined_pronoun(uint32_t p) const {
    uint32_t r = raw(p);
    uint32_t c = cls(r);
    return !is_punct(r) && attached(r) && (c & dict::kPronoun) && !(c & dict::kDeterminer);
  }

  // Elements of one side; `p` is the next position to look at; dir -1 (lower) or +1 (upper).
  bool match_side(const std::vector<dict::PElem>& els, size_t k, int32_t p, int dir, Bindings& b) const {
    if (k == els.size()) {
      if (dir < 0) b.lo = static_cast<uint32_t>(p + 1);
      else b.hi = static_cast<uint32_t>(p - 1);
      return true;
    }
    const auto& e = els[k];
    int32_t n = static_cast<int32_t>(A_.size());
    auto in = [&](int32_t q) { return q >= 0 && q < n; };
    bool gap = e.conn == Conn::gap;
    switch (e.kind) {
      case PK::word:
      case PK::synset: {
        // a subject pronoun joined to the auxiliary ("a-t-il jugé", "a-t-elle déploré") stands
        // between it and the verb: `AVOIR_*` sees through it
        if (dir < 0 && k == 0 && !gap && in(p) && joined_pronoun(static_cast<uint32_t>(p))) p += dir;
        // own dictionaries: the comma of an incise may be left out ("« ... » a accusé X"): a
        // pattern's `"_,` reads a closing quote right before the verb group as well
        if (dir < 0 && e.kind == PK::word && !opt_.dict.pair_any_code && in(p) && k + 1 < els.size() &&
            e.word == comma_id_ && els[k + 1].kind == PK::word && els[k + 1].word == quote_id_ &&
            els[k + 1].conn == Conn::adjacent && incise_close(raw(static_cast<uint32_t>(p))))
          return match_side(els, k + 1, p, dir, b);
        for (int32_t q = p; in(q); q += dir) {
          int32_t far = kNone;
          uint32_t syn_words = 0;
          if (e.kind == PK::word) {
            if (elem_word_at(e, static_cast<uint32_t>(q))) far = q;
          } else {
            far = synset_at(lex_.synsets[e.synset], static_cast<uint32_t>(q), dir, 0, static_cast<uint32_t>(n), &syn_words);
          }
          if (far != kNone) {
            Bindings save = b;
            b.synset_words += syn_words;
            if (match_side(els, k + 1, far + dir, dir, b)) return true;
            b = save;
          }
          if (!gap) break;
          // own dictionaries: a pattern's words lie within a few words of each other
          if (opt_.dict.word_gap > 0 && (q - p) * dir >= opt_.dict.word_gap) break;
        }
        // own dictionaries: a count may stand before the noun a pattern names right after the
        // verb or its determiner ("a livré 50 drones", "delivered 70 million rounds of")
        if (!gap && dir > 0 && !opt_.dict.pair_any_code && in(p))
          if (const int32_t qe = count_end(p); qe != kNone) return match_side(els, k, qe, dir, b);
        return false;
      }
      case PK::source:
      case PK::target:
      case PK::compound: {
        for (int32_t q = p; in(q); q += dir) {
          int32_t g = dir > 0 ? group_start_[static_cast<size_t>(q)] : group_end_[static_cast<size_t>(q)];
          if (g != kNone) {
            const Group& gr = groups_[static_cast<size_t>(g)];
            // own dictionaries: who reports it ("..., rapporte RTL", "selon l'Express") is
            // neither side of what it reports, however far a gap reaches
            if (gap && !opt_.dict.pair_any_code && e.kind != PK::compound && reporter(gr.ab)) return false;
            // own dictionaries: a place is where the doer acted, not the doer ("the attack in
            // Libya that killed the ambassador", "Russian forces in Syria killed")
            if (e.kind == PK::source && dir < 0 && gap && !opt_.dict.pair_any_code && locative(gr)) {
              q = static_cast<int32_t>(gr.ab);
              continue;
            }
            // own dictionaries: "Una mujer, que protesta contra las políticas de Trump, fue
            // detenida": a relative clause set off by commas before the verb tells of the word
            // before it, which is the side, and lends none of its own actors
            if (dir < 0 && gap && !opt_.dict.pair_any_code && e.kind != PK::compound) {
              const uint32_t k = clause_[gr.ab], ks = clause_start_[k];
              if (k != clause_[b.hi] && !clause_sub_[clause_[b.hi]] && clause_sub_[k] && (cls(raw(ks)) & dict::kRelative) && ks >= 2 &&
                  is_comma(raw(ks - 1))) {
                if (group_end_[ks - 2] == kNone) return false;
                b.passed_b = ks, b.passed_e = clause_end(k);
                q = static_cast<int32_t>(ks) - 1;
                continue;
              }
            }
            // own dictionaries: a bare agent of one word right before an event noun is what
            // kind of act it is, not who did it ("suspended military aid to Egypt", "military
            // cooperation between", "police violence")
            if (dir < 0 && !gap && k == 0 && !opt_.dict.pair_any_code && e.kind == PK::source && gr.ae == gr.ab + 1 &&
                gr.ae == static_cast<uint32_t>(p + 1) && !gr.codes.empty() &&
                std::all_of(gr.codes.begin(), gr.codes.end(), [](const std::string& x) { return x.starts_with("---"); }) &&
                gr.ab > 0 && !(cls(raw(gr.ab - 1)) & dict::kDeterminer) && !is_punct(raw(gr.ab - 1)))
              return false;
            if (e.armed && !armed(gr)) return false;  // "$!"/"+!": a state or an armed group only
            Bindings save = b;
            if (e.kind == PK::source) b.source = g;
            else if (e.kind == PK::target) b.target = g;
            else { b.compound = g; b.compound_lower = dir < 0; }
            b.consumed.push_back(g);
            int32_t next = dir > 0 ? static_cast<int32_t>(gr.ae) : static_cast<int32_t>(gr.ab) - 1;
            if (match_side(els, k + 1, next, dir, b)) return true;
            b = save;
            return false;  // roles bind the nearest actor only
          }
          // own dictionaries: "*_A_+" on "criticó a la OTAN": an article may stand before the actor
          if (!gap && opt_.dict.role_skips_determiner && dir > 0 && (cls(raw(static_cast<uint32_t>(q))) & dict::kDeterminer) &&
              !is_punct(raw(static_cast<uint32_t>(q))))
            continue;
          if (!gap) break;
        }
        return false;
      }
      case PK::skip: {
        int32_t q = p;
        while (in(q) && (cls(raw(static_cast<uint32_t>(q))) & (dict::kFunction | dict::kDeterminer | dict::kLinkPrep))) q += dir;
        if (!in(q)) return false;
        int32_t g = dir > 0 ? group_start_[static_cast<size_t>(q)] : group_end_[static_cast<size_t>(q)];
        int32_t next;
        Bindings save = b;
        if (g != kNone) {
          const Group& gr = groups_[static_cast<size_t>(g)];
          b.consumed.push_back(g);
          next = dir > 0 ? static_cast<int32_t>(gr.ae) : static_cast<int32_t>(gr.ab) - 1;
        } else {
          if (is_punct(raw(static_cast<uint32_t>(q)))) return false;
          // own dictionaries: the skipped word opens no other clause ("freed after the UK
          // government promised", "must be withdrawn and the police must apologize"); a
          // complementizer may be skipped ("announced that tariffs on")
          if (const uint32_t wc = cls(raw(static_cast<uint32_t>(q)));
              !opt_.dict.pair_any_code && ((wc & (dict::kConjunction | dict::kSubordinator)) ||
                                           ((wc & dict::kClauseStart) && !(wc & dict::kComplementizer))))
            return false;
          next = q + dir;
        }
        if (match_side(els, k + 1, next, dir, b)) return true;
        b = save;
        return false;
      }
    }
    return false;
  }

  bool match(const dict::Pattern& pat, const Candidate& c, Bindings& b) const {
    b = Bindings{};
    b.lo = c.ab;
    b.hi = c.ae - 1;
    if (!match_side(pat.lower, 0, static_cast<int32_t>(c.ab) - 1, -1, b)) return false;
    uint32_t lo = b.lo;
    if (!match_side(pat.upper, 0, static_cast<int32_t>(c.ae), +1, b)) return false;
    b.lo = pat.lower.empty() ? c.ab : lo;
    if (pat.upper.empty()) b.hi = c.ae - 1;
    return true;
  }

  Choice choose(uint32_t ci) const {
    const Candidate& c = cands_[ci];
    const auto& trig = lex_.triggers[c.trigger];
    Choice best;
    best.cand = ci;
    // every block this verb form belongs to (a name may head several blocks)
    std::vector<uint32_t> blocks{trig.block};
    for (uint32_t r = 0; r < (lex_.quiet_triggers_by_verb.empty() ? 2u : 4u); ++r) {
      WordId w = r % 2 == 0 ? toks_[raw(c.ab + static_cast<uint32_t>(trig.before.size()))].form
                            : toks_[raw(c.ab + static_cast<uint32_t>(trig.before.size()))].lemma;
      const auto& by_verb = r < 2 ? lex_.triggers_by_verb : lex_.quiet_triggers_by_verb;
      auto it = by_verb.find(w);
      if (it == by_verb.end()) continue;
      for (uint32_t t2 : it->second) {
        const auto& o = lex_.triggers[t2];
        if (o.before == trig.before && o.after == trig.after &&
            std::find(blocks.begin(), blocks.end(), o.block) == blocks.end())
          blocks.push_back(o.block);
      }
    }
    // The most specific matching pattern wins: more elements first, then more
    // words matched through synsets ("austrian gold florin" over "austrian florin").
    uint32_t best_score = 0;
    for (uint32_t bi : blocks) {
      for (uint32_t pi : lex_.blocks[bi].patterns) {
        const auto& pat = lex_.patterns[pi];
        if (best.ok && pat.weight * 64 + 63 <= best_score) break;
        if (!pat.active || !sent_mask_.covers(pat.need)) continue;  // a literal word it needs is absent
        if (std::any_of(pat.need_synsets.begin(), pat.need_synsets.end(), [&](uint32_t id) {
              return !sent_mask_.intersects(lex_.synsets[id].first_words);
            }))
          continue;  // no phrase of one of its synsets can start in this sentence
        Bindings b;
        if (match(pat, c, b)) {
          uint32_t score = pat.weight * 64 + std::min<uint32_t>(63, b.synset_words);
          if (best.ok && score <= best_score) continue;
          best.ok = true;
          best.from_pattern = true;
          best.pattern = &pat;
          best.code = pat.code;
          best.bind = b;
          best_score = score;
        }
      }
    }
    if (best.ok) return best;
    if (c.nominal || c.quiet) return best;
    // a modal ("should", "would") is no event by itself
    if (cls(raw(c.ab + static_cast<uint32_t>(trig.before.size()))) & dict::kModal) return best;
    if (!trig.code.null()) {
      best.ok = true;
      best.code = trig.code;
      best.bind.lo = c.ab;
      best.bind.hi = c.ae - 1;
    }
    return best;
  }

  // ---- coding -------------------------------------------------------------
  int32_t first_group_in(uint32_t from, uint32_t to, const std::vector<int32_t>& consumed) const {
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& gr = groups_[g];
      if (gr.ab >= from && gr.ae <= to &&
          std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) == consumed.end())
        return static_cast<int32_t>(g);
    }
    return kNone;
  }

  // What a quotation before clause start `cstart` names: its first actor with a country, other
  // than the speaker `g`.
  int32_t quotation_target(uint32_t cstart, int32_t g) const {
    for (size_t q = 0; q < groups_.size(); ++q) {
      const auto& gq = groups_[q];
      if (gq.ae > cstart || gq.ab == gq.ae || static_cast<int32_t>(q) == g) continue;
      if (std::all_of(gq.codes.begin(), gq.codes.end(), [](auto& x) { return x.starts_with("---"); })) continue;
      return static_cast<int32_t>(q);
    }
    return kNone;
  }

  // A pattern that opens with a quotation before its verb (`"_,_AVOIR_*`, `,_"_*`), past
  // words of the quotation that stand apart from it (`&BLAME ,_"_*`).
  static bool quote_led(std::string_view t) {
    if (t.starts_with('&')) {
      size_t sp = t.find(' ');
      if (sp == std::string_view::npos || t.substr(0, sp).find('_') != std::string_view::npos) return false;
      t = t.substr(sp + 1);
    }
    return t.starts_with('"') || t.starts_with(",_\"");
  }

  // The speaker named after a quotation's verb: the first actor of [from, to) that is no
  // preposition's object. "a déploré sur RFI le dirigeant syndical", "a déclaré à l'AFP le
  // ministre": where it was said is not who said it. An actor after a link preposition ("le
  // porte-parole de la Maison Blanche") still speaks for its noun. Own dictionaries.
  int32_t speaker_after(uint32_t from, uint32_t to, const std::vector<int32_t>& consumed) const {
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& gr = groups_[g];
      if (gr.ab < from || gr.ae > to ||
          std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) != consumed.end())
        continue;
      if (preposition_object(g, from)) continue;
      return static_cast<int32_t>(g);
    }
    return kNone;
  }
  // Group g stands after a preposition (past determiners), not before position `from`: "sur
  // RFI", "à l'AFP". A link preposition ("de la Maison Blanche") does not count.
  bool preposition_object(size_t g, uint32_t from) const {
    uint32_t q = groups_[g].ab;
    while (q > from && (cls(raw(q - 1)) & dict::kDeterminer)) --q;
    if (q <= from) return false;
    const uint32_t c = cls(raw(q - 1));
    return (c & dict::kFunction) && !(c & (dict::kDeterminer | dict::kLinkPrep | dict::kConjunction));
  }

  // "X told Lam to withdraw", "a exhorté Israël à cesser": an `infinitive-marker` right before
  // the verb, right after an actor that is the direct object of a verb before it (only
  // determiners between): that actor is the subject of the verb after the marker. An actor
  // after a preposition is no object ("travelled to Moscow to meet").
  int32_t infinitive_subject(const Candidate& c, uint32_t from, const std::vector<int32_t>& consumed) {
    if (c.ab == 0 || c.nominal || !(cls(raw(c.ab - 1)) & dict::kInfinitive)) return kNone;
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& gr = groups_[g];
      if (gr.ae != c.ab - 1 || gr.ab <= from || gr.ab == gr.ae) continue;
      if (std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) != consumed.end()) return kNone;
      uint32_t p = gr.ab;
      while (p > from && (cls(raw(p - 1)) & dict::kDeterminer)) --p;
      if (p <= from) return kNone;
      const uint32_t r = raw(p - 1);
      if (!has_pos(r, "VERB") || (cls(r) & (dict::kAuxiliary | dict::kPassiveAux | dict::kModal))) return kNone;
      trace(fmt::format("verb: '{}': its subject is the object before '{}': '{}'", words(c.ab, c.ae),
                        words(c.ab - 1, c.ab), words(gr.ab, gr.ae)));
      return static_cast<int32_t>(g);
    }
    return kNone;
  }

  // The subject among the actors of [from, to): the first one that is not a place ("the
  // crisis in Ukraine has forced the EU", "gunmen in Kabul attacked"); in dyad's own
  // dictionaries, the first after the last `speech-verb` word ("Yemeni officials say
  // al-Qaida militants have seized": what they say has its own subject). PETRARCH's
  // dictionaries: the first one, place or not.
  int32_t subject_in(uint32_t from, uint32_t to, const std::vector<int32_t>& consumed) const {
    if (!opt_.dict.pair_any_code)
      for (uint32_t p = to; p-- > from;)
        if ((cls(raw(p)) & dict::kSpeech) && !in_mention(raw(p))) {
          if (int32_t g = first_subject(p + 1, to, consumed); g != kNone) return g;
          break;
        }
    return first_subject(from, to, consumed);
  }
  int32_t first_subject(uint32_t from, uint32_t to, const std::vector<int32_t>& consumed) const {
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& gr = groups_[g];
      if (gr.ab < from || gr.ae > to) continue;
      if (std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) != consumed.end()) continue;
      if (!opt_.dict.pair_any_code && locative(gr)) continue;
      if (!opt_.dict.pair_any_code && possessor_of_next(g, to)) continue;
      return static_cast<int32_t>(g);
    }
    return kNone;
  }

  // "Donald Trump's former election campaign chief Paul Manafort breached": an actor with a
  // possessive after it, then nothing but words that are no function word, preposition or
  // punctuation, then another actor before `to`: the possessor owns the title, the second
  // actor is the noun phrase's head (own dictionaries)
  bool possessor_of_next(size_t g, uint32_t to) const {
    const auto& gr = groups_[g];
    if (gr.ae >= to || !(cls(raw(gr.ae)) & dict::kPossessive)) return false;
    for (uint32_t p = gr.ae + 1; p < to && p <= gr.ae + 7; ++p) {
      if (int32_t h = group_start_[p]; h != kNone && static_cast<size_t>(h) != g && groups_[static_cast<size_t>(h)].ae <= to)
        return p > gr.ae + 1;
      const uint32_t r = raw(p);
      if (is_punct(r) || (cls(r) & (dict::kFunction | dict::kDeterminer | dict::kLinkPrep | dict::kPlacePrep))) return false;
    }
    return false;
  }

  // Active positions [from, to) hold only punctuation, weekdays, months and relative day
  // phrases ("today", "this morning") of dates.txt; and function words when `function`.
  bool time_words_only(uint32_t from, uint32_t to, bool function = false) const {
    const auto& d = lex_.dates;
    auto listed = [&](const std::unordered_map<WordId, int>& m, uint32_t r) {
      return (toks_[r].form && m.count(toks_[r].form)) || (toks_[r].lemma && m.count(toks_[r].lemma));
    };
    for (uint32_t p = from; p < to;) {
      uint32_t r = raw(p);
      if (is_punct(r) || listed(d.weekdays, r) || listed(d.months, r)) { ++p; continue; }
      if (function && (cls(r) & (dict::kFunction | dict::kDeterminer | dict::kClauseStart))) { ++p; continue; }
      uint32_t n = 0;
      for (const auto& [ph, days] : d.relative) {
        if (ph.empty() || p + ph.size() > to) continue;
        bool all = true;
        for (size_t k = 0; all && k < ph.size(); ++k) all = word_is(raw(p + static_cast<uint32_t>(k)), ph[k].word);
        if (all) { n = static_cast<uint32_t>(ph.size()); break; }
      }
      if (n == 0) return false;
      p += n;
    }
    return true;
  }

  // The country of the latest actor before the current unit (this sentence, else the previous
  // one): the owner that a possessive determiner points back to. Own dictionaries only.
  std::string possessor() const {
    if (!opt_.dict.resolve_pronouns) return {};
    for (size_t i = units_.size(); i-- > 0;)
      for (auto& c : units_[i].codes)
        if (c.size() >= 3 && !c.starts_with("---")) return c.substr(0, 3);
    if (previous_)
      for (auto& c : previous_->codes)
        if (c.size() >= 3 && !c.starts_with("---")) return c.substr(0, 3);
    return {};
  }

  // The first actor after the verb, preferring, in turn: an actor with a
  // country that is not a place ("a soutenu à La Havane Maduro" → Maduro), a
  // place, then a bare agent ("an official visit").
  int32_t first_target(uint32_t from, uint32_t to, const std::vector<int32_t>& consumed,
                       uint32_t bare_from = 0) const {
    int32_t best = kNone;
    int best_rank = 4;
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& gr = groups_[g];
      if (gr.ab < from || gr.ae > to) continue;
      if (std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) != consumed.end()) continue;
      bool bare = std::all_of(gr.codes.begin(), gr.codes.end(), [](const std::string& c) { return c.starts_with("---"); });
      if (bare && gr.ab < bare_from) continue;
      // "a dénoncé mercredi sur RTL le mépris", "said on CNN": a news outlet after a place
      // preposition is where the words were said, not their target (own dictionaries)
      if (!opt_.dict.pair_any_code && after_place_prep(gr.ab) &&
          std::all_of(gr.codes.begin(), gr.codes.end(), [](const std::string& c) { return c.size() >= 6 && c.compare(3, 3, "MED") == 0; }))
        continue;
      int rank = (bare ? 2 : 0) + (locative(gr) ? 1 : 0);
      if (rank < best_rank) {
        best_rank = rank;
        best = static_cast<int32_t>(g);
        if (rank == 0) break;
      }
    }
    return best;
  }

  // An actor with a role: a person or an institution ("RUSGOV", "FRAELI", "IGOUNO"), not a
  // country alone ("RUS"), an agent of no country, nor a news outlet ("FRAMED": "Le Parisien"
  // is named as a source of news far more often than "il" stands for it).
  static bool has_role(const Group& g) {
    return std::any_of(g.codes.begin(), g.codes.end(), [](const std::string& c) {
      return c.size() > 3 && !c.starts_with("---") && !c.starts_with('"') && std::string_view(c).substr(3) != "MED";
    });
  }

  // Who "he", "elle" or a dropped subject may stand for: an actor with a role, or a name the
  // dictionaries do not hold ("Enrique Santiago"), which is a person too: without it, the
  // pronoun after such a name went back to an older, known person.
  static bool person_like(const Group& g) {
    return has_role(g) || (!g.codes.empty() && std::all_of(g.codes.begin(), g.codes.end(), [](const std::string& c) {
                             return c.starts_with(kNameActor);
                           }));
  }

  // A place preposition stands before active position `ab`, with only determiners between ("in
  // the Gondor Times").
  bool after_place_prep(uint32_t ab) const {
    uint32_t p = ab;
    while (p > 0 && (cls(raw(p - 1)) & dict::kDeterminer) && !(cls(raw(p - 1)) & dict::kPlacePrep)) --p;
    return p > 0 && (cls(raw(p - 1)) & dict::kPlacePrep);
  }
  // The actor stands right after a place preposition ("à Washington", "au Kremlin"); a titled
  // name is a person, never a place ("in Mr Trump's visit").
  bool locative(const Group& g) const {
    return g.ab > 0 && (cls(raw(g.ab - 1)) & dict::kPlacePrep) && !(cls(raw(g.ab)) & dict::kHonorific);
  }

  // Clause `cl` opens with a `subordinator` ("after", "while", "quand"): with no subject of its
  // own before its verb ("after meeting Xi", "before his talks with Putin"; the caller has
  // tested own_subject), it has the subject of the clause before.
  bool subordinator_clause(uint32_t cl) const { return (cls(raw(clause_start_[cl])) & dict::kSubordinator) != 0; }

  // A pronoun subject stands for the latest actor before the clause in this sentence, else for
  // the previous sentence's latest actor; a person pronoun ("he", "elle") for a person_like one.
  int32_t antecedent(uint32_t before, const std::vector<int32_t>& consumed, bool person) {
    for (size_t g = groups_.size(); g-- > 0;) {
      if (groups_[g].ae > before) continue;
      if (std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) != consumed.end()) continue;
      if (std::all_of(groups_[g].codes.begin(), groups_[g].codes.end(), [](auto& c) { return c.starts_with("---"); }))
        continue;
      if (person && !person_like(groups_[g])) continue;
      // a place ("au Kremlin") is not what "il" stands for
      if (locative(groups_[g])) continue;
      return static_cast<int32_t>(g);
    }
    if (!previous_) return kNone;
    const auto& codes = person ? previous_->person_codes : previous_->codes;
    if (codes.empty()) return kNone;
    Group g{before, before, codes, person ? previous_->person_begin : previous_->tok_begin,
            person ? previous_->person_end : previous_->tok_end};
    groups_.push_back(g);
    trace("pronoun: resolved to the previous sentence's latest actor");
    return static_cast<int32_t>(groups_.size() - 1);
  }

  // ---- new actors (PETRARCH's new_actor_length) -----------------------------
  // PETRARCH codes every noun phrase of the parse; with new_actor_length = N, a phrase that
  // holds no actor of the dictionaries, taken as an event's source or target, becomes a new
  // actor named by its words when it has at most N of them ("\"INJURY TOLL\""). Without a
  // parse, a noun phrase is a run of words that are no verb, punctuation or closed-class word
  // (determiners and possessives excepted), optionally joined once by a link preposition to
  // the next run ("the Ministry of Magic").
  struct NounPhrase {
    uint32_t ab, ae;  // active positions
  };
  bool verb_at(uint32_t p) const {
    for (const auto& c : cands_)
      if (!c.nominal && !c.quiet && p >= c.ab && p < c.ae) return true;
    return false;
  }
  bool np_token(uint32_t p) const {
    uint32_t r = raw(p);
    if (is_punct(r) || verb_at(p) || aux(r)) return false;
    uint32_t c = cls(r);
    if (c & (dict::kConjunction | dict::kClauseStart | dict::kModal | dict::kPassiveAux | dict::kAgentBy)) return false;
    if ((c & dict::kPronoun) && !(c & dict::kDeterminer)) return false;  // "they" is no phrase to name
    if ((c & (dict::kFunction | dict::kLinkPrep)) && !(c & (dict::kDeterminer | dict::kPossessive))) return false;
    return true;
  }
  std::vector<NounPhrase> noun_phrases(uint32_t lo, uint32_t hi) const {
    std::vector<NounPhrase> out;
    uint32_t p = lo;
    while (p < hi) {
      if (!np_token(p)) { ++p; continue; }
      NounPhrase np{p, p};
      bool joined = false;
      for (;;) {
        while (p < hi && np_token(p)) ++p;
        np.ae = p;
        // one link preposition joins the next run: "the Ministry of Magic"
        if (!joined && p + 1 < hi && (cls(raw(p)) & dict::kLinkPrep) && np_token(p + 1)) {
          joined = true;
          ++p;
          continue;
        }
        break;
      }
      bool content = false;  // more than determiners and possessives
      for (uint32_t q = np.ab; q < np.ae; ++q)
        if (!(cls(raw(q)) & (dict::kDeterminer | dict::kPossessive))) content = true;
      // a date ("on Wednesday") is no actor
      if (content && !time_words_only(np.ab, np.ae, true)) out.push_back(np);
    }
    return out;
  }
  // The phrases joined to the first one by a conjunction (and commas): "Eriador's death and
  // injury toll" is two phrases, as PETRARCH's compound noun phrases are.
  static std::vector<NounPhrase> first_chain(const std::vector<NounPhrase>& nps,
                                             const std::function<bool(uint32_t, uint32_t)>& joins) {
    std::vector<NounPhrase> chain;
    for (const auto& np : nps) {
      if (!chain.empty() && !joins(chain.back().ae, np.ab)) break;
      chain.push_back(np);
    }
    return chain;
  }
  bool conj_between(uint32_t a, uint32_t b) const {
    bool conj = false;
    for (uint32_t p = a; p < b; ++p) {
      uint32_t r = raw(p);
      if (cls(r) & dict::kConjunction) conj = true;
      else if (!is_comma(r)) return false;
    }
    return conj;
  }
  // "\"W1 W2\"": the phrase's words in capitals without possessive markers; empty when it has more
  // than new_actor_length words.
  std::string new_actor_name(const NounPhrase& np) const {
    std::string name;
    int n = 0;
    for (uint32_t p = np.ab; p < np.ae; ++p) {
      uint32_t r = raw(p);
      if (cls(r) & dict::kPossessive) continue;
      ++n;
      if (!name.empty()) name.push_back(' ');
      for (char ch : norm(r)) name.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch);
    }
    if (n == 0 || n > opt_.dict.new_actor_length) return {};
    return '"' + name + '"';
  }
  // The codes of a phrase: those of the actors in it, else its new actor name.
  std::vector<std::string> phrase_codes(const NounPhrase& np, bool& named) const {
    std::vector<std::string> codes;
    for (const auto& g : groups_)
      if (g.ab >= np.ab && g.ae <= np.ae && g.ab < g.ae)
        for (const auto& c : g.codes) codes.push_back(c);
    if (!codes.empty()) return codes;
    std::string name = new_actor_name(np);
    if (!name.empty()) {
      codes.push_back(name);
      named = true;
    }
    return codes;
  }
  int32_t add_group(uint32_t ab, uint32_t ae, std::vector<std::string> codes) {
    for (size_t g = 0; g < groups_.size(); ++g)
      if (groups_[g].ab == ab && groups_[g].ae == ae && groups_[g].codes == codes) return static_cast<int32_t>(g);
    if (opt_.trace) {
      std::string cs;
      for (const auto& c : codes) cs += (cs.empty() ? "" : "/") + c;
      trace(fmt::format("new actor: '{}' -> {}", words(ab, ae), cs));
    }
    groups_.push_back(Group{ab, ae, std::move(codes), raw(ab), raw(ae - 1) + 1});
    return static_cast<int32_t>(groups_.size() - 1);
  }
  // The subject before the verb [cstart, verb): the first noun phrase after any earlier verb
  // of the clause, with the phrases joined to it by a conjunction. When `src` is an actor of
  // that subject, the subject's unknown phrases join it as new actors; with no `src`, the
  // subject becomes one. Returns the (new) source, or `src` unchanged.
  int32_t new_actor_subject(uint32_t cstart, uint32_t verb, int32_t src) {
    uint32_t hi = verb;
    while (hi > cstart && ((cls(raw(hi - 1)) & (dict::kModal | dict::kPassiveAux)) || aux(raw(hi - 1)))) --hi;
    uint32_t lo = cstart;
    for (uint32_t p = cstart; p < hi; ++p)
      if (verb_at(p)) lo = p + 1;
    auto chain = first_chain(noun_phrases(lo, hi), [&](uint32_t a, uint32_t b) { return conj_between(a, b); });
    if (chain.empty()) return src;
    if (src != kNone) {
      const Group& g = groups_[static_cast<size_t>(src)];
      if (chain.size() < 2 || g.ab < chain.front().ab || g.ae > chain.back().ae) return src;
    }
    std::vector<std::string> codes;
    bool named = false;
    for (const auto& np : chain)
      for (auto& c : phrase_codes(np, named)) codes.push_back(c);
    if (!named) return src;
    return add_group(chain.front().ab, chain.back().ae, std::move(codes));
  }
  // The object after the verb: the first noun phrase of [from, to) that holds no actor.
  int32_t new_actor_object(uint32_t from, uint32_t to, int32_t src) {
    for (const auto& np : noun_phrases(from, to)) {
      if (src != kNone) {
        const Group& s = groups_[static_cast<size_t>(src)];
        if (s.ab < np.ae && np.ab < s.ae) continue;  // the source's own phrase
      }
      bool named = false;
      auto codes = phrase_codes(np, named);
      if (!named) continue;
      return add_group(np.ab, np.ae, std::move(codes));
    }
    return kNone;
  }

  // Clause c opens with a comma and a plain word (no class, no actor, lower case): "almost".
  bool adverbial_clause(uint32_t c) const {
    uint32_t p = clause_start_[c];
    if (!is_comma(raw(p)) || p + 1 >= clause_end(c)) return false;
    uint32_t r = raw(p + 1);
    return !is_punct(r) && !toks_[r].capitalised && cls(r) == 0 && !in_mention(r) && !is_trigger(r);
  }

  // Clause k opens with a relative pronoun that follows an actor or a noun ("the minister, who
  // resigned", "an organization that has called for"): a relative clause, whose subject, when no
  // other stands before its verb, is `ante`: the actor the pronoun follows, or kNone when it
  // follows no actor. False where the word may open what a verb says: after a verb ("dijo
  // que"), a verb's object with no comma between ("told foreign media that") or a time word
  // ("warned last week that"). Own dictionaries only.
  bool relative_clause(uint32_t k, const std::vector<int32_t>& consumed, int32_t& ante) const {
    ante = kNone;
    if (opt_.dict.pair_any_code || k == 0 || k >= clause_start_.size() || !clause_sub_[k]) return false;
    uint32_t a = clause_start_[k];
    if (!(cls(raw(a)) & dict::kRelative)) return false;
    const bool comma = a > 0 && is_comma(raw(a - 1));  // "Gondor, which": a relative, never what is said
    if (comma) --a;
    if (a == 0) return false;
    auto ending_at = [&](uint32_t end) {
      for (size_t g = 0; g < groups_.size(); ++g)
        if (groups_[g].ae == end && groups_[g].ab < groups_[g].ae &&
            std::find(consumed.begin(), consumed.end(), static_cast<int32_t>(g)) == consumed.end())
          return static_cast<int32_t>(g);
      return kNone;
    };
    if (int32_t g = ending_at(a); g != kNone) {
      uint32_t before = groups_[static_cast<size_t>(g)].ab;
      while (before > 0 && (cls(raw(before - 1)) & dict::kDeterminer)) --before;
      // after a verb's object a word that also opens what is said ("told Iran that") does so; a
      // relative pronoun that does not ("supported the rebels who attacked") still opens a relative
      if (!comma && before > 0 && (is_trigger(raw(before - 1)) || has_pos(raw(before - 1), "VERB")) &&
          (cls(raw(clause_start_[k])) & dict::kComplementizer))
        return false;
      // "a version of al Qaeda in Iraq, which waged war": a place does not act
      if (!(before > 0 && (cls(raw(before - 1)) & dict::kPlacePrep))) ante = g;
      return true;
    }
    const uint32_t w = raw(a - 1);
    // a noun: no verb, adverb or time word ("said that", "warned repeatedly that"); the lexicon
    // tags inflected forms only, so an untagged word counts as one, and so does a word after a
    // determiner or an adjective ("a group that": the lexicon's first reading of "group" is a verb)
    const bool after_det = a >= 2 && ((cls(raw(a - 2)) & dict::kDeterminer) || is_adjective(raw(a - 2)));
    const bool noun = has_pos(w, "NOUN") || (!has_pos(w, "VERB") && !has_pos(w, "ADV")) || after_det;
    // after a pronoun ("celle qui", "lui qui") the clause before lends its subject as ever
    if (is_trigger(w) || !noun || is_punct(w) || cls(w) || time_word(w) || has_pos(w, "PRON")) return false;
    // "a jailed Russian hacker who", "American political operatives who": the actor named by
    // the words right before the noun; before a name, the title it follows ("Retired Army Gen.
    // John M. Keane, who")
    bool name = toks_[w].capitalised;  // still inside the name, walking back
    uint32_t plain = 0;                 // lower-case words passed
    for (uint32_t p = a - 1; ante == kNone && p > 0 && p + 8 >= a; --p) {
      const uint32_t r = raw(p);
      if (is_trigger(r) || cls(r) || in_mention(r)) break;
      if (is_punct(r)) {
        if (!(name && norm(r) == ".")) break;  // "John M. Keane"
      } else if (!(name && toks_[r].capitalised)) {
        name = false;
        if (++plain > 2) break;
      }
      ante = ending_at(p);
    }
    return true;
  }

  uint32_t clause_end(uint32_t c) const {
    return c + 1 < clause_start_.size() ? clause_start_[c + 1] : static_cast<uint32_t>(A_.size());
  }

  void code() {
    std::vector<Choice> choices;
    for (uint32_t ci = 0; ci < cands_.size(); ++ci) {
      Choice ch = choose(ci);
      if (opt_.trace && (ch.ok || !cands_[ci].quiet)) {
        const auto& c = cands_[ci];
        const auto& t = lex_.triggers[c.trigger];
        std::string what = ch.ok ? (ch.from_pattern ? "pattern '" + ch.pattern->text + "' -> " + ch.code.text()
                                                    : "no pattern matched; default " + ch.code.text())
                                 : (c.nominal ? "read as a noun (after a determiner) and no pattern matched"
                                              : "no pattern matched and the verb has no default code");
        trace(fmt::format("verb: '{}' ({} at {}:{}): {}", words(c.ab, c.ae), lex_.blocks[t.block].name,
                          lex_.files[t.origin.file], t.origin.line, what));
      }
      if (ch.ok) choices.push_back(ch);
    }
    // A pattern's words claim their span: verbs inside another verb's matched pattern are not coded.
    // An event noun whose own pattern names its doer is an event of its own even there ("a
    // dénoncé l'offensive lancée par la Turquie contre les Kurdes": the denunciation's words
    // reach Turkey through the offensive), coded beside the verb like an event noun after it
    // (own dictionaries).
    std::vector<bool> drop(choices.size(), false), inner(choices.size(), false);
    for (size_t i = 0; i < choices.size(); ++i) {
      for (size_t j = 0; j < choices.size(); ++j) {
        if (i == j || !choices[j].from_pattern) continue;
        const auto& ci = cands_[choices[i].cand];
        const auto& bj = choices[j].bind;
        bool inside = ci.ab >= bj.lo && ci.ae - 1 <= bj.hi && !(ci.ab >= bj.passed_b && ci.ab < bj.passed_e);
        if (!inside) continue;
        const auto& cj = cands_[choices[j].cand];
        if (ci.ab == cj.ab && ci.ae == cj.ae) continue;
        // (not when the words around it reject or cut it: "suggested cutting U.S. military aid to
        // Israel" is no aid given, CAMEO 12 and 16)
        const std::string& outer = choices[j].code.fwd;
        if (!opt_.dict.pair_any_code && choices[i].from_pattern && choices[i].bind.source != kNone && ci.ab > cj.ae &&
            event_noun(choices[i]) && !outer.starts_with("12") && !outer.starts_with("16")) {
          inner[i] = true;
          continue;
        }
        if (!choices[i].from_pattern || choices[i].pattern->weight < choices[j].pattern->weight ||
            (choices[i].pattern->weight == choices[j].pattern->weight && j < i))
          drop[i] = true;
      }
    }
    // One event verb per clause: the first that codes.
    std::vector<bool> clause_done(clause_start_.size(), false);
    std::vector<bool> clause_coded(clause_start_.size(), false);
    std::vector<uint32_t> clause_hi(clause_start_.size(), 0);
    // the clause was taken by a verb that coded nothing (a pattern coded [---], or no actor
    // found): an event noun after its words that names its own doer may still code ("briefed
    // reporters on his surprise meeting with Kim", own dictionaries)
    std::vector<bool> clause_empty(clause_start_.size(), false);
    auto leave_open = [&](size_t i, uint32_t cl) {
      if (clause_done[cl] || opt_.dict.pair_any_code) return;
      clause_empty[cl] = true;
      clause_hi[cl] = std::max(choices[i].bind.hi, cands_[choices[i].cand].ae - 1);
    };
    std::vector<uint32_t> second_at;  // where event nouns after their clause's verb were tried
    for (size_t i = 0; i < choices.size(); ++i) {
      const auto& c = cands_[choices[i].cand];
      if (drop[i]) {
        trace(fmt::format("verb: '{}' skipped: inside the words of a longer pattern", words(c.ab, c.ae)));
        continue;
      }
      uint32_t cl = clause_[c.ab];
      // an event noun after the words of the verb that coded its clause (once for its words); one
      // inside them that names its own doer (inner) counts as after them
      const bool second = clause_done[cl] && (clause_coded[cl] || clause_empty[cl]) &&
                          second_event(choices[i], inner[i] ? c.ab - 1 : clause_hi[cl]) &&
                          std::none_of(second_at.begin(), second_at.end(), [&](uint32_t p) { return p == c.ab; });
      if (second) second_at.push_back(c.ab);
      if (clause_done[cl] && !second) {
        trace(fmt::format("verb: '{}' skipped: its clause is already coded by an earlier verb", words(c.ab, c.ae)));
        continue;
      }
      // a pattern coded [---] recognises the words and codes nothing; it still takes the clause
      if (choices[i].code.null()) {
        trace(fmt::format("verb: '{}' codes nothing: its pattern is coded [---]", words(c.ab, c.ae)));
        if (choices[i].from_pattern) leave_open(i, cl);
        clause_done[cl] = true;
        continue;
      }
      // PETRARCH: a comma clause that opens with an adverbial ("Arnor restored ties with Gondor,
      // almost five years after crowds burned down its embassy") hangs inside the coded clause
      // before it, and PETRARCH-2 codes only the verb it hangs on
      if (opt_.dict.nested_comma_clauses && cl > 0 && clause_coded[cl - 1] && adverbial_clause(cl)) {
        trace(fmt::format("verb: '{}' skipped: its comma clause hangs on the coded clause before it", words(c.ab, c.ae)));
        clause_done[cl] = clause_coded[cl] = true;
        continue;
      }
      // the clause's first coding verb decides it, whether or not it finds its actors
      yielded_ = false;
      if (emit(choices[i], cl)) {
        if (!clause_coded[cl]) clause_hi[cl] = std::max(choices[i].bind.hi, c.ae - 1);
        clause_coded[cl] = true;
      } else {
        if (!yielded_) leave_open(i, cl);
        trace(fmt::format("verb: '{}' codes nothing: {}", words(c.ab, c.ae),
                          why_not_ == 1   ? "no source actor found"
                          : why_not_ == 2 ? "no target actor found"
                          : why_not_ == 4 ? "no target, and no object after the verb but a time word"
                                          : "no actor found"));
      }
      // a verb that left its target to an event noun leaves the clause to that noun too
      if (!yielded_) clause_done[cl] = true;
    }
  }

  // a noun of an event: after a determiner, or with a pattern's words before it ("the 9/11
  // terrorist attacks") that are no passive auxiliary ("was assassinated" is a verb)
  bool event_noun(const Choice& ch) const {
    const auto& c = cands_[ch.cand];
    return c.nominal || (ch.from_pattern && ch.bind.lo < c.ab && !(cls(raw(c.ab - 1)) & dict::kPassiveAux) &&
                         !(c.ab > 1 && (cls(raw(c.ab - 2)) & dict::kPassiveAux)));
  }

  // An event noun after the words of the verb that coded its clause is an event of its own
  // when its pattern says who did it: no one named ("blamed the militia for a rocket attack on
  // an Iraqi base", `unknown`), the actor it binds as `$` ("condemns Russia's incursion into
  // Turkish airspace", "condemned U.S. air strikes on Iraqi units") or both sides as `%` after
  // it ("agreed on the need for an early summit between Trump and Kim"). Other nouns there are
  // mostly what the verb is about ("threatened to launch an offensive", "charged with
  // murder"), and their doer would be the verb's subject, which it is not.
  bool second_event(const Choice& ch, uint32_t hi) const {
    const auto& c = cands_[ch.cand];
    if (opt_.dict.pair_any_code || !ch.from_pattern || c.ab <= hi || !event_noun(ch)) return false;
    return ch.code.unknown || ch.bind.source != kNone || (ch.bind.compound != kNone && !ch.bind.compound_lower);
  }

  bool emit(const Choice& ch, uint32_t cl) {
    const auto& c = cands_[ch.cand];
    const auto& b = ch.bind;
    int32_t src = b.source, tgt = b.target;
    std::vector<int32_t> consumed = b.consumed;
    bool pairs_within = false;
    if (b.compound != kNone) {
      // after a word that is no subject (an adjective, a participle, a verb whose object it is)
      // it is a noun too: "widespread clashes between Palestinians and Israeli forces",
      // "increasing cooperation between China and Russia" (own dictionaries)
      const uint32_t pw = c.ab > 0 ? raw(c.ab - 1) : 0;
      // (mediation, CAMEO 045, is a third party's between the two: "mediating between Israel and
      // the Palestinians")
      const bool nounish =
          c.nominal || (!opt_.dict.pair_any_code && c.ab > 0 && !is_punct(pw) && !in_mention(pw) &&
                        !ch.code.fwd.starts_with("045") &&
                        !(cls(pw) & (dict::kAuxiliary | dict::kModal | dict::kPronoun | dict::kPassiveAux |
                                     dict::kConjunction | dict::kClauseStart)));
      if (nounish && !b.compound_lower && src == kNone && tgt == kNone) {
        pairs_within = true;  // "la coopération entre Moscou et Caracas"
      } else if (b.compound_lower) {
        if (src == kNone) src = b.compound;
        if (tgt == kNone) {
          if (praise_of_object(ch, clause_end(cl))) return false;
          pairs_within = true;
        }
      } else if (tgt == kNone) {
        tgt = b.compound;
      }
    }
    uint32_t cstart = clause_start_[cl], cend = clause_end(cl);
    // the target may sit after the pattern's last word, or in a following "that" clause
    uint32_t hcl = std::max(cl, clause_[std::max(b.hi, c.ae - 1)]);
    uint32_t tend = clause_end(hcl);
    // (PETRARCH) ... only when nothing but function and time words follow the verb in its own
    // clause: "shot at US military officers while in detention in Afghanistan" has an object
    const bool bare = !opt_.dict.object_stops_subclause || time_words_only(std::max<uint32_t>(c.ae, b.hi + 1), tend, true);
    for (uint32_t k = hcl + 1; bare && k < clause_start_.size() && clause_sub_[k]; ++k) {
      // a relative clause tells of the object, it holds no target of the verb ("met with an
      // organization that has encouraged violence against Israel")
      int32_t unused = kNone;
      if (relative_clause(k, b.consumed, unused)) break;
      tend = clause_end(k);
    }
    bool pronoun_subject = false, person = false;
    for (uint32_t p = cstart; p < c.ab; ++p)
      if ((cls(raw(p)) & dict::kPronoun) && !(cls(raw(p)) & dict::kDeterminer))
        pronoun_subject = true, person = (cls(raw(p)) & dict::kPersonPronoun) != 0;
    // a subject pronoun joined to the verb after it ("déplore-t-il")
    const bool enclitic = c.ae < A_.size() && attached(raw(c.ae)) && (cls(raw(c.ae)) & dict::kPronoun) &&
                          !(cls(raw(c.ae)) & dict::kDeterminer);
    if (enclitic) person = (cls(raw(c.ae)) & dict::kPersonPronoun) != 0;
    pronoun_subject = pronoun_subject || enclitic;
    // a language that drops subject pronouns: "Por ello, pidió a la Fepade ..." is said of the
    // one "él" would stand for
    if (!pronoun_subject && dropped_subject(c)) {
      pronoun_subject = person = true;
      trace(fmt::format("verb: '{}' has no subject before it: it is the person's who acted before", words(c.ab, c.ae)));
    }
    // a speech verb right after a quotation ("« ... », a déploré X", "\"...\", said X"): the
    // speaker stands after the verb, and what the quotation names is what is spoken of
    bool incise = false;
    // A pattern that opens with the quotation and its comma (`"_,_AVOIR_&ADV_*`) has matched the
    // words between them and the verb ("a de son côté déploré"): the verb group starts there
    uint32_t group = c.ab;
    if (ch.from_pattern && ch.pattern && ch.pattern->text.starts_with("\"_,_") && b.lo < c.ab && is_punct(raw(b.lo)))
      for (group = b.lo; group < c.ab && is_punct(raw(group));) ++group;
    bool inside = false;  // the verb is inside the quotation: its speaker is named after it
    // a present participle after a quotation ("Sarkozy défendait « l'identité française »,
    // taclant au passage Alain Juppé") is no incise: its subject is the clause's before it, and
    // the actor after it its object (own dictionaries)
    bool quoted = !pairs_within && opt_.dict.resolve_pronouns && first_group_in(cstart, c.ab, consumed) == kNone &&
                  after_quotation(raw(group), &incise, opt_.dict.pair_any_code ? nullptr : &inside);
    if (quoted && !inside && !opt_.dict.pair_any_code && participle(c)) quoted = incise = false;
    // and the dictionary's pattern says so: it opens with the quotation (`"_,_AVOIR_*`,
    // `,_"_*`), or with words inside it and then the quotation (`&BLAME ,_"_*`). Then the
    // speaker is the verb's inverted subject (own dictionaries)
    incise = incise && !opt_.dict.pair_any_code && ch.pattern && quote_led(ch.pattern->text);
    if (src == kNone && quoted) {
      int32_t g = enclitic ? kNone
                  : inside ? speaker_after_quote(c.ae, consumed)
                  : incise ? speaker_after(c.ae, cend, consumed)
                           : first_group_in(c.ae, cend, consumed);
      // the speaker of the sentence before (a quotation that runs on from it, or names no speaker)
      if (g == kNone && (pronoun_subject || inside)) g = antecedent(0, consumed, person || inside);
      // a speaker that is no actor ("dénonce l'élu de Côte-d'Or sur France Info") is still the
      // speaker: nothing inside the quotation, nor the outlet it was said on, said it
      if (g == kNone && !pronoun_subject && incise) {
        trace(fmt::format("verb: '{}' follows a quotation, and its speaker is no actor", words(c.ab, c.ae)));
        return false;
      }
      // what stands around the speaker ("sur RFI", "à l'AFP", "sur BFMTV", "face à X") is
      // where and to whom it was said: the quotation holds the target, else it is home. With
      // no speaker found, an outlet after a preposition is still no target.
      for (size_t q = 0; incise && q < groups_.size(); ++q)
        if (groups_[q].ab >= c.ae && groups_[q].ae <= cend && static_cast<int32_t>(q) != b.target &&
            static_cast<int32_t>(q) != g && (g != kNone || preposition_object(q, c.ae))) {
          consumed.push_back(static_cast<int32_t>(q));
          if (tgt == static_cast<int32_t>(q)) tgt = kNone;
        }
      if (g != kNone) {
        src = g;
        if (tgt == g) tgt = kNone;
        consumed.push_back(g);
        trace(fmt::format("verb: '{}' follows a quotation: its speaker is '{}'", words(c.ab, c.ae),
                          words(groups_[static_cast<size_t>(g)].ab, groups_[static_cast<size_t>(g)].ae)));
        if (tgt == kNone) tgt = quotation_target(cstart, g);
      }
    } else if (src != kNone && src == b.source && tgt == kNone && !opt_.dict.pair_any_code && ch.pattern &&
               quote_led(ch.pattern->text)) {
      // `&BLAME ,_"_$_*`: "« ... », X a jugé", "\"...,\" Trump said": the speaker is bound before
      // the verb; what follows it is where and to whom it was said, and the quotation holds the
      // target
      for (size_t q = 0; q < groups_.size(); ++q)
        if (groups_[q].ab >= c.ae && groups_[q].ae <= cend) consumed.push_back(static_cast<int32_t>(q));
      tgt = quotation_target(cstart, src);
    }
    bool src_carried = false;  // the subject of a clause before ("X a rendu ..., fustigeant ...")
    bool insert_subject = false;  // the verb's own subject, set off by an insert between commas
    bool insert_between = false;  // and a clause stands between them (the verb is not the insert)
    // an event noun coded `unknown` takes no doer but one its pattern binds: in "Valls s'est
    // exprimé après l'attentat de Barcelone" the clause's subject did not do it
    const bool doerless_noun = ch.code.unknown && !opt_.dict.pair_any_code && b.source == kNone && event_noun(ch);
    if (src == kNone && !pairs_within && !doerless_noun) {
      // who reports it ("selon l'Express, une poignée de membres auraient demandé") is not who
      // acts: the actor right after a report cue is no subject (own dictionaries)
      if (!opt_.dict.pair_any_code)
        for (size_t g = 0; g < groups_.size(); ++g)
          if (groups_[g].ab < c.ab && groups_[g].ab < groups_[g].ae && reporter(groups_[g].ab))
            consumed.push_back(static_cast<int32_t>(g));
      // "encouraged the Iraqi government to show restraint": the object before the marker acts
      if (!opt_.dict.pair_any_code) src = infinitive_subject(c, cstart, consumed);
      // own dictionaries: a subordinator before the verb in its clause opens a clause of its own
      // ("officials would not disclose when the plane landed in Tehran"): its subject stands
      // after it; when that subject is no actor, the verb borrows none from before
      bool sub_own = false;
      if (src == kNone && !opt_.dict.pair_any_code && !c.nominal)
        for (uint32_t p = c.ab; p-- > cstart;) {
          const uint32_t r = raw(p);
          if (is_punct(r) || in_mention(r) || !(cls(r) & dict::kSubordinator)) continue;
          if (p + 1 < c.ab) {
            src = subject_in(p + 1, c.ab, consumed);
            // a noun phrase opens it: a determiner, then no punctuation up to the verb
            bool np = (cls(raw(p + 1)) & dict::kDeterminer) != 0;
            for (uint32_t q = p + 1; np && q < c.ab; ++q) np = !is_punct(raw(q));
            sub_own = src == kNone && np;
          }
          break;
        }
      if (src == kNone && !sub_own) src = subject_in(cstart, c.ab, consumed);
      if (src == kNone && pronoun_subject && opt_.dict.resolve_pronouns) src = antecedent(cstart, consumed, person);
      // a relative clause with no subject before its verb ("an organization that has called for
      // the kidnapping of Israeli soldiers") is done by what the relative pronoun follows: that
      // actor, or no one the sentence names; never the subject of the clause before (own
      // dictionaries). After a verb the word is a conjunction ("dijo que firmará"), not a relative.
      bool relative = false;
      int32_t ante = kNone;
      if (src == kNone && !pronoun_subject && relative_clause(cl, consumed, ante)) {
        relative = true;
        src = ante;
        trace(fmt::format("verb: '{}' in a relative clause: its subject is {}", words(c.ab, c.ae),
                          src == kNone ? std::string("no actor")
                                       : "'" + words(groups_[static_cast<size_t>(src)].ab,
                                                     groups_[static_cast<size_t>(src)].ae) + "'"));
      }
      // a verb with a subject of its own that is no actor ("after Remainers seized control of
      // Parliament", "adding that protesters attacked") borrows none (own dictionaries)
      const bool own = sub_own || (src == kNone && !pronoun_subject && !relative && !opt_.dict.pair_any_code && !c.nominal &&
                                   own_subject(cstart, c.ab));
      if (own) trace(fmt::format("verb: '{}' has a subject of its own that is no actor", words(c.ab, c.ae)));
      // an unresolved pronoun subject ("he said") is not the previous clause's subject
      for (int32_t k = static_cast<int32_t>(cl) - 1; src == kNone && !pronoun_subject && !relative && !own && k >= 0;
           --k) {
        src_carried = true;
        uint32_t ks = clause_start_[static_cast<size_t>(k)], ke = clause_end(static_cast<uint32_t>(k));
        // "A third man, who authorities believe was an accomplice of the suspects, has been
        // arrested": a relative clause set off by commas, right before a verb that opens its
        // own clause, tells of the subject before it and lends none of its own actors (own
        // dictionaries; a verb after "and" may continue the relative clause, see below)
        if (!opt_.dict.pair_any_code && clause_sub_[static_cast<size_t>(k)] && (cls(raw(ks)) & dict::kRelative) &&
            ks > 0 && is_comma(raw(ks - 1)) && static_cast<uint32_t>(k) + 1 == cl && is_comma(raw(cstart)) &&
            !(cstart + 1 < c.ab && (cls(raw(cstart + 1)) & dict::kConjunction))) {
          trace(fmt::format("verb: '{}': the relative clause before it lends no subject", words(c.ab, c.ae)));
          continue;
        }
        // own dictionaries: "han asesinado a dos alcaldes, secuestrado a tres periodistas": the
        // clause before lends its subject (what stands before its verb), never its object
        if (opt_.dict.clause_members)
          for (const auto& cd : cands_)
            if (cd.ab >= ks && cd.ab < ke && !cd.nominal && !cd.quiet) { ke = cd.ab; break; }
        src = subject_in(ks, ke, consumed);
        // own dictionaries: the actor right after a verb no dictionary holds (past determiners)
        // is its object, lent to no later verb, when the verb follows a preposition ("positions
        // on confronting Iran, supporting Israel") or the actor is a medium ("told the AP that
        // his son ..., preparing to visit")
        if (src != kNone && opt_.dict.clause_members) {
          const Group& sg = groups_[static_cast<size_t>(src)];
          uint32_t p = sg.ab;
          while (p > ks && (cls(raw(p - 1)) & dict::kDeterminer)) --p;
          const bool media = !sg.codes.empty() && std::all_of(sg.codes.begin(), sg.codes.end(), [](const std::string& x) {
            return x.size() >= 6 && std::string_view(x).substr(3, 3) == "MED";
          });
          if (p > ks && has_pos(raw(p - 1), "VERB") && !is_trigger(raw(p - 1)) && !cls(raw(p - 1)) &&
              (media || (p - 1 > ks && (cls(raw(p - 2)) & dict::kFunction) && !(cls(raw(p - 2)) & dict::kDeterminer)))) {
            trace(fmt::format("verb: '{}': the actor the clause before lends is the object of '{}'", words(c.ab, c.ae),
                              words(p - 1, p)));
            src = kNone;
            break;
          }
        }
        // "Le président syrien, interviewé par Europe 1 et TF1, dénonce": the actor after "par" or
        // "by" in an insert between commas that opens with a plain word (the participle), right
        // before this verb, is that participle's doer, not this verb's subject (own dictionaries)
        if (src != kNone && !opt_.dict.pair_any_code && is_comma(raw(ks)) && ks + 1 < ke &&
            !cls(raw(ks + 1)) && !in_mention(raw(ks + 1)) && !is_punct(raw(ks + 1)) &&
            static_cast<uint32_t>(k) + 1 == cl && is_comma(raw(cstart))) {
          uint32_t p = groups_[static_cast<size_t>(src)].ab;
          while (p > ks && (cls(raw(p - 1)) & dict::kDeterminer)) --p;
          if (p > ks && (cls(raw(p - 1)) & dict::kAgentBy)) {
            trace(fmt::format("verb: '{}': the actor after '{}' before it does the participle there", words(c.ab, c.ae),
                              words(p - 1, p)));
            src = kNone;
            continue;
          }
        }
        // "she said after talks with Karzai", "he spoke before meeting Xi": a conjunction that
        // opens this clause with no subject of its own after it, and the clause before has a
        // person pronoun for its subject; what the pronoun stands for is the subject lent (own
        // dictionaries). Not for a clause that follows it further off ("he said the deal would
        // help ..."): the pronoun's reach is kept short
        if (src == kNone && opt_.dict.resolve_pronouns && !opt_.dict.pair_any_code && subordinator_clause(cl) &&
            static_cast<uint32_t>(k) + 1 == cl) {
          uint32_t kv = ke;
          for (const auto& cd : cands_)
            if (cd.ab >= ks && cd.ab < kv && !cd.nominal && !cd.quiet) kv = cd.ab;
          // a person pronoun only: "it comes after ..." is mostly said of no actor
          bool pr = false;
          for (uint32_t p = ks; p < kv; ++p)
            pr = pr || ((cls(raw(p)) & dict::kPersonPronoun) && !(cls(raw(p)) & dict::kDeterminer));
          if (pr) {
            src = antecedent(ks, consumed, true);
            trace(fmt::format("verb: '{}': the clause before has a pronoun subject, {}", words(c.ab, c.ae),
                              src == kNone ? std::string("unresolved") : "resolved"));
            break;
          }
        }
        // "La ministre du Travail, secouée par des révélations, dénonce une dérive": a subject
        // whose clause holds no verb of its own is this verb's own subject, set off by an
        // insert, not one borrowed from another act (own dictionaries)
        auto verbless = [&](int32_t q) {
          const uint32_t qs = clause_start_[static_cast<size_t>(q)], qe = clause_end(static_cast<uint32_t>(q));
          return !clause_sub_[static_cast<size_t>(q)] &&
                 std::none_of(cands_.begin(), cands_.end(),
                              [&](const Candidate& cd) { return !cd.quiet && cd.ab >= qs && cd.ab < qe; }) &&
                 std::none_of(A_.begin() + qs, A_.begin() + qe, [&](uint32_t r) { return has_pos(r, "VERB"); });
        };
        if (src != kNone && !opt_.dict.pair_any_code && verbless(k)) {
          src_carried = false, insert_subject = true, insert_between = static_cast<uint32_t>(k) + 1 < cl;
          // "Gilles Pennelle, président du groupe FN au conseil régional, dénonce un mépris": a
          // noun phrase set off between commas after another, both with no verb, is an
          // apposition; the verb after it is the main verb of the phrase before, the person the
          // apposition describes (no insert that is the verb itself, as in "Najib Razak,
          // fortement critiqué")
          // (a bracket between them is passed over: "Le maire LR de Lagarenne (Hauts-de-Seine),
          // Philippe Juvin, dénonce")
          int32_t q = k - 1;
          auto bracket = [&](int32_t x) {
            const auto n = norm(raw(clause_start_[static_cast<size_t>(x)]));
            return n == "(" || n == ")";
          };
          while (q >= 1 && bracket(q) && verbless(q)) --q;
          if (!insert_between && q >= 0 && is_comma(raw(ks)) && !bracket(q) && verbless(q)) {
            const uint32_t ps = clause_start_[static_cast<size_t>(q)];
            const int32_t first = subject_in(ps, clause_end(static_cast<uint32_t>(q)), consumed);
            if (first != kNone) {
              // the apposition's actor when it has a country ("Le président des Républicains,
              // Christian Jacob,"), else the phrase it describes ("Lavrov, the foreign minister,")
              auto countryless = [&](int32_t g) {
                const auto& cs = groups_[static_cast<size_t>(g)].codes;
                return cs.empty() || std::all_of(cs.begin(), cs.end(), [](const std::string& x) {
                  return x.starts_with("---") || x.starts_with("~");
                });
              };
              if (countryless(src) && !countryless(first)) src = first;
              insert_between = true;
              trace(fmt::format("verb: '{}' follows an apposition: its subject is '{}'", words(c.ab, c.ae),
                                words(groups_[static_cast<size_t>(src)].ab, groups_[static_cast<size_t>(src)].ae)));
            }
          }
        }
        // "an organization that has encouraged violence ..., and has called for the kidnapping
        // of Israeli soldiers": the chain of clauses goes back to the relative pronoun, whose
        // subject is what it stands for
        if (src == kNone && relative_clause(static_cast<uint32_t>(k), consumed, ante)) {
          src = ante;
          trace(fmt::format("verb: '{}' continues a relative clause: its subject is {}", words(c.ab, c.ae),
                            src == kNone ? std::string("no actor")
                                         : "'" + words(groups_[static_cast<size_t>(src)].ab,
                                                       groups_[static_cast<size_t>(src)].ae) + "'"));
          break;
        }
      }
    }
    // "Lors de sa visite en Chine, le président russe a ...", "Durante su visita a Francia, el
    // presidente ...": an event noun after a possessive, in a phrase that opens the sentence
    // and ends at a comma, is done by the subject of the clause after it (own dictionaries)
    if (src == kNone && c.nominal && !pairs_within && !opt_.dict.pair_any_code && cl + 1 < clause_start_.size() &&
        is_comma(raw(clause_start_[cl + 1])) && std::none_of(groups_.begin(), groups_.end(), [&](const Group& g) {
          return g.ab < g.ae && g.ae <= cstart;
        })) {
      bool poss = false;
      for (uint32_t k = 1; k <= 2 && c.ab >= cstart + k && !poss; ++k) poss = (cls(raw(c.ab - k)) & dict::kPossDet) != 0;
      if (poss) {
        const uint32_t ns = clause_start_[cl + 1], ne = clause_end(cl + 1);
        uint32_t nv = ne;  // the next clause's subject stands before its verb
        for (const auto& o : cands_)
          if (!o.nominal && !o.quiet && o.ab > ns && o.ab < nv) nv = o.ab;
        const int32_t g = subject_in(ns, nv, consumed);
        if (g != kNone) {
          src = g;
          consumed.push_back(g);
          trace(fmt::format("verb: '{}' follows a possessive: its doer is the subject after the comma, '{}'",
                            words(c.ab, c.ae), words(groups_[static_cast<size_t>(g)].ab, groups_[static_cast<size_t>(g)].ae)));
        }
      }
    }
    bool tgt_searched = false;  // found after the verb, not bound by the pattern
    bool agentless = false;     // a passive whose doer is not named: the subject is the target
    bool nobody = false;        // a passive that names neither its doer nor an actor as its subject
    if (tgt == kNone && !pairs_within) {
      // an agent word among the words a pattern matched is not the target ("renforcer leur
      // coopération militaire")
      // "the two countries" is never a target found by search: "Seoul and Washington are
      // negotiating an agreement on how both countries share the costs" (patterns bind it)
      std::vector<int32_t> skip = consumed;
      if (!pair_spans_.empty())
        for (size_t g = 0; g < groups_.size(); ++g)
          if (is_pair(static_cast<int32_t>(g))) skip.push_back(static_cast<int32_t>(g));
      tgt = first_target(c.ae, tend, skip, ch.from_pattern && !opt_.dict.pair_any_code ? b.hi + 1 : 0);
      const int32_t found = tgt;
      // a verb coded by default does not reach past an event noun of its own object: in
      // "soutenir ses attaques contre l'Ukraine" Ukraine is the target of the attacks, not of
      // the support (own dictionaries)
      if (!ch.from_pattern && !opt_.dict.pair_any_code && tgt != kNone) {
        const uint32_t tab = groups_[static_cast<size_t>(tgt)].ab;
        // ... unless a new noun phrase starts right after the noun: in "a félicité dans un
        // communiqué le président élu Joe Biden" the noun is done when the verb's object begins
        auto joined = [&](uint32_t from, uint32_t to) {
          if (from >= to) return true;
          const uint32_t w = cls(raw(from));
          return !(w & dict::kDeterminer) || (w & dict::kLinkPrep);
        };
        for (const auto& o : cands_)
          if (o.nominal && o.ab >= c.ae && o.ae <= tab && joined(o.ae, tab)) {
            trace(fmt::format("verb: '{}': its target '{}' belongs to the noun '{}'", words(c.ab, c.ae),
                              words(groups_[static_cast<size_t>(tgt)].ab, groups_[static_cast<size_t>(tgt)].ae),
                              words(o.ab, o.ae)));
            tgt = kNone;
            yielded_ = true;
            break;
          }
      }
      // passive voice: "X was opposed by Y"
      if (!ch.from_pattern || (b.source == kNone && b.target == kNone)) {
        // "are arresting" is active: a form with an `active-ending` is no participle;
        // "sont descendus dans la rue": a verb whose past takes the passive auxiliary is active
        const bool active_form = has_class(raw(c.ab), dict::kActiveParticiple) || active_ending(raw(c.ab));
        // the passive auxiliary: right before the verb, or with one unclassed word between
        uint32_t pa = UINT32_MAX;
        if (c.ab > 0 && (cls(raw(c.ab - 1)) & dict::kPassiveAux))
          pa = c.ab - 1;
        else if (c.ab > 1 && (cls(raw(c.ab - 2)) & dict::kPassiveAux) && cls(raw(c.ab - 1)) == 0 &&
                 !is_punct(raw(c.ab - 1)) && !in_mention(raw(c.ab - 1)) &&
                 !has_class(raw(c.ab - 1), dict::kActiveParticiple))  // "est venu soutenir"
          pa = c.ab - 2;
        // "s'est indigné", "s'en est pris": after a reflexive pronoun (with at most one clitic
        // between) the auxiliary makes a pronominal verb's past, not a passive
        const bool reflexive = pa != UINT32_MAX && ((pa > 0 && has_class(raw(pa - 1), dict::kReflexive)) ||
                                                    (pa > 1 && has_class(raw(pa - 2), dict::kReflexive)));
        bool passive = !active_form && pa != UINT32_MAX && !reflexive;
        bool by = tgt != kNone && groups_[static_cast<size_t>(tgt)].ab > 0 &&
                  (cls(raw(groups_[static_cast<size_t>(tgt)].ab - 1)) & dict::kAgentBy);
        // "was praised by conservative activists", "criticized by the two Democrats": determiners
        // and adjectives may stand between "by" and the doer (own dictionaries)
        if (!by && tgt != kNone && !opt_.dict.pair_any_code) {
          uint32_t p = groups_[static_cast<size_t>(tgt)].ab;
          for (uint32_t k = 0; k < 3 && p > c.ae; ++k) {
            const uint32_t r = raw(p - 1);
            if (cls(r) & dict::kAgentBy) { by = true; break; }
            if (is_punct(r) || in_mention(r) || !((cls(r) & dict::kDeterminer) || (cls(r) == 0 && is_adjective(r)))) break;
            --p;
          }
        }
        // a participle with no auxiliary and its doer right after it ("the Palestinians killed
        // by Israeli troops", "Jérusalem-Est, occupée par Israël", "saluées vendredi par
        // l'OMS"): a passive too, when no auxiliary, modal or pronoun stands before it ("has
        // stood by Israel" is active), only time words between it and "by", and only
        // determiners between "by" and the doer (own dictionaries)
        uint32_t byw = c.ae;
        while (byw < A_.size() && byw < c.ae + 2 && time_word(raw(byw))) ++byw;
        bool by_doer = false;
        if (!passive && tgt != kNone && !active_form && !c.nominal && !opt_.dict.pair_any_code && pa == UINT32_MAX &&
            byw < A_.size() && (cls(raw(byw)) & dict::kAgentBy) && c.ab > 0 &&
            !(word_class(raw(c.ab - 1)) & (dict::kAuxiliary | dict::kModal | dict::kPronoun))) {
          bool det_only = true;
          for (uint32_t p = byw + 1; p < groups_[static_cast<size_t>(tgt)].ab; ++p)
            det_only = det_only && (cls(raw(p)) & dict::kDeterminer);
          if (det_only && groups_[static_cast<size_t>(tgt)].ab > byw) {
            passive = by_doer = true;
            trace(fmt::format("verb: '{}' is a participle with its doer after '{}'", words(c.ab, c.ae), words(byw, byw + 1)));
          }
        }
        if (passive && (by || by_doer)) {
          std::swap(src, tgt);
        } else if (passive && !opt_.dict.pair_any_code) {
          // "Two Iranian activists were arrested in Turkey": the subject undergoes the act and
          // whoever did it is not named; never the reverse dyad
          tgt = src;
          src = kNone;
          agentless = tgt != kNone;
          nobody = tgt == kNone;
        }
      }
      tgt_searched = found != kNone && tgt == found;  // not yielded to a noun, not swapped by a passive
    }
    // PETRARCH's new_actor_length: unknown noun phrases as source and target
    if (opt_.dict.new_actor_length > 0 && !pairs_within) {
      if (src == kNone || (src >= 0 && groups_[static_cast<size_t>(src)].ab >= cstart &&
                           groups_[static_cast<size_t>(src)].ae <= c.ab))
        src = new_actor_subject(cstart, c.ab, src);
      if (tgt == kNone)
        tgt = new_actor_object(ch.from_pattern ? std::max<uint32_t>(c.ae, b.hi + 1) : c.ae, tend, src);
    }
    // "% after *" with no subject to act on it: the event lies between the compound's members
    // ("coopération entre Moscou et Caracas" with no one before it)
    if (src == kNone && b.compound != kNone && !b.compound_lower && tgt == b.compound &&
        groups_[static_cast<size_t>(b.compound)].codes.size() > 1) {
      pairs_within = true;
      tgt = kNone;
    }
    why_not_ = pairs_within ? 0 : src == kNone ? (tgt == kNone ? 3 : 1) : (tgt == kNone ? 2 : 0);
    // a doer named by words no dictionary holds ("arrêté par les Casques bleus") is still a doer
    for (uint32_t q = c.ae; (agentless || nobody) && q < cend && q < c.ae + 3; ++q)
      if (cls(raw(q)) & dict::kAgentBy) agentless = nobody = false;
    // "[173 home]" in the passive with neither doer nor actor named ("six mineurs ont été
    // interpellés à Cadix"): the state where it happened acted on someone unnamed (---); coercion
    // only (root 17), whose undergoers are people; with no place, no event
    const bool nobody_home = nobody && ch.code.home && !opt_.dict.pair_any_code && !pairs_within && src == kNone &&
                             ch.code.fwd.starts_with("17");
    // "[180 unknown]" on an event noun or an agentless passive: the doer is not named
    const bool unknown_doer = ch.code.unknown && !opt_.dict.pair_any_code && !pairs_within && src == kNone &&
                              (doerless_noun || agentless);
    if (src == kNone && tgt == kNone && !pairs_within && !unknown_doer && !nobody_home) return false;
    // An event noun right before its target's words modifies them: "the bombing suspects",
    // "attack helicopters" name people and things, not an act on them (own dictionaries).
    // Only a one-word noun, and only before a role with no country: "meeting with Putin" and
    // "la menace turque" keep their target.
    if (c.nominal && tgt != kNone && !pairs_within && !opt_.dict.pair_any_code && c.ae == c.ab + 1 &&
        groups_[static_cast<size_t>(tgt)].ab == c.ae &&
        std::all_of(groups_[static_cast<size_t>(tgt)].codes.begin(), groups_[static_cast<size_t>(tgt)].codes.end(),
                    [](const std::string& x) { return x.starts_with("---"); })) {
      trace(fmt::format("verb: '{}' modifies the noun after it: no act on '{}'", words(c.ab, c.ae),
                        words(groups_[static_cast<size_t>(tgt)].ab, groups_[static_cast<size_t>(tgt)].ae)));
      return false;
    }
    // An event with no target still needs an object: a verb followed in its clause by nothing
    // but a time word ("a Bree official said today") codes nothing.
    if (tgt == kNone && !pairs_within && !opt_.dict.require_dyad &&
        time_words_only(std::max<uint32_t>(c.ae, b.hi + 1), cend)) {
      why_not_ = 4;
      return false;
    }
    if (tgt == kNone && src != kNone && groups_[static_cast<size_t>(src)].codes.size() > 1 && !pairs_within &&
        opt_.dict.require_dyad &&
        (opt_.dict.pair_any_code || mutual(ch.code.fwd) || (ch.code.fwd.starts_with("05") && reciprocal_after(c.ae, cend)))) {
      // "Gondor and Osgiliath have renewed ties": between the members; but praise, thanks or
      // support coded by default with an object that is no actor went to that object ("Theresa
      // May and Emmanuel Macron thanked veterans"), not to each other; a topic of talks ("met
      // and discussed the crisis") is no such object (own dictionaries)
      if (praise_of_object(ch, cend)) return false;
      pairs_within = true;
    }
    // own dictionaries: "U.S. and Russian officials reached an agreement over the weekend
    // calling for an inventory of Syria's weapons": a mutual act of a compound subject lies
    // between its members, not with an actor the search found more than four words on (one
    // close by, "renewed ties with Rohan", or bound by the pattern stays the target)
    if (tgt_searched && src != kNone && !pairs_within && !opt_.dict.pair_any_code && b.target == kNone &&
        mutual(ch.code.fwd) &&
        (groups_[static_cast<size_t>(tgt)].ab > std::max<uint32_t>(c.ae, ch.from_pattern ? b.hi + 1 : 0) + 4 ||
         locative(groups_[static_cast<size_t>(tgt)]))) {  // "Trump and Kim met in Singapore"
      const auto& members = groups_[static_cast<size_t>(src)].codes;
      // members of two countries at least
      if (std::any_of(members.begin(), members.end(),
                      [&](const std::string& x) { return x.compare(0, 3, members.front(), 0, 3) != 0; })) {
        trace(fmt::format("verb: '{}': a mutual act of '{}' lies between its members", words(c.ab, c.ae),
                          words(groups_[static_cast<size_t>(src)].ab, groups_[static_cast<size_t>(src)].ae)));
        pairs_within = true;
        tgt = kNone;
      }
    }

    // "the two countries" acting on one of the two ("both countries have accused Iran" after a
    // sentence on the US and Iran), or one of the two acting on the pair ("China urged the two
    // countries"): which of them is meant is not known
    if (!pairs_within && !pair_spans_.empty() && src != kNone && tgt != kNone && (is_pair(src) || is_pair(tgt))) {
      // the same two countries on both sides ("the US and China are close to signing a
      // trade agreement ... between the two countries"): the event lies between them
      auto countries_of = [&](int32_t g) {
        std::set<std::string> cs;
        for (const auto& x : groups_[static_cast<size_t>(g)].codes) cs.insert(x.substr(0, 3));
        return cs;
      };
      if (countries_of(src) == countries_of(tgt) && countries_of(src).size() == 2) {
        if (is_pair(src)) src = tgt;
        tgt = kNone;
        pairs_within = true;
      }
    }
    if (!pairs_within && !pair_spans_.empty() && src != kNone && tgt != kNone) {
      auto members_meet = [&](int32_t pair, int32_t other) {
        if (!is_pair(pair)) return false;
        for (const auto& o : groups_[static_cast<size_t>(other)].codes)
          for (const auto& m : groups_[static_cast<size_t>(pair)].codes)
            if (o.compare(0, 3, m, 0, 3) == 0) return true;
        return false;
      };
      if (members_meet(src, tgt) || members_meet(tgt, src)) {
        trace(fmt::format("verb: '{}': a pair of countries and one of its members codes nothing", words(c.ab, c.ae)));
        why_not_ = 0;
        return false;
      }
    }

    Polarity pol = Polarity::asserted;
    Modality mod = Modality::fact;
    int32_t report_at = kNone;
    bool threat = false;  // a `threat` cue governs the verb
    // a "that" clause is governed by the clause it hangs on: "Russia denied that its troops
    // attacked" is a denial of the attack, "si ... que" a supposition. A subordinator's clause
    // takes no negation, denial or supposition from it ("did not meet him when he visited the
    // US": the visit was made), but an intention ("will not be boxed in when he meets Kim")
    uint32_t cue_from = cstart, intent_from = cstart;
    bool own = false;
    for (uint32_t k = cl; k > 0 && clause_sub_[k]; --k) {
      // a relative clause of an actor, opened by a pronoun that opens no content clause ("who",
      // "qui"), has cues of its own: in "did not support the rebels who attacked the army" the
      // attack is no less done; "warnings that", "the idea that" hold what is said or supposed
      // (own dictionaries)
      int32_t ante = kNone;
      if (relative_clause(k, consumed, ante) && ante != kNone &&
          !(cls(raw(clause_start_[k])) & dict::kComplementizer))
        break;
      own = own || subordinator_clause(k);
      intent_from = clause_start_[k - 1];
      if (!own) cue_from = intent_from;
    }
    cue_scan(cue_from, intent_from, c, pol, mod, report_at, threat);
    if (mod == Modality::fact) mod = tense(c);
    if (mod == Modality::fact && subject_of_modal(c, ch.from_pattern ? std::min(c.ab, b.lo) : c.ab, cend)) {
      trace(fmt::format("verb: '{}' is the subject of a modal: a supposition", words(c.ab, c.ae)));
      mod = Modality::hypothetical;
    }
    // a sentence that asks ("Se mettront-ils d'accord ?", "Did Israel conduct an airstrike on
    // Syria?") tells no fact in its main clause, nor an intention ("Will Trump meet Putin?"); its subordinate clauses may ("... when he
    // threatened a military intervention in Venezuela?"), and a question that takes its
    // content as given does ("Why is North Korea threatening Guam?": a `presupposed` cue)
    if ((mod == Modality::fact || mod == Modality::intent) && !clause_sub_[cl] && question(raw(c.ae - 1) + 1) &&
        std::none_of(cue_hits().begin(), cue_hits().end(), [&](const CueHit& h) {
          return lex_.cues[static_cast<size_t>(h.k)].cue == dict::Cue::presupposed && raw(h.p) < raw(c.ab);
        }))
      mod = Modality::hypothetical;
    // who says so: the actor right after a report cue ("selon la société russe Rostec")
    std::string attribution;
    if (report_at != kNone)
      for (const auto& g : groups_)
        if (g.ab > static_cast<uint32_t>(report_at) && g.ab <= static_cast<uint32_t>(report_at) + 4 && g.ab < g.ae) {
          for (auto& code : g.codes) attribution += (attribution.empty() ? "" : "/") + code;
          attribution += " (" + std::string(text_.substr(toks_[g.b].start, toks_[g.e - 1].end - toks_[g.b].start)) + ")";
          break;
        }

    const size_t before = out_.events.size();
    auto make = [&](const std::string& s, uint32_t sb, uint32_t se, const std::string& t, uint32_t tb, uint32_t te,
                    const std::string& rule_code) {
      // CAMEO codes an announced intention to cooperate as the 03 root: "Moscow intends to
      // develop relations with Caracas" is 032, not 05x (own dictionaries; the cue sets it)
      std::string code = rule_code;
      Modality m = mod;
      if (mod == Modality::intent && !opt_.dict.pair_any_code) {
        std::string i = intent_code(rule_code);
        if (!i.empty()) {
          trace(fmt::format("intent: {} expressed as an intention -> {}", rule_code, i));
          code = std::move(i);
        } else if (threat && !(i = threat_code(rule_code)).empty()) {
          // ... and a threatened conflictual act as the threat made: "Turkey threatened to
          // launch an offensive" is 1384, a fact
          trace(fmt::format("threat: {} threatened -> {}", rule_code, i));
          code = std::move(i);
          m = Modality::fact;
        }
      }
      // a news outlet or a journalist says, asks, praises, accuses, investigates and protests;
      // it does not give aid, cooperate materially, yield, coerce, assault or fight ("the
      // newspaper adds that today's attack ... from Gaza", "a Ukrainian journalist detained in
      // Moscow"): such an event read with a media source has its actors wrong (own dictionaries)
      if (!opt_.dict.pair_any_code && s.size() >= 6 && s.compare(3, 3, "MED") == 0 && code.size() >= 2) {
        static constexpr std::string_view kMaterial[] = {"06", "07", "08", "15", "16", "17", "18", "19", "20"};
        const std::string_view root = std::string_view(code).substr(0, 2);
        if (std::find(std::begin(kMaterial), std::end(kMaterial), root) != std::end(kMaterial)) {
          trace(fmt::format("verb: '{}': a news outlet or journalist ('{}') does no {} act", words(c.ab, c.ae), s, root));
          return;
        }
      }
      // speaking to a newspaper or reporters ("officials who spoke to Reuters", "speaking
      // off-camera with reporters") is how news is gathered, not a consultation (own dictionaries)
      if (!opt_.dict.pair_any_code && t.size() >= 6 && t.compare(3, 3, "MED") == 0 && code.starts_with("04")) {
        trace(fmt::format("verb: '{}': talking to a news outlet ('{}') is no consultation", words(c.ab, c.ae), t));
        return;
      }
      // "Mattis and Tillerson voiced support for NATO": two members of one code make one event
      for (size_t k = before; k < out_.events.size(); ++k)
        if (out_.events[k].source.code == s && out_.events[k].target.code == t && out_.events[k].code == code) return;
      Coded e;
      e.source = {s, sb, se, titled_of(sb, se)};
      e.target = {t, tb, te, titled_of(tb, te)};
      e.code = code;
      e.verb_begin = raw(c.ab);
      e.verb_end = raw(c.ae - 1) + 1;
      if (ch.pattern) {
        e.rule_file = ch.pattern->origin.file;
        e.rule_line = ch.pattern->origin.line;
        e.rule_text = ch.pattern->text;
      } else {
        const auto& trig = lex_.triggers[c.trigger];
        e.rule_file = trig.origin.file;
        e.rule_line = trig.origin.line;
        e.rule_text = trig.text;
      }
      e.polarity = pol;
      e.modality = m;
      e.attribution = attribution;
      out_.events.push_back(std::move(e));
    };
    if (pairs_within) {
      int32_t g = src != kNone ? src : b.compound;
      if (g == kNone) return false;
      const Group& gr = groups_[static_cast<size_t>(g)];
      if (gr.codes.size() < 2) return false;
      // own dictionaries: a list of more than three actors acting together ("Iran, Russia,
      // China, Britain, France, Germany and the US haggled over...") is not n(n-1) bilateral
      // events; three make six, the most that reads as pairwise
      if (!opt_.dict.pair_any_code && gr.codes.size() > 3) {
        trace(fmt::format("verb: '{}': {} actors acting together are not paired", words(c.ab, c.ae), gr.codes.size()));
        return false;
      }
      for (size_t i = 0; i < gr.codes.size(); ++i)
        for (size_t j = 0; j < gr.codes.size(); ++j) {
          if (i == j || gr.codes[i] == gr.codes[j] || self_reference(gr.codes[i], gr.codes[j])) continue;
          bool fwd = i < j;
          const std::string& code = fwd || ch.code.rev.empty() ? ch.code.fwd : ch.code.rev;
          make(gr.codes[i], gr.b, gr.e, gr.codes[j], gr.b, gr.e, code);
        }
      return out_.events.size() > before;
    }
    // A verb coded by a `home` default takes a target the search found only as its object,
    // within three words ("dénonce la Russie"); an actor further on may belong to anything
    // ("dénonce une dérive ... de la présidence"): the patterns bind such targets, and without
    // one the statement is taken as aimed at home
    if (tgt_searched && !ch.from_pattern && ch.code.home && !opt_.dict.pair_any_code &&
        groups_[static_cast<size_t>(tgt)].ab > c.ae + 3) {
      trace(fmt::format("verb: '{}': a home default does not reach the far actor '{}'", words(c.ab, c.ae),
                        words(groups_[static_cast<size_t>(tgt)].ab, groups_[static_cast<size_t>(tgt)].ae)));
      tgt = kNone;
    }
    // "[111 home]": a statement on domestic matters that names no target is aimed at the
    // source's own country, which the engine fills in once the article's home country is known
    // A verb that borrows the subject of a clause before it ("X a rendu ..., fustigeant la
    // corruption", "Le Gendre, critiqué en interne") is an adjunct or a passive participle: it
    // gets no home target
    // Judgements (root 11) keep the rule after an insert unless a clause stands between the
    // subject and the verb ("La ministre, secouée par des révélations, dénonce une dérive"): a
    // verb right after its subject's comma is mostly the insert itself, a participle ("Najib
    // Razak, fortement critiqué après ...", "La Belgique, déjà épinglée pour ...")
    if (tgt == kNone && (src_carried || (insert_subject && ch.code.fwd.starts_with("11") && !insert_between)) && ch.code.home &&
        !opt_.dict.pair_any_code) {
      trace(fmt::format("verb: '{}': no target, and its subject belongs to a clause before", words(c.ab, c.ae)));
      return false;
    }
    // nor does a pronoun standing for an actor of an earlier sentence, outside a quotation's
    // incise: two guesses (who "il" is, and at whom) make no event
    if (tgt == kNone && src != kNone && !quoted && ch.code.home && !opt_.dict.pair_any_code &&
        groups_[static_cast<size_t>(src)].ab == groups_[static_cast<size_t>(src)].ae) {
      trace(fmt::format("verb: '{}': no target, and its subject is a pronoun for an earlier sentence's actor",
                        words(c.ab, c.ae)));
      return false;
    }
    if (tgt == kNone && src != kNone && ch.code.home && !opt_.dict.pair_any_code) {
      const Group& gs = groups_[static_cast<size_t>(src)];
      for (auto& s : gs.codes) make(s, gs.b, gs.e, kHomeActor, 0, 0, ch.code.fwd);
      trace(fmt::format("verb: '{}': no target named; aimed at the source's own country", words(c.ab, c.ae)));
      return out_.events.size() > before;
    }
    // "[173 home]" in the passive with no doer named ("trois militants ont été interpellés à
    // Minsk", "fue encarcelado"): the state where it happened, else the target's own, did it;
    // the engine fills it in from the event's place or the target
    if (nobody_home && tgt == kNone) {
      make(kHomeActor, 0, 0, kUnknownActor, 0, 0, ch.code.fwd);
      trace(fmt::format("verb: '{}': passive naming no doer and no actor; done by the state where it happened",
                        words(c.ab, c.ae)));
      return out_.events.size() > before;
    }
    if (agentless && src == kNone && ch.code.home && !opt_.dict.pair_any_code) {
      const Group& gt = groups_[static_cast<size_t>(tgt)];
      for (auto& t : gt.codes) make(kHomeActor, 0, 0, t, gt.b, gt.e, ch.code.fwd);
      trace(fmt::format("verb: '{}': passive with no doer named; done by the state where it happened", words(c.ab, c.ae)));
      return out_.events.size() > before;
    }
    // "[180 unknown]": violence whose doer is not named ("un attentat à Barcelone", "three
    // soldiers were killed in an ambush") is done by the unknown actor; the noun's target is
    // the actor right after it ("l'attentat contre la police"), else the country where it
    // happened, filled in by the engine from the event's place (no place, no event). An actor
    // further on belongs to something else ("l'attentat ... a été revendiqué par l'EI").
    if (unknown_doer) {
      const Group* gt0 = tgt != kNone ? &groups_[static_cast<size_t>(tgt)] : nullptr;
      const uint32_t after = std::max<uint32_t>(c.ae, ch.from_pattern ? b.hi + 1 : 0);  // the noun's words end
      constexpr uint32_t kJoining = dict::kFunction | dict::kDeterminer | dict::kLinkPrep | dict::kPlacePrep | dict::kPossDet;
      if (gt0 && tgt_searched && doerless_noun &&
          (gt0->ab > after + 3 || (gt0->ab > 0 && (cls(raw(gt0->ab - 1)) & dict::kAgentBy)) ||  // "revendiqué par l'EI"
           // anything but function words between: "a bombing in Boston shocked Obama", "an
           // attack that killed a contractor"
           std::any_of(A_.begin() + after, A_.begin() + gt0->ab, [&](uint32_t r) { return !(cls(r) & kJoining); }))) {
        trace(fmt::format("verb: '{}': the doer is not named, and '{}' is not its target (too far, past other "
                          "words, or a doer)",
                          words(c.ab, c.ae), words(gt0->ab, gt0->ae)));
        tgt = kNone;
      }
      if (tgt == kNone) {
        make(kUnknownActor, 0, 0, kPlaceActor, 0, 0, ch.code.fwd);
        trace(fmt::format("verb: '{}': the doer is not named; aimed at the country where it happened", words(c.ab, c.ae)));
      } else {
        const Group& gt = groups_[static_cast<size_t>(tgt)];
        for (auto& t : gt.codes) make(kUnknownActor, 0, 0, t, gt.b, gt.e, ch.code.fwd);
        trace(fmt::format("verb: '{}': the doer is not named", words(c.ab, c.ae)));
      }
      return out_.events.size() > before;
    }
    if (opt_.dict.require_dyad && (src == kNone || tgt == kNone)) return false;
    static const std::vector<std::string> none{"---"};
    const auto& sc = src == kNone ? none : groups_[static_cast<size_t>(src)].codes;
    const auto& tc = tgt == kNone ? none : groups_[static_cast<size_t>(tgt)].codes;
    uint32_t sb = src == kNone ? 0 : groups_[static_cast<size_t>(src)].b, se = src == kNone ? 0 : groups_[static_cast<size_t>(src)].e;
    uint32_t tb = tgt == kNone ? 0 : groups_[static_cast<size_t>(tgt)].b, te = tgt == kNone ? 0 : groups_[static_cast<size_t>(tgt)].e;
    // Two different actors may share a code: "el PSOE criticó al PP" is ESPPTY -> ESPPTY,
    // "Anaya acusó a López Obrador" MEXOPP -> MEXOPP (own dictionaries). The same words on
    // both sides, or PETRARCH's dictionaries, give no dyad.
    // (the words are compared only when the codes are equal: rare, and off the common path)
    auto distinct = [&] {
      return !opt_.dict.pair_any_code && src != kNone && tgt != kNone && src != tgt &&
             fold_span(sb, se) != fold_span(tb, te);
    };
    for (auto& s : sc)
      for (auto& t : tc) {
        if (s == t && s != "---" && !distinct()) continue;
        if (self_reference(s, t)) continue;
        make(s, sb, se, t, tb, te, ch.code.fwd);
        if (!ch.code.rev.empty()) make(t, tb, te, s, sb, se, ch.code.rev);
      }
    return out_.events.size() > before;
  }

  // The 03 code ("express intent to ...") that mirrors a cooperative code of roots 04-08.
  static std::string intent_code(const std::string& c) {
    if (c.size() < 3) return {};
    const std::string_view r(c.data(), 2);
    const char d = c[2];
    if (r == "04") return d == '5' ? "039" : "036";
    if (r == "05") return "032";
    if (r == "06") {
      if (d >= '1' && d <= '4') return std::string("031") + d;
      return "031";
    }
    if (r == "07") {
      if (d >= '1' && d <= '4') return std::string("033") + d;
      return "033";
    }
    if (r == "08") {
      switch (d) {
        case '1': return "0351";
        case '2': return "0352";
        case '3': return "034";
        case '4': return "0353";
        case '5': return "0354";
        case '6': return "0355";
        case '7': return "0356";
        default: return "035";
      }
    }
    return {};
  }

  // The 13 code ("threaten ...") for a conflictual act of roots 14-20 threatened, not done:
  // "Turkey threatened to launch an offensive" is 1384, "threatened to impose sanctions" 1312.
  static std::string threat_code(const std::string& c) {
    if (c.size() < 3) return {};
    const std::string_view r(c.data(), 2);
    const char d = c[2];
    if (r == "14") return "133";
    if (r == "15") return "138";
    if (r == "16") {
      switch (d) {
        case '1': return "1313";
        case '2': return "1311";
        case '3': return "1312";
        case '4': return "134";
        case '5': return "135";
        case '6': return "136";
        default: return "131";
      }
    }
    if (r == "17") {
      if (d != '2') return "137";
      return c.size() == 4 && c[3] >= '1' && c[3] <= '4' ? std::string("132") + c[3] : "132";
    }
    if (r == "18") return "1383";
    if (r == "19") {
      switch (d) {
        case '1': return "1381";
        case '2': return "1382";
        case '0': return "138";
        default: return "1384";
      }
    }
    if (r == "20") return d == '4' ? "1385" : "138";
    return {};
  }

  // Codes whose event two actors do together: a compound subject with no target codes them
  // between its members ("A and B renewed ties"; not "A and B condemned ..."). Of diplomatic
  // cooperation, the ties, relations restored and agreements (050, 054, 057): praise, support,
  // apologies (051-053, 055, 056) go to another ("X and Y expressed their support" is for a
  // third) unless a `reciprocal` word says otherwise ("supported each other")
  static bool mutual(const std::string& code) {
    if (code.size() < 2) return false;
    std::string_view r(code.data(), 2);
    if (r == "05") return code.size() == 2 || code.starts_with("050") || code.starts_with("054") || code.starts_with("057");
    return r == "03" || r == "04" || r == "06" || code.starts_with("0871") || code.starts_with("190");
  }

  // A `reciprocal` word ("each other", "mutuellement") within two words after the verb: the
  // compound's members do it to each other ("supported each other").
  bool reciprocal_after(uint32_t p, uint32_t cend) const {
    for (uint32_t q = p; q < cend && q < A_.size() && q < p + 2; ++q)
      if (cls(raw(q)) & dict::kReciprocal) return true;
    return false;
  }

  // "China's government ... China": an actor and its own government are one side, not a dyad.
  bool self_reference(const std::string& s, const std::string& t) const {
    if (opt_.dict.pair_any_code || s.size() < 3 || t.size() < 3 || s.starts_with("---")) return false;
    if (s.compare(0, 3, t, 0, 3) != 0) return false;
    auto rest = [](const std::string& c) { return std::string_view(c).substr(3); };
    return (rest(s).empty() && rest(t) == "GOV") || (rest(t).empty() && rest(s) == "GOV");
  }

  // Cues before the verb in its clause (from `from`; intent and threat cues from
  // `intent_from`, which may reach further back) set polarity and modality; a
  // negation-after cue may follow the verb closely ("ne signe pas"); a report
  // cue ("selon", "according to") holds for the whole sentence.
  void cue_scan(uint32_t from, uint32_t intent_from, const Candidate& c, Polarity& pol, Modality& mod,
                int32_t& report_at, bool& threat) const {
    if (lex_.cue_trie.size() == 0) return;
    // "not only", "no solo": a negation cue inside such a phrase negates nothing
    auto cancelled = [&](uint32_t p) {
      for (const auto& h : cue_hits())
        if (lex_.cues[static_cast<size_t>(h.k)].cue == dict::Cue::not_negation && raw(h.p) <= raw(p) && raw(p) <= h.last)
          return true;
      return false;
    };
    // an act reported is still an act intended or supposed when a later cue says so ("days
    // before he allegedly planned to travel to Syria"): the report gives way
    auto open = [&] { return mod == Modality::fact || mod == Modality::reported; };
    for (const auto& h : cue_hits()) {
      const uint32_t p = h.p, last = h.last;
      const int64_t k = h.k;
      dict::Cue cue = lex_.cues[static_cast<size_t>(k)].cue;
      if ((cue == dict::Cue::negation || cue == dict::Cue::negation_after) && cancelled(p)) continue;
      bool before = p >= from && p < c.ab;
      const bool intent_before = p >= intent_from && p < c.ab;
      bool just_after = p >= c.ae && p < c.ae + 3;
      switch (cue) {
        case dict::Cue::negation: if (before) pol = Polarity::negated; break;
        case dict::Cue::negation_after: if (before || just_after) pol = Polarity::negated; break;
        case dict::Cue::denial: if (before) mod = Modality::denied; break;
        case dict::Cue::intent: if (intent_before && open()) mod = Modality::intent; break;
        // "threatened to impose sanctions": an intention, which an act of roots 14-20 makes a
        // threat (the 13 root, told as a fact)
        case dict::Cue::threat:
          if (intent_before && open()) mod = Modality::intent, threat = true;
          break;
        case dict::Cue::hypothetical: if (before && open()) mod = Modality::hypothetical; break;
        // a condition that opens the sentence ("If ...,", "Si ...,") governs all of it: "Si
        // gana, Anaya criticará a López Obrador" is a supposition in both clauses
        case dict::Cue::condition:
          if ((before || (p == first_word() && p < c.ab)) && open()) mod = Modality::hypothetical;
          // a condition between an intention and the verb is what the verb hangs on ("promising
          // to destroy North Korea if Pyongyang threatened the US": no threat was made)
          else if (before && mod == Modality::intent && !threat) mod = Modality::hypothetical;
          break;
        case dict::Cue::not_negation: break;
        case dict::Cue::pair: break;
        case dict::Cue::presupposed: break;
        // a reporting conditional ("aurait mené", "habría ordenado") tells of its own clause only:
        // another clause's act is not reported by it
        case dict::Cue::report_clause:
          if (before && mod == Modality::fact) mod = Modality::reported;
          break;
        case dict::Cue::report:
          if (mod == Modality::fact) mod = Modality::reported;
          if (report_at == kNone) report_at = static_cast<int32_t>(pos_[last - b_] >= 0 ? pos_[last - b_] : p);
          break;
      }
    }
  }

  // The sentence ends with a question mark (closing quotes and brackets aside) that belongs to
  // the words from raw token `from` on: no quotation opens, and no colon, dash or full stop
  // ends a piece of text, between them (not 'a critiqué les propos : "c'est quoi ... ?"', nor
  // a scraped sub-heading glued to the sentence, '... ».- Et les élections ?').
  bool question(uint32_t from) const {
    uint32_t end = e_;
    while (end > b_ && is_punct(end - 1)) {
      const std::string_view t = norm(end - 1);
      if (t.find('?') != std::string_view::npos) break;
      if (t != "\"" && t != ")" && t != "'") return false;
      --end;
    }
    if (end == b_ || !is_punct(end - 1)) return false;
    for (uint32_t r = from; r + 1 < end; ++r) {
      if (!is_punct(r)) continue;
      const std::string_view t = norm(r);
      if (t == "\"" || t == ":" || t == "." || t.starts_with("-") || t == "\u2022") return false;
    }
    return true;
  }

  // The verb is a present participle: a form the lexicon reads as a verb, with a
  // `participle-ending`, at least three letters longer than it.
  bool participle(const Candidate& c) const {
    if (c.nominal || lex_.participle_endings.empty()) return false;
    const uint32_t r = raw(c.ab);
    if (!has_pos(r, "VERB") || toks_[r].lemma == toks_[r].form) return false;
    const std::string_view v = norm(r);
    return std::any_of(lex_.participle_endings.begin(), lex_.participle_endings.end(),
                       [&](const std::string& x) { return v.size() > x.size() + 2 && v.ends_with(x); });
  }

  // A verb in the future tells an intention ("Macron rencontrera Poutine", "se reunirá con"), in
  // the conditional a supposition: the form's ending says so, in a language that lists such
  // endings (own dictionaries). Only a form the lexicon reads as a verb, longer than its ending.
  Modality tense(const Candidate& c) const {
    if (c.nominal || opt_.dict.pair_any_code || (lex_.future_endings.empty() && lex_.conditional_endings.empty()))
      return Modality::fact;
    const uint32_t r = raw(c.ab);
    if (!has_pos(r, "VERB") || toks_[r].lemma == toks_[r].form) return Modality::fact;
    const std::string_view v = norm(r);
    auto ends = [&](const std::vector<std::string>& xs) {
      return std::any_of(xs.begin(), xs.end(), [&](const std::string& x) { return v.size() > x.size() + 2 && v.ends_with(x); });
    };
    if (ends(lex_.conditional_endings)) return Modality::hypothetical;
    if (ends(lex_.future_endings)) return Modality::intent;
    return Modality::fact;
  }

  // Praise, thanks or support coded by default, with an object that is no actor right after the
  // verb: a compound subject did it to that object, not to each other (own dictionaries)
  bool praise_of_object(const Choice& ch, uint32_t cend) {
    const auto& c = cands_[ch.cand];
    if (opt_.dict.pair_any_code || ch.from_pattern || !ch.code.fwd.starts_with("05") || !object_after(c.ae, cend))
      return false;
    trace(fmt::format("verb: '{}': its object is no actor, and the compound does not act on itself", words(c.ab, c.ae)));
    why_not_ = 2;
    return true;
  }

  // The word ends with an `active-ending` ("arresting", "dénoncer") longer than the ending.
  bool active_ending(uint32_t r) const {
    const std::string_view v = norm(r);
    return std::any_of(lex_.active_endings.begin(), lex_.active_endings.end(),
                       [&](const std::string& x) { return v.size() > x.size() + 2 && v.ends_with(x); });
  }

  // A noun phrase starts right after the verb: a determiner, or a word the lexicon reads as a
  // noun ("thanked veterans"); not a preposition, a time word or punctuation ("met on Friday").
  bool object_after(uint32_t p, uint32_t cend) const {
    if (p >= cend || p >= A_.size()) return false;
    const uint32_t r = raw(p);
    if (is_punct(r) || time_word(r)) return false;
    const uint32_t k = cls(r);
    auto noun = [&](uint32_t x) { return inflected_noun(x) || has_pos(x, "NOUN") || is_trigger(x); };
    // after a determiner, a noun past any adjectives ("the brave veterans"; not "each other")
    if (k & dict::kDeterminer) {
      for (uint32_t q = p + 1; q < cend && q < A_.size() && q <= p + 3; ++q) {
        const uint32_t x = raw(q);
        if (noun(x)) return true;
        if (is_punct(x) || cls(x)) return false;
      }
      return false;
    }
    if (k) return false;
    return noun(r);
  }

  // "Netanyahu said lifting economic sanctions would embolden Tehran": a form with an
  // `active-ending` that opens its clause (after a speech verb, a clause-start word or
  // punctuation) and is followed in that clause by a modal, before any other verb, is the
  // subject of the modal: the act is supposed (own dictionaries)
  bool subject_of_modal(const Candidate& c, uint32_t head, uint32_t cend) const {
    if (c.quiet || opt_.dict.pair_any_code || lex_.active_endings.empty()) return false;
    if (c.nominal && head == c.ab) {
      // "A meeting between Trump and Kim could take place": an event noun with only
      // determiners and adjectives before it in its clause is the subject of the modal
      while (head > 0 && ((cls(raw(head - 1)) & dict::kDeterminer) || is_adjective(raw(head - 1)))) --head;
      if (head == c.ab) return false;
    } else if (!active_ending(raw(head))) {
      return false;
    }
    if (head > 0) {
      const uint32_t pr = raw(head - 1);
      if (!is_punct(pr) && !(cls(pr) & (dict::kSpeech | dict::kClauseStart))) return false;
    }
    for (uint32_t p = c.ae; p < cend; ++p) {
      if ((cls(raw(p)) & dict::kModal) && !in_mention(raw(p))) return true;  // not "Theresa May"'s
      if (std::any_of(cands_.begin(), cands_.end(), [&](const Candidate& o) { return !o.nominal && !o.quiet && o.ab == p; }))
        return false;
    }
    return false;
  }

  // The first active position that is a word (after any opening quote or dash).
  uint32_t first_word() const {
    for (uint32_t p = 0; p < A_.size(); ++p)
      if (!is_punct(raw(p))) return p;
    return 0;
  }

  // The actor starting at active position `ab` stands right after a report cue (determiners
  // between) that opens the sentence or follows a punctuation mark ("..., rapporte RTL",
  // "selon l'Express,", ", according to South Korean military"): it says so, it does not act.
  // A cue inside a phrase names no one who reports ("son complice présumé Markus Hartmann",
  // "was reportedly Boko Haram's deputy").
  bool reporter(uint32_t ab) const {
    for (const auto& h : cue_hits()) {
      if (lex_.cues[static_cast<size_t>(h.k)].cue != dict::Cue::report) continue;
      if (h.p > 0 && !is_punct(raw(h.p - 1))) continue;
      const uint32_t after = pos_[h.last - b_] >= 0 ? static_cast<uint32_t>(pos_[h.last - b_]) : h.p;
      uint32_t q = after + 1;
      while (q < A_.size() && (cls(raw(q)) & dict::kDeterminer)) ++q;
      if (q == ab) return true;
    }
    return false;
  }

  // The cue phrases of the sentence, found once (every coded clause consults them).
  struct CueHit {
    uint32_t p, last;
    int64_t k;
  };
  const std::vector<CueHit>& cue_hits() const {
    if (!cue_hits_ready_) {
      cue_hits_ready_ = true;
      for (uint32_t p = 0; p < A_.size(); ++p) {
        // a cue word inside an actor's name is the name: "Theresa May said" is no supposition
        if (in_mention(raw(p))) continue;
        uint32_t last;
        int64_t k = lex_.cue_trie.longest(toks_, raw(p), e_, last);
        if (k >= 0) cue_hits_.push_back({p, last, k});
      }
    }
    return cue_hits_;
  }
  mutable std::vector<CueHit> cue_hits_;
  mutable bool cue_hits_ready_ = false;

  const Lexicon& lex_;
  const text::Tokenized& doc_;
  const std::vector<text::Token>& toks_;
  uint32_t b_, e_;
  int32_t date_;
  const CodeOptions& opt_;
  SentenceResult& out_;
  // the words a pattern writes as `,` and `"` (an incise's comma may be left out)
  const WordId comma_id_ = lex_.vocab.find(","), quote_id_ = lex_.vocab.find("\"");

  std::vector<bool> deleted_;
  std::vector<Mention> ments_;
  std::vector<Unit> units_;
  std::vector<std::pair<uint32_t, uint32_t>> pair_spans_;  // raw tokens of "the two countries" units
  std::vector<uint32_t> A_;
  std::vector<int32_t> pos_;
  std::vector<Group> groups_;
  std::vector<int32_t> group_start_, group_end_;
  std::vector<uint32_t> clause_;
  std::vector<uint32_t> clause_start_;
  std::vector<bool> clause_sub_;  // the clause opens with "that", "which"...: objects may lie in it
  std::vector<Candidate> cands_;
  int why_not_ = 0;
  bool yielded_ = false;  // the verb being emitted left its target to an event noun  // for the trace: 1 no source, 2 no target, 3 neither, 4 no object
  dict::WordMask sent_mask_;  // every form and lemma of the sentence
};

}  // namespace

void code_sentence(const dict::Lexicon& lex, const text::Tokenized& doc, uint32_t tok_begin, uint32_t tok_end,
                   int32_t date, const CodeOptions& opt, SentenceResult& out, const Antecedent* previous) {
  out = SentenceResult{};
  if (tok_begin >= tok_end) return;
  Sentence s(lex, doc, tok_begin, tok_end, date, opt, out);
  s.previous_ = previous;
  s.text_ = doc.raw_text;
  s.run();
}

}  // namespace dyad::code
