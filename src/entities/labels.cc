#include "entities/labels.h"

#include <limits>

namespace veille::entities {
namespace {

bool Allowed(int previous, int label) {
  if (label <= kEntityTypeCount) return true;  // O and B- follow anything
  int type = label - 1 - kEntityTypeCount;
  return previous != kLabels &&
         (previous == 1 + type || previous == label);  // I-X after B-X or I-X
}

}  // namespace

void MentionsToLabels(std::span<const Mention> mentions, size_t tokens, std::vector<int>& labels) {
  labels.assign(tokens, kOutside);
  for (const Mention& m : mentions) {
    for (uint32_t i = m.first; i < m.end && i < tokens; ++i) {
      labels[i] = i == m.first ? BeginLabel(m.type) : InsideLabel(m.type);
    }
  }
}

void LabelsToMentions(std::span<const int> labels, std::vector<Mention>& mentions) {
  mentions.clear();
  for (size_t i = 0; i < labels.size();) {
    int label = labels[i];
    if (label == kOutside) {
      ++i;
      continue;
    }
    // A stray I- (never produced by BestLabels) starts a mention, as in IOB1.
    auto type = static_cast<EntityType>((label - 1) % kEntityTypeCount);
    size_t end = i + 1;
    while (end < labels.size() && labels[end] == InsideLabel(type)) ++end;
    mentions.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end), type, {}});
    i = end;
  }
}

void BestLabels(std::span<const float> emissions, std::span<const float> transitions,
                std::vector<int>& labels, std::vector<float>& score, std::vector<uint8_t>& back) {
  size_t n = emissions.size() / kLabels;
  labels.assign(n, kOutside);
  if (n == 0) return;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  score.assign(n * kLabels, kNever);
  back.assign(n * kLabels, 0);
  for (int y = 0; y < kLabels; ++y) {
    if (Allowed(kLabels, y)) score[y] = transitions[kLabels * kLabels + y] + emissions[y];
  }
  for (size_t i = 1; i < n; ++i) {
    const float* previous = &score[(i - 1) * kLabels];
    for (int y = 0; y < kLabels; ++y) {
      float best = kNever;
      int from = 0;
      for (int p = 0; p < kLabels; ++p) {
        if (!Allowed(p, y) || previous[p] == kNever) continue;
        float s = previous[p] + transitions[p * kLabels + y];
        if (s > best) {
          best = s;
          from = p;
        }
      }
      score[i * kLabels + y] = best + emissions[i * kLabels + y];
      back[i * kLabels + y] = static_cast<uint8_t>(from);
    }
  }
  int y = 0;
  for (int k = 1; k < kLabels; ++k) {
    if (score[(n - 1) * kLabels + k] > score[(n - 1) * kLabels + y]) y = k;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = y;
    y = back[i * kLabels + y];
  }
}

}  // namespace veille::entities
