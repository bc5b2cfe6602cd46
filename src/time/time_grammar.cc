// The temporal grammar's reading of a sentence: at every word near a word
// of time, the longest construction (sentence_reader.h lists them); the
// days of a list; the tense that places a date without its year.
#include "time/time_grammar.h"

#include "time/sentence_reader.h"
#include "time/time_words.h"

namespace veille::time {

std::vector<TimeMatch> SentenceReader::Read() {
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

uint32_t SentenceReader::Expression(uint32_t t, TimeMeaning& m) {
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
      clock.AtClockOfStoryDay();
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

int SentenceReader::Tense() const {
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

uint32_t SentenceReader::Number(uint32_t t, int* value) const {
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

uint32_t SentenceReader::Year(uint32_t t, int* year) const {
  if (t >= end_ || Kind(t) != TokenKind::kNumber) return kFail;
  int n = Digits(W(t));
  if (!PlausibleYear(n)) return kFail;
  *year = n;
  return t + 1;
}

uint32_t SentenceReader::Month(uint32_t t, int* month) const {
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

std::vector<TimeMatch> FindTimeExpressions(const Article& article, const text::LowerTokens& lower,
                                           uint32_t begin, uint32_t end) {
  end = std::min(end, lower.size());
  if (begin >= end) return {};
  return SentenceReader(article, lower, begin, end).Read();
}

}  // namespace veille::time
