// The server archive: PostgreSQL through libpqxx, with French text search.
#ifndef VEILLE_STORE_POSTGRES_STORE_H_
#define VEILLE_STORE_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "veille/store.h"

namespace veille::store {

// Connects to `url` (a libpq connection URI) and creates or migrates the
// schema. See Store::Open for the errors. Not thread-safe: one connection.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 const StoreOptions& options);

}  // namespace veille::store

#endif  // VEILLE_STORE_POSTGRES_STORE_H_
