// `veille quotes --speaker NAME` on a small archive, and `veille eval quotes`
// on the annotated data.
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_util.h"

namespace veille {
namespace {

using testing::HaveSharedData;
using testing::ParseLines;
using testing::RunVeille;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

constexpr const char* kArticles =
    R"({"id":"q1","outlet":"Le Monde","published":"2022-01-05","text":"Visite à Minsk\n\nAlexandre Loukachenko a reçu mardi le ministre russe. « Notre coopération sera renforcée », a promis Loukachenko devant la presse.\n"}
{"id":"q2","outlet":"Libération","published":"2022-02-01","text":"Référendum\n\nLe président biélorusse Loukachenka a affirmé que le référendum aurait lieu en février.\n"}
{"id":"q3","outlet":"Le Figaro","published":"2022-03-02","text":"Conseil des ministres\n\nEmmanuel Macron a évoqué Alexandre Loukachenko. « La Biélorussie doit respecter ses engagements », a déclaré Emmanuel Macron.\n"}
)";

class QuotesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "q.db").string();
    WriteFile(dir_ / "a.jsonl", kArticles);
    auto ingest = RunVeille({"ingest", "--db", db_, (dir_ / "a.jsonl").string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(QuotesCliTest, WhatAPersonSaidInEverySpelling) {
  for (const char* asked : {"Lukashenko", "Loukachenko", "Лукашенко"}) {
    auto run = RunVeille({"quotes", "--speaker", asked, "--db", db_, "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto lines = ParseLines(run.out);
    ASSERT_EQ(lines.size(), 2u) << asked << "\n" << run.out;
    std::set<std::string> kinds, outlets;
    for (const auto& q : lines) {
      kinds.insert(q["kind"]);
      outlets.insert(q["article"]["outlet"]);
      // Each article's own identity: the full name in one, the surname in the other.
      EXPECT_TRUE(q["speaker"]["entity"].get<std::string>().ends_with("lukasenko")) << q.dump();
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"direct", "indirect"}));
    EXPECT_EQ(outlets, (std::set<std::string>{"Le Monde", "Libération"}));
  }
  // Named in the third article, but not quoted there.
  auto run = RunVeille({"quotes", "--speaker", "Macron", "--db", db_});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("La Biélorussie doit respecter ses engagements"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Le Figaro"), std::string::npos);
  auto none = RunVeille({"quotes", "--speaker", "Merkel", "--db", db_});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("no quotation"), std::string::npos);
  // Narrowed by a search: words and facets after the name.
  auto narrowed = RunVeille({"quotes", "--speaker", "Lukashenko", "--db", db_, "--json",
                             "référendum", "outlet:Libération"});
  ASSERT_EQ(narrowed.exit_code, 0) << narrowed.err;
  EXPECT_EQ(ParseLines(narrowed.out).size(), 1u) << narrowed.out;
  auto search = RunVeille({"search", "--db", db_, "--json", "speaker:Loukachenka"});
  EXPECT_EQ(ParseLines(search.out).size(), 2u);
}

TEST_F(QuotesCliTest, AnalyzePrintsQuotes) {
  WriteFile(dir_ / "one.txt", "Titre\n\n« Nous partirons », a déclaré Angela Merkel.\n");
  auto run = RunVeille({"analyze", (dir_ / "one.txt").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto lines = ParseLines(run.out);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0]["quotes"].size(), 1u);
  const auto& q = lines[0]["quotes"][0];
  EXPECT_EQ(q["text"], "Nous partirons");
  EXPECT_EQ(q["kind"], "direct");
  EXPECT_EQ(q["unclosed"], false);
  EXPECT_EQ(q["speaker"]["text"], "Angela Merkel");
  EXPECT_EQ(q["cue"]["verb"], "déclarer");
  EXPECT_TRUE(q["channel"].is_null());
  EXPECT_GT(q["confidence"].get<double>(), 0.5);
}

// The scorers on the real data, as documented in the README: the numbers
// are printed, and the span scores are sane.
TEST_F(QuotesCliTest, EvalOnTheAnnotatedData) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  std::string texts = (dir_ / "wikinews").string();
  std::string command = std::string("python3 ") + VEILLE_SOURCE_DIR "/scripts/wikinews-text " + texts + " " +
                        (SharedData() / "wikinews-fr").string() + "/*.html";
  ASSERT_EQ(std::system(command.c_str()), 0);
  auto run = RunVeille({"eval", "quotes", "--gold", VEILLE_SOURCE_DIR "/data/eval/wikinews-quotes.jsonl",
                        "--texts", texts});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("| every kind |"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("speaker accuracy"), std::string::npos);
  auto usage = RunVeille({"eval", "quotes", "--gold", VEILLE_SOURCE_DIR "/data/eval/wikinews-quotes.jsonl"});
  EXPECT_EQ(usage.exit_code, 2);
}

}  // namespace
}  // namespace veille
