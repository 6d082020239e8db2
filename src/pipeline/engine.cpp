// The pipeline: read -> segment -> analyze -> match/parse/code (per sentence) -> attribute -> emit.
#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cameo/cameo.h"
#include "code/coder.h"
#include "dict/cache.h"
#include "dict/langpack.h"
#include "dict/lint.h"
#include "dict/native.h"
#include "dict/petrarch.h"
#include "dyad/dyad.h"
#include "lang/langid.h"
#include "pipeline/attribute.h"
#include "pipeline/dateline.h"
#include "text/normalize.h"

namespace dyad {
namespace fs = std::filesystem;

struct Engine::Impl {
  EngineOptions opt;
  CameoTable cameo;
  std::map<std::string, std::unique_ptr<dict::Lexicon>> langs;  // by language code
  std::map<std::string, bool> from_cache;                        // by language code
  std::vector<Error> warnings;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;
const EngineOptions& Engine::options() const { return impl_->opt; }
const std::vector<Error>& Engine::warnings() const { return impl_->warnings; }
std::vector<std::pair<std::string, bool>> Engine::cache_use() const {
  return {impl_->from_cache.begin(), impl_->from_cache.end()};
}

namespace {

int32_t date_int(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return 0;
  int32_t v = 0;
  for (char c : std::string{d.substr(0, 4)} + std::string{d.substr(5, 2)} + std::string{d.substr(8, 2)}) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

dict::Options dict_options(const EngineOptions& o) {
  const bool petrarch = o.dict.starts_with("petrarch:");
  auto pick = [](int v, int tabari, int own, bool p) { return v >= 0 ? v : (p ? tabari : own); };
  dict::Options d;
  d.require_dyad = o.require_dyad;
  d.resolve_pronouns = !petrarch;  // PETRARCH's records expect unresolved pronouns to code nothing
  d.pair_any_code = petrarch;
  d.word_gap = petrarch ? 0 : 6;
  d.nested_comma_clauses = petrarch;
  d.object_stops_subclause = petrarch;
  d.role_skips_determiner = !petrarch;
  d.clause_members = !petrarch;
  d.single_prep_level = petrarch;
  d.comma_min = pick(o.comma_min, 2, 0, petrarch);
  d.comma_max = pick(o.comma_max, 8, 0, petrarch);
  d.comma_bmin = pick(o.comma_bmin, 0, 0, petrarch);
  d.comma_bmax = pick(o.comma_bmax, 0, 0, petrarch);
  d.comma_emin = pick(o.comma_emin, 0, 0, petrarch);
  d.comma_emax = pick(o.comma_emax, 0, 0, petrarch);
  d.new_actor_length = std::max(0, o.new_actor_length);
  return d;
}

std::string country_of(const std::string& code) {
  // a new actor named by its words ("\"INJURY TOLL\"", PETRARCH's new_actor_length) has none
  if (code.size() < 3 || code.starts_with("---") || code.starts_with('"') || code.starts_with('~')) return {};
  return code.substr(0, 3);
}

}  // namespace

namespace {

// One language pack to compile: which language, and (for the cache) its file name and key.
struct Pack {
  std::string lang;
  std::string cache_name;  // file name in the cache folder
  std::string key;         // the inputs, compared whole (dict::CacheKey)
};

std::string absolute(const std::string& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? fs::path(p) : a).lexically_normal().string();
}

std::string hex16(uint64_t h) {
  std::string s(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) s[static_cast<size_t>(k)] = "0123456789abcdef"[h & 15];
  return s;
}

// The language packs `opt` asks for, with the key of each: every file of the folders its
// loaders read (data/common and data/<lang>; for PETRARCH files, data/<lang> and the
// dictionary folder or file), the data folder, and the dictionary kind. The cache file is
// named after the pack and the folders, so that two data folders do not share one file.
Result<std::vector<Pack>> packs_of(const EngineOptions& opt) {
  std::error_code ec;
  if (!fs::is_directory(opt.data_dir, ec)) return fail("io_error", "data folder does not exist", Location{opt.data_dir});
  const std::string data = absolute(opt.data_dir);
  std::vector<Pack> out;
  if (opt.dict.starts_with("petrarch:")) {
    // PETRARCH dictionaries are written for one language: the default one.
    const std::string dict = absolute(opt.dict.substr(9));
    dict::CacheKey key;
    key.text("kind", "petrarch");
    key.text("data", data);
    key.text("dict", dict);
    // the paths as given name the rule files of events ("dicts/CAMEO.verbs.txt")
    key.text("data-as-given", opt.data_dir);
    key.text("dict-as-given", opt.dict);
    key.text("lang", opt.default_lang);
    key.folder(opt.data_dir + "/" + opt.default_lang, opt.default_lang);
    if (fs::is_directory(dict, ec)) key.folder(dict, "petrarch:");
    else key.file(dict, "petrarch:" + fs::path(dict).filename().string());
    const uint64_t where = fnv1a(opt.dict, fnv1a(opt.data_dir, fnv1a(dict, fnv1a(data))));
    out.push_back({opt.default_lang, "petrarch-" + opt.default_lang + "-" + hex16(where) + ".dlex", key.bytes()});
    return out;
  }
  if (!opt.dict.empty())
    return fail("bad_option", "unknown dictionary kind '" + opt.dict + "' (expected petrarch:DIR, or nothing for dyad's own)");
  std::vector<std::string> langs;
  for (auto& e : fs::directory_iterator(opt.data_dir, ec)) {
    if (!e.is_directory()) continue;
    std::string name = e.path().filename().string();
    if (name == "common" || !fs::exists(e.path() / "tokens.txt")) continue;
    langs.push_back(name);
  }
  std::sort(langs.begin(), langs.end());
  for (auto& l : langs) {
    dict::CacheKey key;
    key.text("kind", "native");
    key.text("data", data);
    key.text("data-as-given", opt.data_dir);
    key.text("lang", l);
    key.folder(opt.data_dir + "/common", "common");
    key.folder(opt.data_dir + "/" + l, l);
    out.push_back({l, l + "-" + hex16(fnv1a(opt.data_dir, fnv1a(data))) + ".dlex", key.bytes()});
  }
  return out;
}

// Compiles one language pack from its text files.
Result<std::unique_ptr<dict::Lexicon>> compile_pack(const EngineOptions& opt, const std::string& l) {
  auto lex = std::make_unique<dict::Lexicon>();
  if (opt.dict.starts_with("petrarch:")) {
    if (auto r = dict::load_language(opt.data_dir + "/" + l, *lex); !r) return std::unexpected(r.error());
    if (auto r = dict::load_petrarch(opt.dict.substr(9), *lex); !r) return std::unexpected(r.error());
    return lex;
  }
  if (auto r = dict::load_language(opt.data_dir + "/" + l, *lex); !r) return std::unexpected(r.error());
  if (auto r = dict::load_native(opt.data_dir, l, *lex); !r) return std::unexpected(r.error());
  if (auto r = dict::load_lexicons(opt.data_dir + "/" + l, *lex); !r) return std::unexpected(r.error());
  // rules are named relative to the data folder ("data/fr/verbs.01-10.txt"), so stored
  // events and exports do not carry this machine's paths
  const std::string prefix = opt.data_dir + "/";
  for (auto& f : lex->files)
    if (f.starts_with(prefix)) f = "data/" + f.substr(prefix.size());
  return lex;
}

std::string cache_dir_of(const EngineOptions& opt) {
  return opt.cache_dir.empty() ? dict::default_cache_dir() : opt.cache_dir;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions& opt) {
  auto impl = std::make_unique<Impl>();
  impl->opt = opt;
  if (const int32_t d = date_int(opt.roles_date);
      !opt.roles_date.empty() && (opt.roles_date.size() != 10 ||
                                  !std::chrono::year_month_day{std::chrono::year{d / 10000},
                                                               std::chrono::month{static_cast<unsigned>(d / 100 % 100)},
                                                               std::chrono::day{static_cast<unsigned>(d % 100)}}
                                       .ok()))
    return fail("bad_option", "the date for the roles of undated records must be YYYY-MM-DD", Location{opt.roles_date});
  const std::string common = opt.data_dir + "/common";
  auto cam = CameoTable::load(common + "/cameo-codes.tsv", common + "/cameo-plover.tsv");
  if (!cam) return std::unexpected(cam.error());
  impl->cameo = std::move(*cam);

  auto packs = packs_of(opt);
  if (!packs) return std::unexpected(packs.error());
  const std::string cache_dir = opt.cache ? cache_dir_of(opt) : std::string();
  for (auto& p : *packs) {
    std::unique_ptr<dict::Lexicon> lex;
    const std::string path = cache_dir.empty() ? std::string() : cache_dir + "/" + p.cache_name;
    if (!path.empty()) {
      auto cached = dict::read_cache(path, p.key);
      if (cached) lex = std::move(*cached);
      else if (cached.error().kind == "bad_cache") {
        Error w = cached.error();
        w.message += "; compiling the dictionaries again";
        impl->warnings.push_back(std::move(w));
      }
    }
    impl->from_cache[p.lang] = lex != nullptr;
    if (!lex) {
      auto compiled = compile_pack(opt, p.lang);
      if (!compiled) return std::unexpected(compiled.error());
      lex = std::move(*compiled);
      // a cache that cannot be written (read-only folder, full disk) only costs the next start
      if (!path.empty() && dict::write_cache(path, p.key, *lex)) dict::prune_cache(cache_dir);
    }
    lex->options = dict_options(opt);
    lex->names_from_capitals = std::any_of(lex->word_classes.begin(), lex->word_classes.end(),
                                           [](const auto& wc) { return (wc.second & dict::kNameParticle) != 0; });
    lex->active_endings.clear();
    lex->no_dropped_subject_endings.clear();
    lex->future_endings.clear();
    lex->conditional_endings.clear();
    lex->participle_endings.clear();
    for (auto& [w, c] : lex->word_classes) {
      // a subordinator opens a clause in dyad's own dictionaries; PETRARCH's records read
      // "after" and "when" inside the clause before
      if ((c & dict::kSubordinator) && !lex->options.pair_any_code) c |= dict::kClauseStart;
      if (c & dict::kActiveEnding) lex->active_endings.emplace_back(lex->vocab.word(w));
      if (c & dict::kNoDroppedSubject) lex->no_dropped_subject_endings.emplace_back(lex->vocab.word(w));
      if (c & dict::kFutureEnding) lex->future_endings.emplace_back(lex->vocab.word(w));
      if (c & dict::kConditionalEnding) lex->conditional_endings.emplace_back(lex->vocab.word(w));
      if (c & dict::kParticipleEnding) lex->participle_endings.emplace_back(lex->vocab.word(w));
    }
    impl->langs.emplace(p.lang, std::move(lex));
  }
  if (impl->langs.empty()) return fail("bad_dictionary", "no language pack found", Location{opt.data_dir});
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Result<std::vector<CacheFile>> Engine::compile_cache(const EngineOptions& opt, const std::string& dir) {
  const std::string out_dir = dir.empty() ? cache_dir_of(opt) : dir;
  if (out_dir.empty())
    return fail("bad_option", "no cache folder: give one, or set DYAD_CACHE_DIR, XDG_CACHE_HOME or HOME");
  auto packs = packs_of(opt);
  if (!packs) return std::unexpected(packs.error());
  if (packs->empty()) return fail("bad_dictionary", "no language pack found", Location{opt.data_dir});
  std::vector<CacheFile> out;
  for (auto& p : *packs) {
    auto lex = compile_pack(opt, p.lang);
    if (!lex) return std::unexpected(lex.error());
    (*lex)->options = dict_options(opt);
    const std::string path = out_dir + "/" + p.cache_name;
    auto size = dict::write_cache(path, p.key, **lex);
    if (!size) return std::unexpected(size.error());
    out.push_back({p.lang, path, *size});
  }
  return out;
}

Result<CodeReport> Engine::code(const Doc& doc) const { return code(doc, impl_->opt); }

// The language a record is coded in: its own `lang`, else what CLD2 finds
// (when dyad has that language), else the default.
static std::string language_of(const Engine::Impl& impl, const Doc& doc) {
  if (!doc.lang.empty()) return doc.lang;
  if (impl.opt.dict.starts_with("petrarch:")) return impl.opt.default_lang;
  lang::Guess g = lang::identify(doc.text);
  if (!g.code.empty() && impl.langs.count(g.code)) return g.code;
  return impl.opt.default_lang;
}

static Result<const dict::Lexicon*> pick(const Engine::Impl& impl, const Doc& doc, const std::string& lang) {
  if (impl.opt.dict.starts_with("petrarch:")) return impl.langs.begin()->second.get();
  auto it = impl.langs.find(lang);
  if (it == impl.langs.end())
    return fail("unsupported_language", "no language pack for '" + lang + "'", Location{doc.origin.file, doc.origin.line, 0, doc.id});
  return it->second.get();
}

using code::names_country;

// People on the ground with no country (crowds, civilians, police, refugees, rebels) at a place
// their sentence names take the place's country first. Then an agent with no country ("le
// ministre", "the police", "---GOV") in an article whose actors
// are mostly of one country is taken to be of that country: the analyst's reading of "the
// minister" in a story about France. At least two mentions, and more than half of all the
// country mentions of the article; organisations (IGO, NGO...) do not count. The actor is
// marked country_inferred. Names the dictionaries do not hold (code::kNameActor) take the
// home country too, or their events are dropped.
static void infer_home(const std::unordered_map<std::string, uint32_t>& home, CodeReport& rep, std::string* explain) {
  // people on the ground with no country (crowds, civilians, police, refugees, rebels) at a
  // place the sentence names are of the place's country, not of the article's: "protesters
  // stormed the embassy in Baghdad" in American news are Iraqi
  for (auto& e : rep.events) {
    if (!names_country(e.place_country)) continue;
    for (ActorRef* a : {&e.source, &e.target}) {
      if (a->code.size() != 6 || !a->code.starts_with("---")) continue;
      const std::string_view role = std::string_view(a->code).substr(3);
      if (role != "CVL" && role != "COP" && role != "REF" && role != "REB") continue;
      if (explain) *explain += fmt::format("  place country: {} -> {}{}\n", a->code, e.place_country, role);
      a->code = e.place_country + std::string(role);
      a->country = e.place_country;
      a->country_inferred = true;
    }
  }
  std::string best;
  uint32_t best_n = 0, total = 0;
  for (const auto& [c, n] : home) {
    if (!names_country(c)) continue;
    total += n;
    if (n > best_n || (n == best_n && c < best)) best = c, best_n = n;
  }
  // a name the dictionaries do not hold has the home country, or no event
  const bool has_home = best_n >= 2 && 2 * best_n > total;
  std::erase_if(rep.events, [&](const Event& e) {
    const bool named = e.source.code.starts_with(code::kNameActor) || e.target.code.starts_with(code::kNameActor);
    if (named && !has_home && explain) *explain += fmt::format("  no home country for a name: {} -> {} dropped\n", e.source.code, e.target.code);
    return named && !has_home;
  });
  if (!has_home) return;
  for (auto& e : rep.events)
    for (ActorRef* a : {&e.source, &e.target})
      if (a->code.size() > 3 && a->code.starts_with("---")) {
        if (explain) *explain += fmt::format("  home country: {} -> {}{}\n", a->code, best, a->code.substr(3));
        a->code = best + a->code.substr(3);
        a->country = best;
        a->country_inferred = true;
      }
  // "the minister ... the government" may now name one actor on both sides: no dyad
  std::erase_if(rep.events, [](const Event& e) {
    return (e.source.country_inferred || e.target.country_inferred) && e.source.code == e.target.code;
  });
  // names last: two different people of the home country are a domestic dyad
  for (auto& e : rep.events)
    for (ActorRef* a : {&e.source, &e.target})
      if (a->code.starts_with(code::kNameActor)) {
        if (explain) *explain += fmt::format("  home country: {} '{}' -> {}{}\n", a->code, a->text, best, a->code.substr(3));
        a->code = best + a->code.substr(3);
        a->country = best;
        a->country_inferred = true;
      }
}

// A government office with no country left after infer_home ("the president" in an article
// with no home country) is the actor of the article named with its title and a country most
// often ("President Obama": USAGOV), when there is one (code::CodedActor::titled), keyed by
// event id, and the other side is not that actor. Marked country_inferred.
static void resolve_titles(const std::unordered_map<std::string, std::pair<std::string, std::string>>& titled,
                           CodeReport& rep, std::string* explain) {
  if (titled.empty()) return;
  for (auto& e : rep.events) {
    const auto it = titled.find(e.id);
    if (it == titled.end()) continue;
    for (auto [a, t, o] : {std::tuple{&e.source, &it->second.first, &e.target},
                           std::tuple{&e.target, &it->second.second, &e.source}}) {
      if (t->empty() || !a->code.starts_with("---") || a->code.size() <= 3) continue;
      // "the president met with Xi" is not Xi
      if (o->code == *t) continue;
      if (explain) *explain += fmt::format("  title: '{}' {} -> {}\n", a->text, a->code, *t);
      a->code = *t;
      a->country = t->substr(0, 3);
      a->country_inferred = true;
    }
  }
}

// "[CODE unknown]" events naming no target: at the country of the event's place, else of the
// article's places when the sentence names no other country, or dropped.
// "[CODE home]" events: with no target named, aimed at the source's own country, known once
// infer_home has run (a source with no country, an organisation, "NGO", "IGO", or a news
// outlet gives no event); told in the passive with no doer named, done by the state where
// it happened, else by the target's own.
// `place_home`: the country of most places the article names; `named`: for a sentence whose
// violence has no doer, no target and no place, the countries of every actor and place it names.
static void resolve_home_actors(CodeReport& rep, const std::string& place_home,
                                const std::unordered_map<uint32_t, std::vector<std::string>>& named,
                                std::string* explain) {
  // puts country `c` on side `a` of the event, marked implied; false (drop it) when `c` names none
  auto settle = [&](ActorRef& a, const std::string& c, std::string_view what, const std::string& other,
                    const Event& e, std::string_view none) {
    const bool ok = names_country(c);
    if (explain) *explain += fmt::format("  {}: {} {} -> {}\n", what, other, e.code, ok ? c : none);
    if (!ok) return false;
    a.code = a.country = c;
    a.implied = true;
    return true;
  };
  std::erase_if(rep.events, [&](Event& e) {
    // "[180 unknown]" naming no target: the country where it happened
    // with no place of its own, the country where the article's places lie, when the sentence
    // names no other ("Los secuestros se han disparado por todo el sur" in a story on Guerrero,
    // "the attack was a terrorist attack" in one on Benghazi)
    if (e.target.code == code::kPlaceActor) {
      std::string c = e.place_country;
      if (c.empty() && !place_home.empty()) {
        const auto it = named.find(e.sentence_index);
        if (it != named.end() &&
            std::all_of(it->second.begin(), it->second.end(), [&](const std::string& n) { return n == place_home; }))
          c = place_home;
      }
      return !settle(e.target, c, "place target", e.source.code, e, "no place, dropped");
    }
    // a passive with no doer named: the state where it happened, else the target's own
    if (e.source.code == code::kHomeActor)
      return !settle(e.source, !e.place_country.empty() ? e.place_country : country_of(e.target.code), "home source",
                     e.target.code, e, "no country, dropped");
    if (e.target.code != code::kHomeActor) return false;
    const std::string c = country_of(e.source.code);
    // a news outlet as the source is mostly where the words were said ("a-t-il fustigé sur
    // TF1"), not who said them: no home target for it
    const bool ok = names_country(c) && e.source.code.find("MED", 3) == std::string::npos;
    if (explain) *explain += fmt::format("  home target: {} {} -> {}\n", e.source.code, e.code, ok ? c : "no country, dropped");
    if (!ok) return true;
    e.target.code = e.target.country = c;
    e.target.implied = true;
    return false;
  });
}

// The id: FNV-1a of the document id then "\x1f<si>\x1f<source>\x1f<target>\x1f<code>", fed
// piece by piece (no string built), as 16 hex digits.
static void set_id(Event& e, uint64_t doc_hash, uint32_t si) {
  uint64_t h = doc_hash;
  const fmt::format_int si_text(si);
  for (std::string_view part : {std::string_view(si_text.data(), si_text.size()), std::string_view(e.source.code),
                                std::string_view(e.target.code), std::string_view(e.code)})
    h = fnv1a(part, fnv1a("\x1f", h));
  e.id.assign(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) e.id[static_cast<size_t>(k)] = "0123456789abcdef"[h & 15];
}

static void set_cameo(const Engine::Impl& impl, Event& e) {
  e.base = e.code.substr(0, std::min<size_t>(3, e.code.size()));
  e.root = e.code.substr(0, std::min<size_t>(2, e.code.size()));
  if (const CameoInfo* ci = impl.cameo.find(e.code)) {
    e.quad = ci->quad;
    e.goldstein = ci->goldstein;
    e.plover = {ci->plover_type, ci->plover_mode, ci->plover_context};
  }
}

// The country of every gazetteer place named in tokens [b, e), longest names first.
template <class F>
static void for_each_place(const dict::Lexicon& lex, const text::Tokenized& toks, uint32_t b, uint32_t e, F&& f) {
  for (uint32_t t = b; t < e; ++t) {
    uint32_t last = 0;
    const int64_t p = lex.place_trie.longest(toks.tokens, t, e, last);
    if (p < 0) continue;
    f(lex.places[static_cast<size_t>(p)].country);
    t = last;
  }
}

// A place of `country` right after a place preposition within eight words after the verb ("met
// with Abbas in Ramallah"): the meeting's own place, not one the sentence names for something
// else ("spoke with Abe about the tests in North Korea" is far, or before the verb).
static bool place_follows(const dict::Lexicon& lex, const text::Tokenized& toks, const text::SentenceSpan& s,
                          uint32_t verb_end, const std::string& country) {
  for (uint32_t i = verb_end; i < s.tok_end && i < verb_end + 8; ++i) {
    uint32_t first = 0, last = 0;
    const int64_t p = pipeline::place_after(lex, toks, s, i, first, last);
    if (p >= 0 && lex.places[static_cast<size_t>(p)].country == country) return true;
  }
  return false;
}

// A sub-heading in capitals glued to the sentence after it ("LA LOI TRAVAIL, \"LA DÉCHIRURE DE
// TROP\" Arnaud Montebourg dénonce", "QUERELLES DE POUVOIR La réunion entre"): three or more
// words in capitals (one of four letters or more), with only quotes, commas and apostrophes
// between, right before a capitalised word with lower-case letters, open a sentence. They are a
// sentence of their own: their actors and verbs belong to no clause of the next one. (A colon
// ends a dateline or a caption's label, "FILE PHOTO: U.S. President ...", which stay whole.)
static void split_headings(text::Tokenized& toks) {
  const auto& T = toks.tokens;
  const std::string_view text = toks.raw_text;
  auto upper_word = [&](const text::Token& t) {  // capitalised, no lower-case letter
    if (!t.capitalised) return false;
    const std::string_view w = text.substr(t.start, t.end - t.start);
    for (size_t k = 0; k < w.size();)
      if (u_islower(static_cast<UChar32>(text::next_code_point(w, k)))) return false;
    return true;
  };
  std::vector<text::SentenceSpan> out;
  out.reserve(toks.sentences.size());
  for (const auto& s : toks.sentences) {
    uint32_t words = 0, i = s.tok_begin;
    bool long_word = false, stop = false;
    for (; i < s.tok_end && !stop; ++i) {
      const auto& t = T[i];
      if (t.kind == text::TokKind::punct) {
        const auto n = toks.norm(t);
        // (the tokenizer folds guillemets and curly quotes to '"', the curly apostrophe to "'")
        stop = !(n == "," || n == "\"" || n == "'");
        if (stop) words = 0;
        continue;
      }
      if (!upper_word(t)) break;
      ++words;
      long_word = long_word || t.end - t.start >= 4;
    }
    if (words >= 3 && long_word && i < s.tok_end && T[i].kind == text::TokKind::word && T[i].capitalised) {
      out.push_back({s.start, T[i - 1].end, s.tok_begin, i});
      out.push_back({T[i].start, s.end, i, s.tok_end});
    } else {
      out.push_back(s);
    }
  }
  toks.sentences.swap(out);
}

static void run(const Engine::Impl& impl, const dict::Lexicon& lex, const Doc& doc, const std::string& lang,
                const EngineOptions& o, CodeReport& rep, std::string* explain) {
  thread_local text::Tokenized toks;
  text::tokenize(doc.text, lex.token_rules, toks);
  lex.assign_ids(toks);
  if (!o.dict.starts_with("petrarch:")) split_headings(toks);
  code::CodeOptions copt;
  copt.dict = dict_options(o);
  copt.trace = explain != nullptr;
  // No date in the record: a dateline line of the text gives one ("lundi, septembre 25, 2023")
  Doc dateline;  // only its date is used, by the attribute stage
  dateline.date = doc.date.empty() ? pipeline::dateline_date(lex, toks) : doc.date;
  if (explain && doc.date.empty() && !dateline.date.empty())
    *explain += fmt::format("document date from a dateline: {}\n", dateline.date);
  int32_t date = date_int(dateline.date);
  // no date at all: the actors' dated roles are read on the latest day the text names, else on
  // the day the caller gives for undated records (EngineOptions::roles_date), else today's
  if (!date) {
    date = pipeline::latest_named_date(lex, toks);
    if (explain && date)
      *explain += fmt::format("roles read on the latest date the text names: {:04}-{:02}-{:02}\n", date / 10000,
                              date / 100 % 100, date % 100);
    if (!date && (date = date_int(o.roles_date)) && explain)
      *explain += fmt::format("roles read on the date given for undated records: {}\n", o.roles_date);
    rep.undated = !date;
  }
  code::SentenceResult sr;
  code::Antecedent previous;
  std::unordered_map<std::string, uint32_t> home;  // countries of the actors named, for infer_home
  std::unordered_map<uint32_t, std::vector<std::string>> named;  // see resolve_home_actors
  std::unordered_map<std::string, std::pair<std::string, std::string>> titled;  // see resolve_titles
  const uint64_t doc_hash = fnv1a(doc.id);         // the start of every event id
  rep.sentences = static_cast<uint32_t>(toks.sentences.size());
  for (uint32_t si = 0; si < toks.sentences.size(); ++si) {
    const auto& s = toks.sentences[si];
    code::code_sentence(lex, toks, s.tok_begin, s.tok_end, date, copt, sr, &previous);
    for (const auto& c : sr.countries) ++home[c];
    previous.update(sr.last_actor);
    if (explain) {
      *explain += fmt::format("sentence {} [{}..{}): {}\n", si, s.start, s.end, doc.text.substr(s.start, s.end - s.start));
      std::string tl;
      for (uint32_t t = s.tok_begin; t < s.tok_end; ++t) {
        const auto& tk = toks.tokens[t];
        tl += fmt::format(" {}", toks.norm(tk));
        if (tk.lemma != tk.form && tk.lemma) tl += fmt::format("/{}", lex.vocab.word(tk.lemma));
      }
      *explain += "  tokens:" + tl + "\n";
      for (auto& line : sr.trace) *explain += "  " + line + "\n";
    }
    if (sr.story_discard) {
      rep.story_discard = true;
      rep.events.clear();
      if (explain) *explain += "  story discarded\n";
      return;
    }
    if (sr.sentence_discard) ++rep.sentence_discards;
    if (sr.dateline) ++rep.datelines;
    const size_t first = rep.events.size();
    std::vector<size_t> visits;  // meetings read as visits (see below), by index
    for (auto& c : sr.events) {
      Event& e = rep.events.emplace_back();  // built in place: an Event holds some twenty strings
      e.doc_id = doc.id;
      e.doc_date = dateline.date;
      e.lang = lang;
      e.url = doc.url;
      e.sentence_index = si;
      e.sentence_start = s.start;
      e.sentence_end = s.end;
      e.sentence = doc.text.substr(s.start, s.end - s.start);
      auto actor = [&](const code::CodedActor& a, ActorRef& r) {
        r.code = a.code;
        r.country = country_of(a.code);
        if (a.tok_end > a.tok_begin) {
          r.start = toks.tokens[a.tok_begin].start;
          r.end = toks.tokens[a.tok_end - 1].end;
          r.text = doc.text.substr(r.start, r.end - r.start);
        }
      };
      actor(c.source, e.source);
      actor(c.target, e.target);
      e.code = c.code;
      set_cameo(impl, e);
      e.polarity = c.polarity;
      e.modality = c.modality;
      e.attribution = c.attribution;
      e.verb_start = toks.tokens[c.verb_begin].start;
      e.verb_end = toks.tokens[c.verb_end - 1].end;
      e.verb_text = doc.text.substr(e.verb_start, e.verb_end - e.verb_start);
      e.rule = {c.rule_file < lex.files.size() ? lex.files[c.rule_file] : std::string(), c.rule_line, c.rule_text};
      pipeline::attribute(lex, dateline, toks, s, c, e);
      // A show of force (root 15) aimed at the doer's own country or forces ("plans to send US
      // troops to rescue Iraq's Yazidis" found the troops as the target) tells no one it is aimed
      // at: no event (own dictionaries)
      if (e.code.starts_with("15") && !copt.dict.pair_any_code && code::names_country(country_of(e.source.code)) &&
          country_of(e.source.code) == country_of(e.target.code)) {
        if (explain) *explain += fmt::format("  a show of force at its own side: {} -> {} {} dropped\n", e.source.code, e.target.code, e.code);
        rep.events.pop_back();
        continue;
      }
      // A meeting (040) at a place of known country is a visit: in the target's country the
      // source visits (042), in the source's it hosts (043), elsewhere they meet at a third
      // location (044) — CAMEO's codes for where a meeting takes place (own dictionaries)
      if (e.code == "040" && !copt.dict.pair_any_code && code::names_country(e.place_country) &&
          place_follows(lex, toks, s, c.verb_end, e.place_country)) {
        const std::string sc = country_of(e.source.code), tc = country_of(e.target.code);
        if (code::names_country(sc) && code::names_country(tc) && sc != tc) {
          const char* to = e.place_country == tc ? "042" : e.place_country == sc ? "043" : "044";
          if (explain) *explain += fmt::format("  a meeting in {}: 040 -> {}\n", e.place_country, to);
          e.code = to;
          set_cameo(impl, e);
          visits.push_back(rep.events.size() - 1);
        }
      }
      // "[180 unknown]" at a city ("les attentats de Paris"): the city stands for its country's
      // people, not for its government as in "Paris a condamné"
      if (e.source.code == code::kUnknownActor && !copt.dict.pair_any_code && c.target.tok_end > c.target.tok_begin &&
          e.target.code.size() > 3) {
        uint32_t last = 0;
        const int64_t p = lex.place_trie.longest(toks.tokens, c.target.tok_begin, c.target.tok_end, last);
        if (p >= 0 && last + 1 == c.target.tok_end && lex.places[static_cast<size_t>(p)].country == e.target.code.substr(0, 3)) {
          if (explain) *explain += fmt::format("  a place as the target: {} -> {}\n", e.target.code, e.target.code.substr(0, 3));
          e.target.code.resize(3);
        }
      }
      // violence with no doer, target or place: which countries its sentence names, for the
      // country of the article's places to stand in (resolve_home_actors)
      if (e.target.code == code::kPlaceActor && e.place_country.empty() && !named.count(si)) {
        auto& n = named[si];
        for (const auto& k : sr.countries)
          if (code::names_country(k)) n.push_back(k);
        for_each_place(lex, toks, s.tok_begin, s.tok_end, [&](const std::string& k) { n.push_back(k); });
      }
      set_id(e, doc_hash, si);
      if (!c.source.titled.empty() || !c.target.titled.empty()) titled[e.id] = {c.source.titled, c.target.titled};
      if (explain) {
        *explain += fmt::format("  EVENT {} -> {} {} ({} {}) rule {}:{} '{}'\n", e.source.code, e.target.code, e.code,
                                to_string(e.polarity), to_string(e.modality), e.rule.file, e.rule.line, e.rule.pattern);
        if (!e.place.empty())
          *explain += fmt::format("    place: {} ({} in {}, {:.3f} {:.3f})\n", e.place, e.place_kind, e.place_country,
                                  e.place_lat, e.place_lon);
      }
    }
    // the other side of a visit: "Putin met with Maduro in Moscow" is Putin hosting (043) and
    // Maduro visiting (042); a pair already coded both ways ("X and Y met in Z") is not doubled
    for (size_t k : visits) {
      Event r = rep.events[k];
      const bool both = std::any_of(rep.events.begin() + static_cast<std::ptrdiff_t>(first), rep.events.end(), [&](const Event& o) {
        return o.source.code == r.target.code && o.target.code == r.source.code && o.code.starts_with("04");
      });
      if (both) continue;
      std::swap(r.source, r.target);
      r.code = r.code == "042" ? "043" : r.code == "043" ? "042" : "044";
      set_cameo(impl, r);
      set_id(r, doc_hash, si);
      if (explain) *explain += fmt::format("  EVENT {} -> {} {}: the other side of the visit\n", r.source.code, r.target.code, r.code);
      rep.events.push_back(std::move(r));
    }
  }
  if (copt.dict.resolve_pronouns) infer_home(home, rep, explain);
  resolve_titles(titled, rep, explain);
  // the country of most places the article names (two at least, more than half), when a
  // doerless act needs one: the story's setting, which the actors' home country is not when
  // American news covers an attack abroad
  std::string place_home;
  if (!named.empty()) {
    std::unordered_map<std::string, uint32_t> pc;
    uint32_t total = 0;
    for_each_place(lex, toks, 0, static_cast<uint32_t>(toks.tokens.size()), [&](const std::string& k) {
      ++pc[k];
      ++total;
    });
    uint32_t best = 0;
    for (const auto& [k, n] : pc)
      if (n > best || (n == best && k < place_home)) place_home = k, best = n;
    if (best < 2 || 2 * best <= total) place_home.clear();
    if (explain) *explain += fmt::format("  places named: {} of {} in {}\n", best, total, place_home.empty() ? "no one country" : place_home);
  }
  resolve_home_actors(rep, place_home, named, explain);
  // "The FBI and Boston Police said": the compound's agent given the home country now codes what
  // its first member codes, from the same words: one event, the one named outright
  for (size_t i = 1; i < rep.events.size(); ++i) {
    const Event& e = rep.events[i];
    const bool twin = std::any_of(rep.events.begin(), rep.events.begin() + static_cast<std::ptrdiff_t>(i), [&](const Event& o) {
      return o.sentence_index == e.sentence_index && o.code == e.code && o.source.code == e.source.code &&
             o.target.code == e.target.code && o.source.start == e.source.start && o.source.end == e.source.end &&
             o.target.start == e.target.start && o.target.end == e.target.end && o.verb_start == e.verb_start &&
             o.modality == e.modality && o.polarity == e.polarity;
    });
    if (!twin) continue;
    if (explain) *explain += fmt::format("  {} -> {} {}: the same event twice, once\n", e.source.code, e.target.code, e.code);
    rep.events.erase(rep.events.begin() + static_cast<std::ptrdiff_t>(i--));
  }
}

Result<CodeReport> Engine::code(const Doc& doc, const EngineOptions& o) const {
  std::string lang = language_of(*impl_, doc);
  auto lex = pick(*impl_, doc, lang);
  if (!lex) return std::unexpected(lex.error());
  CodeReport rep;
  run(*impl_, **lex, doc, lang, o, rep, nullptr);
  return rep;
}

Result<std::vector<std::pair<uint32_t, uint32_t>>> Engine::sentences(const Doc& doc) const {
  std::string lang = language_of(*impl_, doc);
  auto lex = pick(*impl_, doc, lang);
  if (!lex) return std::unexpected(lex.error());
  text::Tokenized toks;
  text::tokenize(doc.text, (*lex)->token_rules, toks);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto& s : toks.sentences) out.emplace_back(s.start, s.end);
  return out;
}

Result<std::string> Engine::explain(const Doc& doc) const {
  std::string lang = language_of(*impl_, doc);
  auto lex = pick(*impl_, doc, lang);
  if (!lex) return std::unexpected(lex.error());
  CodeReport rep;
  std::string out = "language: " + lang + (doc.lang.empty() ? " (identified)\n" : "\n");
  run(*impl_, **lex, doc, lang, impl_->opt, rep, &out);
  if (rep.events.empty()) out += "no event coded\n";
  return out;
}

std::vector<DictStats> Engine::stats() const {
  std::vector<DictStats> out;
  for (auto& [lang, lex] : impl_->langs) {
    DictStats s;
    s.lang = lang;
    s.actor_phrases = lex->actor_trie.size();
    s.actors = lex->actors.size();
    // actors with dated roles: people in office (and anyone whose code changes with the date)
    for (auto& a : lex->actors)
      if (std::any_of(a.codes.begin(), a.codes.end(), [](auto& d) { return d.dated; })) ++s.dated_actors;
    s.agents = lex->agents.size();
    s.verb_blocks = lex->blocks.size();
    s.verb_forms = lex->triggers.size();
    s.patterns = lex->patterns.size();
    s.synsets = lex->synsets.size();
    s.discards = lex->discards.size();
    s.cues = lex->cues.size();
    std::set<std::string> used, base, roots;
    auto use = [&](const dict::EventCode& c) {
      if (c.null()) return;
      for (const std::string* x : {&c.fwd, &c.rev})
        if (impl_->cameo.contains(*x)) {
          used.insert(*x);
          if (x->size() >= 3) base.insert(x->substr(0, 3));
          roots.insert(x->substr(0, 2));
        }
    };
    for (auto& p : lex->patterns) use(p.code);
    for (auto& t : lex->triggers) use(t.code);
    s.codes_used = used.size();
    s.codes_in_table = impl_->cameo.size();
    s.base_used = base.size();
    s.roots_used = roots.size();
    for (auto& row : impl_->cameo.all())
      if (row.code.size() == 3) ++s.base_in_table;
    out.push_back(s);
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> Engine::lint() const {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto& [lang, lex] : impl_->langs) out.emplace_back(lang, dict::shadowed_nulls(*lex));
  return out;
}

}  // namespace dyad
