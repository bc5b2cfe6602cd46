// FetchInput (veille/fetch.h): URLs in, articles out, fetched as they are
// pulled.
#include <atomic>
#include <deque>

#include "veille/fetch.h"

namespace veille {
namespace {

class FetchInputReader final : public InputReader {
 public:
  FetchInputReader(Fetcher& fetcher, std::vector<std::string> urls, const Options& options)
      : fetcher_(fetcher), urls_(urls.begin(), urls.end()), options_(options) {}

  std::optional<Article> Next() override {
    while (ready_.empty()) {
      if (urls_.empty()) return std::nullopt;
      std::string url = std::move(urls_.front());
      urls_.pop_front();
      Result<FetchedPage> page = fetcher_.Fetch(url);
      if (!page.ok()) return FetchErrorRecord(url, page.status());
      bytes_read_.fetch_add(page->body.size(), std::memory_order_relaxed);
      for (Article& article : FetchedArticles(*page, options_)) ready_.push_back(std::move(article));
    }
    Article next = std::move(ready_.front());
    ready_.pop_front();
    return next;
  }

  bool had_io_error() const override { return false; }
  uint64_t bytes_read() const override { return bytes_read_.load(std::memory_order_relaxed); }
  uint64_t bytes_total() const override { return 0; }  // unknown before fetching

 private:
  Fetcher& fetcher_;
  std::deque<std::string> urls_;
  Options options_;
  std::deque<Article> ready_;  // a feed's items, handed out one by one
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace

std::unique_ptr<InputReader> FetchInput(Fetcher& fetcher, std::vector<std::string> urls, const Options& options) {
  return std::make_unique<FetchInputReader>(fetcher, std::move(urls), options);
}

}  // namespace veille
