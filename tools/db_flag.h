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

struct DbFlags {
  std::string db = kDefaultDb;
  int lock_timeout_ms = StoreOptions{}.busy_timeout_ms;
};

inline void AddDbFlags(CLI::App* app, DbFlags* flags) {
  app->add_option("--db", flags->db,
                  "The archive: an SQLite file (created when missing; default ./veille.db) "
                  "or postgres://user@host:port/database")
      ->envname("VEILLE_DB");
  app->add_option("--lock-timeout", flags->lock_timeout_ms,
                  "How long to wait, in milliseconds, for an archive another process has "
                  "locked (default 5000)")
      ->check(CLI::NonNegativeNumber);
}

// Opens the archive or prints why not (returns null).
inline std::unique_ptr<Store> OpenOrReport(
    const DbFlags& flags, bool read_only,
    size_t articles_per_transaction = StoreOptions{}.articles_per_transaction) {
  Result<std::unique_ptr<Store>> store =
      Store::Open(flags.db, {.busy_timeout_ms = flags.lock_timeout_ms, .read_only = read_only,
                             .articles_per_transaction = articles_per_transaction});
  if (!store.ok()) {
    std::fprintf(stderr, "veille: %s\n", store.status().message().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_DB_FLAG_H_
