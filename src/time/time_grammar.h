// The French temporal grammar: which runs of words are time expressions,
// and what each says (time_meaning.h). Rules are code, one function per
// construction, all tried at every word that has a word of time within
// its next four (TimeWord), the longest match winning; see time_grammar.cc
// for the constructions and the traps they avoid ("Je", "sa", "Mai" the
// name, "mars" without a date around it, a telephone number).
#ifndef VEILLE_TIME_TIME_GRAMMAR_H_
#define VEILLE_TIME_TIME_GRAMMAR_H_

#include <cstdint>
#include <vector>

#include "text/lower_tokens.h"
#include "time/time_meaning.h"
#include "veille/article.h"

namespace veille::time {

// The time expressions in tokens [begin, end) of `article` (one sentence),
// in text order, not overlapping. `lower` holds the article's tokens in
// lower case.
std::vector<TimeMatch> FindTimeExpressions(const Article& article, const text::LowerTokens& lower,
                                           uint32_t begin, uint32_t end);

}  // namespace veille::time

#endif  // VEILLE_TIME_TIME_GRAMMAR_H_
