// The temporal grammar: days, months, years, numeric dates, holidays, the
// n-th week or day of a month, and periods with their start, middle or end.
#include <algorithm>
#include <string_view>

#include "time/sentence_reader.h"
#include "time/time_words.h"

namespace veille::time {

int SentenceReader::ShortWeekday(uint32_t t) const {
  if (!Is(t + 1, ".")) return 0;
  static constexpr std::string_view kShort[] = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
  for (int i = 0; i < 7; ++i) {
    if (W(t) == kShort[i]) return i + 1;
  }
  return 0;
}

uint32_t SentenceReader::DayMonth(uint32_t t, CalendarFields* f, bool need_month) {
  uint32_t u = t;
  if (int wd = WeekdayNumber(W(u)); wd > 0 && W(u).back() != 's') {
    f->weekday = wd;
    ++u;
  } else if (int short_wd = ShortWeekday(u); short_wd > 0) {
    f->weekday = short_wd;  // "mer. 10 juin 2020"
    u += 2;
  }
  int day = DayOfMonth(W(u));
  // After a weekday, a day in words: "vendredi quinze".
  if (day < 0 && f->weekday > 0 && Kind(u) == TokenKind::kWord && NumberWord(W(u)) >= 1 &&
      NumberWord(W(u)) <= 31 && !IsAny(u + 1, {"heure", "heures", "h"})) {
    day = NumberWord(W(u));
  } else if (day < 0 || (Kind(u) != TokenKind::kNumber && W(u) != "1er" && W(u) != "premier")) {
    return kFail;
  }
  // "mardi 11:00", "le 5 h": an hour, not a day.
  if (IsAny(u + 1, {":", "h", "heure", "heures"})) return kFail;
  // "premier" and "1er" are days only before a month ("le premier chef
  // d'État" is none).
  need_month = need_month || ((W(u) == "premier" || W(u) == "1er") && f->weekday < 0);
  uint32_t day_token = u;
  ++u;
  std::vector<std::pair<uint32_t, int>> list{{day_token, day}};
  // "les 4, 5 et 6 janvier"
  while (IsAny(u, {",", "et"}) && u + 1 < end_ && Kind(u + 1) == TokenKind::kNumber &&
         DayOfMonth(W(u + 1)) > 0) {
    list.push_back({u + 1, DayOfMonth(W(u + 1))});
    u += 2;
  }
  int month;
  uint32_t after_month = Month(u, &month);
  if (after_month == kFail) {
    // "le 5" alone: a day of the month the story is in, only with its
    // article and no unit after it ("le 5 mars", not "le 5 000", "le 5 %");
    // also "à partir du 8".
    bool le = day_token > begin_ && (Is(day_token - 1, "le") ||
                                     (day_token > begin_ + 2 && Is(day_token - 1, "du") &&
                                      Is(day_token - 2, "partir") && Is(day_token - 3, "à")));
    if (need_month || list.size() > 1 || (f->weekday < 0 && !le)) return kFail;
    if (UnitOf(W(u)) != Unit::kNone || (u < end_ && Kind(u) == TokenKind::kNumber) ||
        IsAny(u, {"%", "h", "heures", "€", "$"}) || (!W(u).empty() && W(u)[0] >= '0' && W(u)[0] <= '9')) {
      return kFail;
    }
    f->day = day;
    return u;
  }
  // No 31 février, no 31 avril (29 février is checked with its year).
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (const auto& [token, d] : list) {
    if (d > kDays[month - 1]) return kFail;
  }
  f->day = day;
  f->month = month;
  u = after_month;
  int year;
  if (uint32_t stop = Year(u, &year); stop != kFail) {
    f->year = year;
    u = stop;
  }
  if (list.size() > 1) list_ = std::move(list);
  return u;
}

uint32_t SentenceReader::NumericDate(uint32_t t, CalendarFields* f) const {
  if (t >= end_) return kFail;
  if (Kind(t) == TokenKind::kWord && W(t).size() >= 8 && W(t).size() <= 10 && W(t)[4] == '-') {
    // "2015-03-03" is one token
    std::string_view w = W(t);
    size_t second = w.find('-', 5);
    if (second == std::string_view::npos) return kFail;
    int y = Digits(w.substr(0, 4)), mo = Digits(w.substr(5, second - 5)), d = Digits(w.substr(second + 1));
    if (!PlausibleYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31) return kFail;
    f->year = y, f->month = mo, f->day = d;
    return t + 1;
  }
  if (Kind(t) == TokenKind::kNumber && W(t).size() >= 8 && W(t).size() <= 10 &&
      std::count(W(t).begin(), W(t).end(), '.') == 2) {
    // "23.04.2022" is one token: digits join across periods
    std::string_view w = W(t);
    size_t a = w.find('.'), b = w.find('.', a + 1);
    int d = Digits(w.substr(0, a)), mo = Digits(w.substr(a + 1, b - a - 1)), y = Digits(w.substr(b + 1));
    if (y >= 0 && y < 100 && w.size() - b - 1 == 2) y += y < 50 ? 2000 : 1900;
    if (a > 2 || b - a - 1 > 2 || d < 1 || d > 31 || mo < 1 || mo > 12 || !PlausibleYear(y)) return kFail;
    f->day = d, f->month = mo, f->year = y;
    return t + 1;
  }
  if (Kind(t) != TokenKind::kNumber) return kFail;
  // "20 02 2014", "le 20 02 14", "le 17 02": numbers apart, the day and
  // month of two digits at most and a year of four (or of two, after a
  // two-digit month); not inside a longer run of numbers (a telephone
  // number), and without a year only after "le" and with a two-digit month.
  if (t + 1 < end_ && Kind(t + 1) == TokenKind::kNumber && W(t).size() <= 2 && W(t + 1).size() <= 2 &&
      !(t > begin_ && Kind(t - 1) == TokenKind::kNumber)) {
    int d = Digits(W(t)), mo = Digits(W(t + 1));
    bool two_digit_month = W(t + 1).size() == 2;
    uint32_t after = t + 2;
    int y = -1;
    if (after < end_ && Kind(after) == TokenKind::kNumber &&
        (W(after).size() == 4 || (W(after).size() == 2 && two_digit_month))) {
      y = Digits(W(after));
      if (W(after).size() == 2) y += y < 50 ? 2000 : 1900;
      ++after;
    }
    bool alone = !(after < end_ && Kind(after) == TokenKind::kNumber);
    bool dated = y >= 0 || (t > begin_ && Is(t - 1, "le") && two_digit_month);
    if (alone && dated && d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && (y < 0 || PlausibleYear(y))) {
      f->day = d, f->month = mo, f->year = y;
      return after;
    }
  }
  if (t + 2 < end_ && Is(t + 1, "/") && Kind(t + 2) == TokenKind::kNumber && W(t).size() <= 2 &&
      W(t + 2).size() <= 2 && !(Is(t + 3, "/"))) {
    // "17/02": a day and a month (not a fraction of three numbers)
    int d = Digits(W(t)), mo = Digits(W(t + 2));
    if (d < 1 || d > 31 || mo < 1 || mo > 12) return kFail;
    f->day = d, f->month = mo;
    return t + 3;
  }
  if (t + 4 >= end_) return kFail;
  std::string_view sep = W(t + 1);
  if ((sep != "/" && sep != "." && sep != "-") || W(t + 3) != sep) return kFail;
  int a = Digits(W(t)), b = Digits(W(t + 2)), c = Digits(W(t + 4));
  if (a < 0 || b < 0 || c < 0) return kFail;
  int day = a, month = b, year = c;
  if (sep == "-" && W(t).size() == 4) day = c, year = a;  // ISO order
  if (year < 100 && W(sep == "-" && W(t).size() == 4 ? t : t + 4).size() == 2) year += year < 50 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31 || !PlausibleYear(year)) return kFail;
  f->day = day, f->month = month, f->year = year;
  return t + 5;
}

