#include "io/reader.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>
#include <deque>
#include <filesystem>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace dyad::io {
namespace {

namespace fs = std::filesystem;

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kSniffBytes = 8192;              // binary / format detection window
constexpr size_t kInitialBuffer = size_t{1} << 20;
constexpr size_t kGzipInput = size_t{256} << 10;
constexpr size_t kMaxReadCall = size_t{1} << 30;
constexpr size_t kHeadBytes = 512;                // kept from a skipped line to guess its id
constexpr size_t kBigParse = size_t{16} << 20;    // parser memory is released after such a line

std::string errno_text(int e) { return std::generic_category().message(e); }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_space);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Offset of the first byte that starts an invalid UTF-8 sequence, or kNone.
size_t scan_bad_utf8(const unsigned char* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3, lo = 0xA0;
    } else if (c == 0xED) {
      len = 3, hi = 0x9F;  // no surrogates
    } else if (c >= 0xE1 && c <= 0xEF) {
      len = 3;
    } else if (c == 0xF0) {
      len = 4, lo = 0x90;
    } else if (c == 0xF4) {
      len = 4, hi = 0x8F;  // nothing above U+10FFFF
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else {
      return i;
    }
    if (n - i < len || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return kNone;
}

size_t find_bad_utf8(std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) return kNone;
  return scan_bad_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

}  // namespace

bool valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

namespace {

// Best effort for lines that cannot be parsed: the id when it is the first key.
std::string guess_id(std::string_view s) {
  size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && is_space(s[i])) ++i;
  };
  auto eat = [&](std::string_view tok) {
    skip();
    if (s.substr(i, tok.size()) != tok) return false;
    i += tok.size();
    return true;
  };
  if (!eat("{") || !eat("\"id\"") || !eat(":")) return {};
  skip();
  if (i >= s.size()) return {};
  size_t start = i;
  if (s[i] == '"') {
    size_t end = s.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || s[end] != '"' || end - start > 256) return {};
    std::string_view id = s.substr(start + 1, end - start - 1);
    return find_bad_utf8(id) == kNone ? std::string(id) : std::string();
  }
  while (i < s.size() && i - start < 40 && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-')) ++i;
  return std::string(s.substr(start, i - start));
}

std::string_view json_type_name(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY: return "array";
    case T::OBJECT: return "object";
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE: return "number";
    case T::STRING: return "string";
    case T::BOOL: return "boolean";
    case T::NULL_VALUE: return "null";
  }
  return "value";
}

std::string simdjson_text(simdjson::error_code e) {
  std::string m = simdjson::error_message(e);
  while (!m.empty() && (m.back() == '.' || is_space(m.back()))) m.pop_back();
  if (!m.empty()) m[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(m[0])));
  return m;
}

// ---------------------------------------------------------------- byte sources

class Source {
 public:
  virtual ~Source() = default;
  // Up to cap bytes into dst; 0 at the end. Errors carry no location.
  virtual Result<size_t> read(char* dst, size_t cap) = 0;
};

class FdSource final : public Source {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<size_t> read(char* dst, size_t cap) override {
    for (;;) {
      ssize_t n = ::read(fd_, dst, std::min(cap, kMaxReadCall));
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) return fail("io_error", fmt::format("cannot read file: {}", errno_text(errno)));
    }
  }

 private:
  int fd_;
  bool owned_;
};

// Streams a gzip file (one or more members) out of another source.
class GzipSource final : public Source {
 public:
  // head: bytes already read from raw (the start of the file).
  GzipSource(Source& raw, std::string_view head)
      : raw_(raw), cap_(std::max(kGzipInput, head.size())), in_(new char[cap_]) {
    std::memcpy(in_.get(), head.data(), head.size());
    z_.next_in = reinterpret_cast<Bytef*>(in_.get());
    z_.avail_in = static_cast<uInt>(head.size());
    ready_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
  }
  ~GzipSource() override {
    if (ready_) inflateEnd(&z_);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> read(char* dst, size_t cap) override {
    if (deferred_) {
      Error e = std::move(*deferred_);
      deferred_.reset();
      return std::unexpected(std::move(e));
    }
    if (done_) return 0;
    if (!ready_) return stop(0, "bad_gzip", "cannot start gzip decoder");
    const size_t want = std::min<size_t>(cap, UINT_MAX);
    z_.next_out = reinterpret_cast<Bytef*>(dst);
    z_.avail_out = static_cast<uInt>(want);
    while (z_.avail_out == want) {
      if (z_.avail_in == 0 && !raw_eof_) {
        auto n = raw_.read(in_.get(), cap_);
        if (!n) return stop(want, n.error().kind, n.error().message);
        if (*n == 0) {
          raw_eof_ = true;
        } else {
          z_.next_in = reinterpret_cast<Bytef*>(in_.get());
          z_.avail_in = static_cast<uInt>(*n);
        }
      }
      if (between_) {
        // After a member: the end, zero padding, or another member.
        if (z_.avail_in == 0 || *z_.next_in == 0) {
          done_ = true;
          break;
        }
        inflateReset(&z_);
        between_ = false;
      }
      if (z_.avail_in == 0)
        return stop(want, "truncated_gzip", "gzip data ends before the end of the compressed stream");
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        between_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        const char* why = z_.msg ? z_.msg : (rc == Z_MEM_ERROR ? "out of memory" : "invalid data");
        return stop(want, "bad_gzip", fmt::format("corrupt gzip data: {}", why));
      }
    }
    return want - z_.avail_out;
  }

