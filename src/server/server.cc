// plantar serve on libmicrohttpd: event loops (epoll), one a core, so a slow
// or idle client holds a socket, not a thread. The loops only compute (the
// knowledge answers, the app's files); an answer that may wait on a disk, a
// database or a child process is handed to a worker thread, its connection
// suspended meanwhile, so it never stalls the loop's other connections. Every limit is
// checked before any work: header count and size (431), Content-Encoding
// (415), the decoded body size counted as it arrives (413), UTF-8 (400), the
// Host (local mode), the session cookie and the CSRF token. Then one
// dispatcher answers from the API or the embedded web app. The only file
// that includes microhttpd.h.
#include "plantar/server.h"

#include <microhttpd.h>

#include <netdb.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "api.h"
#include "assets.h"
#include "audio_warmup.h"
#include "hosted_mode.h"
#include "http_rules.h"
#include "pairing.h"
#include "plantar/errors.h"
#include "reply_cache.h"
#include "worker_pool.h"

namespace plantar::server {
namespace {

constexpr const char* csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; manifest-src 'self'; worker-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
constexpr const char* session_cookie = "plantar_session";
constexpr std::size_t max_headers = 64;               // more: 431
constexpr std::size_t max_header_bytes = 16 * 1024;   // all names and values together: 431
constexpr std::size_t connection_memory = 32 * 1024;  // MHD's pool per connection (headers, buffers)
constexpr std::size_t drain_limit = 1024 * 1024;      // past this, a too-large body closes the connection
constexpr auto max_request_time = std::chrono::seconds(30);  // a body that dribbles in longer is cut

using Headers = std::vector<std::pair<std::string, std::string>>;

const Headers& security_headers() {
  static const Headers headers = {
      {"Content-Security-Policy", csp},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(self), payment=(), usb=()"}};
  return headers;
}

// One request as the dispatcher sees it: no library types.
struct HttpRequest {
  std::string method;
  std::string path;  // decoded
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string client;  // the peer's address (hosted mode only)

  std::string header(const std::string& lower_name) const {
    auto found = headers.find(lower_name);
    return found == headers.end() ? "" : found->second;
  }
};

// One answer: a status, headers and a body that is either owned, one of the
// embedded files or a part of a shared reply (both sent without a copy).
struct HttpAnswer {
  int status = 200;
  Headers headers;
  std::string body;
  std::string_view fixed;  // when uses_fixed, sent instead of body
  bool uses_fixed = false;
  std::shared_ptr<const Reply> shared;  // what `fixed` points into, when not an embedded file
};

Headers reply_headers(const Reply& reply) {
  Headers headers{{"Cache-Control", reply.cache_control}, {"Content-Type", reply.type}};
  if (!reply.download.empty())
    headers.emplace_back("Content-Disposition", "attachment; filename=\"" + reply.download + "\"");
  if (!reply.set_cookie.empty()) headers.emplace_back("Set-Cookie", reply.set_cookie);
  return headers;
}

// Takes the reply's body over (an /api/plan answer is up to 20 KB: no copy).
HttpAnswer from_reply(Reply reply) {
  Headers headers = reply_headers(reply);
  return {reply.status, std::move(headers), std::move(reply.body), {}, false, nullptr};
}

// A reply the cache keeps too: sent from the cache's copy.
HttpAnswer from_shared(std::shared_ptr<const Reply> reply) {
  return {reply->status, reply_headers(*reply), {}, reply->body, true, reply};
}

HttpAnswer error_answer(int status, const std::string& message, const std::string& field = "") {
  return from_reply(error_reply(status, message, field));
}

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// A Range request on a 200 answer: the one part asked for (206) or 416.
void apply_range(const HttpRequest& req, HttpAnswer& answer) {
  std::string range = req.header("range");
  if (answer.status != 200 || (req.method != "GET" && req.method != "HEAD")) return;
  answer.headers.emplace_back("Accept-Ranges", "bytes");
  if (range.empty()) return;
  std::string_view body = answer.uses_fixed ? answer.fixed : std::string_view(answer.body);
  RangeAnswer asked = parse_range(range, body.size());
  if (asked.kind == RangeAnswer::whole) return;
  if (asked.kind == RangeAnswer::refused) {
    answer = error_answer(416, "ask for one range of bytes within the file", "Range");
    answer.headers.emplace_back("Content-Range", "bytes */" + std::to_string(body.size()));
    return;
  }
  answer.status = 206;
  answer.headers.emplace_back("Content-Range", "bytes " + std::to_string(asked.first) + "-" +
                                                   std::to_string(asked.last) + "/" +
                                                   std::to_string(body.size()));
  std::string_view part = body.substr(asked.first, asked.last - asked.first + 1);
  if (answer.uses_fixed)
    answer.fixed = part;
  else
    answer.body = std::string(part);
}

HttpAnswer send_asset(const HttpRequest& req) {
  if (req.method != "GET" && req.method != "HEAD") return error_answer(405, "use GET");
  const Asset* asset = find_asset(req.path);
  if (asset == nullptr) return error_answer(404, "not found: " + req.path);
  HttpAnswer answer;
  answer.headers = {{"ETag", std::string(asset->etag)},
                    {"Cache-Control", asset->immutable ? "public, max-age=31536000, immutable" : "no-cache"},
                    {"Vary", "Accept-Encoding"}};
  if (req.header("if-none-match") == asset->etag) {
    answer.status = 304;
    return answer;
  }
  answer.headers.emplace_back("Content-Type", std::string(asset->type));
  answer.uses_fixed = true;
  // A part of the file is a part of its plain bytes, never of the gzip form.
  if (req.header("accept-encoding").find("gzip") != std::string::npos && req.header("range").empty()) {
    answer.headers.emplace_back("Content-Encoding", "gzip");
    answer.fixed = asset->gzip;
  } else {
    answer.fixed = asset->body;
  }
  return answer;
}

// One event loop a core this process may run on (taskset counts), unless
// told: more loops than cores only take turns, and add to the slowest answer.
int event_loops(const Options& options) {
  if (options.threads > 0) return options.threads;
  cpu_set_t cores;
  if (sched_getaffinity(0, sizeof cores, &cores) != 0) return 2;
  return std::clamp(CPU_COUNT(&cores), 1, 16);
}

}  // namespace

struct Server::Impl {
  Options options;
  Api sources;                          // what the API answers from, made once
  std::unique_ptr<AudioWarmup> warmup;  // after sources, so it stops before they go
  std::unique_ptr<HostedMode> hosted;   // --store: accounts in PostgreSQL instead of the secret or pairing
  Pairing pairing;
  ReplyCache replies;
  WorkerPool workers{std::max(1, options.workers)};
  // Requests handed to the workers and not yet completed (answer sent or
  // connection gone): the daemon stops only when none is left.
  std::mutex handed_mutex;
  std::condition_variable handed_signal;
  int handed_over = 0;
  std::string csrf = random_hex(16);
  std::string secret = random_hex(24);  // local mode: printed at launch, traded for a cookie
  int port = 0;
  MHD_Daemon* daemon = nullptr;
  // The app's files as answers made once, with every header: sent without
  // building anything per request (plain and gzip forms, by path).
  std::map<std::string, std::pair<MHD_Response*, MHD_Response*>, std::less<>> prebuilt;
  std::mutex mutex;
  std::condition_variable stopped_signal;
  bool stopped = false;

