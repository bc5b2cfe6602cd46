// The specimen article (../shared/seed/, copied to samples/): everything in the
// Document section of EXPECTED.md that has landed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "test_util.h"
#include "veille/input.h"
#include "veille/json.h"
#include "veille/kb.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

using testing::SourceDir;

class SpecimenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto path = (SourceDir() / "samples" / "000_6725e37f21ff759c.txt").string();
    auto reader = InputReader::Create({path}, Options{});
    ASSERT_TRUE(reader.ok());
    auto next = (*reader)->Next();
    ASSERT_TRUE(next.has_value());
    article_ = std::move(*next);
    auto pipeline = Pipeline::Create(Options{});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    (*pipeline)->Run(article_);
  }

  std::string Text(Span span) const { return std::string(article_.RawView(span)); }

  const Block* FindBlock(BlockKind kind, std::string_view starts_with) const {
    for (const Block& b : article_.blocks) {
      if (b.kind == kind && article_.RawView(b.raw).substr(0, starts_with.size()) == starts_with) {
        return &b;
      }
    }
    return nullptr;
  }

  Article article_;
};

TEST_F(SpecimenTest, Title) {
  ASSERT_TRUE(article_.title.has_value());
  EXPECT_EQ(Text(*article_.title),
            "Loukachenko s\u2019adresse aux manifestants au Kazakhstan (Vidéo)");
  EXPECT_EQ(article_.title->start, 0u);
  ASSERT_FALSE(article_.blocks.empty());
  EXPECT_EQ(article_.blocks[0].kind, BlockKind::kTitle);
  // "(Vidéo)": the page carried a video.
  EXPECT_EQ(article_.media, std::vector<std::string>{"video"});
}

TEST_F(SpecimenTest, FrenchWithHighConfidence) {
  EXPECT_EQ(article_.language.code, "fr");
  EXPECT_EQ(article_.language.script, "Latn");
  EXPECT_GE(article_.language.confidence, 0.9);
}

TEST_F(SpecimenTest, SubHeadingIsAHeadingNotASentenceOfAParagraph) {
  const Block* heading =
      FindBlock(BlockKind::kHeading, "L\u2019état d\u2019urgence a été instauré");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(Text(heading->raw), "L\u2019état d\u2019urgence a été instauré au Kazakhstan");
  int headings = 0;
  for (const Block& b : article_.blocks) headings += b.kind == BlockKind::kHeading;
  EXPECT_EQ(headings, 1);
  // Its one sentence is its own, not part of a paragraph.
  for (const Sentence& s : article_.sentences) {
    if (heading->raw.Contains(s.raw)) {
      EXPECT_EQ(article_.blocks[s.block].kind, BlockKind::kHeading);
    }
  }
}

TEST_F(SpecimenTest, FooterIsBoilerplateKeptInRawButNotAnalysed) {
  const Block& last = article_.blocks.back();
  EXPECT_EQ(last.kind, BlockKind::kBoilerplate);
  EXPECT_EQ(Text(last.raw).substr(0, 9), "Rejoignez");
  EXPECT_EQ(last.raw.end, article_.raw.size());
  for (const Sentence& s : article_.sentences) {
    EXPECT_LE(s.raw.end, last.raw.start) << "a sentence inside the footer";
  }
  int paragraphs = 0;
  for (const Block& b : article_.blocks) paragraphs += b.kind == BlockKind::kParagraph;
  EXPECT_EQ(paragraphs, 4);
}

TEST_F(SpecimenTest, OutletFromTheFooter) {
  ASSERT_TRUE(article_.outlet.has_value());
  EXPECT_EQ(article_.outlet->name, "News-Front");
  EXPECT_EQ(article_.outlet->evidence, "footer");
  EXPECT_FALSE(article_.source.url.has_value());
}

TEST_F(SpecimenTest, NoPublicationDateGivenSoItIsEstimated) {
  // None given and no dateline: the latest day the text names, marked.
  ASSERT_TRUE(article_.published.has_value());
  EXPECT_EQ(article_.published->value, "2022-01-06");
  EXPECT_TRUE(article_.published->estimated);
  EXPECT_EQ(article_.published->evidence, "latest date in the text");
  EXPECT_TRUE(article_.errors.empty());
}

