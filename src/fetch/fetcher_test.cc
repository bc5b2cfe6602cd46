// The fetcher against a web server the test starts on 127.0.0.1: robots.txt,
// politeness, conditional GET, redirects, timeouts, size caps. Times are
// only ever bounded from below (a delay was at least waited); nothing
// asserts that something was fast.
#include <zlib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "fetch/http_server_for_tests.h"
#include "fetch/pages_for_tests.h"
#include "veille/fetch.h"

namespace veille {
namespace {

using fetch::HttpServerForTests;
using std::chrono::milliseconds;

constexpr const char* kEtag = "\"v1-kazakhstan\"";
constexpr const char* kLastModified = "Thu, 06 Jan 2022 08:30:00 GMT";

std::string Gzip(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

class FetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/robots.txt", [this](const httplib::Request&, httplib::Response& response) {
      std::lock_guard<std::mutex> lock(robots_mutex_);
      response.status = robots_status_;
      response.set_content(robots_, "text/plain");
    });
    server_.Get("/article.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::KazakhstanPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get(R"(/prive/.*)", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::MunicipalPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get(R"(/page/(\d+))", [](const httplib::Request&, httplib::Response& response) {
      // Long enough that two requests in flight at once would overlap.
      std::this_thread::sleep_for(milliseconds(30));
      response.set_content(fetch::MunicipalPageForTests(), "text/html; charset=utf-8");
    });
    // Redirects: relative, then absolute, to the article.
    server_.Get("/redirige/1", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/redirige/2", 302);
    });
    server_.Get("/redirige/2", [this](const httplib::Request&, httplib::Response& response) {
      response.set_redirect(server_.Url("/article.html"), 301);
    });
    server_.Get("/vers-prive", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/prive/secret.html", 302);
    });
    server_.Get("/vers-ftp", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("ftp://127.0.0.1/fichier", 302);
    });
    server_.Get("/sans-location", [](const httplib::Request&, httplib::Response& response) {
      response.status = 302;
    });
    server_.Get("/boucle/a", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/boucle/b", 302);
    });
    server_.Get("/boucle/b", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/boucle/a", 302);
    });
    server_.Get(R"(/chaine/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      response.set_redirect("/chaine/" + std::to_string(std::stoi(request.matches[1]) + 1), 307);
    });
    // Conditional GET: 304 to either validator.
    server_.Get("/valide.html", [](const httplib::Request& request, httplib::Response& response) {
      response.set_header("ETag", kEtag);
      response.set_header("Last-Modified", kLastModified);
      if (request.get_header_value("If-None-Match") == kEtag ||
          (!request.has_header("If-None-Match") && request.get_header_value("If-Modified-Since") == kLastModified)) {
        response.status = 304;
        return;
      }
      response.set_content(fetch::KazakhstanPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/lent.html", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(milliseconds(1500));
      response.set_content(fetch::KazakhstanPageForTests(), "text/html");
    });
    // A body that never ends.
    server_.Get("/sans-fin.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
        std::string chunk = "<p>" + std::string(16 * 1024, 'a') + "</p>\n";
        return sink.write(chunk.data(), chunk.size());
      });
    });
    server_.Get("/gros.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(200 * 1024, 'x'), "text/html");
    });
    // 10 MB of zeros in some 10 KB of gzip.
    server_.Get("/bombe", [](const httplib::Request&, httplib::Response& response) {
      static const std::string bomb = Gzip(std::string(10 << 20, '\0'));
      response.set_header("Content-Encoding", "gzip");
      response.set_content(bomb, "application/octet-stream");
    });
    server_.Get("/compresse.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Encoding", "gzip");
      response.set_content(Gzip(fetch::KazakhstanPageForTests()), "application/octet-stream");
    });
    server_.Get("/image.png", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image/png");
    });
    server_.Get("/flux.xml", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::FeedForTests({{"Gouvernement", server_.Url("/article.html")}}),
                           "application/rss+xml");
    });
    server_.Get("/erreur", [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
    server_.Get("/occupe", [](const httplib::Request&, httplib::Response& response) {
      response.status = 503;
      response.set_header("Retry-After", "1");
    });
    ASSERT_TRUE(server_.Start());
  }

  void SetRobots(int status, const std::string& text) {
    std::lock_guard<std::mutex> lock(robots_mutex_);
    robots_status_ = status;
    robots_ = text;
  }

  // A fetcher with no delay unless the test asks for one.
  std::unique_ptr<Fetcher> Make(FetchOptions options = {}, bool keep_delay = false) {
    if (!keep_delay) options.delay = milliseconds(0);
    Result<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create(options);
    EXPECT_TRUE(fetcher.ok()) << fetcher.status().message();
    return std::move(fetcher).value();
  }

  HttpServerForTests server_;
  std::mutex robots_mutex_;
  int robots_status_ = 200;
  std::string robots_ = "User-agent: *\nDisallow: /prive/\n";
};

