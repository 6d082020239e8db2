#include "dict/cache.h"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file.h"

namespace dyad::dict {
namespace fs = std::filesystem;

// Reminder, on the platform dyad is built on: a struct whose size changed has gained or lost a
// field. Write and read it below, bump kCacheFormat, then update the size here. (A field
// derived on load, like PhraseTrie's root bits, needs neither.)
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Origin) == 8 && sizeof(PhraseWord) == 8 && sizeof(DatedCodes) == 40 &&
                  sizeof(ActorEntry) == 88 && sizeof(AgentEntry) == 80 && sizeof(EventCode) == 72 &&
                  sizeof(PElem) == 16 && sizeof(Pattern) == 232 && sizeof(VerbBlock) == 144 &&
                  sizeof(VerbTrigger) == 168 && sizeof(Synset) == 120 && sizeof(CueEntry) == 48 &&
                  sizeof(DiscardEntry) == 48 && sizeof(NumberRules) == 176 && sizeof(DateRules) == 296 &&
                  sizeof(Options) == 44 && sizeof(text::TokenRules) == 184 && sizeof(PhraseTrie) == 136 &&
                  sizeof(Vocab) == 56 && sizeof(Lexicon) == 2104 && sizeof(PlaceEntry) == 96,
              "a dictionary struct changed: update dict/cache.cpp and bump kCacheFormat");
#endif

// ---- the key ----------------------------------------------------------------------------------

CacheKey::CacheKey() {
  text("format", std::to_string(kCacheFormat));
  text("build", builder_id());
  // words are folded by ICU, a shared library that may change under the same dyad binary
  UVersionInfo v;
  char icu[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(v);
  u_versionToString(v, icu);
  text("icu", icu);
}

void CacheKey::text(std::string_view label, std::string_view value) {
  w_.u8('T');
  w_.str(label);
  w_.str(value);
}

void CacheKey::file(const std::string& path, std::string_view label) {
  struct stat st{};
  w_.u8('F');
  w_.str(label);
  if (::stat(path.c_str(), &st) != 0) {
    w_.u8(0);  // absent
    return;
  }
  w_.u8(1);
  w_.u64(static_cast<uint64_t>(st.st_size));
  w_.i64(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

void CacheKey::folder(const std::string& dir, std::string_view label) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  w_.u8('D');
  w_.str(label);
  w_.count(names.size());
  for (auto& n : names) file(dir + "/" + n, std::string(label) + "/" + n);
}

namespace {

struct BuildNote {
  uintptr_t addr;
  std::string id;
};

int find_build_id(dl_phdr_info* info, size_t, void* data) {
  auto* b = static_cast<BuildNote*>(data);
  bool mine = false;
  for (int i = 0; i < info->dlpi_phnum && !mine; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph.p_vaddr;
    mine = ph.p_type == PT_LOAD && b->addr >= lo && b->addr < lo + ph.p_memsz;
  }
  if (!mine) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const size_t align = ph.p_align >= 8 ? 8 : 4;
    auto up = [&](size_t n) { return (n + align - 1) & ~(align - 1); };
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) nh;
      std::memcpy(&nh, p, sizeof nh);
      const char* name = p + sizeof nh;
      const char* desc = name + up(nh.n_namesz);
      if (desc + nh.n_descsz > end) break;
      if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char* hex = "0123456789abcdef";
        for (size_t k = 0; k < nh.n_descsz; ++k) {
          auto c = static_cast<unsigned char>(desc[k]);
          b->id += hex[c >> 4];
          b->id += hex[c & 15];
        }
        return 1;
      }
      p = desc + up(nh.n_descsz);
    }
  }
  return 1;  // our object, without a build id
}

}  // namespace

