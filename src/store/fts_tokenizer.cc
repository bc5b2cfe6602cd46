#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <new>
#include <string>

#include "store/search_tokens.h"
#include "store/stored_row.h"

#ifndef FTS5_TOKENIZE_QUERY
#error "SQLite was built without FTS5"
#endif

namespace veille::store {
namespace {

struct Tokenizer {
  const Pretokenized* pretokenized;
  SearchTokenizer terms;
};

int Create(void* context, const char**, int, Fts5Tokenizer** out) {
  auto* tokenizer = new (std::nothrow) Tokenizer{static_cast<const Pretokenized*>(context), {}};
  if (!tokenizer) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Tokenize(Fts5Tokenizer* tokenizer, void* context, int /*flags*/, const char* text,
             int size, int (*emit)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<Tokenizer*>(tokenizer);
  if (self->pretokenized) {
    if (const std::vector<IndexTerm>* terms = self->pretokenized->Find(text, size)) {
      for (const IndexTerm& t : *terms) {
        int rc = emit(context, 0, t.term.data(), static_cast<int>(t.term.size()),
                      static_cast<int>(t.start), static_cast<int>(t.end));
        if (rc != SQLITE_OK) return rc;
      }
      return SQLITE_OK;
    }
  }
  int rc = SQLITE_OK;
  self->terms.Tokenize(std::string_view(text, size > 0 ? size : 0),
                       [&](std::string_view term, uint32_t start, uint32_t end) {
                         if (rc != SQLITE_OK) return;
                         rc = emit(context, 0, term.data(), static_cast<int>(term.size()),
                                   static_cast<int>(start), static_cast<int>(end));
                       });
  return rc;
}

// veille_names: the names an article mentions, one per line, each line one
// token. The lines are EntityKey()s already (folded, spaces collapsed), so
// a name is found whole, never by one of its words; a query is a name.
int CreateNames(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void DeleteNames(Fts5Tokenizer*) {}

int TokenizeNames(Fts5Tokenizer*, void* context, int /*flags*/, const char* text, int size,
                  int (*emit)(void*, int, const char*, int, int, int)) {
  int start = 0;
  for (int i = 0; i <= size; ++i) {
    if (i < size && text[i] != '\n') continue;
    // Longer names are cut: FTS5 keeps a term within a page.
    int length = std::min(i - start, kMaxNameTokenBytes);
    if (length > 0) {
      if (int rc = emit(context, 0, text + start, length, start, i); rc != SQLITE_OK) return rc;
    }
    start = i + 1;
  }
  return SQLITE_OK;
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
    return nullptr;
  }
  sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(statement);
  sqlite3_finalize(statement);
  return api;
}

}  // namespace

std::vector<IndexTerm> IndexTermsOf(std::string_view text) {
  // One tokenizer per thread: its word cache warms up across articles.
  thread_local SearchTokenizer tokenizer;
  std::vector<IndexTerm> terms;
  tokenizer.Tokenize(text, [&](std::string_view term, uint32_t start, uint32_t end) {
    terms.push_back({std::string(term), start, end});
  });
  return terms;
}

Status RegisterFtsTokenizer(sqlite3* db, const Pretokenized* pretokenized) {
  fts5_api* api = Fts5Api(db);
  if (!api) return Status(StatusCode::kInternal, "this SQLite has no FTS5");
  static fts5_tokenizer methods = {Create, Delete, Tokenize};
  static fts5_tokenizer names = {CreateNames, DeleteNames, TokenizeNames};
  if (api->xCreateTokenizer(api, kFtsTokenizerName, const_cast<Pretokenized*>(pretokenized),
                            &methods, nullptr) != SQLITE_OK ||
      api->xCreateTokenizer(api, kNamesTokenizerName, nullptr, &names, nullptr) != SQLITE_OK) {
    return Status(StatusCode::kInternal, "could not register the FTS5 tokenizer");
  }
  return Status::Ok();
}

Status RegisterArchiveFunctions(sqlite3* db) {
  auto months = [](sqlite3_context* context, int, sqlite3_value** values) {
    const unsigned char* text = sqlite3_value_text(values[0]);
    std::string out = MonthsTalkedAbout(
        text ? std::string_view(reinterpret_cast<const char*>(text), sqlite3_value_bytes(values[0]))
             : std::string_view());
    sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  };
  if (sqlite3_create_function_v2(db, "veille_months", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 nullptr, months, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Status(StatusCode::kIoError, std::string("registering veille_months: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

}  // namespace veille::store