 private:
  // Ends the stream with an error, after handing out what was decoded in this call.
  Result<size_t> stop(size_t want, std::string kind, std::string message) {
    done_ = true;
    size_t got = want ? want - z_.avail_out : 0;
    Error e{std::move(kind), std::move(message), {}};
    if (got) {
      deferred_ = std::move(e);
      return got;
    }
    return std::unexpected(std::move(e));
  }

  Source& raw_;
  size_t cap_;
  std::unique_ptr<char[]> in_;
  z_stream z_{};
  bool ready_ = false, raw_eof_ = false, between_ = false, done_ = false;
  std::optional<Error> deferred_;
};

// ---------------------------------------------------------------- lines

struct Line {
  std::string_view text;  // for a skipped line: its first bytes only
  uint32_t number = 0;
  uint64_t size = 0;      // full size in bytes
};

enum class Event { line, too_large, end, error };

// Splits a source into lines through one reusable buffer. A line's bytes stay
// valid, followed by SIMDJSON_PADDING readable bytes, until the next call.
class LineReader {
 public:
  void reset(Source* src, size_t max_record) {
    src_ = src;
    max_ = max_record;
    begin_ = end_ = scan_ = 0;
    lineno_ = error_line_ = 0;
    eof_ = false;
    error_.reset();
    if (!buf_) allocate(kInitialBuffer);
  }

  // Reads until the window holds at least `want` bytes, or the source ends.
  void fill(size_t want) {
    while (end_ - begin_ < want && !eof_) more();
  }
  std::string_view window() const { return {buf_.get() + begin_, end_ - begin_}; }
  void consume(size_t n) {
    begin_ += n;
    scan_ = std::max(scan_, begin_);
  }
  bool at_end() const { return eof_ && begin_ == end_; }
  bool failed() const { return error_.has_value(); }
  Error take_error() { return std::move(*error_); }
  uint32_t error_line() const { return error_line_; }

  Event next(Line& out) {
    for (;;) {
      if (scan_ < end_) {
        auto* nl = static_cast<char*>(std::memchr(buf_.get() + scan_, '\n', end_ - scan_));
        if (nl) {
          size_t pos = static_cast<size_t>(nl - buf_.get());
          std::string_view line(buf_.get() + begin_, pos - begin_);
          begin_ = scan_ = pos + 1;
          return emit(line, out);
        }
        scan_ = end_;
      }
      if (end_ - begin_ > max_) return skip(out);
      if (eof_) {
        if (error_) {
          if (!error_line_) error_line_ = lineno_ + 1;
          begin_ = scan_ = end_;  // a partial line before a read error is dropped
          return Event::error;
        }
        if (begin_ < end_) {
          std::string_view line = window();
          begin_ = scan_ = end_;
          return emit(line, out);
        }
        return Event::end;
      }
      more();
    }
  }

  // Everything left, for plain-text input. false when it exceeds the limit.
  bool slurp(std::string& out) {
    out.assign(window());
    begin_ = scan_ = end_;
    while (!eof_ && out.size() <= max_) {
      begin_ = scan_ = end_ = 0;
      more();
      out.append(buf_.get(), end_);
      begin_ = scan_ = end_;
    }
    return out.size() <= max_;
  }

 private:
  // Called with begin_ == 0. realloc lets big blocks move without a copy.
  void allocate(size_t cap) {
    void* grown = std::realloc(buf_.get(), cap + simdjson::SIMDJSON_PADDING);
    if (!grown) throw std::bad_alloc();
    buf_.release();
    buf_.reset(static_cast<char*>(grown));
    std::memset(buf_.get() + cap, 0, simdjson::SIMDJSON_PADDING);
    cap_ = cap;
  }