const std::string& builder_id() {
  static const std::string id = [] {
    BuildNote b{reinterpret_cast<uintptr_t>(&find_build_id), {}};
    dl_iterate_phdr(find_build_id, &b);
    if (!b.id.empty()) return "gnu-build-id:" + b.id;
    // No build id: the binary's size and time stand for its contents.
    struct stat st{};
    if (::stat("/proc/self/exe", &st) != 0) return std::string("unknown");
    return "exe:" + std::to_string(st.st_size) + ":" +
           std::to_string(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
  }();
  return id;
}

std::string default_cache_dir() {
  if (const char* d = std::getenv("DYAD_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/dyad";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/dyad";
  return {};
}

// ---- the body ---------------------------------------------------------------------------------

namespace {

using bin::Reader;
using bin::Writer;

// Writing: one put() per type, reading: one get(); sequences of any of them (declared first so
// that each overload sees the others).
template <class T>
void put(Writer& w, const std::vector<T>& v);
template <class T>
void get(Reader& r, std::vector<T>& v);

void put(Writer& w, const std::string& s) { w.str(s); }
void put(Writer& w, uint32_t v) { w.u32(v); }
void put(Writer& w, const Origin& o) {
  w.u32(o.file);
  w.u32(o.line);
}
void put(Writer& w, const PhraseWord& p) {
  w.u32(p.word);
  w.u8(static_cast<uint8_t>(p.conn));
}
void put(Writer& w, const EventCode& c) {
  w.str(c.fwd);
  w.str(c.rev);
  w.boolean(c.home);
  w.boolean(c.unknown);
}
void put(Writer& w, const PElem& e) {
  w.u8(static_cast<uint8_t>(e.kind));
  w.u8(static_cast<uint8_t>(e.conn));
  w.u32(e.word);
  w.u32(e.synset);
  w.boolean(e.armed);
}
void put(Writer& w, const std::array<uint64_t, 4>& bits) {
  for (uint64_t b : bits) w.u64(b);
}
void put(Writer& w, const DatedCodes& d) {
  put(w, d.codes);
  w.i32(d.from);
  w.i32(d.to);
  w.boolean(d.dated);
}
void put(Writer& w, const ActorEntry& a) {
  put(w, a.codes);
  put(w, a.exact_forms);
  put(w, a.origin);
  w.str(a.phrase);
}
void put(Writer& w, const AgentEntry& a) {
  w.str(a.code);
  w.boolean(a.prefix);
  put(w, a.origin);
  w.str(a.phrase);
}
void put(Writer& w, const VerbBlock& b) {
  w.str(b.name);
  put(w, b.code);
  put(w, b.patterns);
  put(w, b.origin);
  w.boolean(b.patterns_only);
}
void put(Writer& w, const Pattern& p) {
  put(w, p.lower);
  put(w, p.upper);
  put(w, p.code);
  put(w, p.origin);
  w.str(p.text);
  w.u32(p.weight);
  put(w, p.need);
  put(w, p.need_synsets);
  w.boolean(p.active);
}
void put(Writer& w, const Synset& s) {
  w.str(s.name);
  put(w, s.phrases);
  put(w, s.first_words.bits);
  put(w, s.last_words.bits);
}
void put(Writer& w, const VerbTrigger& t) {
  w.u32(t.block);
  put(w, t.before);
  put(w, t.after);
  put(w, t.code);
  put(w, t.origin);
  w.str(t.text);
}
void put(Writer& w, const DiscardEntry& d) {
  w.boolean(d.story);
  put(w, d.origin);
  w.str(d.phrase);
}
void put(Writer& w, const PlaceEntry& p) {
  w.str(p.name);
  w.str(p.country);
  w.f64(p.lat);
  w.f64(p.lon);
  w.u8(static_cast<uint8_t>(p.kind));
  put(w, p.origin);
}
void put(Writer& w, const CueEntry& c) {
  w.u8(static_cast<uint8_t>(c.cue));
  put(w, c.origin);
  w.str(c.phrase);
}
void put(Writer& w, const std::pair<Phrase, int>& r) {
  put(w, r.first);
  w.i32(r.second);
}
// Hash containers are written in key order, so that equal lexicons give equal files.
void put(Writer& w, const text::StringSet& s) {
  std::vector<std::string> v(s.begin(), s.end());
  std::sort(v.begin(), v.end());
  put(w, v);
}
template <class V, class F>
void put_map(Writer& w, const std::unordered_map<WordId, V>& m, F value) {
  std::vector<WordId> keys;
  keys.reserve(m.size());
  for (auto& [k, v] : m) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  w.count(keys.size());
  for (WordId k : keys) {
    w.u32(k);
    value(m.at(k));
  }
}

// Reading: one get() per type; ranges are checked afterwards (check_indexes).
void get(Reader& r, std::string& s) { s = r.str(); }
void get(Reader& r, uint32_t& v) { v = r.u32(); }
void get(Reader& r, Origin& o) {
  o.file = r.u32();
  o.line = r.u32();
}
Conn get_conn(Reader& r) {
  uint8_t c = r.u8();
  if (c > static_cast<uint8_t>(Conn::gap)) r.fail();
  return static_cast<Conn>(c);
}
void get(Reader& r, PhraseWord& p) {
  p.word = r.u32();
  p.conn = get_conn(r);
}
void get(Reader& r, EventCode& c) {
  c.fwd = r.str();
  c.rev = r.str();
  c.home = r.boolean();
  c.unknown = r.boolean();
}
void get(Reader& r, PElem& e) {
  uint8_t k = r.u8();
  if (k > static_cast<uint8_t>(PK::skip)) r.fail();
  e.kind = static_cast<PK>(k);
  e.conn = get_conn(r);
  e.word = r.u32();
  e.synset = r.u32();
  e.armed = r.boolean();
}
void get(Reader& r, std::array<uint64_t, 4>& bits) {
  for (uint64_t& b : bits) b = r.u64();
}
void get(Reader& r, DatedCodes& d) {
  get(r, d.codes);
  d.from = r.i32();
  d.to = r.i32();
  d.dated = r.boolean();
}
void get(Reader& r, ActorEntry& a) {
  get(r, a.codes);
  get(r, a.exact_forms);
  get(r, a.origin);
  a.phrase = r.str();
}
void get(Reader& r, AgentEntry& a) {
  a.code = r.str();
  a.prefix = r.boolean();
  get(r, a.origin);
  a.phrase = r.str();
}
void get(Reader& r, VerbBlock& b) {
  b.name = r.str();
  get(r, b.code);
  get(r, b.patterns);
  get(r, b.origin);
  b.patterns_only = r.boolean();
}
void get(Reader& r, Pattern& p) {
  get(r, p.lower);
  get(r, p.upper);
  get(r, p.code);
  get(r, p.origin);
  p.text = r.str();
  p.weight = r.u32();
  get(r, p.need);
  get(r, p.need_synsets);
  p.active = r.boolean();
}
void get(Reader& r, Synset& s) {
  s.name = r.str();
  get(r, s.phrases);
  get(r, s.first_words.bits);
  get(r, s.last_words.bits);
}
void get(Reader& r, VerbTrigger& t) {
  t.block = r.u32();
  get(r, t.before);
  get(r, t.after);
  get(r, t.code);
  get(r, t.origin);
  t.text = r.str();
}
void get(Reader& r, DiscardEntry& d) {
  d.story = r.boolean();
  get(r, d.origin);
  d.phrase = r.str();
}
void get(Reader& r, PlaceEntry& p) {
  p.name = r.str();
  p.country = r.str();
  p.lat = r.f64();
  p.lon = r.f64();
  uint8_t k = r.u8();
  if (k > static_cast<uint8_t>(PlaceKind::city)) r.fail();
  p.kind = static_cast<PlaceKind>(k);
  get(r, p.origin);
}
void get(Reader& r, CueEntry& c) {
  uint8_t k = r.u8();
  if (k > static_cast<uint8_t>(Cue::report_clause)) r.fail();
  c.cue = static_cast<Cue>(k);
  get(r, c.origin);
  c.phrase = r.str();
}
void get(Reader& r, std::pair<Phrase, int>& p) {
  get(r, p.first);
  p.second = r.i32();
}
void get(Reader& r, text::StringSet& s) {
  size_t n = r.count(8);
  s.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) s.insert(r.str());
}
template <class V, class F>
void get_map(Reader& r, std::unordered_map<WordId, V>& m, F value) {
  size_t n = r.count(4);
  m.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    WordId k = r.u32();
    m[k] = value();
  }
}

template <class T>
void put(Writer& w, const std::vector<T>& v) {
  w.count(v.size());
  for (const auto& x : v) put(w, x);
}
// Elements are added as they are read: a corrupt count cannot make a large allocation.
template <class T>
void get(Reader& r, std::vector<T>& v) {
  size_t n = r.count(1);
  v.clear();
  v.reserve(std::min<size_t>(n, r.left() / 8 + 1));
  for (size_t i = 0; i < n && r.ok(); ++i) get(r, v.emplace_back());
  if (!r.ok()) v.clear();
}

// Sections of the body, tagged so that a decoder out of step with the writer stops at once.
enum Section : uint32_t {
  kVocab = 1, kFiles, kActors, kAgents, kVerbs, kSynsets, kTriggers, kDiscards, kCues, kLemmas,
  kClasses, kTokens, kNumbers, kDates, kOptions, kPlaces, kEnd
};

// Every index of the lexicon within range: what decode cannot check while reading.
bool check_indexes(const Lexicon& lex) {
  const size_t words = lex.vocab.size(), files = lex.files.size();
  auto word_ok = [&](WordId w) { return w < words; };
  auto origin_ok = [&](const Origin& o) { return o.file < files || (files == 0 && o.file == 0); };
  auto phrase_ok = [&](const Phrase& p) {
    return std::all_of(p.begin(), p.end(), [&](const PhraseWord& w) { return word_ok(w.word); });
  };
  for (auto& a : lex.actors)
    if (!origin_ok(a.origin)) return false;
  for (auto& a : lex.agents)
    if (!origin_ok(a.origin)) return false;
  for (auto& b : lex.blocks) {
    if (!origin_ok(b.origin)) return false;
    for (uint32_t p : b.patterns)
      if (p >= lex.patterns.size()) return false;
  }
  for (auto& p : lex.patterns) {
    if (!origin_ok(p.origin)) return false;
    for (auto* side : {&p.lower, &p.upper})
      for (auto& e : *side)
        if (!word_ok(e.word) || (e.kind == PK::synset && e.synset >= lex.synsets.size())) return false;
    for (uint32_t s : p.need_synsets)
      if (s >= lex.synsets.size()) return false;
  }
  for (auto& s : lex.synsets)
    for (auto& p : s.phrases)
      if (!phrase_ok(p)) return false;
  for (auto& t : lex.triggers) {
    if (t.block >= lex.blocks.size() || !origin_ok(t.origin)) return false;
    for (auto* side : {&t.before, &t.after})
      if (!std::all_of(side->begin(), side->end(), word_ok)) return false;
  }
  for (auto* by_verb : {&lex.triggers_by_verb, &lex.quiet_triggers_by_verb})
    for (auto& [w, v] : *by_verb) {
      if (!word_ok(w)) return false;
      for (uint32_t t : v)
        if (t >= lex.triggers.size()) return false;
    }
  for (auto& d : lex.discards)
    if (!origin_ok(d.origin)) return false;
  for (auto& c : lex.cues)
    if (!origin_ok(c.origin)) return false;
  for (auto& p : lex.places)
    if (!origin_ok(p.origin)) return false;
  if (lex.pos_names.empty()) return false;
  for (auto& x : lex.lemmas)
    if (!word_ok(x.lemma) || x.pos >= lex.pos_names.size()) return false;
  for (auto& [w, c] : lex.word_classes)
    if (!word_ok(w)) return false;
  for (auto* m : {&lex.numbers.multipliers, &lex.numbers.words})
    for (auto& [w, v] : *m)
      if (!word_ok(w)) return false;
  for (auto& [w, v] : lex.numbers.unit_links)
    if (!word_ok(w)) return false;
  for (auto* m : {&lex.dates.weekdays, &lex.dates.months})
    for (auto& [w, v] : *m)
      if (!word_ok(w)) return false;
  for (auto& [p, d] : lex.dates.relative)
    if (!phrase_ok(p)) return false;
  return true;
}

}  // namespace

void PhraseTrie::save(Writer& w) const {
  std::vector<std::pair<uint64_t, uint32_t>> edges(edges_.begin(), edges_.end());
  std::sort(edges.begin(), edges.end());
  w.count(edges.size());
  for (auto& [k, n] : edges) {
    w.u64(k);
    w.u32(n);
  }
  w.count(payload_.size());
  for (int64_t p : payload_) w.i64(p);
  for (uint8_t g : gaps_) w.u8(g);
  w.count(entries_);
}

bool PhraseTrie::load(Reader& r, size_t entry_count) {
  size_t ne = r.count(12);
  std::vector<std::pair<uint64_t, uint32_t>> edges(ne);
  for (auto& [k, n] : edges) {
    k = r.u64();
    n = r.u32();
  }
  size_t nodes = r.count(9);
  if (!r.ok() || nodes == 0) return false;
  payload_.resize(nodes);
  gaps_.resize(nodes);
  for (int64_t& p : payload_) p = r.i64();
  for (uint8_t& g : gaps_) g = r.u8();
  entries_ = r.u64();
  if (!r.ok()) return false;
  // every edge leaves a node and reaches another (never the root); every payload names an entry
  size_t with_entry = 0;
  for (int64_t p : payload_) {
    if (p < -1 || (p >= 0 && static_cast<uint64_t>(p) >= entry_count)) return false;
    with_entry += p >= 0;
  }
  if (with_entry != entries_) return false;
  edges_.clear();
  edges_.reserve(ne);
  roots_.clear();
  for (auto& [k, n] : edges) {
    if (n == 0 || n >= nodes || (k >> 33) >= nodes) return false;
    if (!edges_.emplace(k, n).second) return false;
    if ((k >> 33) == 0) mark_root(static_cast<WordId>((k >> 1) & 0xffffffffu));
  }
  return true;
}

std::string encode_lexicon(const Lexicon& lex) {
  Writer w;
  w.reserve(1 << 20);
  w.u32(kVocab);
  w.count(lex.vocab.size());
  for (WordId i = 1; i < lex.vocab.size(); ++i) w.str(lex.vocab.word(i));
  w.u32(kFiles);
  put(w, lex.files);
  w.u32(kActors);
  put(w, lex.actors);
  lex.actor_trie.save(w);
  w.u32(kAgents);
  put(w, lex.agents);
  lex.agent_trie.save(w);
  w.u32(kVerbs);
  put(w, lex.blocks);
  put(w, lex.patterns);
  w.u32(kSynsets);
  put(w, lex.synsets);
  w.u32(kTriggers);
  put(w, lex.triggers);
  put_map(w, lex.triggers_by_verb, [&](const std::vector<uint32_t>& v) { put(w, v); });
  put_map(w, lex.quiet_triggers_by_verb, [&](const std::vector<uint32_t>& v) { put(w, v); });
  w.u32(kDiscards);
  put(w, lex.discards);
  lex.discard_trie.save(w);
  w.u32(kCues);
  put(w, lex.cues);
  lex.cue_trie.save(w);
  w.u32(kLemmas);
  w.count(lex.lemmas.size());
  for (auto& x : lex.lemmas) {
    w.u32(x.lemma);
    w.u16(x.pos);
  }
  put(w, lex.pos_names);
  for (const auto* hs : {&lex.known_words, &lex.inflected_nouns, &lex.verb_forms}) {
    w.count(hs->size());
    for (uint64_t h : *hs) w.u64(h);
  }
  w.u32(kClasses);
  put_map(w, lex.word_classes, [&](uint32_t c) { w.u32(c); });
  w.u32(kTokens);
  put(w, lex.token_rules.split_suffixes);
  put(w, lex.token_rules.split_prefixes);
  put(w, lex.token_rules.keep_whole);
  put(w, lex.token_rules.abbreviations);
  put(w, lex.token_rules.number_placeholders);
  w.boolean(lex.cut_words);
  w.u32(kNumbers);
  w.u8(static_cast<uint8_t>(lex.numbers.decimal));
  put_map(w, lex.numbers.multipliers, [&](double v) { w.f64(v); });
  put_map(w, lex.numbers.words, [&](double v) { w.f64(v); });
  put_map(w, lex.numbers.unit_links, [&](uint8_t v) { w.u8(v); });
  w.u32(kDates);
  put_map(w, lex.dates.weekdays, [&](int v) { w.i32(v); });
  put_map(w, lex.dates.months, [&](int v) { w.i32(v); });
  put(w, lex.dates.relative);
  put(w, lex.dates.relative_months);
  put(w, lex.dates.relative_years);
  put_map(w, lex.dates.period_leads, [&](int v) { w.i32(v); });
  put_map(w, lex.dates.year_links, [&](int v) { w.i32(v); });
  w.u32(kOptions);
  const Options& o = lex.options;
  for (bool b : {o.require_dyad, o.resolve_pronouns, o.pair_any_code, o.nested_comma_clauses,
                 o.object_stops_subclause, o.role_skips_determiner, o.clause_members, o.single_prep_level})
    w.boolean(b);
  for (int v : {o.word_gap, o.comma_min, o.comma_max, o.comma_bmin, o.comma_bmax, o.comma_emin, o.comma_emax,
                o.new_actor_length})
    w.i32(v);
  w.u32(kPlaces);
  put(w, lex.places);
  lex.place_trie.save(w);
  w.u32(kEnd);
  return w.take();
}

Result<void> decode_lexicon(std::string_view body, Lexicon& lex) {
  Reader r(body);
  auto bad = [](std::string what) { return fail("bad_cache", "corrupt dictionary cache: " + what); };
  auto section = [&](Section s) {
    if (r.u32() != s) r.fail();
    return r.ok();
  };
  if (!section(kVocab)) return bad("no vocabulary");
  size_t nwords = r.count(8);
  if (!r.ok() || nwords == 0) return bad("vocabulary size");
  lex.vocab = Vocab();
  lex.vocab.reserve(nwords);
  for (size_t i = 1; i < nwords; ++i) {
    std::string_view w = r.raw(r.count(1));
    if (!r.ok() || lex.vocab.intern(w) != i) return bad("vocabulary");  // a word twice
  }
  if (!section(kFiles)) return bad("files");
  get(r, lex.files);
  if (!section(kActors)) return bad("actors");
  get(r, lex.actors);
  if (!lex.actor_trie.load(r, lex.actors.size())) return bad("actor phrases");
  if (!section(kAgents)) return bad("agents");
  get(r, lex.agents);
  if (!lex.agent_trie.load(r, lex.agents.size())) return bad("agent phrases");
  if (!section(kVerbs)) return bad("verbs");
  get(r, lex.blocks);
  get(r, lex.patterns);
  if (!section(kSynsets)) return bad("synsets");
  get(r, lex.synsets);
  if (!section(kTriggers)) return bad("verb forms");
  get(r, lex.triggers);
  for (auto* by_verb : {&lex.triggers_by_verb, &lex.quiet_triggers_by_verb})
    get_map(r, *by_verb, [&] {
      std::vector<uint32_t> v;
      get(r, v);
      return v;
    });
  if (!section(kDiscards)) return bad("discards");
  get(r, lex.discards);
  if (!lex.discard_trie.load(r, lex.discards.size())) return bad("discard phrases");
  if (!section(kCues)) return bad("cues");
  get(r, lex.cues);
  if (!lex.cue_trie.load(r, lex.cues.size())) return bad("cue phrases");
  if (!section(kLemmas)) return bad("lemmas");
  lex.lemmas.resize(r.count(6));
  for (auto& x : lex.lemmas) {
    x.lemma = r.u32();
    x.pos = r.u16();
  }
  get(r, lex.pos_names);
  for (auto* hs : {&lex.known_words, &lex.inflected_nouns, &lex.verb_forms}) {
    hs->resize(r.count(8));
    for (auto& h : *hs) h = r.u64();
    if (!std::is_sorted(hs->begin(), hs->end())) return bad("word hashes");
  }
  if (!section(kClasses)) return bad("word classes");
  get_map(r, lex.word_classes, [&] { return r.u32(); });
  if (!section(kTokens)) return bad("token rules");
  get(r, lex.token_rules.split_suffixes);
  get(r, lex.token_rules.split_prefixes);
  get(r, lex.token_rules.keep_whole);
  get(r, lex.token_rules.abbreviations);
  get(r, lex.token_rules.number_placeholders);
  lex.cut_words = r.boolean();
  if (!section(kNumbers)) return bad("numbers");
  lex.numbers.decimal = static_cast<char>(r.u8());
  get_map(r, lex.numbers.multipliers, [&] { return r.f64(); });
  get_map(r, lex.numbers.words, [&] { return r.f64(); });
  get_map(r, lex.numbers.unit_links, [&] { return r.u8(); });
  if (!section(kDates)) return bad("dates");
  get_map(r, lex.dates.weekdays, [&] { return r.i32(); });
  get_map(r, lex.dates.months, [&] { return r.i32(); });
  get(r, lex.dates.relative);
  get(r, lex.dates.relative_months);
  get(r, lex.dates.relative_years);
  get_map(r, lex.dates.period_leads, [&] { return r.i32(); });
  get_map(r, lex.dates.year_links, [&] { return r.i32(); });
  if (!section(kOptions)) return bad("options");
  Options& o = lex.options;
  for (bool* b : {&o.require_dyad, &o.resolve_pronouns, &o.pair_any_code, &o.nested_comma_clauses,
                  &o.object_stops_subclause, &o.role_skips_determiner, &o.clause_members, &o.single_prep_level})
    *b = r.boolean();
  for (int* v : {&o.word_gap, &o.comma_min, &o.comma_max, &o.comma_bmin, &o.comma_bmax, &o.comma_emin, &o.comma_emax,
                 &o.new_actor_length})
    *v = r.i32();
  if (!section(kPlaces)) return bad("places");
  get(r, lex.places);
  if (!lex.place_trie.load(r, lex.places.size())) return bad("place phrases");
  if (!section(kEnd) || r.left() != 0) return bad("end of data");
  if (!check_indexes(lex)) return bad("an index out of range");
  return {};
}

// ---- the file ---------------------------------------------------------------------------------

namespace {
constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'L', 'E', 'X', '\x1a'};
constexpr size_t kHeader = 32;
}  // namespace

