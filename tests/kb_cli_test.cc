// `veille kb build | lookup | import-geonames` end to end, on the real
// sources: Debian's iso-codes, the npm packages scripts/install-deps puts in
// node_modules/, veille's data files, and GeoNames' cities15000.zip from
// ../shared/data.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace veille {
namespace {

using testing::HaveSharedData;
using testing::RunVeille;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

// A knowledge base with one town of its own, then GeoNames' 25,000 towns.
TEST(KbCliTest, BuildImportAndLookUp) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  TempDir dir;
  WriteFile(dir / "one.txt",
            "99\tVeilleville\tVeilleville\tVeilleburg\t0\t0\tP\tPPL\tFR\t\t\t\t\t\t1200\t\t\tX\t2020\n");
  std::string kb = (dir / "t.kb").string();
  auto build = RunVeille({"kb", "build", "--out", kb, "--geonames", (dir / "one.txt").string()});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.out.find(" 249 countries"), std::string::npos) << build.out;
  EXPECT_NE(build.out.find(" 1 places"), std::string::npos) << build.out;

  auto lookup = [&](const std::string& name) {
    auto run = RunVeille({"kb", "lookup", name, "--kb", kb});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  };
  EXPECT_NE(lookup("Veilleburg").find("geonames:99  Veilleville (city, FR, population 1200)"),
            std::string::npos);
  // Countries in French, Russian and English; organisations by acronym.
  EXPECT_NE(lookup("Allemagne").find("country:DE  Germany"), std::string::npos);
  EXPECT_NE(lookup("Германия").find("country:DE"), std::string::npos);
  EXPECT_NE(lookup("biélorusse").find("country:BY  Belarus"), std::string::npos);
  EXPECT_NE(lookup("OTSC").find("organisation:csto  Collective Security Treaty Organization"),
            std::string::npos);
  EXPECT_NE(lookup("ОДКБ").find("organisation:csto"), std::string::npos);
  // Before GeoNames' towns, Alma-Ata is the ISO subdivision of Almaty only.
  EXPECT_NE(lookup("Alma-Ata").find("region:KZ-ALA  Almaty"), std::string::npos);

  auto import = RunVeille({"kb", "import-geonames",
                           (SharedData() / "geonames" / "cities15000.zip").string(), "--kb", kb});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  // After, the town first: it is larger than a region is taken to be.
  std::string almaty = lookup("Alma-Ata");
  EXPECT_EQ(almaty.find("  geonames:1526384  Almaty (city, KZ"), almaty.find('\n') + 1) << almaty;
  EXPECT_NE(almaty.find("as 'Alma-Ata' (Latn, GeoNames)"), std::string::npos) << almaty;
  std::string cyrillic = lookup("Алматы");
  EXPECT_NE(cyrillic.find("geonames:1526384"), std::string::npos);
  EXPECT_NE(cyrillic.find("as 'Алматы' (Cyrl, GeoNames)"), std::string::npos) << cyrillic;
  // What was there before the import is still there.
  EXPECT_NE(lookup("Veilleburg").find("geonames:99"), std::string::npos);
  EXPECT_NE(lookup("OTSC").find("organisation:csto"), std::string::npos);
}

TEST(KbCliTest, ClearErrors) {
  TempDir dir;
  auto missing = RunVeille({"kb", "lookup", "x", "--kb", (dir / "none.kb").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("veille kb build"), std::string::npos) << missing.err;
  WriteFile(dir / "bad.zip", "PK\x03\x04 not really a zip");
  WriteFile(dir / "t.kb", "veille-kb\t1\n");
  auto bad_zip = RunVeille({"kb", "import-geonames", (dir / "bad.zip").string(), "--kb",
                            (dir / "t.kb").string()});
  EXPECT_EQ(bad_zip.exit_code, 2);
  EXPECT_FALSE(bad_zip.err.empty());
  auto analyze = RunVeille({"analyze", "--kb", (dir / "none.kb").string(), "-"}, "Un texte.\n");
  EXPECT_EQ(analyze.exit_code, 2);
  EXPECT_NE(analyze.err.find("none.kb"), std::string::npos) << analyze.err;
}

}  // namespace
}  // namespace veille
