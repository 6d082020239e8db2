// The compiled-dictionary cache: a whole Lexicon in one binary file per language pack, so that
// a start loads what the text dictionaries compile to instead of compiling them again.
//
// A file is used only for the exact inputs it was compiled from. Its key names every input
// file (path relative to its folder, size, modification time in nanoseconds), the options that
// change what is compiled, and the build of the code that compiled it (the binary's GNU build
// id, and the ICU library's version): a changed dictionary, a different data folder or a
// rebuilt dyad each make the file stale, and it is compiled again. Layout (all integers little-endian):
//
//   "DYADLEX\x1a"  u32 kCacheFormat  u32 0  u64 payload bytes  u64 checksum of the payload
//   payload: key (u64 length + bytes), then the Lexicon (dict/cache.cpp, encode_lexicon)
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/binio.h"
#include "dict/lexicon.h"
#include "dyad/status.h"

namespace dyad::dict {

// Version of the file layout. Bump it whenever encode_lexicon/decode_lexicon change (a field
// added to Lexicon or to a struct it holds, a type widened, an order changed): files of
// another version are compiled again, never read.
inline constexpr uint32_t kCacheFormat = 14;  // 2: Options gained single_prep_level, new_actor_length; 3: places; 4: condition cues; 5: EventCode.home; 6: known words; 7: patterns-only verb blocks; 8: EventCode.unknown; 9: number placeholders; 10: presupposed cues; 11: inflected nouns; 12: month and year dates; 13: verb forms; 14: threat cues

// What a compiled lexicon depends on, written as bytes that are compared whole.
class CacheKey {
 public:
  CacheKey();
  void text(std::string_view label, std::string_view value);
  // One input file: its label (a path relative to the data folder), size and mtime. A file
  // that does not exist is recorded as absent (creating it changes the key).
  void file(const std::string& path, std::string_view label);
  // Every regular file directly inside `dir` (not its subfolders), sorted, each labelled
  // `label/<name>`. A missing folder is recorded as such.
  void folder(const std::string& dir, std::string_view label);
  const std::string& bytes() const { return w_.bytes(); }

 private:
  bin::Writer w_;
};

// The build of the running code: the GNU build id of the binary (or shared library) holding
// this function, else the binary's size and modification time.
const std::string& builder_id();

// Where cache files go by default: $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else
// $HOME/.cache/dyad; empty when none of these is set.
std::string default_cache_dir();

// The Lexicon as bytes, and back. decode checks every length and every index it reads (word
// ids, entries, patterns, synsets, files...): a corrupt body is an error, never a crash.
std::string encode_lexicon(const Lexicon& lex);
Result<void> decode_lexicon(std::string_view body, Lexicon& lex);

// Writes the cache file atomically (a temporary file in the same folder, then rename), creating
// the folder. Returns the file's size.
Result<uint64_t> write_cache(const std::string& path, std::string_view key, const Lexicon& lex);

// Removes the cache files of `dir` not written for `days` days (the data folders of finished
// test runs, older dyad builds) and temporary files a killed writer left there a day ago or
// more. Files of other programs are left alone.
void prune_cache(const std::string& dir, int days = 30);

// Reads a cache file written for `key`. Error kinds: "cache_absent" (no file), "cache_stale"
// (compiled from other inputs or by another build), "cache_version" (another layout),
// "bad_cache" (truncated or corrupt: worth a warning).
Result<std::unique_ptr<Lexicon>> read_cache(const std::string& path, std::string_view key);

}  // namespace dyad::dict
