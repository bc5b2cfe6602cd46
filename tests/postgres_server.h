// A real PostgreSQL server for the tests: started in a temporary data folder
// on 127.0.0.1 and a free port, stopped and removed at the end.
#ifndef VEILLE_TESTS_POSTGRES_SERVER_H_
#define VEILLE_TESTS_POSTGRES_SERVER_H_

#include <filesystem>
#include <string>

namespace veille::testing {

class PostgresServer {
 public:
  // The server shared by every test of the process, started on first use;
  // nullptr (with the reason in `why`) when PostgreSQL is not installed.
  static PostgresServer* Shared(std::string* why);

  ~PostgresServer();

  // A new, empty database on the server, as a libpq URI.
  std::string NewDatabase();

  int port() const { return port_; }

 private:
  PostgresServer() = default;
  bool Start(std::string* why);

  std::filesystem::path dir_;
  std::filesystem::path bin_;
  int port_ = 0;
  int databases_ = 0;
  bool running_ = false;
};

}  // namespace veille::testing

#endif  // VEILLE_TESTS_POSTGRES_SERVER_H_
