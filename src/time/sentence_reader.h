// The reader of one sentence for the temporal grammar (time_grammar.h):
// the constructions, each a member function that takes the token where it
// would start and returns the token after its last one, or kFail. They
// live in one file per family: time_dates.cc (days, months, years, holidays,
// periods), time_clock.cc (hours), time_relative.cc (from now, from the
// story, parts of the day, durations, recurrences), time_intervals.cc
// (ranges), and time_grammar.cc (the longest match, the tense).
#ifndef VEILLE_TIME_SENTENCE_READER_H_
#define VEILLE_TIME_SENTENCE_READER_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "text/lower_tokens.h"
#include "time/time_meaning.h"
#include "veille/article.h"

namespace veille::time {

inline constexpr uint32_t kFail = 0;  // what a construction returns when it does not match

// Years a bare four-digit number may be, once a word around it says it is one.
inline bool PlausibleYear(int n) { return n >= 1000 && n <= 2200; }

// Reads the constructions of the grammar over one sentence. Each
// construction takes the token where it would start and returns the token
// after its last one, or kFail; it fills `m` only on success.
class SentenceReader {
 public:
  SentenceReader(const Article& a, const text::LowerTokens& lower, uint32_t begin, uint32_t end)
      : a_(a), lower_(lower), begin_(begin), end_(end) {}

  std::vector<TimeMatch> Read();

 private:
  std::string_view W(uint32_t t) const { return t < end_ ? lower_[t] : std::string_view(); }
  bool Is(uint32_t t, std::string_view word) const { return W(t) == word; }
  bool IsAny(uint32_t t, std::initializer_list<std::string_view> words) const {
    std::string_view w = W(t);
    return t < end_ && std::find(words.begin(), words.end(), w) != words.end();
  }
  // Past the sentence, punctuation: a construction may look one word
  // further than the sentence goes ("midi" ending the text).
  TokenKind Kind(uint32_t t) const { return t < end_ ? a_.tokens[t].kind : TokenKind::kPunctuation; }
  // Whether the word starts with a capital (its lower case differs there).
  bool Capitalised(uint32_t t) const {
    if (t >= end_) return false;
    std::string_view text = a_.clean.View(a_.tokens[t].clean), low = W(t);
    return !text.empty() && !low.empty() && text.substr(0, 1) != low.substr(0, 1) &&
           !(static_cast<unsigned char>(text[0]) >= 0x80 && text.substr(0, 2) == low.substr(0, 2));
  }
  bool SentenceStart(uint32_t t) const {
    return t == begin_ || IsAny(t - 1, {"«", "\"", "“", "(", "-", "—", "–", ":"});
  }

  // A number in digits or in words ("trois", "vingt et un"); sets *value.
  uint32_t Number(uint32_t t, int* value) const;

  uint32_t Year(uint32_t t, int* year) const;
  // A year at t goes to `fields`: the token after it; else `otherwise`.
  uint32_t YearOr(uint32_t t, uint32_t otherwise, CalendarFields& fields) const {
    int year;
    uint32_t after = Year(t, &year);
    if (after == kFail) return otherwise;
    fields.year = year;
    return after;
  }

  // A month name, lower case (or opening the sentence): "Mai" inside a
  // sentence is a name, not a month.
  uint32_t Month(uint32_t t, int* month) const;

  // A clock time: "14h30", "14 h 30", "14 h", "14 heures 30", "14:30",
  // "midi", "minuit".
  uint32_t Clock(uint32_t t, int* hour, int* minute) const;

  // The minutes after an hour in words: "et quart", "et demie", "moins
  // cinq", "moins le quart", "quinze", "trente", "trois quarts", "et
  // quinze minutes". `u` is the token after the hour; returns the token
  // after the minutes (u itself when there are none).
  uint32_t Minutes(uint32_t u, int* hour, int* minute) const;

  // "du matin", "du soir", "de l'après-midi" after a clock time.
  uint32_t ClockPart(uint32_t t, int* hour) const;

  // A time of day after a date or alone: "à 14 h 30", "vers midi".
  uint32_t TimeOfDay(uint32_t t, CalendarFields* f) const;

  // A weekday abbreviated with its period, "lun." … "dim." (never "sa" or
  // "je" alone, which are words of their own); 0 otherwise.
  int ShortWeekday(uint32_t t) const;

