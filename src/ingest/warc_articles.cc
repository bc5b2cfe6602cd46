#include "ingest/warc_articles.h"

#include <algorithm>
#include <cctype>

#include "ingest/html_reader.h"

namespace veille::ingest {

bool IsHtmlContentType(std::string_view content_type) {
  std::string lower(content_type.substr(0, 64));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t start = lower.find_first_not_of(' ');
  if (start == std::string::npos) return false;
  std::string_view type = std::string_view(lower).substr(start);
  return type.starts_with("text/html") || type.starts_with("application/xhtml+xml");
}

WarcArticles::WarcArticles(std::unique_ptr<ByteSource> source, std::string path, const Options& options)
    : reader_(std::move(source), options.max_page_bytes), path_(std::move(path)), options_(options) {}

std::optional<Article> WarcArticles::Next() {
  while (!done_) {
    Result<std::optional<WarcRecord>> next = reader_.Next();
    if (!next.ok()) {
      Article error;
      error.source.path = path_;
      error.source.format = "warc";
      error.AddError(next.status());
      if (next.status().code() != StatusCode::kCorrupt) {
        done_ = true;  // the file itself failed: nothing more to read
        had_io_error_ = true;
      }
      return error;
    }
    if (!next->has_value()) {
      done_ = true;
      break;
    }
    WarcRecord& record = **next;
    std::string_view content_type;
    if (record.type == "response" && record.http_status != 0) {
      if (record.http_status < 200 || record.http_status > 299) continue;
      content_type = WarcRecord::Find(record.http_headers, "Content-Type");
    } else if (record.type == "resource") {
      content_type = record.content_type;
    } else {
      continue;  // requests, warcinfo, metadata, revisits
    }
    if (!IsHtmlContentType(content_type)) continue;
    PageSource page;
    page.path = path_;
    page.format = "warc";
    page.url = record.target_uri;
    page.fetched = record.date;
    page.content_type = std::string(content_type);
    if (record.too_large) {
      Article error;
      error.source.path = path_;
      error.source.format = "warc";
      error.source.url = record.target_uri;
      error.source.record = record.offset;
      error.AddError(StatusCode::kTooLarge, "page larger than --max-page-bytes (" +
                                                std::to_string(options_.max_page_bytes) + " bytes)");
      return error;
    }
    Article article = ReadHtmlArticle(std::move(record.payload), page, options_);
    article.source.record = record.offset;
    return article;
  }
  return std::nullopt;
}

}  // namespace veille::ingest
