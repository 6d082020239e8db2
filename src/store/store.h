// store/store.h — coded articles in a SQLite file: mentions clustered into events.
//
//   auto st = dyad::store::Store::open("dyad.db");          // creates or upgrades the schema
//   if (!st) { report(st.error()); return; }                 // foreign/corrupt/read-only/newer
//   std::vector<dyad::store::Article> batch = ...;           // Doc + its coded events
//   auto r = (*st)->write_batch(batch);                      // one transaction, all or nothing
//   auto rows = (*st)->events(filter);                       // parameterised SQL only
//
// The schema, the clustering rule and their parameters are documented in docs/STORE.md.
// Nothing here prints or exits; every failure is a dyad::Error whose kind is one of
//   store_foreign   the file is not a dyad store (not SQLite, or another program's database)
//   store_corrupt   SQLite reports damage
//   store_newer     written by a newer dyad (schema version above kSchemaVersion)
//   store_readonly  the file or its folder cannot be written
//   store_full      the disk (or the --max-size quota) is full
//   store_busy      another process held the write lock longer than the busy timeout
//   store_io        an I/O error
//   store_missing   a read-only open of a file that does not exist
//   store_error     anything else SQLite reports
//   bad_query       a filter that cannot be used (e.g. a malformed date)
// Thread safety: one Store per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/doc.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "store/cluster.h"

struct sqlite3;

namespace dyad::store {

inline constexpr int kSchemaVersion = 3;
inline constexpr int32_t kApplicationId = 0x44594144;  // "DYAD" (PRAGMA application_id)

struct OpenOptions {
  bool read_only = false;
  int busy_timeout_ms = 60000;  // how long a write waits for another process's transaction
  int64_t max_bytes = 0;        // > 0: writes that would grow the file past this fail as "store_full"
  ClusterParams cluster;        // used when the store is created; an existing store keeps its own
  // Run PRAGMA quick_check before writing to a store of at most this size (0 = never).
  int64_t check_below_bytes = int64_t{256} << 20;
};

// One coded article, as `dyad ingest` hands it over.
struct Article {
  Doc doc;
  std::vector<Event> events;
  uint32_t sentences = 0;
};

struct BatchStats {
  size_t inserted = 0;   // new articles
  size_t replaced = 0;   // articles whose content changed: old mentions replaced
  size_t unchanged = 0;  // same id and content hash: skipped
  size_t mentions = 0;   // mentions written
  size_t events_created = 0;
  size_t events_joined = 0;  // mentions that joined an existing event
};

// FNV-1a 64 of the text and of the metadata that coding and clustering use
// (date, lang, source, title, url), as 16 hex digits.
std::string content_hash(const Doc& d);

// Filters shared by query, series, actors and export. Empty fields do not filter.
struct Filter {
  std::string actor;    // ALL-CAPS: actor code prefix ("RUS", "RUSGOV"); else words of an actor's name
  std::string country;  // ISO 3166 alpha-3 on either side
  std::string code;     // CAMEO event code prefix ("19", "0431")
  std::string root;     // two-digit root
  int quad = 0;         // 1-4
  std::string from, to; // event date bounds, YYYY-MM-DD, inclusive
  std::string text;     // words that must all occur in an evidence sentence (FTS5)
  std::vector<std::string> status;  // fact, intent, reported, hypothetical, denied, negated; empty = all
  std::string dyad_a, dyad_b;       // series: actor1 / actor2 (3 letters = country, else code)
  bool undirected = false;          // series: count B->A as well as A->B
  int64_t id = 0;                   // one event by id (0 = any)
  int64_t limit = 0;                // 0 = no limit
};

struct EventRow {
  int64_t id = 0;
  std::string status, dyad;
  bool symmetric = false;
  std::string date, end_date, first_seen, last_seen;
  std::string actor1_code, actor1_country, actor1_name, actor2_code, actor2_country, actor2_name;
  std::string code, base, root;
  int quad = 0;
  double goldstein = 0;
  std::string plover_type, plover_mode, plover_context, place;
  std::string place_country;                 // ISO alpha-3 of the place; empty with no place
  std::optional<double> place_lat, place_lon;  // WGS84, from the gazetteer
  int64_t num_mentions = 0, num_sources = 0, num_articles = 0, num_contests = 0;
  int64_t rep_mention = 0;
  std::string evidence, doc_id, url;
};

// One mention with its link to an event, for explanations and the mentions exports.
struct MentionRow {
  int64_t id = 0, event_id = 0;
  std::string role, match, reason;  // role: member | contests
  Event event;                       // the stored mention as dyad emitted it
  std::string outlet, source, title;
  int64_t text_bytes = 0;
};

enum class Period { day, week, month };
struct SeriesRow {
  std::string period;  // 2023-09-25 | 2023-W39 | 2023-09
  int quad = 0;        // 0 = all quads (no --quad)
  int64_t events = 0, mentions = 0;
  double goldstein = 0;  // sum of the events' Goldstein weights
};

struct ActorRow {
  std::string code, country, name;  // name: the words most often coded as this actor
  int64_t events = 0, as_actor1 = 0, as_actor2 = 0, mentions = 0;
};

struct Counts {
  int64_t articles = 0, mentions = 0, events = 0, links = 0;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const std::string& path, const OpenOptions& opt = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;
  const ClusterParams& params() const;
  int schema_version() const;

  // True when the article is stored with the same content hash (ingest skips it unless forced).
  Result<bool> unchanged(const Doc& doc);

  // Stores each article and its mentions and clusters the mentions, in one transaction
  // (BEGIN IMMEDIATE ... COMMIT). On any failure the whole batch is rolled back and the
  // error names the article being written (Error::where.record, file and line).
  Result<BatchStats> write_batch(const std::vector<Article>& batch, bool force = false);

  Result<std::vector<EventRow>> events(const Filter& f);
  // Streams events in id order; `fn` returns false to stop.
  Result<void> for_each_event(const Filter& f, const std::function<bool(const EventRow&)>& fn);
  // Mentions linked to one event (members first, then contesting mentions), in id order.
  Result<std::vector<MentionRow>> mentions_of(int64_t event_id);
  Result<std::vector<SeriesRow>> series(const Filter& f, Period by, bool by_quad);
  Result<std::vector<ActorRow>> actors(const Filter& f);
  Result<Counts> counts();

  sqlite3* handle();  // for tests and tools; do not close

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// WORDS as an FTS5 query in which every word is a quoted string (all must occur): no FTS5
// syntax ever comes from the user. Shared by `dyad query --text` and `dyad serve`.
std::string fts_query(std::string_view words);

// A lower date bound on events `e`, taking the bound, its month and its year as arguments: an
// event dated to a month or a year only ("2015-03", "2015") whose period holds the bound is in
// the range. Shared by `dyad query --from` and `dyad serve`.
inline constexpr const char* kDateFromSql = "(e.date >= ? OR e.date IN (?, ?))";

}  // namespace dyad::store
