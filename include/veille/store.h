// The archive: analysed articles kept for search, in an SQLite file or on a
// PostgreSQL server, behind one interface.
#ifndef VEILLE_STORE_H_
#define VEILLE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/boilerplate.h"
#include "veille/query.h"
#include "veille/status.h"

namespace veille {

struct StoreOptions {
  // Wait this long for a lock another process holds before giving up with a
  // clear error. Costs nothing when there is no contention.
  int busy_timeout_ms = 5000;
  // Open without writing anything: search and listings only. The archive
  // must exist.
  bool read_only = false;
  // SQLite: Put commits after this many new articles. Large transactions
  // store faster: the indexes keyed by content hash and by facet take
  // inserts at random places, which rewrite a page each at every commit
  // however few land on it, and each commit makes a full-text segment that
  // merges will rewrite. At a million articles, 5,000 a transaction stored
  // 40% faster than 500. The write lock is held that long (some 2 s).
  // (PostgreSQL commits each Put at once, or, for a large one, once on each
  // of the two connections that write it.)
  size_t articles_per_transaction = 5000;
};

// What happened to one article given to Store::Put.
enum class PutOutcome : uint8_t {
  kInserted,    // new
  kDuplicate,   // the same content is already stored: nothing changed
  kNewVersion,  // new content at a URL already stored: kept beside the old
  kRejected,    // carries a fatal error: not stored
};

struct PutResult {
  std::vector<PutOutcome> outcomes;  // one per article, in order
  size_t inserted = 0, duplicates = 0, versions = 0, rejected = 0;
};

struct SearchOptions {
  size_t limit = 20;
  size_t offset = 0;
  bool facets = false;  // count matches per outlet, language, month, and month talked about
  // False: hits without a snippet, for callers that read the articles
  // themselves (a snippet costs a pass over the article's text).
  bool snippets = true;
  // The knowledge base entity: values are also looked up in, so that
  // entity:Almaty finds "Alma-Ata": as Options::knowledge_base ("" the
  // default one if it was built, "none" for none).
  std::string knowledge_base;
};

// A piece of the article around the matches; `highlights` are byte ranges
// of `text` that matched.
struct Snippet {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> highlights;
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string outlet;
  std::string language;
  std::string published;  // "" when unknown
  std::string url;
  double score = 0;       // higher is better; comparable within one search
  Snippet snippet;
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResult {
  // Articles that match, all pages together. Counting stops at 1,000: past
  // that, `total` is 1,000 and `total_exact` false ("1,000 or more").
  uint64_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  // With SearchOptions::facets: counts per outlet, language and month, over
  // the same (at most 1,000 most recent) matches; and per month the matches
  // talk about (the times stage's dates, when:), the most talked about first.
  std::vector<FacetCount> outlets, languages, months, months_talked_about;
};

// An article as the archive keeps it: what was read, and what was found.
struct StoredArticle {
  Source source;        // as given at ingest
  std::string raw;      // the bytes every span of `record` points into
  std::string record;   // the analysis: one veille.article/1 JSON object
  uint32_t version = 1; // 2, 3… for new content at the same URL
  std::optional<std::string> previous_id;  // the version before, if any
};

struct OutletSummary {
  std::string name;
  uint64_t articles = 0;
  std::vector<std::string> boilerplate;  // lines learned as boilerplate
};

// "merge": names `a` and `b` are one identity. "split": the spelling `b`
// is not a name of the identity `a`.
struct IdentityDecision {
  std::string kind;
  std::string a, b;
  std::string made_at;  // UTC, ISO 8601; set by the store
};

struct BoilerplateOptions {
  // A short line is learned as an outlet's boilerplate when it appears in at
  // least this share of the outlet's articles…
  double min_share = 0.2;
  // …and in at least this many of them.
  uint64_t min_articles = 5;
};

// What Store::LearnBoilerplate found.
struct NewBoilerplate {
  size_t lines = 0;                   // lines learned now
  std::vector<std::string> articles;  // ids of stored articles that have one
};

struct BoilerplateReport {
  size_t lines_learned = 0;       // new lines marked as boilerplate
  size_t articles_updated = 0;    // articles re-analysed because of them
};

// Not thread-safe: one Store per thread. Several processes may use one
// archive at once; writers wait for each other (StoreOptions::busy_timeout_ms).
class Store {
 public:
  // `url` is a file path (an SQLite archive, created when missing) or
  // postgres://… / postgresql://… (libpq connection URI). The schema is
  // created or migrated on open; an archive written by a newer veille, a file
  // that is not a veille archive, a damaged, locked or unwritable one, or an
  // unreachable server give an error, and the archive is left untouched.
  static Result<std::unique_ptr<Store>> Open(const std::string& url,
                                             const StoreOptions& options = {});
  virtual ~Store() = default;

