#include "kb/knowledge_base.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "entities/name_key.h"
#include "entities/transliteration.h"
#include "kb/kb_builder.h"
#include "kb/mo_file.h"

namespace veille::kb {
namespace {

class KnowledgeBaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("veille-kb-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // A GeoNames table of three places, two of them with one name.
  std::string Places() {
    return Write("places.txt",
                 "1526384\tAlmaty\tAlmaty\tALA,Alma-Ata,Алма-Ата,Алматы\t43.25\t76.92\tP\tPPLA\tKZ\t\t02"
                 "\t\t\t\t2000900\t\t787\tAsia/Almaty\t2019-09-19\n"
                 "2\tAlmaty\tAlmaty\t\t0\t0\tP\tPPL\tUS\t\t\t\t\t\t120\t\t\tX\t2019\n"
                 "610529\tAktau\tAktau\tShevchenko\t43.6\t51.2\tP\tPPLA\tKZ\t\t09\t\t\t\t178000\t\t0\tX\t2020\n"
                 "a damaged line\n");
  }
  Result<std::unique_ptr<KnowledgeBase>> Build(KbBuilder& builder) {
    std::string path = (dir_ / "test.kb").string();
    auto stats = builder.Write(path, {});
    if (!stats.ok()) return stats.status();
    return KnowledgeBase::Load(path);
  }
  std::filesystem::path dir_;
};

TEST_F(KnowledgeBaseTest, PlacesAreFoundByEveryNameAndTheLargestWins) {
  KbBuilder builder;
  ASSERT_TRUE(builder.AddGeoNames(Places()).ok());
  auto kb = Build(builder);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  for (const char* name : {"Alma-Ata", "alma ata", "Алматы", "ALMATY"}) {
    auto best = (*kb)->Best(entities::NameKey(name), EntityType::kLocation);
    ASSERT_TRUE(best) << name;
    EXPECT_EQ((*kb)->entity(best->entity).id, "geonames:1526384") << name;
    EXPECT_EQ((*kb)->entity(best->entity).canonical, "Almaty");
  }
  // Two Almatys, both found (the first by two names: Алматы has its key).
  std::set<std::string_view> almatys;
  for (const KbNameRef& ref : (*kb)->LookUpKey(entities::NameKey("Almaty"))) {
    almatys.insert((*kb)->entity(ref.entity).id);
  }
  EXPECT_EQ(almatys, (std::set<std::string_view>{"geonames:1526384", "geonames:2"}));
  // Airport codes are not names; persons and organisations are not places.
  EXPECT_TRUE((*kb)->LookUpKey(entities::NameKey("ALA")).empty());
  EXPECT_FALSE((*kb)->Best(entities::NameKey("Aktau"), EntityType::kPerson));
  KbName name = (*kb)->Name(*(*kb)->Best(entities::NameKey("Shevchenko"), EntityType::kLocation));
  EXPECT_EQ(name.name, "Shevchenko");
  EXPECT_EQ(name.source, "GeoNames");
}

TEST_F(KnowledgeBaseTest, OrganisationsByEveryNameInEveryLanguage) {
  KbBuilder builder;
  ASSERT_TRUE(builder
                  .AddOrganisations(Write(
                      "orgs.tsv",
                      "# test\nid\ttype\tcanonical\tnames\n"
                      "org:csto\torganisation\tCollective Security Treaty Organization\t"
                      "fr:OTSC|fr:Organisation du traité de sécurité collective|en:CSTO|ru:ОДКБ\n"))
                  .ok());
  auto kb = Build(builder);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  for (const char* name : {"OTSC", "CSTO", "ОДКБ", "organisation du traite de securite collective"}) {
    auto best = (*kb)->Best(entities::NameKey(name), EntityType::kOrganization);
    ASSERT_TRUE(best) << name;
    EXPECT_EQ((*kb)->entity(best->entity).id, "organisation:csto");
  }
  KbName russian = (*kb)->Name(*(*kb)->Best(entities::NameKey("ОДКБ"), EntityType::kOrganization));
  EXPECT_EQ(russian.lang, "ru");
  EXPECT_EQ(russian.source, "organisations");
  // A malformed line is an error that names the line.
  KbBuilder bad;
  Status s = bad.AddOrganisations(Write("bad.tsv", "id\ttype\tcanonical\tnames\nnot an org line\n"));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.tsv:2"), std::string::npos) << s.message();
}

TEST_F(KnowledgeBaseTest, CyrillicNamesAreKeyedAsEachIuliiaSchemeSpellsThem) {
  // A made-up scheme that writes ш as "x": its spelling's key is not the
  // key of any other spelling, so only the scheme can find it.
  auto schemes = entities::TransliterationScheme::ParseIuliia(R"({"odd": {
    "name": "odd", "mapping": {"л": "l", "у": "u", "к": "k", "а": "a", "ш": "x", "е": "e",
    "н": "n", "о": "o"}, "prev_mapping": null, "next_mapping": null, "ending_mapping": null,
    "samples": []}})");
  ASSERT_TRUE(schemes.ok()) << schemes.status().ToString();
  KbBuilder builder;
  ASSERT_TRUE(builder.AddGeoNames(Write("t.txt", "7\tЛукашенко\tLukashenko\t\t0\t0\tP\tPPL\tBY"
                                                 "\t\t\t\t\t\t10\t\t\tX\t2020\n"))
                  .ok());
  std::string path = (dir_ / "t.kb").string();
  ASSERT_TRUE(builder.Write(path, *schemes).ok());
  auto kb = KnowledgeBase::Load(path);
  ASSERT_TRUE(kb.ok());
  auto found = (*kb)->LookUpKey(entities::NameKey("Lukaxenko"));
  ASSERT_EQ(found.size(), 1u);
  KbName name = (*kb)->Name(found[0]);
  EXPECT_EQ(name.name, "Лукашенко");
  EXPECT_EQ(name.via, "odd");
  // Its own key has no scheme.
  auto own = (*kb)->LookUpKey(entities::NameKey("Лукашенко"));
  ASSERT_FALSE(own.empty());
  EXPECT_EQ((*kb)->Name(own[0]).via, "");
}

