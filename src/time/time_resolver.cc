#include "time/time_resolver.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace veille::time {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

std::string Pad(int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return buf;
}


// A day that exists: "31 février" is no date.
std::optional<year_month_day> MakeDay(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

year_month_day AddMonths(const year_month_day& d, int n) {
  int total = static_cast<int>(d.year()) * 12 + static_cast<int>(static_cast<unsigned>(d.month())) - 1 + n;
  return year{total / 12} / month{static_cast<unsigned>(total % 12 + 1)} / day{1};
}

std::string TimeSuffix(const CalendarFields& f) {
  std::string suffix;
  if (f.hour >= 0) {
    suffix.push_back('T');
    suffix += Pad(f.hour, 2);
    suffix.push_back(':');
    suffix += Pad(f.minute >= 0 ? f.minute : 0, 2);
  } else if (!f.part.empty()) {
    suffix.push_back('T');
    suffix += f.part;
  }
  return suffix;
}

// Easter Sunday of year y, Gregorian (the anonymous algorithm of 1876).
year_month_day EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month_ = (h + l - 7 * m + 114) / 31, day_ = (h + l - 7 * m + 114) % 31 + 1;
  return year{y} / month{static_cast<unsigned>(month_)} / day{static_cast<unsigned>(day_)};
}

// The months a season starts and ends in (winter runs over the new year).
int SeasonFirstMonth(std::string_view s) { return s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : 12; }

