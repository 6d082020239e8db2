// dyad serve: the HTTP API and dashboard over an event store (src/serve, README "HTTP API and
// dashboard").
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "serve/server.h"

namespace dyad::cli {

void add_serve(CLI::App& app, Common& c) {
  auto* sub = app.add_subcommand("serve", "serve a store's events as a JSON API and a web dashboard");
  struct Opts {
    std::string db = "dyad.db", host = "127.0.0.1", web;
    int port = 8080, threads = 64, timeout_ms = 3000, keep_alive = 5;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--db", o->db, "the store file (opened read-only)")->capture_default_str();
  sub->add_option("--port", o->port, "TCP port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  auto* host = sub->add_option("--host", o->host, "address to listen on; anything but loopback must be asked for")
                   ->capture_default_str();
  sub->add_option("--web", o->web, "the built dashboard folder (default: build/web or web/dist beside the binary)");
  sub->add_option("--threads", o->threads, "worker threads (each has its own read-only connection)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  sub->add_option("--keep-alive-requests", o->keep_alive,
                  "requests served on one kept-alive connection before it must reconnect")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  sub->add_option("--query-timeout", o->timeout_ms, "milliseconds a query may run before it is stopped")
      ->capture_default_str()
      ->check(CLI::Range(10, 600000));
  sub->callback([&c, o, host]() {
    serve::ServerOptions so;
    so.api.db = o->db;
    so.api.data_dir = c.data_dir;
    so.api.query_timeout_ms = o->timeout_ms;
    so.host = o->host;
    so.port = o->port;
    so.threads = o->threads;
    so.keep_alive_requests = o->keep_alive;
    so.web_dir = o->web.empty() ? serve::default_web_dir() : o->web;
    const bool loopback = so.host.starts_with("127.") || so.host == "::1" || so.host == "localhost";
    if (host->count() && !loopback)
      std::cerr << "dyad serve: listening on " << so.host << ": reachable from other machines\n";
    if (so.web_dir.empty())
      std::cerr << "dyad serve: no built dashboard found (run scripts/setup.sh, or give --web); serving the API only\n";
    auto r = serve::run(so, [&](const std::string& url) {
      std::cout << "dyad serve: " << url << " (" << o->db << ", read-only; Ctrl-C stops)" << std::endl;
    });
    if (!r) {
      std::cerr << "dyad serve: " << r.error().to_string() << "\n";
      throw CLI::RuntimeError(2);
    }
    std::cerr << "dyad serve: stopped\n";
  });
}

}  // namespace dyad::cli
