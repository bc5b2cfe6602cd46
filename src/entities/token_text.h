// What the tagger reads of a token's characters: its lowercase form and its
// shape. Shared by the gazetteer (which matches lowercase forms) and the
// features.
#ifndef VEILLE_ENTITIES_TOKEN_TEXT_H_
#define VEILLE_ENTITIES_TOKEN_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::entities {

// Tokens longer than this are read up to it: a 10,000-character "word" is
// noise, and its first bytes say all the features need.
inline constexpr size_t kMaxTokenBytes = 64;

struct TokenText {
  std::string lower;        // lowercase, apostrophes as ', of the first kMaxTokenBytes at most
  std::string shape;        // X for upper, x lower, d digit, other kept: "Xxxxx-Xxx"
  std::string short_shape;  // runs collapsed: "Xx-Xx"
  bool capitalised = false; // first character upper case
  bool all_upper = false;   // at least two letters, none lower case
  bool has_digit = false;
  bool has_letter = false;
  uint32_t characters = 0;  // code points read
};

// Reads `token` (UTF-8; invalid bytes count as symbols) into `out`.
void ReadTokenText(std::string_view token, TokenText& out);

// Lowercases `text` as ReadTokenText does, without the byte limit.
std::string Lowercase(std::string_view text);

// The words of a name, split at spaces: "Kassym-Jomart Tokayev" →
// {"Kassym-Jomart", "Tokayev"}. Views into `name`.
std::vector<std::string_view> NameWords(std::string_view name);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_TOKEN_TEXT_H_
