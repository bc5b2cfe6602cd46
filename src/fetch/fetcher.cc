// Fetcher (veille/fetch.h): redirects, robots.txt and politeness over one
// HTTP GET at a time (fetch/http_get.h).
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "fetch/host_turns.h"
#include "fetch/http_get.h"
#include "fetch/robots_txt.h"
#include "fetch/url.h"
#include "veille/fetch.h"

#ifndef VEILLE_VERSION
#define VEILLE_VERSION "0.0.0"
#endif

namespace veille {
namespace {

using fetch::HttpAnswer;
using fetch::RobotsTxt;
using fetch::Url;
using std::chrono::milliseconds;

// A robots.txt that could not be read (5xx, no answer) is asked for again
// after this, sooner than a readable one: the outage may be brief.
constexpr std::chrono::seconds kRobotsRetryAfterFailure{600};
// The longest Retry-After a 429 or 503 answer is obeyed for.
constexpr std::chrono::seconds kMaxRetryAfter{3600};
// RFC 9309 §2.3.1.2: follow at least five redirects for robots.txt.
constexpr int kRobotsRedirects = 5;

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

std::string StatusText(int status) {
  static const std::map<int, const char*> kReasons = {
      {400, "Bad Request"},         {401, "Unauthorized"},        {403, "Forbidden"},
      {404, "Not Found"},           {405, "Method Not Allowed"},  {406, "Not Acceptable"},
      {408, "Request Timeout"},     {410, "Gone"},                {429, "Too Many Requests"},
      {451, "Unavailable For Legal Reasons"},                      {500, "Internal Server Error"},
      {501, "Not Implemented"},     {502, "Bad Gateway"},         {503, "Service Unavailable"},
      {504, "Gateway Timeout"}};
  std::string text = "HTTP " + std::to_string(status);
  if (auto it = kReasons.find(status); it != kReasons.end()) text += std::string(" (") + it->second + ")";
  return text;
}

std::string NowIso() {
  std::time_t now = std::time(nullptr);
  std::tm utc;
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

// The product token robots.txt groups are matched against: the user
// agent's first word ("veille" in "veille/0.1.0 (…)").
std::string ProductToken(const std::string& user_agent) {
  size_t end = 0;
  while (end < user_agent.size() &&
         (std::isalpha(static_cast<unsigned char>(user_agent[end])) || user_agent[end] == '_' ||
          user_agent[end] == '-')) {
    ++end;
  }
  return user_agent.substr(0, end);
}

// Retry-After in seconds (the HTTP-date form is rare and not read).
std::optional<std::chrono::seconds> RetryAfter(const std::string& value) {
  long seconds = 0;
  auto [ptr, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || seconds < 0) return std::nullopt;
  return std::min(std::chrono::seconds(seconds), std::chrono::duration_cast<std::chrono::seconds>(kMaxRetryAfter));
}

}  // namespace

std::string UserAgent(const std::string& contact) {
  std::string agent = "veille/" VEILLE_VERSION " (news monitoring; honours robots.txt";
  if (!contact.empty()) agent += "; +" + contact;
  return agent + ")";
}

struct Fetcher::State {
  FetchOptions options;
  std::string product;
  fetch::HostTurns turns;

  // What an origin's robots.txt says, read once and shared.
  struct Robots {
    RobotsTxt rules;
    std::string failure;  // why it could not be read; "" when it could
  };
  struct RobotsEntry {
    std::mutex mutex;  // held while it is fetched: one fetch per origin
    std::shared_ptr<const Robots> robots;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex robots_mutex;  // guards the map only
  std::map<std::string, std::shared_ptr<RobotsEntry>> robots;

  // One request in the host's turn, `delay` after the last one.
  Result<HttpAnswer> Request(const Url& url, fetch::HttpGetOptions get, milliseconds delay) {
    get.connect_timeout = options.connect_timeout;
    get.read_timeout = options.read_timeout;
    get.total_timeout = options.total_timeout;
    get.ca_file = options.ca_file;
    std::unique_ptr<fetch::HostTurns::Turn> turn = turns.Take(url.host, delay);
    Result<HttpAnswer> answer = fetch::HttpGet(url, get);
    if (answer.ok() && (answer->status == 429 || answer->status == 503)) {
      if (std::optional<std::chrono::seconds> pause = RetryAfter(answer->retry_after)) turn->Rest(*pause);
    }
    return answer;
  }

