#include "entities/labels.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <tuple>
#include <vector>

namespace veille::entities {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kLocation;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kMisc = EntityType::kMisc;

bool IsInside(int label) { return label > kEntityTypeCount; }
int TypeOf(int label) { return (label - 1) % kEntityTypeCount; }

std::string LabelName(int label) {
  if (label == kOutside) return "O";
  std::string type(EntityTypeName(static_cast<EntityType>(TypeOf(label))));
  return (IsInside(label) ? "I-" : "B-") + type;
}

std::string Dump(const std::vector<int>& labels) {
  std::string out;
  for (int label : labels) {
    if (!out.empty()) out += ' ';
    out += LabelName(label);
  }
  return out;
}

int LabelNamed(std::string_view name) {
  for (int label = 0; label < kLabels; ++label) {
    if (LabelName(label) == name) return label;
  }
  ADD_FAILURE() << "no label " << name;
  return kOutside;
}

std::vector<int> Labels(std::string_view names) {
  std::vector<int> labels;
  size_t at = 0;
  while (at < names.size()) {
    size_t space = names.find(' ', at);
    if (space == std::string_view::npos) space = names.size();
    labels.push_back(LabelNamed(names.substr(at, space - at)));
    at = space + 1;
  }
  return labels;
}

std::string Dump(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    if (!out.empty()) out += ' ';
    out += std::to_string(m.first) + "-" + std::to_string(m.end) + ":" +
           std::string(EntityTypeName(m.type));
  }
  return out;
}

TEST(LabelsTest, LabelNumbering) {
  EXPECT_EQ(kLabels, 9);
  EXPECT_EQ(LabelName(BeginLabel(kPer)), "B-PER");
  EXPECT_EQ(LabelName(InsideLabel(kMisc)), "I-MISC");
  EXPECT_EQ(kTransitions, 10 * 9);
}

TEST(LabelsTest, MentionsToLabelsGoldenTable) {
  struct Case {
    std::vector<Mention> mentions;
    size_t tokens;
    const char* expected;
  };
  const Case cases[] = {
      {{}, 3, "O O O"},
      {{}, 0, ""},
      {{{0, 2, kPer}, {3, 4, kLoc}}, 5, "B-PER I-PER O B-LOC O"},
      // Two mentions side by side stay two: the second begins with B-.
      {{{0, 1, kOrg}, {1, 3, kOrg}}, 3, "B-ORG B-ORG I-ORG"},
      {{{1, 4, kMisc}}, 4, "O B-MISC I-MISC I-MISC"},
      // A mention past the end of the tokens is cut there.
      {{{2, 9, kLoc}}, 4, "O O B-LOC I-LOC"},
  };
  for (const Case& c : cases) {
    std::vector<int> labels;
    MentionsToLabels(c.mentions, c.tokens, labels);
    EXPECT_EQ(Dump(labels), c.expected) << Dump(c.mentions);
  }
}

TEST(LabelsTest, LabelsToMentionsGoldenTable) {
  struct Case {
    const char* labels;
    const char* expected;
  };
  const Case cases[] = {
      {"O O", ""},
      {"B-PER I-PER O B-LOC", "0-2:PER 3-4:LOC"},
      {"B-ORG B-ORG I-ORG", "0-1:ORG 1-3:ORG"},
      {"B-PER I-LOC", "0-1:PER 1-2:LOC"},
      // A stray I- (IOB1) starts a mention; the I- that follow go on with it.
      {"O I-LOC I-LOC O", "1-3:LOC"},
      {"I-MISC", "0-1:MISC"},
      {"I-PER B-PER I-PER", "0-1:PER 1-3:PER"},
  };
  for (const Case& c : cases) {
    std::vector<Mention> mentions;
    LabelsToMentions(Labels(c.labels), mentions);
    EXPECT_EQ(Dump(mentions), c.expected) << c.labels;
  }
}

