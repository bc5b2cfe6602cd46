#include "text/language.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace veille::text {
namespace {

std::unique_ptr<LanguageIdentifier> MakeIdentifier() {
  auto created = LanguageIdentifier::Create(Options{});
  EXPECT_TRUE(created.ok());
  return std::move(created).value();
}

TEST(LanguageTest, Golden) {
  auto id = MakeIdentifier();
  Language fr = id->Identify(
      "Le président biélorusse a invité les manifestants à négocier avec les "
      "autorités du pays.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_EQ(fr.script, "Latn");
  EXPECT_GT(fr.confidence, 0.8);
  Language ru = id->Identify("Президент Белоруссии призвал протестующих к переговорам.");
  EXPECT_EQ(ru.code, "ru");
  EXPECT_EQ(ru.script, "Cyrl");
  Language he = id->Identify("הנשיא קרא למפגינים לנהל משא ומתן עם השלטונות");
  EXPECT_EQ(he.code, "he");  // CLD2 says "iw"; BCP 47 says "he"
  EXPECT_EQ(he.script, "Hebr");
}

TEST(LanguageTest, TooShortIsUndetermined) {
  auto id = MakeIdentifier();
  for (const char* text : {"", "OK", "12 345 !", "Oui."}) {
    Language l = id->Identify(text);
    EXPECT_EQ(l.code, "und") << text;
    EXPECT_EQ(l.confidence, 0.0) << text;
  }
}

std::filesystem::path UdhrDir() {
  return std::filesystem::path(VEILLE_SHARED_DATA) / "udhr";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The Universal Declaration of Human Rights in the languages our users read
// most: each text must come out in its own language.
TEST(LanguageTest, UdhrMajorLanguages) {
  if (!std::filesystem::exists(UdhrDir())) GTEST_SKIP() << "no ../shared/data/udhr";
  auto id = MakeIdentifier();
  const std::pair<const char*, const char*> cases[] = {
      {"fra", "fr"}, {"eng", "en"}, {"deu_1996", "de"}, {"spa", "es"},
      {"ita", "it"}, {"por_PT", "pt"}, {"rus", "ru"}, {"ukr", "uk"},
      {"bel", "be"}, {"pol", "pl"}, {"nld", "nl"}, {"tur", "tr"},
      {"arb", "ar"}, {"cmn_hans", "zh"}, {"jpn", "ja"}, {"kaz", "kk"},
      {"cat", "ca"}, {"ron_2006", "ro"}, {"ell_monotonic", "el"}, {"heb", "he"},
      // Only in CLD2's full tables: proves libcld2_full is linked first
      // (with the small tables, Latin comes out as French).
      {"lat", "la"}, {"epo", "eo"}, {"glg", "gl"},
  };
  int right = 0, total = 0;
  for (auto [file, code] : cases) {
    auto path = UdhrDir() / "txt" / (std::string(file) + ".txt");
    if (!std::filesystem::exists(path)) {
      ADD_FAILURE() << "missing " << path;
      continue;
    }
    Language l = id->Identify(ReadFile(path));
    ++total;
    if (l.code == code) ++right; else ADD_FAILURE() << file << " → " << l.code;
  }
  EXPECT_EQ(right, total);
}

// French must not swallow its neighbours with confidence: Catalan, Occitan
// and Picard are never French with a confidence of 0.75 or more. CLD2's
// Occitan model is weak (it reads these texts as Haitian Creole, Yoruba or,
// with low confidence, French) and it has no Picard or Walloon model at all;
// Walloon comes out as French with high confidence, a known limit written
// down in docs/ARCHITECTURE.md and left out here.
TEST(LanguageTest, UdhrNeighboursOfFrenchAreNotFrench) {
  if (!std::filesystem::exists(UdhrDir())) GTEST_SKIP() << "no ../shared/data/udhr";
  auto id = MakeIdentifier();
  Language french = id->Identify(ReadFile(UdhrDir() / "txt" / "fra.txt"));
  EXPECT_EQ(french.code, "fr");
  EXPECT_GE(french.confidence, 0.95);
  for (const char* file : {"oci_1", "oci_2", "oci_3", "oci_4", "cat", "pcd"}) {
    auto path = UdhrDir() / "txt" / (std::string(file) + ".txt");
    if (!std::filesystem::exists(path)) continue;
    Language l = id->Identify(ReadFile(path));
    EXPECT_TRUE(l.code != "fr" || l.confidence < 0.75)
        << file << " → " << l.code << " " << l.confidence;
  }
  Language catalan = id->Identify(ReadFile(UdhrDir() / "txt" / "cat.txt"));
  EXPECT_EQ(catalan.code, "ca");
}

}  // namespace
}  // namespace veille::text
