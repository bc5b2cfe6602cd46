// robots.txt as RFC 9309 (the Robots Exclusion Protocol) reads it: the
// rules of the group that names the crawler's product token, else of the
// `*` group; the longest matching rule decides, Allow winning a tie; `*`
// matches any run of characters and a final `$` the end of the path.
// Crawl-delay, not in the RFC but written by many sites, is read too.
//
// Immutable once parsed: safe to share between threads.
#ifndef VEILLE_FETCH_ROBOTS_TXT_H_
#define VEILLE_FETCH_ROBOTS_TXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veille::fetch {

// RFC 9309 §2.5: a crawler must read at least the first 500 KiB of a
// robots.txt; what lies beyond may be ignored, and is.
inline constexpr size_t kMaxRobotsTxtBytes = 500 * 1024;

class RobotsTxt {
 public:
  // The rules `text` gives the crawler whose product token is `product`
  // ("veille"; compared case-insensitively). Never fails: lines that cannot
  // be read are skipped, as the RFC asks.
  static RobotsTxt Parse(std::string_view text, std::string_view product);
  // What a robots.txt answered with 4xx means (§2.3.1.3): no rules.
  static RobotsTxt AllowAll();
  // What an unreachable robots.txt (5xx, network failure) means
  // (§2.3.1.4): nothing may be fetched.
  static RobotsTxt DisallowAll();

  // Whether `target` (a URL's path and query, as Url::target holds it) may
  // be fetched. /robots.txt itself always may.
  bool Allowed(std::string_view target) const;
  // The rule that forbids `target` ("Disallow: /private"), "" when allowed;
  // for messages.
  std::string DisallowingRule(std::string_view target) const;

  // The Crawl-delay of the group that applies, in seconds, when it gives one.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;  // percent-encoding normalised; may hold '*' and a final '$'
    bool allow = false;
  };
  // The deciding rule for `target`, or null when none matches.
  const Rule* Decide(std::string_view target) const;

  std::vector<Rule> rules_;
  bool disallow_all_ = false;
  std::optional<double> crawl_delay_;
};

// Whether `pattern` (with '*' wildcards and an optional final '$') matches
// the start of `path` (or all of it, with '$'). Linear in practice: the
// greedy match with one backtracking point (the last '*').
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_ROBOTS_TXT_H_
