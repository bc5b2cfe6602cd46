// Lists of names the tagger consults: places, countries, nationalities,
// first names, surnames, proper nouns, organisations, and the common words
// of the French lexicon. A list says "this could be a place"; the model
// learns how much to believe it.
//
// Built once (at training, from the files `veille train tagger --gazetteer`
// reads) and stored inside the model; immutable and thread-safe after.
#ifndef VEILLE_ENTITIES_GAZETTEER_H_
#define VEILLE_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entities/token_text.h"
#include "veille/status.h"

namespace veille::entities {

enum class GazetteerList : uint8_t {
  kPlace,         // GeoNames places and their other names
  kCountry,       // country names, in many languages
  kNationality,   // "français", "kazakhe": nationality adjectives and nouns
  kFirstName,     // hunspell-fr's first names (po:prn)
  kSurname,       // hunspell-fr's surnames (po:patr)
  kProperNoun,    // hunspell-fr's other proper nouns (po:npr)
  kOrganisation,  // organisations and their acronyms
  kCommonWord,    // a lower-case word of the French lexicon
  kTitle,         // "M.", "général", "président": before a person's name
};
inline constexpr int kGazetteerLists = 9;
// The list named "place", "country"…, or an error.
Result<GazetteerList> GazetteerListNamed(std::string_view name);

// For one token, which lists have a phrase that starts at it (bit 2·list)
// or goes on through it (bit 2·list + 1).
using GazetteerHits = uint32_t;

class Gazetteer {
 public:
  // Phrases longer than this many tokens are not kept.
  static constexpr size_t kMaxPhraseTokens = 6;

  // Adds a phrase (tokens separated by spaces, any case).
  void Add(std::string_view phrase, GazetteerList list);
  // Reads lines "list<TAB>phrase"; "#" starts a comment line.
  Status AddFile(const std::string& path);
  size_t size() const { return entries_; }

  // Fills `hits` with one GazetteerHits per token.
  void Match(std::span<const TokenText> tokens, std::vector<GazetteerHits>& hits) const;

  // The lists as bytes, for the model file, and back.
  void Serialize(std::string& out) const;
  static Result<Gazetteer> Deserialize(std::string_view& in);

 private:
  // A phrase is found by the hash of its tokens; kPrefix marks a hash that
  // begins a longer phrase, so matching stops as soon as nothing can follow.
  static constexpr uint16_t kPrefix = 1u << 15;
  static uint64_t TokenHash(std::string_view lower);
  static uint64_t Extend(uint64_t phrase, uint64_t token);
  void AddPhrase(std::string_view phrase, GazetteerList list);
  void Set(uint64_t key, uint16_t bits);
  uint16_t Get(uint64_t key) const;
  void Grow();

  // Open addressing: keys_[i] == 0 is empty.
  std::vector<uint64_t> keys_;
  std::vector<uint16_t> bits_;
  size_t used_ = 0;
  size_t entries_ = 0;
};

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_GAZETTEER_H_
