#include "entities/name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace veille::entities {
namespace {

// Cyrillic by BGN/PCGN (ш → sh, ч → ch, ж → zh, х → kh), every other script
// by ICU's general rules, then accents off and lower case. "ł" is not an
// accent to Latin-ASCII; it is an "l". The marks BGN writes for ь and ъ
// (’ ”) and between letters it keeps apart (Тыайа → Ty·ay·a) go, as do
// apostrophes: they are not in every spelling. Letters with a háček or an
// acute that spell one sound (ž, š, č, ś, ć…) are written as the digraphs
// the other conventions use, before accents are dropped.
const icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        "veille-name", icu::UnicodeString::fromUTF8(
            "::Russian-Latin/BGN; ::Any-Latin; ł > l; Ł > L;"
            "[\\u00B7 \\u02B9 \\u02BA \\u2019 \\u201D \\u0027 \\u0022] > ;"
            "[žŽżŻ] > zh; [šŠśŚŝŜşŞșȘ] > sh; [čČćĆĉĈ] > ch; [ţŢțȚ] > ts;"
            "::Latin-ASCII; ::Lower;"),
        UTRANS_FORWARD, parse, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return transliterator.get();
}

// The conventions made one, longest spellings first. Upper-case letters
// are the merged classes: S for ш and ч together (sh, sch, sz, tch, tsch,
// cz, and ch, which is ш in French and ч in English), J for ж (zh, j, dj,
// ż, rz), H for х (kh).
struct Rule {
  std::string_view from, to;
};
constexpr std::array kRules = {
    Rule{"schtsch", "S"}, Rule{"chtch", "S"}, Rule{"shch", "S"}, Rule{"szcz", "S"},
    Rule{"tsch", "S"},    Rule{"tch", "S"},   Rule{"sch", "S"},  Rule{"cz", "S"},
    Rule{"sh", "S"},      Rule{"sz", "S"},    Rule{"ch", "S"},
    Rule{"dzh", "J"},     Rule{"dj", "J"},    Rule{"zh", "J"},   Rule{"rz", "J"},
    Rule{"kh", "H"},      Rule{"ou", "u"},    Rule{"w", "v"},    Rule{"x", "ks"},
    // Kazakh and other Turkic names: ғ is "gh" or "g", қ is "q" or "k"
    // (Mangghystaū, Mangystau; Qazaqstan, Kazakhstan).
    Rule{"gh", "g"},      Rule{"q", "k"},
    Rule{"j", "J"},       Rule{"y", "i"},
};

