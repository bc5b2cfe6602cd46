// A quotation as the finders see it, in tokens, before its speaker is
// looked for (attribution.h).
#ifndef VEILLE_QUOTES_QUOTE_CANDIDATE_H_
#define VEILLE_QUOTES_QUOTE_CANDIDATE_H_

#include <cstdint>

#include "quotes/article_words.h"
#include "veille/article.h"

namespace veille::quotes {

struct QuoteCandidate {
  uint32_t begin = 0, end = 0;  // the quoted tokens [begin, end), marks excluded
  QuoteKind kind = QuoteKind::kDirect;
  bool unclosed = false;
  uint32_t open = kNone;   // the opening mark or dialogue dash
  uint32_t close = kNone;  // the closing mark
  // An incise inside the quotation's marks ("« A, dit-il, B »") splits it in
  // two, both said by the incise's subject: the incise's verb.
  uint32_t incise = kNone;
  // Indirect speech: the reporting verb ("affirmé" que…) or "selon".
  uint32_t cue = kNone;
};

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_QUOTE_CANDIDATE_H_
