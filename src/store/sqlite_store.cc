#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <set>

#include <oneapi/tbb/parallel_pipeline.h>

#include "store/fts_tokenizer.h"
#include "store/search_plan.h"
#include "store/stored_row.h"
#include "store/wal_checkpointer.h"

namespace veille::store {
namespace {

// The schema this veille writes. Migrations (kMigrations) take an archive
// from any older version to this one, in order, each in one transaction.
constexpr int kSchemaVersion = 6;

constexpr const char* kMigrations[] = {
    // 0 → 1: the first schema.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,             -- content hash (veille.article/1 "id")
  url TEXT,
  version INTEGER NOT NULL DEFAULT 1,  -- 2, 3… for new content at one URL
  previous_id TEXT,
  latest INTEGER NOT NULL DEFAULT 1,   -- 0 once a newer version exists
  source_path TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_line INTEGER,
  source_id TEXT,
  given_outlet TEXT,
  given_published TEXT,
  given_title TEXT,
  outlet TEXT,
  outlet_key TEXT,                     -- lower case, for facets
  outlet_evidence TEXT,
  language TEXT NOT NULL,
  language_key TEXT NOT NULL,
  script TEXT NOT NULL,
  language_confidence REAL NOT NULL,
  published TEXT,
  published_day TEXT,                  -- YYYY-MM-DD, for date filters
  published_estimated INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  body TEXT NOT NULL,                  -- indexed text: no boilerplate, no title
  raw BLOB NOT NULL,                   -- zstd: the bytes every span points into
  record BLOB NOT NULL,                -- zstd: the veille.article/1 JSON record
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_outlet ON articles(outlet_key, published_day);
CREATE INDEX articles_language ON articles(language_key, published_day);
CREATE INDEX articles_published ON articles(published_day);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='rowid', tokenize='veille_fr');
INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(4.0, 1.0)');
-- Short blocks of each article, for the corpus pass that learns each
-- outlet's boilerplate.
CREATE TABLE article_lines(
  line_key INTEGER NOT NULL, article INTEGER NOT NULL,
  PRIMARY KEY(line_key, article)) WITHOUT ROWID;
CREATE TABLE outlet_lines(
  outlet_key TEXT NOT NULL, line_key INTEGER NOT NULL, text TEXT NOT NULL,
  -- learned: 0 not boilerplate (yet), 1 learned but its articles not yet
  -- analysed again, 2 learned and applied.
  articles INTEGER NOT NULL, learned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(outlet_key, line_key)) WITHOUT ROWID;
)sql",
    // 1 → 2: the names each article mentions, for entity:. Articles stored
    // before have none until they are analysed again.
    R"sql(
-- Keyed by article, so that new rows go to the end of the table and an
-- article's names are found to replace them; the index serves entity:.
CREATE TABLE article_entities(
  article INTEGER NOT NULL, entity_key TEXT NOT NULL,
  PRIMARY KEY(article, entity_key)) WITHOUT ROWID;
CREATE INDEX article_entities_key ON article_entities(entity_key, article);
)sql",
    // 2 → 3: the names in a full-text index of their own instead of a table.
    // A B-tree keyed by name took some fifty inserts per article at random
    // places, and halved the storing rate; FTS5 gathers a batch's terms in
    // memory and writes them once, in order. One name, one term: detail=none
    // keeps no positions, a name is matched whole.
    R"sql(
ALTER TABLE articles ADD COLUMN names TEXT NOT NULL DEFAULT '';  -- EntityKey()s, one per line
UPDATE articles SET names = coalesce(
  (SELECT group_concat(entity_key, char(10)) FROM article_entities WHERE article = articles.rowid),
  '');
DROP TABLE article_entities;
CREATE VIRTUAL TABLE articles_names USING fts5(
  names, content='articles', content_rowid='rowid', tokenize='veille_names', detail='none');
INSERT INTO articles_names(articles_names) VALUES('rebuild');
-- Both indexes keep a batch's terms in memory up to 16 MB (not 1 MB) and
-- write them once, at commit, as one segment. The names index, which only
-- entity: facets read, merges its segments eight at a time (not four), which
-- rewrites each term less often; the text index keeps four, as a query
-- reads every segment: at eight, text queries at a million articles took
-- twice as long.
INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 16777216);
INSERT INTO articles_names(articles_names, rank) VALUES('hashsize', 16777216);
INSERT INTO articles_names(articles_names, rank) VALUES('automerge', 8);
)sql",
    // 3 → 4: the user's merges and splits of identities.
    R"sql(
CREATE TABLE identity_decisions(
  rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
  made_at TEXT NOT NULL);
)sql",
    // 4 → 5: what searches filter, sort and count by, in a narrow table of
    // its own. An article's row is some 8 kB (its text, its compressed raw
    // bytes and record) and fills its own page; a query that checks the
    // outlet or counts the months of its 1,000 most recent matches read
    // 1,000 such pages, and the names (for the months talked about) from
    // past the blobs. Here a row is some 60 bytes, and the facets' indexes
    // move with the columns. The articles keep their own copies, as stored
    // (dropping them would rewrite every row); searches read these.
    R"sql(
CREATE TABLE article_facets(
  rowid INTEGER PRIMARY KEY,  -- the article's
  outlet TEXT, outlet_key TEXT, language TEXT NOT NULL, language_key TEXT NOT NULL,
  published_day TEXT, latest INTEGER NOT NULL,
  months TEXT NOT NULL);      -- "#YYYY-MM" it talks about, one per line (MonthsTalkedAbout)
INSERT INTO article_facets
  SELECT rowid, outlet, outlet_key, language, language_key, published_day, latest,
         veille_months(names) FROM articles;
DROP INDEX articles_outlet;
DROP INDEX articles_language;
DROP INDEX articles_published;
CREATE INDEX article_facets_outlet ON article_facets(outlet_key, published_day);
CREATE INDEX article_facets_language ON article_facets(language_key, published_day);
CREATE INDEX article_facets_published ON article_facets(published_day);
)sql",
    // 5 → 6: each article's lines appended with it, keyed by article, and
    // counted per outlet by the corpus pass. Keyed by line, every line was an
    // insert at a random place, and so was its outlet's count: at a million
    // articles, some three pages written an article. The lines stored so far
    // are counted already (lines_counted).
    R"sql(
CREATE TABLE article_lines_by_article(
  article INTEGER NOT NULL, line_key INTEGER NOT NULL,
  text TEXT,  -- for the lines stored since schema 6
  PRIMARY KEY(article, line_key)) WITHOUT ROWID;
INSERT INTO article_lines_by_article(article, line_key)
  SELECT article, line_key FROM article_lines ORDER BY article, line_key;
DROP TABLE article_lines;
ALTER TABLE article_lines_by_article RENAME TO article_lines;
INSERT INTO meta(key, value)
  SELECT 'lines_counted', coalesce(max(rowid), 0) FROM articles;
CREATE INDEX outlet_lines_pending ON outlet_lines(outlet_key, line_key) WHERE learned = 1;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

constexpr std::string_view kSqliteMagic("SQLite format 3\0", 16);

