// Identity, first part: whether two spellings name the same thing, across
// scripts and transliteration conventions (Лукашенко, Loukachenko,
// Lukashenko, Łukaszenka, Loukachenka). See src/entities/name_key.h.
#ifndef VEILLE_IDENTITY_H_
#define VEILLE_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// The matching key of a name: case, accents, script and transliteration
// conventions folded. Thread-safe.
std::string NameKey(std::string_view name);

// The id veille gives an identity the knowledge base does not know: its
// type and the name key of its name, "per:aleksandre-lukasenko".
std::string IdentityId(EntityType type, std::string_view name);

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

// How the identities veille forms match the gold ones, on the gold
// mentions of an annotated corpus whose mentions carry Wikidata ids (HIPE's
// NEL-LIT column), so that tagging errors do not blur the score. Identities
// are formed article by article (the identities stage) and are one across
// articles when their ids are equal: the knowledge base's when it knows
// the thing (`knowledge_base` as Options::knowledge_base: "" the default,
// "none" for none), else those made from the names.
struct ResolutionScores {
  uint64_t documents = 0;
  uint64_t mentions = 0;           // with a Wikidata id: what B-cubed counts
  uint64_t gold_identities = 0;    // distinct ids among them
  uint64_t identities = 0;         // distinct identities veille formed for them
  double precision = 0, recall = 0, f1 = 0;  // B-cubed
  uint64_t nil_mentions = 0;       // gold NIL: nothing in Wikidata
  uint64_t nil_merged = 0;         // …put with a mention that has an id
  double nil_merged_share = 0;
};
Result<ResolutionScores> EvaluateResolution(const std::string& gold,
                                            const std::string& knowledge_base = "");

}  // namespace veille

#endif  // VEILLE_IDENTITY_H_
