// veille eval times: the times stage (or a peer's predictions) on
// Duckling's and Recognizers-Text's French corpora.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "entities/token_text.h"
#include "time/time_resolver.h"
#include "veille/pipeline.h"
#include "veille/times.h"

namespace veille {
namespace {

constexpr const char* kDucklingReference = "2013-02-12T04:30:00";  // a Tuesday
constexpr const char* kDefaultReference = "2016-11-07T00:00:00";   // Recognizers' usual one

struct DucklingCase {
  std::string phrase, expected;
};

struct GoldTime {
  std::string text;
  uint32_t start = 0, end = 0;  // bytes, located by text
  bool located = false;
  std::vector<std::string> timex;   // every resolution's TIMEX
  std::vector<std::string> values;  // every resolved value, start or start/end
};

struct RecognizerCase {
  std::string input;
  std::optional<std::string> reference;
  std::vector<GoldTime> gold;
};

std::string Pad(int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return buf;
}

Result<std::vector<DucklingCase>> ReadDuckling(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read");
  std::vector<DucklingCase> cases;
  for (std::string line; std::getline(in, line);) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) return Status(StatusCode::kInvalidArgument, path + ": a line without a tab");
    cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

Result<std::vector<RecognizerCase>> ReadRecognizers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // the BOM
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_array()) return Status(StatusCode::kInvalidArgument, path + ": not a JSON array");
  std::vector<RecognizerCase> cases;
  for (const auto& item : doc) {
    RecognizerCase c;
    c.input = item.value("Input", "");
    if (item.contains("Context") && item["Context"].contains("ReferenceDateTime")) {
      c.reference = item["Context"]["ReferenceDateTime"].get<std::string>();
    }
    // Spans are found by their text, in order: the offsets are not to be
    // trusted (End is inclusive in some cases, exclusive in others).
    std::string lower_input = entities::Lowercase(c.input);
    size_t from = 0;
    for (const auto& result : item.value("Results", nlohmann::json::array())) {
      GoldTime g;
      g.text = result.value("Text", "");
      std::string lower_text = entities::Lowercase(g.text);
      size_t at = lower_text.empty() ? std::string::npos : lower_input.find(lower_text, from);
      if (at == std::string::npos && !lower_text.empty()) at = lower_input.find(lower_text);
      if (at != std::string::npos && lower_input.size() == c.input.size()) {
        g.start = static_cast<uint32_t>(at);
        g.end = static_cast<uint32_t>(at + lower_text.size());
        g.located = true;
        from = g.end;
      }
      if (result.contains("Resolution") && result["Resolution"].contains("values")) {
        for (const auto& v : result["Resolution"]["values"]) {
          if (v.contains("timex")) g.timex.push_back(v["timex"].get<std::string>());
          if (v.contains("value") && v["value"].is_string()) g.values.push_back(v["value"].get<std::string>());
          if (v.contains("start") && v["start"].is_string()) {
            std::string range = v["start"].get<std::string>();
            if (v.contains("end") && v["end"].is_string()) range += "/" + v["end"].get<std::string>();
            g.values.push_back(range);
          }
        }
      }
      c.gold.push_back(std::move(g));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// "2013-02-12T04:30" and "2013-02-12 04:30:00" alike: "2013-02-12 04:30";
// a date alone stays a date.
std::string Moment(std::string v) {
  for (char& c : v) {
    if (c == 'T') c = ' ';
  }
  if (v.size() >= 16 && v[10] == ' ') v = v.substr(0, 16);
  if (v.size() == 13 && v[10] == ' ') v += ":00";
  return v;
}

std::string NextDay(const std::string& day) {
  auto d = time::ParseDay(day);
  if (!d) return day;
  return time::IsoDay(std::chrono::year_month_day{std::chrono::sys_days{*d} + std::chrono::days{1}});
}

std::optional<std::pair<std::chrono::sys_days, std::chrono::sys_days>> Period(const std::string& v);

// Whether the gold TIMEX, which leaves what its reference did not fix as
// X's ("XXXX-10-14", "XXXX-WXX-2TMO", "TMO", "T15"), agrees with our
// resolved value on all it does fix.
bool AgreesWithOpenTimex(const std::string& ours, const std::string& gold) {
  // A season of an open year: "SU".
  if (gold == "SP" || gold == "SU" || gold == "FA" || gold == "WI") return ours.ends_with("-" + gold);
  if (gold.starts_with("T")) return ours.size() > gold.size() && ours.ends_with(gold) && ours[ours.size() - gold.size() - 1] != 'T';
  if (gold.starts_with("XXXX-WXX-") && gold.size() >= 10) {
    auto day = time::ParseDay(ours.substr(0, 10));
    if (!day || ours.size() < 10) return false;
    int wd = gold[9] - '0';
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{*day}}.iso_encoding()) == wd &&
           ours.substr(10) == gold.substr(10);
  }
  if (gold.find('X') == std::string::npos || gold.size() != ours.size()) return false;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i] != 'X' && gold[i] != ours[i]) return false;
  }
  return true;
}

