// An article's tokens in lower case, for the stages that match words
// (quotations, dates): one buffer, filled once per article.
#ifndef VEILLE_TEXT_LOWER_TOKENS_H_
#define VEILLE_TEXT_LOWER_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"

namespace veille::text {

class LowerTokens {
 public:
  explicit LowerTokens(const Article& article);

  uint32_t size() const { return static_cast<uint32_t>(start_.size()) - 1; }
  // Token t of Article::tokens, lower-cased; t < size().
  std::string_view operator[](uint32_t t) const {
    return std::string_view(text_).substr(start_[t], start_[t + 1] - start_[t]);
  }

 private:
  // Every token's lower case, one after the other in one string (one
  // allocation, not one per word): token t is [start_[t], start_[t + 1]).
  std::string text_;
  std::vector<uint32_t> start_;
};

}  // namespace veille::text

#endif  // VEILLE_TEXT_LOWER_TOKENS_H_