// The Time table of EXPECTED.md, and nothing else: no "Je" (jeudi), no
// "sa" (samedi), no "premier" of "le premier chef d'État".
TEST_F(SpecimenTest, TimesOfTheExpectedTable) {
  std::vector<std::string> times;
  for (const TimeExpr& t : article_.times) {
    times.push_back(Text(t.raw) + "|" + t.value + "|" + t.granularity + "|" + t.mod + "|" +
                    std::string(TimeAnchorName(t.anchor)));
  }
  EXPECT_EQ(times, (std::vector<std::string>{
                       "au début de 2022|2022|year|START|absolute",
                       "4|2022-01-04|day||text",
                       "5 janvier|2022-01-05|day||text",
                       "Le matin du 5 janvier|2022-01-05TMO|part of day||text",
                       "Dans la nuit du 6 janvier|2022-01-06TNI|part of day||text",
                       "La même nuit|2022-01-06TNI|part of day||text",
                   }));
}

TEST_F(SpecimenTest, SentencesOfTheQuoteParagraph) {
  std::vector<std::string> sentences;
  for (const Sentence& s : article_.sentences) sentences.push_back(Text(s.raw));
  auto has = [&](const std::string& text) {
    return std::find(sentences.begin(), sentences.end(), text) != sentences.end();
  };
  EXPECT_TRUE(has("\u00ab\u00a0Je voudrais lancer un appel des Biélorusses à ces manifestants."));
  EXPECT_TRUE(has("Je leur dirais simplement: ils ont fait du bruit, ont crié, assez, "
                  "nous devons négocier."));
  EXPECT_TRUE(has("Les manifestations de masse au Kazakhstan ont commencé au début de 2022."));
  EXPECT_EQ(sentences.size(), 15u);
}

// The Entities table of EXPECTED.md: every person, place and organisation
// mention the issue names, with its type; nothing in the footer. A golden
// dump, "text/TYPE", in text order, of the mentions asked for.
TEST_F(SpecimenTest, EntitiesOfTheExpectedTable) {
  std::vector<std::string> found;
  const Block& footer = article_.blocks.back();
  for (const Entity& e : article_.entities) {
    EXPECT_FALSE(footer.raw.Contains(e.raw)) << "entity in the footer: " << Text(e.raw);
    found.push_back(Text(e.raw) + "/" + std::string(EntityTypeName(e.type)));
  }
  auto count = [&](const std::string& wanted) {
    return std::count(found.begin(), found.end(), wanted);
  };
  std::string all;
  for (const std::string& f : found) all += f + " · ";
  // Both spellings of Lukashenko, the title's included.
  EXPECT_EQ(count("Loukachenko/PER"), 1) << all;
  EXPECT_EQ(count("Alexandre Loukachenko/PER"), 1) << all;
  EXPECT_EQ(count("Loukachenka/PER"), 1) << all;
  // All the Tokayevs: four "Tokayev" (one after the parenthesis that splits
  // it from Kassym-Jomart) and one "Kassym-Zhomart Tokayev".
  EXPECT_EQ(count("Tokayev/PER"), 4) << all;
  EXPECT_EQ(count("Kassym-Zhomart Tokayev/PER"), 1) << all;
  EXPECT_EQ(count("Noursoultan Nazarbaïev/PER"), 1) << all;
  for (const char* place : {"Zhanaozen/LOC", "Aktau/LOC", "Mangistau/LOC", "Alma-Ata/LOC"}) {
    EXPECT_EQ(count(place), 1) << place << " in " << all;
  }
  EXPECT_GE(count("Kazakhstan/LOC"), 6) << all;
  EXPECT_EQ(count("OTSC/ORG"), 2) << all;
  EXPECT_GE(count("Conseil de sécurité/ORG"), 2) << all;
  // Lukashenko is "président biélorusse" there: his title is reported apart.
  for (const Entity& e : article_.entities) {
    if (Text(e.raw) == "Alexandre Loukachenko") {
      ASSERT_TRUE(e.title.has_value());
      EXPECT_EQ(Text(*e.title), "président biélorusse");
    }
  }
}

