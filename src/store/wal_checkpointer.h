// Checkpoints an SQLite archive's write-ahead log on a thread of its own.
//
// SQLite's automatic checkpoint runs in the writer, after the commit that
// grows the log past 1,000 pages: the writer then copies the log into the
// archive and waits for two fsyncs before it can store the next batch. In a
// bulk ingest that is a third of storing time. Here the writer only signals;
// a second connection copies the log while the writer goes on. The writer
// still checkpoints itself when the log grows past kWriterPages, so the log
// stays bounded even if the thread falls behind (or a reader holds it up).
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace veille::store {

class WalCheckpointer {
 public:
  // Log pages (4 kB each) past which the thread is woken, and past which
  // the writer checkpoints itself.
  static constexpr int kThreadPages = 4096;
  static constexpr int kWriterPages = 65536;

  // Takes over `writer`'s checkpoints; `path` is its archive. Without a
  // connection of its own (it could not be opened), SQLite's automatic
  // checkpoint stays in place.
  WalCheckpointer(sqlite3* writer, const std::string& path, int busy_timeout_ms);
  // Stops the thread (after its current checkpoint) and gives the
  // checkpoints back to the writer, which checkpoints on close.
  ~WalCheckpointer();

  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int pages);
  void Run();

  sqlite3* writer_;
  sqlite3* own_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace veille::store