// Whether our value is one of the gold's: the same TIMEX (or one that
// agrees with what an open gold TIMEX fixes), or the same resolved moment,
// day or range (an exclusive end one day after ours); or, for a part of a
// period TIMEX3 writes as the period and a mod ("fin de demain": the day,
// END), a gold moment within that period.
bool SameValue(const std::string& ours, const std::string& mod, const GoldTime& gold) {
  std::string canonical = CanonicalTimex(ours);
  if (!mod.empty()) {
    if (auto period = Period(ours)) {
      for (const std::string& v : gold.values) {
        auto d = time::ParseDay(v.substr(0, 10));
        if (v.find('/') == std::string::npos && d && std::chrono::sys_days{*d} >= period->first &&
            std::chrono::sys_days{*d} <= period->second) {
          return true;
        }
      }
    }
  }
  for (const std::string& t : gold.timex) {
    if (CanonicalTimex(t) == canonical || AgreesWithOpenTimex(canonical, CanonicalTimex(t))) return true;
    // A range "(start,end,duration)" whose ends leave things open.
    size_t slash = canonical.find('/');
    if (t.size() > 2 && t.front() == '(' && slash != std::string::npos) {
      size_t comma = t.find(','), second = t.find(',', comma + 1);
      if (comma == std::string::npos || second == std::string::npos) continue;
      std::string a = CanonicalTimex(t.substr(1, comma - 1)), b = CanonicalTimex(t.substr(comma + 1, second - comma - 1));
      std::string ours_a = canonical.substr(0, slash), ours_b = canonical.substr(slash + 1);
      if ((a == ours_a || AgreesWithOpenTimex(ours_a, a)) && (b == ours_b || AgreesWithOpenTimex(ours_b, b))) {
        return true;
      }
    }
  }
  size_t slash = ours.find('/');
  // A period of ours (a decade, a year, a month) against a gold range.
  if (slash == std::string::npos) {
    if (auto period = Period(ours)) {
      for (const std::string& v : gold.values) {
        size_t gold_slash = v.find('/');
        if (gold_slash == std::string::npos) continue;
        auto a = time::ParseDay(v.substr(0, std::min<size_t>(10, gold_slash)));
        auto b = time::ParseDay(v.substr(gold_slash + 1, 10));
        if (a && b && period->first == std::chrono::sys_days{*a} &&
            period->second + std::chrono::days{1} == std::chrono::sys_days{*b}) {
          return true;
        }
      }
    }
  }
  for (const std::string& v : gold.values) {
    size_t gold_slash = v.find('/');
    if (slash == std::string::npos && gold_slash == std::string::npos) {
      if (Moment(ours) == Moment(v)) return true;
      // A time of day alone ("07:10:00") against ours with its day.
      if (v.size() == 8 && v[2] == ':' && ours.size() == 16 && ours.substr(11) == v.substr(0, 5)) return true;
    } else if (slash != std::string::npos && gold_slash != std::string::npos) {
      std::string a = ours.substr(0, slash), b = ours.substr(slash + 1);
      std::string ga = v.substr(0, gold_slash), gb = v.substr(gold_slash + 1);
      if (Moment(a) == Moment(ga) && (Moment(b) == Moment(gb) || NextDay(b) == gb)) return true;
      // Periods of months or weeks: ours from the first day of its first
      // period to the last of its last, the gold's end exclusive.
      auto first = Period(a), last = Period(b);
      auto gold_first = time::ParseDay(ga), gold_end = time::ParseDay(gb);
      if (first && last && gold_first && gold_end && first->first == std::chrono::sys_days{*gold_first} &&
          last->second + std::chrono::days{1} == std::chrono::sys_days{*gold_end}) {
        return true;
      }
    }
  }
  return false;
}

