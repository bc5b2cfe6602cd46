// Any bytes as a JSON Lines stream: the line reader, simdjson, the pipeline.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  ingest::JsonlReader reader(
      ingest::FromString(std::string(reinterpret_cast<const char*>(data), size)),
      "fuzz.jsonl", fuzz::FuzzOptions());
  uint64_t last_line = 0;
  while (auto article = reader.Next()) {
    VEILLE_FUZZ_CHECK(article->source.line && *article->source.line > last_line);
    last_line = *article->source.line;
    fuzz::SharedPipeline().Run(*article);
    fuzz::CheckArticle(*article);
  }
  return 0;
}
