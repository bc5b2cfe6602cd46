// Byte sources: where the readers get their bytes from.
#ifndef VEILLE_INGEST_BYTE_SOURCE_H_
#define VEILLE_INGEST_BYTE_SOURCE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "veille/status.h"

namespace veille::ingest {

// A forward-only stream of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 means the end. An error is final.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// A file, or standard input for "-". Fails with not_found or io_error.
// When `counter` is given, every byte read is added to it (progress).
Result<std::unique_ptr<ByteSource>> OpenFile(const std::string& path,
                                             std::atomic<uint64_t>* counter = nullptr);

// Bytes from memory (tests, fuzzers). The source keeps its own copy.
std::unique_ptr<ByteSource> FromString(std::string bytes);

// Serves `prefix` first, then the rest of `source`: lets a reader look at the
// first bytes (magic numbers, the first character) without losing them.
std::unique_ptr<ByteSource> WithPrefix(std::string prefix,
                                       std::unique_ptr<ByteSource> source);

// Reads up to `n` bytes (fewer only at the end of the stream).
Result<std::string> ReadUpTo(ByteSource& source, size_t n);

// Reads up to `n` bytes and keeps what came before an error, which goes to
// `error`: the first records of a truncated gzip file are still readable.
std::string ReadSome(ByteSource& source, size_t n, Status& error);

// A source whose reads all fail with `status`: what follows a partial read.
std::unique_ptr<ByteSource> Failing(Status status);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_BYTE_SOURCE_H_
