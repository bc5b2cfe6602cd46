// Transparent decompression: gzip and zstd, recognised by their magic bytes.
#ifndef VEILLE_INGEST_DECOMPRESS_H_
#define VEILLE_INGEST_DECOMPRESS_H_

#include <memory>
#include <string_view>

#include "ingest/byte_source.h"

namespace veille::ingest {

enum class Compression { kNone, kGzip, kZstd };

// What the first bytes of a stream say about its compression.
Compression DetectCompression(std::string_view head);

// Returns `source` itself, or a stream of its decompressed bytes when it
// starts with a gzip (including concatenated members, as WARC files use) or
// zstd (any number of frames) header. Damaged or truncated data is an error
// of code corrupt from Read. The zstd window is capped at 32 MiB, so a
// hostile frame cannot demand more memory than that.
Result<std::unique_ptr<ByteSource>> Decompress(std::unique_ptr<ByteSource> source);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_DECOMPRESS_H_
