#include "text/cleaner.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace veille::text {
namespace {

std::unique_ptr<TextCleaner> MakeCleaner() {
  auto created = TextCleaner::Create();
  EXPECT_TRUE(created.ok());
  return std::move(created).value();
}

// Every clean byte maps inside the raw bytes, in order; the map has one entry
// per byte.
void ExpectValidMap(const CleanText& clean, size_t raw_size) {
  ASSERT_EQ(clean.raw_start.size(), clean.text.size());
  ASSERT_EQ(clean.raw_end.size(), clean.text.size());
  EXPECT_EQ(clean.raw_size, raw_size);
  for (size_t i = 0; i < clean.text.size(); ++i) {
    ASSERT_LE(clean.raw_start[i], clean.raw_end[i]);
    ASSERT_LE(clean.raw_end[i], raw_size);
    if (i > 0) {
      ASSERT_LE(clean.raw_start[i - 1], clean.raw_start[i]);
      ASSERT_LE(clean.raw_end[i - 1], clean.raw_end[i]);
    }
  }
}

std::string RawOf(const std::string& raw, const CleanText& clean, Span span) {
  Span r = clean.ToRaw(span);
  return raw.substr(r.start, r.size());
}

TEST(TextCleanerTest, TypographyIsUnifiedAndMapsBack) {
  auto cleaner = MakeCleaner();
  // NBSP before », narrow NBSP, typographic apostrophe, soft hyphen, CRLF.
  std::string raw = "«\u00a0Oui\u202f» l\u2019\u00e9tat\u00adique\r\nfin";
  CleanReport report;
  CleanText clean = cleaner->Clean(raw, &report);
  EXPECT_EQ(clean.text, "« Oui » l'étatique\nfin");
  ExpectValidMap(clean, raw.size());
  size_t apostrophe = clean.text.find('\'');
  EXPECT_EQ(RawOf(raw, clean, {uint32_t(apostrophe), uint32_t(apostrophe + 1)}),
            "\u2019");
  size_t word = clean.text.find("étatique");
  EXPECT_EQ(RawOf(raw, clean, {uint32_t(word), uint32_t(word + 9)}),
            "\u00e9tat\u00adique");
  EXPECT_EQ(report.invalid_sequences, 0u);
}

TEST(TextCleanerTest, StrayC1ControlsAreReadAsWindows1252) {
  auto cleaner = MakeCleaner();
  std::string raw = "l\u0092arm\u00e9e \u0080";  // U+0092 for ’, U+0080 for €
  CleanText clean = cleaner->Clean(raw, nullptr);
  EXPECT_EQ(clean.text, "l'armée €");
}

TEST(TextCleanerTest, InvalidUtf8IsReplacedAndOffsetsStayRaw) {
  auto cleaner = MakeCleaner();
  std::string raw = "caf\u00e9 \xff\xfe ok \u00e9";
  CleanReport report;
  CleanText clean = cleaner->Clean(raw, &report);
  EXPECT_EQ(report.invalid_sequences, 2u);
  EXPECT_EQ(report.first_invalid, 6u);
  EXPECT_FALSE(report.decoded_as_windows_1252);
  EXPECT_EQ(clean.text, "café \uFFFD\uFFFD ok é");
  ExpectValidMap(clean, raw.size());
  size_t ok = clean.text.find("ok");
  EXPECT_EQ(RawOf(raw, clean, {uint32_t(ok), uint32_t(ok + 2)}), "ok");
}

TEST(TextCleanerTest, TextWithoutAnyUtf8IsReadAsWindows1252) {
  auto cleaner = MakeCleaner();
  std::string raw = "L\x92\xe9t\xe9 \xe0 Paris";  // Windows-1252 bytes
  CleanReport report;
  CleanText clean = cleaner->Clean(raw, &report);
  EXPECT_TRUE(report.decoded_as_windows_1252);
  EXPECT_EQ(clean.text, "L'été à Paris");
  ExpectValidMap(clean, raw.size());
}

TEST(TextCleanerTest, NfcComposesAndMapsToBothRawCharacters) {
  auto cleaner = MakeCleaner();
  std::string raw = "e\u0301t\u00e9";  // e + combining acute, then é
  CleanText clean = cleaner->Clean(raw, nullptr);
  EXPECT_EQ(clean.text, "\u00e9t\u00e9");
  ExpectValidMap(clean, raw.size());
  EXPECT_EQ(RawOf(raw, clean, {0, 2}), "e\u0301");
}

TEST(TextCleanerTest, InvisibleCharactersAndBomAreDropped) {
  auto cleaner = MakeCleaner();
  std::string raw = "\ufeffA\u200bB\u2060C";
  CleanText clean = cleaner->Clean(raw, nullptr);
  EXPECT_EQ(clean.text, "ABC");
  EXPECT_EQ(RawOf(raw, clean, {0, 3}), "A\u200bB\u2060C");
}

TEST(TextCleanerTest, BinaryIsRecognised) {
  auto cleaner = MakeCleaner();
  CleanReport report;
  cleaner->Clean(std::string("PK\x03\x04\0\0\x14\0", 8), &report);
  EXPECT_TRUE(report.binary);
  cleaner->Clean("Un texte ordinaire.\n", &report);
  EXPECT_FALSE(report.binary);
}

TEST(TextCleanerTest, RunReportsErrors) {
  auto cleaner = MakeCleaner();
  Article empty;
  empty.raw = " \n\t\r\n";
  EXPECT_EQ(cleaner->Run(empty).code(), StatusCode::kEmpty);
  Article broken;
  broken.raw = "abc \xc3 def";
  EXPECT_TRUE(cleaner->Run(broken).ok());
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].code, StatusCode::kInvalidUtf8);
}

// Whatever the bytes, the map is well formed and the clean text is UTF-8.
RC_GTEST_PROP(TextCleanerProperty, MapIsAlwaysValid, (const std::string& raw)) {
  static auto cleaner = MakeCleaner();
  CleanText clean = cleaner->Clean(raw, nullptr);
  RC_ASSERT(clean.raw_start.size() == clean.text.size());
  for (size_t i = 0; i < clean.text.size(); ++i) {
    RC_ASSERT(clean.raw_start[i] <= clean.raw_end[i]);
    RC_ASSERT(clean.raw_end[i] <= raw.size());
    if (i > 0) RC_ASSERT(clean.raw_start[i - 1] <= clean.raw_start[i]);
  }
  // ASCII text without controls is its own clean text.
  bool plain = std::all_of(raw.begin(), raw.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '`' && c != '\'';
  });
  if (plain) RC_ASSERT(clean.text == raw);
}

}  // namespace
}  // namespace veille::text
