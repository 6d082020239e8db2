// store/impl.h — Store internals shared by the store's .cpp files. Not a public header.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"

namespace dyad::store {

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ClusterParams params;
  int version = 0;
  bool read_only = false;
  std::map<std::string, std::unique_ptr<sql::Stmt>, std::less<>> stmts;  // prepared once, by SQL text

  ~Impl();
  // A cached prepared statement, reset and with cleared bindings; nullptr on a prepare error
  // (then err() tells why).
  sql::Stmt* stmt(std::string_view text);
  // Resets every cached statement (ends any read transaction they hold).
  void reset_all();
  // "SQLite message (extended code)" for the last error on this connection.
  std::string errmsg() const;
  // An Error for SQLite result code rc, with the store's path as location.
  Error error(int rc, const std::string& what) const;
  // Runs SQL text without results (DDL, PRAGMA, BEGIN...); SQLITE_OK or the error code.
  int exec(std::string_view text);
};

// The schema, as migrations: kMigrations[i] takes user_version i to i + 1.
extern const char* const kMigrations[];
extern const int kMigrationCount;

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (created_at, ingested_at).
std::string now_utc();

}  // namespace dyad::store
