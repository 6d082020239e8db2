// The compiled-dictionary cache: a lexicon loaded from its cache file codes exactly as one
// compiled from the text files (the full JSON of every event compared), on the real language
// packs of data/; any change to an input file makes the cache stale; a truncated, corrupt or
// other-version file, or a folder that cannot be written, falls back to compiling.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <random>
#include <sstream>

#include "dict/cache.h"
#include "dict/langpack.h"
#include "dict/native.h"
#include "dyad/dyad.h"
#include "io/writer.h"

using namespace dyad;
namespace fs = std::filesystem;

namespace {

const fs::path kData = DYAD_SOURCE_DIR "/data";
const fs::path kSeeds = DYAD_SOURCE_DIR "/../shared/seeds";
const fs::path kPetrarch = DYAD_SOURCE_DIR "/../shared/peer-suites/petrarch";

// Sentences of each language with events, negations, dates, numbers, cues and compounds.
const std::vector<Doc> kDocs = {
    {.id = "fr1", .lang = "fr", .date = "2023-09-25",
     .text = "La Russie a signé un accord avec le Venezuela. Le président français Emmanuel Macron a condamné "
             "l'attaque contre l'Ukraine. Moscou n'a pas menacé Paris. La Chine et l'Inde ont renouvelé leur "
             "coopération militaire. Hier, l'Iran a livré 70 millions de cartouches au Venezuela."},
    {.id = "en1", .lang = "en", .date = "2022-03-01",
     .text = "Russia signed an agreement with Venezuela. The US condemned the attack on Ukraine. The EU did not "
             "threaten China. France and Germany renewed their military cooperation. Iranian troops attacked "
             "Iraqi rebels on Monday. The UN said Israel had accused Iran of supporting Hezbollah. A car bomb "
             "exploded in Baghdad."},
    {.id = "es1", .lang = "es", .date = "2021-06-15",
     .text = "Rusia firmó un acuerdo con Venezuela. El gobierno de Colombia condenó el ataque contra Ecuador. "
             "México no amenazó a Estados Unidos. Cuba y Venezuela renovaron su cooperación militar. "
             "El presidente de Brasil se reunió con el primer ministro de España el lunes."},
    // relative dates, quantities, intent, reported speech, pronouns, compound subjects
    {.id = "fr2", .lang = "fr", .date = "2023-09-25",
     .text = "Hier, la Russie a livré 70 millions de cartouches au Venezuela. "
             "La France et l'Allemagne ont rencontré la Chine à Pékin lundi. "
             "La Russie envisage d'attaquer l'Ukraine. "
             "Le ministre russe a accusé les États-Unis de mentir, a indiqué l'agence Tass. "
             "Vladimir Poutine a rencontré Nicolás Maduro à Moscou. Il a ensuite critiqué l'OTAN."},
    {.id = "en2", .lang = "en", .date = "2022-03-01",
     .text = "Yesterday, Russia sent 2,000 troops to Belarus. "
             "France and Germany met with China in Beijing on Monday. Russia plans to attack Ukraine. "
             "The Russian minister accused the United States of lying, Tass reported. "
             "Vladimir Putin met Nicolas Maduro in Moscow. He then criticized NATO."},
    {.id = "es2", .lang = "es", .date = "2021-06-15",
     .text = "Ayer, Rusia envió 2.000 soldados a Bielorrusia. "
             "Francia y Alemania se reunieron con China en Pekín el lunes. Rusia planea atacar Ucrania. "
             "El ministro ruso acusó a Estados Unidos de mentir, informó la agencia Tass. "
             "Vladimir Putin se reunió con Nicolás Maduro en Moscú. Luego criticó a la OTAN."},
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every event of every document as JSON, and what else each document produced.
std::string code_all(const Engine& e, const std::vector<Doc>& docs) {
  std::string out;
  for (const auto& d : docs) {
    auto rep = e.code(d);
    if (!rep) return "error: " + rep.error().to_string();
    out += d.id + " sentences=" + std::to_string(rep->sentences) + " discards=" +
           std::to_string(rep->sentence_discards) + " story=" + std::to_string(rep->story_discard) + "\n";
    for (const auto& ev : rep->events) out += io::event_to_json(ev) + "\n";
  }
  return out;
}

size_t count_events(const std::string& coded) {
  size_t n = 0;
  for (size_t p = 0; (p = coded.find("{\"", p)) != std::string::npos; ++p) ++n;
  return n;
}

class LexiconCache : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_ = fs::path(testing::TempDir()) /
           ("dyad-cache-" + std::to_string(getpid()) + "-" + testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
  }
  void TearDown() override { fs::remove_all(tmp_); }

  EngineOptions options(const fs::path& data, const fs::path& cache) const {
    EngineOptions o;
    o.data_dir = data.string();
    o.cache_dir = cache.string();
    return o;
  }
  static std::unique_ptr<Engine> open(const EngineOptions& o) {
    auto e = Engine::open(o);
    EXPECT_TRUE(e.has_value()) << e.error().to_string();
    return e ? std::move(*e) : nullptr;
  }
  static int cached(const Engine& e) {  // how many language packs came from the cache
    int n = 0;
    for (auto& [lang, c] : e.cache_use()) n += c;
    return n;
  }
  static std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (auto& f : fs::directory_iterator(dir)) out.push_back(f.path());
    std::sort(out.begin(), out.end());
    return out;
  }
  // A copy of data/ with only the packs named (and common/), to edit.
  fs::path copy_data(std::initializer_list<const char*> langs) const {
    fs::path d = tmp_ / "data";
    fs::create_directories(d);
    fs::copy(kData / "common", d / "common", fs::copy_options::recursive);
    for (auto l : langs) fs::copy(kData / l, d / l, fs::copy_options::recursive);
    return d;
  }
  fs::path tmp_;
};

