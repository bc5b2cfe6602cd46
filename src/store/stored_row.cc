#include "store/stored_row.h"

#include <unicode/utf8.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>

#include "entities/name_key.h"
#include "time/time_resolver.h"
#include "veille/boilerplate.h"
#include "veille/json.h"

namespace veille::store {

std::string Compress(std::string_view bytes) {
  // One context per thread, kept: making one per call costs more than
  // compressing a short article.
  thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> context(ZSTD_createCCtx(),
                                                                           ZSTD_freeCCtx);
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  // Level 1: the archive is written at thousands of articles a second, and
  // news text compresses about threefold even so.
  size_t n = ZSTD_compressCCtx(context.get(), out.data(), out.size(), bytes.data(), bytes.size(), 1);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<std::string> Decompress(std::string_view compressed) {
  unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > (uint64_t{1} << 32)) {
    return Status(StatusCode::kCorrupt, "a stored article is damaged");
  }
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != size) {
    return Status(StatusCode::kCorrupt, "a stored article is damaged");
  }
  return out;
}

namespace {

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD: file names
// and fields given by the input may be in another encoding, and PostgreSQL
// refuses text that is not UTF-8. (The raw bytes are kept as they are.)
void RepairUtf8(std::string& text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  bool valid = true;
  for (int32_t i = 0; i < n && valid;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    valid = c >= 0;
  }
  if (valid) return;
  std::string repaired;
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      repaired += "\xEF\xBF\xBD";
    } else {
      repaired.append(text, start, i - start);
    }
  }
  text = std::move(repaired);
}

void RepairUtf8(std::optional<std::string>& text) {
  if (text) RepairUtf8(*text);
}

}  // namespace

std::string FacetKey(std::string_view value) { return LearnedBoilerplate::OutletKey(value); }

std::string EntityKey(std::string_view name) {
  std::string spaced;
  bool space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    size_t skip = 0;
    if (c == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0xA0) {
      is_space = true;  // U+00A0
      skip = 1;
    } else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(name[i + 2]) == 0xAF ||
                static_cast<unsigned char>(name[i + 2]) == 0x89)) {
      is_space = true;  // U+202F, U+2009
      skip = 2;
    } else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) == 0x99) {
      spaced += '\'';  // U+2019
      i += 2;
      space = false;
      continue;
    }
    i += skip;
    if (is_space) {
      space = !spaced.empty();
      continue;
    }
    if (space) spaced += ' ';
    space = false;
    spaced += static_cast<char>(c);
  }
  return FacetKey(spaced);
}

