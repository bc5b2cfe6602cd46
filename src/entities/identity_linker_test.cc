// The identities stage through the pipeline (with the shipped model): a
// golden dump per article, "text/TYPE→identity name (rule)".
#include "entities/identity_linker.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "veille/pipeline.h"
#include "veille/tagger.h"

namespace veille::entities {
namespace {

std::string Dump(const std::string& text) {
  // The article's own identities: the knowledge base has its own tests
  // (src/kb/, and the specimen's).
  static auto pipeline = [] {
    Options options;
    options.knowledge_base = "none";
    return std::move(Pipeline::Create(options)).value();
  }();
  Article article;
  article.source.path = "test";
  article.source.format = "text";
  article.raw = text;
  pipeline->Run(article);
  std::string out;
  for (const Entity& e : article.entities) {
    if (!out.empty()) out += " · ";
    out += std::string(article.RawView(e.raw)) + "/" + std::string(EntityTypeName(e.type));
    if (e.identity >= 0) out += "→" + article.identities[e.identity].name;
    if (e.why.starts_with("surname")) out += " (surname)";
    if (e.why.starts_with("acronym") || e.why.starts_with("expansion")) out += " (acronym)";
    if (e.why.starts_with("adjective")) out += " (adjective)";
    if (e.why.starts_with("same name key")) out += " (key)";
    if (e.title) out += " [" + std::string(article.RawView(*e.title)) + "]";
  }
  return out;
}

class IdentityLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(DefaultTaggerModelPath())) GTEST_SKIP() << "no shipped model";
  }
};

TEST_F(IdentityLinkerTest, SurnamesAndSpellingsJoinTheFullName) {
  EXPECT_EQ(Dump("Titre\n\nEmmanuel Macron a reçu Olaf Scholz à Paris. Macron a parlé le premier.\n"),
            "Emmanuel Macron/PER→Emmanuel Macron · Olaf Scholz/PER→Olaf Scholz · "
            "Paris/LOC→Paris · Macron/PER→Emmanuel Macron (surname)");
}

TEST_F(IdentityLinkerTest, AcronymsJoinTheirExpansion) {
  EXPECT_EQ(Dump("Titre\n\nL'Organisation mondiale de la santé a alerté les pays. "
                 "L'OMS demande des mesures.\n"),
            "Organisation mondiale de la santé/ORG→Organisation mondiale de la santé · "
            "OMS/ORG→Organisation mondiale de la santé (acronym)");
}

TEST_F(IdentityLinkerTest, AdjectivesArePlacesNotPeople) {
  std::string dump = Dump("Titre\n\nLe gouvernement ukrainien et les Ukrainiens ont répondu à l'Ukraine.\n");
  EXPECT_NE(dump.find("ukrainien/LOC→Ukraine (adjective)"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Ukrainiens/LOC→Ukraine (adjective)"), std::string::npos) << dump;
}

// An adjective the tagger took for a person, title and all ("le président
// Kazakh", capitalised), is a place without a title (found by fuzz_quotes).
TEST_F(IdentityLinkerTest, AnAdjectiveTakenForAPersonLosesItsTitle) {
  std::string dump = Dump("Le président Kazakh a parlé\n\nLe président Kazakh a parlé mardi.\n");
  EXPECT_EQ(dump.find('['), std::string::npos) << dump;
}

TEST_F(IdentityLinkerTest, DifferentPeopleStayApart) {
  std::string dump = Dump("Titre\n\nJean Martin et Paul Martin se sont parlé. Pierre Durand aussi.\n");
  EXPECT_NE(dump.find("Jean Martin/PER→Jean Martin"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Paul Martin/PER→Paul Martin"), std::string::npos) << dump;
}

}  // namespace
}  // namespace veille::entities