Result<uint64_t> write_cache(const std::string& path, std::string_view key, const Lexicon& lex) {
  Writer payload;
  payload.str(key);
  payload.raw(encode_lexicon(lex));
  Writer head;
  head.raw(std::string_view(kMagic, sizeof kMagic));
  head.u32(kCacheFormat);
  head.u32(0);
  head.u64(payload.size());
  head.u64(bin::checksum(payload.bytes()));

  std::error_code ec;
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  if (ec) return fail("io_error", "cannot create the cache folder: " + ec.message(), Location{p.parent_path().string()});
  // a name no other process or thread writes to, in the same folder (rename stays atomic)
  static std::atomic<uint64_t> serial{0};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail("io_error", "cannot write the dictionary cache", Location{tmp});
    out.write(head.bytes().data(), static_cast<std::streamsize>(head.size()));
    out.write(payload.bytes().data(), static_cast<std::streamsize>(payload.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return fail("io_error", "cannot write the dictionary cache", Location{tmp});
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return fail("io_error", "cannot move the dictionary cache into place: " + ec.message(), Location{path});
  }
  return head.size() + payload.size();
}

void prune_cache(const std::string& dir, int days) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool tmp = name.find(".dlex.tmp.") != std::string::npos;
    if (!tmp && !name.ends_with(".dlex")) continue;
    std::error_code e2;
    auto t = fs::last_write_time(it->path(), e2);
    if (e2 || now - t < std::chrono::hours(24) * (tmp ? 1 : days)) continue;
    fs::remove(it->path(), e2);
  }
}

