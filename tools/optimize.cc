// veille optimize : after a large import, rewrites the archive's full-text
// indexes into as few pieces as they can be, so that searches read less.
#include <chrono>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "db_flag.h"
#include "veille/store.h"

namespace veille::tools {
namespace {

int RunOptimize(const DbFlags& flags) {
  // An archive that is not there (or empty) is an error, not one to make.
  // Other reasons a reader cannot open it are the writer's to judge: a
  // journal left by an interrupted write, which only a writer can roll back,
  // is one (the read-only error sends the user here).
  {
    Result<std::unique_ptr<Store>> existing =
        Store::Open(flags.db, {.busy_timeout_ms = flags.lock_timeout_ms, .read_only = true});
    StatusCode code = existing.status().code();
    if (code == StatusCode::kNotFound || code == StatusCode::kInvalidArgument) {
      std::fprintf(stderr, "veille: %s\n", existing.status().message().c_str());
      return kExitFailure;
    }
  }  // closed before the writer opens
  std::unique_ptr<Store> store = OpenOrReport(flags, /*read_only=*/false);
  if (!store) return kExitFailure;
  auto start = std::chrono::steady_clock::now();
  if (Status s = store->CompactIndexes(); !s.ok()) {
    std::fprintf(stderr, "veille: optimize: %s\n", s.message().c_str());
    return kExitFailure;
  }
  std::fprintf(stderr, "veille: optimize: indexes compacted in %.1f s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return kExitOk;
}

}  // namespace

Command AddOptimizeCommand(CLI::App& root) {
  auto flags = std::make_shared<DbFlags>();
  CLI::App* app = root.add_subcommand(
      "optimize",
      "Compact the archive's full-text indexes after a large import, so that searches read less "
      "(under a minute at a million articles). Interrupted, it can be run again.");
  AddDbFlags(app, flags.get());
  return {app, [flags] { return RunOptimize(*flags); }};
}

}  // namespace veille::tools
