// Any bytes as the text of an article, through the whole pipeline to the
// quotes stage, from seeds full of quotation marks, dashes and reporting
// verbs (fuzz/seeds/quotes): marks that never close, close before they
// open, nest forty deep; incises without a verb; "selon" at the end.
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
