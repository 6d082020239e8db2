// Opening a store: refuse what is not ours, create or migrate what is.
#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "store/impl.h"

namespace dyad::store {

namespace fs = std::filesystem;

Store::Impl::~Impl() {
  stmts.clear();  // finalize before closing
  if (db) {
    if (!read_only) exec("PRAGMA optimize");
    sqlite3_close_v2(db);
  }
}

sql::Stmt* Store::Impl::stmt(std::string_view text) {
  auto it = stmts.find(text);
  if (it == stmts.end()) {
    auto s = std::make_unique<sql::Stmt>(db, text);
    if (!s->ok()) return nullptr;
    it = stmts.emplace(std::string(text), std::move(s)).first;
  }
  it->second->clear();
  return it->second.get();
}

std::string Store::Impl::errmsg() const {
  return fmt::format("{} (SQLite code {})", sqlite3_errmsg(db), sqlite3_extended_errcode(db));
}

Error Store::Impl::error(int rc, const std::string& what) const {
  std::string kind = sql::error_kind(rc);
  std::string msg = fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (kind == "store_full")
    msg += " (the disk or the size limit is full; everything committed before is kept)";
  else if (kind == "store_busy")
    msg += " (another process is writing this store; try again when it is done, or raise --busy-timeout)";
  else if (kind == "store_readonly")
    msg += " (the file or its folder cannot be written)";
  else if (kind == "store_corrupt")
    msg += " (the file is damaged; dyad will not write to it)";
  return Error{kind, msg, Location{.file = path}};
}

int Store::Impl::exec(std::string_view text) {
  std::string s(text);
  return sqlite3_exec(db, s.c_str(), nullptr, nullptr, nullptr);
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
const std::string& Store::path() const { return impl_->path; }
const ClusterParams& Store::params() const { return impl_->params; }
int Store::schema_version() const { return impl_->version; }
sqlite3* Store::handle() { return impl_->db; }

std::string content_hash(const Doc& d) {
  // FNV-1a over 8-byte little-endian words (then the tail bytes), each field closed by 0x1f.
  uint64_t h = 1469598103934665603ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  auto mix = [&](std::string_view s) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * kPrime;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * kPrime;
    h = (h ^ 0x1f) * kPrime;
  };
  mix(d.text);
  mix(d.date);
  mix(d.lang);
  mix(d.source);
  mix(d.title);
  mix(d.url);
  return fmt::format("{:016x}", h);
}

void Store::Impl::reset_all() {
  for (auto& [k, v] : stmts) v->reset();
}

namespace {

Result<int64_t> pragma_int(Store::Impl& s, const char* pragma) {
  sql::Stmt st(s.db, fmt::format("PRAGMA {}", pragma));
  if (!st.ok()) return std::unexpected(s.error(st.rc(), fmt::format("cannot read the database ({})", pragma)));
  int rc = st.step();
  if (rc == SQLITE_ROW) return st.i64(0);
  if (rc == SQLITE_DONE) return 0;
  return std::unexpected(s.error(rc, fmt::format("cannot read the database ({})", pragma)));
}

// Tables that are not SQLite's own.
Result<std::vector<std::string>> user_tables(Store::Impl& s) {
  sql::Stmt st(s.db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  if (!st.ok()) return std::unexpected(s.error(st.rc(), "cannot read the database schema"));
  std::vector<std::string> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) out.push_back(st.text(0));
  if (rc != SQLITE_DONE) return std::unexpected(s.error(rc, "cannot read the database schema"));
  return out;
}


Result<void> migrate(Store::Impl& s, int from, bool fresh) {
  for (int v = from; v < kSchemaVersion; ++v) {
    int rc = s.exec(kMigrations[v]);
    if (rc != SQLITE_OK) return std::unexpected(s.error(rc, fmt::format("cannot upgrade the schema to version {}", v + 1)));
  }
  if (fresh) {
    sql::Stmt ins(s.db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    for (auto [k, v] : {std::pair<std::string, std::string>{"app", "dyad"},
                        {"created_at", now_utc()},
                        {"window_days", std::to_string(s.params.window_days)}}) {
      ins.clear();
      ins.bind(1, k).bind(2, v);
      if (int rc = ins.step(); rc != SQLITE_DONE) return std::unexpected(s.error(rc, "cannot write the store's metadata"));
    }
  }
  sql::Stmt up(s.db, "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  up.bind(1, std::to_string(kSchemaVersion));
  if (int rc = up.step(); rc != SQLITE_DONE) return std::unexpected(s.error(rc, "cannot write the store's metadata"));
  int rc = s.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId, kSchemaVersion));
  if (rc != SQLITE_OK) return std::unexpected(s.error(rc, "cannot write the schema version"));
  s.version = kSchemaVersion;
  return {};
}

// Checks what the file holds: ours (any version we can read), empty, or something else.
// Creates or upgrades the schema when writing.
Result<void> validate(Store::Impl& s, bool read_only, bool quick_check) {
  auto fail_here = [&](std::string kind, std::string msg) {
    return std::unexpected(Error{std::move(kind), std::move(msg), Location{.file = s.path}});
  };
  for (int attempt = 0; attempt < 3; ++attempt) {
    // One read transaction, so that the three reads see the same state even while another
    // process is creating the store.
    if (int rc = s.exec("BEGIN"); rc != SQLITE_OK) return std::unexpected(s.error(rc, "cannot read the database"));
    auto app = pragma_int(s, "application_id");
    auto ver = app ? pragma_int(s, "user_version") : Result<int64_t>(std::unexpected(app.error()));
    auto tables = ver ? user_tables(s) : Result<std::vector<std::string>>(std::unexpected(ver.error()));
    s.exec("COMMIT");
    if (!tables) return std::unexpected(tables.error());
    if (*app != kApplicationId) {
      if (*app == 0 && tables->empty() && *ver == 0) {
        // An empty database: make it a store (inside a write transaction, so that two
        // processes creating the same file do not both run the schema).
        if (read_only)
          return fail_here("store_foreign", "this database is empty: it is not a dyad store yet (dyad ingest creates one)");
        if (int rc = s.exec("BEGIN IMMEDIATE"); rc != SQLITE_OK) return std::unexpected(s.error(rc, "cannot create the store"));
        auto again = user_tables(s);
        if (!again) {
          s.exec("ROLLBACK");
          return std::unexpected(again.error());
        }
        if (!again->empty()) {  // someone else created it meanwhile: look again
          s.exec("ROLLBACK");
          continue;
        }
        auto m = migrate(s, 0, true);
        if (!m) {
          s.exec("ROLLBACK");
          return std::unexpected(m.error());
        }
        if (int rc = s.exec("COMMIT"); rc != SQLITE_OK) {
          s.exec("ROLLBACK");
          return std::unexpected(s.error(rc, "cannot create the store"));
        }
        return {};
      }
      std::string list;
      for (size_t i = 0; i < tables->size() && i < 5; ++i) list += (i ? ", " : "") + (*tables)[i];
      if (tables->size() > 5) list += ", ...";
      return fail_here("store_foreign",
                       fmt::format("this SQLite database is not a dyad store (application_id {}, tables: {}); "
                                   "dyad will not modify it",
                                   *app, list.empty() ? "none" : list));
    }
    if (*ver > kSchemaVersion)
      return fail_here("store_newer", fmt::format("this store has schema version {}, written by a newer dyad; this dyad "
                                                  "reads versions up to {} (upgrade dyad)",
                                                  *ver, kSchemaVersion));
    if (quick_check) {
      sql::Stmt qc(s.db, "PRAGMA quick_check(3)");
      std::string problems;
      int rc;
      while (qc.ok() && (rc = qc.step()) == SQLITE_ROW) {
        std::string r = qc.text(0);
        if (r != "ok") problems += (problems.empty() ? "" : "; ") + r;
      }
      if (!qc.ok() || (rc != SQLITE_DONE && rc != SQLITE_ROW))
        return std::unexpected(s.error(qc.ok() ? rc : qc.rc(), "cannot check the database"));
      if (!problems.empty())
        return fail_here("store_corrupt", fmt::format("the database is damaged ({}); dyad will not write to it "
                                                      "(keep a copy; `sqlite3 FILE .recover` may save its content)",
                                                      problems));
    }
    s.version = static_cast<int>(*ver);
    if (*ver < kSchemaVersion) {
      if (read_only)
        return fail_here("store_newer", fmt::format("this store has schema version {}; open it once for writing "
                                                    "(dyad ingest) to upgrade it to version {}",
                                                    *ver, kSchemaVersion));
      if (int rc = s.exec("BEGIN IMMEDIATE"); rc != SQLITE_OK) return std::unexpected(s.error(rc, "cannot upgrade the store"));
      auto v2 = pragma_int(s, "user_version");
      Result<void> m = v2 ? migrate(s, static_cast<int>(*v2), false) : Result<void>(std::unexpected(v2.error()));
      if (!m) {
        s.exec("ROLLBACK");
        return std::unexpected(m.error());
      }
      if (int rc = s.exec("COMMIT"); rc != SQLITE_OK) {
        s.exec("ROLLBACK");
        return std::unexpected(s.error(rc, "cannot upgrade the store"));
      }
    }
    return {};
  }
  return fail_here("store_busy", "the store changed while it was being opened; try again");
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const OpenOptions& opt) {
  Location where{.file = path};
  std::error_code ec;
  auto st = fs::status(path, ec);
  const bool exists = !ec && fs::exists(st);
  if (exists && fs::is_directory(st)) return fail("store_foreign", "this is a folder, not a dyad store", where);
  int64_t size = 0;
  if (exists) {
    size = static_cast<int64_t>(fs::file_size(path, ec));
    std::ifstream f(path, std::ios::binary);
    if (!f) return fail("store_readonly", "cannot read this file", where);
    char hdr[16] = {};
    f.read(hdr, sizeof hdr);
    const auto n = f.gcount();
    if (n > 0 && (n < 16 || std::memcmp(hdr, "SQLite format 3", 16) != 0))
      return fail("store_foreign", "this file is not a SQLite database, so not a dyad store; dyad will not overwrite it",
                  where);
  } else if (opt.read_only) {
    return fail("store_missing", "no such store (dyad ingest creates one)", where);
  }

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->read_only = opt.read_only;
  impl->params = opt.cluster;
  const bool check = !opt.read_only && exists && size > 0 && opt.check_below_bytes > 0 && size <= opt.check_below_bytes;
  // A read-only open of a WAL store in a folder we cannot write cannot create the -shm file;
  // then the file is opened as immutable (no concurrent writer can exist without write access
  // to that folder anyway).
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string name = path;
    int flags = opt.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (attempt == 1) {
      name = "file:";
      for (char ch : fs::absolute(path).string()) {
        if (ch == '%' || ch == '?' || ch == '#') name += fmt::format("%{:02X}", static_cast<unsigned char>(ch));
        else name += ch;
      }
      name += "?immutable=1";
      flags |= SQLITE_OPEN_URI;
    }
    if (impl->db) {
      impl->stmts.clear();
      sqlite3_close_v2(impl->db);
      impl->db = nullptr;
    }
    int rc = sqlite3_open_v2(name.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return std::unexpected(impl->error(rc, "cannot open the store"));
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, opt.busy_timeout_ms);
    if (!opt.read_only && sqlite3_db_readonly(impl->db, "main") == 1)
      return fail("store_readonly",
                  "this store cannot be written (file permissions or a read-only file system); nothing was written",
                  where);
    auto v = validate(*impl, opt.read_only, check);
    if (v) break;
    if (!opt.read_only || attempt == 1 || v.error().kind != "store_readonly") return std::unexpected(v.error());
  }
  int rc = SQLITE_OK;

