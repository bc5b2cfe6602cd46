#include "text/lower_tokens.h"

#include "entities/token_text.h"

namespace veille::text {
namespace {

// Appends `text` in lower case to `out`: fast for ASCII and the Latin-1
// letters French uses (À–Þ → à–þ); anything else through the entities
// stage's Lowercase.
void AppendLower(std::string_view text, std::string& out) {
  size_t start = out.size();
  out.append(text);
  for (size_t i = start; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else {
      out.resize(start);
      out.append(entities::Lowercase(text));
      return;
    }
  }
}

}  // namespace

LowerTokens::LowerTokens(const Article& article) {
  text_.reserve(article.clean.text.size());
  start_.reserve(article.tokens.size() + 1);
  for (const Token& token : article.tokens) {
    start_.push_back(static_cast<uint32_t>(text_.size()));
    AppendLower(article.clean.View(token.clean), text_);
  }
  start_.push_back(static_cast<uint32_t>(text_.size()));
}

}  // namespace veille::text
