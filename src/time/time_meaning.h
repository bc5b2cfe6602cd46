// What a time expression says, as the grammar reads it: the fields of the
// calendar its words fix, and how the rest is to be found (from the
// article's date, from the story's last date, or not at all). The resolver
// turns it into a TIMEX3 value.
#ifndef VEILLE_TIME_TIME_MEANING_H_
#define VEILLE_TIME_TIME_MEANING_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "veille/article.h"

namespace veille::time {

// Units of the calendar, finest first: also an expression's granularity.
enum class Unit : uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kPartOfDay,
  kDay,
  kWeek,
  kMonth,
  kSeason,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
};
std::string_view UnitName(Unit unit);  // "day", "part of day", …

// The fields the words fix; -1 (or empty) for those they leave open.
struct CalendarFields {
  int year = -1;
  int month = -1;    // 1–12
  int day = -1;      // 1–31
  int weekday = -1;  // 1 Monday … 7 Sunday
  int hour = -1;
  int minute = -1;
  std::string_view part;    // part of the day: "MO", "AF", "EV", "NI"
  std::string_view season;  // "SP", "SU", "FA", "WI"
  int quarter = -1;         // 1–4
  int decade = -1;          // 199 for the 1990s
  int century = -1;         // 19 for the 20th century (XXe siècle)
};

// What the missing fields are counted from.
enum class Reference : uint8_t {
  kNone,   // nothing: the words say all there is ("5 janvier 2022", "le 5 janvier")
  kSpeech, // the moment of writing: "hier", "lundi dernier", "il y a trois jours"
  kStory,  // the date the story gave last: "le lendemain", "la même nuit", "ce jour-là"
};

struct TimeMeaning {
  TimeType type = TimeType::kDate;
  CalendarFields fields;
  Unit granularity = Unit::kDay;
  Reference reference = Reference::kNone;
  // A shift from the reference: hier is -1 day, la semaine dernière -1
  // week, dans deux semaines +2 weeks.
  Unit shift_unit = Unit::kNone;
  int shift = 0;
  // For a weekday or a month named alone: -1 the last one, +1 the next one,
  // 0 for the verbs' tense to decide.
  int direction = 0;
  std::string_view mod;  // TIMEX3 mod: "START", "MID", "END", "APPROX"…
  // A duration (type kDuration) or a recurrence (kSet): `amount` of
  // `granularity`; -1 for "quelques".
  int amount = 0;
  // A time of the day's part ("MO", "AF", "EV", "NI"): "demain soir".
  void AtPartOfDay(std::string_view part) {
    type = TimeType::kTime;
    fields.part = part;
    granularity = Unit::kPartOfDay;
  }

  // A time of day on the story's day (its date said nowhere else): "à
  // 14 h 30", "de 14 h à 16 h".
  void AtClockOfStoryDay() {
    type = TimeType::kTime;
    granularity = Unit::kMinute;
    reference = Reference::kStory;
    shift_unit = Unit::kDay;
  }

  // The other end of an interval ("du 4 au 6 janvier", "entre 2019 et
  // 2021"), read like the start.
  std::optional<CalendarFields> until;
  // The other end of an interval whose ends are read apart ("entre
  // janvier 2019 et aujourd'hui", "du vendredi prochain au 1er octobre"):
  // resolved on its own.
  std::shared_ptr<const TimeMeaning> last;
  // The `shift` units next to the reference, as one interval: "les trois
  // derniers mois" (-3), "les 2 prochains jours" (+2).
  bool span = false;
  // "maintenant", "en ce moment": TIMEX3's PRESENT_REF.
  bool now = false;
  // A weekday in the week `shift` weeks from the reference's: "lundi de la
  // semaine prochaine", "mardi cette semaine".
  bool of_week = false;
  // The n-th (-1: the last) week, day or weekend of the month in `fields`:
  // "la première semaine d'octobre", "le dernier jour de mars".
  int nth = 0;
  Unit nth_unit = Unit::kNone;  // kWeek, kDay; kWeek with part "WE" for a weekend
  // Days after Easter Sunday: "Pâques" 0, "lundi de Pâques" 1, "Ascension"
  // 39, "Pentecôte" 49; INT_MIN for none.
  int easter = -1000;
};

// A time expression found: tokens [begin, end) of Article::tokens.
struct TimeMatch {
  uint32_t begin = 0;
  uint32_t end = 0;
  TimeMeaning meaning;
  bool in_list = false;  // one of the days of a list: "les 4 et 5 janvier"
};

}  // namespace veille::time

#endif  // VEILLE_TIME_TIME_MEANING_H_
