// `veille analyze` with its times, `veille search when:`, and `veille eval
// times` on the peers' corpora.
#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace veille {
namespace {

using testing::HaveSharedData;
using testing::ParseLines;
using testing::RunVeille;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

TEST(TimesCliTest, AnalyzePrintsTimesAndSearchFindsWhatArticlesTalkAbout) {
  TempDir dir;
  WriteFile(dir.path() / "a.jsonl",
            R"({"id":"t1","published":"2022-01-12","text":"Sommet\n\nHier, les ministres se sont réunis. Le 5 mars, ils se reverront.\n"}
{"id":"t2","text":"Élections\n\n9 novembre 2012. - Les résultats ont été publiés lundi.\n"}
)");
  auto analyzed = RunVeille({"analyze", (dir.path() / "a.jsonl").string()});
  ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
  auto records = ParseLines(analyzed.out);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(records[0]["times"].size(), 2u);
  EXPECT_EQ(records[0]["times"][0]["value"], "2022-01-11");
  EXPECT_EQ(records[0]["times"][0]["anchor"], "published");
  EXPECT_EQ(records[0]["times"][1]["value"], "2022-03-05");
  EXPECT_EQ(records[1]["published"]["value"], "2012-11-09");
  EXPECT_EQ(records[1]["published"]["evidence"], "dateline");
  EXPECT_EQ(records[1]["times"][1]["value"], "2012-11-05");  // "lundi", told in the past

  std::string db = (dir.path() / "a.db").string();
  ASSERT_EQ(RunVeille({"ingest", "--db", db, (dir.path() / "a.jsonl").string()}).exit_code, 0);
  auto found = RunVeille({"search", "--db", db, "--json", "when:2022-03"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  auto hits = ParseLines(found.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["title"], "Sommet");
  auto bad = RunVeille({"search", "--db", db, "when:mars"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("when: expects a date"), std::string::npos) << bad.err;
}

TEST(TimesCliTest, EvalOnThePeersCorpora) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  auto run = RunVeille({"eval", "times", "--duckling", (SharedData() / "duckling-fr/time_fr.tsv").string(),
                        "--recognizers", (SharedData() / "ms-recognizers-fr/DateTimeModel.json").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("| veille | "), std::string::npos) << run.out;
  auto usage = RunVeille({"eval", "times"});
  EXPECT_NE(usage.exit_code, 0);
}

}  // namespace
}  // namespace veille
