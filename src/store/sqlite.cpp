#include "store/sqlite.h"

namespace dyad::store::sql {

const char* error_kind(int rc) {
  switch (rc & 0xff) {
    case SQLITE_FULL: return "store_full";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "store_busy";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return "store_readonly";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "store_corrupt";
    case SQLITE_IOERR: return "store_io";
    default: return "store_error";
  }
}

Stmt::Stmt(sqlite3* db, std::string_view sql) {
  rc_ = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_, nullptr);
  if (rc_ != SQLITE_OK) {
    sqlite3_finalize(st_);
    st_ = nullptr;
  }
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt::Stmt(Stmt&& o) noexcept : st_(o.st_), rc_(o.rc_) { o.st_ = nullptr; }

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(st_);
    st_ = o.st_;
    rc_ = o.rc_;
    o.st_ = nullptr;
  }
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(st_, i, v);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}

int Stmt::step() { return rc_ = sqlite3_step(st_); }
void Stmt::reset() { sqlite3_reset(st_); }
void Stmt::clear() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

int64_t Stmt::i64(int col) const { return sqlite3_column_int64(st_, col); }
double Stmt::f64(int col) const { return sqlite3_column_double(st_, col); }
std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, col)));
}
bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
std::optional<int64_t> Stmt::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}
std::optional<double> Stmt::opt_f64(int col) const {
  if (is_null(col)) return std::nullopt;
  return f64(col);
}
int Stmt::columns() const { return sqlite3_column_count(st_); }
std::string Stmt::column_name(int col) const {
  const char* n = sqlite3_column_name(st_, col);
  return n ? n : "";
}

void bind_all(Stmt& st, const std::vector<Arg>& args, int first) {
  int i = first;
  for (const auto& a : args) {
    if (const auto* n = std::get_if<int64_t>(&a)) st.bind(i++, *n);
    else st.bind(i++, std::get<std::string>(a));
  }
}

std::string prefix_end(std::string p) {
  while (!p.empty() && static_cast<unsigned char>(p.back()) == 0x7f) p.pop_back();
  if (p.empty()) return "\x7f";
  p.back() = static_cast<char>(p.back() + 1);
  return p;
}

}  // namespace dyad::store::sql
