#include "fetch/http_get.h"

#include <charconv>
#include <cstdio>

#include "fetch/httplib.h"

namespace veille::fetch {
namespace {

using Clock = std::chrono::steady_clock;

void SplitTimeout(std::chrono::milliseconds duration, time_t* sec, time_t* usec) {
  *sec = static_cast<time_t>(duration.count() / 1000);
  *usec = static_cast<time_t>(duration.count() % 1000 * 1000);
}

}  // namespace

std::string DescribeBytes(size_t bytes) {
  char buf[48];
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) {
    std::snprintf(buf, sizeof buf, "%zu MiB", bytes >> 20);
  } else if (bytes >= (size_t{1} << 10) && bytes % (size_t{1} << 10) == 0) {
    std::snprintf(buf, sizeof buf, "%zu KiB", bytes >> 10);
  } else {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  }
  return buf;
}

std::string DescribeSeconds(std::chrono::milliseconds duration) {
  char buf[32];
  long long ms = duration.count();
  if (ms % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "%lld s", ms / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%g s", static_cast<double>(ms) / 1000);
  }
  return buf;
}

Result<HttpAnswer> HttpGet(const Url& url, const HttpGetOptions& options) {
  httplib::Client client(url.Origin());
  if (!client.is_valid()) {
    return Status(StatusCode::kNetworkError, "cannot open a connection to " + url.Origin());
  }
  time_t sec, usec;
  SplitTimeout(options.connect_timeout, &sec, &usec);
  client.set_connection_timeout(sec, usec);
  SplitTimeout(options.read_timeout, &sec, &usec);
  client.set_read_timeout(sec, usec);
  client.set_write_timeout(sec, usec);
  // Redirects are the fetcher's (robots.txt and the delay apply to each);
  // the target is sent as Url normalised it (httplib's own encoding would
  // turn a query's '+' and ',' into something else).
  client.set_follow_location(false);
  client.set_url_encode(false);
  client.set_keep_alive(false);
  client.set_decompress(true);
  client.enable_server_certificate_verification(true);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file.c_str());

  httplib::Headers headers;
  for (const auto& [name, value] : options.headers) headers.emplace(name, value);
  // The body's budget counts decompressed bytes, so a compressed bomb is
  // cut like any other oversized answer.
  if (headers.find("Accept-Encoding") == headers.end()) headers.emplace("Accept-Encoding", "gzip, deflate, br");

  HttpAnswer answer;
  bool headers_read = false, too_large = false, too_long = false;
  const Clock::time_point start = Clock::now();
  Clock::time_point last_activity = start;
  auto on_headers = [&](const httplib::Response& response) {
    last_activity = Clock::now();
    headers_read = true;
    answer.status = response.status;
    answer.content_type = response.get_header_value("Content-Type");
    answer.etag = response.get_header_value("ETag");
    answer.last_modified = response.get_header_value("Last-Modified");
    answer.location = response.get_header_value("Location");
    answer.retry_after = response.get_header_value("Retry-After");
    // Only a 2xx answer's body is wanted: the others are cut after their
    // headers, whatever they would send.
    if (answer.status < 200 || answer.status > 299) return false;
    std::string length = response.get_header_value("Content-Length");
    size_t declared = 0;
    if (!options.truncate && !length.empty() &&
        std::from_chars(length.data(), length.data() + length.size(), declared).ec == std::errc() &&
        declared > options.max_bytes) {
      too_large = true;
      return false;
    }
    return true;
  };
  auto on_body = [&](const char* data, size_t size) {
    last_activity = Clock::now();
    if (last_activity - start > options.total_timeout) {
      too_long = true;
      return false;
    }
    if (answer.body.size() + size > options.max_bytes) {
      if (options.truncate) {
        answer.body.append(data, options.max_bytes - answer.body.size());
        answer.truncated = true;
      } else {
        too_large = true;
      }
      return false;
    }
    answer.body.append(data, size);
    return true;
  };
  httplib::Result result = client.Get(url.target, headers, on_headers, on_body);
  httplib::Error error = result.error();
  if (error == httplib::Error::Success) return answer;
  std::string where = url.host + ":" + std::to_string(url.port);
  switch (error) {
    case httplib::Error::Canceled:
      if (too_large) {
        return Status(StatusCode::kTooLarge, "larger than " + DescribeBytes(options.max_bytes));
      }
      if (too_long) {
        return Status(StatusCode::kTimeout,
                      "took longer than " + DescribeSeconds(options.total_timeout) + " in all");
      }
      if (headers_read) return answer;  // cut on purpose: a redirect, an error, the budget
      return Status(StatusCode::kInternal, "request to " + where + " cancelled");
    case httplib::Error::Connection:
      return Status(StatusCode::kNetworkError,
                    "could not connect to " + where + " (unknown host, refused or unreachable)");
    case httplib::Error::ConnectionTimeout:
      return Status(StatusCode::kTimeout, "could not connect to " + where + " within " +
                                              DescribeSeconds(options.connect_timeout));
    case httplib::Error::Read:
    case httplib::Error::Write: {
      // httplib says "read failed" both when the server went quiet and when
      // it hung up: the clock tells which.
      auto quiet = Clock::now() - last_activity;
      if (quiet + std::chrono::milliseconds(100) >= options.read_timeout) {
        return Status(StatusCode::kTimeout, "timed out after " + DescribeSeconds(options.read_timeout) +
                                                " without an answer from " + where);
      }
      return Status(StatusCode::kNetworkError, std::string("the connection to ") + where + " broke (" +
                                                   (error == httplib::Error::Read ? "read" : "write") +
                                                   " failed)");
    }
    case httplib::Error::SSLConnection:
      return Status(StatusCode::kNetworkError, "the TLS handshake with " + where + " failed");
    case httplib::Error::SSLLoadingCerts:
      return Status(StatusCode::kNetworkError,
                    "could not load the CA certificates" +
                        (options.ca_file.empty() ? std::string(" of the system") : " of " + options.ca_file));
    case httplib::Error::SSLServerVerification:
      return Status(StatusCode::kNetworkError, "the certificate of " + where +
                                                   " is not trusted (unknown authority, expired, or for another host)");
    case httplib::Error::Compression:
      return Status(StatusCode::kCorrupt, "the compressed answer of " + where + " is damaged");
    default:
      return Status(StatusCode::kNetworkError, "request to " + where + " failed (" + httplib::to_string(error) + ")");
  }
}

}  // namespace veille::fetch
