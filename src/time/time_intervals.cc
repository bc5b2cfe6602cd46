// The temporal grammar: ranges of days, months, years and hours ("du 4 au 6
// janvier", "entre 2019 et 2021", "de 14 h à 16 h le 22 avril"), and ranges
// whose ends are read apart ("entre janvier 2019 et aujourd'hui").
#include <algorithm>
#include <memory>
#include <string_view>

#include "time/sentence_reader.h"
#include "time/time_words.h"

namespace veille::time {

uint32_t SentenceReader::IntervalEnd(uint32_t t, CalendarFields* f, int* kind) const {
  int hour, minute;
  if (uint32_t clock = Clock(t, &hour, &minute); clock != kFail) {
    // "17 à 18" are days unless a clock unit says hours: "14h", "14 heures".
    if (Kind(t) == TokenKind::kWord || IsAny(t + 1, {"h", "heure", "heures", ":"}) || Is(t, "midi") ||
        Is(t, "minuit")) {
      f->hour = hour, f->minute = minute;
      *kind = 2;
      return ClockPart(clock, &f->hour);
    }
  }
  int year;
  if (uint32_t y = Year(t, &year); y != kFail) {
    f->year = year;
    *kind = 1;
    return y;
  }
  // A month: "entre août et octobre", "de mai à septembre 2022"
  int month;
  if (uint32_t after = Month(t, &month); after != kFail) {
    f->month = month;
    *kind = 3;
    if (uint32_t y = Year(after, &year); y != kFail) f->year = year, after = y;
    return after;
  }
  uint32_t u = t;
  if (int wd = WeekdayNumber(W(u)); wd > 0 && W(u).back() != 's') {
    f->weekday = wd;
    ++u;
  }
  // A day in digits, "1er", "15e", or in words in a range ("du treize au
  // 15 juillet", "entre le 13 et le dix-huit").
  int day = DayOfMonth(W(u));
  if (day < 0 || (Kind(u) != TokenKind::kNumber && W(u) != "1er")) {
    std::string_view w = W(u);
    day = -1;
    if (w.size() >= 2 && w.size() <= 3 && w.back() == 'e') day = DayOfMonth(w.substr(0, w.size() - 1));
    if (day < 0 && NumberWord(w) >= 1 && NumberWord(w) <= 31) day = NumberWord(w);
    if (day < 0) return kFail;
  }
  f->day = day;
  *kind = 0;
  ++u;
  if (IsAny(u, {"de", "d'"}) && MonthNumber(W(u + 1)) > 0) ++u;  // "entre 3 et 12 de sept"
  if (uint32_t after = Month(u, &month); after != kFail) {
    f->month = month;
    u = after;
    if (uint32_t y = Year(u, &year); y != kFail) f->year = year, u = y;
  }
  return u;
}

uint32_t SentenceReader::JoinedRange(uint32_t t, TimeMeaning& m) const {
  std::string_view w = W(t);
  size_t dash = w.find('-');
  if (Kind(t) != TokenKind::kWord || dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size() ||
      w[0] < '0' || w[0] > '9') {
    return kFail;
  }
  std::string_view a = w.substr(0, dash), b = w.substr(dash + 1);
  if (DayOfMonth(a) > 0 && DayOfMonth(b) > 0) {
    int month, year;
    uint32_t after = Month(t + 1, &month);
    if (after == kFail) return kFail;
    m.fields.day = DayOfMonth(a);
    m.fields.month = month;
    m.until = CalendarFields{};
    m.until->day = DayOfMonth(b);
    m.until->month = month;
    if (uint32_t y = Year(after, &year); y != kFail) m.fields.year = m.until->year = year, after = y;
    m.granularity = Unit::kDay;
    return after;
  }
  auto clock = [](std::string_view s, int* hour, int* minute) {
    size_t h = s.find('h');
    if (h == std::string_view::npos || h == 0 || h > 2) return false;
    *hour = Digits(s.substr(0, h));
    *minute = h + 1 < s.size() ? Digits(s.substr(h + 1)) : 0;
    return *hour >= 0 && *hour <= 24 && *minute >= 0 && *minute <= 59 && s.size() - h - 1 <= 2;
  };
  int h1, m1, h2, m2;
  if (!clock(a, &h1, &m1) || !clock(b, &h2, &m2)) return kFail;
  if (h1 > h2 && h1 <= 12 && h2 < 12) h2 += 12;
  m.AtClockOfStoryDay();
  m.fields.hour = h1, m.fields.minute = m1;
  m.until = CalendarFields{};
  m.until->hour = h2, m.until->minute = m2;
  return t + 1;
}

uint32_t SentenceReader::Interval(uint32_t t, TimeMeaning& m) {
  bool entre = Is(t, "entre");
  bool opened = entre || Is(t, "du") || Is(t, "de") || Is(t, "d'");
  uint32_t u = opened ? t + 1 : t;
  if (entre && Is(u, "le")) ++u;
  CalendarFields first, last;
  int first_kind = -1, last_kind = -1;
  uint32_t stop = IntervalEnd(u, &first, &first_kind);
  if (stop == kFail) return kFail;
  // The joint: au, à, et (after entre), jusqu'au, jusqu'à, a dash.
  uint32_t v = stop;
  if (entre) {
    if (!Is(v, "et")) return kFail;
    ++v;
    if (Is(v, "le")) ++v;
  } else if (IsAny(v, {"au", "à", "a", "-", "–"})) {
    ++v;
  } else if (Is(v, "jusqu'au") || Is(v, "jusqu'à")) {
    ++v;
  } else if (Is(v, "jusqu'") && IsAny(v + 1, {"au", "à"})) {
    v += 2;
  } else {
    return kFail;
  }
  uint32_t end = IntervalEnd(v, &last, &last_kind);
  // "entre midi et 2", "de 14h à 16": after a time of day, a bare number
  // is its hour.
  if (end != kFail && first_kind == 2 && last_kind == 0 && last.month < 0 && last.weekday < 0 &&
      last.day <= 24 && Kind(v) == TokenKind::kNumber) {
    last.hour = last.day;
    last.minute = 0;
    last.day = -1;
    last_kind = 2;
  }
  if (end == kFail || last_kind != first_kind) return kFail;
  // Two bare numbers are hours when a part of the day or a day follows
  // ("entre 17 et 18 après-midi", "de 5 à 7 aujourd'hui", "entre 3 et 5
  // le 01/01/2015") or a day came before ("le 17 de 14 à 16").
  if (first_kind == 0 && first.month < 0 && last.month < 0 && first.weekday < 0 && last.weekday < 0 &&
      first.day <= 24 && last.day <= 24 && opened) {
    TimeMeaning probe;
    uint32_t w = Is(end, "le") ? end + 1 : end;
    bool day_after = !PartOfDay(W(end)).empty() || (Is(end, "du") && !PartOfDay(W(end + 1)).empty()) ||
                     FromNow(w, probe) != kFail || NumericDate(w, &probe.fields) != kFail;
    list_.clear();
    if (day_after || hours_wanted_) {
      first_kind = last_kind = 2;
      first.hour = first.day, last.hour = last.day;
      first.minute = last.minute = 0;
      first.day = last.day = -1;
      if (Is(end, "du") && !PartOfDay(W(end + 1)).empty()) {
        std::string_view part = PartOfDay(W(end + 1));
        if ((part == "AF" || part == "EV") && last.hour < 12) first.hour += first.hour < 12 ? 12 : 0, last.hour += 12;
        end += 2;
      } else if (!PartOfDay(W(end)).empty()) {
        std::string_view part = PartOfDay(W(end));
        if ((part == "AF" || part == "EV") && last.hour < 12) first.hour += first.hour < 12 ? 12 : 0, last.hour += 12;
        ++end;
      }
    }
  }
  if (first_kind == 0) {
    // Days: the month (and year) of the second serve the first. Without
    // "du" or "entre", a month must be said ("13 au 15 juillet"), and a
    // bare "du 13 au 18" must not be a count ("du 13 au 18 %").
    if (!opened && last.month < 0) return kFail;
    if (last.month < 0 && (UnitOf(W(end)) != Unit::kNone || IsAny(end, {"%", "€", "$"}))) return kFail;
    if (first.month < 0) first.month = last.month;
    if (first.year < 0) first.year = last.year;
    m.granularity = Unit::kDay;
  } else if (first_kind == 1) {
    if (!opened && !Is(stop, "-")) return kFail;  // "2014-2018" alone, else a preposition
    m.granularity = Unit::kYear;
  } else if (first_kind == 3) {
    if (!opened) return kFail;
    if (first.year < 0) first.year = last.year;
    m.granularity = Unit::kMonth;
  } else {
    // Clock times, then perhaps their day: "de 14h à 16h le 22 avril",
    // "entre 9h30 et 11h jeudi", "de 15h00 à 16h00 demain".
    // Unopened, both ends must be written as hours: "4:00 à 7 heures",
    // "9h-10h" (not "5 à 7", which may be anything).
    auto written_as_hour = [&](uint32_t at) {
      return Kind(at) == TokenKind::kWord || IsAny(at + 1, {":", "h", "heure", "heures"});
    };
    if (!opened && !(Is(stop, "-") || (IsAny(stop, {"à", "a", "jusqu'à"}) && written_as_hour(u) &&
                                       written_as_hour(v)))) {
      return kFail;
    }
    if (first.hour > last.hour && first.hour <= 12 && last.hour < 12) last.hour += 12;
    m.AtClockOfStoryDay();
    TimeMeaning day;
    uint32_t after = DayAfterHours(end, day);
    if (after != kFail && day.fields.hour < 0) {
      CalendarFields date = day.fields;
      date.part = {};  // the hours say more: "de 15h à 20h hier après-midi"
      m.fields = date;
      m.fields.hour = first.hour, m.fields.minute = first.minute;
      date.hour = last.hour, date.minute = last.minute;
      m.until = date;
      if (day.reference != Reference::kNone || date.day < 0 || date.weekday > 0) {
        m.reference = day.reference == Reference::kNone ? Reference::kSpeech : day.reference;
        m.shift_unit = day.shift_unit;
        m.shift = day.shift;
        m.direction = day.direction;
      } else {
        m.reference = Reference::kNone;
      }
      return after;
    }
    m.fields = first;
    m.until = last;
    return end;
  }
  m.fields = first;
  m.until = last;
  return end;
}

uint32_t SentenceReader::AnyDate(uint32_t t, TimeMeaning& m) {
  uint32_t best = kFail;
  for (int rule = 0; rule < 3; ++rule) {
    TimeMeaning candidate;
    uint32_t end = kFail;
    switch (rule) {
      case 0: end = DayMonth(Is(t, "le") ? t + 1 : t, &candidate.fields, true), candidate.granularity = Unit::kDay; break;
      case 1: end = CalendarDate(t, candidate); break;
      case 2: end = FromNow(t, candidate); break;
    }
    list_.clear();
    if (end != kFail && (best == kFail || end > best) && !candidate.until && !candidate.span &&
        candidate.type == TimeType::kDate) {
      best = end;
      m = candidate;
    }
  }
  return best;
}

uint32_t SentenceReader::MixedInterval(uint32_t t, TimeMeaning& m) {
  bool entre = Is(t, "entre");
  if (!entre && !IsAny(t, {"du", "de", "d'", "depuis"})) return kFail;
  TimeMeaning first;
  uint32_t stop = AnyDate(t + 1, first);
  // ("depuis le 5 mai" alone is no interval; "depuis 2019" neither)
  if (stop == kFail) return kFail;
  uint32_t v = stop;
  if (entre) {
    if (!Is(v, "et")) return kFail;
    ++v;
  } else if (IsAny(v, {"au", "à", "jusqu'au", "jusqu'à"})) {
    ++v;
  } else if (Is(v, "jusqu'") && IsAny(v + 1, {"au", "à"})) {
    v += 2;
  } else {
    return kFail;
  }
  TimeMeaning second;
  uint32_t end = AnyDate(v, second);
  if (end == kFail) return kFail;
  m = first;
  m.last = std::make_shared<const TimeMeaning>(second);
  return end;
}

}  // namespace veille::time
