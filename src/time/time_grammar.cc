#include "time/time_grammar.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "time/time_words.h"

namespace veille::time {
namespace {

constexpr uint32_t kFail = 0;  // what a construction returns when it does not match

// Years a bare four-digit number may be, once a word around it says it is one.
bool PlausibleYear(int n) { return n >= 1000 && n <= 2200; }

// Reads the constructions of the grammar over one sentence. Each
// construction takes the token where it would start and returns the token
// after its last one, or kFail; it fills `m` only on success.
class SentenceReader {
 public:
  SentenceReader(const Article& a, const text::LowerTokens& lower, uint32_t begin, uint32_t end)
      : a_(a), lower_(lower), begin_(begin), end_(end) {}

  std::vector<TimeMatch> Read() {
    std::vector<TimeMatch> found;
    // Where a time word is: an expression starts at most four words
    // before one ("il y a trois jours", "dans la nuit du 6").
    std::vector<bool> near(end_ - begin_ + 1, false);
    for (uint32_t t = begin_; t < end_; ++t) {
      if (!TimeWord(W(t))) continue;
      for (uint32_t back = 0; back <= 4 && back <= t - begin_; ++back) near[t - back - begin_] = true;
    }
    for (uint32_t t = begin_; t < end_;) {
      if (!near[t - begin_]) {
        ++t;
        continue;
      }
      TimeMeaning m;
      uint32_t stop = Expression(t, m);
      if (stop == kFail) {
        ++t;
        continue;
      }
      // A list of days shares its month: "les 4 et 5 janvier" is two dates.
      if (list_.empty()) {
        found.push_back({t, stop, m});
      } else {
        for (size_t i = 0; i < list_.size(); ++i) {
          TimeMeaning day = m;
          day.fields.day = list_[i].second;
          uint32_t first = i == 0 ? t : list_[i].first;
          uint32_t last = i + 1 < list_.size() ? list_[i].first + 1 : stop;
          found.push_back({first, last, day, true});
        }
        list_.clear();
      }
      t = stop;
    }
    // (The sentence's tense is read once, not once per expression.)
    int tense = 2;
    for (TimeMatch& match : found) {
      if (match.meaning.direction != 0) continue;
      if (tense == 2) tense = Tense();
      match.meaning.direction = tense;
    }
    return found;
  }

 private:
  std::string_view W(uint32_t t) const { return t < end_ ? lower_[t] : std::string_view(); }
  bool Is(uint32_t t, std::string_view word) const { return W(t) == word; }
  bool IsAny(uint32_t t, std::initializer_list<std::string_view> words) const {
    std::string_view w = W(t);
    return t < end_ && std::find(words.begin(), words.end(), w) != words.end();
  }
  TokenKind Kind(uint32_t t) const { return a_.tokens[t].kind; }
  // Whether the word starts with a capital (its lower case differs there).
  bool Capitalised(uint32_t t) const {
    std::string_view text = a_.clean.View(a_.tokens[t].clean), low = W(t);
    return !text.empty() && !low.empty() && text.substr(0, 1) != low.substr(0, 1) &&
           !(static_cast<unsigned char>(text[0]) >= 0x80 && text.substr(0, 2) == low.substr(0, 2));
  }
  bool SentenceStart(uint32_t t) const {
    return t == begin_ || IsAny(t - 1, {"«", "\"", "“", "(", "-", "—", "–", ":"});
  }

  // A number in digits or in words ("trois", "vingt et un"); sets *value.
  uint32_t Number(uint32_t t, int* value) const {
    if (t >= end_) return kFail;
    if (Kind(t) == TokenKind::kNumber) {
      int n = Digits(W(t));
      if (n < 0) return kFail;
      *value = n;
      return t + 1;
    }
    int n = NumberWord(W(t));
    if (n < 0) return kFail;
    // "vingt et un", "trente et une"; "vingt quatre" written without its hyphen
    if (n >= 20 && n <= 60 && n % 10 == 0 && Is(t + 1, "et") && (Is(t + 2, "un") || Is(t + 2, "une"))) {
      *value = n + 1;
      return t + 3;
    }
    if (n >= 20 && n <= 60 && n % 10 == 0 && t + 1 < end_) {
      int units = NumberWord(W(t + 1));
      if (units >= 2 && units <= 9) {
        *value = n + units;
        return t + 2;
      }
    }
    *value = n;
    return t + 1;
  }

  uint32_t Year(uint32_t t, int* year) const {
    if (t >= end_ || Kind(t) != TokenKind::kNumber) return kFail;
    int n = Digits(W(t));
    if (!PlausibleYear(n)) return kFail;
    *year = n;
    return t + 1;
  }

  // A month name, lower case (or opening the sentence): "Mai" inside a
  // sentence is a name, not a month.
  uint32_t Month(uint32_t t, int* month) const {
    if (t >= end_) return kFail;
    int m = MonthNumber(W(t));
    if (m == 0) return kFail;
    // A capital inside a sentence makes a name ("Mai Tran"), unless a day
    // comes before or a year after: "le 5 Mai 2022".
    if (Capitalised(t) && !SentenceStart(t)) {
      bool day_before = t > begin_ && Kind(t - 1) == TokenKind::kNumber;
      int year;
      if (!day_before && Year(t + 1, &year) == kFail) return kFail;
    }
    *month = m;
    // "janv." is one token with its period; "janv" "." two.
    return Is(t + 1, ".") && W(t).size() <= 5 && W(t) != "mars" && W(t) != "mai" && W(t) != "juin"
               ? t + 2
               : t + 1;
  }

