// The `times` stage: every time expression of a French article, resolved
// to the calendar with its granularity (TIMEX3 values), and the article's
// own date when the input did not give it.
//
// time_grammar.h finds the expressions, time_resolver.h places them; this
// stage walks the article in order, keeping the story's last date as the
// anchor of what follows ("le 5 janvier" after "début 2022", "la même
// nuit" after "dans la nuit du 6 janvier"). The article's date comes from
// the input, else from a dateline ("9 novembre 2012. -" opening the first
// paragraph, or the second after a standfirst), else it is estimated from
// the latest day the text gives, and marked so. Thread-safe: nothing is kept between articles.
#ifndef VEILLE_TIME_TIME_FINDER_H_
#define VEILLE_TIME_TIME_FINDER_H_

#include <memory>
#include <optional>
#include <string>

#include "text/lower_tokens.h"
#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::time {

class TimeFinder final : public Stage {
 public:
  static Result<std::unique_ptr<TimeFinder>> Create(const Options& options);
  std::string_view name() const override { return "times"; }
  Status Run(Article& article) const override;
};

// The date of a dateline opening the article's first or second paragraph
// ("9 novembre 2012. -", "PARIS, 5 janvier 2022 (AFP) -"), as
// "2012-11-09"; std::nullopt when there is none.
std::optional<std::string> DatelineDate(const Article& article, const text::LowerTokens& lower);

}  // namespace veille::time

#endif  // VEILLE_TIME_TIME_FINDER_H_
