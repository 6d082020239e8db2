#include "core/file.h"

#include <algorithm>
#include <fstream>

namespace dyad {

WholeFile read_whole_file(const std::string& path) {
  WholeFile f;
  std::ifstream in(path, std::ios::binary);
  if (!in) return f;
  f.opened = true;
  in.seekg(0, std::ios::end);
  const auto size = static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0));
  in.seekg(0);
  // sized once and read straight into the string's buffer: no zero-fill, no copy
  f.data.resize_and_overwrite(size, [&](char* p, size_t n) {
    in.read(p, static_cast<std::streamsize>(n));
    return static_cast<size_t>(in.gcount());
  });
  f.complete = f.data.size() == size;
  return f;
}

}  // namespace dyad
