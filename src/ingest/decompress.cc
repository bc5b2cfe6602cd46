#include "ingest/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <string>
#include <vector>

namespace veille::ingest {
namespace {

constexpr size_t kInputChunk = 64 * 1024;

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> source)
      : source_(std::move(source)), input_(kInputChunk) {
    std::memset(&stream_, 0, sizeof stream_);
    // 15 + 32: the largest window, and gzip or zlib headers detected.
    ok_ = inflateInit2(&stream_, 15 + 32) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!ok_) return Status(StatusCode::kInternal, "zlib could not start");
    if (!pending_.ok()) return pending_;
    if (done_ || n == 0) return size_t{0};
    stream_.next_out = reinterpret_cast<Bytef*>(buf);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1 << 30));
    while (stream_.avail_out > 0) {
      if (stream_.avail_in == 0) {
        Result<size_t> got = source_->Read(input_.data(), input_.size());
        if (!got.ok()) return Fail(got.status(), n);
        if (*got == 0) {
          if (in_member_) return Fail(Status(StatusCode::kCorrupt, "gzip data is truncated"), n);
          done_ = true;
          break;
        }
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(*got);
      }
      if (!in_member_) {
        // Another member follows only if it starts with the gzip magic;
        // anything else after a complete member is ignored, as gzip -d does
        // with trailing zeros.
        if (stream_.next_in[0] != 0x1f) {
          done_ = true;
          break;
        }
        inflateReset(&stream_);
        in_member_ = true;
      }
      int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Fail(Status(StatusCode::kCorrupt,
                           std::string("gzip data is damaged: ") +
                               (stream_.msg ? stream_.msg : "inflate failed")),
                    n);
      } else if (rc == Z_BUF_ERROR && stream_.avail_in > 0) {
        return Fail(Status(StatusCode::kCorrupt, "gzip data is damaged"), n);
      }
    }
    return n - stream_.avail_out;
  }

 private:
  // The bytes inflated before an error are handed over first; the error
  // comes with the next read (the records before a cut stay readable).
  Result<size_t> Fail(Status status, size_t n) {
    size_t produced = n - stream_.avail_out;
    if (produced == 0) return status;
    pending_ = std::move(status);
    return produced;
  }

  std::unique_ptr<ByteSource> source_;
  std::vector<char> input_;
  z_stream stream_;
  bool ok_ = false;
  bool in_member_ = true;
  bool done_ = false;
  Status pending_;
};

class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> source)
      : source_(std::move(source)), input_(kInputChunk), stream_(ZSTD_createDStream()) {
    if (stream_) {
      ZSTD_DCtx_setParameter(stream_, ZSTD_d_windowLogMax, 25);
      ZSTD_initDStream(stream_);
    }
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!stream_) return Status(StatusCode::kInternal, "zstd could not start");
    if (!pending_.ok()) return pending_;
    if (done_ || n == 0) return size_t{0};
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos < out.size) {
      if (in_.pos == in_.size) {
        Result<size_t> got = source_->Read(input_.data(), input_.size());
        if (!got.ok()) return Fail(got.status(), out.pos);
        if (*got == 0) {
          if (in_frame_) return Fail(Status(StatusCode::kCorrupt, "zstd data is truncated"), out.pos);
          done_ = true;
          break;
        }
        in_ = {input_.data(), *got, 0};
      }
      size_t rc = ZSTD_decompressStream(stream_, &out, &in_);
      if (ZSTD_isError(rc)) {
        return Fail(Status(StatusCode::kCorrupt, std::string("zstd data is damaged: ") + ZSTD_getErrorName(rc)),
                    out.pos);
      }
      in_frame_ = rc != 0;
      // A frame ended and its output is flushed: hand it over before
      // reading more, so that the caller sees data as early as possible.
      if (rc == 0 && out.pos > 0) break;
    }
    return out.pos;
  }

 private:
  // As GzipSource::Fail: the bytes before an error first.
  Result<size_t> Fail(Status status, size_t produced) {
    if (produced == 0) return status;
    pending_ = std::move(status);
    return produced;
  }

  std::unique_ptr<ByteSource> source_;
  std::vector<char> input_;
  ZSTD_DStream* stream_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool in_frame_ = false;
  bool done_ = false;
  Status pending_;
};

}  // namespace

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

Result<std::unique_ptr<ByteSource>> Decompress(std::unique_ptr<ByteSource> source) {
  Result<std::string> head = ReadUpTo(*source, 4);
  if (!head.ok()) return head.status();
  Compression compression = DetectCompression(*head);
  auto whole = WithPrefix(std::move(*head), std::move(source));
  switch (compression) {
    case Compression::kGzip: return std::unique_ptr<ByteSource>(new GzipSource(std::move(whole)));
    case Compression::kZstd: return std::unique_ptr<ByteSource>(new ZstdSource(std::move(whole)));
    case Compression::kNone: break;
  }
  return whole;
}

}  // namespace veille::ingest
