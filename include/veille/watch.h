// Watching news feeds: each round reads every feed with a conditional GET,
// fetches the page of each item not taken before, and stores the pages in
// the archive. What was taken, and each feed's validators, are kept in a
// state file between rounds.
#ifndef VEILLE_WATCH_H_
#define VEILLE_WATCH_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "veille/fetch.h"
#include "veille/ingest.h"
#include "veille/options.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille {

struct WatchOptions {
  // The state file (JSON, replaced atomically on each save). Required.
  std::string state_path;
  // Links remembered per feed, newest kept. A feed that brings back a link
  // older than this gets its page fetched again (and the archive, which
  // knows the page by its content, does not store it twice).
  size_t seen_per_feed = 10'000;
  // An item whose page cannot be fetched (robots.txt, an HTTP error, not a
  // web page) is stored from the feed's own content when the feed carries
  // some; false: reported only.
  bool feed_content_fallback = true;
  // Rounds an item without content of its own is tried in before it is
  // given up; while it is tried again, its feed is read again whole (its
  // validators are not updated).
  int max_attempts = 3;
};

struct WatchReport {
  size_t feeds = 0;            // feeds asked for
  size_t feeds_unchanged = 0;  // answered 304 Not Modified
  size_t feeds_failed = 0;     // could not be fetched or read as a feed
  size_t new_items = 0;        // items not taken before
  size_t pages = 0;            // …of which the page was fetched
  size_t from_feed = 0;        // …stored from the feed's content instead
  size_t items_failed = 0;     // …neither (reported as errors)
  IngestReport ingest;         // what the archive made of them
};

// Not thread-safe: one round at a time. Holds the state in memory between
// rounds; `fetcher` must outlive it.
class FeedWatcher {
 public:
  // Reads the state file (missing: a fresh start). Fails when it exists and
  // is not a state file, or when options.state_path is empty.
  static Result<std::unique_ptr<FeedWatcher>> Create(Fetcher& fetcher, const WatchOptions& options);
  ~FeedWatcher();

  // One round over `feeds` (absolute http(s) URLs). Fetch failures are
  // error records, given to `on_error` as Ingest gives them, and the round
  // goes on. The state is saved once the archive has stored the round's
  // articles, never before: a round cut short (the archive failed, the
  // process was killed) is done again by the next. When `stop` turns true,
  // the round stops before its next request and stores what it has.
  Result<WatchReport> Round(const std::vector<std::string>& feeds, Store& store, const Options& options,
                            const IngestOptions& ingest,
                            const std::function<void(const IngestProgress&)>& on_progress = {},
                            const std::function<void(const Article&)>& on_error = {},
                            const std::atomic<bool>* stop = nullptr);

 private:
  struct State;
  explicit FeedWatcher(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// A feeds file: one URL per line; blank lines and lines starting with #
// are skipped. Fails on the first line that is not an http(s) URL, naming
// the file and line.
Result<std::vector<std::string>> ReadFeedList(const std::string& path);

}  // namespace veille

#endif  // VEILLE_WATCH_H_