  // A clock time: "14h30", "14 h 30", "14 h", "14 heures 30", "14:30",
  // "midi", "minuit".
  uint32_t Clock(uint32_t t, int* hour, int* minute) const {
    if (Is(t, "midi") || Is(t, "minuit")) {
      *hour = Is(t, "midi") ? 12 : 0, *minute = 0;
      return Minutes(t + 1, hour, minute);
    }
    std::string_view w = W(t);
    // One token: "14h30", "8h", "14h00"
    if (size_t h = w.find('h'); h != std::string_view::npos && h > 0 && h <= 2) {
      int hh = Digits(w.substr(0, h)), mm = w.size() > h + 1 ? Digits(w.substr(h + 1)) : 0;
      if (hh >= 0 && hh <= 24 && mm >= 0 && mm <= 59 && w.size() - h - 1 <= 2) {
        *hour = hh, *minute = mm;
        // "15h passé de 15 minutes": minutes written after
        return w.size() == h + 1 ? Minutes(t + 1, hour, minute) : t + 1;
      }
      return kFail;
    }
    if (t >= end_) return kFail;
    int hh = -1;
    uint32_t u = t + 1;
    if (Kind(t) == TokenKind::kNumber) {
      hh = w.size() <= 2 ? Digits(w) : -1;
    } else if (IsAny(t + 1, {"heure", "heures"}) || (Is(t + 1, "et") && IsAny(t + 3, {"heure", "heures"}))) {
      // "quinze heures", "vingt et une heures"
      u = Number(t, &hh);
      if (u == kFail) return kFail;
    }
    if (hh < 0 || hh > 24) return kFail;
    if (Is(u, ":") && u + 1 < end_ && W(u + 1).size() == 2) {
      int mm = Digits(W(u + 1));
      if (mm < 0 || mm > 59) return kFail;
      *hour = hh, *minute = mm;
      return u + 2;
    }
    if (!IsAny(u, {"h", "heure", "heures", "h."})) return kFail;
    ++u;
    *hour = hh, *minute = 0;
    if (u < end_ && Kind(u) == TokenKind::kNumber && W(u).size() == 2) {
      int mm = Digits(W(u));
      if (mm >= 0 && mm <= 59) {
        *minute = mm;
        ++u;
        if (IsAny(u, {"minute", "minutes", "min"})) ++u;
      }
      return u;
    }
    return Minutes(u, hour, minute);
  }

  // The minutes after an hour in words: "et quart", "et demie", "moins
  // cinq", "moins le quart", "quinze", "trente", "trois quarts", "et
  // quinze minutes". `u` is the token after the hour; returns the token
  // after the minutes (u itself when there are none).
  uint32_t Minutes(uint32_t u, int* hour, int* minute) const {
    // "passé de quinze minutes", as Québec says it
    if (IsAny(u, {"passé", "passées", "passée"}) && Is(u + 1, "de")) {
      int n;
      uint32_t after = Number(u + 2, &n);
      if (after == kFail || n < 1 || n > 59 || !IsAny(after, {"minute", "minutes"})) return u;
      *minute = n;
      return after + 1;
    }
    if (Is(u, "et") && IsAny(u + 1, {"quart", "demie", "demi"})) {
      *minute = Is(u + 1, "quart") ? 15 : 30;
      return u + 2;
    }
    if (Is(u, "trois") && Is(u + 1, "quarts")) {
      *minute = 45;
      return u + 2;
    }
    if (Is(u, "moins")) {
      int n = 0;
      uint32_t after = kFail;
      if (Is(u + 1, "le") && Is(u + 2, "quart")) n = 15, after = u + 3;
      else if (Is(u + 1, "quart")) n = 15, after = u + 2;
      else after = Number(u + 1, &n);
      if (after == kFail || n < 1 || n > 59) return u;
      if (IsAny(after, {"minute", "minutes"})) ++after;
      *minute = 60 - n;
      *hour = (*hour + 23) % 24;
      return after;
    }
    uint32_t v = Is(u, "et") ? u + 1 : u;
    if (Kind(v) != TokenKind::kWord) return u;
    int n;
    uint32_t after = Number(v, &n);
    if (after == kFail || n < 1 || n > 59) return u;
    if (IsAny(after, {"minute", "minutes"})) ++after;
    else if (v != u) return u;  // "et dix" needs its "minutes"
    *minute = n;
    return after;
  }

  // "du matin", "du soir", "de l'après-midi" after a clock time.
  uint32_t ClockPart(uint32_t t, int* hour) const {
    if (Is(t, "du") && IsAny(t + 1, {"matin", "mat"})) return t + 2;
    if ((Is(t, "du") && Is(t + 1, "soir")) ||
        (Is(t, "de") && Is(t + 1, "l'") && Is(t + 2, "après-midi"))) {
      if (*hour < 12) *hour += 12;
      return Is(t, "du") ? t + 2 : t + 3;
    }
    // "8 h 20 dans la soirée", "4 h dans l'après-midi"
    if (Is(t, "dans") && IsAny(t + 1, {"la", "l'"}) && IsAny(t + 2, {"soirée", "soiree", "après-midi", "apres-midi"})) {
      if (*hour < 12) *hour += 12;
      return t + 3;
    }
    return t;
  }

  // A time of day after a date or alone: "à 14 h 30", "vers midi".
  uint32_t TimeOfDay(uint32_t t, CalendarFields* f) const {
    uint32_t u = t;
    if (Is(u, "à") && Is(u + 1, "partir") && Is(u + 2, "de")) u += 3;
    else if (Is(u, "aux") && Is(u + 1, "alentours") && Is(u + 2, "de")) u += 3;
    else if (Is(u, "autour") && Is(u + 1, "de")) u += 2;
    else if (IsAny(u, {"à", "vers", "dès", "avant", "après", "jusqu'à", "environ"})) ++u;
    if (Is(u, "environ")) ++u;
    int hour, minute;
    uint32_t stop = Clock(u, &hour, &minute);
    if (stop == kFail) return kFail;
    uint32_t part = ClockPart(stop, &hour);
    // A bare "14 h" needs its preposition, a part of the day or minutes;
    // "8 heures" alone is a duration.
    if (u == t && part == stop && !(W(t).find('h') != std::string_view::npos && Kind(t) == TokenKind::kWord) &&
        W(t) != "midi" && W(t) != "minuit" && !Is(t + 1, ":") && stop <= t + 2) {
      return kFail;
    }
    stop = part;
    f->hour = hour;
    f->minute = minute;
    return stop;
  }

