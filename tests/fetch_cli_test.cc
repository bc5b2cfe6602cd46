// `veille fetch`, `veille watch` and `veille extract URL` end to end, against
// a web server the test starts on 127.0.0.1 (never an outside address).
#include <gtest/gtest.h>

#include "fetch/http_server_for_tests.h"
#include "fetch/pages_for_tests.h"
#include "test_util.h"
#include "veille/store.h"

namespace veille {
namespace {

using fetch::HttpServerForTests;
using nlohmann::json;
using testing::ParseLines;
using testing::RunVeille;
using testing::TempDir;
using testing::WriteFile;

class FetchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("User-agent: *\nDisallow: /prive/\n", "text/plain");
    });
    server_.Get("/kazakhstan.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::KazakhstanPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/lyon.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::MunicipalPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/prive/note.html", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::MunicipalPageForTests(), "text/html; charset=utf-8");
    });
    server_.Get("/logo.png", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string("\x89PNG\r\n\x1a\n", 8), "image/png");
    });
    // A feed with validators (the second round gets 304) and one without
    // (the second round finds its items already taken).
    server_.Get("/une.xml", [](const httplib::Request& request, httplib::Response& response) {
      response.set_header("Last-Modified", "Thu, 06 Jan 2022 09:00:00 GMT");
      if (request.get_header_value("If-Modified-Since") == "Thu, 06 Jan 2022 09:00:00 GMT") {
        response.status = 304;
        return;
      }
      response.set_content(fetch::FeedForTests({{"Kazakhstan", "/kazakhstan.html"}}), "application/rss+xml");
    });
    server_.Get("/regions.xml", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(fetch::FeedForTests({{"Lyon", "/lyon.html"}, {"Kazakhstan", "/kazakhstan.html"}}),
                           "text/xml");
    });
    ASSERT_TRUE(server_.Start());
  }

  uint64_t Count(const std::string& db) {
    Result<std::unique_ptr<Store>> store = Store::Open(db, {.read_only = true});
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return 0;
    Result<uint64_t> count = (*store)->Count();
    return count.ok() ? *count : 0;
  }

  HttpServerForTests server_;
  TempDir dir_;
};

TEST_F(FetchCliTest, WatchOnceTwiceStoresEachItemOnce) {
  std::string db = (dir_ / "veille.db").string();
  WriteFile(dir_ / "flux.txt", "# Le Quotidien du Test\n" + server_.Url("/une.xml") + "\n\n" +
                                   server_.Url("/regions.xml") + "\n");
  std::vector<std::string> args = {"watch", "--feeds", (dir_ / "flux.txt").string(), "--once", "--db", db,
                                   "--delay", "0", "--kb", "none", "--tagger-model", "none"};
  auto first = RunVeille(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("2 feeds (0 unchanged, 0 failed), 2 new items (2 pages, 0 from the feed, 0 failed): "
                           "2 stored"),
            std::string::npos)
      << first.err;
  EXPECT_EQ(Count(db), 2u);
  EXPECT_EQ(server_.Count("/kazakhstan.html"), 1);
  EXPECT_EQ(server_.Count("/lyon.html"), 1);
  // The state sits beside the archive.
  json state = json::parse(testing::ReadFile(dir_ / "veille.db.watch.json"));
  EXPECT_EQ(state["schema"], "veille.watch/1");
  EXPECT_EQ(state["feeds"][server_.Url("/une.xml")]["last_modified"], "Thu, 06 Jan 2022 09:00:00 GMT");

  auto second = RunVeille(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("2 feeds (1 unchanged, 0 failed), 0 new items"), std::string::npos) << second.err;
  EXPECT_EQ(Count(db), 2u);
  EXPECT_EQ(server_.Count("/kazakhstan.html"), 1);
  EXPECT_EQ(server_.Count("/lyon.html"), 1);
  EXPECT_EQ(server_.Count("/une.xml"), 2);
  // Every request said who it came from.
  for (const auto& request : server_.requests()) EXPECT_EQ(request.user_agent.substr(0, 7), "veille/");
}

TEST_F(FetchCliTest, WatchNeedsAUsableFeedList) {
  WriteFile(dir_ / "flux.txt", "www.exemple.fr/rss\n");
  auto bad = RunVeille({"watch", "--feeds", (dir_ / "flux.txt").string(), "--once", "--db",
                        (dir_ / "v.db").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("flux.txt:1: 'www.exemple.fr/rss' is not an absolute URL"), std::string::npos) << bad.err;
  WriteFile(dir_ / "vide.txt", "# rien\n");
  EXPECT_EQ(RunVeille({"watch", "--feeds", (dir_ / "vide.txt").string(), "--once"}).exit_code, 2);
}

TEST_F(FetchCliTest, FetchStoresThePageWithItsUrl) {
  std::string db = (dir_ / "veille.db").string();
  auto run = RunVeille({"fetch", server_.Url("/kazakhstan.html"), "--db", db, "--delay", "0", "--kb", "none",
                        "--tagger-model", "none"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Count(db), 1u);
  auto search = RunVeille({"search", "--db", db, "--json", "Tokaïev"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  auto hits = ParseLines(search.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["url"], server_.Url("/kazakhstan.html"));
  EXPECT_EQ(hits[0]["outlet"], "Le Quotidien du Test");
  // Again: nothing new.
  auto again = RunVeille({"fetch", server_.Url("/kazakhstan.html"), "--db", db, "--delay", "0", "--kb", "none",
                          "--tagger-model", "none"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 stored (0 new versions), 1 already in the archive"), std::string::npos) << again.err;
  EXPECT_EQ(Count(db), 1u);
}

TEST_F(FetchCliTest, FetchPrintsArticlesAndReportsWhatItCouldNotRead) {
  auto run = RunVeille({"fetch", server_.Url("/kazakhstan.html"), server_.Url("/prive/note.html"),
                        server_.Url("/logo.png"), "ftp://127.0.0.1/x", "--delay", "0", "--kb", "none",
                        "--tagger-model", "none"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["source"]["url"], server_.Url("/kazakhstan.html"));
  EXPECT_EQ(records[0]["source"]["format"], "html");
  EXPECT_TRUE(records[0]["source"].contains("fetched"));
  EXPECT_TRUE(records[0]["errors"].empty());
  EXPECT_EQ(records[1]["errors"][0]["code"], "disallowed");
  EXPECT_EQ(records[2]["errors"][0]["code"], "unsupported");
  EXPECT_EQ(records[3]["errors"][0]["code"], "invalid_argument");
  EXPECT_NE(run.err.find("veille: fetch: " + server_.Url("/prive/note.html") +
                         ": disallowed: robots.txt of 127.0.0.1 disallows /prive/note.html"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(server_.Url("/logo.png") + ": unsupported: image/png"), std::string::npos) << run.err;
  EXPECT_EQ(server_.Count("/prive/note.html"), 0);
}

TEST_F(FetchCliTest, ExtractReadsAUrl) {
  auto run = RunVeille({"extract", server_.Url("/kazakhstan.html")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Kassym-Jomart Tokaïev, a accepté"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("Accueil"), std::string::npos);
  auto refused = RunVeille({"extract", server_.Url("/prive/note.html")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("robots.txt of 127.0.0.1 disallows"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace veille
