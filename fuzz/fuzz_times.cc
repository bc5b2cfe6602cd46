// Any bytes as the text of an article, through the whole pipeline to the
// times stage, from seeds full of dates (fuzz/seeds/times): days that do
// not exist (le 99 janvier, 31 février), years of five digits, runs of
// digits, ranges that never close, "la même nuit" with no night before.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"

// The pipeline without names and quotations: the fuzzer's time goes to the
// times stage (fuzz_quotes runs the whole pipeline).
const veille::Pipeline& TimesPipeline() {
  static std::unique_ptr<veille::Pipeline> pipeline = [] {
    veille::Options options = veille::fuzz::FuzzOptions();
    options.tagger_model = "none";
    options.knowledge_base = "none";
    options.quotes = false;
    auto created = veille::Pipeline::Create(options);
    if (!created.ok()) std::abort();
    return std::move(created).value();
  }();
  return *pipeline;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  Article article;
  article.source.path = "fuzz";
  article.source.format = "text";
  article.raw.assign(reinterpret_cast<const char*>(data), size);
  TimesPipeline().Run(article);
  fuzz::CheckArticle(article);
  return 0;
}
