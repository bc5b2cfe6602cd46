// The French words of time: months, weekdays, numbers, units, parts of the
// day, seasons, Roman numerals of centuries. All take lower-case words.
#ifndef VEILLE_TIME_TIME_WORDS_H_
#define VEILLE_TIME_TIME_WORDS_H_

#include <string_view>

#include "time/time_meaning.h"

namespace veille::time {

// 1–12 for "janvier" … "décembre" and their abbreviations ("janv.",
// "févr", "sept."); 0 otherwise.
int MonthNumber(std::string_view word);

// 1 (lundi) … 7 (dimanche), also plural ("les lundis"); 0 otherwise. Never
// the two-letter abbreviations, which are words of their own ("je", "sa").
int WeekdayNumber(std::string_view word);

// A cardinal written in words, "un" to "soixante", "cent", "mille"
// (hyphenated compounds too: "vingt-deux"); -1 otherwise.
int NumberWord(std::string_view word);

// The digits of a whole number ("2022", "05"), at most 9 of them; -1
// otherwise (a 1 MB run of digits is no number here).
int Digits(std::string_view word);

// A day of the month: "5", "05", "1er", "premier"; -1 otherwise.
int DayOfMonth(std::string_view word);

// The unit a noun names: "jours" → day, "semaine" → week, "ans" → year…
Unit UnitOf(std::string_view word);

// "MO" for matin/matinée, "AF" après-midi, "EV" soir/soirée, "NI" nuit;
// empty otherwise.
std::string_view PartOfDay(std::string_view word);

// "SP" printemps, "SU" été, "FA" automne, "WI" hiver; empty otherwise.
std::string_view Season(std::string_view word);

// The century of "XXe", "xxie", "20e", "19ème", "XVIIIe": 20, 21, 20, 19,
// 18; -1 otherwise.
int CenturyOrdinal(std::string_view word);

// Whether a word is one of time's own (a month, a weekday, a unit, a part
// of the day, "hier", "lendemain", "midi", "trimestre"…) or has a digit:
// every time expression has one within its first five words, and the
// grammar tries only there. Most words of a text are not.
bool TimeWord(std::string_view word);

}  // namespace veille::time

#endif  // VEILLE_TIME_TIME_WORDS_H_