  Impl(const kb::KnowledgeBase& base, Options opts)
      : options(std::move(opts)),
        sources{base, options.journal, options.places, options.program, options.data} {
    if (options.warm_audio) warmup = std::make_unique<AudioWarmup>(sources);
    if (!options.store.empty()) {
      hosted = open_hosted(options.store, options.https_proxy);
      csrf = hosted->csrf_token();  // the same on every server of the store
    }
  }

  bool needs_session() const { return !hosted && (options.lan || options.auth); }

  // Local mode answers only to its own names (no DNS rebinding).
  bool host_allowed(const HttpRequest& req) const {
    if (options.lan || hosted) return true;
    std::string host = req.header("host");
    std::string suffix = ":" + std::to_string(port);
    if (host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
      host.resize(host.size() - suffix.size());
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == options.host;
  }

  HttpAnswer set_session(const std::string& session, const std::string& to) {
    HttpAnswer answer{303, {{"Location", to}, {"Cache-Control", "no-store"}}, "", {}, false, nullptr};
    answer.headers.emplace_back("Set-Cookie", std::string(session_cookie) + "=" + session +
                                                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000");
    return answer;
  }

  HttpAnswer pair(const HttpRequest& req) {
    if (!options.lan)
      return {303, {{"Location", "/"}, {"Cache-Control", "no-store"}}, "", {}, false, nullptr};
    auto code = req.query.find("code");
    std::string session = pairing.pair(code == req.query.end() ? "" : code->second);
    if (session.empty())
      return error_answer(
          401, "this pairing code is wrong or was used already: use the new code shown in the terminal",
          "code");
    if (options.on_paired) options.on_paired(pairing.code());
    return set_session(session, "/");
  }

  // Local mode: the secret printed at launch, given once as ?token=, becomes
  // a cookie, and the browser goes on to the same page without it.
  std::optional<HttpAnswer> sign_in(const HttpRequest& req) {
    auto token = req.query.find("token");
    if (options.lan || !options.auth || token == req.query.end()) return std::nullopt;
    if (!same_secret(token->second, secret))
      return error_answer(401, "this address is out of date: open the one shown in the terminal", "token");
    return set_session(pairing.open_session(), req.path);
  }

  HttpAnswer api(const HttpRequest& req) {
    if (req.path == "/api/session") {
      if (req.method != "GET" && req.method != "HEAD") return error_answer(405, "use GET");
      return from_reply({200, "{\"token\": \"" + csrf + "\", \"lan\": " + (options.lan ? "true" : "false") +
                                  (hosted ? ", \"hosted\": true" : "") + "}\n"});
    }
    if (req.method != "GET" && req.method != "HEAD") {
      if (!same_secret(req.header("x-plantar-token"), csrf))
        return error_answer(403, "missing or wrong token: send the token of GET /api/session",
                            "X-Plantar-Token");
      if (req.header("content-type").rfind("application/json", 0) != 0)
        return error_answer(415, "send the body as application/json", "Content-Type");
    }
    if (hosted) {
      std::string client =
          options.https_proxy && !req.header("x-real-ip").empty() ? req.header("x-real-ip") : req.client;
      return from_reply(
          hosted->answer(sources, {req.method, req.path, req.body, req.query, req.header("cookie"), client,
                                   req.header("idempotency-key")}));
    }
    if (!is_pure(req.path)) return from_reply(answer(sources, req.method, req.path, req.body, req.query));
    std::string key = req.method + " " + req.path + "\n" + req.body;
    for (const auto& [name, value] : req.query) key += "\n" + name + "=" + value;  // a picture's ?v=
    if (auto cached = replies.find(key)) return from_shared(std::move(cached));
    auto reply = std::make_shared<const Reply>(answer(sources, req.method, req.path, req.body, req.query));
    replies.store(key, reply);
    return from_shared(std::move(reply));
  }

  bool known(const HttpRequest& req) const {
    return !needs_session() || pairing.paired(cookie_value(req.header("cookie"), session_cookie));
  }

  // True when the request may send a body that is worth reading: an API
  // call that passed the Host, session, token and type checks. Anything
  // else is answered from its headers alone, before any body is read.
  bool wants_body(const HttpRequest& req) const {
    if (req.method == "GET" || req.method == "HEAD" || !is_api_path(req.path) || req.path == "/api/session")
      return false;
    return host_allowed(req) && known(req) && same_secret(req.header("x-plantar-token"), csrf) &&
           req.header("content-type").rfind("application/json", 0) == 0;
  }

  HttpAnswer route(const HttpRequest& req) {
    if (!host_allowed(req)) return error_answer(403, "unexpected Host header", "Host");
    if (req.path == "/pair") return pair(req);
    if (auto signed_in = sign_in(req)) return *signed_in;
    bool known = this->known(req);
    if (!known && options.lan)
      return error_answer(401, "not paired: open the address shown in the terminal (or scan its QR code)");
    if (is_api_path(req.path)) {
      if (!known)
        return error_answer(401, "not signed in: open the address shown in the terminal, with its token");
      return api(req);
    }
    return send_asset(req);  // the app's files hold no one's data
  }

  // The whole answer to one request, the limits first.
  HttpAnswer dispatch(const HttpRequest& req) {
    if (!valid_utf8(req.path)) return error_answer(400, "the address is not valid UTF-8", "path");
    for (const auto& [name, value] : req.query)
      if (!valid_utf8(name) || !valid_utf8(value))
        return error_answer(400, "a query parameter is not valid UTF-8", valid_utf8(name) ? name : "query");
    if (!valid_utf8(req.body)) return error_answer(400, "the request body is not valid UTF-8", "body");
    HttpAnswer answer = route(req);
    apply_range(req, answer);
    return answer;  // queue() adds the security headers
  }

  // --- libmicrohttpd glue -------------------------------------------------

  static MHD_Response* asset_response(const Asset& asset, bool gzip) {
    std::string_view bytes = gzip ? asset.gzip : asset.body;
    MHD_Response* response = MHD_create_response_from_buffer(bytes.size(), const_cast<char*>(bytes.data()),
                                                             MHD_RESPMEM_PERSISTENT);
    if (response == nullptr) throw Failure("out of memory");
    Headers headers = {
        {"ETag", std::string(asset.etag)},
        {"Cache-Control", asset.immutable ? "public, max-age=31536000, immutable" : "no-cache"},
        {"Vary", "Accept-Encoding"},
        {"Content-Type", std::string(asset.type)},
        {"Accept-Ranges", "bytes"}};
    if (gzip) headers.emplace_back("Content-Encoding", "gzip");
    for (const auto& header : security_headers()) headers.push_back(header);
    for (const auto& [name, value] : headers) MHD_add_response_header(response, name.c_str(), value.c_str());
    return response;
  }

  void prebuild_assets() {
    for (const Asset& asset : embedded_assets()) {
      auto forms = std::make_pair(asset_response(asset, false), asset_response(asset, true));
      prebuilt.emplace(std::string(asset.path), forms);
      if (asset.path == "/index.html") prebuilt.emplace("/", forms);
    }
  }

  // A plain GET of an app file, answered with its prebuilt form; nullptr
  // when the request needs the dispatcher (a query, a Range, a cached copy,
  // a foreign Host, an unpaired LAN client).
  MHD_Response* prebuilt_answer(const HttpRequest& req) const {
    if ((req.method != "GET" && req.method != "HEAD") || !req.query.empty()) return nullptr;
    auto found = prebuilt.find(req.path);
    if (found == prebuilt.end() || req.headers.count("range") || req.headers.count("if-none-match"))
      return nullptr;
    if (!host_allowed(req) || (options.lan && !known(req))) return nullptr;
    return req.header("accept-encoding").find("gzip") != std::string::npos ? found->second.second
                                                                           : found->second.first;
  }

  // The state of one request between the handler's calls.
  struct Exchange {
    HttpRequest request;
    std::size_t received = 0;         // decoded body bytes, counted even past the limit
    bool answered = false;            // answered from the headers: any body is dropped
    std::optional<HttpAnswer> ready;  // made by a worker while the connection was suspended
    bool with_worker = false;         // counted in Impl::handed_over until completed
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  };

  static void free_body(void* body) { delete static_cast<std::string*>(body); }

  // The body goes to libmicrohttpd without a copy: it owns the string until
  // the answer is sent (free_body).
  static MHD_Response* body_response(std::string&& body) {
    auto owned = std::make_unique<std::string>(std::move(body));
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        owned->size(), owned->data(), &Impl::free_body, owned.get());
    if (response != nullptr) owned.release();
    return response;
  }

  static void release_shared(void* reply) { delete static_cast<std::shared_ptr<const Reply>*>(reply); }

  // A part of a shared reply: libmicrohttpd holds a reference until it is sent.
  static MHD_Response* shared_response(std::string_view part, const std::shared_ptr<const Reply>& reply) {
    auto held = std::make_unique<std::shared_ptr<const Reply>>(reply);
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        part.size(), const_cast<char*>(part.data()), &Impl::release_shared, held.get());
    if (response != nullptr) held.release();
    return response;
  }

