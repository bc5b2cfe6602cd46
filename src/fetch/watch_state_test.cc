#include "fetch/watch_state.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace veille::fetch {
namespace {

namespace fs = std::filesystem;

class WatchStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille-watch-state-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / "veille.db.watch.json").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;
};

TEST_F(WatchStateTest, AMissingFileIsAFreshStart) {
  Result<WatchState> state = WatchState::Load(path_);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->Find("http://exemple.fr/rss"), nullptr);
}

TEST_F(WatchStateTest, SavedAndReadBack) {
  WatchState state;
  FeedState& feed = state.Feed("http://exemple.fr/rss");
  feed.etag = "\"abc\"";
  feed.last_modified = "Thu, 06 Jan 2022 08:30:00 GMT";
  feed.checked = "2022-01-06T08:31:00Z";
  feed.MarkSeen("http://exemple.fr/a", 100);
  feed.MarkSeen("http://exemple.fr/b", 100);
  feed.attempts["http://exemple.fr/c"] = 2;
  ASSERT_TRUE(state.Save(path_).ok());
  // Written whole, by rename: nothing is left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);

  Result<WatchState> read = WatchState::Load(path_);
  ASSERT_TRUE(read.ok()) << read.status().message();
  const FeedState* again = read->Find("http://exemple.fr/rss");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->etag, "\"abc\"");
  EXPECT_EQ(again->last_modified, "Thu, 06 Jan 2022 08:30:00 GMT");
  EXPECT_EQ(again->checked, "2022-01-06T08:31:00Z");
  EXPECT_TRUE(again->Seen("http://exemple.fr/a"));
  EXPECT_TRUE(again->Seen("http://exemple.fr/b"));
  EXPECT_FALSE(again->Seen("http://exemple.fr/c"));
  EXPECT_EQ(again->attempts.at("http://exemple.fr/c"), 2);
}

TEST_F(WatchStateTest, SeenLinksAreBoundedOldestForgottenFirst) {
  FeedState feed;
  feed.attempts["l3"] = 1;
  for (int i = 0; i < 10; ++i) feed.MarkSeen("l" + std::to_string(i), 4);
  feed.MarkSeen("l9", 4);  // again: no duplicate
  EXPECT_EQ(feed.seen(), (std::deque<std::string>{"l6", "l7", "l8", "l9"}));
  EXPECT_FALSE(feed.Seen("l5"));
  EXPECT_TRUE(feed.attempts.empty());  // seen is done with
}

TEST_F(WatchStateTest, AFileThatIsNotAStateIsAnErrorNotOverwritten) {
  for (const char* text : {"pas du json", "[1,2]", "{\"schema\":\"autre\"}", "{\"schema\":\"veille.watch/1\"}"}) {
    std::ofstream(path_) << text;
    Result<WatchState> state = WatchState::Load(path_);
    ASSERT_FALSE(state.ok()) << text;
    EXPECT_EQ(state.status().code(), StatusCode::kInvalidJson);
    EXPECT_NE(state.status().message().find("is not a veille watch state file"), std::string::npos);
  }
}

TEST_F(WatchStateTest, AnUnwritablePlaceIsAnError) {
  WatchState state;
  Status saved = state.Save((dir_ / "pas-de-dossier" / "etat.json").string());
  EXPECT_EQ(saved.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace veille::fetch