uint32_t SentenceReader::CalendarDate(uint32_t t, TimeMeaning& m) {
  CalendarFields& f = m.fields;
  if (uint32_t stop = NumericDate(t, &f); stop != kFail) {
    m.granularity = Unit::kDay;
    return stop;
  }
  if (uint32_t stop = DayMonth(t, &f, false); stop != kFail) {
    m.granularity = Unit::kDay;
    return stop;
  }
  f = {};
  int month, year;
  // (After a number the month had a day, one that does not exist: "le
  // 31 février", "le 99 janvier" are no dates at all.)
  if (uint32_t stop = Month(t, &month); stop != kFail && !(t > begin_ && Kind(t - 1) == TokenKind::kNumber)) {
    // A month alone must be said to be one: "en mars", "mars 2022",
    // "mars dernier"; "mars" alone may be the planet, "Mai" a name.
    // ("de" only after a word of time: "le mois de mars", "début de
    // mars"; "autour de mars" is the planet.)
    bool cue = t > begin_ && IsAny(t - 1, {"en", "depuis", "dès", "courant", "fin", "début", "mi",
                                          "jusqu'en", "avant", "après", "vers", "mois"});
    if (!cue && t > begin_ + 1 && IsAny(t - 1, {"de", "d'"})) {
      cue = IsAny(t - 2, {"mois", "début", "fin", "milieu", "courant", "mi"});
    }
    f.month = month;
    m.granularity = Unit::kMonth;
    if (uint32_t y = Year(stop, &year); y != kFail) {
      f.year = year;
      return y;
    }
    if (IsAny(stop, {"dernier", "prochain", "passé"})) {
      m.direction = Is(stop, "prochain") ? 1 : -1;
      return stop + 1;
    }
    if (!cue) {
      f = {};
      return kFail;
    }
    return stop;
  }
  if (uint32_t stop = Year(t, &year); stop != kFail) {
    bool cue = t > begin_ &&
               (IsAny(t - 1, {"en", "de", "depuis", "dès", "jusqu'en", "avant", "après", "pour",
                              "an", "année", "vers", "fin", "début", "mi", "courant", "et", "à",
                              "entre", "ou", "printemps", "été", "automne", "hiver", "d'ici",
                              "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                              "août", "septembre", "octobre", "novembre", "décembre", "l'an",
                              "l'année", "au"}));
    // ("le 31 février 2022": the year of a day that does not exist.)
    if (!cue || (t > begin_ + 1 && MonthNumber(W(t - 1)) > 0 && Kind(t - 2) == TokenKind::kNumber)) {
      return kFail;
    }
    f.year = year;
    m.granularity = Unit::kYear;
    return stop;
  }
  // Seasons: "printemps 2022", "au printemps", "l'été dernier", "cet hiver"
  if (std::string_view season = Season(W(t)); !season.empty()) {
    f.season = season;
    m.granularity = Unit::kSeason;
    uint32_t u = t + 1;
    if (uint32_t y = Year(u, &year); y != kFail) {
      f.year = year;
      return y;
    }
    if (IsAny(u, {"dernier", "prochain"})) {
      m.direction = Is(u, "prochain") ? 1 : -1;
      m.reference = Reference::kSpeech;
      return u + 1;
    }
    bool cue = t > begin_ && IsAny(t - 1, {"au", "en", "cet", "cette", "l'", "ce", "d'", "de", "du"});
    if (!cue) {
      f = {};
      return kFail;
    }
    m.reference = Reference::kSpeech;
    return u;
  }
  // "le premier trimestre 2022", "au deuxième semestre 2021"
  {
    static constexpr std::pair<std::string_view, int> kOrdinals[] = {
        {"premier", 1}, {"1er", 1}, {"deuxième", 2}, {"second", 2}, {"2e", 2}, {"2ème", 2},
        {"troisième", 3}, {"3e", 3}, {"3ème", 3}, {"quatrième", 4}, {"4e", 4}, {"4ème", 4}};
    int n = 0;
    for (const auto& [word, value] : kOrdinals) {
      if (W(t) == word) n = value;
    }
    bool quarter = Is(t + 1, "trimestre"), half = Is(t + 1, "semestre");
    if (n > 0 && (quarter || (half && n <= 2))) {
      f.quarter = quarter ? n : -1;
      f.season = half ? (n == 1 ? std::string_view("H1") : std::string_view("H2")) : std::string_view();
      m.granularity = quarter ? Unit::kQuarter : Unit::kSeason;
      return YearOr(t + 2, t + 2, f);
    }
  }
  // "2014-2018" is one token: a range of years
  if (Kind(t) == TokenKind::kWord && W(t).size() == 9 && W(t)[4] == '-') {
    int a = Digits(W(t).substr(0, 4)), b = Digits(W(t).substr(5));
    if (PlausibleYear(a) && PlausibleYear(b) && a < b) {
      f.year = a;
      m.until = CalendarFields{};
      m.until->year = b;
      m.granularity = Unit::kYear;
      return t + 1;
    }
  }
  // "la première semaine d'octobre 2014", "le dernier jour de mars", "le
  // premier week-end de septembre", "le deuxième jour d'août"
  {
    uint32_t u = IsAny(t, {"la", "le"}) ? t + 1 : t;
    static constexpr std::pair<std::string_view, int> kNth[] = {
        {"premier", 1}, {"première", 1}, {"premiere", 1}, {"1er", 1}, {"1re", 1}, {"deuxième", 2},
        {"second", 2}, {"seconde", 2}, {"2e", 2}, {"troisième", 3}, {"3e", 3}, {"3eme", 3},
        {"quatrième", 4}, {"4e", 4}, {"dernier", -1}, {"dernière", -1}, {"derniere", -1}};
    int nth = 0;
    for (const auto& [word, value] : kNth) {
      if (W(u) == word) nth = value;
    }
    Unit unit = Is(u + 1, "semaine") ? Unit::kWeek : Is(u + 1, "jour") ? Unit::kDay
                : Is(u + 1, "week-end") ? Unit::kWeek : Unit::kNone;
    // "le premier mercredi du mois prochain", "le dernier lundi de mai"
    int nth_weekday = WeekdayNumber(W(u + 1));
    if (nth_weekday > 0 && W(u + 1).back() != 's') {
      unit = Unit::kDay;
      f.weekday = nth_weekday;
    }
    uint32_t of = u + 2;
    if (nth != 0 && unit != Unit::kNone && IsAny(of, {"de", "d'", "du"})) {
      if ((Is(of, "du") || Is(of, "de")) && Is(of + 1, "mois")) {
        // "le premier jour du mois": the month of writing
        m.reference = Reference::kSpeech;
        m.shift_unit = Unit::kMonth;
        m.nth = nth;
        m.nth_unit = unit;
        if (Is(u + 1, "week-end")) f.part = "WE";
        m.granularity = unit;
        uint32_t stop = of + 2;
        if (IsAny(stop, {"prochain", "dernier"})) m.shift = Is(stop, "prochain") ? 1 : -1, ++stop;
        return stop;
      }
      int mo;
      if (uint32_t after = Month(of + 1, &mo); after != kFail) {
        f.month = mo;
        m.nth = nth;
        m.nth_unit = unit;
        if (Is(u + 1, "week-end")) f.part = "WE";
        m.granularity = unit;
        return YearOr(after, after, f);
      }
    }
  }
  // "la première quinzaine d'avril", "la seconde quinzaine de mars": the
  // month's first or second half, as TIMEX3 writes it (START, END)
  {
    uint32_t u = Is(t, "la") ? t + 1 : t;
    bool first_half = IsAny(u, {"première", "premiere", "1re"}), second_half = IsAny(u, {"deuxième", "seconde", "2e"});
    int mo;
    if ((first_half || second_half) && Is(u + 1, "quinzaine") && IsAny(u + 2, {"de", "d'"})) {
      if (uint32_t after = Month(u + 3, &mo); after != kFail) {
        f.month = mo;
        m.granularity = Unit::kMonth;
        m.mod = first_half ? "START" : "END";
        return YearOr(after, after, f);
      }
    }
  }
  // Easter and the feasts that follow it: "Pâques", "le lundi de Pâques",
  // "l'Ascension", "la Pentecôte"
  {
    uint32_t u = t;
    int days = -1000;
    if (Is(u, "lundi") && Is(u + 1, "de") && IsAny(u + 2, {"pâques", "paques"})) days = 1, u += 3;
    else if (IsAny(u, {"pâques", "paques"})) days = 0, ++u;
    else if (Is(u, "ascension") && t > begin_ && IsAny(t - 1, {"l'", "de"})) days = 39, ++u;
    else if (IsAny(u, {"pentecôte", "pentecote"})) days = 49, ++u;
    if (days != -1000) {
      m.easter = days;
      m.granularity = Unit::kDay;
      return YearOr(u, u, f);
    }
  }
  // Holidays of a fixed date: "Noël", "la Toussaint", "le jour de l'an".
  int day = 0, month_of_holiday = 0;
  if (uint32_t after = Holiday(t, &month_of_holiday, &day); after != kFail) {
    f.month = month_of_holiday;
    f.day = day;
    m.granularity = Unit::kDay;
    return YearOr(after, after, f);
  }
  // Decades: "les années 1990", "les années 90", "années 1980"
  if (Is(t, "années") && t + 1 < end_ && (Kind(t + 1) == TokenKind::kNumber || NumberWord(W(t + 1)) >= 10)) {
    // "les années 1990", "les années 90", "les années quatre-vingt-dix"
    int n = Kind(t + 1) == TokenKind::kNumber ? Digits(W(t + 1)) : NumberWord(W(t + 1));
    if (Kind(t + 1) != TokenKind::kNumber && n >= 10 && n < 100 && n % 10 == 0) n += 1900;
    if (n >= 0 && n < 100 && n % 10 == 0 && W(t + 1).size() == 2) n += 1900;
    if (PlausibleYear(n) && n % 10 == 0) {
      f.decade = n / 10;
      m.granularity = Unit::kDecade;
      return t + 2;
    }
  }
  // Centuries: "XXe siècle", "20e siècle"
  if (int c = CenturyOrdinal(W(t)); c > 0 && Is(t + 1, "siècle")) {
    f.century = c - 1;
    m.granularity = Unit::kCentury;
    return t + 2;
  }
  return kFail;
}

