// The public face of name matching (veille/identity.h).
#include "veille/identity.h"

#include <fstream>

#include "entities/name_key.h"

namespace veille {

std::string NameKey(std::string_view name) { return entities::NameKey(name); }

bool SameName(std::string_view a, std::string_view b) {
  return entities::SameNameKey(entities::NameKey(a), entities::NameKey(b));
}

Result<NamePairScores> EvaluateNamePairs(const std::string& path, size_t show) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the pairs");
  NamePairScores s;
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    size_t first = line.find('\t'), second = line.find('\t', first + 1);
    if (first != 1 || second == std::string::npos || (line[0] != '0' && line[0] != '1')) {
      return Status(StatusCode::kInvalidValue, path + ":" + std::to_string(number) +
                                                   ": expected \"1|0<TAB>name<TAB>name\"");
    }
    std::string_view a = std::string_view(line).substr(first + 1, second - first - 1);
    std::string_view b = std::string_view(line).substr(second + 1);
    std::string key_a = entities::NameKey(a), key_b = entities::NameKey(b);
    bool joined = entities::SameNameKey(key_a, key_b);
    bool variant = line[0] == '1';
    std::vector<std::string>& mistakes = variant ? s.missed : s.wrongly_joined;
    if (joined != variant && mistakes.size() < show) {
      mistakes.push_back(std::string(a) + (variant ? " ≠ " : " = ") + std::string(b) + "  (" +
                         key_a + " / " + key_b + ")");
    }
    if (line[0] == '1') {
      ++s.variants;
      s.variants_joined += joined;
    } else {
      ++s.different;
      s.different_joined += joined;
    }
  }
  auto ratio = [](uint64_t a, uint64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  s.recall = ratio(s.variants_joined, s.variants);
  s.false_match_rate = ratio(s.different_joined, s.different);
  s.precision = ratio(s.variants_joined, s.variants_joined + s.different_joined);
  return s;
}

}  // namespace veille
