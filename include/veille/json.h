// The JSON form of an analysed article: schema veille.article/1, documented
// in docs/SCHEMA.md.
#ifndef VEILLE_JSON_H_
#define VEILLE_JSON_H_

#include <string>
#include <string_view>

#include "veille/article.h"

namespace veille {

inline constexpr std::string_view kArticleSchema = "veille.article/1";

struct JsonOptions {
  bool tokens = false;  // add a "tokens" list (large: one entry per word)
};

// One line of JSON, without the trailing newline. Text that is not valid
// UTF-8 is written with U+FFFD in place of the bad bytes.
std::string ToJsonLine(const Article& article, const JsonOptions& options = {});

}  // namespace veille

#endif  // VEILLE_JSON_H_