TEST_F(LexiconCache, RoundTripCodesTheSameEvents) {
  const fs::path cache = tmp_ / "cache";
  auto text = open([&] { auto o = options(kData, cache); o.cache = false; return o; }());
  ASSERT_TRUE(text);
  EXPECT_FALSE(fs::exists(cache)) << "--no-cache wrote a cache";
  const std::string want = code_all(*text, kDocs);
  ASSERT_GE(count_events(want), 25u) << want;  // the comparison below means something

  auto cold = open(options(kData, cache));
  ASSERT_TRUE(cold);
  EXPECT_EQ(cached(*cold), 0);
  auto files = files_in(cache);
  ASSERT_EQ(files.size(), 3u);  // one per language pack, no temporary left behind
  for (auto& f : files) EXPECT_EQ(f.extension(), ".dlex") << f;
  EXPECT_EQ(code_all(*cold, kDocs), want);

  auto warm = open(options(kData, cache));
  ASSERT_TRUE(warm);
  EXPECT_EQ(cached(*warm), 3);
  EXPECT_TRUE(warm->warnings().empty());
  EXPECT_EQ(code_all(*warm, kDocs), want);
  // sizes, codes used... all the same
  auto a = text->stats(), b = warm->stats();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].actor_phrases, b[i].actor_phrases);
    EXPECT_EQ(a[i].verb_forms, b[i].verb_forms);
    EXPECT_EQ(a[i].patterns, b[i].patterns);
    EXPECT_EQ(a[i].codes_used, b[i].codes_used);
  }
  // the explain trail (tokens, lemmas, every stage) too
  for (const auto& d : kDocs) EXPECT_EQ(text->explain(d).value(), warm->explain(d).value()) << d.id;
}

TEST_F(LexiconCache, RoundTripOnTheSeedArticles) {
  if (!fs::is_directory(kSeeds)) GTEST_SKIP() << "no " << kSeeds;
  std::vector<Doc> docs;
  for (auto& f : files_in(kSeeds))
    if (f.extension() == ".txt") docs.push_back(Doc{.id = f.stem().string(), .lang = "fr", .text = slurp(f)});
  ASSERT_FALSE(docs.empty());
  const fs::path cache = tmp_ / "cache";
  auto text = open([&] { auto o = options(kData, cache); o.cache = false; return o; }());
  auto cold = open(options(kData, cache));
  auto warm = open(options(kData, cache));
  ASSERT_TRUE(text && cold && warm);
  ASSERT_EQ(cached(*warm), 3);
  const std::string want = code_all(*text, docs);
  EXPECT_GT(count_events(want), 0u);
  EXPECT_EQ(code_all(*warm, docs), want);
}

