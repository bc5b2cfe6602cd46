// Any bytes as the text of an article, through the whole pipeline to the
// times stage, from seeds full of dates (fuzz/seeds/times): days that do
// not exist (le 99 janvier, 31 février), years of five digits, runs of
// digits, ranges that never close, "la même nuit" with no night before.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  Article article;
  article.source.path = "fuzz";
  article.source.format = "text";
  article.raw.assign(reinterpret_cast<const char*>(data), size);
  fuzz::SharedPipeline().Run(article);
  fuzz::CheckArticle(article);
  return 0;
}
