// The words of the search index: what both archives index and match.
#ifndef VEILLE_STORE_SEARCH_TOKENS_H_
#define VEILLE_STORE_SEARCH_TOKENS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace veille::store {

// Turns text into index terms: Unicode words (text::Words), case-folded,
// French elisions dropped (l'état → état), stemmed with Snowball's French
// stemmer, then stripped of accents. So "manifester", "manifestants" and
// "manifestation" share one term, and "Etat", "état" and "ÉTAT" another.
// Every language goes through the French stemmer: French is first, and words
// of other languages are mostly left as they are (Cyrillic untouched).
//
// Not thread-safe (Snowball keeps state): one per thread or connection.
class SearchTokenizer {
 public:
  SearchTokenizer();
  ~SearchTokenizer();
  SearchTokenizer(const SearchTokenizer&) = delete;
  SearchTokenizer& operator=(const SearchTokenizer&) = delete;

  // Calls `emit(term, start, end)` for each term, with the byte range of its
  // word in `text`. Words longer than 64 bytes are skipped (nobody searches
  // for them, and they bloat the index).
  void Tokenize(std::string_view text,
                const std::function<void(std::string_view, uint32_t, uint32_t)>& emit);

  // The term of one word ("" for punctuation).
  std::string Term(std::string_view word);

 private:
  sb_stemmer* stemmer_;
  std::string folded_;  // scratch
};

}  // namespace veille::store

#endif  // VEILLE_STORE_SEARCH_TOKENS_H_
