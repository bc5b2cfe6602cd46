#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <cstring>

namespace veille::ingest {
namespace {

constexpr size_t kReadChunk = 256 * 1024;

Article ErrorRecord(const std::string& path, uint64_t line, StatusCode code,
                    std::string message) {
  Article article;
  article.source.path = path;
  article.source.format = "jsonl";
  article.source.line = line;
  article.AddError(code, std::move(message));
  return article;
}

// Reads an optional string field; numbers are kept as their JSON text (ids).
// Returns false when the value has a type the field cannot take.
bool ReadStringField(simdjson::dom::element value, bool allow_number,
                     std::optional<std::string>* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      out->reset();
      return true;
    case simdjson::dom::element_type::STRING:
      *out = std::string(value.get_string().value_unsafe());
      return true;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
      if (!allow_number) return false;
      *out = simdjson::minify(value);
      return true;
    default:
      return false;
  }
}

Article ParseRecord(simdjson::dom::parser& parser, std::string_view line,
                    const std::string& path, uint64_t line_number) {
  simdjson::dom::element doc;
  if (auto error = parser.parse(line.data(), line.size(), true).get(doc)) {
    return ErrorRecord(path, line_number, StatusCode::kInvalidJson,
                       "line " + std::to_string(line_number) + ": " +
                           simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (doc.get_object().get(object)) {
    return ErrorRecord(path, line_number, StatusCode::kInvalidJson,
                       "line " + std::to_string(line_number) +
                           ": a record must be a JSON object");
  }
  Article article;
  article.source.path = path;
  article.source.format = "jsonl";
  article.source.line = line_number;
  bool has_text = false;
  for (auto field : object) {
    std::string_view key = field.key;
    std::optional<std::string>* target = nullptr;
    bool allow_number = false;
    if (key == "text") {
      std::string_view text;
      if (field.value.get_string().get(text)) {
        return ErrorRecord(path, line_number, StatusCode::kMissingField,
                           "line " + std::to_string(line_number) +
                               ": `text` must be a string");
      }
      article.raw.assign(text);
      has_text = true;
      continue;
    }
    if (key == "id") { target = &article.source.id; allow_number = true; }
    else if (key == "url") target = &article.source.url;
    else if (key == "outlet") target = &article.source.outlet;
    else if (key == "published") target = &article.source.published;
    else if (key == "title") target = &article.source.title;
    else continue;  // unknown fields are the producer's business
    if (!ReadStringField(field.value, allow_number, target)) {
      article.AddError(StatusCode::kInvalidValue,
                       "line " + std::to_string(line_number) + ": `" +
                           std::string(key) + "` has the wrong type; ignored");
    }
  }
  if (!has_text) {
    return ErrorRecord(path, line_number, StatusCode::kMissingField,
                       "line " + std::to_string(line_number) + ": no `text` field");
  }
  if (article.source.title && article.source.title->empty()) article.source.title.reset();
  return article;
}

}  // namespace

JsonlReader::JsonlReader(std::unique_ptr<ByteSource> source, std::string path,
                         const Options& options)
    : source_(std::move(source)),
      path_(std::move(path)),
      options_(options),
      parser_(std::make_unique<simdjson::dom::parser>(options.max_line_bytes + 64)),
      buffer_(kReadChunk) {}

JsonlReader::~JsonlReader() = default;

JsonlReader::LineStatus JsonlReader::ReadLine() {
  line_.clear();
  bool too_long = false;
  for (;;) {
    if (buffer_pos_ == buffer_end_) {
      Result<size_t> got = source_->Read(buffer_.data(), buffer_.size());
      if (!got.ok()) {
        read_error_ = got.status();
        return LineStatus::kError;
      }
      if (*got == 0) {
        if (line_.empty() && !too_long) return LineStatus::kEnd;
        ++line_number_;
        return too_long ? LineStatus::kTooLong : LineStatus::kLine;
      }
      buffer_pos_ = 0;
      buffer_end_ = *got;
    }
    const char* start = buffer_.data() + buffer_pos_;
    const void* newline = std::memchr(start, '\n', buffer_end_ - buffer_pos_);
    size_t take = newline ? static_cast<const char*>(newline) - start
                          : buffer_end_ - buffer_pos_;
    if (!too_long) {
      if (line_.size() + take > options_.max_line_bytes) {
        too_long = true;  // drop what we have; skip to the end of the line
        line_.clear();
        line_.shrink_to_fit();
      } else {
        line_.append(start, take);
      }
    }
    buffer_pos_ += take;
    if (newline) {
      ++buffer_pos_;
      ++line_number_;
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
  }
}

std::optional<Article> JsonlReader::Next() {
  while (!ended_) {
    switch (ReadLine()) {
      case LineStatus::kEnd:
        ended_ = true;
        return std::nullopt;
      case LineStatus::kError:
        ended_ = true;
        return ErrorRecord(path_, line_number_ + 1, read_error_.code(),
                           "line " + std::to_string(line_number_ + 1) + ": " +
                               read_error_.message());
      case LineStatus::kTooLong:
        return ErrorRecord(path_, line_number_, StatusCode::kTooLarge,
                           "line " + std::to_string(line_number_) +
                               " is longer than the line budget (" +
                               std::to_string(options_.max_line_bytes) + " bytes)");
      case LineStatus::kLine:
        break;
    }
    std::string_view line = line_;
    if (line_number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Article article = ParseRecord(*parser_, line, path_, line_number_);
    if (!article.HasFatalError() && article.raw.size() > options_.max_article_bytes) {
      return ErrorRecord(path_, line_number_, StatusCode::kTooLarge,
                         "line " + std::to_string(line_number_) +
                             ": text larger than --max-article-bytes (" +
                             std::to_string(options_.max_article_bytes) + " bytes)");
    }
    return article;
  }
  return std::nullopt;
}

Article ParseJsonlRecord(std::string_view line, const std::string& path,
                         uint64_t line_number, const Options& options) {
  simdjson::dom::parser parser(options.max_line_bytes + 64);
  return ParseRecord(parser, line, path, line_number);
}

}  // namespace veille::ingest
