#include "server/response_cache.h"

namespace veille::server {

void ResponseCache::ClearIfNot(const std::string& generation) {
  if (generation == generation_) return;
  recent_.clear();
  by_key_.clear();
  bytes_ = 0;
  generation_ = generation;
}

std::shared_ptr<const std::string> ResponseCache::Find(const std::string& key,
                                                       const std::string& generation) {
  if (!enabled()) return nullptr;
  std::lock_guard lock(mutex_);
  ClearIfNot(generation);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->answer;
}

void ResponseCache::Put(const std::string& key, const std::string& generation, std::string answer) {
  // An answer that would take more than an eighth of the budget is not
  // worth the answers it would push out.
  size_t size = key.size() + answer.size();
  if (!enabled() || size > max_bytes_ / 8) return;
  std::lock_guard lock(mutex_);
  // Made under an older generation than the cache's: already stale.
  if (generation != generation_) {
    if (!recent_.empty()) return;
    generation_ = generation;
  }
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    bytes_ -= it->second->key.size() + it->second->answer->size();
    recent_.erase(it->second);
    by_key_.erase(it);
  }
  recent_.push_front({key, std::make_shared<const std::string>(std::move(answer))});
  by_key_[key] = recent_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !recent_.empty()) {
    const Entry& last = recent_.back();
    bytes_ -= last.key.size() + last.answer->size();
    by_key_.erase(last.key);
    recent_.pop_back();
  }
}

}  // namespace veille::server
