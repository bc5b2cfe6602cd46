#include "veille/json_writer.h"

#include <unicode/utf8.h>

#include <cstdio>

namespace veille {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  out_ += '"';
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    uint8_t b = p[i];
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
      out_ += static_cast<char>(b);
      ++i;
      continue;
    }
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", b);
          out_ += buf;
        }
      }
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out_ += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out_.append(s.data() + start, i - start);
    }
  }
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::Number(uint64_t n) {
  Separate();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::Number(double x, int decimals) {
  Separate();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  out_ += buf;
  return *this;
}

}  // namespace veille
