// The temporal grammar: what counts from the time of writing ("hier",
// "lundi dernier", "il y a trois jours") or from the story's last date ("le
// lendemain", "la même nuit"), parts of the day, durations, recurrences.
#include <algorithm>
#include <string_view>

#include "time/sentence_reader.h"
#include "time/time_words.h"

namespace veille::time {

uint32_t SentenceReader::FromNow(uint32_t t, TimeMeaning& m) {
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
      m.AtPartOfDay(part);
      ++stop;
    }
    return stop;
  }
  // "ce matin", "ce soir", "cette nuit", "cet après-midi"
  if (IsAny(t, {"ce", "cet", "cette"})) {
    std::string_view part = PartOfDay(W(t + 1));
    if (!part.empty() && !Is(t + 2, "-là") && !Is(t + 2, "là")) {
      m.AtPartOfDay(part);
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
        m.AtPartOfDay(part);
        ++stop;
      }
      return stop;
    }
  }
  m = {};
  return kFail;
}

uint32_t SentenceReader::FromStory(uint32_t t, TimeMeaning& m) {
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
      m.AtPartOfDay(part);
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
      m.AtPartOfDay(part);
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
      m.AtPartOfDay(part);
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
      m.AtPartOfDay(part);
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

uint32_t SentenceReader::PartOfDayOf(uint32_t t, TimeMeaning& m) {
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
        m.AtPartOfDay(part);
        return v + 4;
      }
      if (wd > 0) {
        TimeMeaning weekday;
        if (FromNow(v + 1, weekday) != kFail) {
          m = weekday;
          m.AtPartOfDay(part);
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
    m.AtPartOfDay(part);
    return stop;
  }
  // Alone: "dans la soirée", "le soir", "en matinée", "tôt le matin":
  // the story's day.
  if (Is(v, "tôt")) ++v;
  else if (Is(v, "très") && Is(v + 1, "tôt")) v += 2;
  m.reference = Reference::kStory;
  m.AtPartOfDay(part);
  m.shift_unit = Unit::kDay;
  return v;
}

uint32_t SentenceReader::Duration(uint32_t t, TimeMeaning& m) const {
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

uint32_t SentenceReader::Recurrence(uint32_t t, TimeMeaning& m) const {
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

}  // namespace veille::time