std::vector<std::string> DateKeys(const TimeExpr& time) {
  std::vector<std::string> keys;
  if (time.anchor == TimeAnchor::kNone || time.type == TimeType::kDuration || time.type == TimeType::kSet) {
    return keys;
  }
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // The year, month and day at the head of a value ("2022-01-05TMO",
  // "2022-W02", "2022-SU"), as far as it has them.
  auto add = [&](std::string_view value) {
    if (value.size() < 4 || !digits(value.substr(0, 4))) return;
    keys.push_back(std::string(kDatePrefix).append(value.substr(0, 4)));
    if (value.size() < 7 || value[4] != '-' || !digits(value.substr(5, 2))) return;
    keys.push_back(std::string(kDatePrefix).append(value.substr(0, 7)));
    if (value.size() < 10 || value[7] != '-' || !digits(value.substr(8, 2))) return;
    keys.push_back(std::string(kDatePrefix).append(value.substr(0, 10)));
  };
  std::string_view value = time.value;
  size_t slash = value.find('/');
  if (slash == std::string_view::npos) {
    add(value);
    return keys;
  }
  // An interval: its ends, and the years or months between them (a
  // century, a year at most).
  std::string_view first = value.substr(0, slash), last = value.substr(slash + 1);
  add(first);
  add(last);
  if (first.size() == 4 && last.size() == 4 && digits(first) && digits(last)) {
    for (int y = std::stoi(std::string(first)) + 1, end = std::stoi(std::string(last)); y < end && y < 10000 &&
                                                                                         keys.size() < 100;
         ++y) {
      keys.push_back(std::string(kDatePrefix).append(std::to_string(y)));
    }
    return keys;
  }
  // The days between two days a month apart at most.
  if (auto a = time::ParseDay(first), b = time::ParseDay(last); a && b) {
    std::chrono::sys_days from{*a}, to{*b};
    if (to > from && to - from <= std::chrono::days{31}) {
      for (auto d = from + std::chrono::days{1}; d < to; d += std::chrono::days{1}) {
        keys.push_back(std::string(kDatePrefix).append(time::IsoDay(std::chrono::year_month_day{d})));
      }
    }
  }
  if (first.size() >= 7 && last.size() >= 7 && digits(first.substr(0, 4)) && digits(last.substr(0, 4)) &&
      first[4] == '-' && last[4] == '-' && digits(first.substr(5, 2)) && digits(last.substr(5, 2))) {
    int y = std::stoi(std::string(first.substr(0, 4))), m = std::stoi(std::string(first.substr(5, 2)));
    int last_y = std::stoi(std::string(last.substr(0, 4))), last_m = std::stoi(std::string(last.substr(5, 2)));
    for (int steps = 0; steps < 12 && (y < last_y || (y == last_y && m < last_m)); ++steps) {
      char month[16];
      std::snprintf(month, sizeof month, "%04d-%02d", y, m);
      keys.push_back(std::string(kDatePrefix) + month);
      if (++m > 12) m = 1, ++y;
    }
  }
  return keys;
}

namespace {

// Calls `month` with each "#YYYY-MM" line of a names text (NamesText).
template <typename Month>
void ForEachMonthTalkedAbout(std::string_view names, Month month) {
  while (!names.empty()) {
    size_t newline = names.find('\n');
    std::string_view name = names.substr(0, newline);
    names = newline == std::string_view::npos ? std::string_view() : names.substr(newline + 1);
    if (name.size() == 8 && name.starts_with(kDatePrefix) && name[5] == '-') month(name);
  }
}

}  // namespace

std::string MonthsTalkedAbout(std::string_view names) {
  std::string months;
  ForEachMonthTalkedAbout(names, [&](std::string_view month) {
    if (!months.empty()) months += '\n';
    months += month;
  });
  return months;
}

std::vector<FacetCount> CountTalkedAboutMonths(const std::vector<std::string>& names_lists) {
  std::unordered_map<std::string_view, uint64_t> counts;
  for (const std::string& names : names_lists) {
    ForEachMonthTalkedAbout(names, [&](std::string_view month) { ++counts[month.substr(1)]; });
  }
  std::vector<FacetCount> out;
  for (const auto& [month, count] : counts) out.push_back({std::string(month), count});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > 50) out.resize(50);
  return out;
}

