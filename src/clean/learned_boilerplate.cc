#include <xxhash.h>

#include <cctype>

#include "veille/boilerplate.h"

namespace veille {

uint64_t LearnedBoilerplate::LineKey(std::string_view line) {
  // Lower-case ASCII, every digit as 0, spaces collapsed; bytes of other
  // characters as they are (clean text is already NFC).
  std::string normal;
  normal.reserve(line.size());
  bool space = false;
  for (unsigned char c : line) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !normal.empty();
      continue;
    }
    if (space) normal += ' ';
    space = false;
    if (std::isdigit(c)) c = '0';
    normal += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return XXH3_64bits(normal.data(), normal.size());
}

std::string LearnedBoilerplate::OutletKey(std::string_view outlet) {
  std::string key;
  for (unsigned char c : outlet) key += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  return key;
}

uint64_t LearnedBoilerplate::Key(std::string_view outlet, uint64_t line_key) {
  std::string outlet_key = OutletKey(outlet);
  return XXH3_64bits_withSeed(outlet_key.data(), outlet_key.size(), line_key);
}

void LearnedBoilerplate::Add(std::string_view outlet, std::string_view line) {
  keys_.insert(Key(outlet, LineKey(line)));
}

bool LearnedBoilerplate::Contains(std::string_view outlet, std::string_view line) const {
  if (keys_.empty() || line.size() > kMaxBoilerplateLineBytes) return false;
  return keys_.count(Key(outlet, LineKey(line))) > 0;
}

}  // namespace veille
