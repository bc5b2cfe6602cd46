#include "entities/name_key.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "entities/transliteration.h"

namespace veille::entities {
namespace {

// Spellings of one name: one key.
TEST(NameKeyTest, SpellingsOfOneNameShareAKey) {
  const std::vector<std::vector<std::string>> kSame = {
      {"Лукашенко", "Loukachenko", "Lukashenko", "Lukaschenko", "Łukaszenka", "Loukachenka",
       "LOUKACHENKO"},
      {"Токаев", "Tokayev", "Tokaïev", "Tokajew"},
      {"Назарбаев", "Nazarbaïev", "Nazarbayev", "Nasarbajew"},
      {"Kassym-Jomart", "Kassym-Zhomart", "Касым-Жомарт"},
      {"Чернобыль", "Tchernobyl", "Chernobyl", "Tschernobyl"},
      // Not "Gorbatschow": German writes ё after ч as o, the others e.
      {"Горбачёв", "Gorbatchev", "Gorbachev"},
      {"Хрущёв", "Khrouchtchev", "Khrushchev"},
  };
  for (const auto& names : kSame) {
    std::string first = NameKey(names[0]);
    for (const std::string& name : names) {
      EXPECT_TRUE(SameNameKey(NameKey(name), first))
          << name << " → " << NameKey(name) << " vs " << names[0] << " → " << first;
    }
  }
}

TEST(NameKeyTest, GoldenKeys) {
  EXPECT_EQ(NameKey("Loukachenko"), "lukaSenko");
  EXPECT_EQ(NameKey("Tokaïev"), "tokaev");
  EXPECT_EQ(NameKey("Alma-Ata"), "alma ata");
  EXPECT_EQ(NameKey("  OTSC "), "otsc");
  EXPECT_EQ(NameKey("Côte d’Ivoire"), "cote divoire");
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey("!!!"), "");
}

// Names come back from the caches (each thread's table, the shared map)
// with their own key, also once more names were asked for than either
// holds, and names that share a slot in the table do not trade keys.
TEST(NameKeyTest, CachedKeysAreTheComputedOnes) {
  std::vector<std::string> names, first;
  for (int i = 0; i < 150000; ++i) {
    names.push_back((i % 2 ? "Иванов " : "Schtschedrin ") + std::to_string(i));
  }
  for (const std::string& name : names) first.push_back(NameKey(name));
  for (size_t i = 0; i < names.size(); i += 7) {
    ASSERT_EQ(NameKey(names[i]), first[i]) << names[i];
    ASSERT_EQ(NameKey(names[i]), NameKey(names[i] + "·")) << names[i];
  }
  EXPECT_EQ(first[0], "Sedrin 0");
  EXPECT_EQ(first[1], "ivanov 1");
}

// Different names stay apart.
// ASCII names skip the transliterator; a middle dot, which the
// transliterator deletes, sends the same name through it: same key.
TEST(NameKeyTest, AsciiNamesGetTheTransliteratorsKey) {
  for (const char* name : {"O'Brien", "Jean-Marc AYRAULT", "\"Le Monde\"", "Schtschedrin",
                           "Tchaikovsky", "Dzhokhar", "ACME 2000 Inc.", "  x  ", "'", ""}) {
    EXPECT_EQ(NameKey(name), NameKey(std::string(name) + "\u00B7")) << name;
  }
}

TEST(NameKeyTest, DifferentNamesDoNotMatch) {
  const std::vector<std::pair<std::string, std::string>> kApart = {
      {"Paris", "Perm"}, {"Moscou", "Minsk"}, {"Tokayev", "Tokarev"}, {"Ivanov", "Ivanova"},
      {"Almaty", "Alma-Ata"}, {"Poutine", "Pétain"}, {"Macron", "Micron"}, {"Lyon", "Lille"},
  };
  for (const auto& [a, b] : kApart) {
    EXPECT_FALSE(SameNameKey(NameKey(a), NameKey(b))) << a << " ~ " << b;
  }
  EXPECT_FALSE(SameNameKey("", ""));
}

TEST(NameKeyTest, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(EditDistance("", "abc", 5), 3u);
  EXPECT_EQ(EditDistance("abc", "abc", 0), 0u);
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3u);  // stops past the limit
}

TEST(NameKeyTest, HostileInputs) {
  std::string long_name(100000, 'a');
  EXPECT_LE(NameKey(long_name).size(), 1024u);
  EXPECT_NO_FATAL_FAILURE(NameKey("\xff\xfe\x80 Лукашенко \xc3"));
  EXPECT_EQ(NameKey("北京"), NameKey("北京"));
}

// The iuliia samples: each scheme's Latin and the Cyrillic it came from
// match, for the names (one or two words) among them. Every scheme, the
// French passport one as much as ISO 9's diacritics.
TEST(NameKeyTest, IuliiaSamplesMatchTheirCyrillic) {
  const std::string path = std::string(VEILLE_SHARED_DATA) + "/iuliia/schemas.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  auto schemes = TransliterationScheme::LoadIuliia(path);
  ASSERT_TRUE(schemes.ok());
  size_t names = 0, matched = 0;
  for (const TransliterationScheme& scheme : *schemes) {
    for (const auto& [cyrillic, latin] : scheme.samples()) {
      if (std::count(cyrillic.begin(), cyrillic.end(), ' ') > 1) continue;  // a sentence
      ++names;
      bool same = SameNameKey(NameKey(cyrillic), NameKey(latin));
      matched += same;
      if (!same) ADD_FAILURE() << scheme.name() << ": " << cyrillic << " → " << NameKey(cyrillic)
                               << " vs " << latin << " → " << NameKey(latin);
    }
  }
  RecordProperty("matched", std::to_string(matched) + "/" + std::to_string(names));
}

}  // namespace
}  // namespace veille::entities