  std::shared_ptr<const Robots> ReadRobots(const Url& origin) {
    auto robots = std::make_shared<Robots>();
    Result<Url> url = fetch::ParseUrl(origin.Origin() + "/robots.txt");
    std::string name = "robots.txt of " + origin.Origin();
    for (int hop = 0; url.ok() && hop <= kRobotsRedirects; ++hop) {
      fetch::HttpGetOptions get;
      get.headers = {{"User-Agent", options.user_agent}, {"Accept", "text/plain, */*;q=0.5"}};
      get.max_bytes = fetch::kMaxRobotsTxtBytes;
      get.truncate = true;
      Result<HttpAnswer> answer = Request(*url, get, options.delay);
      if (!answer.ok()) {
        // §2.3.1.4: unreachable, so everything is off limits.
        robots->rules = RobotsTxt::DisallowAll();
        robots->failure = name + " could not be read (" + answer.status().message() + ")";
        return robots;
      }
      int status = answer->status;
      if (IsRedirect(status) && !answer->location.empty()) {
        url = fetch::ResolveUrl(*url, answer->location);
        continue;
      }
      if (status >= 200 && status <= 299) {
        robots->rules = RobotsTxt::Parse(answer->body, product);
      } else if (status >= 500 || status == 429) {
        robots->rules = RobotsTxt::DisallowAll();
        robots->failure = name + " could not be read (" + StatusText(status) + ")";
      } else {
        // §2.3.1.3: 4xx (and whatever else is no robots.txt) allows all.
        robots->rules = RobotsTxt::AllowAll();
      }
      return robots;
    }
    // Too many redirects or an unusable one: §2.3.1.2 lets it count as
    // unavailable, which allows all.
    robots->rules = RobotsTxt::AllowAll();
    return robots;
  }

