// The entities stage on hostile and unusual text, through the public
// pipeline: whatever the input, the entities are well-formed spans of the
// raw bytes, and names in boilerplate are never entities.
#include "entities/entity_tagger.h"
#include "entities/test_text.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include <filesystem>
#include <string>

#include "veille/json.h"
#include "veille/pipeline.h"
#include "veille/tagger.h"

namespace veille::entities {
namespace {

bool IsCharBoundary(const std::string& raw, uint32_t offset) {
  return offset == raw.size() || (static_cast<unsigned char>(raw[offset]) & 0xC0) != 0x80;
}

using testing::IsValidUtf8;

class EntityTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(DefaultTaggerModelPath())) return;
    auto created = Pipeline::Create(Options{});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    pipeline_ = created->release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  void SetUp() override {
    if (pipeline_ == nullptr) GTEST_SKIP() << "no model at " << DefaultTaggerModelPath();
  }

  // A plain-text article (title line, blank line, paragraphs), analysed,
  // and its entities checked.
  static Article Analysed(std::string raw) {
    Article article;
    article.source.path = "test";
    article.source.format = "text";
    article.raw = std::move(raw);
    pipeline_->Run(article);
    CheckEntities(article);
    return article;
  }

  // In bounds, on character boundaries, in order, apart, inside an analysed
  // sentence, of a known type; the title before its name, in the same
  // sentence. The JSON says the same: raw[start, end) is the text.
  static void CheckEntities(const Article& a) {
    const std::string& raw = a.raw;
    uint32_t previous_end = 0;
    for (const Entity& e : a.entities) {
      SCOPED_TRACE(std::to_string(e.raw.start) + ".." + std::to_string(e.raw.end));
      EXPECT_LT(e.raw.start, e.raw.end);
      EXPECT_LE(e.raw.end, raw.size());
      EXPECT_GE(e.raw.start, previous_end) << "entities out of order or overlapping";
      previous_end = e.raw.end;
      EXPECT_TRUE(IsCharBoundary(raw, e.raw.start) && IsCharBoundary(raw, e.raw.end));
      EXPECT_LT(static_cast<int>(e.type), kEntityTypeCount);
      EXPECT_FALSE(e.clean.empty());
      EXPECT_LE(e.clean.end, a.clean.text.size());
      const Sentence* in = nullptr;
      for (const Sentence& s : a.sentences) {
        if (s.raw.Contains(e.raw)) in = &s;
      }
      ASSERT_NE(in, nullptr) << "entity outside every sentence";
      EXPECT_NE(a.blocks[in->block].kind, BlockKind::kBoilerplate);
      if (e.title) {
        EXPECT_EQ(e.type, EntityType::kPerson);
        EXPECT_LT(e.title->start, e.title->end);
        EXPECT_LE(e.title->end, e.raw.start);
        EXPECT_TRUE(in->raw.Contains(*e.title)) << "title outside the name's sentence";
      }
    }
    nlohmann::json json = nlohmann::json::parse(ToJsonLine(a));
    const nlohmann::json& entities = json["entities"];
    ASSERT_EQ(entities.size(), a.entities.size());
    for (const nlohmann::json& e : entities) {
      uint32_t start = e["start"], end = e["end"];
      std::string text = raw.substr(start, end - start);
      if (IsValidUtf8(text)) EXPECT_EQ(e["text"].get<std::string>(), text);
      std::string type = e["type"];
      EXPECT_TRUE(type == "PER" || type == "LOC" || type == "ORG" || type == "MISC") << type;
      if (e.contains("title")) {
        uint32_t title_start = e["title"]["start"], title_end = e["title"]["end"];
        std::string title = raw.substr(title_start, title_end - title_start);
        if (IsValidUtf8(title)) EXPECT_EQ(e["title"]["text"].get<std::string>(), title);
      }
    }
  }

  // The entities as "Loukachenko/PER Kazakhstan/LOC", raw text.
  static std::string Dump(const Article& a) {
    std::string out;
    for (const Entity& e : a.entities) {
      if (!out.empty()) out += ' ';
      out += std::string(a.RawView(e.raw)) + "/" + std::string(EntityTypeName(e.type));
    }
    return out;
  }

  static Pipeline* pipeline_;
};

Pipeline* EntityTaggerTest::pipeline_ = nullptr;

TEST_F(EntityTaggerTest, OrdinaryArticle) {
  Article a = Analysed(
      "Loukachenko s’adresse aux manifestants au Kazakhstan\n\n"
      "Le président biélorusse Alexandre Loukachenko a appelé les manifestants d’Almaty au calme. "
      "Selon Loukachenko, l’OTSC enverra des troupes.\n");
  EXPECT_NE(Dump(a).find("Alexandre Loukachenko/PER"), std::string::npos) << Dump(a);
  EXPECT_NE(Dump(a).find("Kazakhstan/LOC"), std::string::npos) << Dump(a);
  // The person's title, apart from the name.
  bool titled = false;
  for (const Entity& e : a.entities) {
    if (e.title) titled |= a.RawView(*e.title) == "président biélorusse";
  }
  EXPECT_TRUE(titled) << Dump(a);
}

