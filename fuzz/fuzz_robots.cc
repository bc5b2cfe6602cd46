// Any bytes as a robots.txt, with its first line as the path asked about:
// groups without a user agent, rules with runs of '*', percent-signs cut
// short. Parsing never fails and a decision always comes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/robots_txt.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view target = newline == std::string_view::npos ? input : input.substr(0, newline);
  std::string_view text = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  fetch::RobotsTxt robots = fetch::RobotsTxt::Parse(text, "veille");
  bool allowed = robots.Allowed(target);
  // A refusal always names the rule that refused.
  VEILLE_FUZZ_CHECK(allowed == robots.DisallowingRule(target).empty());
  if (auto delay = robots.crawl_delay()) VEILLE_FUZZ_CHECK(*delay >= 0);
  return 0;
}
