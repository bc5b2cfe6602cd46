// Boilerplate learned from an archive: the lines each outlet repeats.
#ifndef VEILLE_BOILERPLATE_H_
#define VEILLE_BOILERPLATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace veille {

// A set of (outlet, line) pairs: lines that recur across an outlet's
// articles (signatures, calls to subscribe, related-links headings) and are
// therefore boilerplate in all of them. Lines are compared after
// normalisation (LineKey): case, digits and runs of spaces do not matter, so
// "Publié le 12/03/2022" matches "publié le 14/05/2023".
// Immutable once built; thread-safe to read.
class LearnedBoilerplate {
 public:
  void Add(std::string_view outlet, std::string_view line);
  bool Contains(std::string_view outlet, std::string_view line) const;
  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }

  // The normalised hash of a line, as the archive stores it.
  static uint64_t LineKey(std::string_view line);
  // The outlet as compared: lower case.
  static std::string OutletKey(std::string_view outlet);

 private:
  static uint64_t Key(std::string_view outlet, uint64_t line_key);
  std::unordered_set<uint64_t> keys_;
};

// Longest line the corpus pass considers, in bytes: boilerplate is short,
// and a long paragraph that recurs is a reprint, not boilerplate.
inline constexpr size_t kMaxBoilerplateLineBytes = 300;

}  // namespace veille

#endif  // VEILLE_BOILERPLATE_H_