  if (!opt.read_only) {
    // WAL: readers never block the writer; a crash leaves only whole transactions.
    sql::Stmt jm(impl->db, "PRAGMA journal_mode = WAL");
    rc = jm.ok() ? jm.step() : jm.rc();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return std::unexpected(impl->error(rc, "cannot switch the store to WAL mode"));
    impl->exec("PRAGMA synchronous = NORMAL");
    impl->exec("PRAGMA cache_size = -65536");
    impl->exec("PRAGMA temp_store = MEMORY");
    impl->exec("PRAGMA wal_autocheckpoint = 16384");  // checkpoint every 64 MB of WAL, not every 4 MB
    if (opt.max_bytes > 0) {
      auto page = pragma_int(*impl, "page_size");
      if (!page) return std::unexpected(page.error());
      impl->exec(fmt::format("PRAGMA max_page_count = {}", std::max<int64_t>(1, opt.max_bytes / std::max<int64_t>(1, *page))));
    }
  } else {
    impl->exec("PRAGMA mmap_size = 1073741824");
  }

  // The clustering parameters the store was built with.
  sql::Stmt meta(impl->db, "SELECT value FROM meta WHERE key = 'window_days'");
  if (meta.ok() && meta.step() == SQLITE_ROW) impl->params.window_days = static_cast<int>(std::stol(meta.text(0)));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<bool> Store::unchanged(const Doc& doc) {
  auto* s = impl_->stmt("SELECT content_hash FROM articles WHERE doc_id = ?");
  if (!s) return std::unexpected(impl_->error(sqlite3_errcode(impl_->db), "cannot read the articles"));
  s->bind(1, doc.id);
  int rc = s->step();
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return std::unexpected(impl_->error(rc, "cannot read the articles"));
  const bool same = s->text(0) == content_hash(doc);
  s->reset();  // end the read transaction: an open one would hold back WAL checkpoints
  return same;
}

Result<Counts> Store::counts() {
  Counts c;
  auto one = [&](const char* q, int64_t& out) -> Result<void> {
    auto* s = impl_->stmt(q);
    if (!s) return std::unexpected(impl_->error(sqlite3_errcode(impl_->db), "cannot count"));
    if (int rc = s->step(); rc != SQLITE_ROW) return std::unexpected(impl_->error(rc, "cannot count"));
    out = s->i64(0);
    return {};
  };
  for (auto [q, out] : {std::pair<const char*, int64_t*>{"SELECT count(*) FROM articles", &c.articles},
                        {"SELECT count(*) FROM mentions", &c.mentions},
                        {"SELECT count(*) FROM events", &c.events},
                        {"SELECT count(*) FROM links", &c.links}})
    if (auto r = one(q, *out); !r) return std::unexpected(r.error());
  impl_->reset_all();
  return c;
}

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace dyad::store
