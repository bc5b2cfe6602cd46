// Any bytes as a URL, and as a link found in a page at a known URL:
// schemes, ports, percent-signs and dot segments as they come. Each call
// ends with a URL or an error, and a URL parses again to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/url.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto url = fetch::ParseUrl(input); url.ok()) {
    auto again = fetch::ParseUrl(url->ToString());
    VEILLE_FUZZ_CHECK(again.ok() && again->ToString() == url->ToString());
  }
  static const auto base = fetch::ParseUrl("https://www.example.fr/monde/article.html?id=3");
  if (auto resolved = fetch::ResolveUrl(*base, input); resolved.ok()) {
    VEILLE_FUZZ_CHECK(fetch::ParseUrl(resolved->ToString()).ok());
  }
  return 0;
}
