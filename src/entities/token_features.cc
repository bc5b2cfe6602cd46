#include "entities/token_features.h"

#include <xxhash.h>

namespace veille::entities {
namespace {

// Feature templates: the first element hashed with the values, so that the
// same string in two templates makes two features.
enum Template : uint64_t {
  kBias = 1, kLower, kWord, kLowerPrev, kLowerNext, kLowerPrev2, kLowerNext2, kShape, kShortShape,
  kShortShapePrev, kShortShapeNext, kPrefix, kSuffix, kBigramPrev, kBigramNext, kFirstCapital,
  kCaseFlags, kListHere, kListHereCapitalised, kListPrev, kListNext, kShapeTrigram,
  kLowerPrevShape, kShapeLowerNext, kLength, kSentenceCase, kCommonCapitalised,
};

uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

uint64_t Feature(uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t parts[4] = {t, a, b, c};
  return XXH3_64bits(parts, sizeof parts);
}

// Byte lengths of the first and last 1…4 code points of a UTF-8 string.
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// How the sentence writes case: normally, all in capitals (a shouted
// title), or with no capitals at all. Case features mean different things
// in each.
enum SentenceCase : uint64_t { kNormalCase, kAllCapitals, kNoCapitals };

SentenceCase CaseOf(std::span<const TokenText> texts) {
  int letters = 0, upper = 0, capitalised = 0;
  for (const TokenText& t : texts) {
    if (!t.has_letter) continue;
    ++letters;
    upper += t.all_upper || (t.capitalised && t.characters == 1);
    capitalised += t.capitalised;
  }
  if (letters >= 3 && upper * 10 >= letters * 8) return kAllCapitals;
  if (letters >= 3 && capitalised == 0) return kNoCapitals;
  return kNormalCase;
}

}  // namespace

void ExtractFeatures(std::span<const std::string_view> tokens, const Gazetteer& gazetteer,
                     FeatureScratch& scratch, SentenceFeatures& out) {
  size_t n = tokens.size();
  out.hashes.clear();
  out.offsets.assign(1, 0);
  if (scratch.texts.size() < n) scratch.texts.resize(n);
  scratch.lower.resize(n);
  scratch.short_shape.resize(n);
  for (size_t i = 0; i < n; ++i) {
    ReadTokenText(tokens[i], scratch.texts[i]);
    scratch.lower[i] = Hash(scratch.texts[i].lower);
    scratch.short_shape[i] = Hash(scratch.texts[i].short_shape);
  }
  std::span<const TokenText> texts(scratch.texts.data(), n);
  gazetteer.Match(texts, scratch.hits);
  const uint64_t kStart = Hash("<s>"), kEnd = Hash("</s>");
  auto lower = [&](ptrdiff_t i) {
    return i < 0 ? kStart : i >= static_cast<ptrdiff_t>(n) ? kEnd : scratch.lower[i];
  };
  auto shape = [&](ptrdiff_t i) {
    return i < 0 ? kStart : i >= static_cast<ptrdiff_t>(n) ? kEnd : scratch.short_shape[i];
  };
  auto hits = [&](ptrdiff_t i) -> GazetteerHits {
    return i < 0 || i >= static_cast<ptrdiff_t>(n) ? 0 : scratch.hits[i];
  };
  SentenceCase sentence_case = CaseOf(texts);
  auto& h = out.hashes;
  for (size_t u = 0; u < n; ++u) {
    ptrdiff_t i = static_cast<ptrdiff_t>(u);
    const TokenText& t = texts[u];
    h.push_back(Feature(kBias, 0));
    h.push_back(Feature(kLower, lower(i)));
    if (t.capitalised || t.all_upper) h.push_back(Feature(kWord, Hash(tokens[u].substr(0, kMaxTokenBytes))));
    h.push_back(Feature(kLowerPrev, lower(i - 1)));
    h.push_back(Feature(kLowerNext, lower(i + 1)));
    h.push_back(Feature(kLowerPrev2, lower(i - 2)));
    h.push_back(Feature(kLowerNext2, lower(i + 2)));
    h.push_back(Feature(kShape, Hash(t.shape)));
    h.push_back(Feature(kShortShape, shape(i)));
    h.push_back(Feature(kShortShapePrev, shape(i - 1)));
    h.push_back(Feature(kShortShapeNext, shape(i + 1)));
    // Prefixes and suffixes of 1 to 4 code points, of words long enough.
    const std::string& w = t.lower;
    if (t.characters >= 3) {
      size_t cut = 0;
      for (int k = 1; k <= 4 && cut < w.size(); ++k) {
        ++cut;
        while (cut < w.size() && IsContinuation(w[cut])) ++cut;
        if (k >= 2) h.push_back(Feature(kPrefix, Hash(std::string_view(w).substr(0, cut))));
      }
      size_t from = w.size();
      for (int k = 1; k <= 4 && from > 0; ++k) {
        --from;
        while (from > 0 && IsContinuation(w[from])) --from;
        h.push_back(Feature(kSuffix, Hash(std::string_view(w).substr(from))));
      }
    }
    h.push_back(Feature(kBigramPrev, lower(i - 1), lower(i)));
    h.push_back(Feature(kBigramNext, lower(i), lower(i + 1)));
    h.push_back(Feature(kFirstCapital, u == 0, t.capitalised, sentence_case));
    h.push_back(Feature(kCaseFlags, t.capitalised, t.all_upper, t.has_digit * 2 + t.has_letter));
    GazetteerHits here = hits(i), before = hits(i - 1), after = hits(i + 1);
    for (int bit = 0; bit < 2 * kGazetteerLists; ++bit) {
      if (here & (1u << bit)) {
        h.push_back(Feature(kListHere, bit));
        h.push_back(Feature(kListHereCapitalised, bit, t.capitalised, sentence_case));
      }
      if (before & (1u << bit)) h.push_back(Feature(kListPrev, bit));
      if (after & (1u << bit)) h.push_back(Feature(kListNext, bit));
    }
    // A capitalised word that is also a common word ("Président",
    // "Chaque"), at the start of a sentence or not.
    constexpr GazetteerHits kCommon = 1u << (2 * static_cast<int>(GazetteerList::kCommonWord));
    if ((here & kCommon) && t.capitalised) h.push_back(Feature(kCommonCapitalised, u == 0));
    h.push_back(Feature(kShapeTrigram, shape(i - 1), shape(i), shape(i + 1)));
    h.push_back(Feature(kLowerPrevShape, lower(i - 1), shape(i)));
    h.push_back(Feature(kShapeLowerNext, shape(i), lower(i + 1)));
    uint64_t length = t.characters <= 3 ? t.characters : t.characters <= 5 ? 4 : t.characters <= 8 ? 5 : 6;
    h.push_back(Feature(kLength, length, t.capitalised));
    h.push_back(Feature(kSentenceCase, sentence_case, shape(i)));
    out.offsets.push_back(static_cast<uint32_t>(h.size()));
  }
}

}  // namespace veille::entities
