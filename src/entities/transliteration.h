// Cyrillic to Latin the way a given convention writes it: the iuliia
// schemes (github.com/nalgeon/iuliia, MIT), 27 of them, from the French
// passport style (Лукашенко → Loukachenko) to Wikipedia's English
// (Lukashenko) and ISO 9 (Lukašenko). A scheme maps each letter, some
// letters after or before another ("ге" → "gue"), and some word endings
// ("ий" → "y"). Identity matching (name_key.h) uses them to know every
// spelling a Russian, Belarusian or Kazakh name may take in the press.
//
// Immutable after loading; thread-safe.
#ifndef VEILLE_ENTITIES_TRANSLITERATION_H_
#define VEILLE_ENTITIES_TRANSLITERATION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "veille/status.h"

namespace veille::entities {

class TransliterationScheme {
 public:
  // Every scheme of an iuliia schemas file: a JSON object of schemes by
  // name, each with "mapping", "prev_mapping", "next_mapping",
  // "ending_mapping" (the last three may be null) and "samples".
  static Result<std::vector<TransliterationScheme>> LoadIuliia(const std::string& path);
  static Result<std::vector<TransliterationScheme>> ParseIuliia(std::string_view json);

  // `text` in this scheme's Latin; what is not Cyrillic stays as it is.
  std::string Transliterate(std::string_view text) const;

  const std::string& name() const { return name_; }
  // The scheme's own examples: Cyrillic text and its expected Latin.
  const std::vector<std::pair<std::string, std::string>>& samples() const { return samples_; }

 private:
  using Map = std::unordered_map<std::u32string, std::u32string>;
  std::u32string Word(const std::u32string& word) const;
  std::u32string Letters(const std::u32string& letters) const;

  std::string name_;
  Map letters_;   // one letter
  Map previous_;  // a letter after another: the pair → the second's Latin
  Map next_;      // a letter before another: the pair → the first's Latin
  Map endings_;   // a word's last two letters
  std::vector<std::pair<std::string, std::string>> samples_;
};

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_TRANSLITERATION_H_