TEST_F(KnowledgeBaseTest, DamagedOrForeignFilesAreRefusedClearly) {
  auto refused = [&](const std::string& text, const std::string& expected) {
    auto kb = KnowledgeBase::Load(Write("x.kb", text));
    ASSERT_FALSE(kb.ok()) << text;
    EXPECT_NE(kb.status().message().find(expected), std::string::npos) << kb.status().message();
  };
  refused("hello\n", "not a veille knowledge base");
  refused(std::string(kKbMagic) + "\nK\t0000000000000000\n", "name keys differ");
  std::string head = std::string(kKbMagic) + "\nK\t" + NameKeyFingerprint() + "\n";
  refused(head + "E\tcountry:KZ\tcountry\tKZ\n", "6 fields");
  refused(head + "E\ta\tcity\tKZ\t1\tA\nN\tb\t0\t\tx\t\tB\nN\ta\t0\t\tx\t\tA\n", "out of key order");
  refused(head + "N\tb\t3\t\tx\t\tB\n", "not there");
  refused(head + "X\n", "neither E nor N");
  refused(head + "N\ta\t0\t\tx\t\tA\nE\ta\tcity\tKZ\t1\tA\n", "not there");
  EXPECT_EQ(KnowledgeBase::Load((dir_ / "missing.kb").string()).status().code(), StatusCode::kNotFound);
}

TEST_F(KnowledgeBaseTest, WeightsPutCountriesFirstThenRegionsThenLargerTowns) {
  KbEntity country{"country:LU", "country", "LU", 0, "Luxembourg"};
  KbEntity region{"region:BE-WLX", "region", "BE", 0, "Luxembourg"};
  KbEntity city{"geonames:2960316", "city", "LU", 76684, "Luxembourg"};
  KbEntity big_city{"geonames:1", "city", "XX", 2000000, "X"};
  EXPECT_GT(KnowledgeBase::Weight(country), KnowledgeBase::Weight(region));
  EXPECT_GT(KnowledgeBase::Weight(region), KnowledgeBase::Weight(city));
  EXPECT_GT(KnowledgeBase::Weight(big_city), KnowledgeBase::Weight(region));
}

// Debian's iso-codes, which scripts/install-deps installs: the French and
// Russian names of countries and subdivisions.
TEST_F(KnowledgeBaseTest, IsoCodesGiveCountriesAndRegionsInManyLanguages) {
  const std::string json = "/usr/share/iso-codes/json", locales = "/usr/share/locale";
  ASSERT_TRUE(std::filesystem::exists(json + "/iso_3166-1.json")) << "install iso-codes";
  auto french = ReadMoFile(locales + "/fr/LC_MESSAGES/iso_3166-1.mo");
  ASSERT_TRUE(french.ok()) << french.status().ToString();
  EXPECT_EQ(french->at("Germany"), "Allemagne");
  KbBuilder builder;
  ASSERT_TRUE(builder.AddRegions(json, locales).ok());
  auto kb = Build(builder);
  ASSERT_TRUE(kb.ok());
  // "Mangghystaū oblysy" is also "Mangghystaū", which French writes
  // Mangistau: one key.
  auto best = (*kb)->Best(entities::NameKey("Mangistau"), EntityType::kLocation);
  ASSERT_TRUE(best);
  EXPECT_EQ((*kb)->entity(best->entity).id, "region:KZ-MAN");
}

TEST(MoFileTest, RefusesWhatIsNotACatalogue) {
  std::string path = ::testing::TempDir() + "/not.mo";
  std::ofstream(path) << "msgid \"x\"\nmsgstr \"y\"\n";
  EXPECT_EQ(ReadMoFile(path).status().code(), StatusCode::kCorrupt);
  // A valid header whose tables point past the end.
  std::string bytes(28, '\0');
  uint32_t header[7] = {0x950412de, 0, 1000, 28, 36, 0, 0};
  std::memcpy(bytes.data(), header, sizeof header);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_EQ(ReadMoFile(path).status().code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace veille::kb
