// Errors as values: a Status says whether an operation worked and, if not, why.
// No exception crosses the library boundary; every fallible call returns a
// Status or a Result<T>.
#ifndef VEILLE_STATUS_H_
#define VEILLE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace veille {

// The documented set of error codes. Each maps to the `code` string written in
// an article's `errors` list (see docs/SCHEMA.md), so the set is part of the
// output contract: add codes, never rename them.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a caller passed something unusable (bad option value)
  kNotFound,         // a path or resource does not exist
  kIoError,          // reading or writing failed (permissions, device)
  kTooLarge,         // a budget was crossed (article bytes, line length)
  kEmpty,            // the input holds no text at all
  kBinary,           // the input is not text (NUL bytes, mostly undecodable)
  kInvalidUtf8,      // bytes were not UTF-8; replaced for analysis
  kInvalidJson,      // a JSON Lines record could not be parsed
  kMissingField,     // a JSON Lines record lacks its `text`
  kInvalidValue,     // a field has a value of the wrong form (bad date)
  kCorrupt,          // compressed data is truncated or damaged
  kInternal,         // a bug in veille: please report it
  // Fetching (veille/fetch.h).
  kNetworkError,     // no connection to the server, or it broke (DNS, refused, TLS)
  kTimeout,          // the server did not answer in time
  kHttpError,        // an HTTP error status, too many redirects, a redirect loop
  kDisallowed,       // robots.txt forbids fetching the URL
  kUnsupported,      // fetched content veille does not read (an image, a PDF)
};

// The stable snake_case name of a code, as written in JSON output.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_json: line 3: expected ..." — for logs and stderr.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  // Precondition: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace veille

#endif  // VEILLE_STATUS_H_