TEST_F(FetcherTest, FetchesAPageWithItsHeadersAndSaysWhoItIs) {
  auto fetcher = Make();
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/article.html"));
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->requested_url, server_.Url("/article.html"));
  EXPECT_EQ(page->final_url, server_.Url("/article.html"));
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page->body, fetch::KazakhstanPageForTests());
  EXPECT_FALSE(page->not_modified);
  EXPECT_TRUE(std::regex_match(page->fetched_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << page->fetched_at;
  // The user agent names veille, its version and what it is; robots.txt was
  // read first, with the same user agent.
  std::vector<HttpServerForTests::Request> requests = server_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].path, "/robots.txt");
  EXPECT_EQ(requests[1].path, "/article.html");
  for (const auto& request : requests) {
    EXPECT_TRUE(std::regex_match(request.user_agent, std::regex(R"(veille/\d+\.\d+\.\d+ \(news monitoring; honours robots\.txt\))")))
        << request.user_agent;
  }
  EXPECT_EQ(UserAgent("mailto:veille@exemple.fr").substr(UserAgent().size() - 1),
            "; +mailto:veille@exemple.fr)");
  // A user agent of one's own is sent as it is.
  auto custom = Make({.user_agent = UserAgent("https://exemple.fr/robot")});
  ASSERT_TRUE(custom->Fetch(server_.Url("/article.html")).ok());
  EXPECT_NE(server_.requests().back().user_agent.find("+https://exemple.fr/robot)"), std::string::npos);
}

TEST_F(FetcherTest, WhatRobotsTxtDisallowsIsNeverRequested) {
  auto fetcher = Make();
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/prive/secret.html"));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kDisallowed);
  EXPECT_EQ(page.status().message(), "robots.txt of 127.0.0.1 disallows /prive/secret.html (Disallow: /prive/)");
  // Nor through a redirect.
  Result<FetchedPage> redirected = fetcher->Fetch(server_.Url("/vers-prive"));
  ASSERT_FALSE(redirected.ok());
  EXPECT_EQ(redirected.status().code(), StatusCode::kDisallowed);
  EXPECT_TRUE(fetcher->Fetch(server_.Url("/article.html")).ok());
  EXPECT_EQ(server_.Count("/prive/secret.html"), 0);
  EXPECT_EQ(server_.Count("/robots.txt"), 1);  // read once for the fetcher's life
  // Told to ignore it (for one's own site), it fetches, and does not read it.
  server_.Forget();
  auto rude = Make({.respect_robots = false});
  EXPECT_TRUE(rude->Fetch(server_.Url("/prive/secret.html")).ok());
  EXPECT_EQ(server_.Count("/robots.txt"), 0);
}

TEST_F(FetcherTest, TheGroupThatNamesVeilleWins) {
  SetRobots(200, "User-agent: *\nAllow: /\n\nUser-agent: Veille\nDisallow: /article\n");
  auto fetcher = Make();
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/article.html"));
  EXPECT_EQ(page.status().code(), StatusCode::kDisallowed);
  // Another product token falls back to the * group.
  auto other = Make({.user_agent = "autrebot/1.0"});
  EXPECT_TRUE(other->Fetch(server_.Url("/article.html")).ok());
  EXPECT_EQ(server_.Count("/article.html"), 1);
}

TEST_F(FetcherTest, UnreachableRobotsTxtForbidsAllAndMissingAllowsAll) {
  SetRobots(503, "");
  auto fetcher = Make();
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/article.html"));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kDisallowed);
  EXPECT_NE(page.status().message().find("robots.txt of http://127.0.0.1:" + std::to_string(server_.port()) +
                                         " could not be read (HTTP 503 (Service Unavailable))"),
            std::string::npos)
      << page.status().message();
  EXPECT_EQ(server_.Count("/article.html"), 0);

  SetRobots(404, "");
  auto again = Make();
  EXPECT_TRUE(again->Fetch(server_.Url("/article.html")).ok());
  EXPECT_TRUE(again->Fetch(server_.Url("/prive/secret.html")).ok());
}

