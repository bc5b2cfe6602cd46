// From what an expression says to where it falls on the calendar: the
// TIMEX3 value at its granularity, and the anchor its missing parts came
// from (the article's date, the story's last date, or nothing).
#ifndef VEILLE_TIME_TIME_RESOLVER_H_
#define VEILLE_TIME_TIME_RESOLVER_H_

#include <chrono>
#include <optional>
#include <string>

#include "time/time_meaning.h"
#include "veille/article.h"

namespace veille::time {

// A day of the calendar and how much of it is known: a story may have given
// only its year ("au début de 2022").
struct KnownDate {
  std::chrono::year_month_day day;
  Unit granularity = Unit::kDay;  // kDay, kMonth or kYear
  int minute_of_day = -1;         // the time, when known (the article's date and time)
};

struct Anchors {
  std::optional<KnownDate> published;  // the article's date
  std::optional<KnownDate> story;      // the last date the text gave
  // Whether the story's date is recent enough to stand for a date without
  // its year ("le 5 janvier"): given in this paragraph or the one before.
  bool story_near = false;
  // The article's date is itself an estimate from the text's dates: the
  // story's own dates come first, and the verbs' tense says nothing.
  bool published_estimated = false;
};

// The expression's value, granularity, mod and anchor; `expr`'s spans and
// text are left as they are.
void Resolve(const TimeMeaning& meaning, const Anchors& anchors, TimeExpr& expr);

// The date a resolved expression fixes, when it fixes at least a year and
// is a date or a time (not a duration, a set or an open value): what the
// story's date becomes after it.
std::optional<KnownDate> DateOf(const TimeExpr& expr);

// A day as ISO 8601, "2022-01-05", and its ISO 8601 week, "2022-W01".
std::string IsoDay(const std::chrono::year_month_day& day);
std::string IsoWeek(const std::chrono::year_month_day& day);

// "2022-01-05" → that day; std::nullopt for anything else.
std::optional<std::chrono::year_month_day> ParseDay(std::string_view iso);

}  // namespace veille::time

#endif  // VEILLE_TIME_TIME_RESOLVER_H_
