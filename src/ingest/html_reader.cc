#include "ingest/html_reader.h"

#include <algorithm>
#include <cctype>

#include "ingest/feed_reader.h"
#include "time/publication_date.h"
#include "veille/extract.h"

namespace veille::ingest {

Article ReadHtmlArticle(std::string bytes, const PageSource& source, const Options& options) {
  Article article;
  article.source.path = source.path;
  article.source.format = source.format;
  if (!source.url.empty()) article.source.url = source.url;
  if (!source.fetched.empty()) article.source.fetched = source.fetched;
  Result<ExtractedPage> page = ExtractPage(bytes, {.content_type = source.content_type,
                                                   .max_page_bytes = options.max_page_bytes,
                                                   .main_content = source.main_content});
  if (!page.ok()) {
    article.AddError(page.status().code() == StatusCode::kInvalidArgument ? StatusCode::kTooLarge
                                                                          : page.status().code(),
                     page.status().message());
    return article;
  }
  const PageMetadata& m = page->metadata;
  if (!article.source.url && !m.canonical_url.empty()) article.source.url = m.canonical_url.value;
  if (!m.site_name.empty()) article.source.outlet = m.site_name.value;
  // A page's date as ISO 8601 (RFC 822 too, as some CMSs write it); one
  // that cannot be read is left to the times stage's estimate, not an error:
  // the page's metadata are not the input's word.
  if (!m.published.empty()) {
    std::string iso = time::ParseIsoDate(m.published.value).value_or(Rfc822ToIso(m.published.value));
    if (!iso.empty()) article.source.published = iso;
  }
  if (!m.byline.empty()) article.source.author = m.byline.value;
  article.source.charset = page->charset + " (" + page->charset_evidence + ")";

  MarkupText markup;
  markup.text = std::move(page->text);
  markup.raw_start = std::move(page->page_start);
  markup.raw_end = std::move(page->page_end);
  // The blocks follow one another in the text, two newlines apart.
  uint32_t at = 0;
  for (const PageBlock& block : page->blocks) {
    uint32_t size = static_cast<uint32_t>(block.text.size());
    markup.blocks.push_back({block.kind, {at, at + size}, {}});
    at += size + 2;
  }
  // A title the text does not carry is given apart, as JSON Lines give one.
  bool title_in_text = !page->blocks.empty() && page->blocks[0].kind == BlockKind::kTitle;
  if (!title_in_text && !m.title.empty()) article.source.title = m.title.value;
  article.markup = std::move(markup);
  article.raw = std::move(bytes);
  return article;
}

bool LooksLikeHtml(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (;;) {
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    head.remove_prefix(first);
    if (!head.starts_with("<!--")) break;
    size_t end = head.find("-->");
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + 3);
  }
  std::string start(head.substr(0, 15));
  std::transform(start.begin(), start.end(), start.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}) {
    if (start.starts_with(tag)) return true;
  }
  return false;
}

}  // namespace veille::ingest
