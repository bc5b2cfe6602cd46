#include "ingest/feed_articles.h"

#include "ingest/feed_reader.h"
#include "ingest/html_reader.h"

namespace veille::ingest {

std::vector<Article> ReadFeedArticles(std::string_view bytes, const std::string& path, const Options& options) {
  std::vector<Article> out;
  Result<Feed> feed = ReadFeed(bytes);
  if (!feed.ok()) {
    Article error;
    error.source.path = path;
    error.source.format = "feed";
    error.AddError(feed.status());
    out.push_back(std::move(error));
    return out;
  }
  for (FeedItem& item : feed->items) {
    // The feed's XML was UTF-8 to libxml2; the item's content is UTF-8.
    PageSource page;
    page.path = path;
    page.format = "feed";
    page.url = item.link;
    page.content_type = "text/html; charset=utf-8";
    page.main_content = false;
    Article article = ReadHtmlArticle(std::move(item.content), page, options);
    if (!item.title.empty()) article.source.title = item.title;
    if (!item.published.empty()) article.source.published = item.published;
    if (!item.author.empty()) article.source.author = item.author;
    if (!item.id.empty()) article.source.id = item.id;
    if (!feed->title.empty() && !article.source.outlet) article.source.outlet = feed->title;
    out.push_back(std::move(article));
  }
  return out;
}

bool LooksLikeFeed(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (;;) {
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    head.remove_prefix(first);
    std::string_view close;
    if (head.starts_with("<?")) close = "?>";
    else if (head.starts_with("<!--")) close = "-->";
    else if (head.starts_with("<!")) close = ">";  // a doctype
    else break;
    size_t end = head.find(close);
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + close.size());
  }
  return head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf:RDF") ||
         head.starts_with("<RDF");
}

}  // namespace veille::ingest
