#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

namespace veille::ingest {
namespace {

std::vector<Article> ReadAll(std::string bytes, Options options = {}) {
  JsonlReader reader(FromString(std::move(bytes)), "in.jsonl", options);
  std::vector<Article> out;
  while (auto article = reader.Next()) out.push_back(std::move(*article));
  return out;
}

TEST(JsonlReaderTest, FieldsAndLineNumbers) {
  auto articles = ReadAll(
      "{\"id\":\"a1\",\"url\":\"https://x.fr/1\",\"outlet\":\"X\",\"published\":"
      "\"2022-01-06\",\"title\":\"Titre\",\"text\":\"Corps \\u00e9.\",\"extra\":[1]}\n"
      "\n"
      "{\"id\": 42, \"text\": \"Deux.\"}\r\n");
  ASSERT_EQ(articles.size(), 2u);
  const Article& a = articles[0];
  EXPECT_EQ(a.raw, "Corps é.");
  EXPECT_EQ(a.source.id, "a1");
  EXPECT_EQ(a.source.url, "https://x.fr/1");
  EXPECT_EQ(a.source.outlet, "X");
  EXPECT_EQ(a.source.published, "2022-01-06");
  EXPECT_EQ(a.source.title, "Titre");
  EXPECT_EQ(a.source.line, 1u);
  EXPECT_EQ(a.source.format, "jsonl");
  EXPECT_TRUE(a.errors.empty());
  EXPECT_EQ(articles[1].source.id, "42");
  EXPECT_EQ(articles[1].source.line, 3u);
}

TEST(JsonlReaderTest, BrokenLinesAreErrorRecordsAndReadingGoesOn) {
  auto articles = ReadAll(
      "{\"text\":\"un\"}\n"
      "{\"text\": \"deux\"\n"           // not closed
      "[1,2,3]\n"                      // not an object
      "{\"title\":\"sans texte\"}\n"   // no text
      "{\"text\": 5}\n"                // text of the wrong type
      "{\"text\":\"six\",\"url\":7}\n" // url of the wrong type: ignored
      "{\"text\":\"sept\"}");          // no final newline
  ASSERT_EQ(articles.size(), 7u);
  EXPECT_TRUE(articles[0].errors.empty());
  EXPECT_EQ(articles[1].errors[0].code, StatusCode::kInvalidJson);
  EXPECT_NE(articles[1].errors[0].message.find("line 2"), std::string::npos);
  EXPECT_EQ(articles[2].errors[0].code, StatusCode::kInvalidJson);
  EXPECT_EQ(articles[3].errors[0].code, StatusCode::kMissingField);
  EXPECT_EQ(articles[4].errors[0].code, StatusCode::kMissingField);
  EXPECT_EQ(articles[5].errors[0].code, StatusCode::kInvalidValue);
  EXPECT_FALSE(articles[5].HasFatalError());
  EXPECT_EQ(articles[6].raw, "sept");
  EXPECT_EQ(articles[6].source.line, 7u);
}

TEST(JsonlReaderTest, OverlongLinesAreSkippedWithoutBeingHeld) {
  Options options;
  options.max_line_bytes = 100;
  std::string big = "{\"text\":\"" + std::string(10000, 'a') + "\"}\n";
  auto articles = ReadAll("{\"text\":\"a\"}\n" + big + "{\"text\":\"c\"}\n", options);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[1].errors[0].code, StatusCode::kTooLarge);
  EXPECT_EQ(articles[1].source.line, 2u);
  EXPECT_EQ(articles[2].raw, "c");
}

TEST(JsonlReaderTest, InvalidUtf8InJsonIsAnError) {
  auto articles = ReadAll("{\"text\":\"caf\xe9\"}\n");
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].errors[0].code, StatusCode::kInvalidJson);
}

}  // namespace
}  // namespace veille::ingest
