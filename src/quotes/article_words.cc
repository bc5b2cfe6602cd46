#include "quotes/article_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace veille::quotes {

ArticleWords::ArticleWords(const Article& article, const ReportingVerbs& verbs)
    : article_(article), lower_(article) {
  const uint32_t n = static_cast<uint32_t>(article.tokens.size());
  sentence_.assign(n, 0);
  entity_.assign(n, -1);
  block_begin_.assign(article.blocks.size(), 0);
  block_end_.assign(article.blocks.size(), 0);
  verb_.assign(n, nullptr);
  for (uint32_t t = 0; t < n; ++t) {
    if (IsWord(t)) verb_[t] = verbs.Find(lower(t));
  }
  std::vector<bool> seen(article.blocks.size(), false);
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    const Sentence& sentence = article.sentences[s];
    for (uint32_t t = sentence.first_token; t < sentence.first_token + sentence.token_count && t < n; ++t) {
      sentence_[t] = s;
    }
    if (sentence.block < seen.size() && sentence.token_count > 0) {
      if (!seen[sentence.block]) block_begin_[sentence.block] = sentence.first_token;
      seen[sentence.block] = true;
      block_end_[sentence.block] = sentence.first_token + sentence.token_count;
    }
  }
  size_t e = 0;
  for (uint32_t t = 0; t < n; ++t) {
    const Span& span = article.tokens[t].clean;
    while (e < article.entities.size() && article.entities[e].clean.end <= span.start) ++e;
    if (e < article.entities.size() && article.entities[e].clean.start <= span.start &&
        span.end <= article.entities[e].clean.end) {
      entity_[t] = static_cast<int32_t>(e);
    }
  }
}

uint32_t ArticleWords::SentenceBegin(uint32_t t) const {
  return article_.sentences[sentence_[t]].first_token;
}

uint32_t ArticleWords::SentenceEnd(uint32_t t) const {
  const Sentence& s = article_.sentences[sentence_[t]];
  return s.first_token + s.token_count;
}

bool ArticleWords::IsWord(uint32_t t) const {
  TokenKind k = kind(t);
  return k == TokenKind::kWord || k == TokenKind::kElision || k == TokenKind::kAbbreviation;
}

bool ArticleWords::EndsSentence(uint32_t t) const {
  if (t >= size()) return false;
  std::string_view s = lower(t);
  return s == "." || s == "!" || s == "?" || s == "…" || s == "...";
}

bool ArticleWords::IsDash(uint32_t t) const {
  std::string_view s = lower(t);
  if (s == "—" || s == "–" || s == "--") return true;
  // "--" written as two hyphens is two tokens.
  return s == "-" && t + 1 < size() && lower(t + 1) == "-" && !SpaceAfter(t);
}

// The clean text has every space as ' ' (no-break ones too) or '\n'.
bool ArticleWords::SpaceBefore(uint32_t t) const {
  uint32_t start = article_.tokens[t].clean.start;
  if (start == 0) return true;
  char c = article_.clean.text[start - 1];
  return c == ' ' || c == '\n';
}

bool ArticleWords::SpaceAfter(uint32_t t) const {
  uint32_t end = article_.tokens[t].clean.end;
  const std::string& text = article_.clean.text;
  if (end >= text.size()) return true;
  return text[end] == ' ' || text[end] == '\n';
}

bool ArticleWords::Capitalised(uint32_t t) const {
  std::string_view s = text(t);
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

Span ArticleWords::CleanSpan(uint32_t begin, uint32_t end) const {
  if (begin >= end) return {};
  return {article_.tokens[begin].clean.start, article_.tokens[end - 1].clean.end};
}

}  // namespace veille::quotes
