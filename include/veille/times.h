// Scoring the times stage against two peers' own test corpora (veille eval
// times): Duckling's French time corpus and Microsoft Recognizers-Text's
// French end-to-end cases. The same scorer reads a peer's predictions
// (bench/time_peers/), so that veille and its peers are scored alike.
#ifndef VEILLE_TIMES_H_
#define VEILLE_TIMES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "veille/options.h"
#include "veille/status.h"

namespace veille {

// What a tool found in one case: spans in bytes of the case's text, and
// TIMEX3 values ("2013-02-12", "2013-02-12T04:30", "2013-W07",
// "2013-02-12TMO", "a/b" for an interval).
struct FoundTime {
  uint32_t start = 0, end = 0;
  std::string value;
  std::string mod;  // TIMEX3 mod: "START", "MID", "END"…; empty for none
};

// Duckling's corpus (time_fr.tsv: "phrase<TAB>expected", reference Tuesday
// 2013-02-12 04:30): a phrase is resolved when the longest expression found
// in it has Duckling's value at Duckling's grain (their values translated to
// TIMEX3 by DucklingTimex), or, for a part of a period that TIMEX3 writes as
// the period and a mod ("fin mars": 2013-03, END), when Duckling's interval
// lies within that period; a NEGATIVE phrase is right when nothing is found.
struct DucklingScores {
  uint64_t phrases = 0, resolved = 0, negatives = 0, negatives_left = 0, found = 0;
  double share = 0;  // (resolved + negatives_left) / phrases
  std::vector<std::string> errors;
};

// Recognizers-Text's DateTimeModel.json: gold spans located by their text
// (their End offsets are inconsistent); a found span matches a gold one it
// overlaps. Values are scored only in cases that give a ReferenceDateTime,
// against the gold TIMEX or any of its resolved values.
struct RecognizerScores {
  uint64_t cases = 0, gold_spans = 0, found_spans = 0, matched = 0, exact = 0;
  double precision = 0, recall = 0, f1 = 0;
  uint64_t valued = 0, values_right = 0;  // matched spans in cases with a reference time
  double value_accuracy = 0;
  std::vector<std::string> errors;
};

// How fast the tool went: cases per second in its parsing calls.
struct TimeRun {
  DucklingScores duckling;
  RecognizerScores recognizers;
  uint64_t cases = 0;
  double seconds = 0;
};

// veille on both corpora (either path may be empty), each case analysed
// with the reference time as the article's date; `show` errors of each kind.
Result<TimeRun> EvaluateTimes(const std::string& duckling_tsv, const std::string& recognizers_json,
                              const Options& options, size_t show = 0);

// The same scores for a peer's predictions: JSON Lines from
// bench/time_peers/ ({"corpus", "case", "found": [{"start", "end", "value",
// "grain", "end_value"?}]}, offsets in code points, values ISO date-times
// at `grain`).
Result<TimeRun> ScorePredictions(const std::string& duckling_tsv, const std::string& recognizers_json,
                                 const std::string& predictions_jsonl, size_t show = 0);

// Duckling's expected value ("datetime (2013, 2, 12, 4, 30, 0) Minute",
// "datetimeInterval ((…), (…)) Hour", "datetimeOpenInterval After (…) Day")
// as a TIMEX3 value: a datetime at its grain; an interval of hours that is a
// part of the day as that part ("2013-02-12TAF"); other intervals as
// "start/end" with the end made inclusive; "" for NEGATIVE or what cannot
// be read.
std::string DucklingTimex(const std::string& expected);

// A TIMEX3 value with an hour's ":00" dropped ("T14:00" → "T14"), so that
// values at the hour compare alike.
std::string CanonicalTimex(std::string value);

}  // namespace veille

#endif  // VEILLE_TIMES_H_
