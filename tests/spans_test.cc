// Every span of every output on real corpora points at the input bytes it
// claims: in bounds, on character boundaries, nested as documented, and the
// reported title text equal to the bytes at its offsets. Runs the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "test_util.h"

namespace veille {
namespace {

using nlohmann::json;
using testing::HaveSharedData;
using testing::ParseLines;
using testing::ReadFile;
using testing::RunVeille;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

bool IsCharBoundary(const std::string& raw, uint64_t offset) {
  return offset == raw.size() ||
         (static_cast<unsigned char>(raw[offset]) & 0xC0) != 0x80;
}

struct SpanStats {
  size_t articles = 0, blocks = 0, sentences = 0, tokens = 0;
};

// Checks one output record against the bytes it was made from.
void CheckRecord(const json& record, const std::string& raw, SpanStats& stats) {
  SCOPED_TRACE(record["source"].dump());
  ASSERT_TRUE(record["errors"].empty()) << record["errors"].dump();
  ++stats.articles;
  auto check = [&](const json& span) {
    uint64_t start = span["start"], end = span["end"];
    EXPECT_LE(start, end);
    EXPECT_LE(end, raw.size());
    EXPECT_TRUE(IsCharBoundary(raw, start) && IsCharBoundary(raw, end))
        << start << ".." << end;
    return std::pair<uint64_t, uint64_t>{start, end};
  };
  if (record["title"].is_object() && !record["title"]["start"].is_null()) {
    auto [a, b] = check(record["title"]);
    EXPECT_EQ(raw.substr(a, b - a), record["title"]["text"].get<std::string>());
  }
  std::vector<std::pair<uint64_t, uint64_t>> blocks;
  uint64_t previous_end = 0;
  for (const json& block : record["blocks"]) {
    auto span = check(block);
    EXPECT_GE(span.first, previous_end) << "blocks overlap";
    previous_end = span.second;
    std::string text = raw.substr(span.first, span.second - span.first);
    EXPECT_FALSE(text.empty());
    EXPECT_NE(text.front(), ' ');
    EXPECT_NE(text.back(), '\n');
    if (block["kind"] != "boilerplate") blocks.push_back(span);
    ++stats.blocks;
  }
  previous_end = 0;
  size_t token = 0;
  const json& tokens = record["tokens"];
  for (const json& sentence : record["sentences"]) {
    auto [a, b] = check(sentence);
    EXPECT_GE(a, previous_end) << "sentences overlap";
    previous_end = b;
    bool inside = std::any_of(blocks.begin(), blocks.end(), [&](auto block) {
      return block.first <= a && b <= block.second;
    });
    EXPECT_TRUE(inside) << "sentence " << a << ".." << b << " outside analysed blocks";
    ++stats.sentences;
    // The sentence's tokens are the next ones, inside it.
    bool first = true;
    while (token < tokens.size() && tokens[token]["start"].get<uint64_t>() < b) {
      auto [ta, tb] = check(tokens[token]);
      EXPECT_GE(ta, a);
      EXPECT_LE(tb, b);
      if (first) EXPECT_EQ(ta, a) << "a sentence starts with its first token";
      first = false;
      std::string text = raw.substr(ta, tb - ta);
      EXPECT_FALSE(text.empty());
      EXPECT_EQ(text.find('\n'), std::string::npos) << "token spans a line break";
      ++token;
      ++stats.tokens;
    }
  }
  EXPECT_EQ(token, tokens.size()) << "tokens outside every sentence";
}

// Plain text from a Wikinews page: <h1> title, <p>/<h2> paragraphs.
std::string WikinewsToText(const std::string& html) {
  static const std::regex block(R"(<(h1|h2|p)[^>]*>([\s\S]*?)</\1>)");
  static const std::regex tag(R"(<[^>]+>)");
  std::string out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), block);
       it != std::sregex_iterator(); ++it) {
    std::string text = std::regex_replace((*it)[2].str(), tag, "");
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    out += text + "\n\n";
  }
  return out;
}

TEST(SpansTest, PlainTextCorporaInSixtyScripts) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  TempDir dir;
  // Wikinews (French news) and the UDHR in 532 languages and scripts.
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SharedData() / "wikinews-fr")) {
    if (entry.path().extension() != ".html") continue;
    WriteFile(dir / ("wikinews-" + entry.path().stem().string() + ".txt"),
              WikinewsToText(ReadFile(entry.path())));
    ++pages;
  }
  ASSERT_GT(pages, 10);
  auto run = RunVeille({"analyze", "--tokens", dir.path().string(),
                        (SharedData() / "udhr" / "txt").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  SpanStats stats;
  for (const json& record : ParseLines(run.out)) {
    CheckRecord(record, ReadFile(record["source"]["path"].get<std::string>()), stats);
  }
  EXPECT_EQ(stats.articles, static_cast<size_t>(pages) + 532);
  EXPECT_GT(stats.tokens, 500000u);
  std::cout << "checked " << stats.articles << " articles, " << stats.blocks
            << " blocks, " << stats.sentences << " sentences, " << stats.tokens
            << " tokens\n";
}

TEST(SpansTest, JsonLinesCorpusOfFrenchNovels) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  json corpus = json::parse(ReadFile(SharedData() / "aads-french-ds" / "aggregated_corpus.json"));
  TempDir dir;
  std::string jsonl;
  std::vector<std::string> texts;
  for (const auto& [name, document] : corpus.items()) {
    // Cut each novel at line ends into pieces of about 20 kB: articles.
    std::string text = document["text"];
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', std::min(text.size(), pos + 20000));
      if (end == std::string::npos) end = text.size();
      std::string piece = text.substr(pos, end - pos);
      jsonl += json{{"id", name + "/" + std::to_string(pos)}, {"text", piece}}.dump() + "\n";
      texts.push_back(piece);
      pos = end + 1;
    }
  }
  WriteFile(dir / "novels.jsonl", jsonl);
  auto run = RunVeille({"analyze", "--tokens", (dir / "novels.jsonl").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), texts.size());
  SpanStats stats;
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i]["source"]["line"], i + 1);
    CheckRecord(records[i], texts[i], stats);
  }
  EXPECT_GT(stats.sentences, 20000u);
}

}  // namespace
}  // namespace veille
