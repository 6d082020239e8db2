// Reading a whole file at once: for files that are parsed in place (the lexicons, the
// dictionary cache) rather than line by line.
#pragma once

#include <string>

namespace dyad {

struct WholeFile {
  bool opened = false;    // the file could be opened
  bool complete = false;  // and every byte of it was read
  std::string data;
};

WholeFile read_whole_file(const std::string& path);

}  // namespace dyad
