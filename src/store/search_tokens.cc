#include "store/search_tokens.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <cstdlib>
#include <vector>

#include "text/word_scanner.h"

namespace veille::store {
namespace {

constexpr size_t kMaxWordBytes = 64;

// French elided words, without their apostrophe.
bool IsElision(std::string_view prefix) {
  static constexpr std::string_view kElisions[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  for (std::string_view e : kElisions) {
    if (prefix == e) return true;
  }
  return false;
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

std::string SearchTokenizer::Term(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return {};
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
  if (apostrophe != std::string::npos && IsElision(std::string_view(folded_).substr(0, apostrophe))) {
    folded_.erase(0, apostrophe + 1);
  }
  if (folded_.empty()) return {};
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

void SearchTokenizer::Tokenize(
    std::string_view text,
    const std::function<void(std::string_view, uint32_t, uint32_t)>& emit) {
  std::vector<text::Piece> words;
  text::Words(text, &words);
  for (const text::Piece& w : words) {
    if (w.kind != TokenKind::kWord && w.kind != TokenKind::kNumber) continue;
    std::string term = Term(text.substr(w.start, w.end - w.start));
    if (!term.empty()) emit(term, w.start, w.end);
  }
}

}  // namespace veille::store
