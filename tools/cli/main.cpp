// dyad: the command-line front end. It parses arguments, calls the library and
// prints; no coding logic lives here.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"

namespace dyad::cli {

std::string default_data_dir(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
    if (fs::exists(p / "data" / "common")) return (p / "data").string();
  return "data";
}

void add_cache_flag(CLI::App* sub, Common& c) {
  sub->add_flag("--no-cache", c.no_cache,
                "compile the dictionaries from their text files, without reading or writing the compiled cache "
                "($DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad or ~/.cache/dyad)");
}

void add_roles_date(CLI::App* sub, Common& c) {
  sub->add_option("--roles-date", c.roles_date,
                  "YYYY-MM-DD: read actors' dated roles on this day for records that carry no date and name none "
                  "(default: today's roles; the events keep no date)");
}

std::string undated_note(size_t undated) {
  return fmt::format("dyad: {} articles carry no date and name none: their actors' roles are today's "
                     "(--roles-date YYYY-MM-DD reads them on another day)\n",
                     undated);
}

EngineOptions engine_options(const Common& c) {
  EngineOptions eo;
  eo.data_dir = c.data_dir;
  eo.dict = c.dict;
  eo.default_lang = c.lang;
  eo.cache = !c.no_cache;
  eo.roles_date = c.roles_date;
  return eo;
}

Result<std::unique_ptr<Engine>> open_engine(const EngineOptions& eo) {
  auto engine = Engine::open(eo);
  if (engine)
    for (auto& w : (*engine)->warnings()) std::cerr << "dyad: warning: " << w.to_string() << "\n";
  return engine;
}

}  // namespace dyad::cli

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data (CAMEO/PLOVER) from raw news text"};
  app.require_subcommand(1);
  dyad::cli::Common common;
  common.data_dir = dyad::cli::default_data_dir(argv[0]);
  app.add_option("--data", common.data_dir, "dyad's data folder (language packs, CAMEO tables)")->capture_default_str();
  dyad::cli::add_code(app, common);
  dyad::cli::add_eval(app, common);
  dyad::cli::add_explain(app, common);
  dyad::cli::add_dict(app, common);
  dyad::cli::add_store_commands(app, common);
  dyad::cli::add_serve(app, common);
  dyad::cli::add_sentences(app, common);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {  // a subcommand's own exit status
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return 0;
}