// The bytes of a lexicon read back are the bytes written: no field is lost or changed.
TEST_F(LexiconCache, EncodeDecodeEncodeIsIdentical) {
  for (const char* l : {"en", "fr"}) {
    dict::Lexicon lex;
    ASSERT_TRUE(dict::load_language(kData.string() + "/" + l, lex));
    ASSERT_TRUE(dict::load_native(kData.string(), l, lex));
    ASSERT_TRUE(dict::load_lexicons(kData.string() + "/" + l, lex));
    lex.options.word_gap = 5;
    lex.options.comma_emax = 3;
    const std::string bytes = dict::encode_lexicon(lex);
    dict::Lexicon back;
    auto r = dict::decode_lexicon(bytes, back);
    ASSERT_TRUE(r.has_value()) << r.error().to_string();
    EXPECT_EQ(back.vocab.size(), lex.vocab.size());
    EXPECT_EQ(back.options.word_gap, 5);
    EXPECT_EQ(back.options.comma_emax, 3);
    EXPECT_EQ(dict::encode_lexicon(back), bytes) << l;
  }
}

// decode on damaged bytes (past the checksum, which catches them first) fails or succeeds, and
// never crashes; a cut anywhere always fails.
TEST_F(LexiconCache, DecodeSurvivesDamagedBytes) {
  dict::Lexicon lex;
  ASSERT_TRUE(dict::load_language(kData.string() + "/en", lex));
  ASSERT_TRUE(dict::load_native(kData.string(), "en", lex));
  const std::string bytes = dict::encode_lexicon(lex);
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    size_t cut = rng() % bytes.size();
    dict::Lexicon l2;
    auto r = dict::decode_lexicon(std::string_view(bytes).substr(0, cut), l2);
    ASSERT_FALSE(r.has_value()) << "cut at " << cut;
    EXPECT_EQ(r.error().kind, "bad_cache");
  }
  for (int i = 0; i < 300; ++i) {
    std::string b = bytes;
    for (int k = 0; k < 1 + i % 4; ++k) b[rng() % b.size()] ^= static_cast<char>(1 + rng() % 255);
    dict::Lexicon l2;
    (void)dict::decode_lexicon(b, l2);  // must return
  }
}

TEST_F(LexiconCache, AChangedDictionaryLineMakesTheCacheStale) {
  const fs::path data = copy_data({"en"});
  const fs::path cache = tmp_ / "cache";
  const std::vector<Doc> docs = {{.id = "eu", .lang = "en", .date = "2022-03-01",
                                  .text = "EU condemned Russia on Monday."}};
  auto first = open(options(data, cache));
  ASSERT_TRUE(first);
  ASSERT_EQ(cached(*first), 0);
  const std::string before = code_all(*first, docs);
  ASSERT_NE(before.find("\"IGOEUREEC\""), std::string::npos) << before;
  ASSERT_EQ(cached(*open(options(data, cache))), 1);

  // one line edited, the file's size unchanged: its modification time changes
  std::string actors = slurp(data / "en" / "actors.txt");
  const size_t at = actors.find("=EU [IGOEUREEC]");
  ASSERT_NE(at, std::string::npos);
  actors.replace(at, 15, "=EU [IGOEURXXX]");
  std::ofstream(data / "en" / "actors.txt", std::ios::binary | std::ios::trunc) << actors;

  auto edited = open(options(data, cache));
  ASSERT_TRUE(edited);
  EXPECT_EQ(cached(*edited), 0) << "a stale cache was used";
  const std::string after = code_all(*edited, docs);
  EXPECT_NE(after.find("\"IGOEURXXX\""), std::string::npos) << after;
  auto again = open(options(data, cache));  // the cache was written again, for the new inputs
  EXPECT_EQ(cached(*again), 1);
  EXPECT_EQ(code_all(*again, docs), after);

  // a new dictionary file in a pack's folder also counts
  std::ofstream(data / "en" / "actors.extra.txt") << "ZORGLUB [ZZZ]\n";
  auto added = open(options(data, cache));
  EXPECT_EQ(cached(*added), 0);
  EXPECT_NE(code_all(*added, {{.id = "z", .lang = "en", .text = "Zorglub condemned Russia."}}).find("\"ZZZ\""),
            std::string::npos);
  // and so does a shared file of data/common
  std::ofstream(data / "common" / "actors.orgs.txt", std::ios::app) << "\nWIDGETCORP [ZZWBUS]\n";
  EXPECT_EQ(cached(*open(options(data, cache))), 0);
  EXPECT_EQ(cached(*open(options(data, cache))), 1);
}