// Random gold mentions: in order, not overlapping, non-empty, within the
// tokens, as TaggedSentence promises.
RC_GTEST_PROP(LabelsProperty, MentionsRoundTripThroughLabels, ()) {
  auto parts = *rc::gen::container<std::vector<std::tuple<int, int, int>>>(
      rc::gen::tuple(rc::gen::inRange(0, 3), rc::gen::inRange(1, 4),
                     rc::gen::inRange(0, kEntityTypeCount)));
  std::vector<Mention> mentions;
  uint32_t at = 0;
  for (const auto& [gap, length, type] : parts) {
    at += static_cast<uint32_t>(gap);
    mentions.push_back({at, at + static_cast<uint32_t>(length), static_cast<EntityType>(type)});
    at += static_cast<uint32_t>(length);
  }
  size_t tokens = at + *rc::gen::inRange(0, 3);
  std::vector<int> labels;
  MentionsToLabels(mentions, tokens, labels);
  RC_ASSERT(labels.size() == tokens);
  std::vector<Mention> back;
  LabelsToMentions(labels, back);
  RC_ASSERT(back == mentions);
}

// The score BestLabels maximises, for a given sequence.
float PathScore(const std::vector<float>& emissions, const std::vector<float>& transitions,
                const std::vector<int>& labels) {
  float score = 0;
  int previous = kLabels;
  for (size_t i = 0; i < labels.size(); ++i) {
    score += transitions[previous * kLabels + labels[i]] + emissions[i * kLabels + labels[i]];
    previous = labels[i];
  }
  return score;
}

bool Valid(const std::vector<int>& labels) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] < 0 || labels[i] >= kLabels) return false;
    if (!IsInside(labels[i])) continue;
    if (i == 0) return false;
    int previous = labels[i - 1];
    if (previous == kOutside || TypeOf(previous) != TypeOf(labels[i])) return false;
  }
  return true;
}

rc::Gen<std::vector<float>> GenScores(size_t count) {
  // Hundredths in [-20, 20]: ties are possible, infinities and NaN are not
  // (model weights are finite).
  return rc::gen::map(rc::gen::container<std::vector<int>>(count, rc::gen::inRange(-2000, 2001)),
                      [](const std::vector<int>& v) {
                        std::vector<float> out(v.size());
                        for (size_t k = 0; k < v.size(); ++k) out[k] = v[k] / 100.0f;
                        return out;
                      });
}

// Whatever the scores, I-X only after B-X or I-X, never first.
RC_GTEST_PROP(LabelsProperty, BestLabelsAreAlwaysAValidSequence, ()) {
  size_t n = *rc::gen::inRange<size_t>(0, 60);
  std::vector<float> emissions = *GenScores(n * kLabels);
  std::vector<float> transitions = *GenScores(kTransitions);
  // Often make the invalid labels the most tempting ones.
  if (*rc::gen::arbitrary<bool>()) {
    for (size_t i = 0; i < n; ++i) {
      for (int y = 1 + kEntityTypeCount; y < kLabels; ++y) emissions[i * kLabels + y] += 50;
    }
  }
  std::vector<int> labels;
  std::vector<float> scores;
  std::vector<uint8_t> back;
  BestLabels(emissions, transitions, labels, scores, back);
  RC_ASSERT(labels.size() == n);
  RC_ASSERT(Valid(labels));
}

// On short sentences, Viterbi's sequence scores as well as the best of all
// valid sequences, found by trying them all.
RC_GTEST_PROP(LabelsProperty, BestLabelsIsTheBestValidSequence, ()) {
  size_t n = *rc::gen::inRange<size_t>(1, 4);
  std::vector<float> emissions = *GenScores(n * kLabels);
  std::vector<float> transitions = *GenScores(kTransitions);
  std::vector<int> labels;
  std::vector<float> scores;
  std::vector<uint8_t> back;
  BestLabels(emissions, transitions, labels, scores, back);
  float best = -1e30f;
  std::vector<int> candidate(n, 0);
  for (;;) {
    if (Valid(candidate)) best = std::max(best, PathScore(emissions, transitions, candidate));
    size_t k = 0;
    while (k < n && ++candidate[k] == kLabels) candidate[k++] = 0;
    if (k == n) break;
  }
  RC_ASSERT(Valid(labels));
  RC_ASSERT(PathScore(emissions, transitions, labels) >= best - 1e-3f);
}

