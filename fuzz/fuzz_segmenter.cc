// Any text through the segmenter: tokens inside sentences, in order, and
// sentences within the token budget.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "text/cleaner.h"
#include "text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  static auto cleaner = std::move(text::TextCleaner::Create()).value();
  static auto segmenter = std::move(text::Segmenter::Create(fuzz::FuzzOptions())).value();
  // The segmenter reads clean text (valid UTF-8), as in the pipeline.
  CleanText clean = cleaner->Clean(
      std::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  segmenter->Segment(clean.text, &sentences, &tokens);
  uint32_t previous = 0;
  for (const Sentence& s : sentences) {
    VEILLE_FUZZ_CHECK(s.token_count > 0 && s.token_count <= fuzz::FuzzOptions().max_sentence_tokens);
    VEILLE_FUZZ_CHECK(s.clean.start >= previous && s.clean.end <= clean.text.size());
    previous = s.clean.end;
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      VEILLE_FUZZ_CHECK(t < tokens.size());
      VEILLE_FUZZ_CHECK(s.clean.Contains(tokens[t].clean) && !tokens[t].clean.empty());
    }
  }
  return 0;
}
