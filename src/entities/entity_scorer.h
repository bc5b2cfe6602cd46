// How well found mentions match the annotated ones: precision, recall and F1
// counted over mentions, as CoNLL and HIPE score named-entity recognition.
#ifndef VEILLE_ENTITIES_ENTITY_SCORER_H_
#define VEILLE_ENTITIES_ENTITY_SCORER_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "entities/tagged_corpus.h"
#include "veille/article.h"

namespace veille::entities {

// Mention counts under one matching rule. Matching is one-to-one, so the two
// correct counts are equal; both are kept because precision is defined on the
// predictions and recall on the gold mentions.
struct Counts {
  uint64_t gold = 0;               // annotated mentions
  uint64_t predicted = 0;          // mentions the tagger found
  uint64_t correct_predicted = 0;  // predicted mentions matched to a gold one
  uint64_t correct_gold = 0;       // gold mentions matched by a prediction

  // Each is 0, not NaN, when undefined (nothing predicted, no gold mention).
  double Precision() const;  // correct_predicted / predicted
  double Recall() const;     // correct_gold / gold
  double F1() const;         // harmonic mean of the two
};

// Strict: a prediction is right when a gold mention has the same tokens and
// type (CoNLL's exact match). Fuzzy: when it overlaps a gold mention of the
// same type (HIPE's "fuzzy" boundaries). Per type, gold mentions count under
// their type and predictions under theirs, so a type error is a miss for one
// type and a false alarm for another.
struct EntityScores {
  Counts strict;
  Counts fuzzy;
  std::array<Counts, kEntityTypeCount> strict_by_type;  // indexed by EntityType
  std::array<Counts, kEntityTypeCount> fuzzy_by_type;
};

// Adds up the scores of sentence after sentence (micro-averaged: every
// mention weighs the same). Not thread-safe; use one scorer per thread and
// add their counts, or score on one thread.
class EntityScorer {
 public:
  // The gold and predicted mentions of one sentence, each in token order
  // (as TaggedSentence holds them). Each gold mention matches at most one
  // prediction: predictions, from left to right, take the first gold mention
  // they match that no earlier prediction took.
  void Add(std::span<const Mention> gold, std::span<const Mention> predicted);

  const EntityScores& scores() const { return scores_; }

 private:
  EntityScores scores_;
};

// A Markdown table: one row for all mentions ("micro"), then one per type
// present in the gold mentions or the predictions; columns strict P, R, F1,
// fuzzy P, R, F1 (as fractions, three decimals) and the number of gold
// mentions.
std::string FormatScores(const EntityScores& scores);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_ENTITY_SCORER_H_