  // One read into the free space, making room first.
  void more() {
    if (begin_ > 0) {
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      scan_ -= begin_;
      begin_ = 0;
    }
    if (end_ == cap_) allocate(std::max(cap_ + 1, std::min(cap_ * 2, max_ + 1)));
    auto n = src_->read(buf_.get() + end_, cap_ - end_);
    if (!n) {
      error_ = std::move(n.error());
      eof_ = true;
    } else if (*n == 0) {
      eof_ = true;
    } else {
      end_ += *n;
    }
  }

  Event emit(std::string_view line, Line& out) {
    ++lineno_;
    out.number = lineno_;
    out.size = line.size();
    if (line.size() > max_) {
      out.text = line.substr(0, kHeadBytes);
      return Event::too_large;
    }
    out.text = line;
    return Event::line;
  }

  // The window holds more than max_ bytes of one line: stream past the rest.
  Event skip(Line& out) {
    head_.assign(buf_.get() + begin_, std::min(end_ - begin_, kHeadBytes));
    uint64_t total = end_ - begin_;
    ++lineno_;
    begin_ = scan_ = end_ = 0;
    while (!eof_) {
      auto n = src_->read(buf_.get(), cap_);
      if (!n) {
        error_ = std::move(n.error());
        error_line_ = lineno_;
        eof_ = true;
      } else if (*n == 0) {
        eof_ = true;
      } else if (auto* nl = static_cast<char*>(std::memchr(buf_.get(), '\n', *n))) {
        total += static_cast<size_t>(nl - buf_.get());
        begin_ = scan_ = static_cast<size_t>(nl - buf_.get()) + 1;
        end_ = *n;
        break;
      } else {
        total += *n;
      }
    }
    out = Line{head_, lineno_, total};
    return Event::too_large;
  }

  Source* src_ = nullptr;
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> buf_;
  size_t cap_ = 0, max_ = 0;
  size_t begin_ = 0, end_ = 0, scan_ = 0;  // unread window; scan_: no '\n' in [begin_, scan_)
  uint32_t lineno_ = 0, error_line_ = 0;
  bool eof_ = false;
  std::optional<Error> error_;
  std::string head_;
};

bool looks_like_jsonl_name(std::string_view path) {
  for (std::string_view ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"})
    if (ends_with(path, ext)) return true;
  return false;
}

// File name without directory and extension ("a/b/x.txt.gz" -> "x").
std::string doc_id_for(const std::string& path) {
  if (path == "-") return "stdin";
  fs::path p = fs::path(path).filename();
  if (p.extension() == ".gz") p = p.stem();
  std::string id = p.stem().string();
  return id.empty() ? p.string() : id;
}

void walk(const fs::path& dir, std::vector<fs::path>& files, std::vector<Error>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) continue;
    std::error_code ec2;
    if (it->is_directory(ec2) && !it->is_symlink(ec2)) {
      walk(p, files, errors);
    } else if (it->is_regular_file(ec2)) {
      files.push_back(p);
    }
  }
  if (ec)
    errors.push_back(Error{"io_error", fmt::format("cannot list directory: {}", ec.message()), {dir.string()}});
}

}  // namespace

// ---------------------------------------------------------------- reader

struct DocReader::Impl {
  struct Item {
    std::string path;
    std::optional<Error> error;
  };

  ReadOptions opts;
  std::deque<Item> queue;

  // the input being read as JSON Lines
  bool active = false;
  std::string path;
  std::unique_ptr<FdSource> raw;
  std::unique_ptr<GzipSource> gz;
  LineReader lines;

  simdjson::dom::parser parser;
  std::string scratch;

  std::optional<Result<Doc>> next();
  std::optional<Result<Doc>> start(const std::string& p);
  Result<Doc> parse_line(const Line& line);
  Result<Doc> bad_utf8_line(const Line& line, Location loc);
  Result<Doc> read_text();
  void expand(const std::string& dir);
  void close() {
    active = false;
    gz.reset();
    raw.reset();
  }
  Location here(uint32_t line = 0, std::string record = {}) const { return {path, line, 0, std::move(record)}; }
};