// The Entities table's identities that need no knowledge base: one for the
// three spellings of Lukashenko, one for all the Tokayevs, Belarus from
// "biélorusse" and "Biélorusses", Kazakhstan from "kazakh" — each link
// with its reason.
TEST_F(SpecimenTest, IdentitiesWithinTheArticle) {
  auto identity_of = [&](const std::string& text) -> std::set<std::string> {
    std::set<std::string> ids;
    for (const Entity& e : article_.entities) {
      if (Text(e.raw) == text && e.identity >= 0) ids.insert(article_.identities[e.identity].id);
    }
    return ids;
  };
  auto lukashenko = identity_of("Alexandre Loukachenko");
  ASSERT_EQ(lukashenko.size(), 1u);
  EXPECT_EQ(identity_of("Loukachenko"), lukashenko);
  EXPECT_EQ(identity_of("Loukachenka"), lukashenko);
  auto tokayev = identity_of("Kassym-Zhomart Tokayev");
  ASSERT_EQ(tokayev.size(), 1u);
  EXPECT_EQ(identity_of("Tokayev"), tokayev);
  // "(le président du Kazakhstan Kassym-Jomart) Tokayev": the country, then
  // the first name, which joins its surname across the parenthesis.
  EXPECT_EQ(identity_of("Kassym-Jomart"), tokayev);
  EXPECT_TRUE(identity_of("Kazakhstan Kassym-Jomart").empty());
  EXPECT_NE(tokayev, lukashenko);
  EXPECT_EQ(identity_of("kazakh"), identity_of("Kazakhstan"));
  auto belarus = identity_of("biélorusse");
  ASSERT_EQ(belarus.size(), 1u);
  EXPECT_EQ(identity_of("Biélorusses"), belarus);
  for (const Entity& e : article_.entities) {
    std::string text = Text(e.raw);
    if (text == "biélorusse" || text == "Biélorusses" || text == "kazakh") {
      EXPECT_EQ(e.type, EntityType::kLocation) << text;  // a place, not people
      EXPECT_TRUE(e.adjective) << text;
      EXPECT_NE(e.why.find("adjective of"), std::string::npos) << e.why;
    }
    if (text == "Loukachenka") EXPECT_NE(e.why.find("lukaSenko"), std::string::npos) << e.why;
    if (text == "Tokayev" && e.why.find("surname") != std::string::npos) {
      // The first full name: "Kassym-Jomart) Tokayev" comes before "Kassym-Zhomart Tokayev".
      EXPECT_NE(e.why.find("surname of 'Kassym-Jomart Tokayev'"), std::string::npos) << e.why;
    }
  }
}

// The identities that need the knowledge base scripts/build makes: places
// under their canonical names from GeoNames and ISO 3166, the CSTO from its
// French acronym, countries from their French adjectives.
TEST_F(SpecimenTest, IdentitiesFromTheKnowledgeBase) {
  ASSERT_TRUE(std::filesystem::exists(DefaultKnowledgeBasePath()))
      << "no knowledge base: scripts/build makes it";
  auto identity_of = [&](const std::string& text) -> const Identity* {
    for (const Entity& e : article_.entities) {
      if (Text(e.raw) == text && e.identity >= 0) return &article_.identities[e.identity];
    }
    return nullptr;
  };
  auto expect = [&](const std::string& text, const std::string& id_prefix, const std::string& name) {
    const Identity* identity = identity_of(text);
    ASSERT_NE(identity, nullptr) << text << " is not a mention";
    EXPECT_TRUE(identity->id.starts_with(id_prefix)) << text << " → " << identity->id;
    EXPECT_EQ(identity->name, name) << text;
  };
  expect("Alma-Ata", "geonames:", "Almaty");
  expect("Zhanaozen", "geonames:", "Zhanaozen");
  expect("Aktau", "geonames:", "Aktau");
  expect("Mangistau", "region:KZ-MAN", "Mangghystaū oblysy");
  expect("OTSC", "organisation:csto", "Collective Security Treaty Organization");
  expect("Kazakhstan", "country:KZ", "Kazakhstan");
  expect("kazakh", "country:KZ", "Kazakhstan");
  expect("biélorusse", "country:BY", "Belarus");
  for (const Entity& e : article_.entities) {
    if (Text(e.raw) == "Alma-Ata") {
      EXPECT_EQ(e.why, "kb alias 'Alma-Ata' (GeoNames)");
    }
  }
}

