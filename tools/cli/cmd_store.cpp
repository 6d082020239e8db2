// dyad ingest | query | series | actors | export: the event store (src/store, docs/STORE.md).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "dyad/batch.h"
#include "dyad/dyad.h"
#include "io/reader.h"
#include "store/output.h"
#include "store/store.h"

namespace dyad::cli {

void add_store_commands(CLI::App& app, Common& c);

namespace {

[[noreturn]] void exit_with(int code) { throw CLI::RuntimeError(code); }

void report(const char* cmd, const Error& e) { std::cerr << "dyad " << cmd << ": " << e.to_string() << "\n"; }

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s + ",") {
    if (ch == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (ch != ' ') {
      cur += ch;
    }
  }
  return out;
}

struct FilterOpts {
  store::Filter f;
  std::string status;
};

// The filters shared by query, series, actors and export. `status_default` documents the default.
void add_filters(CLI::App* sub, FilterOpts& o, const char* status_default, bool quad = true) {
  sub->add_option("--actor", o.f.actor, "actor: a code prefix in capitals (RUS, RUSGOV) or words of a name (putin)");
  sub->add_option("--country", o.f.country, "ISO 3166 alpha-3 country on either side (RUS)");
  sub->add_option("--code", o.f.code, "CAMEO event code prefix (19, 0431)");
  sub->add_option("--root", o.f.root, "CAMEO root code, two digits (14)");
  if (quad) sub->add_option("--quad", o.f.quad, "QuadClass 1-4")->check(CLI::Range(1, 4));
  sub->add_option("--from", o.f.from, "first event date, YYYY-MM-DD");
  sub->add_option("--to", o.f.to, "last event date, YYYY-MM-DD");
  sub->add_option("--text", o.f.text, "words that must all occur in an evidence sentence");
  sub->add_option("--status", o.status,
                  fmt::format("event status list: fact, intent, reported, hypothetical, denied, negated, or all "
                              "(default: {})",
                              status_default));
}

void resolve_status(FilterOpts& o, const char* def) {
  std::string s = o.status.empty() ? def : o.status;
  o.f.status = s == "all" ? std::vector<std::string>{} : split_list(s);
}

std::unique_ptr<store::Store> open_store(const char* cmd, const std::string& path, bool read_only,
                                         const store::OpenOptions& base = {}) {
  store::OpenOptions oo = base;
  oo.read_only = read_only;
  auto st = store::Store::open(path, oo);
  if (!st) {
    report(cmd, st.error());
    exit_with(2);
  }
  return std::move(*st);
}

store::OutFormat out_format(const char* cmd, const std::string& name) {
  auto f = store::parse_out_format(name);
  if (!f) {
    std::cerr << "dyad " << cmd << ": " << f.error().message << "\n";
    exit_with(2);
  }
  return *f;
}

std::string with_commas(size_t n) {
  std::string s = std::to_string(n), o;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) o += ',';
    o += s[i];
  }
  return o;
}