// Duckling's tuple "(2013, 2, 12, 4, 30, 0)" read from `at`.
bool ReadTuple(const std::string& s, size_t& at, int (&f)[6]) {
  at = s.find('(', at);
  if (at == std::string::npos) return false;
  if (s[at + 1] == '(') ++at;
  int read = std::sscanf(s.c_str() + at, "(%d, %d, %d, %d, %d, %d)", &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]);
  at = s.find(')', at);
  return read == 6 && at != std::string::npos;
}

std::string AtGrain(const int (&f)[6], std::string_view grain) {
  std::string day = Pad(f[0], 4) + "-" + Pad(f[1], 2) + "-" + Pad(f[2], 2);
  if (grain == "Year") return Pad(f[0], 4);
  if (grain == "Month") return Pad(f[0], 4) + "-" + Pad(f[1], 2);
  if (grain == "Quarter") return Pad(f[0], 4) + "-Q" + std::to_string((f[1] - 1) / 3 + 1);
  if (grain == "Week") {
    auto d = time::ParseDay(day);
    return d ? time::IsoWeek(*d) : day;
  }
  if (grain == "Day") return day;
  if (grain == "Hour") return day + "T" + Pad(f[3], 2);
  if (grain == "Minute") return day + "T" + Pad(f[3], 2) + ":" + Pad(f[4], 2);
  return day + "T" + Pad(f[3], 2) + ":" + Pad(f[4], 2) + ":" + Pad(f[5], 2);
}

}  // namespace

std::string CanonicalTimex(std::string value) {
  // Each end of an interval alike.
  size_t slash = value.find('/');
  if (slash != std::string::npos) {
    return CanonicalTimex(value.substr(0, slash)) + "/" + CanonicalTimex(value.substr(slash + 1));
  }
  if (value.size() >= 6 && value.ends_with(":00") && value[value.size() - 6] == 'T') {
    value.resize(value.size() - 3);
  }
  return value;
}