  std::shared_ptr<const Robots> RobotsFor(const Url& url) {
    std::shared_ptr<RobotsEntry> entry;
    {
      std::lock_guard<std::mutex> lock(robots_mutex);
      std::shared_ptr<RobotsEntry>& slot = robots[url.Origin()];
      if (!slot) slot = std::make_shared<RobotsEntry>();
      entry = slot;
    }
    std::lock_guard<std::mutex> lock(entry->mutex);
    auto now = std::chrono::steady_clock::now();
    if (!entry->robots || now >= entry->expires) {
      entry->robots = ReadRobots(url);
      entry->expires = std::chrono::steady_clock::now() +
                       (entry->robots->failure.empty() ? options.robots_max_age
                                                       : std::min<std::chrono::seconds>(options.robots_max_age,
                                                                                        kRobotsRetryAfterFailure));
    }
    return entry->robots;
  }
};

Fetcher::Fetcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
Fetcher::~Fetcher() = default;

const FetchOptions& Fetcher::options() const { return state_->options; }

Result<std::unique_ptr<Fetcher>> Fetcher::Create(const FetchOptions& options) {
  auto invalid = [](std::string message) { return Status(StatusCode::kInvalidArgument, std::move(message)); };
  if (options.user_agent.empty() || options.user_agent.find_first_of("\r\n") != std::string::npos) {
    return invalid("the user agent must be one non-empty line");
  }
  if (ProductToken(options.user_agent).empty()) {
    return invalid("the user agent must start with a product name (veille/1.0 …), which robots.txt names");
  }
  if (options.connect_timeout.count() <= 0 || options.read_timeout.count() <= 0 ||
      options.total_timeout.count() <= 0) {
    return invalid("timeouts must be positive");
  }
  if (options.delay.count() < 0) return invalid("the delay between requests cannot be negative");
  if (options.max_bytes == 0) return invalid("the size cap must be positive");
  if (options.max_redirects < 0) return invalid("the number of redirects cannot be negative");
  // Writing to a connection the server has closed raises SIGPIPE, which
  // ends the process unless it is ignored; cpp-httplib's server ignores it,
  // its client does not. Left alone when the program handles it itself.
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) signal(SIGPIPE, SIG_IGN);
  auto state = std::make_unique<State>();
  state->options = options;
  state->product = ProductToken(options.user_agent);
  return std::unique_ptr<Fetcher>(new Fetcher(std::move(state)));
}

Result<FetchedPage> Fetcher::Fetch(const std::string& requested, const Validators& previous) {
  const FetchOptions& options = state_->options;
  Result<Url> url = fetch::ParseUrl(requested);
  if (!url.ok()) return url.status();
  FetchedPage page;
  page.requested_url = url->ToString();
  Url current = *url;
  std::set<std::string> visited = {current.ToString()};
  // Where an error happened, when redirects led away from the URL asked for.
  auto at = [&] { return current.ToString() == page.requested_url ? "" : " at " + current.ToString(); };
  for (int redirects = 0;; ++redirects) {
    milliseconds delay = options.delay;
    if (options.respect_robots) {
      std::shared_ptr<const State::Robots> robots = state_->RobotsFor(current);
      if (!robots->rules.Allowed(current.target)) {
        if (!robots->failure.empty()) {
          return Status(StatusCode::kDisallowed,
                        robots->failure + ": RFC 9309 says to fetch nothing there until it can be read");
        }
        return Status(StatusCode::kDisallowed, "robots.txt of " + current.host + " disallows " + current.target +
                                                   " (" + robots->rules.DisallowingRule(current.target) + ")");
      }
      if (std::optional<double> crawl_delay = robots->rules.crawl_delay()) {
        auto asked = milliseconds(static_cast<long long>(std::min(*crawl_delay, 86400.0) * 1000));
        delay = std::max(delay, std::min(asked, options.max_crawl_delay));
      }
    }
    fetch::HttpGetOptions get;
    get.max_bytes = options.max_bytes;
    get.headers = {{"User-Agent", options.user_agent},
                   {"Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                              "application/xml;q=0.9, */*;q=0.8"}};
    if (!previous.etag.empty()) get.headers.emplace_back("If-None-Match", previous.etag);
    if (!previous.last_modified.empty()) get.headers.emplace_back("If-Modified-Since", previous.last_modified);
    Result<HttpAnswer> answer = state_->Request(current, get, delay);
    if (!answer.ok()) return Status(answer.status().code(), answer.status().message() + at());
    int status = answer->status;
    if (IsRedirect(status)) {
      if (answer->location.empty()) {
        return Status(StatusCode::kHttpError, StatusText(status) + " without a Location header" + at());
      }
      if (redirects >= options.max_redirects) {
        return Status(StatusCode::kHttpError, "more than " + std::to_string(options.max_redirects) +
                                                  " redirects (the last to " + current.ToString() + ")");
      }
      Result<Url> next = fetch::ResolveUrl(current, answer->location);
      if (!next.ok()) {
        return Status(StatusCode::kHttpError, "redirected to an unusable URL" + at() + ": " + next.status().message());
      }
      if (!visited.insert(next->ToString()).second) {
        return Status(StatusCode::kHttpError,
                      "redirect loop: " + current.ToString() + " sends back to " + next->ToString());
      }
      current = std::move(*next);
      continue;
    }
    page.final_url = current.ToString();
    page.status = status;
    page.fetched_at = NowIso();
    page.content_type = answer->content_type;
    if (status == 304) {
      page.not_modified = true;
      page.etag = answer->etag.empty() ? previous.etag : answer->etag;
      page.last_modified = answer->last_modified.empty() ? previous.last_modified : answer->last_modified;
      return page;
    }
    if (status < 200 || status > 299) return Status(StatusCode::kHttpError, StatusText(status) + at());
    page.body = std::move(answer->body);
    page.etag = std::move(answer->etag);
    page.last_modified = std::move(answer->last_modified);
    return page;
  }
}

}  // namespace veille