  // A weekday abbreviated with its period, "lun." … "dim." (never "sa" or
  // "je" alone, which are words of their own); 0 otherwise.
  int ShortWeekday(uint32_t t) const {
    if (!Is(t + 1, ".")) return 0;
    static constexpr std::string_view kShort[] = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
    for (int i = 0; i < 7; ++i) {
      if (W(t) == kShort[i]) return i + 1;
    }
    return 0;
  }

  // Days and months: "5 janvier 2022", "lundi 3 janvier", "1er mai",
  // "le 5", "les 4 et 5 janvier". A list fills list_.
  uint32_t DayMonth(uint32_t t, CalendarFields* f, bool need_month) {
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

  // "05/01/2022", "5.1.2022", "2022-01-05", "17/02": day first, as in
  // France; a two-digit year is of this century below 50.
  uint32_t NumericDate(uint32_t t, CalendarFields* f) const {
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

  // The core of most expressions: a calendar date (days, months, years,
  // seasons, decades, centuries), with what the words fix.
  uint32_t CalendarDate(uint32_t t, TimeMeaning& m) {
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
        if (uint32_t y = Year(t + 2, &year); y != kFail) {
          f.year = year;
          return y;
        }
        return t + 2;
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
          if (uint32_t y = Year(after, &year); y != kFail) {
            f.year = year;
            return y;
          }
          return after;
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
          if (uint32_t y = Year(after, &year); y != kFail) {
            f.year = year;
            return y;
          }
          return after;
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
        if (uint32_t y = Year(u, &year); y != kFail) {
          f.year = year;
          return y;
        }
        return u;
      }
    }
    // Holidays of a fixed date: "Noël", "la Toussaint", "le jour de l'an".
    int day = 0, month_of_holiday = 0;
    if (uint32_t after = Holiday(t, &month_of_holiday, &day); after != kFail) {
      f.month = month_of_holiday;
      f.day = day;
      m.granularity = Unit::kDay;
      if (uint32_t y = Year(after, &year); y != kFail) {
        f.year = year;
        return y;
      }
      return after;
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

  // A holiday of a fixed date; sets *month and *day.
  uint32_t Holiday(uint32_t t, int* month, int* day) const {
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

  // "la semaine du 6 octobre": the week that day is in.
  uint32_t WeekOf(uint32_t t, TimeMeaning& m) {
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

  // "début 2022", "au début de 2022", "fin janvier", "mi-décembre", "à la
  // fin de l'année", "en début de soirée": START, MID, END around a date.
  uint32_t Modified(uint32_t t, TimeMeaning& m) {
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
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        m.reference = Reference::kStory;
        if (!Is(core, "journée")) m.mod = mod;
        return core + 1;
      }
    } else if (w.starts_with("mi-") && MonthNumber(w.substr(3)) > 0) {
      // "mi-décembre" is one word
      m.fields.month = MonthNumber(w.substr(3));
      m.granularity = Unit::kMonth;
      m.mod = "MID";
      int year;
      if (uint32_t y = Year(u + 1, &year); y != kFail) {
        m.fields.year = year;
        return y;
      }
      return u + 1;
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

  // Words that count from the moment of writing: "hier", "demain soir",
  // "ce matin", "la semaine dernière", "il y a trois jours", "dans deux
  // semaines", "lundi dernier", "cette année".
  uint32_t FromNow(uint32_t t, TimeMeaning& m) {
    m.reference = Reference::kSpeech;
    m.granularity = Unit::kDay;
    m.shift_unit = Unit::kDay;
    std::string_view w = W(t);
    int shift = w == "aujourd'hui" ? 0 : w == "hier" ? -1 : w == "avant-hier" ? -2 : w == "demain" ? 1
                : w == "après-demain" ? 2 : 99;
    if (shift != 99) {
      m.shift = shift;
      uint32_t stop = t + 1;
      if (std::string_view part = PartOfDay(W(stop)); !part.empty()) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        ++stop;
      }
      return stop;
    }
    // "ce matin", "ce soir", "cette nuit", "cet après-midi"
    if (IsAny(t, {"ce", "cet", "cette"})) {
      std::string_view part = PartOfDay(W(t + 1));
      if (!part.empty() && !Is(t + 2, "-là") && !Is(t + 2, "là")) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        m.shift = 0;
        return t + 2;
      }
      if (Is(t + 1, "jour") && !Is(t + 2, "-là") && !Is(t + 2, "là")) {  // "ce jour": today
        m.shift = 0;
        return t + 2;
      }
      Unit unit = UnitOf(W(t + 1));
      if (unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear || Is(t + 1, "week-end")) {
        if (Is(t + 2, "-là") || Is(t + 2, "là")) return kFail;  // "cette année-là": the story's
        m.shift_unit = unit == Unit::kNone ? Unit::kWeek : unit;
        m.granularity = m.shift_unit;
        if (Is(t + 1, "week-end")) m.fields.part = "WE";
        m.shift = 0;
        uint32_t stop = t + 2;
        if (Is(stop, "-ci")) ++stop;
        return stop;
      }
    }
    // "la semaine dernière", "le mois prochain", "l'an passé", "l'année dernière"
    {
      uint32_t u = t;
      if (IsAny(u, {"la", "le", "l'"})) ++u;
      Unit unit = Is(u, "week-end") ? Unit::kWeek : UnitOf(W(u));
      if (u > t && (unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) &&
          !Is(u, "années") && !Is(u, "ans")) {
        if (Is(u, "week-end")) m.fields.part = "WE";
        std::string_view next = W(u + 1);
        int dir = next == "dernier" || next == "dernière" || next == "derniere" || next == "passé" ||
                          next == "passée" || next == "passee"
                      ? -1
                  : next == "prochain" || next == "prochaine" ? 1
                                                              : 0;
        if (dir != 0) {
          m.shift_unit = unit;
          m.granularity = unit;
          m.shift = dir;
          return u + 2;
        }
      }
    }
    // "il y a trois jours", "dans deux semaines", "d'ici deux ans"
    {
      uint32_t u = kFail;
      int sign = 0;
      if (Is(t, "il") && Is(t + 1, "y") && Is(t + 2, "a")) u = t + 3, sign = -1;
      if (Is(t, "dans") || (Is(t, "d'") && Is(t + 1, "ici"))) u = Is(t, "dans") ? t + 1 : t + 2, sign = 1;
      int n;
      if (u != kFail) {
        uint32_t after = Number(u, &n);
        if (after == kFail && IsAny(u, {"quelques", "plusieurs"})) {
          after = u + 1;
          n = -1;
        }
        if (after != kFail && UnitOf(W(after)) != Unit::kNone) {
          Unit unit = UnitOf(W(after));
          if (n == -1) {
            // "il y a quelques jours": some days ago, no count to move by
            m.type = TimeType::kDate;
            m.shift_unit = unit;
            m.shift = 0;
            m.granularity = unit;
            m.mod = sign < 0 ? "BEFORE" : "AFTER";
            return after + 1;
          }
          m.shift_unit = unit;
          m.shift = sign * n;
          m.granularity = unit;
          if (unit == Unit::kHour || unit == Unit::kMinute || unit == Unit::kSecond) m.type = TimeType::kTime;
          return after + 1;
        }
      }
    }
    // "les trois derniers mois", "des 5 dernières années", "les 2 prochains
    // jours", "2 semaines passées", "3 jours suivants"
    {
      uint32_t u = IsAny(t, {"les", "des", "ces"}) ? t + 1 : t;
      int n;
      uint32_t after = Number(u, &n);
      if (after != kFail && n > 0 && n < 1000) {
        int sign = 0;
        uint32_t unit_at = after;
        if (IsAny(after, {"derniers", "dernières", "dernieres", "dernier", "passés", "passées"})) sign = -1, ++unit_at;
        else if (IsAny(after, {"prochains", "prochaines"})) sign = 1, ++unit_at;
        Unit unit = UnitOf(W(unit_at));
        uint32_t stop = unit_at + 1;
        if (sign == 0 && unit != Unit::kNone) {
          if (IsAny(stop, {"passés", "passées", "derniers", "dernières"})) sign = -1, ++stop;
          else if (IsAny(stop, {"suivants", "suivantes", "suivant", "prochains", "prochaines"})) sign = 1, ++stop;
          else if (Is(stop, "à") && Is(stop + 1, "venir")) sign = 1, stop += 2;
        }
        if (sign != 0 && unit != Unit::kNone && unit >= Unit::kSecond && unit <= Unit::kYear &&
            unit != Unit::kPartOfDay && unit != Unit::kSeason) {
          m.shift_unit = unit;
          m.granularity = unit;
          m.shift = sign * n;
          m.span = true;
          if (unit < Unit::kDay) m.type = TimeType::kTime;
          return stop;
        }
      }
    }
    // "maintenant", "en ce moment", "à présent", "actuellement": now
    if (Is(t, "maintenant") || Is(t, "actuellement") || (Is(t, "en") && Is(t + 1, "ce") && Is(t + 2, "moment")) ||
        (Is(t, "à") && Is(t + 1, "présent")) || (Is(t, "tout") && Is(t + 1, "de") && Is(t + 2, "suite"))) {
      m.now = true;
      return Is(t, "en") || Is(t, "tout") ? t + 3 : Is(t, "à") ? t + 2 : t + 1;
    }
    // Quarters and halves: "ce trimestre", "le trimestre prochain", "le
    // prochain trimestre"
    {
      uint32_t u = IsAny(t, {"ce", "le"}) ? t + 1 : t;
      int dir = 0;
      if (u > t && IsAny(u, {"prochain", "dernier"})) dir = Is(u, "prochain") ? 1 : -1, ++u;
      if (u > t && Is(u, "trimestre")) {
        uint32_t stop = u + 1;
        if (dir == 0 && IsAny(stop, {"prochain", "dernier", "précédent", "suivant"})) {
          dir = IsAny(stop, {"prochain", "suivant"}) ? 1 : -1;
          ++stop;
        }
        if (dir != 0 || Is(t, "ce")) {
          m.shift_unit = Unit::kQuarter;
          m.granularity = Unit::kQuarter;
          m.shift = dir;
          return stop;
        }
      }
    }
    // "lundi dernier", "ce lundi", "lundi prochain", "lundi soir", "lundi"
    {
      uint32_t u = t;
      bool ce = IsAny(u, {"ce", "cette"});  // ("cette dimanche", as typed)
      if (ce) ++u;
      int wd = WeekdayNumber(W(u));
      // "lun.", "mer.": abbreviations only with their period ("sa", "je"
      // are words of their own).
      // (An abbreviation alone, "mer.", may be the sea: only before a day.)
      bool abbreviated = false;
      if (wd > 0 && W(u).back() != 's') {
        m.fields.weekday = wd;
        m.shift = 0;
        m.shift_unit = Unit::kNone;
        uint32_t stop = abbreviated ? u + 2 : u + 1;
        if (IsAny(stop, {"dernier", "passé"})) m.direction = -1, ++stop;
        else if (Is(stop, "prochain")) m.direction = 1, ++stop;
        // "lundi de la semaine prochaine", "mardi cette semaine",
        // "dimanche de la semaine dernière"
        {
          uint32_t w = Is(stop, "de") ? stop + 1 : stop;
          if (Is(w, "cette") && Is(w + 1, "semaine")) {
            m.of_week = true;
            m.shift = 0;
            stop = w + 2;
          } else if (Is(w, "la") && Is(w + 1, "semaine")) {
            uint32_t next = w + 2;
            int dir = IsAny(next, {"prochaine", "suivante"}) ? 1
                      : IsAny(next, {"dernière", "derniere", "passée", "précédente"}) ? -1
                      : (Is(next, "d'") && Is(next + 1, "après")) ? 1
                                                                   : 0;
            if (dir != 0) {
              m.of_week = true;
              m.shift = dir;
              stop = Is(next, "d'") ? next + 2 : next + 1;
            }
          }
        }
        // "lundi en huit", "lundi en quinze": a week or two after the next one
        if (Is(stop, "en") && IsAny(stop + 1, {"huit", "8", "quinze", "15"})) {
          m.direction = 1;
          m.shift_unit = Unit::kWeek;
          m.shift = IsAny(stop + 1, {"huit", "8"}) ? 1 : 2;
          stop += 2;
        }
        if (std::string_view part = PartOfDay(W(stop)); !part.empty()) {
          m.type = TimeType::kTime;
          m.fields.part = part;
          m.granularity = Unit::kPartOfDay;
          ++stop;
        }
        return stop;
      }
    }
    m = {};
    return kFail;
  }

  // Words that count from the story's last date: "le lendemain", "la
  // veille", "la même nuit", "le même jour", "ce jour-là", "le soir même",
  // "trois jours plus tard".
  uint32_t FromStory(uint32_t t, TimeMeaning& m) {
    m.reference = Reference::kStory;
    m.shift_unit = Unit::kDay;
    m.granularity = Unit::kDay;
    uint32_t u = t;
    if (IsAny(u, {"le", "la", "l'"})) ++u;
    std::string_view w = W(u);
    int shift = w == "lendemain" ? 1 : w == "veille" ? -1 : w == "surlendemain" ? 2 : w == "avant-veille" ? -2 : 99;
    // "le jour suivant", "le jour d'après", "le jour précédent"
    if (shift == 99 && Is(u, "jour")) {
      uint32_t v = u + 1;
      if (Is(v, "d'")) ++v;  // "d'après": the elision is a token of its own
      if (IsAny(v, {"suivant", "après"})) shift = 1;
      if (IsAny(v, {"précédent", "avant"})) shift = -1;
      if (shift != 99) u = v;
    }
    if (shift != 99 && u > t) {
      m.shift = shift;
      uint32_t stop = u + 1;
      // "le lendemain du 13 février": counted from that day
      if (IsAny(stop, {"du", "de"})) {
        CalendarFields day;
        uint32_t after = DayMonth(stop + 1, &day, true);
        list_.clear();
        if (after != kFail) {
          m.fields = day;
          m.reference = Reference::kNone;
          m.shift_unit = Unit::kDay;
          return after;
        }
      }
      if (std::string_view part = PartOfDay(W(stop)); !part.empty()) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        ++stop;
      }
      return stop;
    }
    if (Is(t, "dans") && Is(t + 1, "la") && Is(t + 2, "journée")) return t + 3;
    if (Is(t, "dans") && Is(t + 1, "la") && Is(t + 2, "semaine") && !Is(t + 3, "de") && !Is(t + 3, "du")) {
      m.shift_unit = Unit::kWeek;
      m.granularity = Unit::kWeek;
      return t + 3;
    }
    // "le même jour", "la même nuit", "la même année"
    if (u > t && Is(u, "même")) {
      std::string_view noun = W(u + 1);
      if (noun == "jour" || noun == "journée") return u + 2;
      if (std::string_view part = PartOfDay(noun); !part.empty()) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        return u + 2;
      }
      Unit unit = UnitOf(noun);
      if (unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) {
        m.shift_unit = unit;
        m.granularity = unit;
        return u + 2;
      }
    }
    // "ce jour-là", "cette nuit-là", "ce soir-là", "cette année-là"
    if (IsAny(t, {"ce", "cet", "cette"}) && (Is(t + 2, "-là") || Is(t + 2, "là") ||
                                             W(t + 1).ends_with("-là"))) {
      std::string_view noun = W(t + 1);
      if (noun.ends_with("-là")) noun.remove_suffix(4);
      uint32_t stop = W(t + 1).ends_with("-là") ? t + 2 : t + 3;
      if (noun == "jour") return stop;
      if (std::string_view part = PartOfDay(noun); !part.empty()) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        return stop;
      }
      Unit unit = UnitOf(noun);
      if (unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) {
        m.shift_unit = unit;
        m.granularity = unit;
        return stop;
      }
    }
    // "le jour même", "le soir même"
    if (Is(t, "le") && Is(t + 2, "même")) {
      if (Is(t + 1, "jour")) return t + 3;
      if (std::string_view part = PartOfDay(W(t + 1)); !part.empty()) {
        m.type = TimeType::kTime;
        m.fields.part = part;
        m.granularity = Unit::kPartOfDay;
        return t + 3;
      }
    }
    // "trois jours plus tard", "deux semaines après", "la semaine suivante"
    int n;
    if (uint32_t after = Number(t, &n); after != kFail) {
      Unit unit = UnitOf(W(after));
      if (unit != Unit::kNone && unit >= Unit::kDay && unit <= Unit::kYear) {
        uint32_t v = after + 1;
        int sign = 0;
        if (Is(v, "plus") && Is(v + 1, "tard")) sign = 1, v += 2;
        else if (Is(v, "plus") && Is(v + 1, "tôt")) sign = -1, v += 2;
        else if (IsAny(v, {"après"}) && !(v + 1 < end_ && (Kind(v + 1) == TokenKind::kNumber || IsAny(v + 1, {"le", "la", "les", "l'", "sa", "son"})))) sign = 1, v += 1;
        else if (IsAny(v, {"auparavant", "avant"}) && !(v + 1 < end_ && (Kind(v + 1) == TokenKind::kNumber || IsAny(v + 1, {"le", "la", "les", "l'", "sa", "son"})))) sign = -1, v += 1;
        if (sign != 0) {
          m.shift_unit = unit;
          m.shift = sign * n;
          m.granularity = unit;
          return v;
        }
      }
    }
    if (IsAny(t, {"la", "le", "l'"}) && Is(t + 2, "qui") && IsAny(t + 3, {"suit", "a", "précède"})) {
      // "la semaine qui suit", "le mois qui a suivi", "l'année qui précède"
      Unit unit = UnitOf(W(t + 1));
      uint32_t verb = Is(t + 3, "a") ? t + 4 : t + 3;
      if ((unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) &&
          IsAny(verb, {"suit", "suivi", "précède", "précédé"})) {
        m.shift_unit = unit;
        m.granularity = unit;
        m.shift = W(verb).starts_with("suiv") || W(verb) == "suit" ? 1 : -1;
        return verb + 1;
      }
    }
    if (IsAny(t, {"la", "le", "l'"})) {
      Unit unit = UnitOf(W(t + 1));
      if ((unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) &&
          IsAny(t + 2, {"suivante", "suivant", "précédente", "précédent"})) {
        m.shift_unit = unit;
        m.granularity = unit;
        m.shift = W(t + 2).starts_with("suiv") ? 1 : -1;
        return t + 3;
      }
    }
    m = {};
    return kFail;
  }