  virtual std::string_view kind() const = 0;  // "sqlite" or "postgresql"

  // Stores the articles in transactions that each hold whole articles
  // (SQLite commits every StoreOptions::articles_per_transaction; PostgreSQL
  // all of them at once, or, from 400 new articles, one transaction on each
  // of two connections writing at once). On error,
  // what was committed before it stays and the error is returned: storing
  // the same articles again stores the rest, as Put is idempotent (an
  // article whose content hash is stored already is skipped). Two Puts of
  // the same articles at once, from two processes or two Stores, store
  // each article once: the one that comes second counts it a duplicate.
  virtual Result<PutResult> Put(std::span<const Article> articles) = 0;

  // After a bulk ingest: makes what was just stored as fast to search as
  // the rest (PostgreSQL merges the full-text index's pending entries and
  // refreshes the planner's statistics; SQLite refreshes its statistics).
  virtual Status Optimize() = 0;

  // After a large import: rewrites the full-text indexes into as few pieces
  // as they can be, so that a search reads each word's list once, not once
  // per piece (SQLite: FTS5 merges its segments, a step of bounded size per
  // transaction, so that it can be interrupted and run again; PostgreSQL:
  // VACUUM ANALYZE). It reads and writes the whole index: 25–35 s for a
  // million articles on SQLite on a 2-core machine. `veille optimize` runs
  // it, and so does Ingest after an ingest that at least doubled the archive
  // (IngestOptions): a few articles must not rewrite a large archive's index.
  virtual Status CompactIndexes() = 0;

  // The best matches first. To stay fast on archives of millions of
  // articles, a text query ranks the 1,000 most recent matches (more for
  // deep pages, or while facets leave too few), not all of them: the newest
  // relevant articles are what monitoring asks for. A query of facets alone
  // lists newest first.
  virtual Result<SearchResult> Search(const Query& query, const SearchOptions& options) = 0;

  // The stored article with this id; std::nullopt when there is none.
  virtual Result<std::optional<StoredArticle>> Get(const std::string& id) = 0;

  // The analysis alone of the stored article with this id (its
  // veille.article/1 record), without its raw bytes; std::nullopt when
  // there is none.
  virtual Result<std::optional<std::string>> Record(const std::string& id) {
    Result<std::optional<StoredArticle>> stored = Get(id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return std::optional<std::string>();
    return std::optional<std::string>(std::move((*stored)->record));
  }

  virtual Result<uint64_t> Count() = 0;

  // A mark that differs after any write to the archive, by this connection
  // or another process; cheap to ask. Equal marks mean the same content, so
  // what was read from the archive under one mark may be kept for it.
  virtual Result<std::string> Generation() = 0;

  // Outlets by article count, with their learned boilerplate lines.
  virtual Result<std::vector<OutletSummary>> Outlets() = 0;

  // The corpus pass, first half: marks as learned the short lines that recur
  // in enough of an outlet's articles, and returns the ids of the stored
  // articles that contain a learned line not yet applied (to be analysed
  // again with LearnedLines(), given to Reanalysed, then BoilerplateApplied).
  // A pass interrupted before BoilerplateApplied is finished by the next.
  virtual Result<NewBoilerplate> LearnBoilerplate(const BoilerplateOptions& options) = 0;

  // The corpus pass, last step: the learned lines are applied everywhere.
  virtual Status BoilerplateApplied() = 0;

  // Every line learned so far, for Options::learned_boilerplate.
  virtual Result<std::shared_ptr<const LearnedBoilerplate>> LearnedLines() = 0;

  // Replaces the analysis of stored articles (same ids, same raw bytes),
  // in one transaction.
  virtual Status Reanalysed(std::span<const Article> articles) = 0;

  // A user's decision about identities (veille entity merge|split), kept
  // apart from the articles so that it holds across re-ingests.
  virtual Status AddIdentityDecision(const IdentityDecision& decision) = 0;
  // Every decision, oldest first.
  virtual Result<std::vector<IdentityDecision>> IdentityDecisions() = 0;
};

}  // namespace veille

#endif  // VEILLE_STORE_H_
