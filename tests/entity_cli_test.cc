// `veille entity NAME | merge | split` on an archive of a few articles that
// spell one man three ways, in three outlets over two months.
#include <gtest/gtest.h>

#include "test_util.h"

namespace veille {
namespace {

using testing::ParseLines;
using testing::RunVeille;
using testing::TempDir;
using testing::WriteFile;

constexpr const char* kArticles =
    R"({"id":"a1","outlet":"Le Monde","published":"2022-01-05","text":"Visite à Minsk\n\nAlexandre Loukachenko a reçu mardi le ministre russe des affaires étrangères à Minsk. Loukachenko a promis une coopération renforcée.\n"}
{"id":"a2","outlet":"Libération","published":"2022-02-01","text":"Élections en Biélorussie\n\nLe président biélorusse Loukachenka a annoncé un référendum. Selon l'opposition, Loukachenka veut rester au pouvoir.\n"}
{"id":"a3","outlet":"Le Monde","published":"2022-02-20","text":"Sanctions européennes\n\nL'Union européenne a adopté de nouvelles sanctions contre le régime d'Alexandre Lukashenko, accusé de fraude électorale.\n"}
{"id":"a4","outlet":"Le Figaro","published":"2022-03-02","text":"Conseil des ministres\n\nEmmanuel Macron a réuni le gouvernement à Paris. Le président Macron a parlé de l'Ukraine.\n"}
{"id":"a5","outlet":"Le Monde","published":"2022-01-06","text":"Émeutes\n\nÀ Alma-Ata, des affrontements ont opposé la police aux manifestants.\n"}
)";

class EntityCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "e.db").string();
    WriteFile(dir_ / "a.jsonl", kArticles);
    auto ingest = RunVeille({"ingest", "--db", db_, (dir_ / "a.jsonl").string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  nlohmann::json Entity(const std::string& name) {
    auto run = RunVeille({"entity", name, "--db", db_, "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    auto lines = ParseLines(run.out);
    return lines.size() == 1 ? lines[0] : nlohmann::json();
  }
  static std::map<std::string, int> Spellings(const nlohmann::json& entity) {
    std::map<std::string, int> out;
    for (const auto& s : entity["spellings"]) out[s["text"]] = s["mentions"];
    return out;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(EntityCliTest, OneIdentityForEverySpelling) {
  for (const char* asked : {"Lukashenko", "Loukachenko", "Alexandre Loukachenka", "Лукашенко"}) {
    nlohmann::json e = Entity(asked);
    EXPECT_EQ(e["type"], "PER") << asked;
    EXPECT_EQ(e["articles"], 3) << asked;
    EXPECT_EQ(Spellings(e), (std::map<std::string, int>{{"Alexandre Loukachenko", 1},
                                                        {"Loukachenko", 1},
                                                        {"Loukachenka", 2},
                                                        {"Alexandre Lukashenko", 1}}))
        << asked << ": " << e.dump();
  }
  nlohmann::json e = Entity("Lukashenko");
  EXPECT_EQ(e["months"].size(), 2u);
  EXPECT_EQ(e["outlets"][0]["outlet"], "Le Monde");
  EXPECT_EQ(e["outlets"][0]["articles"], 2);
  EXPECT_EQ(e["recent"][0]["published"], "2022-02-20");  // most recent first
  // Someone else is someone else.
  EXPECT_EQ(Entity("Macron")["articles"], 1);
  EXPECT_EQ(Entity("Poutine")["articles"], 0);
}

TEST_F(EntityCliTest, MergesAndSplitsHoldAcrossReingests) {
  auto split = RunVeille({"entity", "split", "Lukashenko", "Alexandre Lukashenko", "--db", db_});
  ASSERT_EQ(split.exit_code, 0) << split.err;
  auto merge = RunVeille({"entity", "merge", "Macron", "Loukachenko", "--db", db_});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  auto check = [&](int articles) {
    nlohmann::json e = Entity("Lukashenko");
    std::map<std::string, int> spellings = Spellings(e);
    EXPECT_FALSE(spellings.contains("Alexandre Lukashenko")) << e.dump();
    // Same key as the split spelling, but not it: still counted.
    EXPECT_TRUE(spellings.contains("Alexandre Loukachenko")) << e.dump();
    EXPECT_TRUE(spellings.contains("Emmanuel Macron")) << e.dump();
    EXPECT_EQ(e["articles"], articles) << e.dump();
  };
  check(3);  // a1, a2, a4; a3 only has the split spelling
  // The same articles again, and a new one: the decisions still hold.
  WriteFile(dir_ / "b.jsonl",
            R"({"id":"b1","outlet":"Le Monde","published":"2022-04-01","text":"Minsk\n\nLoukachenko a parlé.\n"})"
            "\n");
  ASSERT_EQ(RunVeille({"ingest", "--db", db_, (dir_ / "a.jsonl").string(), (dir_ / "b.jsonl").string()})
                .exit_code, 0);
  check(4);  // and b1
  // Merging a name with itself is refused.
  auto same = RunVeille({"entity", "merge", "Macron", "MACRON", "--db", db_});
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("already one name"), std::string::npos) << same.err;
}

// entity: in a search finds every spelling too, and a place by any of its
// names.
TEST_F(EntityCliTest, SearchFindsEverySpelling) {
  auto search = [&](const std::string& query) {
    auto run = RunVeille({"search", "--db", db_, "--json", query});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return ParseLines(run.out).size();
  };
  EXPECT_EQ(search("entity:Lukashenko"), 3u);
  EXPECT_EQ(search("entity:Лукашенко"), 3u);
  EXPECT_EQ(search("entity:Almaty"), 1u);  // "Alma-Ata"
  EXPECT_EQ(search("entity:Алматы"), 1u);
}

TEST_F(EntityCliTest, KnownPlacesByTheirKnowledgeBaseId) {
  nlohmann::json e = Entity("Biélorussie");
  EXPECT_EQ(e["entity"], "country:BY");
  EXPECT_EQ(e["name"], "Belarus");
  EXPECT_GE(e["articles"].get<int>(), 1);
  EXPECT_TRUE(Spellings(e).contains("biélorusse")) << e.dump();
}

}  // namespace
}  // namespace veille