Result<std::unique_ptr<Lexicon>> read_cache(const std::string& path, std::string_view key) {
  WholeFile file = read_whole_file(path);
  if (!file.opened) return fail("cache_absent", "no dictionary cache", Location{path});
  const std::string& data = file.data;
  auto bad = [&](const std::string& why) { return fail("bad_cache", "corrupt dictionary cache: " + why, Location{path}); };
  if (!file.complete) return bad("cannot read it");
  Reader r(data);
  if (r.raw(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return bad("not a dyad dictionary cache");
  const uint32_t version = r.u32();
  if (!r.ok()) return bad("truncated header");
  if (version != kCacheFormat)
    return fail("cache_version",
                "dictionary cache of format " + std::to_string(version) + ", not " + std::to_string(kCacheFormat),
                Location{path});
  r.u32();
  const uint64_t length = r.u64(), sum = r.u64();
  if (!r.ok()) return bad("truncated header");
  if (length != data.size() - kHeader) return bad("truncated (or extended) file");
  std::string_view payload(data.data() + kHeader, data.size() - kHeader);
  if (bin::checksum(payload) != sum) return bad("checksum mismatch");
  Reader pr(payload);
  std::string_view stored = pr.raw(pr.count(1));
  if (!pr.ok()) return bad("no key");
  if (stored != key) return fail("cache_stale", "dictionary cache compiled from other inputs", Location{path});
  auto lex = std::make_unique<Lexicon>();
  if (auto d = decode_lexicon(payload.substr(payload.size() - pr.left()), *lex); !d) {
    Error e = d.error();
    e.where.file = path;
    return std::unexpected(e);
  }
  return lex;
}

}  // namespace dyad::dict
