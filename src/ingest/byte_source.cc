#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace veille::ingest {
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, bool owned, std::string path, std::atomic<uint64_t>* counter)
      : fd_(fd), owned_(owned), path_(std::move(path)), counter_(counter) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) {
        if (counter_) counter_->fetch_add(static_cast<uint64_t>(got), std::memory_order_relaxed);
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      return Status(StatusCode::kIoError, path_ + ": " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string path_;
  std::atomic<uint64_t>* counter_;
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, take);
    pos_ += take;
    return take;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t take = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, take);
      pos_ += take;
      return take;
    }
    return rest_->Read(buf, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFile(const std::string& path,
                                             std::atomic<uint64_t>* counter) {
  if (path == "-") {
    return std::unique_ptr<ByteSource>(new FileSource(STDIN_FILENO, false, "-", counter));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    StatusCode code = errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError;
    return Status(code, path + ": " + std::strerror(errno));
  }
  return std::unique_ptr<ByteSource>(new FileSource(fd, true, path, counter));
}

std::unique_ptr<ByteSource> FromString(std::string bytes) {
  return std::make_unique<StringSource>(std::move(bytes));
}

std::unique_ptr<ByteSource> WithPrefix(std::string prefix,
                                       std::unique_ptr<ByteSource> source) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(source));
}

Result<std::string> ReadUpTo(ByteSource& source, size_t n) {
  std::string out;
  // Read through a buffer rather than into a zero-filled string: most
  // articles are a few kilobytes, far below the chunk size.
  char chunk[16 * 1024];
  while (out.size() < n) {
    size_t want = std::min(sizeof chunk, n - out.size());
    Result<size_t> got = source.Read(chunk, want);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    out.append(chunk, *got);
  }
  return out;
}

std::string ReadSome(ByteSource& source, size_t n, Status& error) {
  std::string out;
  char chunk[16 * 1024];
  while (out.size() < n) {
    Result<size_t> got = source.Read(chunk, std::min(sizeof chunk, n - out.size()));
    if (!got.ok()) {
      error = got.status();
      break;
    }
    if (*got == 0) break;
    out.append(chunk, *got);
  }
  return out;
}

namespace {

class FailingSource final : public ByteSource {
 public:
  explicit FailingSource(Status status) : status_(std::move(status)) {}
  Result<size_t> Read(char*, size_t) override { return status_; }

 private:
  Status status_;
};

}  // namespace

std::unique_ptr<ByteSource> Failing(Status status) {
  return std::make_unique<FailingSource>(std::move(status));
}

}  // namespace veille::ingest
