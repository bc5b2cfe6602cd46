// Store::Open: the archive named by a path or a PostgreSQL URL.
#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "veille/store.h"

namespace veille {

Result<std::unique_ptr<Store>> Store::Open(const std::string& url, const StoreOptions& options) {
  if (url.empty()) return Status(StatusCode::kInvalidArgument, "--db: no archive given");
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    return store::OpenPostgresStore(url, options);
  }
  return store::OpenSqliteStore(url, options);
}

}  // namespace veille
