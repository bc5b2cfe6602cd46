// Absolute http(s) URLs as the fetcher needs them: scheme, host, port and
// request target, normalised so that two spellings of one URL compare equal
// (lower-case scheme and host, default port left out, dot segments removed,
// bytes a request line cannot carry percent-encoded), and references
// (a redirect's Location, a feed item's link) resolved against a base as
// RFC 3986 §5.2 says.
#ifndef VEILLE_FETCH_URL_H_
#define VEILLE_FETCH_URL_H_

#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille::fetch {

struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case, ASCII (IDNA); an IPv6 literal keeps its brackets
  int port = 0;        // as written, else 80 or 443
  std::string target;  // path and query, percent-encoded, starting with '/'; no fragment

  // "https://example.com" or "http://example.com:8080": what robots.txt
  // belongs to (RFC 9309 §2.3: one file per scheme, host and port).
  std::string Origin() const;
  // The whole URL, normalised: Origin() + target.
  std::string ToString() const;
  // The path without its query.
  std::string_view Path() const;
};

// Parses an absolute URL. Fails with invalid_argument, saying why, for what
// is not one, for a scheme other than http and https, and for credentials
// in the URL (user:password@), which veille never sends.
Result<Url> ParseUrl(std::string_view text);

// Resolves `reference` (absolute, "//host/…", "/path", "?query", "path")
// against `base`; fails as ParseUrl does when the result is not an http(s)
// URL.
Result<Url> ResolveUrl(const Url& base, std::string_view reference);

// Percent-encoding made canonical, as robots.txt matching wants it (RFC 9309
// §2.2.2): octets a URL cannot carry raw (controls, space, non-ASCII, "<>
// and the like) encoded, escapes of unreserved characters decoded, hex
// digits upper case. '*' and '$' are left alone.
std::string NormalisePercentEncoding(std::string_view text);

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_URL_H_
