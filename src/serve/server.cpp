// `dyad serve` over cpp-httplib (Debian's libcpp-httplib-dev). Every request goes through one
// pre-routing handler: size limits first (413/414), then /api/* to the Api, then the static
// files loaded at start, else a JSON 404.
#include "serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

namespace dyad::serve {

namespace fs = std::filesystem;

namespace {

std::string mime_of(const fs::path& p) {
  const std::string e = p.extension().string();
  if (e == ".html") return "text/html; charset=utf-8";
  if (e == ".js" || e == ".mjs") return "text/javascript; charset=utf-8";
  if (e == ".css") return "text/css; charset=utf-8";
  if (e == ".json") return "application/json";
  if (e == ".svg") return "image/svg+xml";
  if (e == ".png") return "image/png";
  if (e == ".ico") return "image/x-icon";
  if (e == ".map") return "application/json";
  if (e == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// No request leaves the machine: the browser is told to load and fetch from this server only.
constexpr const char* kCsp =
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void send(httplib::Response& res, int status, std::string body, const char* type) {
  res.status = status;
  res.set_content(std::move(body), type);
}

void send_api(httplib::Response& res, const Response& r) {
  res.set_header("Cache-Control", "no-store");
  send(res, r.status, r.body, "application/json; charset=utf-8");
}

}  // namespace

Result<std::map<std::string, StaticFile>> load_static(const std::string& dir) {
  std::map<std::string, StaticFile> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return fail("io_error", fmt::format("{} is not a folder", dir));
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    out["/" + rel] = StaticFile{ss.str(), mime_of(it->path())};
  }
  if (ec) return fail("io_error", fmt::format("cannot read {}: {}", dir, ec.message()));
  if (auto i = out.find("/index.html"); i != out.end()) out["/"] = i->second;
  return out;
}

std::string default_web_dir() {
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) return {};
  if (fs::exists(exe.parent_path() / "web" / "index.html", ec)) return (exe.parent_path() / "web").string();
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
    if (fs::exists(p / "web" / "dist" / "index.html", ec)) return (p / "web" / "dist").string();
  return {};
}

Result<void> run(const ServerOptions& opt, const std::function<void(const std::string& url)>& on_listening) {
  auto api = Api::open(opt.api);
  if (!api) return std::unexpected(api.error());
  std::map<std::string, StaticFile> files;
  if (!opt.web_dir.empty()) {
    auto f = load_static(opt.web_dir);
    if (!f) return std::unexpected(f.error());
    files = std::move(*f);
  }

  // SIGINT/SIGTERM are blocked in every thread (httplib's workers inherit the mask) and
  // taken by one thread with sigwait, which stops the server: a clean Ctrl-C.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  sigset_t old;
  pthread_sigmask(SIG_BLOCK, &sigs, &old);

  httplib::Server svr;
  const int threads = std::max(1, opt.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which lets a second server bind a
  // port already in use instead of failing.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  svr.set_payload_max_length(opt.max_body_bytes);
  // A worker serves one connection at a time: after this many requests a kept-alive
  // connection goes back to the queue, so that many clients share few workers fairly.
  svr.set_keep_alive_max_count(opt.keep_alive_requests);
  svr.set_tcp_nodelay(true);  // else Nagle + delayed ACK add 40 ms to responses sent in two writes
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});

  Api& a = **api;
  const size_t max_body = opt.max_body_bytes, max_target = opt.max_target_bytes;
  svr.set_pre_routing_handler([&a, &files, max_body, max_target](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Content-Length")) {
      const std::string cl = req.get_header_value("Content-Length");
      if (cl.size() > 18 || std::strtoull(cl.c_str(), nullptr, 10) > max_body) {
        send_api(res, error_response(413, "request_too_large", fmt::format("request bodies are limited to {} bytes", max_body)));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.target.size() > max_target) {
      send_api(res, error_response(414, "uri_too_long", fmt::format("request targets are limited to {} bytes", max_target)));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path.starts_with("/api/") || req.path == "/api") {
      Request r;
      r.method = req.method;
      r.path = req.path;
      for (const auto& [k, v] : req.params) r.params.emplace_back(k, v);
      send_api(res, a.handle(r));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      send_api(res, error_response(405, "method_not_allowed", "only GET is served"));
      return httplib::Server::HandlerResponse::Handled;
    }
    auto it = files.find(req.path);
    if (it == files.end()) {
      send_api(res, error_response(404, "not_found", files.empty() ? "this server has no dashboard (API only: /api/health)"
                                                                    : "no such file"));
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("Cache-Control", "no-cache");
    send(res, 200, it->second.body, it->second.mime.c_str());
    return httplib::Server::HandlerResponse::Handled;
  });
  // Errors httplib produces itself (a malformed request line, headers too long, ...): JSON too.
  svr.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const int st = res.status;
    const char* code = st == 413 ? "request_too_large" : st == 414 ? "uri_too_long" : "bad_request";
    const char* msg = st == 413 ? "the request is too large"
                      : st == 414 ? "the request target is too long"
                      : st == 404 ? "not found"
                                  : "the request is malformed";
    send_api(res, error_response(st, code, msg));
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_api(res, error_response(500, "internal_error", "the request failed"));
  });

  int port = opt.port;
  if (port == 0) {
    port = svr.bind_to_any_port(opt.host);
    if (port <= 0) {
      pthread_sigmask(SIG_SETMASK, &old, nullptr);
      return fail("bind_failed", fmt::format("cannot listen on {}", opt.host));
    }
  } else if (!svr.bind_to_port(opt.host, port)) {
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return fail("bind_failed", fmt::format("cannot listen on {} port {} (in use, or not an address of this machine)",
                                           opt.host, port));
  }

  std::atomic<bool> signalled{false};
  std::thread stopper([&svr, &signalled, sigs] {
    int sig = 0;
    sigwait(&sigs, &sig);
    signalled = true;
    svr.stop();
  });
  const bool v6 = opt.host.find(':') != std::string::npos;
  on_listening(fmt::format("http://{}:{}/", v6 ? "[" + opt.host + "]" : opt.host, port));
  svr.listen_after_bind();
  if (svr.is_running()) svr.stop();
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // listen ended by itself: wake the stopper
  stopper.join();
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return {};
}

}  // namespace dyad::serve
