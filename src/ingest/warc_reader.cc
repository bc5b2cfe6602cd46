#include "ingest/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace veille::ingest {
namespace {

constexpr size_t kChunk = 1 << 16;
constexpr size_t kMaxLine = 64 * 1024;     // a header line
constexpr size_t kMaxHeaderFields = 1000;  // per record, and per HTTP message

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status Corrupt(uint64_t offset, const std::string& what) {
  return Status(StatusCode::kCorrupt, "WARC record at byte " + std::to_string(offset) + ": " + what);
}

// "Name: value" lines, a line starting with a space or a tab going on the
// one before. False when a line has no colon.
bool AddField(std::string_view line, HeaderFields& fields) {
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
    fields.back().second.append(" ").append(Trim(line));
    return true;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  fields.emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  return true;
}

// The body of a chunked HTTP message, or nullopt when the chunks are broken.
std::optional<std::string> Unchunk(std::string_view body) {
  std::string out;
  while (true) {
    size_t eol = body.find("\r\n");
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view size_line = body.substr(0, eol);
    std::string_view size_text = Trim(size_line.substr(0, size_line.find(';')));  // no chunk extensions
    size_t size = 0;
    auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (ec != std::errc() || end != size_text.data() + size_text.size()) return std::nullopt;
    body.remove_prefix(eol + 2);
    if (size == 0) return out;
    if (size > body.size()) return std::nullopt;
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) body.remove_prefix(2);
  }
}

// The HTTP message of a response record: status line, headers, body.
void ReadHttp(WarcRecord& record) {
  std::string_view block = record.payload;
  size_t head_end = block.find("\r\n\r\n");
  size_t skip = 4;
  if (head_end == std::string_view::npos) {
    head_end = block.find("\n\n");
    skip = 2;
  }
  if (head_end == std::string_view::npos || !block.starts_with("HTTP/")) return;
  std::string_view head = block.substr(0, head_end);
  size_t eol = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, eol));
  size_t space = status_line.find(' ');
  if (space != std::string_view::npos) {
    std::string_view code = status_line.substr(space + 1, 3);
    std::from_chars(code.data(), code.data() + code.size(), record.http_status);
  }
  head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1);
  while (!head.empty() && record.http_headers.size() < kMaxHeaderFields) {
    eol = head.find('\n');
    AddField(head.substr(0, eol), record.http_headers);  // (a line without a colon is left out)
    head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1);
  }
  std::string body(block.substr(head_end + skip));
  if (EqualsNoCase(WarcRecord::Find(record.http_headers, "Transfer-Encoding"), "chunked")) {
    if (auto unchunked = Unchunk(body)) body = std::move(*unchunked);
  }
  record.payload = std::move(body);
}

}  // namespace

std::string_view WarcRecord::Find(const HeaderFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields) {
    if (EqualsNoCase(n, name)) return v;
  }
  return {};
}

WarcReader::WarcReader(std::unique_ptr<ByteSource> source, size_t max_block_bytes)
    : source_(std::move(source)), max_block_bytes_(max_block_bytes) {}

Result<bool> WarcReader::Fill(size_t n) {
  while (buffer_.size() - pos_ < n && !ended_) {
    if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // drop what was read
      buffer_.erase(0, pos_);
      consumed_ += pos_;
      pos_ = 0;
    }
    size_t old = buffer_.size();
    size_t want = std::max(kChunk, n - (buffer_.size() - pos_));
    buffer_.resize(old + want);
    Result<size_t> got = source_->Read(buffer_.data() + old, want);
    if (!got.ok()) {
      buffer_.resize(old);
      failed_ = true;
      return got.status();
    }
    buffer_.resize(old + *got);
    if (*got == 0) ended_ = true;
  }
  return buffer_.size() - pos_ >= n;
}