std::string Unify(const std::string& ascii) {
  std::string out;
  for (size_t i = 0; i < ascii.size();) {
    bool matched = false;
    for (const Rule& rule : kRules) {
      if (ascii.compare(i, rule.from.size(), rule.from) == 0) {
        out += rule.to;
        i += rule.from.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += ascii[i++];
  }
  // "ie"/"ye"/"je" (е after a vowel or at the start) read as "e": after
  // the rules, y and j are i and J.
  std::string e;
  for (size_t i = 0; i < out.size(); ++i) {
    if ((out[i] == 'i' || out[i] == 'J') && i + 1 < out.size() && out[i + 1] == 'e' &&
        (i == 0 || std::string_view("aeiou").find(out[i - 1]) != std::string_view::npos)) {
      continue;
    }
    e += out[i];
  }
  // Word by word: endings, then doubled letters.
  std::string key;
  size_t start = 0;
  while (start <= e.size()) {
    size_t end = e.find(' ', start);
    if (end == std::string::npos) end = e.size();
    std::string word = e.substr(start, end - start);
    if (word.size() > 4 && word.ends_with("off")) word.replace(word.size() - 3, 3, "ov");
    if (word.size() > 4 && word.ends_with("ka")) word.back() = 'o';  // Belarusian -ka, Russian -ko
    std::string single;
    for (char c : word) {
      if (single.empty() || single.back() != c) single += c;
    }
    if (!single.empty()) {
      if (!key.empty()) key += ' ';
      key += single;
    }
    start = end + 1;
  }
  return key;
}

// The keys of the names met lately, shared by every thread: an archive's
// names repeat (Biélorussie, Zelensky…), a key costs microseconds (ICU's
// transliterator for a name that is not ASCII, then the conventions), and a
// server's requests run on many threads, each of which would otherwise
// learn the same names again. Sixteen shards, each emptied when full: some
// 130,000 names, 15 MB at most.
class RecentKeys {
 public:
  std::optional<std::string> Find(std::string_view name) {
    Shard& shard = ShardOf(name);
    std::lock_guard lock(shard.mutex);
    auto found = shard.keys.find(std::string(name));
    if (found == shard.keys.end()) return std::nullopt;
    return found->second;
  }
  void Keep(std::string_view name, const std::string& key) {
    Shard& shard = ShardOf(name);
    std::lock_guard lock(shard.mutex);
    if (shard.keys.size() >= kPerShard) shard.keys.clear();
    shard.keys.emplace(name, key);
  }

 private:
  static constexpr size_t kShards = 16, kPerShard = 8192;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::string> keys;
  };
  Shard& ShardOf(std::string_view name) { return shards_[std::hash<std::string_view>()(name) % kShards]; }
  std::array<Shard, kShards> shards_;
};

// In front of RecentKeys, each thread's most frequent names in a small
// table that stays in the processor's cache, without a lock: one slot per
// hash, the last name wins. Storing an article keys every one of its names
// again (a hundred in a long article), and the shared map's nodes, spread
// over megabytes and locked, cost a cache miss or two each.
class FrontKeys {
 public:
  // A name and its key, kept in place: no pointer to follow.
  struct Slot {
    uint64_t hash = 0;
    uint8_t name_size = 0, key_size = 0;
    char name[38];
    char key[40];
    bool Holds(uint64_t h, std::string_view n) const {
      return hash == h && name_size == n.size() && n.compare(0, n.size(), name, name_size) == 0;
    }
  };
  // The slot for `name`, whose hash is `hash`; nullptr for a name too long
  // to be kept here.
  Slot* SlotOf(uint64_t hash, std::string_view name) {
    if (name.size() > sizeof(Slot::name)) return nullptr;
    return &slots_[hash % kSlots];
  }
  static void Keep(Slot* slot, uint64_t hash, std::string_view name, const std::string& key) {
    if (!slot || key.size() > sizeof(Slot::key)) return;
    slot->hash = hash;
    slot->name_size = static_cast<uint8_t>(name.size());
    slot->key_size = static_cast<uint8_t>(key.size());
    std::memcpy(slot->name, name.data(), name.size());
    std::memcpy(slot->key, key.data(), key.size());
  }

 private:
  static constexpr size_t kSlots = 2048;  // 88 bytes each: 180 kB a thread
  std::array<Slot, kSlots> slots_;
};

// The key, computed.
std::string ComputeNameKey(std::string_view name) {
  std::string ascii;
  if (std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; })) {
    // ASCII already, which most names in a French text are: of the
    // transliterator's rules only two apply, quotes dropped and lower case,
    // at a fraction of its cost.
    for (char c : name) {
      if (c != '\'' && c != '"') ascii += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  } else {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    if (const icu::Transliterator* t = ThreadTransliterator()) t->transliterate(text);
    text.toUTF8String(ascii);
  }
  // Letters and digits only; everything else separates words.
  std::string words;
  for (char c : ascii) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
    if (keep) {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  return Unify(words);
}

}  // namespace

std::string NameKey(std::string_view name) {
  name = name.substr(0, std::min<size_t>(name.size(), 1024));
  static RecentKeys recent;
  thread_local std::unique_ptr<FrontKeys> front = std::make_unique<FrontKeys>();
  uint64_t hash = std::hash<std::string_view>()(name);
  FrontKeys::Slot* slot = front->SlotOf(hash, name);
  if (slot && slot->Holds(hash, name)) return std::string(slot->key, slot->key_size);
  std::optional<std::string> key = recent.Find(name);
  if (!key) {
    key = ComputeNameKey(name);
    recent.Keep(name, *key);
  }
  FrontKeys::Keep(slot, hash, name, *key);
  return *std::move(key);
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diagonal = row[0], best = j;
    row[0] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return row[a.size()];
}

bool SameNameKey(std::string_view a, std::string_view b) {
  if (a == b) return !a.empty();
  size_t shorter = std::min(a.size(), b.size());
  size_t allowed = shorter >= 13 ? 2 : shorter >= 9 ? 1 : 0;
  return allowed > 0 && EditDistance(a, b, allowed) <= allowed;
}

}  // namespace veille::entities