std::string Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }

  Statement& Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindOptional(int i, const std::optional<std::string>& text) {
    if (text) return Bind(i, *text);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Statement& BindNullIfEmpty(int i, std::string_view text) {
    if (!text.empty()) return Bind(i, text);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Binds without a copy: `text` must outlive the statement's next step.
  // Bound as NUL-terminated (std::string is), so that SQLite hands this very
  // buffer on rather than a terminated copy.
  Statement& BindStatic(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.c_str(), -1, SQLITE_STATIC);
    return *this;
  }
  // Blobs are bound without a copy: `bytes` must outlive the next step.
  Statement& BindBlob(int i, std::string_view bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& Bind(int i, int64_t n) {
    sqlite3_bind_int64(stmt_, i, n);
    return *this;
  }
  Statement& Bind(int i, double x) {
    sqlite3_bind_double(stmt_, i, x);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int column) {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              sqlite3_column_bytes(stmt_, column))
                : std::string();
  }
  std::string Blob(int column) {
    const void* blob = sqlite3_column_blob(stmt_, column);
    return blob ? std::string(static_cast<const char*>(blob), sqlite3_column_bytes(stmt_, column))
                : std::string();
  }
  int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// Articles being looked up, made into rows or written at once, in Put:
// enough that the other cores keep making rows ahead of the writer through a
// commit within the Put (half a second to a second at a million articles; at
// 256, they sat idle through most of it), few enough that memory does not
// grow with the batch (the row of a 3 kB article is some 30 kB: 120 MB).
constexpr size_t kArticlesInFlight = 4096;

// Reads through a memory map of up to 16 GB: no copy from the page cache per
// page read, which full-text queries do by the thousand.
constexpr const char* kMapArchive = "PRAGMA mmap_size = 17179869184";

// Index pages written by one step of CompactIndexes, in one transaction
// (some 8 MB of log).
constexpr int kMergePagesPerStep = 2000;

// An article ready to be written: its row and its search terms, made on
// all cores while the writer writes the ones before it.
struct PreparedArticle {
  const Article* article;
  StoredRow row;
  std::vector<IndexTerm> title_terms, body_terms;
  std::string names;  // NamesText(row)
  std::string months;  // MonthsTalkedAbout(names)
};

// The text of the names index: one EntityKey per line.
std::string NamesText(const StoredRow& row) {
  std::string text;
  for (const std::string& key : row.entity_keys) {
    if (!text.empty()) text += '\n';
    text += key;
  }
  return text;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, const StoreOptions& options)
      : db_(db), path_(std::move(path)),
        articles_per_transaction_(std::max<size_t>(1, options.articles_per_transaction)),
        busy_timeout_ms_(options.busy_timeout_ms) {}

  // The terms the FTS5 tokenizer finds ready; registered with it.
  Pretokenized* pretokenized() { return &pretokenized_; }
  ~SqliteStore() override {
    record_by_id_.reset();
    checkpointer_.reset();
    sqlite3_close_v2(lookups_);
    // Closing the last connection checkpoints the WAL into the main file.
    sqlite3_close_v2(db_);
  }

  // Moves the writer's checkpoints to a thread of their own.
  void CheckpointInBackground(int busy_timeout_ms) {
    checkpointer_ = std::make_unique<WalCheckpointer>(db_, path_, busy_timeout_ms);
  }

  std::string_view kind() const override { return "sqlite"; }

  // An error status from the writer's last error.
  Status Error(std::string_view doing) const { return ErrorOn(db_, doing); }

  // An error status from a connection's last error.
  Status ErrorOn(sqlite3* db, std::string_view doing) const {
    int code = sqlite3_extended_errcode(db);
    std::string message = std::string(doing) + ": " + sqlite3_errmsg(db);
    // A write refused for want of room (a full disk, a quota, a file size
    // limit) is SQLITE_FULL or, when the system says EFBIG, a plain write
    // error.
    if (code == SQLITE_IOERR_WRITE) code = SQLITE_FULL;
    // A writer killed in the middle of a transaction in rollback-journal
    // mode (as veille once made a new archive's first page; see
    // OpenSqliteStore) left a journal to roll back, which a read-only
    // connection cannot do.
    if (code == SQLITE_READONLY_ROLLBACK) {
      return Status(StatusCode::kIoError,
                    path_ + ": an interrupted write left " + path_ +
                        "-journal, which only a writer can undo: run `veille optimize --db " +
                        path_ + "` once, then search again");
    }
    switch (code & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return Status(StatusCode::kIoError,
                      path_ + ": the archive is locked by another process (" + message + ")");
      case SQLITE_FULL:
        return Status(StatusCode::kIoError,
                      path_ + ": could not write to the disk: is it full? (" + message + ")");
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return Status(StatusCode::kCorrupt, path_ + ": the archive is damaged (" + message + ")");
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_CANTOPEN:
        return Status(StatusCode::kIoError, path_ + ": cannot write the archive (" + message + ")");
      default:
        return Status(StatusCode::kIoError, path_ + ": " + message);
    }
  }

  // The connection Put looks content hashes up on, opened at the first Put:
  // a connection serves one thread at a time, and the writer's is busy
  // writing. It reads what is committed; what the batch has written so far
  // is known to the batch itself.
  Result<sqlite3*> LookupConnection() {
    if (lookups_ != nullptr) return lookups_;
    auto fail = [this] {
      Status error = ErrorOn(lookups_, "opening a second connection to the archive");
      sqlite3_close_v2(lookups_);
      lookups_ = nullptr;
      return error;
    };
    if (sqlite3_open_v2(path_.c_str(), &lookups_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      return fail();
    }
    sqlite3_busy_timeout(lookups_, busy_timeout_ms_);
    sqlite3_extended_result_codes(lookups_, 1);
    // Through the memory map, as the writer reads: with a page cache of its
    // own (2 MB by default), each lookup read pages from the file again.
    if (sqlite3_exec(lookups_, kMapArchive, nullptr, nullptr, nullptr) != SQLITE_OK) return fail();
    return lookups_;
  }

  // After a failure: the error that caused it is what the caller reports.
  void Rollback() { (void)Exec("ROLLBACK", "rolling back"); }

  Status Exec(std::string_view sql, std::string_view doing) {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      sqlite3_free(error);
      return Error(doing);
    }
    return Status::Ok();
  }

  // The archive's schema version, 0 for a new file; refuses archives from a
  // newer veille and SQLite files that are not veille archives. Writes
  // nothing.
  Result<int> SchemaVersion() {
    int version = 0;
    {
      Statement tables(db_, "SELECT count(*) FROM sqlite_master");
      if (!tables.ok() || tables.Step() != SQLITE_ROW) return Error("reading the archive");
      int64_t count = tables.Int(0);
      Statement meta(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
      if (meta.ok() && meta.Step() == SQLITE_ROW) {
        version = std::atoi(meta.Text(0).c_str());
      } else if (count > 0) {
        return Status(StatusCode::kInvalidArgument,
                      path_ + ": an SQLite database, but not a veille archive");
      }
    }
    if (version > kSchemaVersion) {
      return Status(StatusCode::kInvalidArgument,
                    path_ + ": written by a newer veille (archive schema " +
                        std::to_string(version) + "; this veille knows up to " +
                        std::to_string(kSchemaVersion) + "): upgrade veille to open it");
    }
    return version;
  }

  // Creates or migrates the schema, each step in one transaction.
  Status Migrate(int version, bool read_only) {
    if (version == kSchemaVersion) return Status::Ok();
    if (read_only) {
      return Status(StatusCode::kInvalidArgument,
                    path_ + (version == 0 ? ": not a veille archive (empty)"
                                          : ": needs a migration, which read-only mode cannot do"));
    }
    for (int v = version; v < kSchemaVersion; ++v) {
      if (Status s = Exec("BEGIN IMMEDIATE", "starting a migration"); !s.ok()) return s;
      Status step = Exec(kMigrations[v], "migrating the archive");
      if (step.ok()) {
        Statement set(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)");
        set.Bind(1, std::to_string(v + 1));
        if (set.Step() != SQLITE_DONE) step = Error("recording the schema version");
      }
      if (!step.ok()) {
        Rollback();
        return step;
      }
      if (Status s = Exec("COMMIT", "committing a migration"); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Result<PutResult> Put(std::span<const Article> articles) override {
    PutResult result;
    if (Status s = Exec("BEGIN IMMEDIATE", "starting a batch"); !s.ok()) return s;
    Status status = PutAll(articles, result);
    if (status.ok()) status = Exec("COMMIT", "committing a batch");
    // Transactions committed before a failure stay: they hold whole
    // articles, and storing the batch again stores the rest.
    if (!status.ok()) {
      Rollback();
      return status;
    }
    return result;
  }

  Status Optimize() override {
    // Statistics for the query planner, where they are missing or stale.
    return Exec("PRAGMA optimize", "optimising the archive");
  }

  Status CompactIndexes() override {
    for (const char* index : {"articles_fts", "articles_names"}) {
      // A negative 'merge' takes all segments, whatever their level, and
      // writes about kMergePagesPerStep pages; FTS5 changes fewer than two
      // rows when there was nothing left to merge.
      std::string merge = std::string("INSERT INTO ") + index + "(" + index +
                          ", rank) VALUES ('merge', -" + std::to_string(kMergePagesPerStep) + ")";
      for (;;) {
        int64_t before = sqlite3_total_changes64(db_);
        if (Status s = Exec("BEGIN IMMEDIATE", "compacting the indexes"); !s.ok()) return s;
        if (Status s = Exec(merge.c_str(), "compacting the indexes"); !s.ok()) {
          sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
          return s;
        }
        if (Status s = Exec("COMMIT", "compacting the indexes"); !s.ok()) return s;
        if (sqlite3_total_changes64(db_) - before < 2) break;
      }
    }
    return Optimize();
  }

  Status PutAll(std::span<const Article> articles, PutResult& result) {
    // Whether an article of a content hash is stored, asked on the writer's
    // connection (exists) and on the lookups' (stored).
    constexpr const char* kIsStored = "SELECT 1 FROM articles WHERE id = ?1";
    Statement exists(db_, kIsStored);
    Statement by_url(db_, "SELECT rowid, id, version, title, body FROM articles "
                          "WHERE url = ?1 AND latest = 1");
    Statement supersede(db_, "UPDATE articles SET latest = 0 WHERE rowid = ?1");
    Statement supersede_facets(db_, "UPDATE article_facets SET latest = 0 WHERE rowid = ?1");
    Statement facets(db_, R"sql(
INSERT INTO article_facets(rowid, outlet, outlet_key, language, language_key, published_day,
  latest, months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7))sql");
    // Only the latest version of a URL is in the full-text index: searches
    // need no filter on versions, and counting matches needs no table lookup.
    Statement unindex(db_, "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
                           "VALUES ('delete', ?1, ?2, ?3)");
    Statement insert(db_, R"sql(
INSERT INTO articles(id, url, version, previous_id, latest, source_path, source_format,
  source_line, source_id, given_outlet, given_published, given_title, outlet, outlet_key,
  outlet_evidence, language, language_key, script, language_confidence, published,
  published_day, published_estimated, title, body, raw, record, ingested_at, names)
VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
  ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27))sql");
    // The full-text index is written by its own statements, not by triggers:
    // a trigger would run inside a statement savepoint, at which FTS5 flushes
    // its in-memory index to disk, for every article.
    Statement index(db_, "INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)");
    // An article's short lines, for the corpus pass to count (Learn).
    Statement line(db_, "INSERT OR IGNORE INTO article_lines(article, line_key, text) "
                        "VALUES (?1, ?2, ?3)");
    Statement names(db_, "INSERT INTO articles_names(rowid, names) VALUES (?1, ?2)");
    for (Statement* s : {&exists, &by_url, &supersede, &supersede_facets, &facets, &unindex,
                         &insert, &index, &line, &names}) {
      if (!s->ok()) return Error("preparing a batch");
    }
    Result<sqlite3*> lookups = LookupConnection();
    if (!lookups.ok()) return lookups.status();
    Statement stored(*lookups, kIsStored);
    if (!stored.ok()) return ErrorOn(*lookups, "preparing a batch");
    std::string now = Now();
    // Whether an article of this content hash is stored: SQLITE_ROW if it
    // is, SQLITE_DONE if not, an error code otherwise. The statement is
    // reset at once: a statement left at a row holds a read transaction,
    // which would keep checkpoints from getting past it.
    auto look_up = [](Statement& statement, const std::string& id) {
      statement.Bind(1, id);
      int rc = statement.Step();
      statement.Reset();
      return rc;
    };
    result.outcomes.resize(articles.size());
    std::vector<PreparedArticle> prepared(articles.size());
    // Another process may store articles between two of the batch's
    // transactions, after the lookups found them new: from then on, each is
    // looked up again by the writer. PRAGMA data_version tells: it changes
    // with every commit of another connection, never with this one's own.
    Statement data_version(db_, "PRAGMA data_version");
    if (!data_version.ok()) return Error("preparing a batch");
    auto data_version_now = [&] {
      data_version.Reset();
      int64_t version = data_version.Step() == SQLITE_ROW ? data_version.Int(0) : -1;
      data_version.Reset();
      return version;
    };
    const int64_t data_version_at_start = data_version_now();
    bool others_wrote = false;
    // The writes of one article, in order.
    auto write = [&](size_t f) -> Status {
      StoredRow& row = prepared[f].row;
      if (others_wrote) {
        int rc = look_up(exists, row.id);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("looking up an article");
        if (rc == SQLITE_ROW) {
          result.outcomes[f] = PutOutcome::kDuplicate;
          return Status::Ok();
        }
      }
      int64_t version = 1;
      std::optional<std::string> previous;
      if (row.source.url) {
        by_url.Reset();
        by_url.Bind(1, *row.source.url);
        if (by_url.Step() == SQLITE_ROW) {
          int64_t old_rowid = by_url.Int(0);
          previous = by_url.Text(1);
          version = by_url.Int(2) + 1;
          supersede.Reset();
          supersede.Bind(1, old_rowid);
          supersede_facets.Reset();
          supersede_facets.Bind(1, old_rowid);
          unindex.Reset();
          unindex.Bind(1, old_rowid).Bind(2, by_url.Text(3)).Bind(3, by_url.Text(4));
          if (supersede.Step() != SQLITE_DONE || supersede_facets.Step() != SQLITE_DONE ||
              unindex.Step() != SQLITE_DONE) {
            return Error("keeping the previous version");
          }
        }
      }
      insert.Reset();
      insert.Bind(1, row.id).BindOptional(2, row.source.url).Bind(3, version)
          .BindOptional(4, previous).Bind(5, row.source.path).Bind(6, row.source.format);
      if (row.source.line) insert.Bind(7, static_cast<int64_t>(*row.source.line));
      insert.BindOptional(8, row.source.id).BindOptional(9, row.source.outlet)
          .BindOptional(10, row.source.published).BindOptional(11, row.source.title)
          .BindNullIfEmpty(12, row.outlet).BindNullIfEmpty(13, row.outlet_key)
          .BindNullIfEmpty(14, row.outlet_evidence).Bind(15, row.language)
          .Bind(16, row.language_key).Bind(17, row.script).Bind(18, row.language_confidence)
          .BindNullIfEmpty(19, row.published).BindNullIfEmpty(20, row.published_day)
          .Bind(21, int64_t{row.published_estimated}).BindStatic(22, row.title)
          .BindStatic(23, row.body).BindBlob(24, row.raw_zstd).BindBlob(25, row.record_zstd)
          .Bind(26, now).BindStatic(27, prepared[f].names);
      if (insert.Step() != SQLITE_DONE) return Error("storing an article");
      int64_t rowid = sqlite3_last_insert_rowid(db_);
      facets.Reset();
      facets.Bind(1, rowid).BindNullIfEmpty(2, row.outlet).BindNullIfEmpty(3, row.outlet_key)
          .Bind(4, row.language).Bind(5, row.language_key).BindNullIfEmpty(6, row.published_day)
          .Bind(7, prepared[f].months);
      if (facets.Step() != SQLITE_DONE) return Error("storing an article's facets");
      index.Reset();
      index.Bind(1, rowid).BindStatic(2, row.title).BindStatic(3, row.body);
      pretokenized_.Set({{row.title, &prepared[f].title_terms}, {row.body, &prepared[f].body_terms}});
      int indexed = index.Step();
      pretokenized_.Clear();
      if (indexed != SQLITE_DONE) return Error("indexing an article");
      // Boilerplate is learned per outlet: an article without one has
      // none to learn from.
      for (const auto& [key, text] : row.lines) {
        if (row.outlet_key.empty()) break;
        line.Reset();
        line.Bind(1, rowid).Bind(2, static_cast<int64_t>(key)).BindStatic(3, text);
        if (line.Step() != SQLITE_DONE) return Error("storing an article's lines");
      }
      names.Reset();
      names.Bind(1, rowid).BindStatic(2, prepared[f].names);
      if (names.Step() != SQLITE_DONE) return Error("storing an article's entities");
      result.outcomes[f] = version > 1 ? PutOutcome::kNewVersion : PutOutcome::kInserted;
      return Status::Ok();
    };
    // 1. What is new (not stored, not repeated within the batch) is found
    // on a connection of its own, ahead of the writer. 2. Rows, compressed
    // blobs and search terms are made on all cores. 3. The writes go on in
    // order, on one: SQLite takes one writer at a time, and making a row
    // costs about as much as writing it.
    Status status = Status::Ok(), lookup_status = Status::Ok();
    std::atomic<bool> failed = false;
    std::set<std::string_view> in_batch;
    size_t next = 0, in_transaction = 0;
    oneapi::tbb::parallel_pipeline(
        kArticlesInFlight,
        oneapi::tbb::make_filter<void, size_t>(
            oneapi::tbb::filter_mode::serial_in_order,
            [&](oneapi::tbb::flow_control& control) -> size_t {
              for (; next < articles.size() && !failed; ++next) {
                const Article& article = articles[next];
                if (article.HasFatalError() || article.id.empty()) {
                  result.outcomes[next] = PutOutcome::kRejected;
                  continue;
                }
                int rc = look_up(stored, article.id);
                if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                  lookup_status = ErrorOn(*lookups, "looking up an article");
                  failed = true;
                  break;
                }
                if (rc == SQLITE_ROW || !in_batch.insert(article.id).second) {
                  result.outcomes[next] = PutOutcome::kDuplicate;
                  continue;
                }
                prepared[next].article = &article;
                return next++;
              }
              control.stop();
              return 0;
            }) &
            oneapi::tbb::make_filter<size_t, size_t>(
                oneapi::tbb::filter_mode::parallel,
                [&](size_t f) {
                  PreparedArticle& p = prepared[f];
                  p.row = MakeStoredRow(*p.article);
                  p.title_terms = IndexTermsOf(p.row.title);
                  p.body_terms = IndexTermsOf(p.row.body);
                  p.names = NamesText(p.row);
                  p.months = MonthsTalkedAbout(p.names);
                  return f;
                }) &
            oneapi::tbb::make_filter<size_t, void>(
                oneapi::tbb::filter_mode::serial_in_order, [&](size_t f) {
                  if (failed) return;
                  status = write(f);
                  // Committing within the batch lets the commit (the
                  // full-text indexes' flush, the WAL) overlap the making
                  // of the next articles' rows: at the batch's end it
                  // leaves the other cores idle.
                  if (status.ok() && ++in_transaction == articles_per_transaction_) {
                    status = Exec("COMMIT", "committing a batch");
                    if (status.ok()) status = Exec("BEGIN IMMEDIATE", "starting a batch");
                    if (status.ok() && data_version_now() != data_version_at_start) {
                      others_wrote = true;
                    }
                    in_transaction = 0;
                  }
                  if (!status.ok()) failed = true;
                  // Its memory goes back now, not at the end of the batch.
                  prepared[f] = PreparedArticle{};
                }));
    for (PutOutcome outcome : result.outcomes) {
      switch (outcome) {
        case PutOutcome::kInserted: ++result.inserted; break;
        case PutOutcome::kNewVersion: ++result.versions; break;
        case PutOutcome::kDuplicate: ++result.duplicates; break;
        case PutOutcome::kRejected: ++result.rejected; break;
      }
    }
    if (!status.ok()) return status;
    return lookup_status;
  }

  // Text as an FTS5 string, which FTS5 hands to the same tokenizer as the
  // documents (so the text, not its terms: stemming twice is not stemming
  // once). Several terms make a phrase.
  static std::string FtsString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    return out;
  }

  static std::string MatchExpression(const SearchPlan& plan) {
    std::string positive, negative;
    for (const PlannedClause& clause : plan.clauses) {
      std::string group;
      for (const auto& alternative : clause.any_of) {
        if (!group.empty()) group += " OR ";
        group += FtsString(alternative.text);
      }
      if (clause.any_of.size() > 1) group = "(" + group + ")";
      if (clause.excluded) {
        negative += " NOT " + group;
      } else {
        positive += (positive.empty() ? "" : " AND ") + group;
      }
    }
    return positive + negative;
  }

  // The WHERE clause of the facets, with ?NNN parameters numbered after those
  // already in `values`, which receives what to bind, in order. With a text
  // query, the facet columns are written +column: SQLite then leaves their
  // indexes alone and starts from the full-text index, whose matches are
  // fewer than an outlet's or a year's articles.
  static std::string FacetFilter(const SearchPlan& plan, std::vector<std::string>& values,
                                 bool text) {
    const char* plus = text ? "+" : "";
    auto next = [&] {
      std::string parameter = "?";
      parameter += std::to_string(values.size() + 1);
      return parameter;
    };
    // The full-text index holds the latest versions only; without text, the
    // table is read, and older versions are left out here.
    std::string sql = text ? "" : " AND a.latest = 1";
    auto in_list = [&](const char* column, const std::vector<std::string>& list) {
      if (list.empty()) return;
      sql += std::string(" AND ") + column + " IN (";
      for (size_t i = 0; i < list.size(); ++i) {
        if (i > 0) sql += ", ";
        sql += next();
        values.push_back(list[i]);
      }
      sql += ")";
    };
    in_list((std::string(plus) + "a.outlet_key").c_str(), plan.outlet_keys);
    in_list((std::string(plus) + "a.language_key").c_str(), plan.languages);
    // Any of the entity: names, any of the speaker: names, any of the
    // when: dates: all in the names index.
    for (const std::vector<std::string>* keys : {&plan.entity_keys, &plan.speaker_keys, &plan.date_keys}) {
      if (keys->empty()) continue;
      std::string any;
      for (const std::string& key : *keys) {
        if (key.find('\n') != std::string::npos) continue;  // no name has one
        any += (any.empty() ? "" : " OR ") + FtsString(key);
      }
      sql += " AND a.rowid IN (SELECT rowid FROM articles_names WHERE articles_names MATCH " +
             next() + ")";
      values.push_back(any.empty() ? "\"\"" : any);
    }
    if (!plan.from.empty()) {
      sql += std::string(" AND ") + plus + "a.published_day >= " + next();
      values.push_back(plan.from);
    }
    if (!plan.to.empty()) {
      sql += std::string(" AND ") + plus + "a.published_day <= " + next();
      values.push_back(plan.to);
    }
    return sql;
  }

  // The rowid of the `window`-th most recent text match (0 when there are
  // fewer): ranking and counting then look at rowids from there on only.
  // FTS5 walks its index backwards for this, without reading articles.
  Result<int64_t> WindowStart(const std::string& match, int64_t window) {
    Statement s(db_, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                     "ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
    if (!s.ok()) return Error("searching");
    s.Bind(1, match).Bind(2, window - 1);
    int rc = s.Step();
    if (rc == SQLITE_ROW) return s.Int(0);
    if (rc != SQLITE_DONE) return Error("searching");
    return int64_t{0};
  }

  // A search in SQL: the FROM and WHERE of the matches, and the values of
  // their parameters (?1 the MATCH expression and ?2 the first rowid looked
  // at, for text queries; then the facets').
  struct SqlSearch {
    bool text = false;
    std::string from, where;
    std::vector<std::string> values;
    void BindAll(Statement& s) const {
      for (size_t i = 0; i < values.size(); ++i) s.Bind(static_cast<int>(i + 1), values[i]);
    }
  };

  // Counts stop at kCountCap. For text, one backward walk of the index
  // gives both the count of the most recent matches and the rowid where
  // they start (returned; 0 when they are all the matches).
  Result<int64_t> CountRecentMatches(const SqlSearch& search, SearchResult& result) {
    Statement window_count(db_, "SELECT count(*), min(rowid) FROM (SELECT rowid FROM "
                                "articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid "
                                "DESC LIMIT ?2)");
    if (!window_count.ok()) return Error("counting matches");
    window_count.Bind(1, search.values[0]).Bind(2, kCountCap + 1);
    if (window_count.Step() != SQLITE_ROW) return Error("counting matches");
    int64_t matches = window_count.Int(0);
    result.total_exact = matches <= kCountCap;
    result.total = static_cast<uint64_t>(std::min(matches, kCountCap));
    return result.total_exact ? 0 : window_count.Int(1) + 1;
  }

  // The rowids and scores of the page asked for: the best of the most
  // recent text matches (the window widened eightfold while facets leave too
  // few), or the newest articles for facets alone. Rowids only: SQLite
  // would otherwise read and snippet every candidate before sorting.
  Result<std::vector<std::pair<int64_t, double>>> RankedPage(SqlSearch& search,
                                                             const SearchOptions& options,
                                                             int64_t count_start) {
    std::string select =
        std::string(search.text ? "SELECT articles_fts.rowid, -rank" : "SELECT a.rowid, 0") +
        search.from + search.where +
        // Among equal scores, the newest first, as CountAndRankRecent does.
        (search.text ? " ORDER BY rank, articles_fts.rowid DESC"
                     : " ORDER BY a.published_day DESC, a.rowid DESC") +
        " LIMIT ?" + std::to_string(search.values.size() + 1) + " OFFSET ?" +
        std::to_string(search.values.size() + 2);
    size_t wanted = options.offset + options.limit;
    int64_t window = std::max<int64_t>(kRankWindow, 4 * static_cast<int64_t>(wanted));
    std::vector<std::pair<int64_t, double>> page;
    for (;;) {
      int64_t start = 0;
      if (search.text) {
        // The counting pass found where the kCountCap most recent start.
        Result<int64_t> first = window == kCountCap
                                    ? Result<int64_t>(count_start)
                                    : WindowStart(search.values[0], window);
        if (!first.ok()) return first.status();
        start = *first;
        search.values[1] = std::to_string(start);
      }
      Statement hits(db_, select);
      if (!hits.ok()) return Error("preparing the search");
      search.BindAll(hits);
      hits.Bind(static_cast<int>(search.values.size() + 1), static_cast<int64_t>(options.limit));
      hits.Bind(static_cast<int>(search.values.size() + 2), static_cast<int64_t>(options.offset));
      page.clear();
      int rc;
      while ((rc = hits.Step()) == SQLITE_ROW) page.emplace_back(hits.Int(0), hits.Double(1));
      if (rc != SQLITE_DONE) return Error("searching");
      if (!search.text || start == 0 || page.size() >= options.limit) return page;
      window *= 8;
    }
  }

  // For text without facets, counting and ranking in one walk of the index:
  // the kCountCap most recent matches (the ranking window), each with its
  // score; the page asked for, best first. Two walks (count, then rank)
  // cost twice as much for the queries that cost most, words common alone
  // and rare together, whose whole doclists are read. For pages within the
  // first quarter of the window, as RankedPage widens it past that.
  // `count_start` is the oldest rowid counted (0 when all matches were).
  Result<std::vector<std::pair<int64_t, double>>> CountAndRankRecent(
      const SqlSearch& search, const SearchOptions& options, SearchResult& result,
      int64_t& count_start) {
    Statement s(db_, "SELECT rowid, -rank FROM articles_fts WHERE articles_fts MATCH ?1 "
                     "ORDER BY rowid DESC LIMIT ?2");
    if (!s.ok()) return Error("searching");
    s.Bind(1, search.values[0]).Bind(2, kCountCap + 1);
    std::vector<std::pair<int64_t, double>> recent;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) recent.emplace_back(s.Int(0), s.Double(1));
    if (rc != SQLITE_DONE) return Error("searching");
    result.total_exact = recent.size() <= static_cast<size_t>(kCountCap);
    if (!result.total_exact) recent.pop_back();
    result.total = recent.size();
    count_start = result.total_exact ? 0 : recent.back().first;
    // Best first; among equals, the newest.
    auto better = [](const std::pair<int64_t, double>& a, const std::pair<int64_t, double>& b) {
      return a.second != b.second ? a.second > b.second : a.first > b.first;
    };
    size_t end = std::min(recent.size(), options.offset + options.limit);
    std::partial_sort(recent.begin(), recent.begin() + end, recent.end(), better);
    if (options.offset >= end) return std::vector<std::pair<int64_t, double>>();
    return std::vector<std::pair<int64_t, double>>(recent.begin() + options.offset,
                                                   recent.begin() + end);
  }

  // The articles of a page, with their snippets.
  Status ReadHits(const SqlSearch& search, const std::vector<std::pair<int64_t, double>>& page,
                  bool snippets, SearchResult& result) {
    // Without snippets the body, stored after the row's first page, is not
    // read at all.
    Statement article(db_, std::string("SELECT id, title, coalesce(outlet, ''), language, "
                                       "coalesce(published, ''), coalesce(url, ''), ") +
                               (snippets ? "substr(body, 1, 200)" : "''") +
                               " FROM articles WHERE rowid = ?1");
    Statement snippet(db_, "SELECT snippet(articles_fts, 1, char(57344), char(57345), '…', 24) "
                           "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2");
    if (!article.ok() || !snippet.ok()) return Error("reading search results");
    for (const auto& [rowid, score] : page) {
      article.Reset();
      article.Bind(1, rowid);
      if (article.Step() != SQLITE_ROW) return Error("reading search results");
      SearchHit hit;
      hit.id = article.Text(0);
      hit.title = article.Text(1);
      hit.outlet = article.Text(2);
      hit.language = article.Text(3);
      hit.published = article.Text(4);
      hit.url = article.Text(5);
      hit.score = score;
      if (search.text && snippets) {
        snippet.Reset();
        snippet.Bind(1, search.values[0]).Bind(2, rowid);
        if (snippet.Step() != SQLITE_ROW) return Error("reading search results");
        hit.snippet = MarkedSnippet(snippet.Text(0));
      } else {
        hit.snippet.text = article.Text(6);
      }
      result.hits.push_back(std::move(hit));
    }
    return Status::Ok();
  }

  // Counts per outlet, language and month over the most recent matches, in
  // one pass: each match's row is read once, not once per facet.
  Status CountFacets(const SqlSearch& search, SearchResult& result) {
    std::string recent = search.text ? search.from + search.where
                                     : " FROM (SELECT a.* " + search.from + search.where +
                                           " ORDER BY a.published_day DESC, a.rowid DESC LIMIT " +
                                           std::to_string(kCountCap) + ") a";
    Statement s(db_, "SELECT coalesce(a.outlet, ''), a.language, "
                     "coalesce(substr(a.published_day, 1, 7), ''), a.months" + recent);
    if (!s.ok()) return Error("counting facets");
    search.BindAll(s);
    std::map<std::string, uint64_t> outlets, languages, months;
    std::vector<std::string> talked_about;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      ++outlets[s.Text(0)];
      ++languages[s.Text(1)];
      ++months[s.Text(2)];
      talked_about.push_back(s.Text(3));
    }
    if (rc != SQLITE_DONE) return Error("counting facets");
    // Most first, then by value; the first 50, as GROUP BY … LIMIT 50 gave.
    auto top = [](const std::map<std::string, uint64_t>& counts, std::vector<FacetCount>& out) {
      for (const auto& [value, count] : counts) out.push_back({value, count});
      std::stable_sort(out.begin(), out.end(),
                       [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
      if (out.size() > 50) out.resize(50);
    };
    top(outlets, result.outlets);
    top(languages, result.languages);
    top(months, result.months);
    // The months the matches talk about: the facets' "#YYYY-MM" lines.
    result.months_talked_about = CountTalkedAboutMonths(talked_about);
    return Status::Ok();
  }

  Result<SearchResult> Search(const Query& query, const SearchOptions& options) override {
    Result<SearchPlan> plan = PlanSearch(query, options);
    if (!plan.ok()) return plan.status();
    SqlSearch search;
    search.text = !plan->clauses.empty();
    if (search.text) {
      search.values = {MatchExpression(*plan), "0"};
      search.from = " FROM articles_fts JOIN article_facets a ON a.rowid = articles_fts.rowid";
      search.where = " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?2";
    } else {
      search.from = " FROM article_facets a";
      search.where = " WHERE 1";
    }
    search.where += FacetFilter(*plan, search.values, search.text);

    SearchResult result;
    int64_t count_start = 0;
    std::vector<std::pair<int64_t, double>> page;
    if (search.text && !plan->HasFacets() &&
        4 * static_cast<int64_t>(options.offset + options.limit) <= kRankWindow) {
      Result<std::vector<std::pair<int64_t, double>>> ranked =
          CountAndRankRecent(search, options, result, count_start);
      if (!ranked.ok()) return ranked.status();
      page = std::move(*ranked);
    } else {
      if (search.text) {
        Result<int64_t> start = CountRecentMatches(search, result);
        if (!start.ok()) return start.status();
        count_start = *start;
      }
      Result<std::vector<std::pair<int64_t, double>>> ranked =
          RankedPage(search, options, count_start);
      if (!ranked.ok()) return ranked.status();
      page = std::move(*ranked);
    }
    if (Status s = ReadHits(search, page, options.snippets, result); !s.ok()) return s;

    // The total and the facets cover the kCountCap most recent matches.
    if (search.text) search.values[1] = std::to_string(count_start);
    if (!search.text || plan->HasFacets()) {
      Statement count(db_, "SELECT count(*) FROM (SELECT 1" + search.from + search.where +
                               " LIMIT " + std::to_string(kCountCap + 1) + ")");
      if (!count.ok()) return Error("counting matches");
      search.BindAll(count);
      if (count.Step() != SQLITE_ROW) return Error("counting matches");
      uint64_t n = static_cast<uint64_t>(count.Int(0));
      // With text and facets: the facets' share of the most recent matches,
      // exact only when those were all the matches.
      if (!search.text) result.total_exact = n <= static_cast<uint64_t>(kCountCap);
      result.total = std::min<uint64_t>(n, kCountCap);
    }
    if (options.facets) {
      if (Status s = CountFacets(search, result); !s.ok()) return s;
    }
    return result;
  }

  Result<std::optional<StoredArticle>> Get(const std::string& id) override {
    Statement s(db_, R"sql(
SELECT source_path, source_format, source_line, source_id, url, given_outlet, given_published,
  given_title, raw, record, version, previous_id FROM articles WHERE id = ?1)sql");
    if (!s.ok()) return Error("reading an article");
    s.Bind(1, id);
    int rc = s.Step();
    if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
    if (rc != SQLITE_ROW) return Error("reading an article");
    StoredArticle stored;
    stored.source.path = s.Text(0);
    stored.source.format = s.Text(1);
    if (!s.IsNull(2)) stored.source.line = static_cast<uint64_t>(s.Int(2));
    auto optional = [&](int column) {
      return s.IsNull(column) ? std::optional<std::string>() : s.Text(column);
    };
    stored.source.id = optional(3);
    stored.source.url = optional(4);
    stored.source.outlet = optional(5);
    stored.source.published = optional(6);
    stored.source.title = optional(7);
    Result<std::string> raw = Decompress(s.Blob(8));
    if (!raw.ok()) return raw.status();
    Result<std::string> record = Decompress(s.Blob(9));
    if (!record.ok()) return record.status();
    stored.raw = std::move(*raw);
    stored.record = std::move(*record);
    stored.version = static_cast<uint32_t>(s.Int(10));
    stored.previous_id = optional(11);
    return std::optional<StoredArticle>(std::move(stored));
  }

  Result<std::optional<std::string>> Record(const std::string& id) override {
    // Prepared once: a profile reads a thousand records.
    if (!record_by_id_) {
      record_by_id_ = std::make_unique<Statement>(db_, "SELECT record FROM articles WHERE id = ?1");
    }
    Statement& s = *record_by_id_;
    if (!s.ok()) return Error("reading an article");
    s.Bind(1, id);
    int rc = s.Step();
    std::optional<std::string> compressed;
    if (rc == SQLITE_ROW) compressed = s.Blob(0);
    // Reset at once: a statement left stepped holds its read transaction.
    s.Reset();
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    if (rc != SQLITE_ROW) return Error("reading an article");
    Result<std::string> record = Decompress(*compressed);
    if (!record.ok()) return record.status();
    return std::optional<std::string>(std::move(*record));
  }

  Result<uint64_t> Count() override {
    Statement s(db_, "SELECT count(*) FROM articles");
    if (!s.ok() || s.Step() != SQLITE_ROW) return Error("counting articles");
    return static_cast<uint64_t>(s.Int(0));
  }

  Result<std::string> Generation() override {
    // data_version changes when another connection commits; this
    // connection's own writes are counted apart.
    Statement s(db_, "PRAGMA data_version");
    if (!s.ok() || s.Step() != SQLITE_ROW) return Error("reading the archive's version");
    return std::to_string(s.Int(0)) + ":" + std::to_string(sqlite3_total_changes64(db_));
  }

  Result<std::vector<OutletSummary>> Outlets() override {
    Statement s(db_, R"sql(
SELECT outlet_key, min(outlet), count(*) FROM article_facets WHERE outlet_key IS NOT NULL
GROUP BY outlet_key ORDER BY 3 DESC, 1)sql");
    Statement lines(db_, R"sql(
SELECT text FROM outlet_lines WHERE outlet_key = ?1 AND learned > 0 ORDER BY articles DESC, text)sql");
    if (!s.ok() || !lines.ok()) return Error("listing outlets");
    std::vector<OutletSummary> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      OutletSummary summary{s.Text(1), static_cast<uint64_t>(s.Int(2)), {}};
      lines.Reset();
      lines.Bind(1, s.Text(0));
      while (lines.Step() == SQLITE_ROW) summary.boilerplate.push_back(lines.Text(0));
      out.push_back(std::move(summary));
    }
    if (rc != SQLITE_DONE) return Error("listing outlets");
    return out;
  }

  Result<NewBoilerplate> LearnBoilerplate(const BoilerplateOptions& options) override {
    if (Status s = Exec("BEGIN IMMEDIATE", "starting the corpus pass"); !s.ok()) return s;
    NewBoilerplate found;
    Status status = Learn(options, found);
    if (status.ok()) status = Exec("COMMIT", "committing the corpus pass");
    if (!status.ok()) {
      Rollback();
      return status;
    }
    return found;
  }

  Status Learn(const BoilerplateOptions& options, NewBoilerplate& found) {
    // The lines of the articles stored since the last pass, counted per
    // outlet: grouped, they update the counts in key order.
    Statement counted(db_, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'lines_counted'");
    Statement last(db_, "SELECT coalesce(max(rowid), 0) FROM articles");
    Statement count(db_, R"sql(
INSERT INTO outlet_lines(outlet_key, line_key, text, articles)
SELECT f.outlet_key, l.line_key, min(l.text), count(*)
FROM article_lines l JOIN article_facets f ON f.rowid = l.article
WHERE l.article > ?1 AND l.article <= ?2 AND f.outlet_key IS NOT NULL
GROUP BY f.outlet_key, l.line_key
ON CONFLICT(outlet_key, line_key) DO UPDATE SET articles = articles + excluded.articles)sql");
    Statement record(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('lines_counted', ?1)");
    if (!counted.ok() || !last.ok() || !count.ok() || !record.ok()) return Error("the corpus pass");
    int64_t from = counted.Step() == SQLITE_ROW ? counted.Int(0) : 0;
    if (last.Step() != SQLITE_ROW) return Error("the corpus pass");
    int64_t to = last.Int(0);
    count.Bind(1, from).Bind(2, to);
    record.Bind(1, std::to_string(to));
    if (count.Step() != SQLITE_DONE || record.Step() != SQLITE_DONE) {
      return Error("the corpus pass");
    }
    // Lines over the thresholds, not yet learned, per outlet, become learned
    // (1: pending until their articles are analysed again). Each outlet's
    // articles are counted once, not once per line over the first threshold
    // (which, on a large archive, was most of the pass).
    Statement mark(db_, R"sql(
UPDATE outlet_lines SET learned = 1
FROM (SELECT outlet_key, count(*) AS articles FROM article_facets
      WHERE outlet_key IS NOT NULL GROUP BY outlet_key) AS outlet
WHERE outlet_lines.outlet_key = outlet.outlet_key AND outlet_lines.learned = 0
  AND outlet_lines.articles >= ?1 AND outlet_lines.articles >= ?2 * outlet.articles)sql");
    if (!mark.ok()) return Error("the corpus pass");
    mark.Bind(1, static_cast<int64_t>(options.min_articles)).Bind(2, options.min_share);
    if (mark.Step() != SQLITE_DONE) return Error("the corpus pass");
    found.lines = static_cast<size_t>(sqlite3_changes(db_));
    // The articles of every pending line: those just learned, and any left
    // by a pass that was interrupted before it finished. The lines are kept
    // by article, so this reads them all, when there is a pending line (a
    // few, in memory).
    Statement pending(db_, "SELECT outlet_key, line_key FROM outlet_lines WHERE learned = 1");
    Statement lines(db_, "SELECT article, line_key FROM article_lines");
    Statement outlet(db_, "SELECT outlet_key FROM article_facets WHERE rowid = ?1");
    Statement id(db_, "SELECT id FROM articles WHERE rowid = ?1");
    if (!pending.ok() || !lines.ok() || !outlet.ok() || !id.ok()) return Error("the corpus pass");
    std::set<std::pair<std::string, int64_t>> learned;
    std::set<int64_t> learned_keys, articles;
    int rc;
    while ((rc = pending.Step()) == SQLITE_ROW) {
      learned.emplace(pending.Text(0), pending.Int(1));
      learned_keys.insert(pending.Int(1));
    }
    if (rc != SQLITE_DONE) return Error("the corpus pass");
    if (learned.empty()) return Status::Ok();
    while ((rc = lines.Step()) == SQLITE_ROW) {
      int64_t article = lines.Int(0), key = lines.Int(1);
      if (!learned_keys.contains(key) || articles.contains(article)) continue;
      outlet.Reset();
      outlet.Bind(1, article);
      if (outlet.Step() == SQLITE_ROW && learned.contains({outlet.Text(0), key})) {
        articles.insert(article);
      }
    }
    if (rc != SQLITE_DONE) return Error("the corpus pass");
    for (int64_t article : articles) {
      id.Reset();
      id.Bind(1, article);
      if (id.Step() != SQLITE_ROW) return Error("the corpus pass");
      found.articles.push_back(id.Text(0));
    }
    return Status::Ok();
  }

  Status BoilerplateApplied() override {
    return Exec("UPDATE outlet_lines SET learned = 2 WHERE learned = 1", "the corpus pass");
  }

  Result<std::shared_ptr<const LearnedBoilerplate>> LearnedLines() override {
    Statement s(db_, R"sql(
SELECT l.outlet_key, l.text FROM outlet_lines l WHERE l.learned > 0)sql");
    if (!s.ok()) return Error("reading learned boilerplate");
    auto learned = std::make_shared<LearnedBoilerplate>();
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) learned->Add(s.Text(0), s.Text(1));
    if (rc != SQLITE_DONE) return Error("reading learned boilerplate");
    return std::shared_ptr<const LearnedBoilerplate>(std::move(learned));
  }

  Status AddIdentityDecision(const IdentityDecision& decision) override {
    Statement s(db_, "INSERT INTO identity_decisions(kind, a, b, made_at) VALUES (?1, ?2, ?3, ?4)");
    if (!s.ok()) return Error("recording a decision");
    s.Bind(1, decision.kind).Bind(2, decision.a).Bind(3, decision.b).Bind(4, Now());
    if (s.Step() != SQLITE_DONE) return Error("recording a decision");
    return Status::Ok();
  }

  Result<std::vector<IdentityDecision>> IdentityDecisions() override {
    Statement s(db_, "SELECT kind, a, b, made_at FROM identity_decisions ORDER BY rowid");
    if (!s.ok()) return Error("reading decisions");
    std::vector<IdentityDecision> decisions;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      decisions.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3)});
    }
    if (rc != SQLITE_DONE) return Error("reading decisions");
    return decisions;
  }

  Status Reanalysed(std::span<const Article> articles) override {
    if (Status s = Exec("BEGIN IMMEDIATE", "starting an update"); !s.ok()) return s;
    // The old index entry is taken out with the text it was made from.
    Statement old(db_, "SELECT rowid, title, body, latest, names FROM articles WHERE id = ?1");
    Statement unindex(db_, "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
                           "VALUES ('delete', ?1, ?2, ?3)");
    Statement update(db_, R"sql(
UPDATE articles SET title = ?2, body = ?3, record = ?4, language = ?5, language_key = ?6,
  script = ?7, language_confidence = ?8, names = ?9 WHERE rowid = ?1)sql");
    Statement index(db_, "INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)");
    Statement forget(db_, "INSERT INTO articles_names(articles_names, rowid, names) "
                          "VALUES ('delete', ?1, ?2)");
    Statement names(db_, "INSERT INTO articles_names(rowid, names) VALUES (?1, ?2)");
    Statement facets(db_, "UPDATE article_facets SET language = ?2, language_key = ?3, months = ?4 "
                          "WHERE rowid = ?1");
    Status status = old.ok() && unindex.ok() && update.ok() && index.ok() && forget.ok() &&
                            names.ok() && facets.ok()
                        ? Status::Ok() : Error("preparing an update");
    for (const Article& article : articles) {
      if (!status.ok()) break;
      StoredRow row = MakeStoredRow(article);
      std::string new_names = NamesText(row);
      old.Reset();
      old.Bind(1, row.id);
      if (old.Step() != SQLITE_ROW) continue;  // not stored: nothing to update
      int64_t rowid = old.Int(0);
      unindex.Reset();
      unindex.Bind(1, rowid).Bind(2, old.Text(1)).Bind(3, old.Text(2));
      update.Reset();
      update.Bind(1, rowid).Bind(2, row.title).Bind(3, row.body).BindBlob(4, row.record_zstd)
          .Bind(5, row.language).Bind(6, row.language_key).Bind(7, row.script)
          .Bind(8, row.language_confidence).Bind(9, new_names);
      // The old names out of the index, with the text they were made from.
      forget.Reset();
      forget.Bind(1, rowid).Bind(2, old.Text(4));
      if (forget.Step() != SQLITE_DONE) status = Error("updating an article");
      index.Reset();
      index.Bind(1, rowid).Bind(2, row.title).Bind(3, row.body);
      // Older versions are out of the index (see Put) and stay out.
      bool latest = old.Int(3) != 0;
      if ((latest && unindex.Step() != SQLITE_DONE) || update.Step() != SQLITE_DONE ||
          (latest && index.Step() != SQLITE_DONE)) {
        status = Error("updating an article");
      }
      names.Reset();
      names.Bind(1, rowid).Bind(2, new_names);
      if (status.ok() && names.Step() != SQLITE_DONE) status = Error("updating an article");
      facets.Reset();
      facets.Bind(1, rowid).Bind(2, row.language).Bind(3, row.language_key)
          .Bind(4, MonthsTalkedAbout(new_names));
      if (status.ok() && facets.Step() != SQLITE_DONE) status = Error("updating an article");
    }
    if (status.ok()) status = Exec("COMMIT", "committing an update");
    if (!status.ok()) Rollback();
    return status;
  }

 private:
  sqlite3* db_;
  std::string path_;
  size_t articles_per_transaction_;  // StoreOptions'
  int busy_timeout_ms_;              // StoreOptions'
  sqlite3* lookups_ = nullptr;       // LookupConnection()
  std::unique_ptr<WalCheckpointer> checkpointer_;
  Pretokenized pretokenized_;
  std::unique_ptr<Statement> record_by_id_;  // Record()'s
};