void add_ingest(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("ingest", "code articles into an event store (SQLite), skipping those already stored");
  struct Opts {
    std::vector<std::string> inputs;
    std::string db = "dyad.db";
    int threads = 0, batch = 200, window = 2;
    double busy = 60, max_mb = 0;
    bool quiet = false, force = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("inputs", o->inputs, "JSONL, .jsonl.gz, .txt files, folders, or - for standard input")->required();
  sub->add_option("--db", o->db, "the store file")->capture_default_str();
  sub->add_option("--dict", c.dict, "dictionaries: petrarch:DIR (default: dyad's own)");
  sub->add_option("--lang", c.lang, "language of records that do not name one")->capture_default_str();
  sub->add_option("-j,--threads", o->threads, "coding threads (default: one per core)");
  sub->add_option("--batch", o->batch, "articles per transaction")->capture_default_str()->check(CLI::Range(1, 100000));
  auto* win = sub->add_option("--window", o->window, "days an event's mentions may span (fixed when the store is created)")
                  ->capture_default_str()
                  ->check(CLI::Range(0, 365));
  sub->add_option("--busy-timeout", o->busy, "seconds to wait for another process writing the same store")
      ->capture_default_str();
  sub->add_option("--max-size", o->max_mb, "stop, as on a full disk, before the store grows past this many MB");
  sub->add_flag("--force", o->force, "re-code and replace articles even when they are unchanged");
  sub->add_flag("-q,--quiet", o->quiet, "no progress or summary on standard error");
  add_roles_date(sub, c);
  add_cache_flag(sub, c);
  sub->callback([&c, o, win]() {
    store::OpenOptions oo;
    oo.busy_timeout_ms = static_cast<int>(o->busy * 1000);
    oo.max_bytes = static_cast<int64_t>(o->max_mb * 1024 * 1024);
    oo.cluster.window_days = o->window;
    auto st = open_store("ingest", o->db, false, oo);
    if (win->count() && st->params().window_days != o->window) {
      std::cerr << fmt::format("dyad ingest: {} clusters mentions with a {}-day window, set when it was created; "
                               "use another --db for a {}-day window\n",
                               o->db, st->params().window_days, o->window);
      exit_with(2);
    }
    auto engine = open_engine(engine_options(c));
    if (!engine) {
      std::cerr << "dyad: " << engine.error().to_string() << "\n";
      exit_with(2);
    }

    // The pre-check (is this article stored with this content?) reads through its own
    // connection: the writer thread owns `st`.
    auto checker = open_store("ingest", o->db, true, oo);
    io::DocReader reader(o->inputs);
    const bool tty = !o->quiet && isatty(STDERR_FILENO);
    const auto t0 = std::chrono::steady_clock::now();
    auto last_progress = t0;
    size_t errors = 0, sentences = 0, precheck_unchanged = 0, undated = 0;
    std::vector<store::Article> batch;

    // One writer thread commits batches while the coding goes on; at most two batches wait.
    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::vector<store::Article>> queue;
    bool closing = false;
    std::atomic<bool> failed{false};
    std::optional<Error> failure;  // guarded by mu
    store::BatchStats total;       // guarded by mu
    std::thread writer([&] {
      for (;;) {
        std::vector<store::Article> b;
        {
          std::unique_lock lk(mu);
          cv.wait(lk, [&] { return closing || !queue.empty(); });
          if (queue.empty()) return;
          b = std::move(queue.front());
          queue.pop_front();
        }
        cv.notify_all();
        if (failed) continue;
        auto r = st->write_batch(b, o->force);
        std::lock_guard lk(mu);
        if (!r) {
          failure = r.error();
          failed = true;
          continue;
        }
        total.inserted += r->inserted;
        total.replaced += r->replaced;
        total.unchanged += r->unchanged;
        total.mentions += r->mentions;
        total.events_created += r->events_created;
        total.events_joined += r->events_joined;
      }
    });
    auto flush = [&] {
      if (batch.empty()) return;
      {
        std::unique_lock lk(mu);
        cv.wait(lk, [&] { return queue.size() < 2 || failed; });
        if (!failed) queue.push_back(std::move(batch));
      }
      cv.notify_all();
      batch = {};
    };
    auto progress = [&] {
      store::BatchStats t;
      {
        std::lock_guard lk(mu);
        t = total;
      }
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const size_t done = t.inserted + t.replaced + t.unchanged + precheck_unchanged;
      std::cerr << "\r\033[K"
                << fmt::format("dyad ingest: {} articles ({:.0f}/s), {} unchanged, {} mentions, {} new events, {} errors",
                               with_commas(done), secs > 0 ? done / secs : 0.0,
                               with_commas(t.unchanged + precheck_unchanged), with_commas(t.mentions),
                               with_commas(t.events_created), errors)
                << std::flush;
    };
    std::optional<Error> check_failure;

    code_stream(
        **engine,
        [&]() -> std::optional<Result<Doc>> {
          for (;;) {
            if (failed || check_failure) return std::nullopt;
            auto d = reader.next();
            if (!d) return std::nullopt;
            if (*d && !o->force) {
              auto same = checker->unchanged(**d);
              if (!same) {
                check_failure = same.error();
                return std::nullopt;
              }
              if (*same) {  // already stored with this content: not even coded
                ++precheck_unchanged;
                continue;
              }
            }
            return d;
          }
        },
        [&](const Result<Doc>& d, const Result<CodeReport>* rep) {
          if (failed || check_failure) return;
          if (!d || !*rep) {
            ++errors;
            if (tty) std::cerr << "\r\033[K";
            std::cerr << "dyad: skipped: " << (!d ? d.error() : rep->error()).to_string() << "\n";
            return;
          }
          sentences += (*rep)->sentences;
          undated += (*rep)->undated;
          batch.push_back(store::Article{*d, (*rep)->events, (*rep)->sentences});
          if (batch.size() >= static_cast<size_t>(o->batch)) flush();
          if (tty) {
            auto now = std::chrono::steady_clock::now();
            if (now - last_progress > std::chrono::milliseconds(250)) {
              last_progress = now;
              progress();
            }
          }
        },
        o->threads);
    if (!failed && !check_failure) flush();
    {
      std::lock_guard lk(mu);
      closing = true;
    }
    cv.notify_all();
    writer.join();
    if (tty) std::cerr << "\r\033[K";
    if (!failure && check_failure) failure = check_failure;
    if (failure) {
      std::cerr << "dyad ingest: stopped: " << failure->to_string() << "\n";
      if (!o->quiet)
        std::cerr << fmt::format("dyad ingest: committed before the stop: {} new and {} replaced articles, {} mentions\n",
                                 total.inserted, total.replaced, total.mentions);
      exit_with(2);
    }
    if (!o->quiet) {
      checker.reset();
      auto n = st->counts();
      std::cerr << fmt::format(
          "dyad: {} articles ({} new, {} replaced, {} unchanged), {} sentences, {} mentions, {} new events, {} errors",
          total.inserted + total.replaced + total.unchanged + precheck_unchanged, total.inserted, total.replaced,
          total.unchanged + precheck_unchanged, sentences, total.mentions, total.events_created, errors);
      if (n) std::cerr << fmt::format("; {} holds {} articles, {} mentions, {} events", o->db, n->articles, n->mentions, n->events);
      std::cerr << "\n";
      if (undated)
        std::cerr << undated_note(undated);
    }
    if (errors) exit_with(1);
  });
}

void add_query(CLI::App& app) {
  auto* sub = app.add_subcommand("query", "list the events of a store");
  struct Opts {
    std::string db = "dyad.db", format = "table";
    FilterOpts fo;
    int64_t event = 0;
  };
  auto o = std::make_shared<Opts>();
  o->fo.f.limit = 50;
  sub->add_option("--db", o->db, "the store file")->capture_default_str();
  add_filters(sub, o->fo, "all");
  sub->add_option("--limit", o->fo.f.limit, "at most this many events, newest first (0 = all)")->capture_default_str();
  sub->add_option("--format", o->format, "table, jsonl or csv")->capture_default_str();
  sub->add_option("--event", o->event, "show one event with every mention linked to it and why");
  sub->callback([o]() {
    auto fmt_ = out_format("query", o->format);
    resolve_status(o->fo, "all");
    auto st = open_store("query", o->db, true);
    if (o->event) {
      store::Filter one;
      one.id = o->event;
      std::optional<store::EventRow> ev;
      auto r = st->for_each_event(one, [&](const store::EventRow& e) {
        ev = e;
        return false;
      });
      if (!r) {
        report("query", r.error());
        exit_with(2);
      }
      if (!ev) {
        std::cerr << "dyad query: no event " << o->event << " in " << o->db << "\n";
        exit_with(1);
      }
      std::cout << store::format_events({*ev}, fmt_);
      auto ms = st->mentions_of(ev->id);
      if (!ms) {
        report("query", ms.error());
        exit_with(2);
      }
      if (fmt_ == store::OutFormat::table) {
        std::cout << "\nmentions:\n";
        for (const auto& m : *ms)
          std::cout << fmt::format("  mention {} [{} / {}] {} {} {}>{} {} ({}, {})\n    why: {}\n    \"{}\"\n", m.id,
                                   m.role, m.match, m.event.doc_id, m.outlet, m.event.source.code, m.event.target.code,
                                   m.event.code, m.event.date, to_string(m.event.modality), m.reason, m.event.sentence);
      }
      return;
    }
    auto rows = st->events(o->fo.f);
    if (!rows) {
      report("query", rows.error());
      exit_with(2);
    }
    std::cout << store::format_events(*rows, fmt_);
  });
}

void add_series(CLI::App& app) {
  auto* sub = app.add_subcommand("series", "events per day, week or month between two actors, with Goldstein sums");
  struct Opts {
    std::string db = "dyad.db", dyad, by = "month", format = "table";
    bool quad = false;
    FilterOpts fo;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--db", o->db, "the store file")->capture_default_str();
  sub->add_option("--dyad", o->dyad, "ACTOR1-ACTOR2: countries (RUS-VEN) or actor codes (RUSGOV-VENGOV)")->required();
  sub->add_option("--by", o->by, "day, week (ISO) or month")->capture_default_str()->check(CLI::IsMember({"day", "week", "month"}));
  sub->add_flag("--quad", o->quad, "one row per period and QuadClass");
  sub->add_flag("--undirected", o->fo.f.undirected, "count ACTOR2 -> ACTOR1 events too");
  add_filters(sub, o->fo, "fact", false);
  sub->add_option("--format", o->format, "table, jsonl or csv")->capture_default_str();
  sub->callback([o]() {
    auto fmt_ = out_format("series", o->format);
    resolve_status(o->fo, "fact");
    auto dash = o->dyad.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == o->dyad.size() ||
        o->dyad.find('-', dash + 1) != std::string::npos) {
      std::cerr << "dyad series: --dyad wants ACTOR1-ACTOR2, e.g. RUS-VEN\n";
      exit_with(2);
    }
    o->fo.f.dyad_a = o->dyad.substr(0, dash);
    o->fo.f.dyad_b = o->dyad.substr(dash + 1);
    auto st = open_store("series", o->db, true);
    store::Period by = o->by == "day" ? store::Period::day : o->by == "week" ? store::Period::week : store::Period::month;
    auto rows = st->series(o->fo.f, by, o->quad);
    if (!rows) {
      report("series", rows.error());
      exit_with(2);
    }
    std::cout << store::format_series(*rows, fmt_, o->quad);
  });
}

void add_actors(CLI::App& app) {
  auto* sub = app.add_subcommand("actors", "actors of a store, by number of events");
  struct Opts {
    std::string db = "dyad.db", format = "table";
    FilterOpts fo;
  };
  auto o = std::make_shared<Opts>();
  o->fo.f.limit = 50;
  sub->add_option("--db", o->db, "the store file")->capture_default_str();
  add_filters(sub, o->fo, "fact");
  sub->add_option("--limit", o->fo.f.limit, "at most this many actors (0 = all)")->capture_default_str();
  sub->add_option("--format", o->format, "table, jsonl or csv")->capture_default_str();
  sub->callback([o]() {
    auto fmt_ = out_format("actors", o->format);
    resolve_status(o->fo, "fact");
    auto st = open_store("actors", o->db, true);
    auto rows = st->actors(o->fo.f);
    if (!rows) {
      report("actors", rows.error());
      exit_with(2);
    }
    std::cout << store::format_actors(*rows, fmt_);
  });
}

void add_export(CLI::App& app) {
  auto* sub = app.add_subcommand("export", "write a store's events as GDELT 2.0, PLOVER JSON Lines or CSV");
  struct Opts {
    std::string db = "dyad.db", format, out, mentions;
    bool quiet = false;
    FilterOpts fo;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--format", o->format, "gdelt (61-column event table), plover (JSON Lines) or csv")->required();
  sub->add_option("--db", o->db, "the store file")->capture_default_str();
  sub->add_option("-o,--output", o->out, "output file (default: standard output)");
  sub->add_option("--mentions", o->mentions,
                  "also write the mentions: GDELT 2.0 mentions table, CSV, or JSON Lines (plover)");
  add_filters(sub, o->fo, "fact");
  sub->add_option("--limit", o->fo.f.limit, "at most this many events (0 = all)");
  sub->add_flag("-q,--quiet", o->quiet, "no summary line on standard error");
  sub->callback([o]() {
    auto ef = store::parse_export_format(o->format);
    if (!ef) {
      std::cerr << "dyad export: " << ef.error().message << "\n";
      exit_with(2);
    }
    resolve_status(o->fo, "fact");
    auto st = open_store("export", o->db, true);
    std::ofstream file, mfile;
    std::ostream* out = &std::cout;
    if (!o->out.empty()) {
      file.open(o->out, std::ios::binary);
      if (!file) {
        std::cerr << "dyad export: cannot write " << o->out << "\n";
        exit_with(2);
      }
      out = &file;
    }
    std::ostream* ms = nullptr;
    if (!o->mentions.empty()) {
      mfile.open(o->mentions, std::ios::binary);
      if (!mfile) {
        std::cerr << "dyad export: cannot write " << o->mentions << "\n";
        exit_with(2);
      }
      ms = &mfile;
    }
    auto r = store::export_events(*st, o->fo.f, *ef, *out, ms);
    if (!r) {
      report("export", r.error());
      exit_with(2);
    }
    if (!o->quiet) {
      std::cerr << fmt::format("dyad export: {} events", r->events);
      if (ms) std::cerr << fmt::format(", {} mentions", r->mentions);
      if (r->skipped) std::cerr << fmt::format(", {} events left out (CAMEO 01/02 have no PLOVER category)", r->skipped);
      std::cerr << "\n";
    }
  });
}

}  // namespace

void add_store_commands(CLI::App& app, Common& c) {
  add_ingest(app, c);
  add_query(app);
  add_series(app);
  add_actors(app);
  add_export(app);
}

}  // namespace dyad::cli
