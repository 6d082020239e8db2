#include "dict/native.h"

#include <algorithm>
#include <filesystem>

#include "dict/compile.h"
#include "dict/langpack.h"
#include "dict/petrarch.h"

namespace dyad::dict {

namespace {

// Every `<kind>*.txt` of a folder, sorted: hand-written `actors.txt` beside
// generated `actors.countries.txt`.
std::vector<std::string> files_of(const std::string& dir, const std::string& kind, const char* ext = ".txt") {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (e.is_regular_file() && n.starts_with(kind) && n.ends_with(ext)) out.push_back(e.path().string());
  }
  // hand-written files first: the first entry of a phrase wins, and a person
  // writing actors.txt must be able to override a generated country phrase
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    bool ga = a.ends_with(".generated.txt"), gb = b.ends_with(".generated.txt");
    return ga != gb ? gb : a < b;
  });
  return out;
}

}  // namespace

Result<void> load_native(const std::string& data_dir, const std::string& lang, Lexicon& lex) {
  const std::string dirs[] = {data_dir + "/common", data_dir + "/" + lang};
  lex.cut_words = true;  // "GISCARD_D'ESTAING" matches the tokens "giscard" "d'" "estaing"
  for (const auto& d : dirs)
    for (auto& f : files_of(d, "actors"))
      if (auto r = load_petrarch_actors(f, lex); !r) return r;
  for (const auto& d : dirs)
    for (auto& f : files_of(d, "agents"))
      if (auto r = load_petrarch_agents(f, lex, Flavor::lemmas); !r) return r;
  const std::string l = data_dir + "/" + lang;
  for (auto& f : files_of(l, "verbs"))
    if (auto r = load_petrarch_verbs(f, lex, Flavor::lemmas); !r) return r;
  for (auto& f : files_of(l, "discards"))
    if (auto r = load_petrarch_discards(f, lex); !r) return r;
  for (const auto& d : dirs)
    for (auto& f : files_of(d, "places", ".tsv"))
      if (auto r = load_places(f, lex); !r) return r;
  finalize(lex);
  return {};
}

}  // namespace dyad::dict
