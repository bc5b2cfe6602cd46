// One HTTP GET, no more: no redirect followed, no robots.txt, no waiting.
// The fetcher (veille/fetch.h) builds politeness on top. The only place
// the library talks to cpp-httplib.
#ifndef VEILLE_FETCH_HTTP_GET_H_
#define VEILLE_FETCH_HTTP_GET_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "fetch/url.h"
#include "veille/status.h"

namespace veille::fetch {

struct HttpGetOptions {
  std::vector<std::pair<std::string, std::string>> headers;  // User-Agent, If-None-Match…
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds total_timeout{300'000};
  size_t max_bytes = 16u << 20;  // the body's budget, after decompression (Options::max_page_bytes)
  // Over max_bytes: false fails with too_large; true keeps the first
  // max_bytes and says so (robots.txt is read that way).
  bool truncate = false;
  std::string ca_file;  // empty: the system's CA store
};

struct HttpAnswer {
  int status = 0;
  std::string content_type, etag, last_modified, location, retry_after;
  // Read only for 2xx answers; the others are cut after their headers.
  std::string body;
  bool truncated = false;
};

// Fails with network_error, timeout or too_large; any HTTP status is an
// answer.
Result<HttpAnswer> HttpGet(const Url& url, const HttpGetOptions& options);

// "32 MiB", "1.5 KiB", "700 bytes"; "10 s", "0.3 s": for messages.
std::string DescribeBytes(size_t bytes);
std::string DescribeSeconds(std::chrono::milliseconds duration);

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_HTTP_GET_H_
