// An article's tokens as the quotes stage reads them: lower-case text, the
// sentence and block of each, and the entity mention it belongs to.
#ifndef VEILLE_QUOTES_ARTICLE_WORDS_H_
#define VEILLE_QUOTES_ARTICLE_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quotes/reporting_verbs.h"
#include "text/lower_tokens.h"
#include "veille/article.h"

namespace veille::quotes {

inline constexpr uint32_t kNone = UINT32_MAX;

class ArticleWords {
 public:
  ArticleWords(const Article& article, const ReportingVerbs& verbs);

  const Article& article() const { return article_; }
  uint32_t size() const { return lower_.size(); }
  std::string_view text(uint32_t t) const { return article_.clean.View(article_.tokens[t].clean); }
  std::string_view lower(uint32_t t) const { return lower_[t]; }
  TokenKind kind(uint32_t t) const { return article_.tokens[t].kind; }
  uint32_t sentence(uint32_t t) const { return sentence_[t]; }
  uint32_t block(uint32_t t) const { return article_.sentences[sentence_[t]].block; }
  // The entity mention the token is part of, -1 for none.
  int32_t entity(uint32_t t) const { return entity_[t]; }
  // The reporting verb a word is a form of, or null; looked up once per
  // word, as every finder asks.
  const ReportingVerb* verb(uint32_t t) const { return t < verb_.size() ? verb_[t] : nullptr; }
  // The first and one-past-last tokens of a token's sentence and block.
  uint32_t SentenceBegin(uint32_t t) const;
  uint32_t SentenceEnd(uint32_t t) const;
  uint32_t BlockBegin(uint32_t t) const { return block_begin_[block(t)]; }
  uint32_t BlockEnd(uint32_t t) const { return block_end_[block(t)]; }

  bool Is(uint32_t t, std::string_view lower_text) const { return t < size() && lower(t) == lower_text; }
  bool IsWord(uint32_t t) const;
  // . ! ? … : the end of a sentence.
  bool EndsSentence(uint32_t t) const;
  // — – or "--": a dash that can open a line of dialogue.
  bool IsDash(uint32_t t) const;
  // Whether space separates token t from the one before / after it.
  bool SpaceBefore(uint32_t t) const;
  bool SpaceAfter(uint32_t t) const;
  bool Capitalised(uint32_t t) const;

  // The clean span of tokens [begin, end).
  Span CleanSpan(uint32_t begin, uint32_t end) const;

 private:
  const Article& article_;
  text::LowerTokens lower_;
  std::vector<uint32_t> sentence_;
  std::vector<int32_t> entity_;
  std::vector<const ReportingVerb*> verb_;
  std::vector<uint32_t> block_begin_, block_end_;
};

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_ARTICLE_WORDS_H_
