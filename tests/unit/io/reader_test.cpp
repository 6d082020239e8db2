#include "io/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using dyad::Doc;
using dyad::Error;
using dyad::Result;
using dyad::io::DocReader;
using dyad::io::ReadOptions;

namespace {

std::string bad(const std::string& name) { return std::string(DYAD_SOURCE_DIR "/tests/bad/") + name; }

std::vector<Result<Doc>> read_all(std::vector<std::string> inputs, ReadOptions opts = {}) {
  DocReader reader(std::move(inputs), opts);
  std::vector<Result<Doc>> out;
  while (auto r = reader.next()) out.push_back(std::move(*r));
  return out;
}

// Asserts a Doc with this id (and optionally file/line).
void expect_doc(const Result<Doc>& r, const std::string& id, const std::string& file, uint32_t line) {
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->id, id);
  EXPECT_EQ(r->origin.file, file);
  EXPECT_EQ(r->origin.line, line);
  EXPECT_EQ(r->origin.record, id);
}

void expect_error(const Result<Doc>& r, const std::string& kind, const std::string& file, uint32_t line,
                  const std::string& record = {}) {
  ASSERT_FALSE(r.has_value()) << "got doc " << r->id;
  EXPECT_EQ(r.error().kind, kind) << r.error().to_string();
  EXPECT_EQ(r.error().where.file, file);
  EXPECT_EQ(r.error().where.line, line);
  EXPECT_EQ(r.error().where.record, record);
  EXPECT_FALSE(r.error().message.empty());
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
}

void write_file(const fs::path& p, std::string_view data) {
  fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

long peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

class ReaderTmp : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_reader_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

// Runs the reader with `data` as standard input.
std::vector<Result<Doc>> read_stdin(const std::string& file) {
  int saved = ::dup(0);
  int fd = ::open(file.c_str(), O_RDONLY);
  EXPECT_GE(fd, 0);
  ::dup2(fd, 0);
  ::close(fd);
  auto out = read_all({"-"});
  ::dup2(saved, 0);
  ::close(saved);
  return out;
}

}  // namespace

// ---------------------------------------------------------------- good input

TEST(Reader, JsonlFieldsAndLines) {
  auto f = bad("malformed_line.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 5u);
  expect_doc(out[0], "a1", f, 1);
  EXPECT_EQ(out[0]->lang, "en");
  EXPECT_EQ(out[0]->title, "First");
  EXPECT_EQ(out[0]->date, "2020-01-01");
  EXPECT_EQ(out[0]->source, "Wire");
  EXPECT_EQ(out[0]->url, "http://example.org/1");
  EXPECT_EQ(out[0]->text, "Alpha text.");
  expect_doc(out[2], "a3", f, 3);
  EXPECT_EQ(out[2]->lang, "");  // null
  EXPECT_EQ(out[2]->title, "");
  expect_doc(out[4], "a5", f, 5);
}

TEST_F(ReaderTmp, PlainTextFileIsOneDoc) {
  auto f = path("notes/Report 1.txt");
  write_file(f, "Rebels attacked the town.\n\nTalks resumed.\n");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0].has_value()) << out[0].error().to_string();
  EXPECT_EQ(out[0]->id, "Report 1");
  EXPECT_EQ(out[0]->text, "Rebels attacked the town.\n\nTalks resumed.\n");
  EXPECT_EQ(out[0]->lang, "");
  EXPECT_EQ(out[0]->date, "");
  EXPECT_EQ(out[0]->origin.file, f);
}

TEST_F(ReaderTmp, FormatIsSniffedFromContent) {
  write_file(path("noext"), "  {\"id\": \"n1\", \"text\": \"JSON without extension.\"}\n");
  write_file(path("brace.txt"), "{\"id\": \"b1\", \"text\": \"JSON in a .txt.\"}");  // no final newline
  write_file(path("bom.txt"), "\xEF\xBB\xBFPlain with a BOM.");
  write_file(path("bom.jsonl"), "\xEF\xBB\xBF{\"id\": \"m1\", \"text\": \"BOM then JSON.\"}\n");
  auto out = read_all({path("noext"), path("brace.txt"), path("bom.txt"), path("bom.jsonl")});
  ASSERT_EQ(out.size(), 4u);
  expect_doc(out[0], "n1", path("noext"), 1);
  expect_doc(out[1], "b1", path("brace.txt"), 1);
  ASSERT_TRUE(out[2].has_value());
  EXPECT_EQ(out[2]->id, "bom");
  EXPECT_EQ(out[2]->text, "Plain with a BOM.");
  expect_doc(out[3], "m1", path("bom.jsonl"), 1);
}

