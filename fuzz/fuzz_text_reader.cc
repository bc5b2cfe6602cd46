// Any bytes as a file: decompression, the plain-text reader, the pipeline.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/decompress.h"
#include "ingest/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  auto source = ingest::Decompress(
      ingest::FromString(std::string(reinterpret_cast<const char*>(data), size)));
  if (!source.ok()) return 0;
  Article article = ingest::ReadTextArticle(**source, "fuzz", fuzz::FuzzOptions());
  fuzz::SharedPipeline().Run(article);
  fuzz::CheckArticle(article);
  return 0;
}