  // Takes the answer's own body over, if it has one.
  static MHD_Response* response_of(HttpAnswer& answer) {
    if (!answer.uses_fixed) return body_response(std::move(answer.body));
    if (answer.shared) return shared_response(answer.fixed, answer.shared);
    return MHD_create_response_from_buffer(answer.fixed.size(), const_cast<char*>(answer.fixed.data()),
                                           MHD_RESPMEM_PERSISTENT);
  }

  static MHD_Result queue(MHD_Connection* connection, HttpAnswer&& answer) {
    MHD_Response* response = response_of(answer);
    if (response == nullptr) return MHD_NO;
    for (const auto& [name, value] : answer.headers)
      MHD_add_response_header(response, name.c_str(), value.c_str());
    // Every answer, from the static list (not copied per request).
    for (const auto& [name, value] : security_headers())
      MHD_add_response_header(response, name.c_str(), value.c_str());
    MHD_Result result = MHD_queue_response(connection, static_cast<unsigned>(answer.status), response);
    MHD_destroy_response(response);
    return result;
  }

  // Answers at once, skipping the dispatcher (a request refused before its
  // body is read); queue() adds the security headers.
  static MHD_Result refuse(MHD_Connection* connection, int status, const std::string& message,
                           const std::string& field) {
    HttpAnswer answer = error_answer(status, message, field);
    answer.headers.emplace_back("Connection", "close");
    return queue(connection, std::move(answer));
  }

