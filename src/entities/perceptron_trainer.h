// Trains the entity tagger: a structured averaged perceptron (Collins 2002)
// with Viterbi decoding. For each training sentence the current model tags
// it; where it is wrong, the gold labels' features gain weight and the
// predicted ones lose it. The average of the weights over all steps is the
// model: it generalises much better than the last weights.
//
// Deterministic: the same data, options and seed make the same model.
#ifndef VEILLE_ENTITIES_PERCEPTRON_TRAINER_H_
#define VEILLE_ENTITIES_PERCEPTRON_TRAINER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>

#include "entities/entity_scorer.h"
#include "entities/tagged_corpus.h"
#include "entities/tagger_model.h"

namespace veille::entities {

struct TrainerOptions {
  int epochs = 12;            // passes over the data; the best one on dev is kept
  uint64_t seed = 1;          // order of the sentences, choice of the case variants
  int min_feature_count = 2;  // features seen fewer times are dropped (model size)
  // Share of the sentences also learned in lower case and in capitals, so
  // that the model reads headlines in capitals and text without them.
  double case_variants = 0.08;
  // Share also learned as tokenizers that split at hyphens, apostrophes and
  // periods write it ("Saint - Gall", "M . Dupont").
  double split_variants = 0.15;
  std::string description;    // kept in the model file: what it was trained on
};

struct EpochReport {
  int epoch = 0;
  uint64_t mistakes = 0;  // training sentences tagged wrong in this pass
  EntityScores dev;       // the averaged model on the dev sentences
};

// Trains on `train`, keeps the epoch whose averaged model scores best
// (strict micro F1) on `dev`.
Result<std::unique_ptr<TaggerModel>> TrainTagger(
    std::span<const TaggedSentence> train, std::span<const TaggedSentence> dev,
    Gazetteer gazetteer, const TrainerOptions& options,
    const std::function<void(const EpochReport&)>& on_epoch = {});

// Tags every sentence of `gold` and scores the result against it. Mentions
// of types outside `types` (a bit per EntityType) are left out on both sides.
// `on_sentence`, when given, sees each sentence with the kept gold and
// predicted mentions.
// With `titles`, a person's mention starts at its title (the HIPE way).
EntityScores ScoreTagger(
    const TaggerModel& model, std::span<const TaggedSentence> gold, unsigned types = 0xF,
    bool titles = false,
    const std::function<void(const TaggedSentence&, std::span<const Mention> gold,
                             std::span<const Mention> predicted)>& on_sentence = {});

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_PERCEPTRON_TRAINER_H_
