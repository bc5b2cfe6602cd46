#include "fetch/robots_txt.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "fetch/url.h"

namespace veille::fetch {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kOther };

// The keys, case-insensitively, with the misspellings Google's parser also
// accepts for them: site owners write these files by hand.
Key ReadKey(std::string_view key) {
  std::string k = Lower(key);
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" || k == "diasllow" ||
      k == "disallaw") {
    return Key::kDisallow;
  }
  if (k == "crawl-delay" || k == "crawldelay" || k == "crawl delay") return Key::kCrawlDelay;
  return Key::kOther;
}

// A user-agent line's product token: the run of letters, '_' and '-' it
// starts with ("Googlebot/2.1" is googlebot), lower case; "*" for the
// wildcard.
std::string ProductToken(std::string_view value) {
  if (value.starts_with("*")) return "*";
  size_t end = 0;
  while (end < value.size() && (std::isalpha(static_cast<unsigned char>(value[end])) || value[end] == '_' ||
                                value[end] == '-')) {
    ++end;
  }
  return Lower(value.substr(0, end));
}

struct Group {
  std::vector<std::string> agents;
  std::vector<std::pair<std::string, bool>> rules;  // pattern, allow
  std::optional<double> crawl_delay;
};

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  constexpr size_t kNone = std::string_view::npos;
  size_t p = 0, s = 0, star = kNone, star_s = 0;
  while (s < path.size()) {
    if (p == pattern.size() && !anchored) return true;  // a prefix is enough
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != kNone) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

RobotsTxt RobotsTxt::AllowAll() { return RobotsTxt(); }

RobotsTxt RobotsTxt::DisallowAll() {
  RobotsTxt robots;
  robots.disallow_all_ = true;
  return robots;
}

RobotsTxt RobotsTxt::Parse(std::string_view text, std::string_view product) {
  if (text.size() >= kMaxRobotsTxtBytes) {
    // Cut at the limit, the last line may be half a rule ("Disallow: /"
    // of "Disallow: /drafts"): it is dropped.
    text = text.substr(0, kMaxRobotsTxtBytes);
    text = text.substr(0, text.find_last_of("\r\n") + 1);
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Group> groups;
  // True while the lines read since the last rule are user-agent lines: a
  // group is the run of user-agent lines and the rules after it (§2.1).
  bool reading_agents = false;
  while (!text.empty()) {
    size_t end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = Trim(line.substr(0, line.find('#')));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    Key key = ReadKey(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent:
        if (!reading_agents) groups.emplace_back();
        groups.back().agents.push_back(ProductToken(value));
        reading_agents = true;
        break;
      case Key::kAllow:
      case Key::kDisallow: {
        reading_agents = false;
        // Rules before any user-agent line belong to no group.
        if (groups.empty() || value.empty()) break;  // an empty rule says nothing
        std::string pattern = NormalisePercentEncoding(value);
        if (pattern[0] != '/' && pattern[0] != '*') pattern.insert(0, "/");
        groups.back().rules.emplace_back(std::move(pattern), key == Key::kAllow);
        break;
      }
      case Key::kCrawlDelay: {
        reading_agents = false;
        if (groups.empty()) break;
        double seconds = 0;
        auto [ptr, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (error == std::errc() && std::isfinite(seconds) && seconds >= 0 && !groups.back().crawl_delay) {
          groups.back().crawl_delay = seconds;
        }
        break;
      }
      case Key::kOther:  // Sitemap and the like: no bearing on groups
        break;
    }
  }

  // The groups that name the crawler, all of them merged (§2.2.1); else
  // those of `*`.
  std::string token = Lower(product);
  RobotsTxt robots;
  for (std::string_view wanted : {std::string_view(token), std::string_view("*")}) {
    bool found = false;
    for (const Group& group : groups) {
      if (std::find(group.agents.begin(), group.agents.end(), wanted) == group.agents.end()) continue;
      found = true;
      for (const auto& [pattern, allow] : group.rules) robots.rules_.push_back({pattern, allow});
      if (!robots.crawl_delay_) robots.crawl_delay_ = group.crawl_delay;
    }
    if (found) break;
  }
  return robots;
}

const RobotsTxt::Rule* RobotsTxt::Decide(std::string_view target) const {
  std::string path = NormalisePercentEncoding(target);
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    // The longest pattern wins (§2.2.2); between equals, the least
    // restrictive, Allow.
    if (!best || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow && !best->allow)) {
      best = &rule;
    }
  }
  return best;
}

bool RobotsTxt::Allowed(std::string_view target) const {
  if (target == "/robots.txt") return true;  // §2.2.2
  if (disallow_all_) return false;
  const Rule* rule = Decide(target);
  return !rule || rule->allow;
}

std::string RobotsTxt::DisallowingRule(std::string_view target) const {
  if (Allowed(target)) return "";
  if (disallow_all_) return "everything";
  return "Disallow: " + Decide(target)->pattern;
}

}  // namespace veille::fetch
