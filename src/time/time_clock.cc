// The temporal grammar: times of day ("14 h 30", "quinze heures et
// quart", "midi moins cinq") and the day named after them.
#include <algorithm>
#include <string_view>

#include "time/sentence_reader.h"
#include "time/time_words.h"

namespace veille::time {

uint32_t SentenceReader::Clock(uint32_t t, int* hour, int* minute) const {
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

uint32_t SentenceReader::Minutes(uint32_t u, int* hour, int* minute) const {
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

uint32_t SentenceReader::ClockPart(uint32_t t, int* hour) const {
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

uint32_t SentenceReader::TimeOfDay(uint32_t t, CalendarFields* f) const {
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

uint32_t SentenceReader::DayAfterHours(uint32_t t, TimeMeaning& day) {
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

}  // namespace veille::time
