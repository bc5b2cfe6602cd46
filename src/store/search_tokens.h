// The words of the search index: what both archives index and match.
#ifndef VEILLE_STORE_SEARCH_TOKENS_H_
#define VEILLE_STORE_SEARCH_TOKENS_H_

#include <utility>
#include <vector>
#include <memory>
#include <string>
#include <cstdint>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace veille::store {

// Turns text into index terms: words (runs of letters, marks and digits;
// ICU's dictionaries for Chinese, Japanese, Thai…), case-folded,
// French elisions dropped (l'état → état), stemmed with Snowball's French
// stemmer, then stripped of accents. So "manifester", "manifestants" and
// "manifestation" share one term, and "Etat", "état" and "ÉTAT" another.
// French stop words (Snowball's list, which PostgreSQL's French
// configuration also uses: le, de, et, est…) are not terms: they would match
// most articles and find nothing. Every language goes through the French
// stemmer: French is first, and words of other languages are mostly left as
// they are (Cyrillic untouched).
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
  // for them, and they bloat the index). `term` is valid during the call.
  template <typename Emit>
  void Tokenize(std::string_view text, Emit&& emit) {
    words_.clear();
    WordsOf(text, words_);
    for (const auto& [start, end] : words_) {
      std::string_view term = Term(text.substr(start, end - start));
      if (!term.empty()) emit(term, start, end);
    }
  }

  // The term of one word ("" for punctuation and stop words). The view stays
  // valid until the tokenizer forgets the words it knows, at the latest
  // after 50,000 new ones; copy it to keep it.
  std::string_view Term(std::string_view word);

  // Whether `text` has a word or a number at all, not punctuation alone.
  static bool HasWords(std::string_view text);

 private:
  // The byte ranges of the words and numbers of `text`.
  static void WordsOf(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>& out);
  std::string ComputeTerm(std::string_view word);

  sb_stemmer* stemmer_;
  std::string folded_;  // scratch
  std::vector<std::pair<uint32_t, uint32_t>> words_;  // scratch
  // Words seen and their terms: word frequencies follow Zipf's law, so most
  // words are met again soon and stemming (the costly part) is done once.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
  // In front of it, the most frequent words in a small table that stays in
  // the processor's cache: one slot per hash, the last word wins.
  struct Slot {
    uint64_t hash = 0;
    uint8_t word_size = 0, term_size = 0;
    char word[27];
    char term[27];
  };
  std::vector<Slot> front_;
};

}  // namespace veille::store

#endif  // VEILLE_STORE_SEARCH_TOKENS_H_
