// veille watch --feeds FILE : read news feeds in rounds, fetch the pages of
// their new items and store them in the archive.
#include <atomic>
#include <cmath>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "fetch_flags.h"
#include "veille/watch.h"

namespace veille::tools {
namespace {

struct WatchFlags {
  std::string feeds_file;
  DbFlags db;
  std::string state;
  double interval_s = 900;
  bool once = false;
  FetchFlags fetch;
  bool learn = true;
};

// Set by SIGINT and SIGTERM: the round in progress stops before its next
// request, stores what it has, and the command ends. A second signal ends
// it at once (the archive and the state file are never half-written).
std::atomic<bool> stop_requested{false};

extern "C" void OnStopSignal(int signal_number) {
  stop_requested.store(true);
  std::signal(signal_number, SIG_DFL);
}

std::string DefaultStatePath(const std::string& db) {
  // An archive on a server has no file to sit beside.
  if (db.starts_with("postgres://") || db.starts_with("postgresql://")) return "veille.watch.json";
  return db + ".watch.json";
}

std::string Now() {
  std::time_t now = std::time(nullptr);
  std::tm local;
  localtime_r(&now, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &local);
  return buf;
}

void Report(const Article& article) {
  const ArticleError& e = article.errors.front();
  std::string where = article.source.url.value_or(article.source.path);
  std::fprintf(stderr, "veille: watch: %s: %s: %s\n", where.c_str(), std::string(StatusCodeName(e.code)).c_str(),
               e.message.c_str());
}

int RunWatch(const WatchFlags& flags) {
  Result<std::vector<std::string>> feeds = ReadFeedList(flags.feeds_file);
  if (!feeds.ok()) {
    std::fprintf(stderr, "veille: watch: %s\n", feeds.status().message().c_str());
    return kExitFailure;
  }
  if (feeds->empty()) {
    std::fprintf(stderr, "veille: watch: %s lists no feed\n", flags.feeds_file.c_str());
    return kExitFailure;
  }
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/false);
  if (!store) return kExitFailure;
  Result<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create(flags.fetch.ToFetchOptions());
  if (!fetcher.ok()) {
    std::fprintf(stderr, "veille: watch: %s\n", fetcher.status().message().c_str());
    return kExitFailure;
  }
  WatchOptions options;
  options.state_path = flags.state.empty() ? DefaultStatePath(flags.db.db) : flags.state;
  Result<std::unique_ptr<FeedWatcher>> watcher = FeedWatcher::Create(**fetcher, options);
  if (!watcher.ok()) {
    std::fprintf(stderr, "veille: watch: %s\n", watcher.status().message().c_str());
    return kExitFailure;
  }
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);

  IngestOptions ingest;
  ingest.threads = flags.fetch.threads;
  ingest.learn_boilerplate = flags.learn;
  int status = kExitOk;
  for (;;) {
    Result<WatchReport> round =
        (*watcher)->Round(*feeds, *store, flags.fetch.options, ingest, {}, Report, &stop_requested);
    if (!round.ok()) {
      std::fprintf(stderr, "veille: watch stopped: %s\n", round.status().message().c_str());
      std::fprintf(stderr, "veille: what was stored before is kept; the next round takes up the rest\n");
      return kExitFailure;
    }
    const WatchReport& r = *round;
    const IngestProgress& t = r.ingest.totals;
    std::fprintf(stderr,
                 "veille: watch: %s: %zu feeds (%zu unchanged, %zu failed), %zu new items (%zu pages, %zu from "
                 "the feed, %zu failed): %llu stored, %llu already in the archive, %llu errors\n",
                 Now().c_str(), r.feeds, r.feeds_unchanged, r.feeds_failed, r.new_items, r.pages, r.from_feed,
                 r.items_failed, static_cast<unsigned long long>(t.stored),
                 static_cast<unsigned long long>(t.duplicates), static_cast<unsigned long long>(t.errors));
    status = t.errors > 0 ? kExitArticleErrors : kExitOk;
    if (flags.once || stop_requested.load()) break;
    // Asleep until the next round, waking often enough to stop promptly.
    auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::llround(flags.interval_s * 1000));
    while (!stop_requested.load() && std::chrono::steady_clock::now() < next) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (stop_requested.load()) break;
  }
  if (stop_requested.load()) {
    std::fprintf(stderr, "veille: watch: stopped\n");
    return kExitOk;
  }
  return status;
}

}  // namespace

Command AddWatchCommand(CLI::App& root) {
  auto flags = std::make_shared<WatchFlags>();
  CLI::App* app = root.add_subcommand(
      "watch",
      "Read news feeds in rounds: each feed with a conditional GET, then the page of each item not "
      "taken before, politely (robots.txt, one request at a time per host), stored in the archive. "
      "Stops cleanly on Ctrl-C or SIGTERM.");
  app->add_option("--feeds", flags->feeds_file, "A file listing feed URLs, one per line (# starts a comment)")
      ->required();
  AddDbFlags(app, &flags->db);
  app->add_option("--state", flags->state,
                  "Where what was taken and each feed's validators are kept between rounds (JSON; "
                  "default: beside the archive, ARCHIVE.watch.json)");
  app->add_option("--interval", flags->interval_s, "Seconds to wait after a round before the next (default 900)")
      ->check(CLI::Range(1.0, 7 * 86400.0));
  app->add_flag("--once", flags->once, "One round, then exit");
  app->add_flag("!--no-learn", flags->learn, "Skip the corpus pass that learns each outlet's boilerplate");
  AddFetchFlags(app, &flags->fetch);
  return {app, [flags] { return RunWatch(*flags); }};
}

}  // namespace veille::tools
