// Hosted-mode servers for the tests: real plantar servers on 127.0.0.1
// over one throwaway PostgreSQL database, and people who sign up, log in
// and call the API with their own cookie and the CSRF token.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "pg_test_support.h"
#include "plantar/kb.h"
#include "plantar/server.h"

/// Skips a test when no PostgreSQL was started for it (scripts/with-postgres).
#define NEED_PG(scratch) \
  if ((scratch).uri().empty()) GTEST_SKIP() << test::no_pg_reason

namespace plantar::test {

class HostedServer {
 public:
  explicit HostedServer(const std::string& store, bool https_proxy = false) {
    server::Options options;
    options.store = store;
    options.https_proxy = https_proxy;
    options.port = 0;
    options.threads = 4;
    options.program = PLANTAR_BINARY;
    server_ = std::make_unique<server::Server>(kb::embedded(), options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    while (!server_->running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~HostedServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  const std::string& token() const { return server_->csrf_token(); }

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

/// One person's browser: their cookie, sent to whichever server they call.
struct Person {
  explicit Person(std::string email, std::string cookie = "", std::string ip = "")
      : email(std::move(email)), cookie(std::move(cookie)), ip(std::move(ip)) {}
  std::string email;
  std::string cookie;  // "plantar_account=..." ("" before signing in)
  std::string ip;      // sent as X-Real-IP (counts only behind --https-proxy)

  httplib::Result call(const HostedServer& server, const std::string& method, const std::string& path,
                       const std::string& body = "", httplib::Headers extra = {}) const {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(60, 0);
    httplib::Headers headers = {{"X-Plantar-Token", server.token()}};
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    if (!ip.empty()) headers.emplace("X-Real-IP", ip);
    for (auto& header : extra) headers.insert(header);
    if (method == "GET") return client.Get(path.c_str(), headers);
    if (method == "DELETE") return client.Delete(path.c_str(), headers, body, "application/json");
    if (method == "PUT") return client.Put(path.c_str(), headers, body, "application/json");
    return client.Post(path.c_str(), headers, body, "application/json");
  }
  /// Signs up (or logs in when `log_in`), keeping the cookie; the status.
  int enter(const HostedServer& server, const std::string& password = "a long password",
            bool log_in = false) {
    nlohmann::json body = {{"email", email}, {"password", password}};
    auto res = call(server, "POST", log_in ? "/api/login" : "/api/account", body.dump());
    if (!res) return 0;
    std::string set = res->get_header_value("Set-Cookie");
    if (res->status < 300) cookie = set.substr(0, set.find(';'));
    return res->status;
  }
};

/// The JSON body of an answer.
inline nlohmann::json body_of(const httplib::Result& res) { return nlohmann::json::parse(res->body); }

}  // namespace plantar::test
