// `veille analyze` end to end: inputs of every kind, hostile ones included,
// and the documented exit codes (0 all good, 1 article errors, 2 usage or I/O).
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include "test_util.h"

namespace veille {
namespace {

using nlohmann::json;
using testing::ParseLines;
using testing::RunVeille;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

const std::string kArticle =
    "Un titre\n\nLe président a parlé aux manifestants. Ils ont écouté.\n";

// Writes `data` gzip-compressed (through zlib's file API, as gzip(1) would).
void WriteGzip(const std::filesystem::path& path, const std::string& data) {
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
}

std::string FirstErrorCode(const json& record) {
  return record["errors"].empty() ? "" : record["errors"][0]["code"].get<std::string>();
}

TEST(CliTest, SpecimenSample) {
  auto run = RunVeille({"analyze", (SourceDir() / "samples").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_GE(records.size(), 1u);
  EXPECT_EQ(records[0]["schema"], "veille.article/1");
  EXPECT_EQ(records[0]["source"]["outlet"]["name"], "News-Front");
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunVeille({}).exit_code, 2);
  EXPECT_EQ(RunVeille({"analyze"}).exit_code, 2);
  EXPECT_EQ(RunVeille({"analyze", "--threads", "-3", "x"}).exit_code, 2);
  EXPECT_EQ(RunVeille({"analyze", "--bogus", "x"}).exit_code, 2);
  EXPECT_EQ(RunVeille({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunVeille({"--help"}).exit_code, 0);
}

TEST(CliTest, StdinTextAndJsonl) {
  auto text = RunVeille({"analyze", "-"}, kArticle);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  auto records = ParseLines(text.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["path"], "-");
  EXPECT_EQ(records[0]["title"]["text"], "Un titre");

  auto jsonl = RunVeille({"analyze", "-"},
                         "{\"id\":\"x\",\"url\":\"https://www.lemonde.fr/a\",\"title\":"
                         "\"T\",\"published\":\"2022-01-06\",\"text\":\"Le président a "
                         "parlé aux manifestants du pays.\"}\n");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  records = ParseLines(jsonl.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["id"], "x");
  EXPECT_EQ(records[0]["source"]["outlet"]["name"], "Le Monde");
  EXPECT_EQ(records[0]["source"]["outlet"]["evidence"], "url");
  EXPECT_TRUE(records[0]["title"]["start"].is_null());
  EXPECT_EQ(records[0]["title"]["text"], "T");
  EXPECT_EQ(records[0]["published"]["value"], "2022-01-06");
  EXPECT_EQ(records[0]["published"]["estimated"], false);
}

TEST(CliTest, FoldersAreReadRecursivelyInNameOrderAndCompressionByContent) {
  TempDir dir;
  std::filesystem::create_directories(dir / "b" / "c");
  std::filesystem::create_directories(dir / ".hidden");
  WriteFile(dir / "a.txt", kArticle);
  WriteFile(dir / "b" / "c" / "d.txt", kArticle + "Encore.\n");
  WriteGzip(dir / "b" / "e.data", kArticle + "Gzip.\n");  // the name says nothing
  std::string zst(ZSTD_compressBound(100), '\0');
  std::string jsonl = "{\"text\":\"Zstd un.\"}\n{\"text\":\"Zstd deux.\"}\n";
  zst.resize(ZSTD_compress(zst.data(), zst.size(), jsonl.data(), jsonl.size(), 3));
  WriteFile(dir / "f", zst);
  WriteFile(dir / ".hidden" / "x.txt", kArticle);
  auto run = RunVeille({"analyze", dir.path().string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = ParseLines(run.out);
  std::vector<std::string> paths;
  for (const json& r : records) {
    paths.push_back(std::filesystem::path(r["source"]["path"].get<std::string>()).filename());
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"a.txt", "d.txt", "e.data", "f", "f"}));
  EXPECT_EQ(records[4]["source"]["format"], "jsonl");
  EXPECT_EQ(records[4]["source"]["line"], 2);
}

TEST(CliTest, OutputIsTheSameWhateverTheThreads) {
  auto one = RunVeille({"analyze", "--threads", "1", (SourceDir() / "samples").string(),
                        (SourceDir() / "tests").string()});
  auto many = RunVeille({"analyze", "--threads", "4", (SourceDir() / "samples").string(),
                         (SourceDir() / "tests").string()});
  EXPECT_EQ(one.out, many.out);
  EXPECT_GT(ParseLines(one.out).size(), 5u);
}

TEST(CliTest, EmptyBinaryAndInvalidUtf8Files) {
  TempDir dir;
  WriteFile(dir / "1-empty.txt", "");
  WriteFile(dir / "2-binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12) +
                                      std::string(5000, '\x01'));
  WriteFile(dir / "3-latin1.txt", "Titre\n\nL'\xe9t\xe9 \xe0 Paris fut tr\xe8s chaud.\n");
  WriteFile(dir / "4-broken.txt", "Titre\n\nUn texte \xff\xfe cass\xc3\xa9 ici.\n");
  WriteFile(dir / "5-ok.txt", kArticle);
  auto run = RunVeille({"analyze", dir.path().string()});
  EXPECT_EQ(run.exit_code, 1);
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(FirstErrorCode(records[0]), "empty");
  EXPECT_EQ(FirstErrorCode(records[1]), "binary");
  EXPECT_TRUE(records[1]["blocks"].empty());
  EXPECT_EQ(FirstErrorCode(records[2]), "invalid_utf8");
  EXPECT_EQ(records[2]["language"]["code"], "fr");
  EXPECT_EQ(FirstErrorCode(records[3]), "invalid_utf8");
  EXPECT_FALSE(records[3]["sentences"].empty());
  EXPECT_TRUE(records[4]["errors"].empty());
}

TEST(CliTest, BrokenJsonLinesAreReportedWithLineNumbers) {
  TempDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"text\":\"Premier article en français.\"}\n"
            "{\"text\":\"cassé\"\n"
            "pas du json\n"
            "{\"title\":\"sans texte\"}\n"
            "{\"text\":\"Dernier article en français.\"}\n");
  auto run = RunVeille({"analyze", (dir / "in.jsonl").string()});
  EXPECT_EQ(run.exit_code, 1);
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_TRUE(records[0]["errors"].empty());
  EXPECT_EQ(FirstErrorCode(records[1]), "invalid_json");
  EXPECT_EQ(records[1]["source"]["line"], 2);
  EXPECT_TRUE(records[1]["id"].is_null());
  EXPECT_EQ(FirstErrorCode(records[2]), "invalid_json");
  EXPECT_EQ(FirstErrorCode(records[3]), "missing_field");
  EXPECT_TRUE(records[4]["errors"].empty());
  EXPECT_EQ(records[4]["source"]["line"], 5);
}

TEST(CliTest, MissingAndUnreadablePathsExitTwoButTheRestIsRead) {
  TempDir dir;
  WriteFile(dir / "ok.txt", kArticle);
  // /proc/self/mem opens but cannot be read from offset 0: a real I/O error,
  // which root cannot bypass the way it bypasses file permissions.
  auto run = RunVeille({"analyze", (dir / "missing.txt").string(), "/proc/self/mem",
                        (dir / "ok.txt").string()});
  EXPECT_EQ(run.exit_code, 2);
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(FirstErrorCode(records[0]), "not_found");
  EXPECT_EQ(FirstErrorCode(records[1]), "io_error");
  EXPECT_TRUE(records[2]["errors"].empty());
}

TEST(CliTest, HugeInputsStayWithinTheMemoryBudget) {
  TempDir dir;
  {
    // 200 MB without a newline, and 200 MB of zeros gzipped to 200 kB.
    std::string chunk(1 << 20, 'a');
    std::FILE* f = std::fopen((dir / "huge.txt").c_str(), "wb");
    for (int i = 0; i < 200; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
    std::fclose(f);
    WriteGzip(dir / "bomb.gz", std::string(200 << 20, '\0'));
    WriteFile(dir / "huge.jsonl", "{\"text\":\"" + std::string(30 << 20, 'b') + "\"}\n" +
                                      "{\"text\":\"Une phrase en français ici.\"}\n");
  }
  auto run = RunVeille({"analyze", "--max-article-bytes", "4000000",
                        (dir / "huge.txt").string(), (dir / "bomb.gz").string(),
                        (dir / "huge.jsonl").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(FirstErrorCode(records[0]), "too_large");
  EXPECT_EQ(FirstErrorCode(records[1]), "too_large");
  EXPECT_EQ(FirstErrorCode(records[2]), "too_large");
  EXPECT_EQ(records[2]["source"]["line"], 1);
  EXPECT_TRUE(records[3]["errors"].empty());
  // Nothing near the 200 MB inputs was held: the budget is 4 MB per article
  // and 16 MB per JSON line.
  EXPECT_LT(run.max_rss_kb, 150 * 1024) << "peak RSS " << run.max_rss_kb << " kB";
}

}  // namespace
}  // namespace veille
