// What fetched pages become: articles (veille/fetch.h).
#include <algorithm>
#include <cctype>

#include "ingest/feed_articles.h"
#include "ingest/html_reader.h"
#include "veille/fetch.h"

namespace veille {
namespace {

// "text/html" from "Text/HTML; charset=utf-8".
std::string MediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

std::string_view Head(const FetchedPage& page) { return std::string_view(page.body).substr(0, 4096); }

}  // namespace

bool IsFeedPage(const FetchedPage& page) {
  std::string type = MediaType(page.content_type);
  if (type == "application/rss+xml" || type == "application/atom+xml" || type == "application/rdf+xml") return true;
  // Feeds are often served as plain XML or text: their first element says.
  if (type == "text/html" || type == "application/xhtml+xml") return false;
  return ingest::LooksLikeFeed(Head(page));
}

bool IsHtmlPage(const FetchedPage& page) {
  std::string type = MediaType(page.content_type);
  if (type == "text/html" || type == "application/xhtml+xml") return true;
  // No type, or a generic one: the first bytes say.
  if (type.empty() || type == "application/octet-stream" || type == "text/plain") {
    return !IsFeedPage(page) && ingest::LooksLikeHtml(Head(page));
  }
  return false;
}

Article FetchErrorRecord(const std::string& url, const Status& status) {
  Article article;
  article.source.path = url;
  article.source.url = url;
  article.AddError(status);
  return article;
}

std::vector<Article> FetchedArticles(const FetchedPage& page, const Options& options) {
  std::vector<Article> articles;
  if (IsHtmlPage(page)) {
    ingest::PageSource source;
    source.path = page.requested_url;
    source.url = page.final_url;
    source.fetched = page.fetched_at;
    source.content_type = page.content_type;
    articles.push_back(ingest::ReadHtmlArticle(page.body, source, options));
  } else if (IsFeedPage(page)) {
    articles = ingest::ReadFeedArticles(page.body, page.requested_url, options);
    for (Article& article : articles) article.source.fetched = page.fetched_at;
  } else {
    std::string type = page.content_type.empty() ? "content without a type" : page.content_type;
    articles.push_back(FetchErrorRecord(
        page.requested_url, Status(StatusCode::kUnsupported, type + ": neither a web page nor a feed")));
  }
  return articles;
}

}  // namespace veille
