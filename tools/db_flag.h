// The --db flag that every archive command shares.
#ifndef VEILLE_TOOLS_DB_FLAG_H_
#define VEILLE_TOOLS_DB_FLAG_H_

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "veille/store.h"

namespace veille::tools {

inline constexpr const char* kDefaultDb = "veille.db";

inline void AddDbFlag(CLI::App* app, std::string* db) {
  *db = kDefaultDb;
  app->add_option("--db", *db,
                  "The archive: an SQLite file (created when missing; default ./veille.db) "
                  "or postgres://user@host:port/database")
      ->envname("VEILLE_DB");
}

// Opens the archive or prints why not (returns null).
inline std::unique_ptr<Store> OpenOrReport(const std::string& db, const StoreOptions& options) {
  Result<std::unique_ptr<Store>> store = Store::Open(db, options);
  if (!store.ok()) {
    std::fprintf(stderr, "veille: %s\n", store.status().message().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_DB_FLAG_H_
