// The features of each token of a sentence, as 64-bit hashes: the word and
// its lowercase form, its shape, prefixes and suffixes, a window of two
// neighbours each side, its place in the sentence, and the gazetteer lists
// it is in (and its neighbours are in). The model keeps a weight per
// feature and label; the hashes spare it a dictionary of strings.
#ifndef VEILLE_ENTITIES_TOKEN_FEATURES_H_
#define VEILLE_ENTITIES_TOKEN_FEATURES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "entities/gazetteer.h"
#include "entities/token_text.h"

namespace veille::entities {

// The features of a sentence: those of token i are
// hashes[offsets[i] .. offsets[i + 1]).
struct SentenceFeatures {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const uint64_t> of(size_t token) const {
    return std::span<const uint64_t>(hashes).subspan(offsets[token],
                                                     offsets[token + 1] - offsets[token]);
  }
};

// Reusable buffers: one per thread.
struct FeatureScratch {
  std::vector<TokenText> texts;
  std::vector<GazetteerHits> hits;
  std::vector<uint64_t> lower;  // hash of each lowercase form
  std::vector<uint64_t> short_shape;
};

void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     FeatureScratch& scratch, SentenceFeatures& out);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_TOKEN_FEATURES_H_
