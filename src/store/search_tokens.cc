#include "store/search_tokens.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <utf8proc.h>

#include <xxhash.h>

#include <cstdlib>
#include <cstring>
#include <unordered_set>
#include <vector>

#include "text/word_scanner.h"

namespace veille::store {
namespace {

constexpr size_t kMaxWordBytes = 64;

// Words remembered by a tokenizer before its cache starts afresh: some
// megabytes, which hold the words of most of a language.
constexpr size_t kCacheWords = 50000;
constexpr size_t kFrontSlots = 65536;  // a power of two: 4 MB
constexpr size_t kFrontAfterWords = 4096;

// Snowball's French stop words, case-folded.
bool IsStopWord(std::string_view word) {
  static const std::unordered_set<std::string_view> kStopWords = {
      "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux",
      "il", "ils", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "même", "mes",
      "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que",
      "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
      "vos", "votre", "vous", "c", "d", "j", "l", "à", "m", "n", "s", "t", "y", "été", "étée",
      "étées", "étés", "étant", "étante", "étants", "étantes", "suis", "es", "est", "sommes",
      "êtes", "sont", "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait",
      "serions", "seriez", "seraient", "étais", "était", "étions", "étiez", "étaient", "fus",
      "fut", "fûmes", "fûtes", "furent", "sois", "soit", "soyons", "soyez", "soient", "fusse",
      "fusses", "fût", "fussions", "fussiez", "fussent", "ayant", "ayante", "ayantes", "ayants",
      "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont", "aurai", "auras", "aura",
      "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient", "avais",
      "avait", "avions", "aviez", "avaient", "eut", "eûmes", "eûtes", "eurent", "aie", "aies",
      "ait", "ayons", "ayez", "aient", "eusse", "eusses", "eût", "eussions", "eussiez",
      "eussent"};
  return kStopWords.count(word) > 0;
}

// utf8proc_map with `options`, into `out`; false on invalid input.
bool Map(std::string_view in, int options, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                    static_cast<utf8proc_ssize_t>(in.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return false;
  out.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return true;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

SearchTokenizer::SearchTokenizer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}

SearchTokenizer::~SearchTokenizer() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string_view SearchTokenizer::Term(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return {};
  uint64_t hash = XXH3_64bits(word.data(), word.size());
  Slot* slot = front_.empty() ? nullptr : &front_[hash & (kFrontSlots - 1)];
  if (slot && slot->hash == hash && slot->word_size == word.size() &&
      std::memcmp(slot->word, word.data(), word.size()) == 0) {
    return std::string_view(slot->term, slot->term_size);
  }
  auto cached = cache_.find(word);
  if (cached == cache_.end()) {
    if (cache_.size() >= kCacheWords) cache_.clear();
    cached = cache_.emplace(word, ComputeTerm(word)).first;
    // The front table pays off for indexing, not for a query's few words.
    if (front_.empty() && cache_.size() > kFrontAfterWords) front_.resize(kFrontSlots);
  }
  const std::string& term = cached->second;
  if (slot && word.size() <= sizeof slot->word && term.size() <= sizeof slot->term) {
    slot->hash = hash;
    slot->word_size = static_cast<uint8_t>(word.size());
    slot->term_size = static_cast<uint8_t>(term.size());
    std::memcpy(slot->word, word.data(), word.size());
    std::memcpy(slot->term, term.data(), term.size());
  }
  return term;
}

std::string SearchTokenizer::ComputeTerm(std::string_view word) {
  // 1. Case folding, accents kept: the stemmer's rules need them.
  bool ascii = IsAscii(word);
  if (ascii) {
    folded_.assign(word);
    for (char& c : folded_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  } else if (!Map(word, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, folded_)) {
    return {};
  }
  // 2. Elision: the word after the apostrophe is the one that counts. Typed
  // queries may carry the typographic apostrophe that cleaning unified.
  if (folded_.find("\u2019") != std::string::npos) {
    std::string unified;
    for (size_t i = 0; i < folded_.size(); ++i) {
      if (folded_.compare(i, 3, "\u2019") == 0) {
        unified += '\'';
        i += 2;
      } else {
        unified += folded_[i];
      }
    }
    folded_ = std::move(unified);
  }
  size_t apostrophe = folded_.find('\'');
  if (apostrophe != std::string::npos &&
      text::IsElision(std::string_view(folded_).substr(0, apostrophe))) {
    folded_.erase(0, apostrophe + 1);
  }
  if (folded_.empty() || IsStopWord(folded_)) return {};
  // 3. Snowball's French stemmer.
  std::string term = folded_;
  if (stemmer_) {
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(folded_.data()),
        static_cast<int>(folded_.size()));
    if (stem) term.assign(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer_));
  }
  // 4. Accents off, so that "etat" finds "état".
  if (!IsAscii(term)) {
    std::string stripped;
    if (Map(term, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK, stripped)) {
      term = std::move(stripped);
    }
  }
  return term;
}

bool SearchTokenizer::HasWords(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> words;
  WordsOf(text, words);
  return !words.empty();
}

void SearchTokenizer::WordsOf(std::string_view text,
                              std::vector<std::pair<uint32_t, uint32_t>>& out) {
  // A word is a run of letters, marks and digits, with apostrophes and, in
  // numbers, commas and periods inside it (l'état, 3,5); anything else
  // separates words. This simple rule is enough for search, where documents
  // and queries go through the same function, and several times faster than
  // the full Unicode rules of the analysis. Scripts without spaces between
  // words still need ICU's dictionaries: text::Words then.
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  size_t first = out.size();
  int32_t start = -1;
  auto is_word = [](UChar32 c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= '0' && c <= '9';
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
  };
  for (int32_t i = 0; i < n;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (text::IsDictionaryLetter(c)) {
      out.resize(first);
      std::vector<text::Piece> words;
      text::Words(text, &words);
      for (const text::Piece& w : words) {
        if (w.kind == TokenKind::kWord || w.kind == TokenKind::kNumber) out.emplace_back(w.start, w.end);
      }
      return;
    }
    if (c >= 0 && is_word(c)) {
      if (start < 0) start = at;
      continue;
    }
    bool joiner = c == '\'' || c == 0x2019 ||
                  ((c == ',' || c == '.') && at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9');
    if (start >= 0 && joiner && i < n) {
      int32_t next = i;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (d >= 0 && is_word(d)) continue;  // inside the word
    }
    if (start >= 0) out.emplace_back(start, at);
    start = -1;
  }
  if (start >= 0) out.emplace_back(start, n);
}

}  // namespace veille::store
