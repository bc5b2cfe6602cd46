// The entity tagger: a linear model over token features (token_features.h)
// with label transitions, decoded by Viterbi (labels.h). Trained by
// perceptron_trainer.h, saved to and loaded from a model file.
//
// Immutable after construction and thread-safe: Tag takes its buffers from
// the caller (one TaggerScratch per thread).
#ifndef VEILLE_ENTITIES_TAGGER_MODEL_H_
#define VEILLE_ENTITIES_TAGGER_MODEL_H_

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/labels.h"
#include "entities/tagged_corpus.h"
#include "entities/token_features.h"
#include "veille/status.h"

namespace veille::entities {

struct TaggerScratch {
  FeatureScratch features;
  SentenceFeatures sentence;
  std::vector<float> emissions, scores;
  std::vector<uint8_t> back;
  std::vector<int> labels;
};

class TaggerModel {
 public:
  // `keys[r]` is the feature hash of row r of `weights` (kLabels floats a
  // row). Keys are unique and non-zero.
  TaggerModel(Gazetteer gazetteer, std::vector<uint64_t> keys, std::vector<float> weights,
              std::array<float, kTransitions> transitions, std::string description);

  // Reads a model file; a missing, damaged or foreign file is an error.
  static Result<std::unique_ptr<TaggerModel>> Load(const std::string& path);
  // Writes the model (compressed; weights rounded to 16 bits).
  Status Save(const std::string& path) const;

  // The mentions in a sentence of tokens.
  void Tag(std::span<const std::string_view> tokens, TaggerScratch& scratch,
           std::vector<Mention>& mentions) const;

  // The first token of the title before a person's name ("M.", "général",
  // "président biélorusse"; not the article before it) in `tokens`, or
  // m.first when there is none.
  uint32_t TitleStart(std::span<const std::string_view> tokens, const Mention& m,
                      TaggerScratch& scratch) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const std::string& description() const { return description_; }
  size_t features() const { return keys_.size(); }

 private:
  // A feature's weights, where tagging looks them up: key and weights side
  // by side, so that a lookup costs one cache miss, not three.
  struct alignas(16) Slot {
    uint64_t key = 0;
    float weights[kLabels] = {};
    bool used = false;
  };
  // The weights of a feature hash, or null.
  const float* Weights(uint64_t key) const;

  Gazetteer gazetteer_;
  std::vector<uint64_t> keys_;
  std::vector<float> weights_;
  std::array<float, kTransitions> transitions_;
  std::string description_;
  // Open addressing over the features (keys_ and weights_ are kept for Save).
  std::vector<Slot> slots_;
};

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_TAGGER_MODEL_H_