TEST_F(ReaderTmp, GzipJsonlWithSeveralMembersAndGzipText) {
  std::string a = "{\"id\": \"g1\", \"text\": \"One.\"}\n{\"id\": \"g2\", \"text\": \"Two.\"}\n";
  std::string b = "{\"id\": \"g3\", \"text\": \"Three.\"}\n";
  write_file(path("multi.jsonl.gz"), gzip(a) + gzip(b));
  write_file(path("misnamed.dat"), gzip(b));  // gzip found by its magic bytes
  write_file(path("story.txt.gz"), gzip("A plain story."));
  auto out = read_all({path("multi.jsonl.gz"), path("misnamed.dat"), path("story.txt.gz")});
  ASSERT_EQ(out.size(), 5u);
  expect_doc(out[0], "g1", path("multi.jsonl.gz"), 1);
  expect_doc(out[1], "g2", path("multi.jsonl.gz"), 2);
  expect_doc(out[2], "g3", path("multi.jsonl.gz"), 3);
  expect_doc(out[3], "g3", path("misnamed.dat"), 1);
  ASSERT_TRUE(out[4].has_value());
  EXPECT_EQ(out[4]->id, "story");
  EXPECT_EQ(out[4]->text, "A plain story.");
}

TEST_F(ReaderTmp, DirectoryIsReadRecursivelyInSortedOrder) {
  write_file(path("d/b.jsonl"), "{\"id\": \"b1\", \"text\": \"B one.\"}\n{\"id\": \"b2\", \"text\": \"B two.\"}\n");
  write_file(path("d/a.txt"), "A text.");
  write_file(path("d/sub/c.txt"), "C text.");
  write_file(path("d/.hidden.txt"), "hidden");
  write_file(path("d/.git/x.txt"), "hidden too");
  write_file(path("d/sub-z.txt"), "Z text.");
  auto out = read_all({path("d")});
  std::vector<std::string> ids, files;
  for (auto& r : out) {
    ASSERT_TRUE(r.has_value()) << r.error().to_string();
    ids.push_back(r->id);
    files.push_back(r->origin.file);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b1", "b2", "c", "sub-z"}));
  EXPECT_EQ(files[0], path("d/a.txt"));
  EXPECT_EQ(files[3], path("d/sub/c.txt"));
}

// "dyad eval --gold seeds/expected-events.jsonl seeds/": the gold file in the article folder is
// not read as articles (its records have no text and would each be reported as bad input).
TEST_F(ReaderTmp, DirectoryLeavesOutTheFilesToSkip) {
  write_file(path("s/001.txt"), "Moscow sent troops.");
  write_file(path("s/expected.jsonl"), "{\"id\": \"001-a\", \"doc\": \"001\"}\n");
  ReadOptions opts;
  opts.skip_files.push_back(path("s/./expected.jsonl"));  // same file, spelled differently
  auto out = read_all({path("s")}, opts);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0].has_value()) << out[0].error().to_string();
  EXPECT_EQ(out[0]->id, "001");
  // Named on its own, a skipped file is still read: the option is about folders.
  auto direct = read_all({path("s/expected.jsonl")}, opts);
  ASSERT_EQ(direct.size(), 1u);
  EXPECT_FALSE(direct[0].has_value());
}

TEST_F(ReaderTmp, StdinJsonlAndText) {
  write_file(path("in.jsonl"), "{\"id\": \"s1\", \"text\": \"From stdin.\"}\n{\"id\": \"s2\", \"text\": \"Again.\"}\n");
  write_file(path("in.txt"), "Plain text on stdin.");
  auto out = read_stdin(path("in.jsonl"));
  ASSERT_EQ(out.size(), 2u);
  expect_doc(out[0], "s1", "-", 1);
  expect_doc(out[1], "s2", "-", 2);
  out = read_stdin(path("in.txt"));
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0].has_value());
  EXPECT_EQ(out[0]->id, "stdin");
  EXPECT_EQ(out[0]->origin.file, "-");
  EXPECT_EQ(out[0]->text, "Plain text on stdin.");
}

