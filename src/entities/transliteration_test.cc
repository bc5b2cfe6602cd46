// The iuliia schemes against their own samples: 163 pairs of Cyrillic text
// and the Latin each convention writes for it.
#include "entities/transliteration.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace veille::entities {
namespace {

const std::string kSchemes = std::string(VEILLE_SHARED_DATA) + "/iuliia/schemas.json";

TEST(TransliterationTest, EverySampleOfEveryScheme) {
  if (!std::filesystem::exists(kSchemes)) GTEST_SKIP() << "no " << kSchemes;
  auto schemes = TransliterationScheme::LoadIuliia(kSchemes);
  ASSERT_TRUE(schemes.ok()) << schemes.status().ToString();
  EXPECT_EQ(schemes->size(), 27u);
  size_t samples = 0;
  for (const TransliterationScheme& scheme : *schemes) {
    for (const auto& [cyrillic, latin] : scheme.samples()) {
      EXPECT_EQ(scheme.Transliterate(cyrillic), latin) << scheme.name() << ": " << cyrillic;
      ++samples;
    }
  }
  EXPECT_EQ(samples, 163u);
}

TEST(TransliterationTest, FrenchAndEnglishLukashenko) {
  if (!std::filesystem::exists(kSchemes)) GTEST_SKIP() << "no " << kSchemes;
  auto schemes = TransliterationScheme::LoadIuliia(kSchemes);
  ASSERT_TRUE(schemes.ok());
  for (const TransliterationScheme& scheme : *schemes) {
    if (scheme.name() == "mvd_310_fr") EXPECT_EQ(scheme.Transliterate("Лукашенко"), "Loukachenko");
    if (scheme.name() == "wikipedia") EXPECT_EQ(scheme.Transliterate("Лукашенко"), "Lukashenko");
    // Latin text and punctuation pass through.
    EXPECT_EQ(scheme.Transliterate("Minsk, 2022 !"), "Minsk, 2022 !") << scheme.name();
  }
}

TEST(TransliterationTest, MalformedSchemesAreErrors) {
  EXPECT_FALSE(TransliterationScheme::ParseIuliia("").ok());
  EXPECT_FALSE(TransliterationScheme::ParseIuliia("[1, 2]").ok());
  EXPECT_FALSE(TransliterationScheme::ParseIuliia(R"({"x": {"mapping": {"а": 1}}})").ok());
  auto empty = TransliterationScheme::ParseIuliia("{}");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(TransliterationScheme::LoadIuliia("/nonexistent.json").ok());
}

}  // namespace
}  // namespace veille::entities
