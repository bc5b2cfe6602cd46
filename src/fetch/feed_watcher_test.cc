// FeedWatcher's rounds against a server on 127.0.0.1: new items fetched
// once, conditional GET of the feeds, the feed's own content when a page
// cannot be had, retries of the rest, and a state that survives the process.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fetch/http_server_for_tests.h"
#include "fetch/pages_for_tests.h"
#include "veille/watch.h"

namespace veille {
namespace {

namespace fs = std::filesystem;
using fetch::HttpServerForTests;
using std::chrono::milliseconds;

class FeedWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille-feed-watcher-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("User-agent: *\nDisallow: /prive/\n", "text/plain");
    });
    server_.Get("/kazakhstan.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::KazakhstanPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/lyon.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::MunicipalPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/disparu.html", [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
    // The feed: two pages, one robots.txt forbids (its description is
    // stored instead), one that is gone and has no description, and a
    // relative link to a page already listed.
    server_.Get("/une.xml", [](const httplib::Request& request, httplib::Response& response) {
      const char* etag = "\"une-1\"";
      response.set_header("ETag", etag);
      if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return;
      }
      std::string extra =
          "<item><title>Perdu</title><link>/disparu.html</link></item>\n"
          "<item><title>Encore</title><link>kazakhstan.html</link></item>\n";
      response.set_content(fetch::FeedForTests({{"Kazakhstan", "/kazakhstan.html"},
                                                {"Lyon", "/lyon.html"},
                                                {"Conseil restreint", "/prive/conseil.html"}},
                                               extra),
                           "application/rss+xml");
    });
    ASSERT_TRUE(server_.Start());
    Result<std::unique_ptr<Store>> store = Store::Open((dir_ / "veille.db").string());
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    Result<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create({.delay = milliseconds(0)});
    ASSERT_TRUE(fetcher.ok());
    fetcher_ = std::move(fetcher).value();
    options_.tagger_model = "none";
    options_.knowledge_base = "none";
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  std::unique_ptr<FeedWatcher> Watcher() {
    WatchOptions watch;
    watch.state_path = (dir_ / "veille.db.watch.json").string();
    Result<std::unique_ptr<FeedWatcher>> watcher = FeedWatcher::Create(*fetcher_, watch);
    EXPECT_TRUE(watcher.ok()) << watcher.status().message();
    return std::move(watcher).value();
  }

  WatchReport Round(FeedWatcher& watcher, std::vector<std::string>* errors = nullptr,
                    const std::atomic<bool>* stop = nullptr) {
    IngestOptions ingest;
    ingest.threads = 1;
    ingest.learn_boilerplate = false;
    Result<WatchReport> report = watcher.Round(
        {server_.Url("/une.xml")}, *store_, options_, ingest, {},
        [&](const Article& article) {
          if (errors) errors->push_back(article.source.path + " " + article.errors[0].message);
        },
        stop);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? *report : WatchReport{};
  }

  fs::path dir_;
  HttpServerForTests server_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Fetcher> fetcher_;
  Options options_;
};

