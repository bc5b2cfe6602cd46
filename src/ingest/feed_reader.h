// RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds, read with libxml2: the feed's
// title and link, and each item's link, title, date, author and content
// (content:encoded when present, else the description or summary).
//
// Safe with hostile feeds: no network access from the parser, no entity
// from outside, and no entity expanded while reading text (so neither an
// external entity nor a "billion laughs" reaches an item).
#ifndef VEILLE_INGEST_FEED_READER_H_
#define VEILLE_INGEST_FEED_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille::ingest {

struct FeedItem {
  std::string title;
  std::string link;
  std::string id;         // guid, atom:id
  std::string author;
  std::string published;  // ISO 8601 when the feed's date could be read, else as written
  std::string content;    // HTML (usually) or text, as the feed gives it
};

struct Feed {
  std::string format;  // "rss", "rdf" (RSS 1.0), "atom"
  std::string title;
  std::string link;
  std::vector<FeedItem> items;
};

// Fails with invalid_argument for what is not XML or not a feed.
Result<Feed> ReadFeed(std::string_view bytes);

// "Tue, 10 Jun 2003 04:00:00 GMT" (RFC 822, as RSS writes dates) as
// "2003-06-10T04:00:00+00:00"; "" when it cannot be read.
std::string Rfc822ToIso(std::string_view date);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_FEED_READER_H_
