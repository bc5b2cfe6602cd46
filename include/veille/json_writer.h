// A small streaming JSON writer: the article records, and every other JSON
// that veille prints.
//
// Why not nlohmann-json, which the project uses elsewhere: an article record
// holds thousands of spans, and building a DOM of small objects first costs
// more than the analysis of a short article. This writer appends straight to
// a string, keeps keys in the documented order, and repairs invalid UTF-8.
#ifndef VEILLE_JSON_WRITER_H_
#define VEILLE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

// Not thread-safe; one writer per record. Misuse (a value without a key in an
// object) is the caller's bug: the writer does not check nesting.
class JsonWriter {
 public:
  JsonWriter& BeginObject() { Separate(); out_ += '{'; first_.push_back(true); return *this; }
  JsonWriter& EndObject() { out_ += '}'; first_.pop_back(); return *this; }
  JsonWriter& BeginArray() { Separate(); out_ += '['; first_.push_back(true); return *this; }
  JsonWriter& EndArray() { out_ += ']'; first_.pop_back(); return *this; }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view utf8);  // invalid UTF-8 becomes U+FFFD
  JsonWriter& Number(uint64_t n);
  JsonWriter& Number(double x, int decimals);
  JsonWriter& Bool(bool b) { Separate(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& Null() { Separate(); out_ += "null"; return *this; }

  std::string& str() { return out_; }

 private:
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no comma before the first
  bool after_key_ = false;
};

}  // namespace veille

#endif  // VEILLE_JSON_WRITER_H_