std::optional<Result<Doc>> DocReader::Impl::next() {
  for (;;) {
    if (!active) {
      if (queue.empty()) return std::nullopt;
      Item item = std::move(queue.front());
      queue.pop_front();
      if (item.error) return std::unexpected(std::move(*item.error));
      if (auto r = start(item.path)) return r;
      continue;
    }
    Line line;
    switch (lines.next(line)) {
      case Event::line:
        if (is_blank(line.text)) continue;
        if (line.size > kBigParse) {
          auto doc = parse_line(line);
          parser = simdjson::dom::parser{};  // give back the memory a huge line took
          return doc;
        }
        return parse_line(line);
      case Event::too_large:
        return fail("record_too_large",
                    fmt::format("record is {} bytes, over the limit of {} bytes", line.size, opts.max_record_bytes),
                    here(line.number, guess_id(line.text)));
      case Event::end:
        close();
        continue;
      case Event::error: {
        Error e = lines.take_error();
        e.where = here(lines.error_line());
        close();
        return std::unexpected(std::move(e));
      }
    }
  }
}

// Opens one input. Returns a result for plain-text files and for inputs that
// fail at once; nothing when JSON Lines reading begins or a directory was expanded.
std::optional<Result<Doc>> DocReader::Impl::start(const std::string& p) {
  path = p;
  int fd = 0;
  if (p != "-") {
    fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail("io_error", fmt::format("cannot open file: {}", errno_text(errno)), here());
    struct stat st{};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      expand(p);
      return std::nullopt;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  raw = std::make_unique<FdSource>(fd, p != "-");
  lines.reset(raw.get(), opts.max_record_bytes);
  lines.fill(kSniffBytes);

  auto stop = [&](std::string kind, std::string message) -> std::optional<Result<Doc>> {
    close();
    return fail(std::move(kind), std::move(message), here());
  };
  auto stop_failed = [&]() -> std::optional<Result<Doc>> {
    Error e = lines.take_error();
    e.where = here();
    close();
    return std::unexpected(std::move(e));
  };

  if (lines.at_end()) return lines.failed() ? stop_failed() : stop("empty_file", "file is empty");
  std::string_view w = lines.window();
  bool gzip = w.size() >= 2 && static_cast<unsigned char>(w[0]) == 0x1f && static_cast<unsigned char>(w[1]) == 0x8b;
  if (gzip) {
    gz = std::make_unique<GzipSource>(*raw, w);
    lines.reset(gz.get(), opts.max_record_bytes);
    lines.fill(kSniffBytes);
    if (lines.at_end()) return lines.failed() ? stop_failed() : stop("empty_file", "gzip file holds no data");
    w = lines.window();
  }
  std::string_view head = w.substr(0, kSniffBytes);
  if (size_t nul = head.find('\0'); nul != std::string_view::npos)
    return stop("binary_file", fmt::format("{} binary data (a NUL byte at offset {})",
                                           gzip ? "gzip file holds" : "file holds", nul));
  if (w.starts_with("\xEF\xBB\xBF")) {
    lines.consume(3);
    w.remove_prefix(3);
  }
  auto first = std::find_if_not(w.begin(), w.end(), is_space);
  if ((first != w.end() && *first == '{') || looks_like_jsonl_name(p)) {
    active = true;
    return std::nullopt;
  }
  Result<Doc> doc = read_text();
  close();
  return doc;
}

Result<Doc> DocReader::Impl::read_text() {
  Doc doc;
  doc.id = doc_id_for(path);
  doc.origin = here(0, doc.id);
  if (!lines.slurp(doc.text))
    return fail("record_too_large", fmt::format("file is over the limit of {} bytes", opts.max_record_bytes),
                doc.origin);
  if (lines.failed()) {
    Error e = lines.take_error();
    e.where = doc.origin;
    return std::unexpected(std::move(e));
  }
  if (size_t bad = find_bad_utf8(doc.text); bad != kNone) {
    std::string_view before(doc.text.data(), bad);
    Location loc = doc.origin;
    loc.line = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    size_t bol = before.rfind('\n');
    loc.column = static_cast<uint32_t>(bol == std::string_view::npos ? bad + 1 : bad - bol);
    return fail("bad_utf8", fmt::format("invalid UTF-8 at byte offset {}", bad), std::move(loc));
  }
  if (is_blank(doc.text)) return fail("empty_text", "file holds only whitespace", doc.origin);
  return doc;
}

Result<Doc> DocReader::Impl::parse_line(const Line& line) {
  using simdjson::dom::element;
  using simdjson::dom::element_type;
  Location loc = here(line.number);
  auto parsed = parser.parse(reinterpret_cast<const uint8_t*>(line.text.data()), line.text.size(), false);
  if (parsed.error() == simdjson::UTF8_ERROR) return bad_utf8_line(line, std::move(loc));
  if (parsed.error()) {
    loc.record = guess_id(line.text);
    return fail("bad_json", fmt::format("line is not valid JSON: {}", simdjson_text(parsed.error())), std::move(loc));
  }
  element root = parsed.value_unsafe();
  if (!root.is_object())
    return fail("bad_json", fmt::format("line holds a JSON {}, not an object", json_type_name(root.type())),
                std::move(loc));
  simdjson::dom::object obj = root.get_object().value_unsafe();

  Doc doc;
  element v;
  if (obj.at_key("id").get(v)) return fail("missing_id", "record has no \"id\" field", std::move(loc));
  switch (v.type()) {
    case element_type::STRING: doc.id = v.get_string().value_unsafe(); break;
    case element_type::INT64: doc.id = std::to_string(v.get_int64().value_unsafe()); break;
    case element_type::UINT64: doc.id = std::to_string(v.get_uint64().value_unsafe()); break;
    case element_type::DOUBLE: doc.id = fmt::format("{}", v.get_double().value_unsafe()); break;
    default:
      return fail("missing_id", fmt::format("field \"id\" is a {}, not a string or number", json_type_name(v.type())),
                  std::move(loc));
  }
  if (doc.id.empty()) return fail("missing_id", "field \"id\" is empty", std::move(loc));
  loc.record = doc.id;

  if (obj.at_key("text").get(v)) return fail("missing_text", "record has no \"text\" field", std::move(loc));
  std::string_view text;
  if (v.get(text))
    return fail("missing_text", fmt::format("field \"text\" is a {}, not a string", json_type_name(v.type())),
                std::move(loc));
  if (is_blank(text))
    return fail("empty_text", text.empty() ? "field \"text\" is empty" : "field \"text\" holds only whitespace",
                std::move(loc));
  doc.text = text;

  auto optional_field = [&](const char* key, std::string& dst) {
    std::string_view s;
    if (!obj.at_key(key).get(s)) dst = s;  // null and other types leave it empty
  };
  optional_field("lang", doc.lang);
  optional_field("title", doc.title);
  optional_field("date", doc.date);
  optional_field("source", doc.source);
  optional_field("url", doc.url);
  doc.origin = std::move(loc);
  return doc;
}

// simdjson rejects the whole line; find the offset, then read the id from a
// copy where the bad bytes are replaced.
Result<Doc> DocReader::Impl::bad_utf8_line(const Line& line, Location loc) {
  size_t bad = find_bad_utf8(line.text);
  if (bad == kNone) return fail("bad_json", "line is not valid JSON: invalid UTF-8 in a string", std::move(loc));
  scratch.assign(line.text);
  for (size_t at = bad; at != kNone;) {
    scratch[at] = '?';
    size_t rest = scan_bad_utf8(reinterpret_cast<const unsigned char*>(scratch.data()) + at + 1,
                                scratch.size() - at - 1);
    at = rest == kNone ? kNone : at + 1 + rest;
  }
  simdjson::dom::element root;
  if (!parser.parse(scratch).get(root)) {
    simdjson::dom::element id;
    std::string_view s;
    int64_t n;
    if (!root.at_key("id").get(id)) {
      if (!id.get(s)) loc.record = s;
      else if (!id.get(n)) loc.record = std::to_string(n);
    }
  }
  loc.column = static_cast<uint32_t>(bad + 1);
  return fail("bad_utf8", fmt::format("invalid UTF-8 at byte offset {} of the line", bad), std::move(loc));
}

void DocReader::Impl::expand(const std::string& dir) {
  std::vector<fs::path> files;
  std::vector<Error> errors;
  walk(fs::path(dir), files, errors);
  std::sort(files.begin(), files.end());
  std::vector<Item> items;
  items.reserve(errors.size() + files.size());
  for (auto& e : errors) items.push_back({{}, std::move(e)});
  for (auto& f : files) {
    const bool skip = std::any_of(opts.skip_files.begin(), opts.skip_files.end(), [&](const std::string& s) {
      std::error_code ec;
      return fs::equivalent(f, fs::path(s), ec);
    });
    if (!skip) items.push_back({f.string(), std::nullopt});
  }
  queue.insert(queue.begin(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

DocReader::DocReader(std::vector<std::string> inputs, ReadOptions opts) : impl_(std::make_unique<Impl>()) {
  impl_->opts = opts;
  if (impl_->opts.max_record_bytes == 0) impl_->opts.max_record_bytes = 1;
  for (auto& in : inputs) impl_->queue.push_back({std::move(in), std::nullopt});
}

DocReader::~DocReader() = default;
DocReader::DocReader(DocReader&&) noexcept = default;
DocReader& DocReader::operator=(DocReader&&) noexcept = default;

std::optional<Result<Doc>> DocReader::next() { return impl_->next(); }

}  // namespace dyad::io