std::string DucklingTimex(const std::string& expected) {
  std::string grain = expected.substr(expected.rfind(' ') + 1);
  int a[6], b[6];
  size_t at = 0;
  if (expected.starts_with("datetime (")) {
    if (!ReadTuple(expected, at, a)) return "";
    return AtGrain(a, grain);
  }
  if (expected.starts_with("datetimeOpenInterval")) {
    if (!ReadTuple(expected, at, a)) return "";
    return AtGrain(a, grain);
  }
  if (!expected.starts_with("datetimeInterval")) return "";
  if (!ReadTuple(expected, at, a) || !ReadTuple(expected, ++at, b)) return "";
  std::string day = AtGrain(a, "Day");
  if (grain == "Hour") {
    auto first_day = time::ParseDay(day), last_day = time::ParseDay(AtGrain(b, "Day"));
    long apart = first_day && last_day
                     ? (std::chrono::sys_days{*last_day} - std::chrono::sys_days{*first_day}).count()
                     : -1;
    bool to_midnight = b[3] == 0 && b[4] == 0;
    // A weekend: Friday 18:00 to Monday 00:00.
    if (apart == 3 && a[3] == 18 && to_midnight) return AtGrain(a, "Week") + "-WE";
    if (apart == 0 || (apart == 1 && to_midnight)) {
      // Parts of the day, as Duckling bounds them (its parts and their
      // beginnings, middles and ends; not any range of hours: "de 9h à
      // 11h" is 9 to 12 and stays a range).
      struct Part {
        int start, end;
        const char* part;
      };
      static constexpr Part kParts[] = {
          {4, 12, "MO"},  {7, 9, "MO"},   {9, 11, "MO"},  {10, 12, "MO"}, {6, 10, "MO"},
          {12, 19, "AF"}, {12, 14, "AF"}, {14, 17, "AF"}, {17, 19, "AF"}, {13, 17, "AF"},
          {18, 24, "EV"}, {18, 21, "EV"}, {21, 24, "EV"}, {17, 21, "EV"}, {11, 16, "MI"}};
      int start = a[3], end = to_midnight ? 24 : b[3];
      for (const Part& p : kParts) {
        if (p.start == start && p.end == end && a[4] == 0 && b[4] == 0) return day + "T" + p.part;
      }
    }
  }
  if (grain == "Day") {
    // Seasons, by their astronomical starts as Duckling writes them.
    if (a[1] == 6 && a[2] == 21 && b[1] == 9) return Pad(a[0], 4) + "-SU";
    if (a[1] == 9 && a[2] >= 22 && b[1] == 12) return Pad(a[0], 4) + "-FA";
    if (a[1] == 12 && a[2] == 21 && b[1] == 3) return Pad(a[0], 4) + "-WI";
    if (a[1] == 3 && a[2] >= 20 && b[1] == 6) return Pad(a[0], 4) + "-SP";
  }
  // Other intervals: their ends at the grain, the exclusive end made
  // inclusive by stepping back one grain.
  std::string first = AtGrain(a, grain);
  int last[6] = {b[0], b[1], b[2], b[3], b[4], b[5]};
  if (grain == "Day" || grain == "Week") {
    auto d = time::ParseDay(AtGrain(b, "Day"));
    if (d) {
      std::chrono::year_month_day prev{std::chrono::sys_days{*d} - std::chrono::days{grain == "Week" ? 7 : 1}};
      last[0] = static_cast<int>(prev.year()), last[1] = static_cast<int>(static_cast<unsigned>(prev.month()));
      last[2] = static_cast<int>(static_cast<unsigned>(prev.day()));
    }
  } else if (grain == "Year") {
    --last[0];
  } else if (grain == "Month") {
    if (--last[1] == 0) last[1] = 12, --last[0];
  } else if (grain == "Hour" || grain == "Minute" || grain == "Second") {
    // One grain back, borrowing across minutes, hours and days.
    auto d = time::ParseDay(AtGrain(b, "Day"));
    if (d) {
      using namespace std::chrono;
      seconds step{grain == "Hour" ? 3600 : grain == "Minute" ? 60 : 1};
      sys_seconds at = sys_days{*d} + hours{b[3]} + minutes{b[4]} + seconds{b[5]} - step;
      year_month_day day{floor<days>(at)};
      hh_mm_ss clock{at - floor<days>(at)};
      last[0] = static_cast<int>(day.year()), last[1] = static_cast<int>(static_cast<unsigned>(day.month()));
      last[2] = static_cast<int>(static_cast<unsigned>(day.day()));
      last[3] = static_cast<int>(clock.hours().count()), last[4] = static_cast<int>(clock.minutes().count());
      last[5] = static_cast<int>(clock.seconds().count());
    }
  }
  return first + "/" + AtGrain(last, grain);
}

