// `veille train tagger` and `veille eval tagger` end to end, and the
// tagger model chosen by `analyze --tagger-model`.
#include <gtest/gtest.h>

#include "test_util.h"

namespace veille {
namespace {

using testing::ParseLines;
using testing::RunVeille;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// A small CoNLL file: enough sentences for a model to learn these names.
std::string SmallCorpus() {
  std::string corpus;
  const char* people[] = {"Dupont", "Martin", "Bernard", "Durand"};
  const char* places[] = {"Lyon", "Lille", "Nantes", "Rennes"};
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 4; ++i) {
      corpus += "0\tJean\tB-PER\n1\t" + std::string(people[i]) + "\tI-PER\n2\test\tO\n3\tné\tO\n";
      corpus += "4\tà\tO\n5\t" + std::string(places[i]) + "\tB-LOC\n6\t.\tO\n\n";
    }
  }
  return corpus;
}

TEST(TaggerCliTest, TrainThenEvaluate) {
  TempDir dir;
  WriteFile(dir / "train.conllu", SmallCorpus());
  std::string model = (dir / "m.model").string();
  auto train = RunVeille({"train", "tagger", "--train", (dir / "train.conllu").string(), "--out",
                          model, "--epochs", "3", "--dev-share", "0.2"});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  EXPECT_NE(train.out.find("model written to"), std::string::npos) << train.out;
  EXPECT_NE(train.err.find("epoch  3"), std::string::npos) << train.err;
  auto eval = RunVeille({"eval", "tagger", "--model", model, "--gold",
                         (dir / "train.conllu").string(), "--show-errors", "3"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  EXPECT_NE(eval.out.find("| micro |"), std::string::npos) << eval.out;
  EXPECT_NE(eval.out.find("| PER   |"), std::string::npos) << eval.out;
  // The model is used by analyze, and finds what it learned.
  WriteFile(dir / "a.txt", "Titre\n\nJean Dupont est né à Lyon.\n");
  auto analyze = RunVeille({"analyze", "--tagger-model", model, (dir / "a.txt").string()});
  ASSERT_EQ(analyze.exit_code, 0) << analyze.err;
  auto records = ParseLines(analyze.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0]["entities"].empty()) << analyze.out;
}

TEST(TaggerCliTest, ClearErrors) {
  TempDir dir;
  WriteFile(dir / "bad.conllu", "0\tJean\n");
  auto bad = RunVeille({"train", "tagger", "--train", (dir / "bad.conllu").string(), "--out",
                        (dir / "m.model").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.conllu:1"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "m.model"));
  WriteFile(dir / "not-a-model", "hello");
  auto eval = RunVeille({"eval", "tagger", "--model", (dir / "not-a-model").string(), "--gold",
                         (dir / "bad.conllu").string()});
  EXPECT_EQ(eval.exit_code, 2);
  EXPECT_NE(eval.err.find("not a veille tagger model"), std::string::npos) << eval.err;
  auto analyze = RunVeille({"analyze", "--tagger-model", (dir / "missing").string(),
                            (SourceDir() / "samples").string()});
  EXPECT_EQ(analyze.exit_code, 2);
  EXPECT_NE(analyze.err.find("cannot read the tagger model"), std::string::npos) << analyze.err;
  auto none = RunVeille({"analyze", "--tagger-model", "none", (SourceDir() / "samples").string()});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_TRUE(ParseLines(none.out)[0]["entities"].empty());
  EXPECT_EQ(RunVeille({"eval", "tagger", "--gold", (dir / "bad.conllu").string(), "--types", "XYZ"})
                .exit_code, 2);
}

TEST(NameCliTest, EvalNamesOnLabelledPairs) {
  TempDir dir;
  WriteFile(dir / "pairs.tsv",
            "1\tЛукашенко\tLoukachenko\n1\tTokayev\tTokaïev\n0\tTokayev\tTokarev\n"
            "0\tParis\tPerm\n");
  auto run = RunVeille({"eval", "names", "--pairs", (dir / "pairs.tsv").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("| spellings of one thing (recall) | 2 | 2 | 1.000 |"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("| different things (false matches) | 2 | 0 | 0.0000 |"), std::string::npos)
      << run.out;
  WriteFile(dir / "bad.tsv", "yes\tA\tB\n");
  auto bad = RunVeille({"eval", "names", "--pairs", (dir / "bad.tsv").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.tsv:1"), std::string::npos) << bad.err;
}

// B-cubed on gold mentions: "M . Dupont" and "Dupont" are one person
// (surname), "Paris" twice one place; a NIL person stays apart.
TEST(NameCliTest, EvalResolveOnHipeGoldMentions) {
  TempDir dir;
  const char* header =
      "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
      "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n";
  auto row = [](const char* token, const char* tag, const char* link) {
    return std::string(token) + "\t" + tag + "\tO\tO\tO\tO\tO\t" + link + "\t_\t_\n";
  };
  std::string tsv = header;
  tsv += "# hipe2022:document_id = d1\n";
  tsv += row("M", "B-pers", "Q1") + row(".", "I-pers", "Q1") + row("Dupont", "I-pers", "Q1") +
         row("à", "O", "_") + row("Paris", "B-loc", "Q90") + row(".", "O", "_");
  tsv += row("Dupont", "B-pers", "Q1") + row("et", "O", "_") + row("Durand", "B-pers", "NIL") +
         row("quittent", "O", "_") + row("Paris", "B-loc", "Q90") + row(".", "O", "_");
  WriteFile(dir / "gold.tsv", tsv);
  auto run = RunVeille({"eval", "resolve", "--gold", (dir / "gold.tsv").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("4 gold mentions with a Wikidata id (2 ids); veille formed 2 identities"),
            std::string::npos) << run.out;
  EXPECT_NE(run.out.find("| 1.000 | 1.000 | 1.000 | 1 | 0 (0.000) |"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace veille
