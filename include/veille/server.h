// `veille serve`: the archive over HTTP. A JSON API under /api/ (docs/API.md,
// docs/openapi.json) and the dashboard at / (web/, built into the binary),
// from one process, with nothing fetched from elsewhere.
#ifndef VEILLE_SERVER_H_
#define VEILLE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "veille/status.h"

namespace veille {

struct ServerOptions {
  std::string db = "veille.db";  // as Store::Open takes it
  // Loopback unless another address is asked for explicitly.
  std::string address = "127.0.0.1";
  int port = 8080;  // 0: a free port, which port() then tells
  // The bearer token POST /api/ingest requires; empty: ingest is refused
  // (403), the archive is read only.
  std::string token;
  // Serve the dashboard's files from this folder instead of the copy built
  // into the binary (for working on web/ without rebuilding).
  std::string assets_dir;
  // Requests larger than this are refused with 413 before they are read.
  size_t max_request_bytes = 64u << 20;
  // Connections served at once: a connection keeps its thread while it is
  // kept alive (up to read_timeout_seconds idle), so more clients than
  // threads wait. The archive is read by at most two connections a core
  // whatever this number.
  int threads = 64;
  int read_timeout_seconds = 5;
  // Answers of the search, article, entity and quotes endpoints kept while
  // the archive does not change (Store::Generation); 0: none.
  size_t cache_bytes = 64u << 20;
  std::string knowledge_base;  // Options::knowledge_base
  int busy_timeout_ms = 5000;  // StoreOptions::busy_timeout_ms
};

class Server {
 public:
  // Opens the archive (it must exist, and be readable) and binds the port.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server() = default;

  virtual int port() const = 0;
  // Serves until Stop(); fails when the listening socket fails.
  virtual Status Run() = 0;
  // Thread-safe; Run() returns once the requests in flight are answered.
  virtual void Stop() = 0;
};

}  // namespace veille

#endif  // VEILLE_SERVER_H_
