// Any bytes through cleaning: the offset map must stay exact.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "text/cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  static auto cleaner = std::move(text::TextCleaner::Create()).value();
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  CleanText clean = cleaner->Clean(raw, nullptr);
  VEILLE_FUZZ_CHECK(clean.raw_start.size() == clean.text.size());
  VEILLE_FUZZ_CHECK(clean.raw_end.size() == clean.text.size());
  for (size_t i = 0; i < clean.text.size(); ++i) {
    VEILLE_FUZZ_CHECK(clean.raw_start[i] <= clean.raw_end[i]);
    VEILLE_FUZZ_CHECK(clean.raw_end[i] <= size);
    if (i > 0) VEILLE_FUZZ_CHECK(clean.raw_start[i - 1] <= clean.raw_start[i]);
  }
  // The clean text is valid UTF-8, whatever came in.
  int32_t n = static_cast<int32_t>(clean.text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(clean.text.data(), i, n, c);
    VEILLE_FUZZ_CHECK(c >= 0);
  }
  return 0;
}