Result<std::string> WarcReader::ReadLine(size_t limit) {
  size_t searched = pos_;
  while (true) {
    size_t newline = buffer_.find('\n', searched);
    if (newline != std::string::npos) {
      if (newline - pos_ > limit) return Status(StatusCode::kCorrupt, "a header line is too long");
      std::string line = buffer_.substr(pos_, newline - pos_);
      pos_ = newline + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (buffer_.size() - pos_ > limit) return Status(StatusCode::kCorrupt, "a header line is too long");
    size_t have = buffer_.size() - pos_;
    Result<bool> more = Fill(have + 1);
    if (!more.ok()) return more.status();
    if (!*more) return Status(StatusCode::kCorrupt, "the file ends inside the record's header");
    searched = pos_ + have;
  }
}

Result<bool> WarcReader::Resynchronise() {
  while (true) {
    size_t at = buffer_.find("\nWARC/1.", pos_);
    if (at != std::string::npos) {
      pos_ = at + 1;
      return true;
    }
    // Keep the last bytes: the marker may straddle two reads.
    if (buffer_.size() - pos_ > 8) pos_ = buffer_.size() - 8;
    if (ended_) {
      pos_ = buffer_.size();
      return false;
    }
    Result<bool> more = Fill(buffer_.size() - pos_ + kChunk);
    if (!more.ok()) return more.status();
  }
}

Result<std::optional<WarcRecord>> WarcReader::Next() {
  if (failed_) return std::optional<WarcRecord>();
  if (resync_) {
    resync_ = false;
    Result<bool> found = Resynchronise();
    if (!found.ok()) return found.status();
    if (!*found) return std::optional<WarcRecord>();
  }
  // Blank lines between records.
  while (true) {
    Result<bool> some = Fill(1);
    if (!some.ok()) return some.status();
    if (!*some) return std::optional<WarcRecord>();
    char c = buffer_[pos_];
    if (c != '\r' && c != '\n') break;
    ++pos_;
  }
  WarcRecord record;
  record.offset = consumed_ + pos_;
  auto broken = [&](const std::string& what) -> Result<std::optional<WarcRecord>> {
    resync_ = true;
    return Corrupt(record.offset, what);
  };
  Result<std::string> first = ReadLine(kMaxLine);
  if (!first.ok()) return broken(first.status().message());
  if (!first->starts_with("WARC/")) return broken("does not start with a WARC version line");
  record.version = Trim(*first);
  while (true) {
    Result<std::string> line = ReadLine(kMaxLine);
    if (!line.ok()) return broken(line.status().message());
    if (line->empty()) break;
    if (record.headers.size() >= kMaxHeaderFields) return broken("too many header fields");
    if (!AddField(*line, record.headers)) return broken("a header line without a colon");
  }
  record.type = WarcRecord::Find(record.headers, "WARC-Type");
  record.target_uri = WarcRecord::Find(record.headers, "WARC-Target-URI");
  record.date = WarcRecord::Find(record.headers, "WARC-Date");
  record.content_type = WarcRecord::Find(record.headers, "Content-Type");
  std::string_view length_text = WarcRecord::Find(record.headers, "Content-Length");
  uint64_t length = 0;
  auto [end, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
  if (length_text.empty() || ec != std::errc() || end != length_text.data() + length_text.size()) {
    return broken("no valid Content-Length");
  }
  if (length <= max_block_bytes_) {
    Result<bool> whole = Fill(length);
    if (!whole.ok()) return whole.status();
    if (!*whole) return broken("the file ends inside the record (" + std::to_string(length) + " bytes announced)");
    record.payload = buffer_.substr(pos_, length);
    pos_ += length;
  } else {
    // Read through, keeping nothing.
    record.too_large = true;
    uint64_t left = length;
    while (left > 0) {
      Result<bool> some = Fill(1);
      if (!some.ok()) return some.status();
      if (!*some) return broken("the file ends inside the record (" + std::to_string(length) + " bytes announced)");
      size_t take = static_cast<size_t>(std::min<uint64_t>(left, buffer_.size() - pos_));
      pos_ += take;
      left -= take;
    }
  }
  // The two line ends that close a record: their absence means the length lied.
  Result<bool> tail = Fill(4);
  if (!tail.ok()) return tail.status();
  std::string_view after(buffer_.data() + pos_, std::min<size_t>(4, buffer_.size() - pos_));
  if (after.starts_with("\r\n\r\n")) {
    pos_ += 4;
  } else if (after.starts_with("\n\n")) {
    pos_ += 2;
  } else if (!(ended_ && after.empty())) {
    return broken("Content-Length does not end where the record does");
  }
  if (record.type == "response" && record.content_type.starts_with("application/http")) ReadHttp(record);
  return std::optional<WarcRecord>(std::move(record));
}

}  // namespace veille::ingest
