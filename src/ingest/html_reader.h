// Web pages as articles: the page's bytes are the article's raw bytes, its
// main text (veille/extract.h) is what the analysis reads, and its metadata
// fill the source (URL, outlet, date) where the input did not.
#ifndef VEILLE_INGEST_HTML_READER_H_
#define VEILLE_INGEST_HTML_READER_H_

#include <string>
#include <string_view>

#include "veille/article.h"
#include "veille/options.h"

namespace veille::ingest {

// What is known of a page besides its bytes.
struct PageSource {
  std::string path;          // the file it was read from
  std::string format = "html";  // "html", "warc", "feed"
  std::string url;           // where it was fetched; "" when unknown
  std::string fetched;       // when (ISO 8601); "" when unknown
  std::string content_type;  // the HTTP Content-Type, declaring the charset
  bool main_content = true;  // false: the whole text (a feed item's content)
};

// Always an article: an error record (too_large) when the page is over the
// size limit (options.max_page_bytes). A page with no text to read is an
// article whose text is empty, which the pipeline reports as such.
Article ReadHtmlArticle(std::string bytes, const PageSource& source, const Options& options);

// True when the first bytes of a file look like HTML: a doctype, or <html>,
// <head>, <body> or <meta> first after white space and comments.
bool LooksLikeHtml(std::string_view head);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_HTML_READER_H_