uint32_t SentenceReader::Holiday(uint32_t t, int* month, int* day) const {
  uint32_t u = t;
  if ((Is(u, "jour") || Is(u, "journée")) && IsAny(u + 1, {"de", "du"})) u += 2;
  if (Is(u, "la") || Is(u, "le")) ++u;
  std::string_view w = W(u);
  struct Fixed {
    std::string_view word;
    int month, day;
  };
  static constexpr Fixed kHolidays[] = {{"noël", 12, 25},       {"noel", 12, 25},
                                        {"toussaint", 11, 1},   {"saint-sylvestre", 12, 31},
                                        {"armistice", 11, 11},  {"14-juillet", 7, 14},
                                        {"saint-valentin", 2, 14}};
  for (const Fixed& h : kHolidays) {
    if (w == h.word) {
      *month = h.month, *day = h.day;
      return u + 1;
    }
  }
  // "le jour de l'an", "le nouvel an", "la fête du travail", "la fête nationale"
  if ((Is(t, "jour") && Is(t + 1, "de") && Is(t + 2, "l'") && Is(t + 3, "an")) ||
      (Is(t, "nouvel") && Is(t + 1, "an"))) {
    *month = 1, *day = 1;
    return Is(t, "jour") ? t + 4 : t + 2;
  }
  if (Is(t, "fête") && Is(t + 1, "du") && Is(t + 2, "travail")) {
    *month = 5, *day = 1;
    return t + 3;
  }
  if (Is(t, "fête") && Is(t + 1, "nationale")) {
    *month = 7, *day = 14;
    return t + 2;
  }
  return kFail;
}

