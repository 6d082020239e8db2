// serve/server.h — `dyad serve`: the JSON API (api.h) and the dashboard's static files over
// HTTP (cpp-httplib), on loopback unless a host is given.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "dyad/status.h"
#include "serve/api.h"

namespace dyad::serve {

struct ServerOptions {
  ApiOptions api;
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (the URL printed names it)
  std::string web_dir;              // the built dashboard (index.html, app.js, ...); "" = API only
  int threads = 64;                 // worker threads, each with its own read-only connection
  int keep_alive_requests = 5;     // requests on one kept-alive connection before it is closed
  size_t max_body_bytes = 16384;    // larger request bodies: 413
  size_t max_target_bytes = 4096;   // longer request targets (path + query): 414
};

// The dashboard's files, read once at start: only these paths are ever served (no file
// system lookup per request, so no path traversal). Keys are URL paths ("/app.js").
struct StaticFile {
  std::string body, mime;
};
Result<std::map<std::string, StaticFile>> load_static(const std::string& dir);

// Where the built dashboard is when --web is not given: <exe dir>/web, else web/dist in a
// parent folder of the executable (the source tree), else "".
std::string default_web_dir();

// Serves until SIGINT or SIGTERM (then returns 0). `on_listening` gets the URL once bound.
// Errors (cannot bind, store cannot be opened) come back before anything is served.
Result<void> run(const ServerOptions& opt, const std::function<void(const std::string& url)>& on_listening);

}  // namespace dyad::serve