// Emissions given as the labels' names and scores; the others get 0.
std::vector<float> Emissions(const std::vector<std::vector<std::pair<const char*, float>>>& tokens) {
  std::vector<float> emissions(tokens.size() * kLabels, 0.0f);
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (const auto& [name, score] : tokens[i]) emissions[i * kLabels + LabelNamed(name)] = score;
  }
  return emissions;
}

std::string Best(const std::vector<float>& emissions, const std::vector<float>& transitions) {
  std::vector<int> labels;
  std::vector<float> scores;
  std::vector<uint8_t> back;
  BestLabels(emissions, transitions, labels, scores, back);
  return Dump(labels);
}

TEST(BestLabelsTest, TheRuleMakesATokenTakeALowerScoringLabel) {
  std::vector<float> transitions(kTransitions, 0.0f);
  // Token by token, B-PER then I-LOC score best, but I-LOC may not follow
  // B-PER. B-LOC I-LOC (1 + 5) beats B-PER I-PER (3 + 2) and B-PER O (3).
  std::vector<float> emissions =
      Emissions({{{"B-PER", 3}, {"B-LOC", 1}}, {{"I-LOC", 5}, {"I-PER", 2}}});
  EXPECT_EQ(Best(emissions, transitions), "B-LOC I-LOC");
  // With I-PER close enough, the first token keeps its best label.
  emissions = Emissions({{{"B-PER", 3}, {"B-LOC", 1}}, {{"I-LOC", 5}, {"I-PER", 4}}});
  EXPECT_EQ(Best(emissions, transitions), "B-PER I-PER");
}

TEST(BestLabelsTest, TransitionWeightsOutweighAToken) {
  std::vector<float> transitions(kTransitions, 0.0f);
  auto transition = [&](const char* from, const char* to) -> float& {
    int f = std::string_view(from) == "<s>" ? kLabels : LabelNamed(from);
    return transitions[f * kLabels + LabelNamed(to)];
  };
  // B-PER scores best on the first token, but a person is rarely followed
  // by O here; a place often is.
  std::vector<float> emissions = Emissions({{{"B-PER", 2}, {"B-LOC", 1.5f}}, {{"O", 1}}});
  EXPECT_EQ(Best(emissions, transitions), "B-PER O");
  transition("B-PER", "O") = -1;
  EXPECT_EQ(Best(emissions, transitions), "B-LOC O");
  // A sentence start that makes O likelier.
  transition("<s>", "O") = 3;
  EXPECT_EQ(Best(emissions, transitions), "O O");
}

TEST(BestLabelsTest, StrongInsideAtTheStartIsNeverChosen) {
  std::vector<float> transitions(kTransitions, 0.0f);
  std::vector<float> emissions = Emissions({{{"I-ORG", 100}, {"O", 1}}, {{"I-ORG", 100}}});
  EXPECT_EQ(Best(emissions, transitions), "B-ORG I-ORG");
  emissions = Emissions({{{"I-ORG", 100}, {"O", 1}, {"B-ORG", -500}}, {{"I-ORG", 100}}});
  EXPECT_EQ(Best(emissions, transitions), "O O");
}

TEST(BestLabelsTest, EmptySentence) {
  std::vector<float> transitions(kTransitions, 0.0f);
  EXPECT_EQ(Best({}, transitions), "");
}

}  // namespace
}  // namespace veille::entities