  static MHD_Result collect(void* target, MHD_ValueKind, const char* key, const char* value) {
    auto& map = *static_cast<std::map<std::string, std::string>*>(target);
    map.emplace(key == nullptr ? "" : key, value == nullptr ? "" : value);
    return MHD_YES;
  }

  static MHD_Result collect_header(void* target, MHD_ValueKind, const char* key, const char* value) {
    auto& map = *static_cast<std::map<std::string, std::string>*>(target);
    std::string name = lower(key == nullptr ? "" : key);
    auto [at, added] = map.emplace(name, value == nullptr ? "" : value);
    if (!added) at->second += std::string(name == "cookie" ? "; " : ", ") + (value == nullptr ? "" : value);
    return MHD_YES;
  }

  static std::string peer_address(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char host[NI_MAXHOST] = {};
    if (info == nullptr || info->client_addr == nullptr) return "";
    socklen_t size = info->client_addr->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
    if (getnameinfo(info->client_addr, size, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) return "";
    return host;
  }

  // The first call for a request: the headers are in, the body is not.
  static MHD_Result begin(Impl& impl, MHD_Connection* connection, const char* url, const char* method,
                          void** state) {
    auto exchange = std::make_unique<Exchange>();
    HttpRequest& req = exchange->request;
    req.method = method;
    req.path = url;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, collect_header, &req.headers);
    std::size_t count =
        static_cast<std::size_t>(MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr));
    std::size_t bytes = 0;
    for (const auto& [name, value] : req.headers) bytes += name.size() + value.size();
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect, &req.query);
    if (impl.hosted) req.client = peer_address(connection);  // for its rate limits; a lookup saved elsewhere
    Exchange& ex = *exchange;
    *state = exchange.release();
    ex.answered = true;
    if (count > max_headers || bytes > max_header_bytes)
      return refuse(connection, 431, "too many or too large request headers", "headers");
    if (req.headers.count("content-encoding"))
      return refuse(connection, 415, "send the body without Content-Encoding", "Content-Encoding");
    const char* length =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length != nullptr &&
        (std::strlen(length) > 12 || std::strtoull(length, nullptr, 10) > impl.options.max_body))
      return refuse(connection, 413, "the request body is too large", "body");
    // A request refused with a body on its way is answered now, and its
    // body is never read (MHD then closes the connection). Without a body,
    // the answer waits for the next call, which keeps the connection alive.
    bool has_body =
        (length != nullptr && std::strcmp(length, "0") != 0) || req.headers.count("transfer-encoding");
    if (has_body && !impl.wants_body(req)) return queue(connection, impl.dispatch(req));
    ex.answered = false;
    return MHD_YES;
  }

  // libmicrohttpd's access handler: no exception may cross back into C (a
  // failed allocation closes the connection instead).
  static MHD_Result on_request(void* self, MHD_Connection* connection, const char* url, const char* method,
                               const char*, const char* upload, std::size_t* upload_size, void** state) {
    try {
      return handle(*static_cast<Impl*>(self), connection, url, method, upload, upload_size, state);
    } catch (const std::exception&) {
      return MHD_NO;
    }
  }

  static MHD_Result handle(Impl& impl, MHD_Connection* connection, const char* url, const char* method,
                           const char* upload, std::size_t* upload_size, void** state) {
    if (*state == nullptr) return begin(impl, connection, url, method, state);
    auto& exchange = *static_cast<Exchange*>(*state);
    if (exchange.answered) {  // answered in begin(): drop what comes, up to a point
      exchange.received += *upload_size;
      *upload_size = 0;
      return exchange.received > drain_limit ? MHD_NO : MHD_YES;
    }
    if (*upload_size > 0) {
      exchange.received += *upload_size;
      if (exchange.received <= impl.options.max_body)
        exchange.request.body.append(upload, *upload_size);
      else
        std::string().swap(exchange.request.body);  // keep nothing; answer 413 at the end
      *upload_size = 0;
      bool too_slow = std::chrono::steady_clock::now() - exchange.started > max_request_time;
      return exchange.received > drain_limit || too_slow ? MHD_NO : MHD_YES;
    }
    if (exchange.ready) return queue(connection, std::move(*exchange.ready));  // back from a worker
    if (exchange.received > impl.options.max_body)
      return refuse(connection, 413, "the request body is too large", "body");
    if (MHD_Response* file = impl.prebuilt_answer(exchange.request))
      return MHD_queue_response(connection, 200, file);
    if (may_wait(exchange.request)) return hand_over(impl, connection, exchange);
    return queue(connection, impl.dispatch(exchange.request));
  }

  // True for the answers that may wait on a disk, a database or a child
  // process: everything but the knowledge API (pure computation, and
  // cached), the session token and the app's files.
  static bool may_wait(const HttpRequest& req) {
    return is_api_path(req.path) && req.path != "/api/session" && !is_pure(req.path);
  }

  // Suspends the connection and lets a worker make the answer; the worker
  // resumes it, and libmicrohttpd calls handle() again, which sends it.
  static MHD_Result hand_over(Impl& impl, MHD_Connection* connection, Exchange& exchange) {
    {
      std::lock_guard lock(impl.handed_mutex);
      ++impl.handed_over;
      exchange.with_worker = true;
    }
    MHD_suspend_connection(connection);
    bool taken = impl.workers.post([&impl, connection, &exchange] {
      try {
        exchange.ready = impl.dispatch(exchange.request);
      } catch (const std::exception&) {
        exchange.ready = error_answer(500, "the server could not answer this request");
      }
      MHD_resume_connection(connection);
    });
    if (!taken) {  // the server is stopping
      exchange.ready = error_answer(503, "the server is stopping: try again in a moment");
      MHD_resume_connection(connection);
    }
    return MHD_YES;
  }

  static void on_completed(void* self, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    std::unique_ptr<Exchange> exchange(static_cast<Exchange*>(*state));
    *state = nullptr;
    if (!exchange || !exchange->with_worker) return;
    auto& impl = *static_cast<Impl*>(self);
    std::lock_guard lock(impl.handed_mutex);
    if (--impl.handed_over == 0) impl.handed_signal.notify_all();
  }

  // Before the daemon stops: the workers finish what they were given, and
  // those answers are sent (libmicrohttpd must not stop with a connection
  // suspended). A client that never reads its answer is not waited for long.
  void drain() {
    workers.finish();
    std::unique_lock lock(handed_mutex);
    handed_signal.wait_for(lock, std::chrono::seconds(5), [this] { return handed_over == 0; });
  }

  void start() {
    prebuild_assets();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
    addrinfo* found = nullptr;
    std::string service = std::to_string(options.port);
    if (getaddrinfo(options.host.c_str(), service.c_str(), &hints, &found) != 0 || found == nullptr)
      throw Failure("cannot listen on " + options.host + ": unknown address");
    sockaddr_storage address{};
    std::memcpy(&address, found->ai_addr, found->ai_addrlen);
    bool v6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME;
    if (v6) flags |= MHD_USE_IPv6;
    daemon =
        MHD_start_daemon(flags, static_cast<std::uint16_t>(options.port), nullptr, nullptr, &Impl::on_request,
                         this, MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),  //
                         MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(event_loops(options)),
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory,  //
                         MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options.idle_seconds),
                         MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(options.per_client),
                         MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(options.max_connections),
                         MHD_OPTION_LISTEN_BACKLOG_SIZE, static_cast<unsigned>(SOMAXCONN),  //
                         MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, this,            //
                         MHD_OPTION_END);
    if (daemon == nullptr) {
      if (options.port == 0) throw Failure("cannot listen on " + options.host + " (any port)");
      throw Failure("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                    " (in use? try --port with another number)");
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    port = info != nullptr ? info->port : options.port;
  }
};