  // "le matin du 5 janvier", "dans la nuit du 6 janvier", "dans la nuit
  // de vendredi à samedi", "le 5 janvier au soir"; "dans la soirée" alone
  // is the story's day.
  uint32_t PartOfDayOf(uint32_t t, TimeMeaning& m) {
    uint32_t u = t;
    if (Is(u, "très") && Is(u + 1, "tôt")) u += 2;
    else if (Is(u, "tôt")) ++u;
    bool preposition = IsAny(u, {"dans", "en", "durant", "pendant", "dès"});
    if (preposition) ++u;
    bool determiner = IsAny(u, {"le", "la", "l'"});
    if (determiner) ++u;
    std::string_view part = PartOfDay(W(u));
    if (part.empty()) return kFail;
    uint32_t v = u + 1;
    // "matinée du 15 février" has no determiner; "matin" alone is no time.
    if (!determiner && !(Is(t, "en") && u == t + 1) && !IsAny(v, {"du", "de"})) return kFail;
    u = determiner ? u - 1 : u;
    if (IsAny(v, {"du", "de"})) {
      TimeMeaning date;
      uint32_t stop = Is(v, "du") ? DayMonth(v + 1, &date.fields, false) : kFail;
      if (stop == kFail && Is(v, "de")) {
        // "de vendredi à samedi": the night that starts on Friday
        int wd = WeekdayNumber(W(v + 1));
        if (wd > 0 && Is(v + 2, "à") && WeekdayNumber(W(v + 3)) > 0) {
          TimeMeaning weekday;
          FromNow(v + 1, weekday);
          m = weekday;
          m.type = TimeType::kTime;
          m.fields.part = part;
          m.granularity = Unit::kPartOfDay;
          return v + 4;
        }
        if (wd > 0) {
          TimeMeaning weekday;
          if (FromNow(v + 1, weekday) != kFail) {
            m = weekday;
            m.type = TimeType::kTime;
            m.fields.part = part;
            m.granularity = Unit::kPartOfDay;
            return v + 2;
          }
        }
        return kFail;
      }
      if (stop == kFail) {
        // "le matin du lundi 3" has its weekday first
        return kFail;
      }
      m = date;
      m.type = TimeType::kTime;
      m.fields.part = part;
      m.granularity = Unit::kPartOfDay;
      return stop;
    }
    // Alone: "dans la soirée", "le soir", "en matinée", "tôt le matin":
    // the story's day.
    if (Is(v, "tôt")) ++v;
    else if (Is(v, "très") && Is(v + 1, "tôt")) v += 2;
    m.reference = Reference::kStory;
    m.type = TimeType::kTime;
    m.fields.part = part;
    m.granularity = Unit::kPartOfDay;
    m.shift_unit = Unit::kDay;
    return v;
  }

