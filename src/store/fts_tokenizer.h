// The tokenizers veille registers into SQLite's FTS5: French text, and the
// names an article mentions.
#ifndef VEILLE_STORE_FTS_TOKENIZER_H_
#define VEILLE_STORE_FTS_TOKENIZER_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille::store {

// The name the archive's FTS5 table uses: tokenize='veille_fr'.
inline constexpr const char* kFtsTokenizerName = "veille_fr";
// The names index's: tokenize='veille_names'. Its text is one name per
// line (EntityKey()s), and each line is one term, cut at this many bytes.
inline constexpr const char* kNamesTokenizerName = "veille_names";
inline constexpr int kMaxNameTokenBytes = 200;

// A search term of a text and the byte range of its word.
struct IndexTerm {
  std::string term;
  uint32_t start;
  uint32_t end;
};

// The terms of texts about to be indexed, computed beforehand (on all
// cores): when FTS5 asks for the terms of one of these very buffers, the
// tokenizer hands over the list instead of working them out again. Texts are
// recognised by address and size, so the buffers must be the ones bound to
// the INSERT (with SQLITE_STATIC) and outlive it. One per connection.
class Pretokenized {
 public:
  void Set(std::vector<std::pair<std::string_view, const std::vector<IndexTerm>*>> texts) {
    texts_ = std::move(texts);
  }
  void Clear() { texts_.clear(); }
  const std::vector<IndexTerm>* Find(const char* data, int size) const {
    for (const auto& [text, terms] : texts_) {
      if (text.data() == data && static_cast<int>(text.size()) == size) return terms;
    }
    return nullptr;
  }

 private:
  std::vector<std::pair<std::string_view, const std::vector<IndexTerm>*>> texts_;
};

// Registers both tokenizers on this connection. Every
// connection that reads or writes the index needs it: SQLite stores only the
// tokenizer's name. `pretokenized`, if given, must outlive the connection.
Status RegisterFtsTokenizer(sqlite3* db, const Pretokenized* pretokenized = nullptr);

// The archive's SQL function: veille_months(names), MonthsTalkedAbout of a
// names text (for the migration that made the facets table).
Status RegisterArchiveFunctions(sqlite3* db);

// The terms of `text`, as the tokenizer would give them to FTS5.
std::vector<IndexTerm> IndexTermsOf(std::string_view text);

}  // namespace veille::store

#endif  // VEILLE_STORE_FTS_TOKENIZER_H_
