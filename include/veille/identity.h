// Identity, first part: whether two spellings name the same thing, across
// scripts and transliteration conventions (Лукашенко, Loukachenko,
// Lukashenko, Łukaszenka, Loukachenka). See src/entities/name_key.h.
#ifndef VEILLE_IDENTITY_H_
#define VEILLE_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// The matching key of a name: case, accents, script and transliteration
// conventions folded. Thread-safe.
std::string NameKey(std::string_view name);

// Whether two names match: same key, or keys within a small edit distance
// for long names.
bool SameName(std::string_view a, std::string_view b);

// How the matcher does on labelled pairs (scripts/name-pairs makes them
// from GeoNames): lines "1<TAB>name<TAB>name" for two spellings of one
// thing, "0<TAB>…" for two different things.
struct NamePairScores {
  uint64_t variants = 0, variants_joined = 0;    // label 1
  uint64_t different = 0, different_joined = 0;  // label 0
  double recall = 0;            // variants joined / variants
  double false_match_rate = 0;  // different joined / different
  double precision = 0;         // joined variants / all joined
  // Up to `show` of each kind of mistake: "name ≠ name (keys)".
  std::vector<std::string> missed, wrongly_joined;
};
Result<NamePairScores> EvaluateNamePairs(const std::string& path, size_t show = 0);

}  // namespace veille

#endif  // VEILLE_IDENTITY_H_
