// veille serve: the archive's HTTP API and dashboard (docs/API.md), on
// 127.0.0.1 unless another address is asked for.
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "commands.h"
#include "db_flag.h"
#include "veille/server.h"

namespace veille::tools {
namespace {

struct ServeFlags {
  DbFlags db;
  ServerOptions server;
  std::string token_file;
  size_t max_request_mb = 64;
  size_t cache_mb = 64;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "veille: serve: %s\n", message.c_str());
  return kExitFailure;
}

int RunServe(ServeFlags flags) {
  ServerOptions& options = flags.server;
  options.db = flags.db.db;
  options.busy_timeout_ms = flags.db.lock_timeout_ms;
  options.max_request_bytes = flags.max_request_mb << 20;
  options.cache_bytes = flags.cache_mb << 20;
  if (!flags.token_file.empty()) {
    std::ifstream in(flags.token_file);
    if (!in) return Fail("cannot read the token file " + flags.token_file);
    std::stringstream text;
    text << in.rdbuf();
    options.token = text.str();
    while (!options.token.empty() && std::isspace(static_cast<unsigned char>(options.token.back()))) {
      options.token.pop_back();
    }
    if (options.token.empty()) return Fail("the token file " + flags.token_file + " is empty");
  }
  // A file path that does not exist would be created empty by the archive:
  // serving one is always a mistake.
  if (options.db.rfind("postgres", 0) != 0 && !std::ifstream(options.db)) {
    return Fail(options.db + ": no such archive (make one with veille ingest --db " + options.db + " FILES)");
  }
  // SIGINT and SIGTERM stop the server cleanly: blocked here, before any
  // thread starts, and awaited by one thread of ours.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Result<std::unique_ptr<Server>> server = Server::Create(options);
  if (!server.ok()) return Fail(server.status().message());
  std::fprintf(stderr, "veille: serving %s on http://%s:%d/ (ingest %s)\n", options.db.c_str(),
               options.address.c_str(), (*server)->port(),
               options.token.empty() ? "off: no --token" : "on, with the token");
  std::fflush(stderr);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    (*server)->Stop();
  });
  Status run = (*server)->Run();
  // Run() also returns when the socket fails: wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!run.ok()) return Fail(run.message());
  std::fprintf(stderr, "veille: server stopped\n");
  return kExitOk;
}

}  // namespace

Command AddServeCommand(CLI::App& root) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* app = root.add_subcommand(
      "serve", "The archive's HTTP API (/api/) and dashboard (/), on 127.0.0.1 by default.");
  AddDbFlags(app, &flags->db);
  app->add_option("--port,-p", flags->server.port, "Port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  app->add_option("--address", flags->server.address,
                  "Address to listen on (default 127.0.0.1; another one exposes the archive to "
                  "the network)");
  app->add_option("--token", flags->server.token,
                  "Bearer token that POST /api/ingest requires (without one, ingest is off)")
      ->envname("VEILLE_TOKEN");
  app->add_option("--token-file", flags->token_file, "Read the token from this file")
      ->excludes("--token");
  app->add_option("--max-request-mb", flags->max_request_mb,
                  "Largest request accepted, in MiB (default 64); larger ones get 413")
      ->check(CLI::Range(1, 4096));
  app->add_option("--cache-mb", flags->cache_mb,
                  "Answers kept while the archive does not change, in MiB (default 64; 0: none)")
      ->check(CLI::Range(0, 65536));
  app->add_option("--threads", flags->server.threads, "Connections served at once (default 64)")
      ->check(CLI::Range(1, 1024));
  app->add_option("--assets", flags->server.assets_dir,
                  "Serve the dashboard from this folder instead of the copy built in (for "
                  "working on web/)");
  app->add_option("--kb", flags->server.knowledge_base,
                  "Knowledge base (default: build/kb/veille.kb; none: names only)");
  return {app, [flags]() -> int { return RunServe(*flags); }};
}

}  // namespace veille::tools
