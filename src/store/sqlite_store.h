// The embedded archive: one SQLite file in WAL mode, FTS5 for search.
#ifndef VEILLE_STORE_SQLITE_STORE_H_
#define VEILLE_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "veille/store.h"

namespace veille::store {

// Opens (creating it when missing) the SQLite archive at `path`. See
// Store::Open for the errors. Not thread-safe: one connection.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

}  // namespace veille::store

#endif  // VEILLE_STORE_SQLITE_STORE_H_