TEST_F(EntityTaggerTest, AllCapitalsHeadline) {
  Analysed("LOUKACHENKO S’ADRESSE AUX MANIFESTANTS AU KAZAKHSTAN (VIDÉO)\n\n"
           "LE PRÉSIDENT BIÉLORUSSE ALEXANDRE LOUKACHENKO A PARLÉ À MINSK.\n");
}

TEST_F(EntityTaggerTest, TextWithoutCapitals) {
  Analysed("loukachenko s’adresse aux manifestants au kazakhstan\n\n"
           "le président biélorusse alexandre loukachenko a parlé à minsk, selon l’otsc.\n");
}

// 10,000 tokens and no punctuation: the segmenter cuts the sentence at its
// budget; names repeated thousands of times stress the document-level pass.
TEST_F(EntityTaggerTest, TenThousandTokenSentence) {
  std::string names = "Un titre\n\n";
  for (int i = 0; i < 2000; ++i) names += "Jean Dupont rencontre Loukachenko à ";
  names += "Minsk\n";
  Article a = Analysed(names);
  EXPECT_FALSE(a.entities.empty());

  std::string words = "Un titre\n\n";
  for (int i = 0; i < 10000; ++i) words += i % 7 == 0 ? "Paris " : "mot ";
  Analysed(words + "\n");

  // Capitalised words all along: long runs the tagger may take as one name.
  std::string capitals = "Un titre\n\n";
  const char* kWords[] = {"Jean", "Pierre", "Marie", "Dupont", "Martin", "Paris", "Lyon", "Durand"};
  for (int i = 0; i < 10000; ++i) capitals += std::string(kWords[(i * 7) % 8]) + " ";
  Analysed(capitals + "\n");
}

TEST_F(EntityTaggerTest, TenThousandCharacterToken) {
  Analysed("Un titre\n\nLe mot " + std::string(10000, 'A') + " est long à Paris.\n");
  std::string cyrillic;
  while (cyrillic.size() < 20000) cyrillic += "Жж";
  Analysed("Un titre\n\nLe mot " + cyrillic + " est long. " + cyrillic + "\n");
  std::string euro;
  while (euro.size() < 10000) euro += "€";
  Analysed("Un titre\n\nM. " + euro + " Dupont\n");
}

TEST_F(EntityTaggerTest, MixedLatinAndCyrillic) {
  Article a = Analysed(
      "Лукашенко a rencontré Poutine à Минск\n\n"
      "Лукашенко a rencontré Poutine à Минск. Путин est venu de Moscou avec Sergueï Lavrov.\n");
  EXPECT_NE(Dump(a).find("Moscou/LOC"), std::string::npos) << Dump(a);
}

TEST_F(EntityTaggerTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Analysed("").entities.empty());
  EXPECT_TRUE(Analysed("\n\n\n").entities.empty());
  EXPECT_TRUE(Analysed("!!! ??? ...\n\n« » — ; : , . ( ) [ ] … ’ ' \" -- !!\n").entities.empty());
}

TEST_F(EntityTaggerTest, InvalidUtf8AroundNames) {
  Analysed("Titre \xFF\n\nLe pr\xE9sident Loukachenko \xC3 a parl\xE9 \xED\xA0\x80 à Minsk.\n");
}

// The footer of the specimen's outlet names four companies; it is
// boilerplate, so none of them is an entity.
TEST_F(EntityTaggerTest, BoilerplateFooterNamesAreNotEntities) {
  const std::string footer =
      "Rejoignez News-Front sur Facebook, GAB, Vkontakte, et Telegram pour découvrir le choix de "
      "l’équipe";
  Article a = Analysed(
      "Loukachenko s’adresse aux manifestants au Kazakhstan\n\n"
      "Le président biélorusse Alexandre Loukachenko a appelé au calme à Almaty.\n\n" +
      footer);
  ASSERT_FALSE(a.entities.empty());
  uint32_t footer_start = static_cast<uint32_t>(a.raw.size() - footer.size());
  for (const Entity& e : a.entities) {
    EXPECT_LE(e.raw.end, footer_start) << "entity in the footer: " << a.RawView(e.raw);
  }
}

// With Options::tagger_model "none" the stage is off; a missing model file
// is an error when the pipeline is built, not when an article is analysed.
TEST(EntityTaggerCreateTest, ModelChoice) {
  Result<std::unique_ptr<EntityTagger>> none = EntityTagger::Create({.tagger_model = "none"});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, nullptr);
  Result<std::unique_ptr<EntityTagger>> missing =
      EntityTagger::Create({.tagger_model = "/nonexistent/tagger.model"});
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace veille::entities
