// dyad — political event coding from raw news text.
//
//   #include <dyad/dyad.h>
//
//   dyad::EngineOptions opt;
//   opt.data_dir = "data";                       // dyad's own language packs and tables
//   auto engine = dyad::Engine::open(opt);       // compile dictionaries once
//   if (!engine) { report(engine.error()); return; }
//   dyad::Doc doc{.id = "a1", .lang = "en", .date = "2023-09-25",
//                 .text = "Russia signed an agreement with Venezuela."};
//   auto events = (*engine)->code(doc);          // Result<std::vector<Event>>
//
// Thread safety: an Engine is immutable after open(); code() and explain()
// may be called from any number of threads at once.
// Errors: nothing here throws, prints or exits; failures come back as
// dyad::Error values naming the file, line, column or record.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/doc.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad {

struct EngineOptions {
  std::string data_dir = "data";  // folder holding common/ and one folder per language
  // Dictionaries: empty = dyad's own (data/<lang>/); "petrarch:DIR" = PETRARCH-format
  // verbs/actors/agents/discards files in DIR, used for every language.
  std::string dict;
  std::string default_lang = "en";  // for records that name no language
  // "YYYY-MM-DD": the day on which actors' dated roles are read for a record that carries no
  // date and names no full date in its text ("Mr Blair" in an undated 2005 story is the prime
  // minister, GBRGOV, not the former one). Empty: the roles current today. The record's events
  // keep no date.
  std::string roles_date;
  // PETRARCH options (also settable per record by `dyad eval --suite petrarch`).
  bool require_dyad = true;
  // Comma clauses dropped by length, as TABARI does; -1 = the dictionaries' default:
  // TABARI's (2..8 inside the sentence) for PETRARCH files, none for dyad's own
  // (its clause splitter already keeps appositions apart).
  int comma_min = -1, comma_max = -1, comma_bmin = -1, comma_bmax = -1, comma_emin = -1, comma_emax = -1;
  // PETRARCH's new_actor_length: when no actor of the dictionaries is found as an event's
  // source or target, a noun phrase of at most this many words in that place becomes a new
  // actor named by its words ("\"INJURY TOLL\""). 0 = off (unknown phrases are not actors).
  int new_actor_length = 0;
  // Compiled dictionaries are cached, one binary file per language pack, and used only for the
  // exact input files (and build of dyad) they were compiled from. A cache that cannot be
  // written (read-only folder) is skipped; a corrupt one is compiled again (see warnings()).
  bool cache = true;
  // Folder of the cache files; empty: $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else
  // $HOME/.cache/dyad (no cache when none is set).
  std::string cache_dir;
};

// A dictionary cache file written by Engine::compile_cache.
struct CacheFile {
  std::string lang;
  std::string path;
  uint64_t bytes = 0;
};

// What one document produced beyond its events.
struct CodeReport {
  std::vector<Event> events;
  uint32_t sentences = 0;
  bool story_discard = false;
  uint32_t sentence_discards = 0;
  uint32_t datelines = 0;
  // no date in the record, none named in its text and no EngineOptions::roles_date: its actors'
  // dated roles were read as they are today
  bool undated = false;
};

struct DictStats {
  std::string lang;
  size_t actor_phrases = 0, actors = 0, dated_actors = 0, agents = 0, verb_blocks = 0, verb_forms = 0, patterns = 0, synsets = 0,
         discards = 0, cues = 0, codes_used = 0, codes_in_table = 0, base_used = 0, base_in_table = 0,
         roots_used = 0;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> open(const EngineOptions& opt);
  // Compiles the dictionaries of `opt` from their text files and writes their cache files
  // into `dir` (empty: the cache folder of `opt`), whatever is there already.
  static Result<std::vector<CacheFile>> compile_cache(const EngineOptions& opt, const std::string& dir = {});
  ~Engine();

  // What open() noticed and worked around, for the front end to print: a corrupt
  // dictionary cache that was ignored and compiled again.
  const std::vector<Error>& warnings() const;
  // Per language: whether its dictionaries came from the cache (true) or were compiled.
  std::vector<std::pair<std::string, bool>> cache_use() const;

  Result<CodeReport> code(const Doc& doc) const;
  // Same, with per-record option overrides (used by the PETRARCH suite runner).
  Result<CodeReport> code(const Doc& doc, const EngineOptions& overrides) const;
  // Sentence boundaries (byte offsets into doc.text) as the coder sees them.
  Result<std::vector<std::pair<uint32_t, uint32_t>>> sentences(const Doc& doc) const;
  // Human-readable trail of every stage for one document.
  Result<std::string> explain(const Doc& doc) const;
  std::vector<DictStats> stats() const;
  // Per language: entries that load but can never take effect ("file:line: ..."), for `dyad
  // dict check`: a null pattern no input can reach before a coded one.
  std::vector<std::pair<std::string, std::vector<std::string>>> lint() const;
  const EngineOptions& options() const;

 struct Impl;  // opaque

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
