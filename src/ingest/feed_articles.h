// An RSS or Atom feed as articles: each item is one, its content (HTML or
// text) read whole, with the item's link, title, date and author. A feed
// that cannot be read is one error record.
#ifndef VEILLE_INGEST_FEED_ARTICLES_H_
#define VEILLE_INGEST_FEED_ARTICLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/options.h"

namespace veille::ingest {

std::vector<Article> ReadFeedArticles(std::string_view bytes, const std::string& path, const Options& options);

// True when the first bytes look like a feed: <rss, <feed or <rdf:RDF as the
// first element, after an XML declaration, comments and white space.
bool LooksLikeFeed(std::string_view head);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_FEED_ARTICLES_H_
