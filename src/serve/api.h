// serve/api.h — the JSON API of `dyad serve`, without HTTP: a request (method, path, query
// parameters) in, a response (status, JSON body) out. server.cpp wires it to cpp-httplib;
// tests call Api::handle directly. The endpoints are documented in README.md ("HTTP API and
// dashboard") and docs/SERVE.md.
//
//   serve::ApiOptions o; o.db = "news.db";
//   auto api = serve::Api::open(o);                 // opens the store read-only once to check it
//   if (!api) { report(api.error()); return; }
//   serve::Response r = (*api)->handle({"GET", "/api/events", {{"country", "VEN"}}});
//
// Safety: every filter value is validated, then bound as an SQL parameter (never spliced into
// SQL text); the store is opened read-only (SQLITE_OPEN_READONLY); each query runs under a
// deadline enforced by sqlite3_progress_handler (status 503, error "query_timeout").
// Thread safety: handle() may be called from any number of threads; each call borrows one
// read-only connection from a pool.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dyad/status.h"

namespace dyad::serve {

struct ApiOptions {
  std::string db = "dyad.db";
  std::string data_dir;          // dyad's data/ folder, for CAMEO names ("" = no names)
  int query_timeout_ms = 3000;   // a query running longer is stopped (503 query_timeout)
  int progress_ops = 1000;       // SQLite VM steps between two deadline checks
  int max_page_size = 1000;      // per_page / limit above this: 400
  int64_t max_offset = 100000;   // (page - 1) * per_page above this: 400
};

struct Request {
  std::string method = "GET";
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters, in order
};

struct Response {
  int status = 200;
  std::string body;  // JSON
};

// {"error": {"status": 400, "code": "bad_parameter", "message": "...", "parameter": "..."}}
Response error_response(int status, std::string_view code, std::string_view message, std::string_view parameter = {});

// Appends s as a JSON string; invalid UTF-8 becomes U+FFFD, controls and <>& are \u-escaped.
void json_string(std::string& out, std::string_view s);

class Api {
 public:
  static Result<std::unique_ptr<Api>> open(const ApiOptions& opt);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  Response handle(const Request& req);
  const ApiOptions& options() const;

  struct Impl;

 private:
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::serve
