// The French search tokenizer, registered into SQLite's FTS5.
#ifndef VEILLE_STORE_FTS_TOKENIZER_H_
#define VEILLE_STORE_FTS_TOKENIZER_H_

#include <sqlite3.h>

#include "veille/status.h"

namespace veille::store {

// The name the archive's FTS5 table uses: tokenize='veille_fr'.
inline constexpr const char* kFtsTokenizerName = "veille_fr";

// Registers SearchTokenizer as an FTS5 tokenizer on this connection. Every
// connection that reads or writes the index needs it: SQLite stores only the
// tokenizer's name.
Status RegisterFtsTokenizer(sqlite3* db);

}  // namespace veille::store

#endif  // VEILLE_STORE_FTS_TOKENIZER_H_
