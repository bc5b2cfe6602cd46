// FeedWatcher (veille/watch.h): a round is an InputReader that reads the
// feeds and fetches their new items as Ingest pulls articles from it; what
// the round learned is written to the state only once the archive has the
// articles.
#include <deque>
#include <fstream>
#include <optional>
#include <set>

#include "fetch/url.h"
#include "fetch/watch_state.h"
#include "ingest/feed_articles.h"
#include "ingest/feed_reader.h"
#include "ingest/html_reader.h"
#include "veille/watch.h"

namespace veille {
namespace {

// What a round learned of one feed.
struct FeedUpdate {
  std::string url;
  bool read = false;      // answered 200 with a feed, or 304
  bool complete = false;  // every item was looked at (the round was not stopped)
  std::string etag, last_modified, checked;
  std::vector<std::string> taken;  // links to remember as seen
  std::vector<std::string> retry;  // links to try again next round
};

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

class RoundInput final : public InputReader {
 public:
  RoundInput(Fetcher& fetcher, const fetch::WatchState& state, const WatchOptions& watch, const Options& options,
             const std::vector<std::string>& feeds, WatchReport& report, std::vector<FeedUpdate>& updates,
             const std::atomic<bool>* stop)
      : fetcher_(fetcher), state_(state), watch_(watch), options_(options), feeds_(feeds), report_(report),
        updates_(updates), stop_(stop) {}

  std::optional<Article> Next() override {
    while (ready_.empty()) {
      if (stop_ && stop_->load()) return std::nullopt;
      if (item_ < items_.size()) {
        TakeItem(item_++);
        if (item_ == items_.size()) updates_.back().complete = true;
        continue;
      }
      if (next_feed_ == feeds_.size()) return std::nullopt;
      ReadFeed(feeds_[next_feed_++]);
    }
    Article next = std::move(ready_.front());
    ready_.pop_front();
    return next;
  }

  bool had_io_error() const override { return false; }
  uint64_t bytes_read() const override { return bytes_read_; }
  uint64_t bytes_total() const override { return 0; }

 private:
  void ReadFeed(const std::string& url) {
    ++report_.feeds;
    items_.clear();
    item_ = 0;
    feed_articles_.reset();
    const fetch::FeedState* known = state_.Find(url);
    Validators validators;
    if (known) validators = {known->etag, known->last_modified};
    FeedUpdate& update = updates_.emplace_back();
    update.url = url;
    Result<FetchedPage> page = fetcher_.Fetch(url, validators);
    if (!page.ok()) {
      ++report_.feeds_failed;
      ready_.push_back(FetchErrorRecord(url, page.status()));
      return;
    }
    bytes_read_ += page->body.size();
    update.checked = page->fetched_at;
    update.etag = page->etag;
    update.last_modified = page->last_modified;
    if (page->not_modified) {
      ++report_.feeds_unchanged;
      update.read = update.complete = true;
      return;
    }
    Result<ingest::Feed> feed = ingest::ReadFeed(page->body);
    if (!feed.ok()) {
      ++report_.feeds_failed;
      ready_.push_back(FetchErrorRecord(url, Status(feed.status().code(), "not a feed: " + feed.status().message())));
      return;
    }
    update.read = true;
    update.complete = feed->items.empty();
    feed_base_ = fetch::ParseUrl(page->final_url);
    feed_fetched_ = page->fetched_at;
    feed_body_ = std::move(page->body);
    items_ = std::move(feed->items);
  }

  // The item's own content as an article, as `veille ingest feed.xml` reads it.
  Article FeedContentArticle(size_t index) {
    if (!feed_articles_) feed_articles_ = ingest::ReadFeedArticles(feed_body_, updates_.back().url, options_);
    // ReadFeedArticles makes one article per item, in order.
    Article article = std::move((*feed_articles_)[index]);
    article.source.fetched = feed_fetched_;
    return article;
  }

