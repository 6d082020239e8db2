// store/sqlite.h — a thin RAII layer over the SQLite C API, used by src/store and src/serve.
//
// Every statement is prepared once and bound with parameters: no value is ever
// pasted into SQL text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dyad/status.h"

namespace dyad::store::sql {

// SQLite result code -> dyad error kind ("store_full", "store_busy", ...).
const char* error_kind(int rc);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql);  // check ok() / rc() after construction
  ~Stmt();
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return st_ != nullptr; }
  int rc() const { return rc_; }

  // Parameters are 1-based, as in SQLite.
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind_null(int i);
  Stmt& bind(int i, std::optional<int64_t> v) { return v ? bind(i, *v) : bind_null(i); }

  // SQLITE_ROW, SQLITE_DONE or an error code. reset() clears the cursor, keeps bindings.
  int step();
  void reset();
  void clear();  // reset + clear bindings

  int64_t i64(int col) const;
  double f64(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  std::optional<int64_t> opt_i64(int col) const;
  std::optional<double> opt_f64(int col) const;
  int columns() const;
  std::string column_name(int col) const;

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
};

// A parameter value, and binding a list of them from position `first` on.
using Arg = std::variant<int64_t, std::string>;
void bind_all(Stmt& st, const std::vector<Arg>& args, int first = 1);

// The smallest string greater than every string starting with p (ASCII): `x >= p AND x <
// prefix_end(p)` is an index-friendly prefix match.
std::string prefix_end(std::string p);

}  // namespace dyad::store::sql