TEST_F(FeedWatcherTest, NewItemsOnceThenNothing) {
  auto watcher = Watcher();
  std::vector<std::string> errors;
  WatchReport first = Round(*watcher, &errors);
  EXPECT_EQ(first.feeds, 1u);
  EXPECT_EQ(first.new_items, 4u);  // the relative link is the Kazakhstan page again
  EXPECT_EQ(first.pages, 2u);
  EXPECT_EQ(first.from_feed, 1u);  // robots.txt forbids the page: its description
  EXPECT_EQ(first.items_failed, 1u);
  EXPECT_EQ(first.ingest.totals.stored, 3u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], server_.Url("/disparu.html") + " HTTP 404 (Not Found); will be tried again next round");
  EXPECT_EQ(server_.Count("/kazakhstan.html"), 1);
  EXPECT_EQ(server_.Count("/prive/conseil.html"), 0);
  Result<uint64_t> count = store_->Count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 3u);

  // The lost page is tried again (so the feed is read whole again), then
  // given up in the third round; the others are not fetched again.
  errors.clear();
  WatchReport second = Round(*watcher, &errors);
  EXPECT_EQ(second.feeds_unchanged, 0u);
  EXPECT_EQ(second.new_items, 1u);
  EXPECT_EQ(second.items_failed, 1u);
  WatchReport third = Round(*watcher, &errors);
  EXPECT_EQ(third.new_items, 1u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[1].find("given up after 3 rounds"), std::string::npos) << errors[1];
  EXPECT_EQ(server_.Count("/kazakhstan.html"), 1);
  EXPECT_EQ(server_.Count("/lyon.html"), 1);
  EXPECT_EQ(server_.Count("/disparu.html"), 3);

  // Now the feed's validators are kept: it answers 304.
  WatchReport fourth = Round(*watcher);
  EXPECT_EQ(fourth.feeds_unchanged, 1u);
  EXPECT_EQ(fourth.new_items, 0u);
  EXPECT_EQ(fourth.ingest.totals.articles, 0u);
  EXPECT_EQ(server_.requests().back().if_none_match, "\"une-1\"");

  // A watcher started afresh reads the same state from the file.
  auto restarted = Watcher();
  WatchReport fifth = Round(*restarted);
  EXPECT_EQ(fifth.feeds_unchanged, 1u);
  count = store_->Count();
  EXPECT_EQ(*count, 3u);
}

TEST_F(FeedWatcherTest, AStoppedRoundFetchesNothingAndForgetsNothing) {
  auto watcher = Watcher();
  std::atomic<bool> stop{true};
  WatchReport stopped = Round(*watcher, nullptr, &stop);
  EXPECT_EQ(stopped.feeds, 0u);
  EXPECT_TRUE(server_.requests().empty());
  WatchReport next = Round(*watcher);
  EXPECT_EQ(next.new_items, 4u);
}

TEST_F(FeedWatcherTest, FeedsThatFailAreReportedAndTheRoundGoesOn) {
  auto watcher = Watcher();
  IngestOptions ingest;
  ingest.learn_boilerplate = false;
  std::vector<std::string> errors;
  Result<WatchReport> report = watcher->Round(
      {server_.Url("/absent.xml"), server_.Url("/kazakhstan.html"), server_.Url("/une.xml")}, *store_, options_,
      ingest, {}, [&](const Article& article) { errors.push_back(article.errors[0].message); });
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->feeds, 3u);
  EXPECT_EQ(report->feeds_failed, 2u);
  EXPECT_EQ(report->pages, 2u);
  ASSERT_GE(errors.size(), 2u);
  EXPECT_EQ(errors[0], "HTTP 404 (Not Found)");
  EXPECT_EQ(errors[1].substr(0, 12), "not a feed: ");
}

TEST(FeedListTest, UrlsCommentsAndMistakes) {
  fs::path path = fs::temp_directory_path() / ("veille-feeds-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << "# Nos flux\n\nhttps://www.lemonde.fr/rss/une.xml\n  http://127.0.0.1:8080/flux.xml  \r\n";
  }
  Result<std::vector<std::string>> feeds = ReadFeedList(path.string());
  ASSERT_TRUE(feeds.ok());
  EXPECT_EQ(*feeds, (std::vector<std::string>{"https://www.lemonde.fr/rss/une.xml", "http://127.0.0.1:8080/flux.xml"}));
  {
    std::ofstream out(path);
    out << "https://www.lemonde.fr/rss/une.xml\nwww.lefigaro.fr/rss\n";
  }
  Result<std::vector<std::string>> bad = ReadFeedList(path.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().substr(0, path.string().size() + 3), path.string() + ":2:");
  fs::remove(path);
  EXPECT_EQ(ReadFeedList(path.string()).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace veille
