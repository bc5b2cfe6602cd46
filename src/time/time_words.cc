#include "time/time_words.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <utility>

namespace veille::time {
namespace {

template <size_t N>
int IndexOf(std::string_view word, const std::pair<std::string_view, int> (&table)[N]) {
  for (const auto& [w, n] : table) {
    if (w == word) return n;
  }
  return 0;
}

std::string_view WithoutPeriod(std::string_view word) {
  return !word.empty() && word.back() == '.' ? word.substr(0, word.size() - 1) : word;
}

}  // namespace

int MonthNumber(std::string_view word) {
  static constexpr std::pair<std::string_view, int> kMonths[] = {
      {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3},      {"avril", 4},
      {"mai", 5},     {"juin", 6},    {"juillet", 7}, {"août", 8},      {"aout", 8},
      {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
      {"janv", 1},    {"févr", 2},    {"fév", 2},     {"fevr", 2},      {"fev", 2},  {"avr", 4},
      {"juil", 7},    {"sept", 9},    {"oct", 10},    {"nov", 11},      {"déc", 12},  {"jan", 1},
      {"dec", 12}};
  return IndexOf(WithoutPeriod(word), kMonths);
}

int WeekdayNumber(std::string_view word) {
  static constexpr std::pair<std::string_view, int> kDays[] = {
      {"lundi", 1},  {"mardi", 2},  {"mercredi", 3},  {"jeudi", 4},  {"vendredi", 5},
      {"samedi", 6}, {"dimanche", 7}, {"lundis", 1}, {"mardis", 2}, {"mercredis", 3},
      {"jeudis", 4}, {"vendredis", 5}, {"samedis", 6}, {"dimanches", 7}};
  return IndexOf(word, kDays);
}

int NumberWord(std::string_view word) {
  static constexpr std::pair<std::string_view, int> kNumbers[] = {
      {"un", 1},       {"une", 1},       {"deux", 2},      {"trois", 3},    {"quatre", 4},
      {"cinq", 5},     {"six", 6},       {"sept", 7},      {"huit", 8},     {"neuf", 9},
      {"dix", 10},     {"onze", 11},     {"douze", 12},    {"treize", 13},  {"quatorze", 14},
      {"quinze", 15},  {"seize", 16},    {"vingt", 20},    {"trente", 30},  {"quarante", 40},
      {"cinquante", 50}, {"soixante", 60}, {"cent", 100},  {"mille", 1000}};
  if (int n = IndexOf(word, kNumbers); n > 0) return n;
  // 70 to 99: "soixante-dix", "soixante-et-onze", "quatre-vingts",
  // "quatre-vingt-dix-neuf"
  for (auto [prefix, base] : {std::pair<std::string_view, int>{"quatre-vingt", 80}, {"soixante", 60}}) {
    if (!word.starts_with(prefix)) continue;
    std::string_view rest = word.substr(prefix.size());
    if (rest.empty() || rest == "s") return base == 80 ? 80 : -1;
    if (!rest.starts_with("-")) continue;
    rest.remove_prefix(1);
    if (rest.starts_with("et-")) rest.remove_prefix(3);
    int units = NumberWord(rest);
    if (units < 1 || units > 19) return -1;
    return base + units;
  }
  // "dix-sept", "vingt-deux", "trente-cinq"
  size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos) return -1;
  int tens = IndexOf(word.substr(0, hyphen), kNumbers);
  std::string_view rest = word.substr(hyphen + 1);
  if (rest.starts_with("et-")) rest.remove_prefix(3);  // "vingt-et-un"
  int units = IndexOf(rest, kNumbers);
  if (tens < 10 || tens > 60 || units < 1 || units > 9) return -1;
  return tens + units;
}

int Digits(std::string_view word) {
  if (word.empty() || word.size() > 9) return -1;
  int n = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int DayOfMonth(std::string_view word) {
  if (word == "1er" || word == "premier" || word == "1re") return 1;
  if (word.size() > 2) return -1;
  int n = Digits(word);
  return n >= 1 && n <= 31 ? n : -1;
}

Unit UnitOf(std::string_view word) {
  static constexpr std::pair<std::string_view, Unit> kUnits[] = {
      {"seconde", Unit::kSecond},   {"secondes", Unit::kSecond}, {"sec", Unit::kSecond},
      {"min", Unit::kMinute},       {"mn", Unit::kMinute},       {"minute", Unit::kMinute},
      {"minutes", Unit::kMinute},   {"heure", Unit::kHour},      {"heures", Unit::kHour},
      {"jour", Unit::kDay},         {"jours", Unit::kDay},       {"journée", Unit::kDay},
      {"journées", Unit::kDay},     {"semaine", Unit::kWeek},    {"semaines", Unit::kWeek},
      {"mois", Unit::kMonth},       {"trimestre", Unit::kQuarter}, {"trimestres", Unit::kQuarter},
      {"an", Unit::kYear},          {"ans", Unit::kYear},        {"année", Unit::kYear},
      {"années", Unit::kYear},      {"annee", Unit::kYear},      {"annees", Unit::kYear},
      {"journee", Unit::kDay},      {"décennie", Unit::kDecade}, {"décennies", Unit::kDecade},
      {"siècle", Unit::kCentury},   {"siècles", Unit::kCentury}};
  for (const auto& [w, unit] : kUnits) {
    if (w == word) return unit;
  }
  return Unit::kNone;
}

std::string_view PartOfDay(std::string_view word) {
  // (With the accents typed or not: "soiree", "apres-midi".)
  if (word == "matin" || word == "matinée" || word == "matinee") return "MO";
  if (word == "après-midi" || word == "apres-midi" || word == "aprèm") return "AF";
  if (word == "soir" || word == "soirée" || word == "soiree") return "EV";
  if (word == "nuit") return "NI";
  return {};
}

std::string_view Season(std::string_view word) {
  if (word == "printemps") return "SP";
  if (word == "été") return "SU";
  if (word == "automne") return "FA";
  if (word == "hiver") return "WI";
  return {};
}

int CenturyOrdinal(std::string_view word) {
  // The ordinal's ending: e, ème, eme, è.
  std::string_view number = word;
  for (std::string_view ending : {"ème", "eme", "è", "e"}) {
    if (number.size() > ending.size() && number.ends_with(ending)) {
      number.remove_suffix(ending.size());
      break;
    }
  }
  if (number.size() == word.size()) return -1;
  if (int n = Digits(number); n > 0) return n <= 30 ? n : -1;
  // Roman numerals, lower case: the tokens are lower-cased.
  int value = 0, previous = 0;
  for (auto it = number.rbegin(); it != number.rend(); ++it) {
    int digit = *it == 'i' ? 1 : *it == 'v' ? 5 : *it == 'x' ? 10 : -1;
    if (digit < 0) return -1;
    value += digit < previous ? -digit : digit;
    previous = std::max(previous, digit);
  }
  return value >= 1 && value <= 30 ? value : -1;
}

bool TimeWord(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  // One lookup: what a time expression has among its first words, besides
  // digits. (Numbers in words, "fin", "prochain", "même" need not be here:
  // a unit, a month or a part of the day always comes with them.)
  static const std::unordered_set<std::string_view> kWords = [] {
    std::unordered_set<std::string_view> words = {
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
        "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fév", "fevr", "fev",
        "avr", "juil", "sept", "oct", "nov", "déc", "dec", "jan",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundis", "mardis",
        "mercredis", "jeudis", "vendredis", "samedis", "dimanches", "lun", "mar", "mer", "jeu", "ven",
        "sam", "dim",
        "seconde", "secondes", "sec", "min", "mn", "minute", "minutes", "heure", "heures", "jour", "jours", "journée",
        "journées", "journee", "semaine", "semaines", "mois", "trimestre", "trimestres", "semestre", "an",
        "ans", "année", "années", "annee", "annees", "décennie", "décennies", "siècle", "siècles",
        "quinzaine", "week-end",
        "matin", "matinée", "matinee", "après-midi", "apres-midi", "aprèm", "soir", "soirée", "soiree",
        "nuit", "printemps", "été", "automne", "hiver",
        "hier", "demain", "aujourd'hui", "avant-hier", "après-demain", "lendemain", "veille",
        "surlendemain", "avant-veille", "maintenant", "actuellement", "moment", "présent", "suite",
        "midi", "minuit", "noël", "noel", "toussaint", "saint-sylvestre", "armistice", "14-juillet",
        "saint-valentin", "nouvel", "fête", "pâques", "paques", "pentecôte", "pentecote", "ascension",
        "quotidiennement", "hebdomadairement", "mensuellement", "annuellement"};
    return words;
  }();
  return kWords.count(word) > 0 || word.starts_with("mi-") || word.ends_with("-là");
}

std::string_view UnitName(Unit unit) {
  switch (unit) {
    case Unit::kNone: return "";
    case Unit::kSecond: return "second";
    case Unit::kMinute: return "minute";
    case Unit::kHour: return "hour";
    case Unit::kPartOfDay: return "part of day";
    case Unit::kDay: return "day";
    case Unit::kWeek: return "week";
    case Unit::kMonth: return "month";
    case Unit::kSeason: return "season";
    case Unit::kQuarter: return "quarter";
    case Unit::kYear: return "year";
    case Unit::kDecade: return "decade";
    case Unit::kCentury: return "century";
  }
  return "";
}

}  // namespace veille::time
