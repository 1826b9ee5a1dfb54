// plantar serve: the web app on this computer, or on the local network with
// pairing. Runs until Ctrl-C (SIGINT) or SIGTERM.
#include <fmt/format.h>
#include <pthread.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <thread>

#include "commands.h"
#include "data_dir.h"
#include "plantar/errors.h"
#include "plantar/server.h"

namespace plantar::cli {
namespace {

// This machine's first IPv4 address on a network (not loopback), or "".
std::string lan_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* i = list; i != nullptr && found.empty(); i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK))
      continue;
    char text[INET_ADDRSTRLEN] = {};
    auto* address = reinterpret_cast<sockaddr_in*>(i->ifa_addr);
    if (inet_ntop(AF_INET, &address->sin_addr, text, sizeof text) != nullptr) found = text;
  }
  freeifaddrs(list);
  return found;
}

// The address to show: the host as given, or this machine's address on the
// network in LAN mode.
std::string shown_host(const ServeOptions& options) {
  if (options.lan && (options.host.empty() || options.host == "0.0.0.0")) {
    std::string address = lan_address();
    if (!address.empty()) return address;
  }
  return options.host.empty() ? "127.0.0.1" : options.host;
}

void print_pairing(std::ostream& out, const std::string& url) {
  out << "On your phone, scan this code or open:\n  " << url << "\n\n" << server::qr_text(url) << "\n";
}

void print_welcome(const Context& context, const ServeOptions& options, const server::Server& server,
                   int port) {
  std::string base = fmt::format("http://{}:{}", shown_host(options), port);
  if (!options.store.empty()) {
    context.out << "plantar is ready in hosted mode: open " << base << "/ and sign up or log in.\n"
                << "Accounts and journals are in the PostgreSQL store. Press Ctrl-C to stop.\n"
                << std::flush;
    return;
  }
  if (!options.lan && options.no_auth) {
    context.out << "plantar is ready: open " << base << "/ in your browser.\n"
                << "No secret (--no-auth): every program and user on this computer can use it.\n"
                << "Press Ctrl-C to stop.\n"
                << std::flush;
    return;
  }
  if (!options.lan) {
    context.out << "plantar is ready: open " << base << server.sign_in_path() << " in your browser.\n"
                << "Keep this address to yourself: it lets the browser in. Only this computer can reach it\n"
                << "(use --lan for a phone on the same network). Press Ctrl-C to stop.\n"
                << std::flush;
    return;
  }
  context.out << "plantar is ready on your local network.\n";
  print_pairing(context.out, base + "/pair?code=" + server.pairing_code());
  context.out << "The code works once; other devices are refused. Press Ctrl-C to stop.\n" << std::flush;
}

}  // namespace

int run_serve(const Context& context, const ServeOptions& options) {
  server::Options server_options;
  server_options.host = options.host.empty() ? (options.lan ? "0.0.0.0" : "127.0.0.1") : options.host;
  server_options.port = options.port;
  server_options.lan = options.lan;
  server_options.auth = !options.no_auth && options.store.empty();  // hosted mode: accounts instead
  server_options.journal = data_file(context, "journal.db");
  server_options.places = data_file(context, "places.db");
  std::error_code no_path;  // then audio renders in-process
  server_options.program = std::filesystem::read_symlink("/proc/self/exe", no_path).string();
  server_options.data = options.data;
  server_options.warm_audio = !options.no_warm_up;
  server_options.store = options.store;
  server_options.https_proxy = options.https_proxy;
  if (!options.store.empty() && options.lan)
    throw BadInput("--lan", "hosted mode (--store) has accounts instead of pairing: leave out --lan");
  if (options.https_proxy && options.store.empty())
    throw BadInput("--https-proxy", "only hosted mode has session cookies: add --store postgresql://...");
  const std::string& host = server_options.host;
  bool loopback = host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
  if (!options.lan && !loopback && options.store.empty())
    throw BadInput("--host", "'" + host +
                                 "' can be reached from other devices: add --lan, so that only a paired "
                                 "device can use it");
  if (options.port < 0 || options.port > 65535)
    throw BadInput("--port", fmt::format("expected 0 to 65535, got {}", options.port));
  int port = 0;
  std::mutex printing;
  server_options.on_paired = [&](const std::string& code) {
    std::lock_guard lock(printing);
    context.out << "\nA device paired. For another one:\n";
    print_pairing(context.out, fmt::format("http://{}:{}/pair?code={}", shown_host(options), port, code));
    context.out << std::flush;
  };
  server::Server server(context.kb, server_options);
  port = server.bind();

  // Ctrl-C and SIGTERM are taken by sigwait below, not by any thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> done = false;
  bool served = true;
  std::thread serving([&] {
    served = server.run();
    done = true;
    if (!served) kill(getpid(), SIGTERM);  // wakes sigwait below
  });
  while (!server.running() && !done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  print_welcome(context, options, server, port);
  int signal = 0;
  sigwait(&signals, &signal);
  server.stop();
  serving.join();
  context.err << "plantar: stopped.\n";
  if (!served) throw Failure("the server stopped unexpectedly");
  return 0;
}

}  // namespace plantar::cli
