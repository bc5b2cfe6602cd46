// Read-only archive connections for the server's threads: a Store serves one
// thread at a time, so each request borrows one and gives it back. There
// are at most `size` of them: more requests than cores reading at once
// only queue inside SQLite or PostgreSQL instead of here, and each
// connection holds its own page cache.
#ifndef VEILLE_SERVER_STORE_POOL_H_
#define VEILLE_SERVER_STORE_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "veille/store.h"

namespace veille::server {

class StorePool {
 public:
  StorePool(std::string db, StoreOptions options, size_t size)
      : db_(std::move(db)), options_(options), size_(size) {}

  // A connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // An idle connection, a new one while there are fewer than `size`, else
  // the first one given back.
  Result<Lease> Borrow() {
    {
      std::unique_lock lock(mutex_);
      returned_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
      if (!idle_.empty()) {
        std::unique_ptr<Store> store = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(store));
      }
      ++open_;
    }
    Result<std::unique_ptr<Store>> store = Store::Open(db_, options_);
    if (!store.ok()) {
      std::lock_guard lock(mutex_);
      --open_;
      returned_.notify_one();
      return store.status();
    }
    return Lease(this, std::move(*store));
  }

 private:
  void Return(std::unique_ptr<Store> store) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(store));
    returned_.notify_one();
  }

  std::string db_;
  StoreOptions options_;
  size_t size_;
  size_t open_ = 0;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace veille::server

#endif  // VEILLE_SERVER_STORE_POOL_H_
