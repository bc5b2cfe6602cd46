#include "fetch/url.h"

#include <unicode/bytestream.h>
#include <unicode/idna.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace veille::fetch {
namespace {

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Octets sent as they are in a request target: RFC 3986's unreserved and
// reserved characters and '%'. Everything else (controls, space, "<>\^`{|}
// and non-ASCII) is percent-encoded, as browsers do.
bool SentRaw(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
      return false;
    default:
      return true;
  }
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Status Invalid(std::string message) { return Status(StatusCode::kInvalidArgument, std::move(message)); }

// RFC 3986 §5.2.4: "/a/b/../c/./d" is "/a/c/d".
std::string RemoveDotSegments(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    if (path.starts_with("../")) {
      path.remove_prefix(3);
    } else if (path.starts_with("./")) {
      path.remove_prefix(2);
    } else if (path.starts_with("/./")) {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.starts_with("/../") || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      size_t next = path.find('/', 1);
      if (next == std::string_view::npos) next = path.size();
      out.append(path.substr(0, next));
      path.remove_prefix(next);
    }
  }
  return out;
}

// The host in ASCII: lower case, international names through IDNA
// (UTS #46, as browsers), so that "Exemple.FR" and "exemple.fr" are one host.
Result<std::string> NormaliseHost(std::string_view host) {
  if (host.empty()) return Invalid("no host");
  if (host.front() == '[') {
    if (host.back() != ']' || host.size() < 4) return Invalid("bad IPv6 address '" + std::string(host) + "'");
    for (char c : host.substr(1, host.size() - 2)) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') {
        return Invalid("bad IPv6 address '" + std::string(host) + "'");
      }
    }
    return Lower(host);
  }
  bool ascii = std::all_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string name;
  if (ascii) {
    name = Lower(host);
  } else {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::IDNA> idna(icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_ASCII, error));
    if (U_FAILURE(error)) return Invalid("international host names cannot be read here");
    icu::IDNAInfo info;
    icu::StringByteSink<std::string> sink(&name);
    idna->nameToASCII_UTF8(icu::StringPiece(host.data(), static_cast<int32_t>(host.size())), sink, info, error);
    if (U_FAILURE(error) || info.hasErrors()) return Invalid("bad host name '" + std::string(host) + "'");
  }
  if (name.back() == '.') name.pop_back();  // "example.com." is example.com
  if (name.empty()) return Invalid("no host");
  // Labels are never empty ("..", ".example.com"); found by fuzz_url.
  if (name.front() == '.' || name.back() == '.' || name.find("..") != std::string::npos) {
    return Invalid("bad host name '" + std::string(host) + "'");
  }
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '_') {
      return Invalid("bad host name '" + std::string(host) + "'");
    }
  }
  return name;
}

}  // namespace

std::string NormalisePercentEncoding(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      auto decoded = static_cast<unsigned char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      if (IsUnreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c == '%' || !SentRaw(c)) {
      // A '%' that starts no escape is a literal percent sign.
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Url::Origin() const {
  std::string origin = scheme + "://" + host;
  if (port != (scheme == "https" ? 443 : 80)) origin += ":" + std::to_string(port);
  return origin;
}

std::string Url::ToString() const { return Origin() + target; }

std::string_view Url::Path() const {
  std::string_view path = target;
  return path.substr(0, path.find('?'));
}

Result<Url> ParseUrl(std::string_view text) {
  // Surrounding white space is a copy-and-paste accident, not part of it.
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  std::string shown(text.substr(0, 200));
  size_t colon = text.find(':');
  bool has_scheme = colon != std::string_view::npos && colon > 0 &&
                    std::isalpha(static_cast<unsigned char>(text[0])) &&
                    std::all_of(text.begin(), text.begin() + colon, [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
                    });
  if (!has_scheme) return Invalid("'" + shown + "' is not an absolute URL (http://… or https://…)");
  Url url;
  url.scheme = Lower(text.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") {
    return Invalid("'" + shown + "': " + url.scheme + ": URLs are not fetched (only http:// and https://)");
  }
  std::string_view rest = text.substr(colon + 1);
  if (!rest.starts_with("//")) return Invalid("'" + shown + "' has no host (" + url.scheme + "://host/…)");
  rest.remove_prefix(2);
  size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (authority.find('@') != std::string_view::npos) {
    return Invalid("'" + shown + "' holds credentials (user@ or user:password@), which veille does not send");
  }
  std::string_view host = authority;
  std::string_view port;
  size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos && authority.find(']', port_colon) == std::string_view::npos) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  Result<std::string> normal_host = NormaliseHost(host);
  if (!normal_host.ok()) return Invalid("'" + shown + "': " + normal_host.status().message());
  url.host = std::move(*normal_host);
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(port)) == 0 || std::stoi(std::string(port)) > 65535) {
      return Invalid("'" + shown + "': bad port '" + std::string(port) + "'");
    }
    url.port = std::stoi(std::string(port));
  }
  std::string_view path_and_query = rest.substr(0, rest.find('#'));
  size_t question = path_and_query.find('?');
  std::string path = NormalisePercentEncoding(path_and_query.substr(0, question));
  if (path.empty()) path = "/";
  url.target = RemoveDotSegments(path);
  if (url.target.empty() || url.target[0] != '/') url.target.insert(0, "/");
  if (question != std::string_view::npos) {
    url.target += '?';
    url.target += NormalisePercentEncoding(path_and_query.substr(question + 1));
  }
  return url;
}

Result<Url> ResolveUrl(const Url& base, std::string_view reference) {
  while (!reference.empty() && static_cast<unsigned char>(reference.front()) <= 0x20) reference.remove_prefix(1);
  while (!reference.empty() && static_cast<unsigned char>(reference.back()) <= 0x20) reference.remove_suffix(1);
  reference = reference.substr(0, reference.find('#'));
  size_t colon = reference.find(':');
  size_t first_delimiter = reference.find_first_of("/?");
  bool absolute = colon != std::string_view::npos && colon > 0 &&
                  (first_delimiter == std::string_view::npos || colon < first_delimiter) &&
                  std::isalpha(static_cast<unsigned char>(reference[0]));
  if (absolute) return ParseUrl(reference);
  if (reference.starts_with("//")) return ParseUrl(base.scheme + ":" + std::string(reference));
  if (reference.empty()) return base;
  std::string target;
  if (reference.starts_with("/")) {
    target = reference;
  } else if (reference.starts_with("?")) {
    target = std::string(base.Path()) + std::string(reference);
  } else {
    std::string_view path = base.Path();
    target = std::string(path.substr(0, path.rfind('/') + 1)) + std::string(reference);
  }
  return ParseUrl(base.Origin() + target);
}

}  // namespace veille::fetch
