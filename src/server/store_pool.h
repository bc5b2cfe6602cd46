// Read-only archive connections for the server's threads: a Store serves one
// thread at a time, so each request borrows one and gives it back.
#ifndef VEILLE_SERVER_STORE_POOL_H_
#define VEILLE_SERVER_STORE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "veille/store.h"

namespace veille::server {

class StorePool {
 public:
  StorePool(std::string db, StoreOptions options) : db_(std::move(db)), options_(options) {}

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

  // An idle connection, or a new one (the pool grows to the number of
  // threads that ask at once).
  Result<Lease> Borrow() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<Store> store = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(store));
      }
    }
    Result<std::unique_ptr<Store>> store = Store::Open(db_, options_);
    if (!store.ok()) return store.status();
    return Lease(this, std::move(*store));
  }

 private:
  void Return(std::unique_ptr<Store> store) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(store));
  }

  std::string db_;
  StoreOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace veille::server

#endif  // VEILLE_SERVER_STORE_POOL_H_