TEST_F(LexiconCache, TruncatedOrCorruptCacheIsCompiledAgain) {
  const fs::path data = copy_data({"en"});
  const fs::path cache = tmp_ / "cache";
  const std::vector<Doc> docs = {kDocs[1]};
  auto first = open(options(data, cache));
  ASSERT_TRUE(first);
  const std::string want = code_all(*first, docs);
  auto files = files_in(cache);
  ASSERT_EQ(files.size(), 1u);
  const fs::path file = files[0];
  const std::string good = slurp(file);

  auto damaged = [&](const std::string& bytes, const char* what) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    auto e = open(options(data, cache));
    ASSERT_TRUE(e) << what;
    EXPECT_EQ(cached(*e), 0) << what;
    ASSERT_EQ(e->warnings().size(), 1u) << what;
    EXPECT_EQ(e->warnings()[0].kind, "bad_cache") << what;
    EXPECT_EQ(code_all(*e, docs), want) << what;
    // and the file is whole again
    EXPECT_EQ(slurp(file), good) << what;
    auto next = open(options(data, cache));
    EXPECT_EQ(cached(*next), 1) << what;
    EXPECT_TRUE(next->warnings().empty()) << what;
  };
  damaged(good.substr(0, good.size() / 2), "cut in half");
  damaged(good.substr(0, 20), "cut in the header");
  damaged(std::string(), "empty");
  damaged(good.substr(0, good.size() - 1), "last byte missing");
  damaged(good + "x", "a byte too many");
  std::string flipped = good;
  flipped[flipped.size() * 2 / 3] ^= 0x40;
  damaged(flipped, "a bit flipped");
  damaged("not a cache at all, but text that is long enough to hold a header", "another file");
}

TEST_F(LexiconCache, AnotherFormatVersionIsCompiledAgain) {
  const fs::path data = copy_data({"en"});
  const fs::path cache = tmp_ / "cache";
  auto first = open(options(data, cache));
  ASSERT_TRUE(first);
  const std::string want = code_all(*first, {kDocs[1]});
  const fs::path file = files_in(cache).at(0);
  std::string bytes = slurp(file);
  ASSERT_GE(bytes.size(), 12u);
  const uint32_t other = dict::kCacheFormat + 1;  // the u32 after the 8 magic bytes
  for (int i = 0; i < 4; ++i) bytes[8 + i] = static_cast<char>((other >> (8 * i)) & 0xFF);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  auto e = open(options(data, cache));
  ASSERT_TRUE(e);
  EXPECT_EQ(cached(*e), 0);
  EXPECT_TRUE(e->warnings().empty()) << "a version change is not damage";
  EXPECT_EQ(code_all(*e, {kDocs[1]}), want);
  EXPECT_EQ(cached(*open(options(data, cache))), 1);

  auto r = dict::read_cache(file.string(), "any key");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, "cache_stale");
}

TEST_F(LexiconCache, UnwritableCacheFolderStillCodes) {
  // a folder below a regular file can be created by no one, root included
  std::ofstream(tmp_ / "a-file") << "x";
  const fs::path cache = tmp_ / "a-file" / "cache";
  auto e = open(options(kData, cache));
  ASSERT_TRUE(e);
  EXPECT_EQ(cached(*e), 0);
  EXPECT_TRUE(e->warnings().empty());
  auto text = open([&] { auto o = options(kData, cache); o.cache = false; return o; }());
  const std::string want = code_all(*text, kDocs);
  EXPECT_GT(count_events(want), 0u);
  EXPECT_EQ(code_all(*e, kDocs), want);
  // compile_cache, asked explicitly, says why
  auto w = Engine::compile_cache(options(kData, cache));
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().kind, "io_error");
}

