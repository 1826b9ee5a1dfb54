// plantar serve: the web app on this computer, or on the local network with
// pairing. Runs until Ctrl-C (SIGINT) or SIGTERM.
#include <fmt/format.h>
#include <pthread.h>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ostream>
#include <thread>

#include "commands.h"
#include "plantar/errors.h"
#include "plantar/server.h"

namespace plantar::cli {
namespace {

// The address to show: the host as given, or this machine's name in LAN mode.
std::string shown_host(const ServeOptions& options) {
  if (options.lan && (options.host.empty() || options.host == "0.0.0.0")) {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') return name;
  }
  return options.host.empty() ? "127.0.0.1" : options.host;
}

void print_welcome(const Context& context, const ServeOptions& options, const server::Server& server,
                   int port) {
  std::string base = fmt::format("http://{}:{}", shown_host(options), port);
  if (!options.lan) {
    context.out << "plantar is ready: open " << base << "/ in your browser.\n"
                << "Only this computer can reach it (use --lan for a phone on the same network).\n"
                << "Press Ctrl-C to stop.\n"
                << std::flush;
    return;
  }
  std::string url = base + "/pair?code=" + server.pairing_code();
  context.out << "plantar is ready on your local network.\n"
              << "On your phone, scan this code or open:\n  " << url << "\n\n"
              << server::qr_text(url) << "\n"
              << "The code works once; other devices are refused. Press Ctrl-C to stop.\n"
              << std::flush;
}

}  // namespace

int run_serve(const Context& context, const ServeOptions& options) {
  server::Options server_options;
  server_options.host = options.host.empty() ? (options.lan ? "0.0.0.0" : "127.0.0.1") : options.host;
  server_options.port = options.port;
  server_options.lan = options.lan;
  if (options.port < 0 || options.port > 65535)
    throw BadInput("--port", fmt::format("expected 0 to 65535, got {}", options.port));
  server::Server server(context.kb, server_options);
  int port = server.bind();

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
