// io/reader.h — streams Docs out of JSON Lines, gzip, plain-text files, directories and stdin.
//
// Every input is read through a bounded buffer; a bad record or a bad file
// yields one Error and reading goes on with what follows.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/doc.h"
#include "dyad/status.h"

namespace dyad::io {

struct ReadOptions {
  // A JSONL line or a plain-text file larger than this is skipped with "record_too_large".
  size_t max_record_bytes = size_t{64} << 20;
  // Files a directory input leaves out (compared as the same file on disk): the gold file
  // `dyad eval --gold` reads, when it sits in the article folder it is given.
  std::vector<std::string> skip_files;
};

// Error kinds produced by DocReader (Error::kind).
//   io_error, empty_file, binary_file, bad_gzip, truncated_gzip, bad_utf8, bad_json,
//   missing_id, missing_text, empty_text, record_too_large
class DocReader {
 public:
  // inputs: file paths, directories (read recursively, sorted, hidden entries skipped)
  // or "-" for standard input.
  explicit DocReader(std::vector<std::string> inputs, ReadOptions opts = {});
  ~DocReader();
  DocReader(DocReader&&) noexcept;
  DocReader& operator=(DocReader&&) noexcept;
  DocReader(const DocReader&) = delete;
  DocReader& operator=(const DocReader&) = delete;

  // The next record as a Doc, or an Error for a bad record or file (reading
  // then goes on); std::nullopt once every input is exhausted.
  std::optional<Result<Doc>> next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF): the check the reader applies to every record, for other front ends.
bool valid_utf8(std::string_view s);

}  // namespace dyad::io
