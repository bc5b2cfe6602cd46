// A WARC file as articles: each HTML page it holds (an HTTP response with
// a 2xx status, or a resource record) is a web page article with its URL
// and fetch date; requests, metadata, images and scripts are passed over.
// A broken record is an error record and reading goes on.
#ifndef VEILLE_INGEST_WARC_ARTICLES_H_
#define VEILLE_INGEST_WARC_ARTICLES_H_

#include <memory>
#include <optional>
#include <string>

#include "ingest/byte_source.h"
#include "ingest/warc_reader.h"
#include "veille/article.h"
#include "veille/options.h"

namespace veille::ingest {

class WarcArticles {
 public:
  WarcArticles(std::unique_ptr<ByteSource> source, std::string path, const Options& options);

  // The next page or error record; std::nullopt at the end of the file.
  std::optional<Article> Next();
  bool had_io_error() const { return had_io_error_; }

 private:
  WarcReader reader_;
  std::string path_;
  Options options_;
  bool done_ = false;
  bool had_io_error_ = false;
};

// True for the Content-Type of an HTML page ("text/html; charset=…",
// "application/xhtml+xml").
bool IsHtmlContentType(std::string_view content_type);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_WARC_ARTICLES_H_
