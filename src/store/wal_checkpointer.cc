#include "store/wal_checkpointer.h"

namespace veille::store {

WalCheckpointer::WalCheckpointer(sqlite3* writer, const std::string& path, int busy_timeout_ms)
    : writer_(writer) {
  if (sqlite3_open_v2(path.c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    sqlite3_close_v2(own_);
    own_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(own_, busy_timeout_ms);
  // A connection finds the archive in WAL mode when it first reads it.
  if (sqlite3_exec(own_, "PRAGMA journal_mode", nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(own_);
    own_ = nullptr;
    return;
  }
  // Replaces the automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(writer_, &WalCheckpointer::OnCommit, this);
  thread_ = std::thread([this] { Run(); });
}

WalCheckpointer::~WalCheckpointer() {
  if (own_ == nullptr) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_close_v2(own_);
  sqlite3_wal_autocheckpoint(writer_, 1000);  // SQLite's default hook again
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* schema, int pages) {
  auto* checkpointer = static_cast<WalCheckpointer*>(self);
  if (pages >= kWriterPages) {
    // The thread is behind: the writer copies the rest itself, as SQLite
    // would. PASSIVE never waits for readers; the log restarts at the next
    // write once everything in it is in the archive.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (pages >= kThreadPages) {
    {
      std::lock_guard lock(checkpointer->mutex_);
      checkpointer->wanted_ = true;
    }
    checkpointer->wake_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    // Errors (a busy archive, a full disk) leave the log as it is: the
    // writer's own checkpoint, or the one on close, will meet them and say so.
    sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
}

}  // namespace veille::store
