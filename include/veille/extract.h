// Web pages: the main text of a page without its menus, ads and related
// links, and what its metadata say (title, author, dates, outlet, language).
//
// The extractor is veille's own (no library does this job in Debian): gumbo
// parses the page as a browser would, Readability's scoring finds the
// article's container, and the container is cleaned of what is not the
// article. Every block keeps the span of the page's bytes it came from, so a
// fact found in the text can be shown in the page.
#ifndef VEILLE_EXTRACT_H_
#define VEILLE_EXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// A value the page gives, and where it was read.
struct PageField {
  std::string value;
  // "json-ld", "opengraph", "twitter", "meta name=…", "<title>", "<html
  // lang>", "<link rel=canonical>", "byline in the text", "<time>"…
  std::string from;
  bool empty() const { return value.empty(); }
};

struct PageMetadata {
  PageField title;          // the headline, without the site's name when it can be told apart
  PageField byline;         // the authors, as the page writes them: "Jean Dupont, Marie Curie"
  PageField published;      // ISO 8601 when the page's date could be read, else as written
  PageField modified;
  PageField site_name;      // the outlet: "Le Monde"
  PageField language;       // BCP 47, as declared: "fr", "en-GB"
  PageField canonical_url;
  PageField description;
};

// A block of the main text: a paragraph, a sub-heading or the title.
struct PageBlock {
  BlockKind kind = BlockKind::kParagraph;
  Span page;         // the page's bytes the block's text came from
  std::string text;  // clean: entities decoded, white space collapsed
};

struct ExtractedPage {
  std::string charset;           // "UTF-8", "windows-1251"…
  std::string charset_evidence;  // "http header", "meta", "bom", "detector (confidence 87)"…
  PageMetadata metadata;
  // The title first (when the page writes it before the body), then the
  // body in reading order.
  std::vector<PageBlock> blocks;
  // The blocks' text joined by blank lines, and for each of its bytes the
  // page's bytes of the character it came from (both vectors have
  // text.size() entries and never decrease), as CleanText keeps them.
  std::string text;
  std::vector<uint32_t> page_start;
  std::vector<uint32_t> page_end;
};

struct ExtractOptions {
  // The HTTP Content-Type header the page came with ("text/html;
  // charset=koi8-r"); empty when there was none. Declares the charset.
  std::string_view content_type;
  // Pages over this size are refused. Extraction's memory peaks at about 30
  // times the page's size (a 10 MB page: 0.28 GB; the text's offset maps
  // are 8 bytes a byte), and few real pages pass 5 MB.
  size_t max_page_bytes = 16u << 20;
  // False: all the visible text of the body, no search for the article (a
  // feed item's content is the article already).
  bool main_content = true;
};

// The main text and metadata of an HTML page. Never fails on malformed
// HTML (it is read as browsers read it); fails with invalid_argument for a
// page over the size limit.
Result<ExtractedPage> ExtractPage(std::string_view page, const ExtractOptions& options = {});

// The visible text of an HTML fragment or page, all of it, with no
// extraction (a feed item's content; a reference text for a scorer):
// paragraphs separated by blank lines.
std::string HtmlToText(std::string_view html);

// How close an extractor's output is to reference texts: bag-of-tokens
// precision, recall and F1 of each page's body (tokens are runs of letters
// and digits, case kept), averaged over pages; and the share of pages where
// a metadata field equals the reference's (white space collapsed), among
// the pages whose reference has that field.
struct ExtractionScores {
  size_t pages = 0;
  double precision = 0, recall = 0, f1 = 0;
  struct Field {
    size_t expected = 0;  // pages whose reference gives the field
    size_t right = 0;
  };
  Field title, byline, published, site_name;
  double seconds = 0;  // time spent extracting, per pass over the pages
  uint64_t bytes = 0;  // the pages' size
  // The pages with the lowest F1, worst first: "page: F1 0.42 (P 0.90 R 0.27)".
  std::vector<std::string> worst;
};

// veille's extraction on a folder of Readability's test pages (one folder
// per page with source.html, expected.html and expected-metadata.json),
// timed over `repeat` passes.
Result<ExtractionScores> EvaluateExtraction(const std::string& pages_dir, int repeat = 1,
                                            size_t show_worst = 0);
// Another tool's output on the same pages, as JSON Lines: {"page", "text",
// "title", "byline", "published", "site_name"} per page, and a last line
// {"timing": {"seconds", "pages", "bytes"}} (bench/extract_peers writes them).
Result<ExtractionScores> ScoreExtraction(const std::string& pages_dir, const std::string& predictions,
                                         size_t show_worst = 0);

}  // namespace veille

#endif  // VEILLE_EXTRACT_H_