  // Days and months: "5 janvier 2022", "lundi 3 janvier", "1er mai",
  // "le 5", "les 4 et 5 janvier". A list fills list_.
  uint32_t DayMonth(uint32_t t, CalendarFields* f, bool need_month);

  // "05/01/2022", "5.1.2022", "2022-01-05", "17/02": day first, as in
  // France; a two-digit year is of this century below 50.
  uint32_t NumericDate(uint32_t t, CalendarFields* f) const;

  // The core of most expressions: a calendar date (days, months, years,
  // seasons, decades, centuries), with what the words fix.
  uint32_t CalendarDate(uint32_t t, TimeMeaning& m);

  // A holiday of a fixed date; sets *month and *day.
  uint32_t Holiday(uint32_t t, int* month, int* day) const;

  // "la semaine du 6 octobre": the week that day is in.
  uint32_t WeekOf(uint32_t t, TimeMeaning& m);

  // "début 2022", "au début de 2022", "fin janvier", "mi-décembre", "à la
  // fin de l'année", "en début de soirée": START, MID, END around a date.
  uint32_t Modified(uint32_t t, TimeMeaning& m);

  // Words that count from the moment of writing: "hier", "demain soir",
  // "ce matin", "la semaine dernière", "il y a trois jours", "dans deux
  // semaines", "lundi dernier", "cette année".
  uint32_t FromNow(uint32_t t, TimeMeaning& m);

  // Words that count from the story's last date: "le lendemain", "la
  // veille", "la même nuit", "le même jour", "ce jour-là", "le soir même",
  // "trois jours plus tard".
  uint32_t FromStory(uint32_t t, TimeMeaning& m);

  // "le matin du 5 janvier", "dans la nuit du 6 janvier", "dans la nuit
  // de vendredi à samedi", "le 5 janvier au soir"; "dans la soirée" alone
  // is the story's day.
  uint32_t PartOfDayOf(uint32_t t, TimeMeaning& m);

  // One end of an interval: a day ("samedi 13", "1er juillet 2013"), a
  // year, or a clock time; `kind` says which (0 day, 1 year, 2 clock).
  uint32_t IntervalEnd(uint32_t t, CalendarFields* f, int* kind) const;

  // A range in one token: "13-15 juillet", "11h30-13h30". The days take
  // the month after them.
  uint32_t JoinedRange(uint32_t t, TimeMeaning& m) const;

  // "du 4 au 6 janvier", "13 au 15 juillet", "entre le 13 et le 15
  // juillet", "du 13 au 18", "entre 2019 et 2021", "de 2019 à 2021", "de
  // 14 h à 16 h", "entre 9h30 et 11h jeudi".
  uint32_t Interval(uint32_t t, TimeMeaning& m);

  // The day that hours name after them: "14h le 13 décembre", "à 8h ce
  // matin", "de 15h à 16h demain", "de 3:00 au 4:00 lendemain".
  uint32_t DayAfterHours(uint32_t t, TimeMeaning& day);

  // One end of an interval read on its own: a date, a day counted from
  // now, a month, a year.
  uint32_t AnyDate(uint32_t t, TimeMeaning& m);

  // "entre janvier 2019 et aujourd'hui", "du vendredi prochain au 1er
  // octobre 2020", "de 2014 au 2 mai 2018", "d'avril 2016 à juin 2017":
  // two ends of different kinds, each resolved on its own.
  uint32_t MixedInterval(uint32_t t, TimeMeaning& m);

  // "pendant trois jours", "deux semaines", "quelques mois"
  uint32_t Duration(uint32_t t, TimeMeaning& m) const;

  // "chaque lundi", "tous les jours", "tous les ans", "chaque année",
  // "quotidiennement"
  uint32_t Recurrence(uint32_t t, TimeMeaning& m) const;

  // One expression at t, the longest construction that fits; a time of
  // day after a date joins it ("le 5 janvier à 14 h 30").
  uint32_t Expression(uint32_t t, TimeMeaning& m);

  // The tense of the sentence, for a weekday or a month named alone: -1
  // past, +1 future, 0 unknown. News tells the past with auxiliaries.
  int Tense() const;

  const Article& a_;
  const text::LowerTokens& lower_;
  const uint32_t begin_, end_;
  std::vector<std::pair<uint32_t, int>> list_;  // days of a list: token, day
  // Set while reading what follows a day: two bare numbers there are hours.
  bool hours_wanted_ = false;
};

}  // namespace veille::time

#endif  // VEILLE_TIME_SENTENCE_READER_H_
