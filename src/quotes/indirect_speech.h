// Indirect speech: words reported without quotation marks, after a
// reporting verb and que ("il a affirmé que…", "estime que…") or around
// "selon X" / "d'après X". The quotation is the reported clause.
#ifndef VEILLE_QUOTES_INDIRECT_SPEECH_H_
#define VEILLE_QUOTES_INDIRECT_SPEECH_H_

#include <vector>

#include "quotes/article_words.h"
#include "quotes/quote_candidate.h"

namespace veille::quotes {

// Outside the quotations already found (`quoted`: sorted, not overlapping);
// a clause that holds quotation marks is left to them.
std::vector<QuoteCandidate> FindIndirectSpeech(const ArticleWords& words,
                                               const std::vector<QuoteCandidate>& quoted);

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_INDIRECT_SPEECH_H_