uint32_t SentenceReader::WeekOf(uint32_t t, TimeMeaning& m) {
  if (!(Is(t, "la") && Is(t + 1, "semaine") && Is(t + 2, "du"))) return kFail;
  uint32_t stop = DayMonth(t + 3, &m.fields, false);
  list_.clear();
  if (stop == kFail && Kind(t + 3) == TokenKind::kNumber && DayOfMonth(W(t + 3)) > 0 &&
      UnitOf(W(t + 4)) == Unit::kNone) {
    m.fields.day = DayOfMonth(W(t + 3));  // "la semaine du 18": of this month
    stop = t + 4;
  }
  if (stop == kFail) return kFail;
  m.granularity = Unit::kWeek;
  return stop;
}

uint32_t SentenceReader::Modified(uint32_t t, TimeMeaning& m) {
  uint32_t u = t;
  std::string_view mod;
  if (IsAny(u, {"au", "dès", "en", "à", "vers"})) {
    uint32_t v = u + 1;
    if (Is(v, "la")) ++v;
    if (Is(v, "début") || Is(v, "milieu") || Is(v, "fin") || Is(v, "mi")) u = v;
  } else if (Is(u, "à") && Is(u + 1, "la")) {
    u += 2;
  }
  if (Is(u, "début")) mod = "START";
  if (Is(u, "fin")) mod = "END";
  if (Is(u, "milieu") || Is(u, "mi")) mod = "MID";
  std::string_view w = W(u);
  uint32_t core;
  if (!mod.empty()) {
    core = u + 1;
    if (Is(core, "-")) ++core;  // "mi -décembre" split oddly
    if (IsAny(core, {"de", "d'", "du"})) ++core;
    // "fin du mois de mars": the month named
    if (Is(core, "mois") && IsAny(core + 1, {"de", "d'"}) && MonthNumber(W(core + 2)) > 0) core += 2;
    // "au début de la journée", "à la fin de l'après-midi"
    if (IsAny(core, {"la", "l'"}) && IsAny(core + 1, {"journée", "matinée", "soirée", "après-midi", "nuit"})) {
      ++core;
    }
    // "en fin de semaine", "à la fin du mois", "en fin d'année": the
    // week, month or year of writing.
    {
      uint32_t noun = IsAny(core, {"la", "le", "l'"}) ? core + 1 : core;
      Unit unit = Is(noun, "semaine") ? Unit::kWeek : Is(noun, "mois") ? Unit::kMonth
                  : (Is(noun, "année") && noun == core) ? Unit::kYear : Unit::kNone;
      if (unit != Unit::kNone && !Is(noun + 1, "dernière") && !Is(noun + 1, "prochaine") &&
          !Is(noun + 1, "dernier") && !Is(noun + 1, "prochain") && !Is(noun + 1, "de") && !Is(noun + 1, "d'")) {
        m.granularity = unit;
        m.reference = Reference::kSpeech;
        m.shift_unit = unit;
        m.mod = mod;
        return noun + 1;
      }
    }
    if (Is(core, "l'") && IsAny(core + 1, {"année", "an"})) {
      // "à la fin de l'année": the year of the story
      m.granularity = Unit::kYear;
      m.reference = Reference::kSpeech;
      m.mod = mod;
      uint32_t stop = core + 2;
      if (IsAny(stop, {"dernière", "passée", "prochaine"})) {
        m.shift_unit = Unit::kYear;
        m.shift = Is(stop, "prochaine") ? 1 : -1;
        ++stop;
      }
      return stop;
    }
    // "en fin de journée", "en début de soirée", "en fin d'après-midi"
    if (IsAny(core, {"journée", "matinée", "soirée", "après-midi", "nuit"})) {
      std::string_view part = Is(core, "journée") ? (mod == "END" ? "EV" : mod == "START" ? "MO" : "MI")
                                                  : PartOfDay(W(core));
      m.AtPartOfDay(part);
      m.reference = Reference::kStory;
      if (!Is(core, "journée")) m.mod = mod;
      return core + 1;
    }
  } else if (w.starts_with("mi-") && MonthNumber(w.substr(3)) > 0) {
    // "mi-décembre" is one word
    m.fields.month = MonthNumber(w.substr(3));
    m.granularity = Unit::kMonth;
    m.mod = "MID";
    return YearOr(u + 1, u + 1, m.fields);
  } else {
    return kFail;
  }
  uint32_t stop = CalendarDate(core, m);
  if (stop == kFail) {
    // "fin de demain", "en fin de dimanche", "début de la semaine prochaine"
    m = {};
    stop = FromNow(core, m);
    if (stop == kFail || m.span || m.now) {
      m = {};
      return kFail;
    }
  }
  m.mod = mod;
  return stop;
}

}  // namespace veille::time