// Checks, before SQLite touches it, that an existing file is an SQLite
// database and is not cut short: SQLite itself would only notice the damage
// when it reads the missing pages, perhaps in the middle of a batch.
Status CheckExistingFile(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return Status::Ok();  // created later
  if (S_ISDIR(info.st_mode)) {
    return Status(StatusCode::kInvalidArgument, path + ": a folder, not an archive file");
  }
  if (info.st_size == 0) return Status::Ok();  // an empty file becomes an archive
  std::ifstream in(path, std::ios::binary);
  char header[100] = {};
  in.read(header, sizeof header);
  if (in.gcount() < 100 || std::string_view(header, 16) != kSqliteMagic) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": not a veille archive (not an SQLite file); left untouched");
  }
  auto be16 = [&](int at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(header[at])) << 8) |
           static_cast<unsigned char>(header[at + 1]);
  };
  auto be32 = [&](int at) { return (be16(at) << 16) | be16(at + 2); };
  uint64_t page_size = be16(16) == 1 ? 65536 : be16(16);
  uint64_t pages = be32(28);
  bool size_valid = be32(24) == be32(92);  // the header's own validity rule
  std::string wal = path + "-wal";
  bool has_wal = ::access(wal.c_str(), F_OK) == 0;
  if (size_valid && !has_wal && static_cast<uint64_t>(info.st_size) < page_size * pages) {
    return Status(StatusCode::kCorrupt,
                  path + ": the archive is damaged (truncated: " + std::to_string(info.st_size) +
                      " bytes, " + std::to_string(page_size * pages) + " expected); left untouched");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  if (Status s = CheckExistingFile(path); !s.ok()) return s;
  if (options.read_only && ::access(path.c_str(), F_OK) != 0) {
    return Status(StatusCode::kNotFound,
                  path + ": no archive here (`veille ingest` makes one)");
  }
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  auto fail = [&](StatusCode code, const std::string& message) {
    sqlite3_close_v2(db);
    return Result<std::unique_ptr<Store>>(Status(code, path + ": " + message));
  };
  if (rc != SQLITE_OK) {
    return fail(StatusCode::kIoError, std::string("cannot open the archive: ") +
                                          (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  auto store = std::make_unique<SqliteStore>(db, path, options);
  if (Status s = RegisterFtsTokenizer(db, store->pretokenized()); !s.ok()) return s;
  if (Status s = RegisterArchiveFunctions(db); !s.ok()) return s;
  // Nothing is written before the file is known to be ours.
  Result<int> version = store->SchemaVersion();
  if (!version.ok()) return version.status();
  if (!options.read_only && *version == 0) {
    // A new file turns to WAL by writing its first page, in a transaction of
    // the default journal mode: a rollback journal on disk, deleted once the
    // page is synced. Killed in between, the process left a "hot" journal
    // that only a writer may roll back: `veille search` and any read-only
    // reader then failed ("attempt to write a readonly database") until the
    // next ingest. There is nothing to roll back in an empty file, so that
    // one write goes without a journal on disk.
    Statement pages(db, "PRAGMA page_count");
    if (pages.ok() && pages.Step() == SQLITE_ROW && pages.Int(0) == 0) {
      pages.Reset();
      if (Status s = store->Exec("PRAGMA journal_mode = MEMORY", "creating the archive"); !s.ok()) {
        return s;
      }
    }
  }
  if (!options.read_only) {
    // WAL: readers never block the writer; NORMAL sync: a power cut may lose
    // the last batches but never damages the archive, and a killed process
    // loses nothing committed.
    // A 64 MB page cache: the full-text index is written in large batches.
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA cache_size = -65536"}) {
      if (Status s = store->Exec(pragma, "setting up the archive"); !s.ok()) return s;
    }
  }
  if (Status s = store->Migrate(*version, options.read_only); !s.ok()) return s;
  if (!options.read_only) store->CheckpointInBackground(options.busy_timeout_ms);
  if (Status s = store->Exec(kMapArchive, "setting up the archive"); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace veille::store