TEST_F(FetcherTest, OneRequestAtATimePerHost) {
  auto fetcher = Make();
  std::atomic<int> fetched{0};
  auto work = [&](int first) {
    for (int i = first; i < first + 4; ++i) {
      if (fetcher->Fetch(server_.Url("/page/" + std::to_string(i))).ok()) ++fetched;
    }
  };
  std::thread a(work, 0), b(work, 100);
  a.join();
  b.join();
  EXPECT_EQ(fetched.load(), 8);
  EXPECT_EQ(server_.max_in_flight(), 1);
  EXPECT_EQ(server_.Count("/robots.txt"), 1);
}

TEST_F(FetcherTest, TheDelayIsWaitedBetweenRequestsToAHost) {
  auto fetcher = Make({.delay = milliseconds(300)}, /*keep_delay=*/true);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(fetcher->Fetch(server_.Url("/page/" + std::to_string(i))).ok());
  std::vector<HttpServerForTests::Request> requests = server_.requests();
  ASSERT_EQ(requests.size(), 4u);  // robots.txt and three pages
  for (size_t i = 1; i < requests.size(); ++i) {
    EXPECT_GE(requests[i].start - requests[i - 1].end, milliseconds(300)) << requests[i].path;
  }
}

TEST_F(FetcherTest, ALongerCrawlDelayWinsUpToItsCap) {
  SetRobots(200, "User-agent: *\nCrawl-delay: 0.4\n");
  auto fetcher = Make({.delay = milliseconds(0)});
  ASSERT_TRUE(fetcher->Fetch(server_.Url("/page/1")).ok());
  ASSERT_TRUE(fetcher->Fetch(server_.Url("/page/2")).ok());
  std::vector<HttpServerForTests::Request> requests = server_.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_GE(requests[2].start - requests[1].end, milliseconds(400));

  // A site asking for an hour gets max_crawl_delay (here 0.3 s, so that the
  // test ends).
  SetRobots(200, "User-agent: *\nCrawl-delay: 3600\n");
  server_.Forget();
  auto capped = Make({.max_crawl_delay = milliseconds(300)});
  ASSERT_TRUE(capped->Fetch(server_.Url("/page/1")).ok());
  ASSERT_TRUE(capped->Fetch(server_.Url("/page/2")).ok());
  requests = server_.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_GE(requests[2].start - requests[1].end, milliseconds(300));
}

TEST_F(FetcherTest, ConditionalGet) {
  auto fetcher = Make();
  Result<FetchedPage> first = fetcher->Fetch(server_.Url("/valide.html"));
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->etag, kEtag);
  EXPECT_EQ(first->last_modified, kLastModified);
  EXPECT_FALSE(first->body.empty());

  Result<FetchedPage> second = fetcher->Fetch(server_.Url("/valide.html"), {first->etag, first->last_modified});
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(second->etag, kEtag);
  EXPECT_EQ(server_.requests().back().if_none_match, kEtag);
  EXPECT_EQ(server_.requests().back().if_modified_since, kLastModified);

  // Last-Modified alone does it too; stale validators get the page.
  Result<FetchedPage> by_date = fetcher->Fetch(server_.Url("/valide.html"), {.last_modified = kLastModified});
  ASSERT_TRUE(by_date.ok());
  EXPECT_TRUE(by_date->not_modified);
  Result<FetchedPage> stale = fetcher->Fetch(server_.Url("/valide.html"), {.etag = "\"v0\""});
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE(stale->not_modified);
  EXPECT_EQ(stale->body, fetch::KazakhstanPageForTests());
}

TEST_F(FetcherTest, RedirectsAreFollowedAndBounded) {
  auto fetcher = Make();
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/redirige/1"));
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->requested_url, server_.Url("/redirige/1"));
  EXPECT_EQ(page->final_url, server_.Url("/article.html"));
  EXPECT_EQ(page->body, fetch::KazakhstanPageForTests());

  Result<FetchedPage> loop = fetcher->Fetch(server_.Url("/boucle/a"));
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.status().code(), StatusCode::kHttpError);
  EXPECT_EQ(loop.status().message(),
            "redirect loop: " + server_.Url("/boucle/b") + " sends back to " + server_.Url("/boucle/a"));

  server_.Forget();
  Result<FetchedPage> chain = fetcher->Fetch(server_.Url("/chaine/0"));
  ASSERT_FALSE(chain.ok());
  EXPECT_EQ(chain.status().code(), StatusCode::kHttpError);
  EXPECT_EQ(chain.status().message(), "more than 5 redirects (the last to " + server_.Url("/chaine/5") + ")");
  EXPECT_EQ(server_.requests().size(), 6u);  // /chaine/0 to /chaine/5, no more

  auto strict = Make({.max_redirects = 1});
  EXPECT_EQ(strict->Fetch(server_.Url("/redirige/1")).status().message(),
            "more than 1 redirects (the last to " + server_.Url("/redirige/2") + ")");
  auto none = Make({.max_redirects = 0});
  EXPECT_FALSE(none->Fetch(server_.Url("/redirige/1")).ok());

  Result<FetchedPage> ftp = fetcher->Fetch(server_.Url("/vers-ftp"));
  EXPECT_EQ(ftp.status().code(), StatusCode::kHttpError);
  EXPECT_NE(ftp.status().message().find("redirected to an unusable URL"), std::string::npos);
  Result<FetchedPage> nowhere = fetcher->Fetch(server_.Url("/sans-location"));
  EXPECT_EQ(nowhere.status().message(), "HTTP 302 without a Location header");
}

