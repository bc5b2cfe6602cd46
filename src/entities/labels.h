// The tagger's labels — O, then B- and I- of each entity type (IOB2) — and
// the best label sequence under the rule that I-X follows B-X or I-X.
#ifndef VEILLE_ENTITIES_LABELS_H_
#define VEILLE_ENTITIES_LABELS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "entities/tagged_corpus.h"
#include "veille/article.h"

namespace veille::entities {

inline constexpr int kLabels = 1 + 2 * kEntityTypeCount;
inline constexpr int kOutside = 0;
inline constexpr int BeginLabel(EntityType t) { return 1 + static_cast<int>(t); }
inline constexpr int InsideLabel(EntityType t) { return 1 + kEntityTypeCount + static_cast<int>(t); }
// Transition weights: [previous][label], where previous kLabels is the
// start of the sentence.
inline constexpr int kTransitions = (kLabels + 1) * kLabels;

// Gold mentions as labels, one per token.
void MentionsToLabels(std::span<const Mention> mentions, size_t tokens, std::vector<int>& labels);
// Labels back to mentions.
void LabelsToMentions(std::span<const int> labels, std::vector<Mention>& mentions);

// Viterbi: the best-scoring allowed label sequence. `emissions` has
// kLabels scores per token; `labels` receives one label per token.
// Linear in the number of tokens.
void BestLabels(std::span<const float> emissions, std::span<const float> transitions,
                std::vector<int>& labels, std::vector<float>& score_scratch,
                std::vector<uint8_t>& back_scratch);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_LABELS_H_
