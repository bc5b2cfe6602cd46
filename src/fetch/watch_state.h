// What `veille watch` remembers between rounds, in a JSON file: for each
// feed, the validators of its last answer (for a conditional GET) and the
// links of the items already taken (so that an item is fetched once).
//
// The file is replaced whole on each save (written beside it, then renamed
// over it), so a crash leaves the old state or the new one, never half of
// one. Two watchers sharing a state file would each overwrite the other's.
// Not thread-safe.
#ifndef VEILLE_FETCH_WATCH_STATE_H_
#define VEILLE_FETCH_WATCH_STATE_H_

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <unordered_set>

#include "veille/status.h"

namespace veille::fetch {

class FeedState {
 public:
  std::string etag, last_modified;  // the feed's last 200 answer's validators
  std::string checked;              // when it was last read (ISO 8601 UTC)
  // Rounds an item's page could not be fetched in, by link; the item is
  // given up after a few (WatchOptions).
  std::map<std::string, int> attempts;

  bool Seen(const std::string& link) const { return seen_set_.count(link) > 0; }
  // Remembers `link`, forgetting the oldest beyond `keep`.
  void MarkSeen(const std::string& link, size_t keep);
  const std::deque<std::string>& seen() const { return seen_; }

 private:
  std::deque<std::string> seen_;  // oldest first
  std::unordered_set<std::string> seen_set_;
};

class WatchState {
 public:
  // A missing file is an empty state; a file that is not a state file is an
  // error (invalid_json, naming it), not something to overwrite.
  static Result<WatchState> Load(const std::string& path);
  Status Save(const std::string& path) const;

  FeedState& Feed(const std::string& url) { return feeds_[url]; }
  const FeedState* Find(const std::string& url) const;

 private:
  std::map<std::string, FeedState> feeds_;
};

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_WATCH_STATE_H_