TEST_F(FetcherTest, ASlowServerTimesOut) {
  auto fetcher = Make({.read_timeout = milliseconds(300)});
  Result<FetchedPage> page = fetcher->Fetch(server_.Url("/lent.html"));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kTimeout);
  EXPECT_EQ(page.status().message(), "timed out after 0.3 s without an answer from 127.0.0.1:" +
                                         std::to_string(server_.port()));
}

TEST_F(FetcherTest, TheSizeCapCutsTheTransfer) {
  auto fetcher = Make({.max_bytes = 100 * 1024});
  Result<FetchedPage> endless = fetcher->Fetch(server_.Url("/sans-fin.html"));
  ASSERT_FALSE(endless.ok());
  EXPECT_EQ(endless.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(endless.status().message(), "larger than 100 KiB");
  // Declared too large: not read at all.
  Result<FetchedPage> declared = fetcher->Fetch(server_.Url("/gros.html"));
  EXPECT_EQ(declared.status().code(), StatusCode::kTooLarge);
  // The cap counts decompressed bytes: a gzip bomb is cut like the rest.
  Result<FetchedPage> bomb = fetcher->Fetch(server_.Url("/bombe"));
  EXPECT_EQ(bomb.status().code(), StatusCode::kTooLarge);
  // A compressed page is read whole.
  Result<FetchedPage> compressed = fetcher->Fetch(server_.Url("/compresse.html"));
  ASSERT_TRUE(compressed.ok()) << compressed.status().message();
  EXPECT_EQ(compressed->body, fetch::KazakhstanPageForTests());
}

TEST_F(FetcherTest, HttpAndNetworkErrorsSayWhat) {
  auto fetcher = Make();
  EXPECT_EQ(fetcher->Fetch(server_.Url("/erreur")).status().ToString(), "http_error: HTTP 500 (Internal Server Error)");
  EXPECT_EQ(fetcher->Fetch(server_.Url("/absent")).status().ToString(), "http_error: HTTP 404 (Not Found)");
  Result<FetchedPage> redirected = fetcher->Fetch(server_.Url("/redirige/1"));
  ASSERT_TRUE(redirected.ok());
  EXPECT_EQ(fetcher->Fetch("ftp://127.0.0.1/x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(fetcher->Fetch("pas une adresse").status().code(), StatusCode::kInvalidArgument);

  // Nobody listens on a port of a server that stopped.
  HttpServerForTests gone;
  ASSERT_TRUE(gone.Start());
  std::string url = gone.Url("/x");
  gone.Stop();
  Result<FetchedPage> refused = Make({.respect_robots = false})->Fetch(url);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kNetworkError);
  EXPECT_NE(refused.status().message().find("could not connect to 127.0.0.1:"), std::string::npos);
}

TEST_F(FetcherTest, RetryAfterIsObeyed) {
  auto fetcher = Make();
  ASSERT_EQ(fetcher->Fetch(server_.Url("/occupe")).status().code(), StatusCode::kHttpError);
  ASSERT_TRUE(fetcher->Fetch(server_.Url("/article.html")).ok());
  std::vector<HttpServerForTests::Request> requests = server_.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_GE(requests[2].start - requests[1].end, milliseconds(1000));
}

TEST_F(FetcherTest, BadOptionsAreRefused) {
  EXPECT_EQ(Fetcher::Create({.user_agent = ""}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fetcher::Create({.user_agent = "veille\r\nX-Injected: 1"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Fetcher::Create({.user_agent = "/1.0"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fetcher::Create({.read_timeout = milliseconds(0)}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fetcher::Create({.max_bytes = 0}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(FetcherTest, FetchedPagesBecomeArticles) {
  auto fetcher = Make();
  Options options;
  Result<FetchedPage> html = fetcher->Fetch(server_.Url("/redirige/1"));
  ASSERT_TRUE(html.ok());
  std::vector<Article> articles = FetchedArticles(*html, options);
  ASSERT_EQ(articles.size(), 1u);
  const Article& article = articles[0];
  EXPECT_TRUE(article.errors.empty());
  EXPECT_EQ(article.source.format, "html");
  EXPECT_EQ(article.source.path, server_.Url("/redirige/1"));
  EXPECT_EQ(article.source.url, server_.Url("/article.html"));
  EXPECT_EQ(article.source.fetched, html->fetched_at);
  EXPECT_EQ(article.source.outlet, "Le Quotidien du Test");
  ASSERT_TRUE(article.markup.has_value());
  EXPECT_NE(article.markup->text.find("Kassym-Jomart Tokaïev"), std::string::npos);
  EXPECT_EQ(article.markup->text.find("Accueil"), std::string::npos);  // the menu is not the article

  Result<FetchedPage> feed = fetcher->Fetch(server_.Url("/flux.xml"));
  ASSERT_TRUE(feed.ok());
  EXPECT_TRUE(IsFeedPage(*feed));
  std::vector<Article> items = FetchedArticles(*feed, options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].source.format, "feed");
  EXPECT_EQ(items[0].source.url, server_.Url("/article.html"));

  Result<FetchedPage> image = fetcher->Fetch(server_.Url("/image.png"));
  ASSERT_TRUE(image.ok());
  EXPECT_FALSE(IsHtmlPage(*image));
  std::vector<Article> refused = FetchedArticles(*image, options);
  ASSERT_EQ(refused.size(), 1u);
  ASSERT_EQ(refused[0].errors.size(), 1u);
  EXPECT_EQ(refused[0].errors[0].code, StatusCode::kUnsupported);
  EXPECT_EQ(refused[0].errors[0].message, "image/png: neither a web page nor a feed");
  EXPECT_EQ(refused[0].source.url, server_.Url("/image.png"));
}

TEST_F(FetcherTest, FetchInputHandsOutArticlesAndErrorRecords) {
  auto fetcher = Make();
  std::unique_ptr<InputReader> input = FetchInput(
      *fetcher, {server_.Url("/article.html"), server_.Url("/prive/x"), server_.Url("/flux.xml")}, Options{});
  std::vector<Article> read;
  while (std::optional<Article> article = input->Next()) read.push_back(std::move(*article));
  ASSERT_EQ(read.size(), 3u);
  EXPECT_TRUE(read[0].errors.empty());
  ASSERT_EQ(read[1].errors.size(), 1u);
  EXPECT_EQ(read[1].errors[0].code, StatusCode::kDisallowed);
  EXPECT_EQ(read[1].source.url, server_.Url("/prive/x"));
  EXPECT_EQ(read[2].source.format, "feed");
  EXPECT_FALSE(input->had_io_error());
  EXPECT_GT(input->bytes_read(), 0u);
}

// HTTPS, with a certificate the test makes for 127.0.0.1: refused as
// untrusted against the system's store, accepted against itself.
TEST(FetcherHttpsTest, CertificatesAreChecked) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("veille-fetch-tls-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                        "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert +
                        " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    fs::remove_all(dir);
    GTEST_SKIP() << "no openssl command to make a certificate with";
  }
  {
    HttpServerForTests server(cert, key);
    ASSERT_TRUE(server.valid());
    server.Get("/article.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::KazakhstanPageForTests(), "text/html; charset=utf-8");
    });
    ASSERT_TRUE(server.Start());
    auto untrusting = Fetcher::Create({.delay = milliseconds(0)});
    ASSERT_TRUE(untrusting.ok());
    Result<FetchedPage> refused = (*untrusting)->Fetch(server.Url("/article.html"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), StatusCode::kDisallowed);  // robots.txt could not be read…
    EXPECT_NE(refused.status().message().find("is not trusted"), std::string::npos) << refused.status().message();
    EXPECT_EQ(server.Count("/article.html"), 0);

    auto trusting = Fetcher::Create({.delay = milliseconds(0), .ca_file = cert});
    ASSERT_TRUE(trusting.ok());
    Result<FetchedPage> page = (*trusting)->Fetch(server.Url("/article.html"));
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ(page->body, fetch::KazakhstanPageForTests());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace veille