TEST(Reader, BlankLinesAreSkipped) {
  auto f = bad("blank_lines.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 2u);
  expect_doc(out[0], "b1", f, 1);
  expect_doc(out[1], "b4", f, 4);
}

// ---------------------------------------------------------------- bad input

TEST(Reader, MalformedJsonLine) {
  auto f = bad("malformed_line.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 5u);
  expect_doc(out[0], "a1", f, 1);
  expect_error(out[1], "bad_json", f, 2, "a2");  // id guessed from the line start
  expect_doc(out[2], "a3", f, 3);
  EXPECT_EQ(out[2]->text, "Gamma text.");
  expect_error(out[3], "bad_json", f, 4);  // an array, not an object
  EXPECT_NE(out[3].error().message.find("array"), std::string::npos);
  expect_doc(out[4], "a5", f, 5);
}

TEST(Reader, BadUtf8InJsonl) {
  auto f = bad("bad_utf8.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 3u);
  expect_doc(out[0], "u1", f, 1);
  expect_error(out[1], "bad_utf8", f, 2, "u2");
  // {"id": "u2", "text": "Caf\xC3 au lait"}: the bad byte is at offset 25
  EXPECT_EQ(out[1].error().where.column, 26u);
  EXPECT_NE(out[1].error().message.find("offset 25"), std::string::npos) << out[1].error().message;
  expect_doc(out[2], "u3", f, 3);
  EXPECT_EQ(out[2]->text, "After.");
}

TEST(Reader, BadUtf8InPlainText) {
  auto f = bad("bad_utf8.txt");
  auto ok = bad("blank_lines.jsonl");
  auto out = read_all({ok, f, ok});
  ASSERT_EQ(out.size(), 5u);
  expect_doc(out[1], "b4", ok, 4);
  expect_error(out[2], "bad_utf8", f, 2, "bad_utf8");
  EXPECT_EQ(out[2].error().where.column, 8u);
  EXPECT_NE(out[2].error().message.find("offset 17"), std::string::npos) << out[2].error().message;
  expect_doc(out[3], "b1", ok, 1);
}

TEST(Reader, MissingText) {
  auto f = bad("missing_text.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 4u);
  expect_doc(out[0], "t1", f, 1);
  expect_error(out[1], "missing_text", f, 2, "t2");
  expect_error(out[2], "missing_text", f, 3, "t3");  // a number
  expect_doc(out[3], "t4", f, 4);
  EXPECT_EQ(out[3]->text, "Has text too.");
}

TEST(Reader, MissingId) {
  auto f = bad("missing_id.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 4u);
  expect_doc(out[0], "i1", f, 1);
  expect_error(out[1], "missing_id", f, 2);
  expect_error(out[2], "missing_id", f, 3);  // null
  expect_doc(out[3], "12345", f, 4);         // a number becomes its decimal string
  EXPECT_EQ(out[3]->text, "Numeric id.");
}

TEST(Reader, EmptyText) {
  auto f = bad("empty_text.jsonl");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 4u);
  expect_doc(out[0], "e1", f, 1);
  expect_error(out[1], "empty_text", f, 2, "e2");
  expect_error(out[2], "empty_text", f, 3, "e3");  // whitespace only
  expect_doc(out[3], "e4", f, 4);
}

TEST(Reader, EmptyFile) {
  auto f = bad("empty.jsonl");
  auto ok = bad("blank_lines.jsonl");
  auto out = read_all({f, ok});
  ASSERT_EQ(out.size(), 3u);
  expect_error(out[0], "empty_file", f, 0);
  expect_doc(out[1], "b1", ok, 1);
}

TEST(Reader, BinaryFile) {
  auto f = bad("binary.dat");
  auto ok = bad("blank_lines.jsonl");
  auto out = read_all({ok, f, ok});
  ASSERT_EQ(out.size(), 5u);
  expect_doc(out[1], "b4", ok, 4);
  expect_error(out[2], "binary_file", f, 0);
  expect_doc(out[3], "b1", ok, 1);
}

TEST(Reader, TruncatedGzip) {
  auto f = bad("truncated.jsonl.gz");
  auto out = read_all({f, bad("blank_lines.jsonl")});
  ASSERT_GE(out.size(), 4u);
  size_t docs = out.size() - 3;  // then the error, then the next file's two docs
  ASSERT_GE(docs, 20u);
  for (size_t i = 0; i < docs; ++i) {
    expect_doc(out[i], "r" + std::to_string(i + 1), f, static_cast<uint32_t>(i + 1));
    EXPECT_EQ(out[i]->text.size() > 100, true);
  }
  expect_error(out[docs], "truncated_gzip", f, static_cast<uint32_t>(docs + 1));
  expect_doc(out[docs + 1], "b1", bad("blank_lines.jsonl"), 1);
}

TEST(Reader, CorruptGzip) {
  auto f = bad("corrupt.jsonl.gz");
  auto out = read_all({f});
  ASSERT_EQ(out.size(), 4u);
  for (int i = 0; i < 3; ++i) expect_doc(out[i], "r" + std::to_string(i + 1), f, i + 1);
  expect_error(out[3], "bad_gzip", f, 4);

  auto g = bad("bad_crc.jsonl.gz");
  out = read_all({g});
  ASSERT_EQ(out.size(), 4u);
  for (int i = 0; i < 3; ++i) expect_doc(out[i], "r" + std::to_string(i + 1), g, i + 1);
  expect_error(out[3], "bad_gzip", g, 4);
}

TEST(Reader, MissingOrUnreadablePath) {
  auto missing = bad("does_not_exist.jsonl");
  auto not_dir = bad("empty.jsonl/child.jsonl");
  auto ok = bad("blank_lines.jsonl");
  auto out = read_all({missing, ok, not_dir});
  ASSERT_EQ(out.size(), 4u);
  expect_error(out[0], "io_error", missing, 0);
  expect_doc(out[1], "b1", ok, 1);
  expect_error(out[3], "io_error", not_dir, 0);
  if (fs::exists("/proc/self/mem")) {  // opens, but read() at offset 0 fails
    out = read_all({"/proc/self/mem", ok});
    ASSERT_EQ(out.size(), 3u);
    expect_error(out[0], "io_error", "/proc/self/mem", 0);
    expect_doc(out[1], "b1", ok, 1);
  }
}

TEST_F(ReaderTmp, Utf8EdgeCasesInPlainText) {
  struct Case {
    const char* name;
    std::string text;
    size_t bad;  // byte offset, or npos when valid
  };
  const size_t ok = std::string::npos;
  std::vector<Case> cases = {
      {"emoji", "Peace \xF0\x9F\x95\x8A\xEF\xB8\x8F talks, caf\xC3\xA9, \xE4\xB8\xAD\xE6\x96\x87.", ok},
      {"overlong", "ab\xC0\xAF" "cd", 2},
      {"surrogate", "abc\xED\xA0\x80", 3},
      {"above_max", "x\xF4\x90\x80\x80", 1},
      {"cut_at_end", "abcd\xE2\x82", 4},
      {"stray_continuation", "ok\n\x80", 3},
  };
  std::vector<std::string> files;
  for (auto& c : cases) {
    files.push_back(path(std::string(c.name) + ".txt"));
    write_file(files.back(), c.text);
  }
  auto out = read_all(files);
  ASSERT_EQ(out.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(cases[i].name);
    if (cases[i].bad == ok) {
      ASSERT_TRUE(out[i].has_value()) << out[i].error().to_string();
      EXPECT_EQ(out[i]->text, cases[i].text);
    } else {
      ASSERT_FALSE(out[i].has_value());
      EXPECT_EQ(out[i].error().kind, "bad_utf8");
      EXPECT_NE(out[i].error().message.find("offset " + std::to_string(cases[i].bad)), std::string::npos)
          << out[i].error().message;
    }
  }
}

TEST_F(ReaderTmp, GzipOfBinaryOrOfNothing) {
  write_file(path("bin.gz"), gzip(std::string("\x00\x01\x02binary", 9)));
  write_file(path("nothing.jsonl.gz"), gzip(""));
  write_file(path("after.jsonl"), "{\"id\": \"z\", \"text\": \"Still read.\"}\n");
  auto out = read_all({path("bin.gz"), path("nothing.jsonl.gz"), path("after.jsonl")});
  ASSERT_EQ(out.size(), 3u);
  expect_error(out[0], "binary_file", path("bin.gz"), 0);
  expect_error(out[1], "empty_file", path("nothing.jsonl.gz"), 0);
  expect_doc(out[2], "z", path("after.jsonl"), 1);
}

TEST_F(ReaderTmp, RecordTooLargeSmallLimit) {
  std::string big(5000, 'x');
  std::string body = "{\"id\": \"k1\", \"text\": \"Small.\"}\n{\"id\": \"k2\", \"text\": \"" + big +
                     "\"}\n{\"id\": \"k3\", \"text\": \"Small again.\"}\n";
  write_file(path("big.jsonl"), body);
  write_file(path("big.jsonl.gz"), gzip(body));
  write_file(path("big.txt"), big);
  ReadOptions opts;
  opts.max_record_bytes = 1000;
  for (std::string f : {path("big.jsonl"), path("big.jsonl.gz")}) {
    auto out = read_all({f}, opts);
    ASSERT_EQ(out.size(), 3u);
    expect_doc(out[0], "k1", f, 1);
    expect_error(out[1], "record_too_large", f, 2, "k2");
    expect_doc(out[2], "k3", f, 3);
    EXPECT_EQ(out[2]->text, "Small again.");
  }
  auto out = read_all({path("big.txt")}, opts);
  ASSERT_EQ(out.size(), 1u);
  expect_error(out[0], "record_too_large", path("big.txt"), 0, "big");
}

TEST_F(ReaderTmp, RecordTooLargeStreamsPastHugeLine) {
  // A 200 MB line between two small records, with the default 64 MiB limit.
  const size_t huge = size_t{200} << 20;
  auto f = path("huge.jsonl");
  {
    std::ofstream out(f, std::ios::binary);
    out << "{\"id\": \"h1\", \"text\": \"Before.\"}\n{\"id\": \"h2\", \"text\": \"";
    std::string chunk(size_t{1} << 20, 'y');
    for (size_t n = 0; n < huge; n += chunk.size()) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    out << "\"}\n{\"id\": \"h3\", \"text\": \"After.\"}\n";
  }
  long before = peak_rss_mb();
  auto out = read_all({f});
  long grown = peak_rss_mb() - before;
  ASSERT_EQ(out.size(), 3u);
  expect_doc(out[0], "h1", f, 1);
  expect_error(out[1], "record_too_large", f, 2, "h2");
  EXPECT_NE(out[1].error().message.find(std::to_string(huge + 24)), std::string::npos) << out[1].error().message;
  expect_doc(out[2], "h3", f, 3);
  EXPECT_EQ(out[2]->text, "After.");
#if !defined(__SANITIZE_ADDRESS__)  // ASan's allocator copies on realloc and keeps freed blocks
  EXPECT_LT(grown, 100) << "peak RSS grew by " << grown << " MB";
#endif
  std::printf("[ info ] 200 MB line skipped; peak RSS grew by %ld MB\n", grown);
}

// ---------------------------------------------------------------- real corpus

TEST(Reader, OrangeSumCorpus) {
  std::string f = DYAD_SOURCE_DIR "/../shared/corpus/fr/orangesum_monde_politique.jsonl.gz";
  if (!fs::exists(f)) GTEST_SKIP() << f << " not found";
  DocReader reader({f});
  size_t docs = 0, errors = 0, bytes = 0;
  std::string first_error;
  auto t0 = std::chrono::steady_clock::now();
  while (auto r = reader.next()) {
    if (r->has_value()) {
      ++docs;
      bytes += (*r)->text.size();
      if (docs == 1) {
        EXPECT_EQ((*r)->id, "orangesum-28459");
        EXPECT_EQ((*r)->lang, "fr");
        EXPECT_EQ((*r)->date, "2014-04-16");
        EXPECT_EQ((*r)->origin.line, 1u);
      }
    } else if (errors++ == 0) {
      first_error = r->error().to_string();
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(docs, 10937u);
  EXPECT_EQ(errors, 0u) << first_error;
  std::printf("[ info ] %zu docs, %.1f MB of text in %.3f s\n", docs, bytes / 1e6, s);
}
