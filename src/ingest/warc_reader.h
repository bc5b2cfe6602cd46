// WARC files (ISO 28500: WARC/1.0 and 1.1), as web archives and Common
// Crawl's CC-NEWS write them: a sequence of records, each a block of named
// header lines, a blank line, Content-Length bytes, and a blank line; the
// whole file plain or gzip-compressed record by record (Decompress reads
// both). Written on zlib, as no packaged library keeps the WARC headers.
//
// A record's length may lie and the last record may be cut off: a broken
// record is an error for that record, and the reader finds the next one.
#ifndef VEILLE_INGEST_WARC_READER_H_
#define VEILLE_INGEST_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/byte_source.h"
#include "veille/status.h"

namespace veille::ingest {

using HeaderFields = std::vector<std::pair<std::string, std::string>>;

struct WarcRecord {
  uint64_t offset = 0;       // where the record starts, in the uncompressed stream
  std::string version;       // "WARC/1.0", "WARC/1.1"
  HeaderFields headers;      // as written, in order
  std::string type;          // WARC-Type: "response", "resource", "request", "warcinfo"…
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date (ISO 8601)
  std::string content_type;  // Content-Type of the block
  // A response holding an HTTP message ("application/http"): its status
  // and headers, and its body as `payload`. Any other record: the block.
  int http_status = 0;
  HeaderFields http_headers;
  std::string payload;
  // The block was longer than the reader's budget: `payload` is empty.
  bool too_large = false;

  // The first value of a header, by name compared case-insensitively; ""
  // when absent.
  static std::string_view Find(const HeaderFields& fields, std::string_view name);
};

class WarcReader {
 public:
  // Blocks longer than `max_block_bytes` are skipped over (read, not kept)
  // and their records marked too_large.
  WarcReader(std::unique_ptr<ByteSource> source, size_t max_block_bytes);

  // The next record; std::nullopt at the end of the file. A broken record
  // (a bad first line, a length that lies, a cut-off end) is an error of
  // code corrupt naming its offset; the next call goes on from the next
  // record that can be found. An error of the source itself is final.
  Result<std::optional<WarcRecord>> Next();

 private:
  // Makes at least `n` bytes available from pos_ if the stream has them;
  // false at the end.
  Result<bool> Fill(size_t n);
  // Skips to the next line starting "WARC/1." after a broken record.
  Result<bool> Resynchronise();
  Result<std::string> ReadLine(size_t limit);

  std::unique_ptr<ByteSource> source_;
  size_t max_block_bytes_;
  std::string buffer_;
  size_t pos_ = 0;           // next unread byte in buffer_
  uint64_t consumed_ = 0;    // bytes of the stream before buffer_[0]
  bool ended_ = false;       // the source has no more bytes
  bool failed_ = false;      // the source failed: nothing more to read
  bool resync_ = false;      // the last record was broken: find the next one first
};

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_WARC_READER_H_
