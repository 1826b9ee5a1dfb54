// A real plantar server on 127.0.0.1 and a free port, served from a thread
// for the length of one test, with an httplib client pointed at it that has
// signed in with the secret of local mode (as a browser given the printed
// address does).
#pragma once

#include <httplib.h>

#include <chrono>
#include <memory>
#include <thread>

#include "plantar/kb.h"
#include "plantar/server.h"

namespace plantar::test {

class LiveServer {
 public:
  /// `folder`: where the journal and places.db live ("": none given, so the
  /// journal and places answers say there is nothing yet).
  explicit LiveServer(bool lan = false, std::function<void(const std::string&)> on_paired = {},
                      const std::string& folder = "", server::Options options = {}) {
    if (!folder.empty()) {
      options.journal = folder + "/journal.db";
      options.places = folder + "/places.db";
    }
    options.on_paired = std::move(on_paired);
    options.program = PLANTAR_BINARY;  // audio renders run `plantar audio`
    options.port = 0;
    options.lan = lan;
    if (options.threads == 0) options.threads = 4;
    server_ = std::make_unique<server::Server>(kb::embedded(), options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    while (!server_->running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!server_->sign_in_path().empty()) cookie_ = sign_in();
  }
  /// Visits the secret address; returns "plantar_session=..." from its Set-Cookie ("" if none).
  std::string sign_in() const {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get(server_->sign_in_path().c_str());
    if (!res) return "";
    std::string set = res->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  ~LiveServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  server::Server& server() { return *server_; }
  /// A new client; it does not follow redirects nor decompress.
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_decompress(false);
    if (!cookie_.empty()) client.set_default_headers({{"Cookie", cookie_}});
    return client;
  }
  /// A client without the session cookie: another user of this computer.
  httplib::Client stranger() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_decompress(false);
    return client;
  }
  const std::string& cookie() const { return cookie_; }
  /// POSTs JSON with the CSRF token.
  httplib::Result post(const std::string& path, const std::string& body) {
    return client().Post(path.c_str(), {{"X-Plantar-Token", server_->csrf_token()}}, body,
                         "application/json");
  }

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::thread thread_;
  std::string cookie_;
};

}  // namespace plantar::test
