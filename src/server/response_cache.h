// Answers of the API's read-only endpoints, kept for as long as the archive
// does not change (Store::Generation): an analyst goes back and forth
// between a search, its articles and the people they name, and a team
// shares the same queries.
#ifndef VEILLE_SERVER_RESPONSE_CACHE_H_
#define VEILLE_SERVER_RESPONSE_CACHE_H_

#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace veille::server {

class ResponseCache {
 public:
  // At most `max_bytes` of answers; 0 keeps none.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool enabled() const { return max_bytes_ > 0; }

  // The answer kept for `key` under `generation`. A new generation empties
  // the cache first.
  std::shared_ptr<const std::string> Find(const std::string& key, const std::string& generation);

  // Keeps an answer made under `generation`, dropping the least recently
  // used ones to stay within the budget.
  void Put(const std::string& key, const std::string& generation, std::string answer);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> answer;
  };
  void ClearIfNot(const std::string& generation);

  size_t max_bytes_;
  size_t bytes_ = 0;
  std::string generation_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::mutex mutex_;
};

}  // namespace veille::server

#endif  // VEILLE_SERVER_RESPONSE_CACHE_H_