namespace {

// The first and last days of a TIMEX3 period: "2013-03", "2013",
// "2013-W07", "2013-03-05".
std::optional<std::pair<std::chrono::sys_days, std::chrono::sys_days>> Period(const std::string& v) {
  using namespace std::chrono;
  int y = 0, m = 0, w = 0;
  if (v.size() == 4 && std::sscanf(v.c_str(), "%4d", &y) == 1) {
    return std::pair{sys_days{year{y} / 1 / 1}, sys_days{year{y} / 12 / 31}};
  }
  if (v.size() == 3 && std::sscanf(v.c_str(), "%3d", &y) == 1) {  // a decade: "199"
    return std::pair{sys_days{year{y * 10} / 1 / 1}, sys_days{year{y * 10 + 9} / 12 / 31}};
  }
  if (v.size() == 7 && v[4] == '-' && v[5] != 'W' && std::sscanf(v.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 &&
      m <= 12) {
    year_month ym{year{y}, month{static_cast<unsigned>(m)}};
    return std::pair{sys_days{ym / 1}, sys_days{ym / last}};
  }
  if (v.size() == 8 && v[5] == 'W' && std::sscanf(v.c_str(), "%4d-W%2d", &y, &w) == 2) {
    // ISO week 1 holds 4 January.
    sys_days jan4{year{y} / 1 / 4};
    sys_days monday = jan4 - days{weekday{jan4}.iso_encoding() - 1} + weeks{w - 1};
    return std::pair{monday, monday + days{6}};
  }
  if (auto d = time::ParseDay(v); d && v.size() == 10) return std::pair{sys_days{*d}, sys_days{*d}};
  return std::nullopt;
}

// Whether the interval `want` ("a/b", days or months) lies within the
// period `ours`.
bool Within(const std::string& want, const std::string& ours) {
  size_t slash = want.find('/');
  if (slash == std::string::npos) return false;
  auto inside = Period(ours), first = Period(want.substr(0, slash)), last = Period(want.substr(slash + 1));
  return inside && first && last && first->first >= inside->first && last->second <= inside->second;
}

struct CaseResult {
  std::vector<FoundTime> found;
};

// Scores found expressions against both corpora; `found_duckling[i]` and
// `found_recognizers[i]` are the tool's results for case i.
void Score(const std::vector<DucklingCase>& duckling, const std::vector<CaseResult>& found_duckling,
           const std::vector<RecognizerCase>& recognizers, const std::vector<CaseResult>& found_recognizers,
           size_t show, TimeRun& run) {
  DucklingScores& d = run.duckling;
  for (size_t i = 0; i < duckling.size() && i < found_duckling.size(); ++i) {
    const DucklingCase& c = duckling[i];
    const std::vector<FoundTime>& found = found_duckling[i].found;
    ++d.phrases;
    if (!found.empty()) ++d.found;
    if (c.expected == "NEGATIVE") {
      ++d.negatives;
      if (found.empty()) {
        ++d.negatives_left;
      } else if (d.errors.size() < show) {
        d.errors.push_back("negative '" + c.phrase + "' gave " + found[0].value);
      }
      continue;
    }
    std::string want = CanonicalTimex(DucklingTimex(c.expected));
    const FoundTime* longest = nullptr;
    for (const FoundTime& f : found) {
      if (longest == nullptr || f.end - f.start > longest->end - longest->start) longest = &f;
    }
    // (PRESENT_REF is the reference time itself, at whatever grain.)
    const std::string reference = kDucklingReference;
    bool now = longest != nullptr && longest->value == "PRESENT_REF" &&
               (want == reference.substr(0, 10) || want.starts_with(reference.substr(0, 16)));
    if (longest != nullptr && (now || CanonicalTimex(longest->value) == want ||
                               (!longest->mod.empty() && Within(want, longest->value)))) {
      ++d.resolved;
    } else if (d.errors.size() < show) {
      d.errors.push_back("'" + c.phrase + "': want " + want + ", got " +
                         (longest != nullptr ? longest->value : std::string("nothing")));
    }
  }
  d.share = d.phrases > 0 ? static_cast<double>(d.resolved + d.negatives_left) / d.phrases : 0;

  RecognizerScores& r = run.recognizers;
  uint64_t found_matched = 0;
  for (size_t i = 0; i < recognizers.size() && i < found_recognizers.size(); ++i) {
    const RecognizerCase& c = recognizers[i];
    const std::vector<FoundTime>& found = found_recognizers[i].found;
    ++r.cases;
    r.gold_spans += c.gold.size();
    r.found_spans += found.size();
    std::vector<bool> used(found.size(), false);
    for (const GoldTime& g : c.gold) {
      size_t best = found.size();
      for (size_t k = 0; k < found.size(); ++k) {
        if (used[k] || !g.located) continue;
        if (found[k].start < g.end && g.start < found[k].end) {
          best = k;
          break;
        }
      }
      if (best == found.size()) {
        if (r.errors.size() < show) r.errors.push_back("missed '" + g.text + "' in '" + c.input + "'");
        continue;
      }
      used[best] = true;
      ++r.matched;
      ++found_matched;
      if (found[best].start == g.start && found[best].end == g.end) ++r.exact;
      if (c.reference) {
        ++r.valued;
        if (SameValue(found[best].value, found[best].mod, g)) {
          ++r.values_right;
        } else if (r.errors.size() < show) {
          r.errors.push_back("'" + g.text + "' (ref " + *c.reference + "): got " + found[best].value +
                             ", want " + (g.timex.empty() ? std::string("?") : g.timex[0]));
        }
      }
    }
    for (size_t k = 0; k < found.size(); ++k) {
      if (!used[k] && r.errors.size() < show) {
        r.errors.push_back("not gold: '" + c.input.substr(found[k].start, found[k].end - found[k].start) +
                           "' in '" + c.input + "'");
      }
    }
  }
  r.precision = r.found_spans > 0 ? static_cast<double>(found_matched) / r.found_spans : 0;
  r.recall = r.gold_spans > 0 ? static_cast<double>(r.matched) / r.gold_spans : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  r.value_accuracy = r.valued > 0 ? static_cast<double>(r.values_right) / r.valued : 0;
}

struct Corpora {
  std::vector<DucklingCase> duckling;
  std::vector<RecognizerCase> recognizers;
};

Result<Corpora> ReadCorpora(const std::string& duckling_tsv, const std::string& recognizers_json) {
  Corpora corpora;
  if (!duckling_tsv.empty()) {
    auto d = ReadDuckling(duckling_tsv);
    if (!d.ok()) return d.status();
    corpora.duckling = std::move(d).value();
  }
  if (!recognizers_json.empty()) {
    auto r = ReadRecognizers(recognizers_json);
    if (!r.ok()) return r.status();
    corpora.recognizers = std::move(r).value();
  }
  return corpora;
}

// Byte offset of code point `n` in UTF-8 `s`.
uint32_t ByteOffset(const std::string& s, uint32_t n) {
  uint32_t i = 0;
  for (; i < s.size() && n > 0; --n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// A peer's ISO date-time at its grain as TIMEX3.
std::string PeerTimex(const std::string& value, const std::string& grain) {
  int f[6] = {0, 0, 0, 0, 0, 0};
  if (std::sscanf(value.c_str(), "%d-%d-%dT%d:%d:%d", &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]) < 3) return "";
  static const std::map<std::string, std::string> kGrains = {
      {"second", "Second"}, {"minute", "Minute"}, {"hour", "Hour"}, {"day", "Day"},
      {"week", "Week"},     {"month", "Month"},   {"year", "Year"}};
  auto it = kGrains.find(grain);
  return AtGrain(f, it != kGrains.end() ? it->second : "Day");
}

}  // namespace

Result<TimeRun> EvaluateTimes(const std::string& duckling_tsv, const std::string& recognizers_json,
                              const Options& options, size_t show) {
  auto corpora = ReadCorpora(duckling_tsv, recognizers_json);
  if (!corpora.ok()) return corpora.status();
  // Only what the times stage needs: no names, no quotations.
  Options o = options;
  o.tagger_model = "none";
  o.knowledge_base = "none";
  o.quotes = false;
  o.times = true;
  auto pipeline = Pipeline::Create(o);
  if (!pipeline.ok()) return pipeline.status();
  TimeRun run;
  auto analyse = [&](const std::string& text, const std::string& reference) {
    Article article;
    article.source.path = "case";
    article.source.format = "text";
    article.source.published = reference;
    article.raw = text;
    auto start = std::chrono::steady_clock::now();
    (*pipeline)->Run(article);
    run.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++run.cases;
    CaseResult result;
    for (const TimeExpr& t : article.times) result.found.push_back({t.raw.start, t.raw.end, t.value, t.mod});
    return result;
  };
  std::vector<CaseResult> found_duckling, found_recognizers;
  for (const DucklingCase& c : corpora->duckling) found_duckling.push_back(analyse(c.phrase, kDucklingReference));
  for (const RecognizerCase& c : corpora->recognizers) {
    found_recognizers.push_back(analyse(c.input, c.reference.value_or(kDefaultReference)));
  }
  Score(corpora->duckling, found_duckling, corpora->recognizers, found_recognizers, show, run);
  return run;
}

Result<TimeRun> ScorePredictions(const std::string& duckling_tsv, const std::string& recognizers_json,
                                 const std::string& predictions_jsonl, size_t show) {
  auto corpora = ReadCorpora(duckling_tsv, recognizers_json);
  if (!corpora.ok()) return corpora.status();
  std::ifstream in(predictions_jsonl);
  if (!in) return Status(StatusCode::kNotFound, predictions_jsonl + ": cannot read");
  std::vector<CaseResult> found_duckling(corpora->duckling.size()), found_recognizers(corpora->recognizers.size());
  TimeRun run;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json p = nlohmann::json::parse(line, nullptr, false);
    if (!p.is_object()) return Status(StatusCode::kInvalidArgument, predictions_jsonl + ": a line that is no object");
    if (p.contains("summary")) {  // the runner's timing of its parse calls
      run.cases = p.value("cases", uint64_t{0});
      run.seconds = p.value("seconds", 0.0);
      continue;
    }
    std::string corpus = p.value("corpus", "");
    int64_t id = p.value("case", int64_t{-1});
    const std::string* text = nullptr;
    CaseResult* result = nullptr;
    if (corpus == "duckling" && id >= 1 && static_cast<size_t>(id) <= corpora->duckling.size()) {
      text = &corpora->duckling[id - 1].phrase;  // 1-based line numbers
      result = &found_duckling[id - 1];
    } else if (corpus == "recognizers" && id >= 0 && static_cast<size_t>(id) < corpora->recognizers.size()) {
      text = &corpora->recognizers[id].input;
      result = &found_recognizers[id];
    } else {
      continue;
    }
    for (const auto& f : p.value("found", nlohmann::json::array())) {
      if (!f.contains("value") || !f["value"].is_string()) continue;
      std::string grain = f.contains("grain") && f["grain"].is_string() ? f["grain"].get<std::string>() : "day";
      FoundTime found;
      found.start = ByteOffset(*text, f.value("start", 0u));
      found.end = ByteOffset(*text, f.value("end", 0u));
      found.value = PeerTimex(f["value"].get<std::string>(), grain);
      if (f.contains("end_value") && f["end_value"].is_string()) {
        found.value += "/" + PeerTimex(f["end_value"].get<std::string>(), grain);
      }
      result->found.push_back(std::move(found));
    }
  }
  Score(corpora->duckling, found_duckling, corpora->recognizers, found_recognizers, show, run);
  return run;
}

}  // namespace veille