  // One end of an interval: a day ("samedi 13", "1er juillet 2013"), a
  // year, or a clock time; `kind` says which (0 day, 1 year, 2 clock).
  uint32_t IntervalEnd(uint32_t t, CalendarFields* f, int* kind) const {
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

  // A range in one token: "13-15 juillet", "11h30-13h30". The days take
  // the month after them.
  uint32_t JoinedRange(uint32_t t, TimeMeaning& m) const {
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
    m.type = TimeType::kTime;
    m.granularity = Unit::kMinute;
    m.reference = Reference::kStory;
    m.shift_unit = Unit::kDay;
    m.fields.hour = h1, m.fields.minute = m1;
    m.until = CalendarFields{};
    m.until->hour = h2, m.until->minute = m2;
    return t + 1;
  }

  // "du 4 au 6 janvier", "13 au 15 juillet", "entre le 13 et le 15
  // juillet", "du 13 au 18", "entre 2019 et 2021", "de 2019 à 2021", "de
  // 14 h à 16 h", "entre 9h30 et 11h jeudi".
  uint32_t Interval(uint32_t t, TimeMeaning& m) {
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
      m.type = TimeType::kTime;
      m.granularity = Unit::kMinute;
      m.reference = Reference::kStory;
      m.shift_unit = Unit::kDay;
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

  // The day that hours name after them: "14h le 13 décembre", "à 8h ce
  // matin", "de 15h à 16h demain", "de 3:00 au 4:00 lendemain".
  uint32_t DayAfterHours(uint32_t t, TimeMeaning& day) {
    uint32_t w = Is(t, ",") ? t + 1 : t;
    if (Is(w, "le")) ++w;
    uint32_t after = DayMonth(w, &day.fields, false);
    list_.clear();
    if (after != kFail) return after;
    day = {};
    after = FromNow(w, day);
    if (after != kFail) return after;
    day = {};
    if (IsAny(w, {"lendemain", "surlendemain"})) {
      day.reference = Reference::kStory;
      day.shift_unit = Unit::kDay;
      day.shift = Is(w, "lendemain") ? 1 : 2;
      return w + 1;
    }
    return kFail;
  }

  // One end of an interval read on its own: a date, a day counted from
  // now, a month, a year.
  uint32_t AnyDate(uint32_t t, TimeMeaning& m) {
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

  // "entre janvier 2019 et aujourd'hui", "du vendredi prochain au 1er
  // octobre 2020", "de 2014 au 2 mai 2018", "d'avril 2016 à juin 2017":
  // two ends of different kinds, each resolved on its own.
  uint32_t MixedInterval(uint32_t t, TimeMeaning& m) {
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

  // "pendant trois jours", "deux semaines", "quelques mois"
  uint32_t Duration(uint32_t t, TimeMeaning& m) const {
    // "toute la journée", "tout le mois", "toute l'année": one whole unit
    if ((Is(t, "toute") || Is(t, "tout")) && IsAny(t + 1, {"la", "le", "l'"})) {
      Unit whole = Is(t + 2, "journée") ? Unit::kDay : UnitOf(W(t + 2));
      if (whole == Unit::kDay || whole == Unit::kWeek || whole == Unit::kMonth || whole == Unit::kYear) {
        m.type = TimeType::kDuration;
        m.amount = 1;
        m.granularity = whole;
        return t + 3;
      }
    }
    int n;
    uint32_t after = Number(t, &n);
    if (after == kFail && IsAny(t, {"quelques", "plusieurs"})) {
      after = t + 1;
      n = -1;
    }
    if (after == kFail) return kFail;
    Unit unit = UnitOf(W(after));
    if (unit == Unit::kNone) return kFail;
    // "2022 jours" is no year, "3 h" no clock: a unit after a number.
    if (Is(after, "an") && n > 200) return kFail;
    m.type = TimeType::kDuration;
    m.amount = n;
    m.granularity = unit;
    if (n < 0) m.mod = "APPROX";
    return after + 1;
  }

  // "chaque lundi", "tous les jours", "tous les ans", "chaque année",
  // "quotidiennement"
  uint32_t Recurrence(uint32_t t, TimeMeaning& m) const {
    static constexpr std::pair<std::string_view, Unit> kAdverbs[] = {
        {"quotidiennement", Unit::kDay}, {"hebdomadairement", Unit::kWeek},
        {"mensuellement", Unit::kMonth}, {"annuellement", Unit::kYear}};
    for (const auto& [word, unit] : kAdverbs) {
      if (W(t) == word) {
        m.type = TimeType::kSet;
        m.amount = 1;
        m.granularity = unit;
        return t + 1;
      }
    }
    uint32_t u;
    if (Is(t, "chaque")) u = t + 1;
    else if ((Is(t, "tous") || Is(t, "toutes")) && Is(t + 1, "les")) u = t + 2;
    else return kFail;
    m.type = TimeType::kSet;
    m.amount = 1;
    if (int wd = WeekdayNumber(W(u)); wd > 0) {
      m.fields.weekday = wd;
      m.granularity = Unit::kWeek;
      if (std::string_view part = PartOfDay(W(u + 1)); !part.empty()) {
        m.fields.part = part;
        return u + 2;
      }
      return u + 1;
    }
    if (std::string_view part = PartOfDay(W(u)); !part.empty()) {
      m.fields.part = part;
      m.granularity = Unit::kDay;
      return u + 1;
    }
    Unit unit = UnitOf(W(u));
    if (unit == Unit::kDay || unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kYear) {
      m.granularity = unit;
      return u + 1;
    }
    // "tous les deux jours"
    int n;
    if (uint32_t after = Number(u, &n); after != kFail && UnitOf(W(after)) != Unit::kNone) {
      m.amount = n;
      m.granularity = UnitOf(W(after));
      return after + 1;
    }
    m = {};
    return kFail;
  }

  // One expression at t, the longest construction that fits; a time of
  // day after a date joins it ("le 5 janvier à 14 h 30").
  uint32_t Expression(uint32_t t, TimeMeaning& m) {
    // Every construction is tried; the longest wins ("samedi 16 à 18h" is
    // one date, not "samedi" and then "16"), the first listed on a tie.
    uint32_t stop = kFail;
    TimeMeaning best;
    std::vector<std::pair<uint32_t, int>> best_list;
    for (int rule = 0; rule < 11; ++rule) {
      TimeMeaning candidate;
      list_.clear();
      uint32_t end = kFail;
      switch (rule) {
        case 0: end = Interval(t, candidate); break;
        case 1: end = PartOfDayOf(t, candidate); break;
        case 2: end = Modified(t, candidate); break;
        case 3: end = FromStory(t, candidate); break;
        case 4: end = Recurrence(t, candidate); break;
        case 5: end = FromNow(t, candidate); break;
        case 6: end = CalendarDate(t, candidate); break;
        case 7: end = Duration(t, candidate); break;
        case 8: end = WeekOf(t, candidate); break;
        case 9: end = MixedInterval(t, candidate); break;
        case 10: end = JoinedRange(t, candidate); break;
      }
      if (end != kFail && (stop == kFail || end > stop)) {
        stop = end;
        best = candidate;
        best_list = list_;
      }
    }
    m = best;
    list_ = std::move(best_list);
    // A clock time, alone or before its day: "à 14 h 30", "9h le 13
    // décembre", "à 8h ce matin", "à 3 heures cet après-midi".
    {
      TimeMeaning clock;
      const std::vector<std::pair<uint32_t, int>> kept = list_;  // the rules' list, if theirs wins
      uint32_t after = TimeOfDay(t, &clock.fields);
      // A bare "dix heures" is a duration unless its day follows: "dix
      // heures mercredi matin".
      bool bare = false;
      if (after == kFail) {
        int hour, minute;
        if (uint32_t c = Clock(t, &hour, &minute); c != kFail) {
          after = ClockPart(c, &hour);
          clock.fields.hour = hour, clock.fields.minute = minute;
          bare = true;
        }
      }
      if (after != kFail) {
        clock.type = TimeType::kTime;
        clock.granularity = Unit::kMinute;
        clock.reference = Reference::kStory;
        clock.shift_unit = Unit::kDay;
        TimeMeaning day;
        uint32_t dated = DayAfterHours(after, day);
        if (dated != kFail && day.fields.hour < 0 && !day.until && day.granularity <= Unit::kDay) {
          int hour = clock.fields.hour, minute = clock.fields.minute;
          if ((day.fields.part == "AF" || day.fields.part == "EV") && hour < 12) hour += 12;
          clock = day;
          clock.fields.hour = hour;
          clock.fields.minute = minute;
          clock.fields.part = {};
          clock.type = TimeType::kTime;
          clock.granularity = Unit::kMinute;
          after = dated;
          bare = false;
        }
        // The longest reading wins: "dix heures mercredi matin" over the
        // duration "dix heures".
        if (!bare && (stop == kFail || after > stop)) {
          m = clock;
          stop = after;
          list_.clear();
        } else {
          list_ = kept;
        }
      }
    }
    if (stop == kFail) {
      m = {};
      return kFail;
    }
    // After a day: its part ("le 5 janvier au soir", "mercredi en soirée",
    // "le 15 février le matin"), then its time ("le 5 janvier à 14 h 30",
    // "hier à midi", "jeudi matin à partir de 9 heures 30").
    if (m.type == TimeType::kDate && m.granularity == Unit::kDay && !m.until && list_.empty() &&
        m.fields.part.empty()) {
      uint32_t u = Is(stop, ",") ? stop + 1 : stop;
      uint32_t v = u;
      if (IsAny(v, {"au", "en", "dans", "le", "l'"})) {
        ++v;
        if (IsAny(u, {"dans"}) && IsAny(v, {"la", "l'", "le"})) ++v;
      }
      if (v > u && !PartOfDay(W(v)).empty()) {
        m.fields.part = PartOfDay(W(v));
        m.type = TimeType::kTime;
        m.granularity = Unit::kPartOfDay;
        stop = v + 1;
      }
    }
    if ((m.type == TimeType::kDate && m.granularity == Unit::kDay && !m.until && list_.empty()) ||
        (m.type == TimeType::kTime && m.granularity == Unit::kPartOfDay && !m.until)) {
      CalendarFields clock;
      uint32_t u = Is(stop, ",") ? stop + 1 : stop;
      // Hours after the day: "vendredi 30 novembre entre 12h00 et 14h00",
      // "le 17 de 14 à 16".
      TimeMeaning hours;
      hours_wanted_ = true;
      uint32_t hours_end = Interval(u, hours);
      hours_wanted_ = false;
      if (uint32_t after = hours_end; after != kFail && hours.type == TimeType::kTime && hours.until &&
                                               hours.fields.day < 0 && hours.fields.weekday < 0) {
        CalendarFields first = m.fields, last = m.fields;
        first.part = last.part = {};
        first.hour = hours.fields.hour, first.minute = hours.fields.minute;
        last.hour = hours.until->hour, last.minute = hours.until->minute;
        m.fields = first;
        m.until = last;
        m.type = TimeType::kTime;
        m.granularity = Unit::kMinute;
        return after;
      }
      // "demain jusqu'à 16h": the day from its start to that hour.
      if (IsAny(u, {"jusqu'à", "jusqu'"}) && m.fields.part.empty()) {
        uint32_t v = Is(u, "jusqu'") && Is(u + 1, "à") ? u + 2 : u + 1;
        int hour, minute;
        if (uint32_t c = Clock(v, &hour, &minute); c != kFail && (Kind(v) == TokenKind::kWord || IsAny(v + 1, {"h", "heure", "heures", ":"}))) {
          CalendarFields first = m.fields, last = m.fields;
          first.hour = 0, first.minute = 0;
          last.hour = hour, last.minute = minute;
          uint32_t after = ClockPart(c, &last.hour);
          m.fields = first;
          m.until = last;
          m.type = TimeType::kTime;
          m.granularity = Unit::kMinute;
          return after;
        }
      }
      if (uint32_t after = TimeOfDay(u, &clock); after != kFail) {
        if ((m.fields.part == "AF" || m.fields.part == "EV") && clock.hour < 12) clock.hour += 12;
        m.fields.hour = clock.hour;
        m.fields.minute = clock.minute;
        m.fields.part = {};
        m.type = TimeType::kTime;
        m.granularity = Unit::kMinute;
        return after;
      }
    }
    return stop;
  }

  // The tense of the sentence, for a weekday or a month named alone: -1
  // past, +1 future, 0 unknown. News tells the past with auxiliaries.
  int Tense() const {
    int past = 0, future = 0;
    for (uint32_t t = begin_; t < end_; ++t) {
      std::string_view w = W(t);
      // ("a" before a number or an hour is "à" typed without its accent.)
      bool a_for_at = w == "a" && t + 1 < end_ && (Kind(t + 1) == TokenKind::kNumber || W(t + 1).find('h') == 1 ||
                                                   W(t + 1).find('h') == 2);
      if ((w == "a" && !a_for_at) || w == "ont" || w == "avait" || w == "avaient" || w == "était" || w == "étaient" ||
          w == "fut" || w == "furent") {
        ++past;
      } else if (w == "va" || w == "vont" || w == "sera" || w == "seront" || w == "aura" ||
                 w == "auront" || w == "prochain" || w == "prochaine" || w == "devrait" ||
                 w == "devraient" || w == "prévu" || w == "prévue" ||
                 (w.size() > 5 && (w.ends_with("era") || w.ends_with("eront") || w.ends_with("iront") ||
                                   w.ends_with("ira")))) {
        ++future;
      }
    }
    if (past > future) return -1;
    if (future > past) return 1;
    return 0;
  }

  const Article& a_;
  const text::LowerTokens& lower_;
  const uint32_t begin_, end_;
  std::vector<std::pair<uint32_t, int>> list_;  // days of a list: token, day
  // Set while reading what follows a day: two bare numbers there are hours.
  bool hours_wanted_ = false;
};

}  // namespace

std::vector<TimeMatch> FindTimeExpressions(const Article& article, const text::LowerTokens& lower,
                                           uint32_t begin, uint32_t end) {
  end = std::min(end, lower.size());
  if (begin >= end) return {};
  return SentenceReader(article, lower, begin, end).Read();
}

}  // namespace veille::time
