#include "entities/entity_scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace veille::entities {
namespace {

constexpr EntityType PER = EntityType::kPerson;
constexpr EntityType LOC = EntityType::kLocation;
constexpr EntityType ORG = EntityType::kOrganization;
constexpr EntityType MISC = EntityType::kMisc;

size_t Index(EntityType type) { return static_cast<size_t>(type); }

// Precision, recall and F1 of one rule, compared to three decimals.
struct Prf {
  double p, r, f1;
};

void ExpectPrf(const Counts& counts, Prf expected, const std::string& what) {
  EXPECT_NEAR(counts.Precision(), expected.p, 1e-3) << what << " precision";
  EXPECT_NEAR(counts.Recall(), expected.r, 1e-3) << what << " recall";
  EXPECT_NEAR(counts.F1(), expected.f1, 1e-3) << what << " F1";
}

// One sentence scored alone: gold and predicted mentions → strict and fuzzy
// precision, recall, F1.
TEST(EntityScorerTest, GoldenTable) {
  struct Case {
    std::string name;
    std::vector<Mention> gold, predicted;
    Prf strict, fuzzy;
  } cases[] = {
      {"all right", {{0, 2, PER}, {4, 5, LOC}}, {{0, 2, PER}, {4, 5, LOC}},
       {1, 1, 1}, {1, 1, 1}},
      {"one of two right", {{0, 2, PER}, {4, 5, LOC}}, {{0, 2, PER}, {6, 7, ORG}},
       {0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}},
      {"boundary error", {{0, 2, PER}}, {{1, 2, PER}}, {0, 0, 0}, {1, 1, 1}},
      {"boundary error, wider", {{1, 2, LOC}}, {{0, 3, LOC}}, {0, 0, 0}, {1, 1, 1}},
      {"type error", {{0, 2, PER}}, {{0, 2, ORG}}, {0, 0, 0}, {0, 0, 0}},
      {"touching is not overlapping", {{0, 2, PER}}, {{2, 3, PER}}, {0, 0, 0}, {0, 0, 0}},
      {"a missed mention", {{0, 1, PER}, {3, 4, LOC}}, {{0, 1, PER}},
       {1, 0.5, 2.0 / 3}, {1, 0.5, 2.0 / 3}},
      {"a false alarm", {{0, 1, PER}}, {{0, 1, PER}, {3, 4, LOC}},
       {0.5, 1, 2.0 / 3}, {0.5, 1, 2.0 / 3}},
      // One-to-one: the second piece of a split mention is a false alarm.
      {"a mention split in two", {{0, 4, ORG}}, {{0, 2, ORG}, {2, 4, ORG}},
       {0, 0, 0}, {0.5, 1, 2.0 / 3}},
      // Two mentions merged: one gold mention matched, the other missed.
      {"two mentions merged", {{0, 2, PER}, {2, 4, PER}}, {{0, 4, PER}},
       {0, 0, 0}, {1, 0.5, 2.0 / 3}},
      // Greedy left to right: the first prediction takes the first gold
      // mention it overlaps, leaving the second for the next prediction.
      {"greedy matching", {{0, 2, PER}, {3, 5, PER}}, {{1, 4, PER}, {4, 6, PER}},
       {0, 0, 0}, {1, 1, 1}},
      {"nothing predicted", {{0, 1, PER}}, {}, {0, 0, 0}, {0, 0, 0}},
      {"nothing to find", {}, {{0, 1, PER}}, {0, 0, 0}, {0, 0, 0}},
      {"nothing at all", {}, {}, {0, 0, 0}, {0, 0, 0}},
  };
  for (const Case& c : cases) {
    EntityScorer scorer;
    scorer.Add(c.gold, c.predicted);
    ExpectPrf(scorer.scores().strict, c.strict, c.name + ", strict");
    ExpectPrf(scorer.scores().fuzzy, c.fuzzy, c.name + ", fuzzy");
  }
}

TEST(EntityScorerTest, GoldAgainstItselfIsPerfectEverywhere) {
  const std::vector<std::vector<Mention>> sentences = {
      {{0, 2, PER}, {3, 4, LOC}, {5, 8, ORG}},
      {},
      {{1, 2, MISC}, {2, 3, MISC}, {4, 6, PER}},
  };
  EntityScorer scorer;
  for (const auto& mentions : sentences) scorer.Add(mentions, mentions);
  const EntityScores& scores = scorer.scores();
  ExpectPrf(scores.strict, {1, 1, 1}, "strict");
  ExpectPrf(scores.fuzzy, {1, 1, 1}, "fuzzy");
  for (EntityType type : {PER, LOC, ORG, MISC}) {
    std::string name(EntityTypeName(type));
    ExpectPrf(scores.strict_by_type[Index(type)], {1, 1, 1}, name + " strict");
    ExpectPrf(scores.fuzzy_by_type[Index(type)], {1, 1, 1}, name + " fuzzy");
  }
  EXPECT_EQ(scores.strict.gold, 6u);
  EXPECT_EQ(scores.strict_by_type[Index(MISC)].gold, 2u);
}

// A type error is a miss for the gold type and a false alarm for the
// predicted one.
TEST(EntityScorerTest, PerTypeCountsFollowTheMentionsOwnType) {
  EntityScorer scorer;
  std::vector<Mention> gold = {{0, 2, PER}, {3, 4, LOC}};
  std::vector<Mention> predicted = {{0, 2, ORG}, {3, 4, LOC}};
  scorer.Add(gold, predicted);
  const auto& by_type = scorer.scores().strict_by_type;
  EXPECT_EQ(by_type[Index(PER)].gold, 1u);
  EXPECT_EQ(by_type[Index(PER)].predicted, 0u);
  EXPECT_EQ(by_type[Index(PER)].correct_gold, 0u);
  EXPECT_EQ(by_type[Index(ORG)].gold, 0u);
  EXPECT_EQ(by_type[Index(ORG)].predicted, 1u);
  EXPECT_EQ(by_type[Index(ORG)].correct_predicted, 0u);
  ExpectPrf(by_type[Index(LOC)], {1, 1, 1}, "LOC");
  EXPECT_EQ(scorer.scores().fuzzy_by_type[Index(ORG)].predicted, 1u);
}

// Every mention weighs the same, whatever its sentence.
TEST(EntityScorerTest, SentencesAddUpMicroAveraged) {
  EntityScorer scorer;
  std::vector<Mention> one = {{0, 1, PER}};
  std::vector<Mention> three = {{0, 1, LOC}, {2, 3, LOC}, {4, 5, LOC}};
  std::vector<Mention> none;
  scorer.Add(one, one);
  scorer.Add(three, none);
  scorer.Add(none, three);
  const Counts& strict = scorer.scores().strict;
  EXPECT_EQ(strict.gold, 4u);
  EXPECT_EQ(strict.predicted, 4u);
  EXPECT_EQ(strict.correct_predicted, 1u);
  EXPECT_EQ(strict.correct_gold, 1u);
  ExpectPrf(strict, {0.25, 0.25, 0.25}, "strict");
}

TEST(EntityScorerTest, NoMentionsAtAllGivesZeroNotNaN) {
  EntityScorer scorer;
  const EntityScores& scores = scorer.scores();
  for (const Counts* counts : {&scores.strict, &scores.fuzzy, &scores.strict_by_type[0]}) {
    EXPECT_EQ(counts->Precision(), 0.0);
    EXPECT_EQ(counts->Recall(), 0.0);
    EXPECT_EQ(counts->F1(), 0.0);
    EXPECT_FALSE(std::isnan(counts->F1()));
  }
}

TEST(EntityScorerTest, FormatScoresGolden) {
  EntityScorer scorer;
  std::vector<Mention> gold = {{0, 2, PER}, {3, 4, LOC}};
  std::vector<Mention> predicted = {{1, 2, PER}, {3, 4, LOC}};
  scorer.Add(gold, predicted);
  EXPECT_EQ(FormatScores(scorer.scores()),
            "| type  | strict P | strict R | strict F1 | fuzzy P | fuzzy R | fuzzy F1 | gold |\n"
            "|-------|---------:|---------:|----------:|--------:|--------:|---------:|-----:|\n"
            "| micro |    0.500 |    0.500 |     0.500 |   1.000 |   1.000 |    1.000 |    2 |\n"
            "| PER   |    0.000 |    0.000 |     0.000 |   1.000 |   1.000 |    1.000 |    1 |\n"
            "| LOC   |    1.000 |    1.000 |     1.000 |   1.000 |   1.000 |    1.000 |    1 |\n");
  // A type only predicted has its row; types never seen have none.
  EntityScorer only_predicted;
  std::vector<Mention> misc = {{0, 1, MISC}};
  only_predicted.Add({}, misc);
  EXPECT_EQ(FormatScores(only_predicted.scores()),
            "| type  | strict P | strict R | strict F1 | fuzzy P | fuzzy R | fuzzy F1 | gold |\n"
            "|-------|---------:|---------:|----------:|--------:|--------:|---------:|-----:|\n"
            "| micro |    0.000 |    0.000 |     0.000 |   0.000 |   0.000 |    0.000 |    0 |\n"
            "| MISC  |    0.000 |    0.000 |     0.000 |   0.000 |   0.000 |    0.000 |    0 |\n");
}

}  // namespace
}  // namespace veille::entities