  void TakeItem(size_t index) {
    const ingest::FeedItem& item = items_[index];
    FeedUpdate& update = updates_.back();
    std::string link;
    if (!item.link.empty() && feed_base_.ok()) {
      if (Result<fetch::Url> url = fetch::ResolveUrl(*feed_base_, item.link); url.ok()) link = url->ToString();
    }
    // An item is known by its link, else by its id; one with neither is
    // taken every round (the archive keeps it once).
    std::string key = link.empty() ? item.id : link;
    const fetch::FeedState* known = state_.Find(update.url);
    if (!key.empty() && known && known->Seen(key)) return;
    // The same link twice in a round (in two feeds, or twice in one) is
    // fetched once and remembered by both.
    if (!key.empty() && !keys_this_round_.insert(key).second) {
      update.taken.push_back(key);
      return;
    }
    ++report_.new_items;

    Status failure;
    if (!link.empty()) {
      Result<FetchedPage> page = fetcher_.Fetch(link);
      if (page.ok() && IsHtmlPage(*page)) {
        bytes_read_ += page->body.size();
        ingest::PageSource source;
        source.path = link;
        source.url = page->final_url;
        source.fetched = page->fetched_at;
        source.content_type = page->content_type;
        Article article = ingest::ReadHtmlArticle(std::move(page->body), source, options_);
        // What the page does not say, the feed may.
        if (!item.id.empty()) article.source.id = item.id;
        if (!article.source.published && !item.published.empty()) article.source.published = item.published;
        if (!article.source.author && !item.author.empty()) article.source.author = item.author;
        ++report_.pages;
        update.taken.push_back(key);
        ready_.push_back(std::move(article));
        return;
      }
      failure = page.ok() ? Status(StatusCode::kUnsupported,
                                   (page->content_type.empty() ? "content without a type" : page->content_type) +
                                       ": not a web page")
                          : page.status();
    }
    if (watch_.feed_content_fallback && !Blank(item.content)) {
      Article article = FeedContentArticle(index);
      if (!link.empty()) article.source.url = link;
      ++report_.from_feed;
      if (!key.empty()) update.taken.push_back(key);
      ready_.push_back(std::move(article));
      return;
    }
    if (failure.ok()) failure = Status(StatusCode::kEmpty, "a feed item with neither a link nor content");
    ++report_.items_failed;
    int attempts = 1;
    if (known) {
      if (auto it = known->attempts.find(key); it != known->attempts.end()) attempts += it->second;
    }
    std::string message = failure.message();
    if (key.empty() || attempts >= watch_.max_attempts) {
      if (!key.empty()) update.taken.push_back(key);
      if (!key.empty() && watch_.max_attempts > 1) message += "; given up after " + std::to_string(attempts) + " rounds";
    } else {
      update.retry.push_back(key);
      message += "; will be tried again next round";
    }
    ready_.push_back(FetchErrorRecord(link.empty() ? update.url : link, Status(failure.code(), message)));
  }

  Fetcher& fetcher_;
  const fetch::WatchState& state_;
  const WatchOptions& watch_;
  const Options& options_;
  const std::vector<std::string>& feeds_;
  WatchReport& report_;
  std::vector<FeedUpdate>& updates_;
  const std::atomic<bool>* stop_;

  size_t next_feed_ = 0;
  // The feed being read: its items, the next one to take, its bytes and
  // address (for relative links and the items' own content).
  std::vector<ingest::FeedItem> items_;
  size_t item_ = 0;
  std::string feed_body_, feed_fetched_;
  Result<fetch::Url> feed_base_ = Status(StatusCode::kInvalidArgument, "no feed");
  std::optional<std::vector<Article>> feed_articles_;
  std::set<std::string> keys_this_round_;
  std::deque<Article> ready_;
  uint64_t bytes_read_ = 0;  // read by Ingest from the same thread as Next()
};

}  // namespace

struct FeedWatcher::State {
  Fetcher* fetcher;
  WatchOptions options;
  fetch::WatchState saved;
};

FeedWatcher::FeedWatcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
FeedWatcher::~FeedWatcher() = default;

Result<std::unique_ptr<FeedWatcher>> FeedWatcher::Create(Fetcher& fetcher, const WatchOptions& options) {
  if (options.state_path.empty()) return Status(StatusCode::kInvalidArgument, "no state file given");
  if (options.seen_per_feed == 0) return Status(StatusCode::kInvalidArgument, "seen_per_feed must be positive");
  Result<fetch::WatchState> saved = fetch::WatchState::Load(options.state_path);
  if (!saved.ok()) return saved.status();
  auto state = std::make_unique<State>(State{&fetcher, options, std::move(*saved)});
  return std::unique_ptr<FeedWatcher>(new FeedWatcher(std::move(state)));
}

Result<WatchReport> FeedWatcher::Round(const std::vector<std::string>& feeds, Store& store, const Options& options,
                                       const IngestOptions& ingest,
                                       const std::function<void(const IngestProgress&)>& on_progress,
                                       const std::function<void(const Article&)>& on_error,
                                       const std::atomic<bool>* stop) {
  WatchReport report;
  std::vector<FeedUpdate> updates;
  RoundInput input(*state_->fetcher, state_->saved, state_->options, options, feeds, report, updates, stop);
  Result<IngestReport> ingested = Ingest(input, store, options, ingest, on_progress, on_error);
  if (!ingested.ok()) return ingested.status();
  report.ingest = *ingested;

  for (const FeedUpdate& update : updates) {
    if (!update.read) continue;
    fetch::FeedState& feed = state_->saved.Feed(update.url);
    feed.checked = update.checked;
    for (const std::string& link : update.taken) feed.MarkSeen(link, state_->options.seen_per_feed);
    for (const std::string& link : update.retry) ++feed.attempts[link];
    // A feed with items left to try again, or not read to its end, is read
    // whole next round: its new validators would make it answer 304.
    if (update.complete && update.retry.empty()) {
      feed.etag = update.etag;
      feed.last_modified = update.last_modified;
    }
  }
  if (Status saved = state_->saved.Save(state_->options.state_path); !saved.ok()) return saved;
  return report;
}

Result<std::vector<std::string>> ReadFeedList(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot be opened");
  std::vector<std::string> feeds;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    size_t last = line.find_last_not_of(" \t\r");
    std::string url = line.substr(first, last - first + 1);
    if (Result<fetch::Url> parsed = fetch::ParseUrl(url); !parsed.ok()) {
      return Status(StatusCode::kInvalidArgument,
                    path + ":" + std::to_string(number) + ": " + parsed.status().message());
    }
    feeds.push_back(std::move(url));
  }
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read failed");
  return feeds;
}

}  // namespace veille