TEST_F(SpecimenTest, JsonCarriesTheDocumentSection) {
  auto json = nlohmann::json::parse(ToJsonLine(article_));
  EXPECT_EQ(json["schema"], "veille.article/1");
  EXPECT_EQ(json["id"].get<std::string>().size(), 32u);
  EXPECT_EQ(json["source"]["outlet"]["name"], "News-Front");
  EXPECT_EQ(json["source"]["outlet"]["evidence"], "footer");
  EXPECT_EQ(json["title"]["text"],
            "Loukachenko s\u2019adresse aux manifestants au Kazakhstan (Vidéo)");
  EXPECT_EQ(json["language"]["code"], "fr");
  EXPECT_EQ(json["published"]["value"], "2022-01-06");
  EXPECT_EQ(json["published"]["estimated"], true);
  EXPECT_EQ(json["times"].size(), 6u);
  EXPECT_EQ(json["times"][0]["value"], "2022");
  EXPECT_EQ(json["times"][0]["mod"], "START");
  EXPECT_EQ(json["times"][5]["anchor"], "text");
  EXPECT_EQ(json["blocks"].back()["kind"], "boilerplate");
}

// The three quotations of EXPECTED.md, with their speakers, and the
// channel in reversed guillemets that is no quotation.
TEST_F(SpecimenTest, QuotationsOfTheExpectedTable) {
  ASSERT_EQ(article_.quotes.size(), 3u);
  auto speaker_id = [&](const Quote& q) -> std::string {
    if (q.speaker < 0) return "";
    const Entity& e = article_.entities[q.speaker];
    return e.identity >= 0 ? article_.identities[e.identity].id : "";
  };
  const Quote& appeal = article_.quotes[0];
  EXPECT_TRUE(Text(appeal.raw).starts_with("Je voudrais lancer un appel des Biélorusses"));
  EXPECT_TRUE(Text(appeal.raw).ends_with("avec Tokayev"));
  EXPECT_EQ(appeal.kind, QuoteKind::kDirect);
  EXPECT_FALSE(appeal.unclosed);
  EXPECT_EQ(Text(article_.entities[appeal.speaker].raw), "Loukachenka");
  EXPECT_EQ(speaker_id(appeal), "per:aleksandre-lukasenko");
  ASSERT_TRUE(appeal.cue.has_value());
  EXPECT_EQ(Text(*appeal.cue), "cite Loukachenka");
  EXPECT_EQ(appeal.verb, "citer");
  ASSERT_TRUE(appeal.channel.has_value());
  EXPECT_NE(Text(*appeal.channel).find("Pool of the First"), std::string::npos);

  const Quote& qualified = article_.quotes[1];
  EXPECT_EQ(Text(qualified.raw), "atteinte à l\u2019intégrité de l\u2019État");
  EXPECT_EQ(qualified.kind, QuoteKind::kPartial);
  EXPECT_EQ(speaker_id(qualified), "per:kasim-jomart-tokaev");
  EXPECT_EQ(qualified.verb, "qualifier");

  const Quote& unclosed = article_.quotes[2];
  EXPECT_EQ(Text(unclosed.raw), "dans surmonter la menace terroriste.");
  EXPECT_TRUE(unclosed.unclosed);
  EXPECT_EQ(unclosed.kind, QuoteKind::kPartial);
  EXPECT_EQ(speaker_id(unclosed), "per:kasim-jomart-tokaev");
  EXPECT_EQ(unclosed.verb, "déclarer");
  for (const Quote& q : article_.quotes) {
    EXPECT_EQ(Text(q.raw).find("Pool of the First"), std::string::npos);
  }
}

}  // namespace
}  // namespace veille
