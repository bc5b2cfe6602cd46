#include "time/publication_date.h"

#include <cctype>

namespace veille::time {
namespace {

bool Digits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return false;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int Number(std::string_view s, size_t pos, size_t count) {
  int n = 0;
  for (size_t i = pos; i < pos + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

bool RealDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29) return leap;
  return day <= kDays[month - 1];
}

}  // namespace

std::optional<std::string> ParseIsoDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  // YYYY-MM-DD
  if (!Digits(text, 0, 4) || text.size() < 10 || text[4] != '-' ||
      !Digits(text, 5, 2) || text[7] != '-' || !Digits(text, 8, 2)) {
    return std::nullopt;
  }
  if (!RealDate(Number(text, 0, 4), Number(text, 5, 2), Number(text, 8, 2))) {
    return std::nullopt;
  }
  std::string out(text.substr(0, 10));
  if (text.size() == 10) return out;
  // [T ]HH:MM[:SS[.fff]][Z|±HH[:]MM]
  size_t p = 10;
  if ((text[p] != 'T' && text[p] != 't' && text[p] != ' ') || !Digits(text, p + 1, 2) ||
      p + 3 >= text.size() || text[p + 3] != ':' || !Digits(text, p + 4, 2)) {
    return std::nullopt;
  }
  if (Number(text, p + 1, 2) > 23 || Number(text, p + 4, 2) > 59) return std::nullopt;
  out += 'T';
  out.append(text.substr(p + 1, 5));
  p += 6;
  if (p < text.size() && text[p] == ':') {
    if (!Digits(text, p + 1, 2) || Number(text, p + 1, 2) > 60) return std::nullopt;
    out.append(text.substr(p, 3));
    p += 3;
    if (p < text.size() && (text[p] == '.' || text[p] == ',')) {
      size_t q = p + 1;
      while (q < text.size() && std::isdigit(static_cast<unsigned char>(text[q]))) ++q;
      if (q == p + 1) return std::nullopt;
      out += '.';
      out.append(text.substr(p + 1, q - p - 1));
      p = q;
    }
  }
  if (p == text.size()) return out;
  if (text[p] == 'Z' || text[p] == 'z') {
    return p + 1 == text.size() ? std::optional<std::string>(out + 'Z') : std::nullopt;
  }
  if ((text[p] == '+' || text[p] == '-') && Digits(text, p + 1, 2)) {
    size_t q = p + 3;
    if (q < text.size() && text[q] == ':') ++q;
    if (Digits(text, q, 2) && q + 2 == text.size()) {
      out += text[p];
      out.append(text.substr(p + 1, 2));
      out += ':';
      out.append(text.substr(q, 2));
      return out;
    }
  }
  return std::nullopt;
}

Result<std::unique_ptr<PublicationDateReader>> PublicationDateReader::Create() {
  return std::make_unique<PublicationDateReader>();
}

Status PublicationDateReader::Run(Article& article) const {
  if (!article.source.published || article.source.published->empty()) {
    return Status::Ok();
  }
  if (auto date = ParseIsoDate(*article.source.published)) {
    // A web page's date is its metadata's word, a feed item's the feed's.
    std::string_view format = article.source.format;
    std::string evidence = format == "html" || format == "warc" ? "page metadata"
                           : format == "feed"                   ? "feed"
                                                                : "input";
    article.published = PublicationDate{*date, false, evidence};
    return Status::Ok();
  }
  // Not fatal: the article is analysed without a date.
  article.AddError(StatusCode::kInvalidValue,
                   "published: not an ISO 8601 date: " +
                       article.source.published->substr(0, 64));
  return Status::Ok();
}

}  // namespace veille::time
