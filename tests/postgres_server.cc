#include "postgres_server.h"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "test_util.h"

namespace veille::testing {
namespace {

// A port nobody listens on now: bind to port 0 and ask which one we got.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

int Run(const std::string& command) { return std::system(command.c_str()); }

// PostgreSQL refuses to run as root: as root, run its tools as `postgres`.
std::string AsServerUser(const std::string& command) {
  if (geteuid() != 0) return command;
  return "runuser -u postgres -- " + command;
}

}  // namespace

PostgresServer* PostgresServer::Shared(std::string* why) {
  static std::unique_ptr<PostgresServer> server;
  static std::string failure;
  static bool tried = false;
  if (!tried) {
    tried = true;
    auto candidate = std::unique_ptr<PostgresServer>(new PostgresServer());
    if (candidate->Start(&failure)) server = std::move(candidate);
  }
  if (!server && why) *why = failure;
  return server.get();
}

bool PostgresServer::Start(std::string* why) {
  for (const char* dir : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
                          "/usr/lib/postgresql/17/bin"}) {
    if (std::filesystem::exists(std::filesystem::path(dir) / "pg_ctl")) bin_ = dir;
  }
  if (bin_.empty()) {
    *why = "PostgreSQL is not installed (scripts/install-deps installs postgresql-15)";
    return false;
  }
  if (geteuid() == 0 && !getpwnam("postgres")) {
    *why = "no `postgres` user to run the server as";
    return false;
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "veille-pg-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    *why = "cannot make a temporary folder";
    return false;
  }
  dir_ = pattern;
  if (geteuid() == 0) Run("chown postgres " + dir_.string());
  port_ = FreePort();
  std::string data = (dir_ / "data").string();
  if (Run(AsServerUser((bin_ / "initdb").string() + " -D " + data +
                       " -A trust -U postgres -E UTF8 --locale=C.UTF-8 >" +
                       (dir_ / "initdb.log").string() + " 2>&1")) != 0) {
    *why = "initdb failed: see " + (dir_ / "initdb.log").string();
    return false;
  }
  // Loopback only, a socket in our own folder, and settings for a throwaway
  // server: no fsync, small memory.
  std::string options = "-p " + std::to_string(port_) + " -k " + dir_.string() +
                        " -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off";
  if (Run(AsServerUser((bin_ / "pg_ctl").string() + " -D " + data + " -o \"" + options +
                       "\" -l " + (dir_ / "server.log").string() + " -w -t 60 start >/dev/null")) !=
      0) {
    *why = "the server did not start: see " + (dir_ / "server.log").string();
    return false;
  }
  running_ = true;
  return true;
}

PostgresServer::~PostgresServer() {
  if (running_) {
    Run(AsServerUser((bin_ / "pg_ctl").string() + " -D " + (dir_ / "data").string() +
                     " -m immediate -w stop >/dev/null 2>&1"));
  }
  std::error_code ignored;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
}

std::string PostgresServer::NewDatabase() {
  std::string name = "veille_test_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  Run((bin_ / "createdb").string() + " -h 127.0.0.1 -p " + std::to_string(port_) +
      " -U postgres " + name);
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

}  // namespace veille::testing