Server::Server(const kb::KnowledgeBase& kb, Options options)
    : impl_(std::make_unique<Impl>(kb, std::move(options))) {}

Server::~Server() {
  stop();
  impl_->drain();
  if (impl_->daemon != nullptr) MHD_stop_daemon(impl_->daemon);
  for (auto& [path, forms] : impl_->prebuilt) {
    if (path == "/") continue;  // the same answers as /index.html
    MHD_destroy_response(forms.first);
    MHD_destroy_response(forms.second);
  }
}

int Server::bind() {
  if (impl_->daemon == nullptr) impl_->start();
  return impl_->port;
}

bool Server::run() {
  if (impl_->daemon == nullptr) return false;
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_signal.wait(lock, [this] { return impl_->stopped; });
  impl_->drain();                  // every suspended connection is resumed and answered
  MHD_stop_daemon(impl_->daemon);  // closes the connections still open
  impl_->daemon = nullptr;
  return true;
}

void Server::stop() {
  if (!impl_) return;
  std::lock_guard lock(impl_->mutex);
  impl_->stopped = true;
  impl_->stopped_signal.notify_all();
}

bool Server::running() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->daemon != nullptr && !impl_->stopped;
}

std::string Server::pairing_code() const { return impl_->options.lan ? impl_->pairing.code() : ""; }

std::string Server::sign_in_path() const {
  return impl_->options.lan || !impl_->options.auth ? "" : "/?token=" + impl_->secret;
}

const std::string& Server::csrf_token() const { return impl_->csrf; }

}  // namespace plantar::server
