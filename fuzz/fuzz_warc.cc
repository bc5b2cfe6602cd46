// Any bytes as a WARC file, plain or gzipped: records whose lengths lie,
// header lines without end, HTTP messages cut anywhere, chunks that claim
// more than they hold. Every call must end, with records or errors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/decompress.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  auto source = ingest::Decompress(ingest::FromString(std::string(reinterpret_cast<const char*>(data), size)));
  if (!source.ok()) return 0;
  ingest::WarcReader reader(std::move(source).value(), 1 << 16);
  uint64_t last_offset = 0;
  bool first = true;
  // Each call reads at least one byte or ends: the loop is bounded by the input.
  for (size_t calls = 0; calls <= size + 1; ++calls) {
    auto next = reader.Next();
    if (!next.ok()) continue;
    if (!next->has_value()) return 0;
    const ingest::WarcRecord& record = **next;
    VEILLE_FUZZ_CHECK(first || record.offset > last_offset);
    VEILLE_FUZZ_CHECK(record.payload.size() <= (1u << 16) + size);
    first = false;
    last_offset = record.offset;
  }
  std::abort();  // a reader that neither advances nor ends
}
