// The French reporting verbs, every inflected form (data/lexicons/
// reporting-verbs-fr.tsv, made by scripts/reporting-verbs from hunspell-fr):
// "a-t-il ajouté", "déclare", "cite", "estimant" are cues of quotations.
#ifndef VEILLE_QUOTES_REPORTING_VERBS_H_
#define VEILLE_QUOTES_REPORTING_VERBS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xxhash.h>

#include "veille/status.h"

namespace veille::quotes {

struct ReportingVerb {
  std::string lemma;
  bool saying = false;    // s: the cue of a quotation, before it or in an incise
  bool indirect = false;  // q: introduces indirect speech with que
  bool weak = false;      // w: often not about speech; only right beside a quote
};

class ReportingVerbs {
 public:
  static Result<ReportingVerbs> Load(const std::string& path);
  static std::string DefaultPath();

  // The verb a word is a form of, lower case, or null. An inverted subject
  // pronoun joined by hyphens is set aside: "dit-il", "ajoute-t-elle",
  // "a-t-on" (the last is the auxiliary, not a reporting verb).
  const ReportingVerb* Find(std::string_view lowercase_word) const;

  size_t size() const { return forms_.size(); }

 private:
  // Looked up by string_view: every word of every article is, so no string
  // is built for it.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
  };
  std::unordered_map<std::string, ReportingVerb, Hash, std::equal_to<>> forms_;
  // One bit per value of a hash's low 16 bits, set for the forms: most
  // words are no verb, and this says so from one cache line, without
  // walking the table.
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1 << 10, 0);
};

// "dit-il" → "dit", "a-t-elle" → "a": the word without an inverted subject
// pronoun; the word itself when it has none.
std::string_view WithoutInvertedSubject(std::string_view lowercase_word);
// Whether the word ends with an inverted subject pronoun ("-il", "-t-elle").
bool HasInvertedSubject(std::string_view lowercase_word);

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_REPORTING_VERBS_H_
