#include "veille/status.h"

#include <string>

namespace veille {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kTooLarge: return "too_large";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kBinary: return "binary";
    case StatusCode::kInvalidUtf8: return "invalid_utf8";
    case StatusCode::kInvalidJson: return "invalid_json";
    case StatusCode::kMissingField: return "missing_field";
    case StatusCode::kInvalidValue: return "invalid_value";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kNetworkError: return "network_error";
    case StatusCode::kTimeout: return "timeout";
    case StatusCode::kHttpError: return "http_error";
    case StatusCode::kDisallowed: return "disallowed";
    case StatusCode::kUnsupported: return "unsupported";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(StatusCodeName(code_));
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

}  // namespace veille
