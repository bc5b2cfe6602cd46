// Small helpers the entities' unit tests share: sentences written with
// spaces between tokens, and a UTF-8 check of what a stage wrote.
#ifndef VEILLE_ENTITIES_TEST_TEXT_H_
#define VEILLE_ENTITIES_TEST_TEXT_H_

#include <utf8proc.h>

#include <string>
#include <string_view>
#include <vector>

namespace veille::entities::testing {

// "Jean Dupont est né" → {"Jean", "Dupont", "est", "né"}.
inline std::vector<std::string> Split(std::string_view sentence) {
  std::vector<std::string> tokens;
  size_t at = 0;
  while (at < sentence.size()) {
    size_t space = sentence.find(' ', at);
    if (space == std::string_view::npos) space = sentence.size();
    if (space > at) tokens.emplace_back(sentence.substr(at, space - at));
    at = space + 1;
  }
  return tokens;
}

inline bool IsValidUtf8(std::string_view s) {
  for (size_t at = 0; at < s.size();) {
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                                          static_cast<utf8proc_ssize_t>(s.size() - at), &c);
    if (n <= 0) return false;
    at += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace veille::entities::testing

#endif  // VEILLE_ENTITIES_TEST_TEXT_H_
