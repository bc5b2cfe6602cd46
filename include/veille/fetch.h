// Fetching web pages and feeds over HTTP and HTTPS, politely: robots.txt
// honoured (RFC 9309), one request at a time per host with a delay between
// them, conditional GET, bounded redirects, timeouts, a size cap and a user
// agent that says what veille is.
#ifndef VEILLE_FETCH_H_
#define VEILLE_FETCH_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/input.h"
#include "veille/options.h"
#include "veille/status.h"

namespace veille {

// "veille/0.1.0 (news monitoring; honours robots.txt)", with "; +CONTACT"
// before the parenthesis closes when a contact is given. Its first word,
// "veille", is the product token robots.txt groups are matched against.
std::string UserAgent(const std::string& contact = "");

struct FetchOptions {
  // Sent with every request. Site owners read it in their logs: keep the
  // product token first and add a way to reach whoever runs veille
  // (UserAgent("https://example.org/veille-bot") or an e-mail address).
  std::string user_agent = UserAgent();
  // The pause between the end of one request to a host and the start of
  // the next. A site's Crawl-delay, when longer, wins, up to
  // max_crawl_delay. Longer is kinder to small sites and slower for you.
  std::chrono::milliseconds delay{1000};
  // The longest Crawl-delay obeyed: a site asking for an hour between
  // requests gets one a minute.
  std::chrono::milliseconds max_crawl_delay{60'000};
  // How long to wait for a connection, and for each piece of the answer.
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};
  // How long one request may take in all, however steadily the server
  // trickles its bytes.
  std::chrono::milliseconds total_timeout{300'000};
  // The largest body read (after decompression); past it the transfer is
  // cut and the fetch fails with too_large. Memory is about this per
  // request in flight.
  size_t max_bytes = Options{}.max_page_bytes;
  // Redirects followed before the fetch fails; each one is a request, with
  // robots.txt and the delay applied to it.
  int max_redirects = 5;
  // Fetch only what robots.txt allows. Turn off for your own sites only.
  bool respect_robots = true;
  // How long a host's robots.txt is trusted before it is read again (RFC
  // 9309 §2.4 says no more than 24 hours).
  std::chrono::seconds robots_max_age{24 * 3600};
  // CA certificates (PEM file) HTTPS servers are checked against; empty for
  // the system's store (/etc/ssl/certs).
  std::string ca_file;
};

// What a previous fetch of the same URL said, to ask only for news
// (If-None-Match, If-Modified-Since).
struct Validators {
  std::string etag;
  std::string last_modified;
};

struct FetchedPage {
  std::string requested_url;  // as asked, normalised
  std::string final_url;      // after redirects
  int status = 0;             // the final answer's HTTP status: 2xx, or 304
  std::string content_type;   // the Content-Type header, "" when none
  std::string body;           // decompressed; empty for 304
  std::string etag;           // validators to send next time (for 304, the
  std::string last_modified;  // new ones, else those sent)
  std::string fetched_at;     // ISO 8601 UTC: "2024-05-01T10:00:00Z"
  bool not_modified = false;  // 304: nothing new since the validators
};

// Thread-safe: any number of threads may fetch at once. Requests to one
// host wait for each other (one at a time, `delay` apart); requests to
// different hosts do not. robots.txt is read once per origin (scheme, host,
// port) and kept robots_max_age.
class Fetcher {
 public:
  // Fails with invalid_argument for unusable options (an empty user agent
  // or one with a line break, a zero timeout or size cap).
  static Result<std::unique_ptr<Fetcher>> Create(const FetchOptions& options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // GETs `url` (http:// or https://), following redirects. Errors, each with
  // a message that says what happened: invalid_argument (not an http(s)
  // URL), disallowed (robots.txt forbids it, or could not be read: RFC 9309
  // says to fetch nothing from a host whose robots.txt answers 5xx or not
  // at all), network_error (no connection, TLS refused), timeout,
  // too_large (over max_bytes), http_error (a 4xx or 5xx answer, more than
  // max_redirects redirects, a redirect loop).
  Result<FetchedPage> Fetch(const std::string& url, const Validators& previous = {});

  const FetchOptions& options() const;

 private:
  struct State;
  explicit Fetcher(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Whether a page's Content-Type (or, when it has none, its first bytes)
// says HTML; and whether it says an RSS or Atom feed.
bool IsHtmlPage(const FetchedPage& page);
bool IsFeedPage(const FetchedPage& page);

// The articles a fetched page makes: one for an HTML page (its URL, fetch
// date and Content-Type in the source; its main text analysed), one per
// item for a feed (each item's own content, as `veille ingest feed.xml`
// reads it), and otherwise one error record of code unsupported naming the
// content type.
std::vector<Article> FetchedArticles(const FetchedPage& page, const Options& options);

// An error record for a URL that could not be fetched: source.path and
// source.url are the URL, the error is `status`.
Article FetchErrorRecord(const std::string& url, const Status& status);

// Reads the articles of `urls`, fetched one after another with `fetcher`
// as they are pulled (FetchedArticles for each). A URL that cannot be
// fetched is an error record and reading goes on; had_io_error() stays
// false (a failed fetch is the article's error, not the reader's).
// `fetcher` must outlive the reader.
std::unique_ptr<InputReader> FetchInput(Fetcher& fetcher, std::vector<std::string> urls,
                                        const Options& options);

}  // namespace veille

#endif  // VEILLE_FETCH_H_
