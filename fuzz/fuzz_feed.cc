// Any bytes as a feed: XML cut anywhere, entities that point outside or
// multiply, items without a channel. Every call ends with a feed or an error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  auto feed = ingest::ReadFeed(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!feed.ok()) return 0;
  for (const ingest::FeedItem& item : feed->items) {
    // Text comes from the input, never from entities: it cannot outgrow it.
    VEILLE_FUZZ_CHECK(item.content.size() <= size + 64 && item.title.size() <= size + 64);
  }
  return 0;
}
