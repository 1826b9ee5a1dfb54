// plantar serve on cpp-httplib: one dispatcher for every request, which
// checks the Host (local mode) or the pairing cookie (LAN mode) and the CSRF
// token, then answers from the API or the embedded web app. The only file
// that includes httplib.
#include "plantar/server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <map>

#include "api.h"
#include "assets.h"
#include "pairing.h"
#include "plantar/errors.h"
#include "reply_cache.h"

namespace plantar::server {
namespace {

constexpr const char* csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; manifest-src 'self'; worker-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
constexpr const char* session_cookie = "plantar_session";

httplib::Headers security_headers() {
  return {{"Content-Security-Policy", csp},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"},
          {"Cross-Origin-Opener-Policy", "same-origin"},
          {"Cross-Origin-Resource-Policy", "same-origin"},
          {"Permissions-Policy", "camera=(), microphone=(), geolocation=(self), payment=(), usb=()"}};
}

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  if (!reply.download.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + reply.download + "\"");
  res.set_content(reply.body, reply.type.c_str());
}

std::string cookie(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string pair = header.substr(pos, end - pos);
    pair.erase(0, pair.find_first_not_of(' '));
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

bool accepts_gzip(const httplib::Request& req) {
  return req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
}

void send_asset(const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") return send(res, error_reply(405, "use GET"));
  const Asset* asset = find_asset(req.path);
  if (asset == nullptr) return send(res, error_reply(404, "not found: " + req.path));
  res.set_header("ETag", std::string(asset->etag));
  res.set_header("Cache-Control", asset->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_header("Vary", "Accept-Encoding");
  if (req.get_header_value("If-None-Match") == asset->etag) {
    res.status = 304;
    return;
  }
  std::string type(asset->type);
  if (accepts_gzip(req)) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(asset->gzip.data(), asset->gzip.size(), type.c_str());
  } else {
    res.set_content(asset->body.data(), asset->body.size(), type.c_str());
  }
}

}  // namespace

struct Server::Impl {
  Options options;
  Api sources;  // what the API answers from, made once
  httplib::Server http;
  Pairing pairing;
  ReplyCache replies;
  std::string csrf = random_hex(16);
  int port = 0;
  socket_t listening = INVALID_SOCKET;

  Impl(const kb::KnowledgeBase& base, Options opts)
      : options(std::move(opts)),
        sources{base, options.journal, options.places, options.program, options.data} {}

  // Local mode answers only to its own names (no DNS rebinding).
  bool host_allowed(const httplib::Request& req) const {
    if (options.lan) return true;
    std::string host = req.get_header_value("Host");
    std::string suffix = ":" + std::to_string(port);
    if (host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
      host.resize(host.size() - suffix.size());
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == options.host;
  }

  void pair(const httplib::Request& req, httplib::Response& res) {
    if (options.lan) {
      std::string session = pairing.pair(req.get_param_value("code"));
      if (session.empty())
        return send(res, error_reply(401,
                                     "this pairing code is wrong or was used already: "
                                     "use the new code shown in the terminal",
                                     "code"));
      res.set_header("Set-Cookie", std::string(session_cookie) + "=" + session +
                                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000");
      if (options.on_paired) options.on_paired(pairing.code());
    }
    res.status = 303;
    res.set_header("Location", "/");
    res.set_header("Cache-Control", "no-store");
  }

  void api(const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/api/session") {
      if (req.method != "GET" && req.method != "HEAD") return send(res, error_reply(405, "use GET"));
      return send(
          res, {200, "{\"token\": \"" + csrf + "\", \"lan\": " + (options.lan ? "true" : "false") + "}\n"});
    }
    if (req.method != "GET" && req.method != "HEAD") {
      if (req.get_header_value("X-Plantar-Token") != csrf)
        return send(res, error_reply(403, "missing or wrong token: send the token of GET /api/session",
                                     "X-Plantar-Token"));
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return send(res, error_reply(415, "send the body as application/json", "Content-Type"));
    }
    if (!is_pure(req.path)) {
      std::map<std::string, std::string> query(req.params.begin(), req.params.end());
      send(res, answer(sources, req.method, req.path, req.body, query));
      // httplib cuts the body to a Range request's part but keeps the status
      // given; the audio player needs 206 to know it can seek.
      if (res.status == 200 && !req.ranges.empty()) res.status = 206;
      return;
    }
    std::string key = req.method + " " + req.path + "\n" + req.body;
    if (auto cached = replies.find(key)) return send(res, *cached);
    Reply reply = answer(sources, req.method, req.path, req.body);
    replies.store(key, reply);
    send(res, reply);
  }

  void dispatch(const httplib::Request& req, httplib::Response& res) {
    if (!host_allowed(req)) return send(res, error_reply(403, "unexpected Host header", "Host"));
    if (req.path == "/pair") return pair(req, res);
    if (options.lan && !pairing.paired(cookie(req, session_cookie)))
      return send(
          res, error_reply(401, "not paired: open the address shown in the terminal (or scan its QR code)"));
    if (is_api_path(req.path)) return api(req, res);
    send_asset(req, res);
  }

  void configure() {
    http.set_default_headers(security_headers());
    http.set_payload_max_length(options.max_body);
    http.set_tcp_nodelay(true);
    http.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listening = sock;
    });  // no 40 ms wait for delayed ACKs on small answers
    http.set_keep_alive_max_count(1000);
    int threads = options.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Patch(".*", handler);
    http.Delete(".*", handler);
    http.Options(".*", handler);
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 413) return send(res, error_reply(413, "the request body is too large", "body"));
      send(res, error_reply(res.status, "request failed with status " + std::to_string(res.status)));
    });
  }
};

Server::Server(const kb::KnowledgeBase& kb, Options options)
    : impl_(std::make_unique<Impl>(kb, std::move(options))) {
  impl_->configure();
}

Server::~Server() { stop(); }

int Server::bind() {
  const Options& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port <= 0) throw Failure("cannot listen on " + o.host + " (any port)");
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port))
      throw Failure("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                    " (in use? try --port with another number)");
    impl_->port = o.port;
  }
  // httplib listens with a backlog of 5: 64 clients connecting at once
  // would wait for SYN retries (a second or more). Listening again on the
  // same socket raises the backlog.
  if (impl_->listening != INVALID_SOCKET) ::listen(impl_->listening, SOMAXCONN);
  return impl_->port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() {
  if (impl_) impl_->http.stop();
}

bool Server::running() const { return impl_->http.is_running(); }

std::string Server::pairing_code() const { return impl_->options.lan ? impl_->pairing.code() : ""; }

const std::string& Server::csrf_token() const { return impl_->csrf; }

}  // namespace plantar::server