TEST_F(LexiconCache, CompileCacheWritesWhatOpenReads) {
  const fs::path data = copy_data({"en", "es"});
  const fs::path out = tmp_ / "out";
  auto files = Engine::compile_cache(options(data, tmp_ / "unused"), out.string());
  ASSERT_TRUE(files.has_value()) << files.error().to_string();
  ASSERT_EQ(files->size(), 2u);
  for (auto& f : *files) {
    EXPECT_TRUE(fs::exists(f.path));
    EXPECT_EQ(fs::file_size(f.path), f.bytes);
  }
  EXPECT_FALSE(fs::exists(tmp_ / "unused"));
  auto e = open(options(data, out));
  ASSERT_TRUE(e);
  EXPECT_EQ(cached(*e), 2);
}

TEST_F(LexiconCache, PruneRemovesOnlyOldCacheFiles) {
  const auto now = fs::file_time_type::clock::now();
  auto make = [&](const char* name, int days_old) {
    std::ofstream(tmp_ / name) << "x";
    fs::last_write_time(tmp_ / name, now - std::chrono::hours(24 * days_old));
  };
  make("old.dlex", 40);
  make("recent.dlex", 3);
  make("fr-1.dlex.tmp.123.0", 2);    // left by a killed writer
  make("fr-2.dlex.tmp.124.0", 0);    // perhaps being written right now
  make("notes.txt", 400);            // not ours
  dict::prune_cache(tmp_.string(), 30);
  EXPECT_FALSE(fs::exists(tmp_ / "old.dlex"));
  EXPECT_TRUE(fs::exists(tmp_ / "recent.dlex"));
  EXPECT_FALSE(fs::exists(tmp_ / "fr-1.dlex.tmp.123.0"));
  EXPECT_TRUE(fs::exists(tmp_ / "fr-2.dlex.tmp.124.0"));
  EXPECT_TRUE(fs::exists(tmp_ / "notes.txt"));
}

TEST_F(LexiconCache, PetrarchDictionariesAreKeyedOnTheirFiles) {
  if (!fs::is_directory(kPetrarch)) GTEST_SKIP() << "no " << kPetrarch;
  const fs::path dicts = tmp_ / "dicts";
  fs::copy(kPetrarch, dicts, fs::copy_options::recursive);
  const fs::path cache = tmp_ / "cache";
  auto opt = options(kData, cache);
  opt.dict = "petrarch:" + dicts.string();
  const std::vector<Doc> docs = {{.id = "p1", .lang = "en", .date = "2015-01-01",
                                  .text = "Russia signed an agreement with Venezuela. France accused Germany of "
                                          "spying. Israeli troops attacked Palestinian militants."}};
  auto text = open([&] { auto o = opt; o.cache = false; return o; }());
  ASSERT_TRUE(text);
  const std::string want = code_all(*text, docs);
  EXPECT_GT(count_events(want), 0u) << want;
  auto cold = open(opt);
  auto warm = open(opt);
  ASSERT_TRUE(cold && warm);
  EXPECT_EQ(cached(*cold), 0);
  EXPECT_EQ(cached(*warm), 1);
  EXPECT_EQ(code_all(*warm, docs), want);
  // the native packs of the same data folder have their own files
  auto native = open(options(kData, cache));
  EXPECT_EQ(cached(*native), 0);
  EXPECT_EQ(cached(*open(opt)), 1);
  // a PETRARCH dictionary file changed: compiled again
  fs::path verbs;
  for (auto& f : files_in(dicts))
    if (f.filename().string().find("erb") != std::string::npos) verbs = f;
  ASSERT_FALSE(verbs.empty());
  std::ofstream(verbs, std::ios::app) << "\n";
  EXPECT_EQ(cached(*open(opt)), 0);
}

}  // namespace
