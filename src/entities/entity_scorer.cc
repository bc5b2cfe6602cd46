#include "entities/entity_scorer.h"

#include <cstdio>
#include <vector>

namespace veille::entities {
namespace {

double Ratio(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

size_t TypeIndex(EntityType type) { return static_cast<size_t>(type); }

bool SameTokens(const Mention& a, const Mention& b) {
  return a.first == b.first && a.end == b.end;
}

bool Overlap(const Mention& a, const Mention& b) {
  return a.first < b.end && b.first < a.end;
}

// Counts one sentence under one matching rule into `total` and `by_type`.
template <typename Matches>
void Score(std::span<const Mention> gold, std::span<const Mention> predicted,
           Matches matches, Counts& total,
           std::array<Counts, kEntityTypeCount>& by_type) {
  for (const Mention& g : gold) {
    ++total.gold;
    ++by_type[TypeIndex(g.type)].gold;
  }
  // A sentence holds a handful of mentions: the quadratic search is cheaper
  // than anything cleverer.
  std::vector<bool> taken(gold.size(), false);
  for (const Mention& p : predicted) {
    ++total.predicted;
    ++by_type[TypeIndex(p.type)].predicted;
    for (size_t i = 0; i < gold.size(); ++i) {
      if (taken[i] || gold[i].type != p.type || !matches(gold[i], p)) continue;
      taken[i] = true;
      ++total.correct_predicted;
      ++total.correct_gold;
      ++by_type[TypeIndex(p.type)].correct_predicted;
      ++by_type[TypeIndex(gold[i].type)].correct_gold;
      break;
    }
  }
}

void AppendRow(std::string& out, std::string_view name, const Counts& strict,
               const Counts& fuzzy) {
  char row[160];
  std::snprintf(row, sizeof row,
                "| %-5.*s | %8.3f | %8.3f | %9.3f | %7.3f | %7.3f | %8.3f | %4llu |\n",
                static_cast<int>(name.size()), name.data(), strict.Precision(),
                strict.Recall(), strict.F1(), fuzzy.Precision(), fuzzy.Recall(),
                fuzzy.F1(), static_cast<unsigned long long>(strict.gold));
  out += row;
}

}  // namespace

double Counts::Precision() const { return Ratio(correct_predicted, predicted); }

double Counts::Recall() const { return Ratio(correct_gold, gold); }

double Counts::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

void EntityScorer::Add(std::span<const Mention> gold, std::span<const Mention> predicted) {
  Score(gold, predicted, SameTokens, scores_.strict, scores_.strict_by_type);
  Score(gold, predicted, Overlap, scores_.fuzzy, scores_.fuzzy_by_type);
}

std::string FormatScores(const EntityScores& scores) {
  std::string out =
      "| type  | strict P | strict R | strict F1 | fuzzy P | fuzzy R | fuzzy F1 | gold |\n"
      "|-------|---------:|---------:|----------:|--------:|--------:|---------:|-----:|\n";
  AppendRow(out, "micro", scores.strict, scores.fuzzy);
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const Counts& strict = scores.strict_by_type[t];
    if (strict.gold == 0 && strict.predicted == 0) continue;
    AppendRow(out, EntityTypeName(static_cast<EntityType>(t)), strict,
              scores.fuzzy_by_type[t]);
  }
  return out;
}

}  // namespace veille::entities