StoredRow MakeStoredRow(const Article& article) {
  StoredRow row;
  row.id = article.id;
  row.source = article.source;
  RepairUtf8(row.source.path);
  RepairUtf8(row.source.format);
  RepairUtf8(row.source.id);
  RepairUtf8(row.source.url);
  RepairUtf8(row.source.outlet);
  RepairUtf8(row.source.published);
  RepairUtf8(row.source.title);
  if (article.outlet) {
    row.outlet = article.outlet->name;
    RepairUtf8(row.outlet);
    row.outlet_key = FacetKey(article.outlet->name);
    row.outlet_evidence = article.outlet->evidence;
  }
  row.language = article.language.code;
  row.language_key = FacetKey(row.language);
  row.script = article.language.script;
  row.language_confidence = article.language.confidence;
  if (article.published) {
    row.published = article.published->value;
    row.published_day = article.published->value.substr(0, 10);
    row.published_estimated = article.published->estimated;
  }
  if (row.source.title) row.title = *row.source.title;
  for (const Block& block : article.blocks) {
    std::string_view text = article.clean.View(block.clean);
    if (block.kind == BlockKind::kTitle) {
      row.title = std::string(text);
      continue;
    }
    if (block.kind != BlockKind::kBoilerplate) {
      if (!row.body.empty()) row.body += '\n';
      row.body.append(text);
    }
    if (text.size() <= kMaxBoilerplateLineBytes) {
      row.lines.emplace_back(LearnedBoilerplate::LineKey(text), std::string(text));
    }
  }
  // U+E000 and U+E001 mark matches in search snippets: the indexed text must
  // not carry them itself (U+FFFD takes their place, byte for byte).
  for (std::string* text : {&row.title, &row.body}) {
    for (size_t at = 0; (at = text->find("\xEE\x80", at)) != std::string::npos; at += 3) {
      if (at + 2 < text->size() && (text->at(at + 2) == '\x80' || text->at(at + 2) == '\x81')) {
        text->replace(at, 3, "\xEF\xBF\xBD");
      }
    }
  }
  // What entity: finds an article by (search_plan.cc), per mention: the name
  // key of its text, "~lukaSenko", for every spelling of one name in any
  // script (Loukachenko, Loukachenka, Лукашенко), and a person's surname's;
  // the name of what it names, and the knowledge base's id for it,
  // "=country:BY", "=geonames:1526384", for every name the knowledge base
  // knows it by. (An identity the knowledge base does not know has an id made
  // of its name key, which is there already.) A name without a key
  // (digits, symbols) is kept as written. Names recur in an article: each
  // text is keyed once.
  std::unordered_map<std::string_view, std::string> keys;
  auto key_of = [&](std::string_view text) -> const std::string& {
    auto [at, added] = keys.try_emplace(text);
    if (added) {
      std::string key = entities::NameKey(text);
      at->second = key.empty() ? EntityKey(text) : "~" + key;
      RepairUtf8(at->second);
    }
    return at->second;
  };
  // The terms of one mention, with `prefix` before each.
  auto add_mention = [&](const Entity& entity, std::string_view prefix) {
    auto add = [&](const std::string& key) {
      if (!key.empty()) row.entity_keys.push_back(std::string(prefix).append(key));
    };
    std::string_view text = article.TextOf(entity.raw);
    add(key_of(text));
    size_t space = text.find_last_of(' ');
    if (entity.type == EntityType::kPerson && space != std::string_view::npos) {
      add(key_of(text.substr(space + 1)));
    }
    if (entity.identity >= 0 && static_cast<size_t>(entity.identity) < article.identities.size()) {
      const Identity& identity = article.identities[entity.identity];
      // An adjective's place need not be written in the article ("le
      // gouvernement kazakh"): its name is keyed too.
      add(key_of(identity.name));
      std::string id = identity.id;
      RepairUtf8(id);
      // The article's own ids (IdentityId: "per:…", "loc:…", "org:…",
      // "misc:…") are name keys again; the knowledge base's are not.
      bool own = id.starts_with("per:") || id.starts_with("loc:") || id.starts_with("org:") ||
                 id.starts_with("misc:");
      if (!id.empty() && !own) add("=" + id);
    }
  };
  for (const Entity& entity : article.entities) add_mention(entity, "");
  for (const Quote& quote : article.quotes) {
    if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < article.entities.size()) {
      add_mention(article.entities[quote.speaker], kSpeakerPrefix);
    }
  }
  for (const TimeExpr& time : article.times) {
    for (std::string& key : DateKeys(time)) row.entity_keys.push_back(std::move(key));
  }
  std::sort(row.entity_keys.begin(), row.entity_keys.end());
  row.entity_keys.erase(std::unique(row.entity_keys.begin(), row.entity_keys.end()),
                        row.entity_keys.end());
  row.raw_zstd = Compress(article.raw);
  row.record_zstd = Compress(ToJsonLine(article));
  return row;
}

}  // namespace veille::store