// The date closest to `base` among those one year apart that have `m`
// (and `d`, or the 1st): `direction` -1 takes the last one on or before
// base, +1 the first one after it, 0 the closest.
std::optional<year_month_day> NearestYear(int m, int d, const year_month_day& base, int direction,
                                          Unit granularity) {
  std::optional<year_month_day> best;
  long best_distance = 0;
  int by = static_cast<int>(base.year());
  for (int y = by - 1; y <= by + 1; ++y) {
    auto candidate = MakeDay(y, m, d > 0 ? d : 1);
    if (!candidate) continue;
    long distance = (sys_days{*candidate} - sys_days{base}).count();
    if (granularity == Unit::kMonth) {
      distance = (y - by) * 12 + (m - static_cast<int>(static_cast<unsigned>(base.month())));
    }
    if (direction < 0 && distance > 0) continue;
    if (direction > 0 && distance < 0) continue;
    if (direction > 0 && distance == 0 && granularity != Unit::kMonth && d <= 0) continue;
    if (!best || std::labs(distance) < std::labs(best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string Unresolved(const TimeMeaning& m) {
  const CalendarFields& f = m.fields;
  if (f.weekday > 0 && f.day < 0) return "XXXX-WXX-" + std::to_string(f.weekday) + TimeSuffix(f);
  std::string y = f.year >= 0 ? Pad(f.year, 4) : "XXXX";
  switch (m.granularity) {
    case Unit::kYear: return y;
    case Unit::kSeason: return y + "-" + std::string(f.season);
    case Unit::kMonth: return y + "-" + (f.month > 0 ? Pad(f.month, 2) : "XX");
    case Unit::kWeek: return y + "-WXX";
    default:
      return y + "-" + (f.month > 0 ? Pad(f.month, 2) : "XX") + "-" + (f.day > 0 ? Pad(f.day, 2) : "XX") +
             TimeSuffix(f);
  }
}

std::string DurationValue(int amount, Unit unit) {
  std::string n = amount < 0 ? "X" : std::to_string(amount);
  switch (unit) {
    case Unit::kSecond: return "PT" + n + "S";
    case Unit::kMinute: return "PT" + n + "M";
    case Unit::kHour: return "PT" + n + "H";
    case Unit::kDay: return "P" + n + "D";
    case Unit::kWeek: return "P" + n + "W";
    case Unit::kMonth: return "P" + n + "M";
    case Unit::kQuarter: return "P" + n + "Q";
    case Unit::kYear: return "P" + n + "Y";
    case Unit::kDecade: return "P" + n + "DE";
    case Unit::kCentury: return "P" + n + "CE";
    default: return "P" + n + "D";
  }
}

// A meaning counted from `base`: hier, la semaine dernière, lundi, le lendemain…
std::optional<std::string> FromBase(const TimeMeaning& m, const KnownDate& base) {
  const CalendarFields& f = m.fields;
  year_month_day d = base.day;
  if (f.weekday > 0 && f.day < 0) {
    if (base.granularity > Unit::kDay) return std::nullopt;
    unsigned today = weekday{sys_days{d}}.iso_encoding();
    int delta = f.weekday - static_cast<int>(today);
    if (m.of_week) {
      // "lundi de la semaine prochaine": in the week `shift` from base's.
      delta += 7 * m.shift;
    } else if (m.shift_unit == Unit::kWeek) {
      // "lundi en huit": a week after the coming one, today's included.
      if (delta < 0) delta += 7;
      delta += 7 * m.shift;
    } else if (m.direction < 0) {
      if (delta > 0) delta -= 7;  // the last one, today included
    } else {
      if (delta <= 0) delta += 7;  // the next one
    }
    return IsoDay(year_month_day{sys_days{d} + days{delta}}) + TimeSuffix(f);
  }
  if (!f.season.empty()) {
    int y = static_cast<int>(d.year());
    int first = SeasonFirstMonth(f.season), now = static_cast<int>(static_cast<unsigned>(d.month()));
    if (m.direction < 0 && now <= first + 2 && !(f.season == "WI" && now <= 2)) --y;
    if (m.direction > 0 && now >= first) ++y;
    if (f.season == "WI" && now <= 2 && m.direction == 0) --y;  // January is last year's winter
    return Pad(y, 4) + "-" + std::string(f.season);
  }
  switch (m.shift_unit) {
    case Unit::kDay:
      if (base.granularity > Unit::kDay) return std::nullopt;
      return IsoDay(year_month_day{sys_days{d} + days{m.shift}}) + TimeSuffix(f);
    case Unit::kWeek:
      if (base.granularity > Unit::kDay) return std::nullopt;
      if (f.weekday > 0) return std::nullopt;  // handled with the weekday above
      return IsoWeek(year_month_day{sys_days{d} + days{7 * m.shift}}) + (f.part == "WE" ? "-WE" : "");
    case Unit::kMonth:
      if (base.granularity > Unit::kMonth) return std::nullopt;
      return IsoDay(AddMonths(d, m.shift)).substr(0, 7);
    case Unit::kYear:
      return Pad(static_cast<int>(d.year()) + m.shift, 4);
    case Unit::kQuarter: {
      int q = (static_cast<int>(static_cast<unsigned>(d.month())) - 1) / 3 + m.shift;
      int y = static_cast<int>(d.year()) + (q >= 0 ? q / 4 : (q - 3) / 4);
      q = ((q % 4) + 4) % 4;
      return Pad(y, 4) + "-Q" + std::to_string(q + 1);
    }
    case Unit::kHour:
    case Unit::kMinute:
    case Unit::kSecond: {
      // "dans deux heures", "il y a 30 minutes": from the time of writing,
      // when the article's date has one.
      if (base.minute_of_day < 0 || base.granularity > Unit::kDay) return std::nullopt;
      long seconds = base.minute_of_day * 60L +
                     m.shift * (m.shift_unit == Unit::kHour ? 3600L : m.shift_unit == Unit::kMinute ? 60L : 1L);
      long day_shift = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
      seconds -= day_shift * 86400;
      std::string value = IsoDay(year_month_day{sys_days{d} + days{day_shift}}) + "T" +
                          Pad(static_cast<int>(seconds / 3600), 2) + ":" + Pad(static_cast<int>(seconds / 60 % 60), 2);
      // (To the second for minutes and seconds: "dans deux minutes" is 04:32:00.)
      if (m.shift_unit != Unit::kHour) value += ":" + Pad(static_cast<int>(seconds % 60), 2);
      return value;
    }
    default:
      break;
  }
  if (m.granularity == Unit::kYear) return Pad(static_cast<int>(d.year()), 4);
  if (base.granularity > Unit::kDay) return std::nullopt;
  return IsoDay(d) + TimeSuffix(f);
}

// A calendar date with some fields missing, completed from `base`.
std::optional<std::string> Complete(const TimeMeaning& m, const CalendarFields& f, const KnownDate& base) {
  if (f.year >= 0) return std::nullopt;  // nothing missing
  if (f.quarter > 0) return Pad(static_cast<int>(base.day.year()), 4) + "-Q" + std::to_string(f.quarter);
  if (f.season == "H1" || f.season == "H2") return Pad(static_cast<int>(base.day.year()), 4) + "-" + std::string(f.season);
  if (m.granularity == Unit::kSeason) {
    TimeMeaning season = m;
    return FromBase(season, base);
  }
  if (f.month < 0 && f.weekday > 0 && f.day > 0 && base.granularity <= Unit::kMonth) {
    // "jeudi 15": the nearest month (the way the tense points) whose 15th
    // is a Thursday.
    for (int step = 0; step < 14; ++step) {
      int shift = m.direction < 0 ? -step : step;
      year_month_day first = AddMonths(base.day, shift);
      auto c = MakeDay(static_cast<int>(first.year()), static_cast<int>(static_cast<unsigned>(first.month())), f.day);
      if (!c || static_cast<int>(weekday{sys_days{*c}}.iso_encoding()) != f.weekday) continue;
      long distance = (sys_days{*c} - sys_days{base.day}).count();
      if ((m.direction > 0 && distance < 0) || (m.direction < 0 && distance > 0)) continue;
      return IsoDay(*c) + TimeSuffix(f);
    }
  }
  if (f.month < 0) {
    // "le 5": a day of the base's month, the nearest one
    if (f.day < 0 || base.granularity > Unit::kMonth) return std::nullopt;
    year_month_day b = base.day;
    std::optional<year_month_day> best;
    for (int shift : {-1, 0, 1}) {
      year_month_day month_start = AddMonths(b, shift);
      auto c = MakeDay(static_cast<int>(month_start.year()),
                       static_cast<int>(static_cast<unsigned>(month_start.month())), f.day);
      if (!c) continue;
      long distance = (sys_days{*c} - sys_days{b}).count();
      if ((m.direction < 0 && distance > 0) || (m.direction > 0 && distance <= 0)) continue;
      if (!best || std::labs(distance) < std::labs((sys_days{*best} - sys_days{b}).count())) best = c;
    }
    if (!best) return std::nullopt;
    return IsoDay(*best) + TimeSuffix(f);
  }
  if (base.granularity == Unit::kYear) {
    // The story gave only a year: the date is in it.
    int y = static_cast<int>(base.day.year());
    if (m.granularity == Unit::kMonth) return Pad(y, 4) + "-" + Pad(f.month, 2);
    auto d = MakeDay(y, f.month, f.day);
    if (!d) return std::nullopt;
    return IsoDay(*d) + TimeSuffix(f);
  }
  auto d = NearestYear(f.month, m.granularity == Unit::kMonth ? 0 : f.day, base.day, m.direction,
                       m.granularity);
  if (!d) return std::nullopt;
  if (m.granularity == Unit::kMonth) return IsoDay(*d).substr(0, 7);
  return IsoDay(*d) + TimeSuffix(f);
}

// A complete calendar date's value, or std::nullopt when a field is missing.
std::optional<std::string> Absolute(const TimeMeaning& m, const CalendarFields& f) {
  if (f.century >= 0) return Pad(f.century, 2);
  if (f.decade >= 0) return Pad(f.decade, 3);
  if (f.year < 0) return std::nullopt;
  if (f.quarter > 0) return Pad(f.year, 4) + "-Q" + std::to_string(f.quarter);
  if (!f.season.empty()) return Pad(f.year, 4) + "-" + std::string(f.season);
  if (f.month < 0) return Pad(f.year, 4);
  if (f.day < 0 || m.granularity == Unit::kMonth) return Pad(f.year, 4) + "-" + Pad(f.month, 2);
  auto d = MakeDay(f.year, f.month, f.day);
  if (!d) return std::nullopt;
  return IsoDay(*d) + TimeSuffix(f);
}

}  // namespace

std::string IsoDay(const year_month_day& d) {
  return Pad(static_cast<int>(d.year()), 4) + "-" + Pad(static_cast<unsigned>(d.month()), 2) + "-" +
         Pad(static_cast<unsigned>(d.day()), 2);
}

std::string IsoWeek(const year_month_day& d) {
  sys_days s{d};
  unsigned iso_weekday = weekday{s}.iso_encoding();  // 1 Monday … 7 Sunday
  year_month_day thursday{s + days{4 - static_cast<int>(iso_weekday)}};
  sys_days jan1{thursday.year() / 1 / 1};
  int week = static_cast<int>((sys_days{thursday} - jan1).count()) / 7 + 1;
  return Pad(static_cast<int>(thursday.year()), 4) + "-W" + Pad(week, 2);
}

std::optional<year_month_day> ParseDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto number = [&](size_t at, size_t width) {
    int n = 0;
    for (size_t i = at; i < at + width; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      n = n * 10 + (iso[i] - '0');
    }
    return n;
  };
  return MakeDay(number(0, 4), number(5, 2), number(8, 2));
}

void Resolve(const TimeMeaning& m, const Anchors& anchors, TimeExpr& expr) {
  expr.type = m.type;
  expr.mod = std::string(m.mod);
  expr.granularity = std::string(UnitName(m.granularity));
  expr.anchor = TimeAnchor::kNone;
  if (m.type == TimeType::kDuration) {
    expr.value = DurationValue(m.amount, m.granularity);
    expr.anchor = TimeAnchor::kAbsolute;
    return;
  }
  if (m.type == TimeType::kSet) {
    const CalendarFields& f = m.fields;
    if (f.weekday > 0) {
      expr.value = "XXXX-WXX-" + std::to_string(f.weekday) + TimeSuffix(f);
    } else if (!f.part.empty()) {
      expr.value = "XXXX-XX-XX" + TimeSuffix(f);
    } else {
      expr.value = DurationValue(m.amount, m.granularity);
    }
    expr.anchor = TimeAnchor::kAbsolute;
    return;
  }
  if (m.now) {
    expr.value = "PRESENT_REF";
    expr.granularity = "";
    expr.anchor = anchors.published ? TimeAnchor::kPublished : TimeAnchor::kNone;
    return;
  }
  if (m.span) {
    // The units next to the reference: the one just before or after it up
    // to `shift` of them, as an interval of the unit.
    const std::optional<KnownDate>& base = anchors.published ? anchors.published : anchors.story;
    bool clock = m.shift_unit < Unit::kDay && base && base->minute_of_day >= 0;
    if (!base || base->granularity > Unit::kDay || (m.shift_unit < Unit::kDay && !clock)) {
      expr.value = DurationValue(m.shift < 0 ? -m.shift : m.shift, m.shift_unit);
      expr.type = TimeType::kDuration;
      expr.anchor = TimeAnchor::kAbsolute;
      return;
    }
    TimeMeaning near = m, far = m;
    near.span = far.span = false;
    near.shift = m.shift < 0 ? -1 : 1;
    far.shift = m.shift;
    auto a = FromBase(near, *base), b = FromBase(far, *base);
    if (!a || !b) {
      expr.value = Unresolved(m);
      return;
    }
    if (m.shift_unit == Unit::kMinute || m.shift_unit == Unit::kHour) {
      // At the unit: minutes "04:28/04:29", hours "T05/T07".
      a->resize(m.shift_unit == Unit::kMinute ? 16 : 13);
      b->resize(m.shift_unit == Unit::kMinute ? 16 : 13);
    }
    expr.value = m.shift < 0 ? *b + "/" + *a : *a + "/" + *b;
    expr.anchor = anchors.published ? TimeAnchor::kPublished : TimeAnchor::kText;
    return;
  }
  if (m.fields.hour >= 0) {
    expr.granularity = "minute";
  } else if (!m.fields.part.empty() && m.fields.part != "WE") {
    expr.granularity = "part of day";
  }

  // An interval of two ends read apart: each resolved on its own.
  if (m.last) {
    TimeMeaning first = m;
    first.last.reset();
    TimeExpr a, b;
    Resolve(first, anchors, a);
    Resolve(*m.last, anchors, b);
    expr.value = a.value + "/" + b.value;
    expr.type = TimeType::kDate;
    expr.anchor = a.anchor == TimeAnchor::kNone || b.anchor == TimeAnchor::kNone ? TimeAnchor::kNone
                  : a.anchor == TimeAnchor::kAbsolute ? b.anchor
                                                      : a.anchor;
    return;
  }
  // An interval: both ends, the first taking what it lacks from the second.
  if (m.until) {
    TimeMeaning last = m;
    last.fields = *m.until;
    last.until.reset();
    TimeMeaning first = m;
    first.until.reset();
    TimeExpr a, b;
    Resolve(first, anchors, a);
    Resolve(last, anchors, b);
    expr.value = a.value + "/" + b.value;
    expr.anchor = a.anchor == TimeAnchor::kNone || b.anchor == TimeAnchor::kNone ? TimeAnchor::kNone
                  : a.anchor == TimeAnchor::kAbsolute ? b.anchor
                                                      : a.anchor;
    return;
  }

  if (m.nth != 0 || m.easter != -1000) {
    // The year (and month) first, as for any date; then the day in it.
    TimeMeaning whole = m;
    whole.nth = 0;
    whole.easter = -1000;
    whole.granularity = m.easter != -1000 ? Unit::kYear : Unit::kMonth;
    whole.fields.part = {};
    whole.fields.weekday = -1;  // the month first; the weekday is found in it below
    if (m.easter != -1000) whole.fields.month = 3, whole.fields.day = 22;  // near Easter, to place the year
    Resolve(whole, anchors, expr);
    int y = 0, mo = 0;
    if (std::sscanf(expr.value.c_str(), "%4d-%2d", &y, &mo) < 1 || expr.value[0] == 'X') {
      expr.value = "XXXX-XX-XX";
      expr.anchor = TimeAnchor::kNone;
      expr.granularity = std::string(UnitName(m.granularity));
      return;
    }
    expr.granularity = std::string(UnitName(m.granularity));
    expr.type = TimeType::kDate;
    if (m.easter != -1000) {
      expr.value = IsoDay(year_month_day{sys_days{EasterSunday(y)} + days{m.easter}});
      return;
    }
    year_month_day first{year{y}, month{static_cast<unsigned>(mo)}, day{1}};
    sys_days month_start{first};
    sys_days month_end{std::chrono::year_month_day_last{year{y}, std::chrono::month_day_last{month{static_cast<unsigned>(mo)}}}};
    if (m.nth_unit == Unit::kDay && m.fields.weekday > 0) {
      // The n-th (or last) such weekday of the month.
      int first_delta = (m.fields.weekday - static_cast<int>(weekday{month_start}.iso_encoding()) + 7) % 7;
      sys_days d = month_start + days{first_delta};
      if (m.nth < 0) {
        while (d + days{7} <= month_end) d += days{7};
      } else {
        d += days{7 * (m.nth - 1)};
      }
      expr.value = IsoDay(year_month_day{d});
    } else if (m.nth_unit == Unit::kDay) {
      sys_days d = m.nth > 0 ? month_start + days{m.nth - 1} : month_end;
      expr.value = IsoDay(year_month_day{d});
    } else if (m.fields.part == "WE") {
      // The n-th Saturday's weekend.
      sys_days saturday = month_start + days{(6 - static_cast<int>(weekday{month_start}.iso_encoding()) + 7) % 7};
      if (m.nth < 0) {
        while (saturday + days{7} <= month_end) saturday += days{7};
      } else {
        saturday += days{7 * (m.nth - 1)};
      }
      expr.value = IsoWeek(year_month_day{saturday}) + "-WE";
    } else {
      // The n-th week lying whole in the month, Monday to Sunday.
      sys_days monday = month_start + days{(8 - static_cast<int>(weekday{month_start}.iso_encoding())) % 7};
      if (m.nth < 0) {
        while (monday + days{13} <= month_end) monday += days{7};
      } else {
        monday += days{7 * (m.nth - 1)};
      }
      expr.value = IsoWeek(year_month_day{monday});
    }
    return;
  }
  if (m.reference == Reference::kNone && m.shift != 0 && m.shift_unit == Unit::kDay) {
    // "le lendemain du 13 février": the day, then the shift.
    TimeMeaning day = m;
    day.shift = 0;
    Resolve(day, anchors, expr);
    if (auto d = ParseDay(expr.value)) {
      expr.value = IsoDay(year_month_day{sys_days{*d} + days{m.shift}}) + expr.value.substr(10);
    }
    return;
  }
  if (m.reference == Reference::kNone && m.granularity == Unit::kWeek && m.fields.day > 0) {
    // "la semaine du 6 octobre": the day, then its week.
    TimeMeaning day = m;
    day.granularity = Unit::kDay;
    Resolve(day, anchors, expr);
    expr.granularity = "week";
    if (auto d = ParseDay(expr.value)) expr.value = IsoWeek(*d);
    return;
  }
  if (m.reference == Reference::kNone) {
    if (auto v = Absolute(m, m.fields)) {
      expr.value = *v;
      expr.anchor = TimeAnchor::kAbsolute;
      return;
    }
    // What is missing comes from the story when it gave a date near here,
    // else from the article's date, else from any date the story gave.
    const std::optional<KnownDate>* order[3] = {&anchors.story, &anchors.published, &anchors.story};
    TimeAnchor names[3] = {TimeAnchor::kText, TimeAnchor::kPublished, TimeAnchor::kText};
    for (int i = anchors.story_near || anchors.published_estimated ? 0 : 1; i < 3; ++i) {
      if (!*order[i]) continue;
      // The tense places a date before or after the time of writing, not
      // before or after the story's last date.
      // Without a tense, a date is the next one (a phrase alone, an
      // announcement), as Duckling and Recognizers read it.
      TimeMeaning placed = m;
      if (names[i] == TimeAnchor::kText || anchors.published_estimated) {
        placed.direction = 0;
      } else if (placed.direction == 0) {
        placed.direction = 1;
      }
      if (auto v = Complete(placed, m.fields, **order[i])) {
        expr.value = *v;
        expr.anchor = names[i];
        return;
      }
    }
    expr.value = Unresolved(m);
    return;
  }

  // Counted from the moment of writing (the article's date), or from the
  // story's last date; each falls back on the other.
  const std::optional<KnownDate>& first = m.reference == Reference::kSpeech ? anchors.published : anchors.story;
  const std::optional<KnownDate>& second = m.reference == Reference::kSpeech ? anchors.story : anchors.published;
  TimeAnchor first_name = m.reference == Reference::kSpeech ? TimeAnchor::kPublished : TimeAnchor::kText;
  TimeAnchor second_name = m.reference == Reference::kSpeech ? TimeAnchor::kText : TimeAnchor::kPublished;
  for (int i = 0; i < 2; ++i) {
    const std::optional<KnownDate>& base = i == 0 ? first : second;
    if (!base) continue;
    TimeMeaning counted = m;
    // A time of day alone against the time of writing, in a sentence not
    // told in the past, is the next one: "à minuit", "3 heures du matin"
    // written at 04:30 are tomorrow's.
    TimeAnchor name = i == 0 ? first_name : second_name;
    if (name == TimeAnchor::kPublished && m.reference == Reference::kStory && !anchors.published_estimated &&
        m.fields.hour >= 0 &&
        m.fields.day < 0 && m.fields.weekday < 0 && m.shift_unit == Unit::kDay && m.shift == 0 &&
        m.direction >= 0 && base->minute_of_day >= 0 &&
        m.fields.hour * 60 + std::max(m.fields.minute, 0) < base->minute_of_day) {
      counted.shift = 1;
    }
    if (auto v = FromBase(counted, *base)) {
      expr.value = *v;
      expr.anchor = i == 0 ? first_name : second_name;
      return;
    }
  }
  expr.value = Unresolved(m);
}

std::optional<KnownDate> DateOf(const TimeExpr& expr) {
  if (expr.type == TimeType::kDuration || expr.type == TimeType::kSet) return std::nullopt;
  if (expr.anchor == TimeAnchor::kNone) return std::nullopt;
  std::string_view v = expr.value;
  if (v.find('/') != std::string_view::npos) v = v.substr(v.find('/') + 1);  // an interval's end
  if (v.size() < 4 || v[0] == 'X') return std::nullopt;
  KnownDate known;
  if (auto d = ParseDay(v)) {
    known.day = *d;
    known.granularity = Unit::kDay;
    return known;
  }
  auto digits = [&](size_t at, size_t width) {
    int n = 0;
    for (size_t i = at; i < at + width && i < v.size(); ++i) {
      if (v[i] < '0' || v[i] > '9') return -1;
      n = n * 10 + (v[i] - '0');
    }
    return n;
  };
  int y = digits(0, 4);
  if (y < 1 || (v.size() > 4 && v[4] != '-')) return std::nullopt;
  if (v.size() == 7 && v[5] != 'W' && v[5] != 'S' && v[5] != 'F' && v[5] != 'Q') {
    int mo = digits(5, 2);
    if (auto d = MakeDay(y, mo, 1)) return KnownDate{*d, Unit::kMonth};
    return std::nullopt;
  }
  if (v.size() == 4) return KnownDate{year{y} / 1 / 1, Unit::kYear};
  return std::nullopt;
}

}  // namespace veille::time
