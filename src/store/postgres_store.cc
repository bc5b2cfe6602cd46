#include "store/postgres_store.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <oneapi/tbb/parallel_for.h>

#include "store/search_plan.h"
#include "store/stored_row.h"

namespace veille::store {
namespace {

constexpr int kSchemaVersion = 5;

// Serialises migrations between processes that open one database at once.
constexpr int64_t kMigrationLock = 0x7665696c6c65;  // "veille"
// Serialises the updates of the outlets' line counts between the
// connections that write at once (Put).
constexpr int64_t kLineCountsLock = kMigrationLock + 1;

// Schema 1. The text search: `veille_fr` is PostgreSQL's French Snowball
// stemmer behind `unaccent` (so "etat" finds "état", "manifester" finds
// "manifestants"); `veille_fr_lemma` maps words through the hunspell-fr
// dictionary that Debian builds for PostgreSQL, adding each word's lemma
// ("sont" → "être") so that irregular forms are found too.
constexpr const char* kSchema = R"sql(
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION veille_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION veille_fr
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word
  WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION veille_fr_lemma (PARSER = default);
CREATE TABLE veille_articles(
  serial BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  previous_id TEXT,
  latest BOOLEAN NOT NULL DEFAULT TRUE,
  source_path TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_line BIGINT,
  source_id TEXT,
  given_outlet TEXT,
  given_published TEXT,
  given_title TEXT,
  outlet TEXT,
  outlet_key TEXT,
  outlet_evidence TEXT,
  language TEXT NOT NULL,
  language_key TEXT NOT NULL,
  script TEXT NOT NULL,
  language_confidence DOUBLE PRECISION NOT NULL,
  published TEXT,
  published_day TEXT,
  published_estimated BOOLEAN NOT NULL DEFAULT FALSE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  raw BYTEA NOT NULL,
  record BYTEA NOT NULL,
  search TSVECTOR NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX veille_articles_url ON veille_articles(url) WHERE url IS NOT NULL;
CREATE INDEX veille_articles_outlet ON veille_articles(outlet_key, published_day);
CREATE INDEX veille_articles_language ON veille_articles(language_key, published_day);
CREATE INDEX veille_articles_published ON veille_articles(published_day);
CREATE INDEX veille_articles_search ON veille_articles USING gin(search);
CREATE TABLE veille_article_lines(
  line_key BIGINT NOT NULL, article BIGINT NOT NULL, PRIMARY KEY(line_key, article));
CREATE TABLE veille_outlet_lines(
  outlet_key TEXT NOT NULL, line_key BIGINT NOT NULL, text TEXT NOT NULL,
  articles BIGINT NOT NULL,
  learned SMALLINT NOT NULL DEFAULT 0,  -- 0 no, 1 learned but not applied, 2 applied
  PRIMARY KEY(outlet_key, line_key));
)sql";

// Schema 1 → 2: the names each article mentions, for entity:. Articles
// stored before have none until they are analysed again.
constexpr const char* kSchema2 = R"sql(
CREATE TABLE veille_article_entities(
  article BIGINT NOT NULL, entity_key TEXT NOT NULL, PRIMARY KEY(article, entity_key));
CREATE INDEX veille_article_entities_key ON veille_article_entities(entity_key, article);
)sql";

// Schema 2 → 3: the user's merges and splits of identities.
constexpr const char* kSchema3 = R"sql(
CREATE TABLE veille_identity_decisions(
  serial BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
  made_at TEXT NOT NULL);
)sql";

// Schema 3 → 4: each article's names in one row, an array under a GIN
// index, instead of a row each in veille_article_entities: some 84 inserts
// an article at random places in a B-tree cost a third of storing time
// (adding 10,000 articles to 200,000: 278–342 articles/s, 436–482 with no
// names stored at all). As arrays: 294 and 351 articles/s against 241 and
// 230 at 390,000 articles, and 626 MB against 4.6 GB.
constexpr const char* kSchema4 = R"sql(
CREATE TABLE veille_article_names(article BIGINT PRIMARY KEY, names TEXT[] NOT NULL);
INSERT INTO veille_article_names
  SELECT article, array_agg(entity_key ORDER BY entity_key) FROM veille_article_entities
  GROUP BY article;
DROP TABLE veille_article_entities;
CREATE INDEX veille_article_names_names ON veille_article_names USING gin(names);
)sql";

// Schema 4 → 5: each pair of neighbouring words as a term of its own, for
// phrases. GIN keeps no positions: for "a sorti" it handed over every article
// holding both words (237,699 of 430,000) for the server to check their
// positions in, seconds for a phrase of two frequent words. With the pairs,
// it hands over those holding the pair. They come from the stored tsvector
// itself, so a phrase's pairs are there wherever the phrase operator would
// match: the same words at the same positions. The lemmas (weight D, all at
// one position after the text) are left out: a phrase is never made of them.
// Articles stored before have no pairs (NULL) until `veille optimize` adds
// them; phrases use the pairs once none is missing (veille_meta's
// 'neighbours' is 'complete').
constexpr const char* kSchema5 = R"sql(
CREATE FUNCTION veille_neighbours(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(pair)), ''::tsvector) FROM (
    SELECT lexeme || ' ' || lead(lexeme) OVER w AS pair, p, lead(p) OVER w AS next
    FROM unnest(v) AS u(lexeme, positions, weights), unnest(u.positions, u.weights) AS x(p, weight)
    WHERE x.weight <> 'D' WINDOW w AS (ORDER BY p)) s
  WHERE next = p + 1
$$;
-- The pairs of a phrase as a tsquery that wants them all, in tsquery's
-- quoting (a pair holds a space); '' when it has none: one word, or stop
-- words between its words. (Weight A: D is the lemmas', left out.)
CREATE FUNCTION veille_neighbours_query(phrase text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    '''' || replace(replace(pair, '\', '\\'), '''', '''''') || '''', ' & '), '')
  FROM unnest(tsvector_to_array(
    veille_neighbours(setweight(to_tsvector('veille_fr', phrase), 'A')))) AS pair
$$;
CREATE FUNCTION veille_set_neighbours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.neighbours := veille_neighbours(NEW.search);
  RETURN NEW;
END
$$;
ALTER TABLE veille_articles ADD COLUMN neighbours TSVECTOR;
CREATE TRIGGER veille_articles_neighbours BEFORE INSERT OR UPDATE OF search ON veille_articles
  FOR EACH ROW EXECUTE FUNCTION veille_set_neighbours();
CREATE INDEX veille_articles_neighbours ON veille_articles USING gin(neighbours);
INSERT INTO veille_meta VALUES ('neighbours',
  CASE WHEN EXISTS (SELECT 1 FROM veille_articles) THEN 'incomplete' ELSE 'complete' END);
)sql";

// The hunspell dictionary, in its own step: a server without hunspell-fr
// still gets an archive, without lemmas.
constexpr const char* kLemmas = R"sql(
CREATE TEXT SEARCH DICTIONARY veille_fr_hunspell (
  TEMPLATE = ispell, DictFile = fr, AffFile = fr, StopWords = french);
ALTER TEXT SEARCH CONFIGURATION veille_fr_lemma
  ADD MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word
  WITH veille_fr_hunspell;
)sql";

// "$n", a query parameter. (Built with += rather than "$" + …: GCC 12 warns
// wrongly about the latter.)
std::string Param(size_t n) {
  std::string p = "$";
  p += std::to_string(n);
  return p;
}

// The tsvector of an article: title (weight A) and body (B) stemmed by the
// server, then the lemmas of its distinct words (D), given as a tsvector
// literal, from the parameters numbered `title`, `body` and `lemmas`.
std::string SearchVector(int title, int body, int lemmas) {
  std::string sql = "setweight(to_tsvector('veille_fr', ";
  sql += Param(title);
  sql += "::text), 'A') || setweight(to_tsvector('veille_fr', ";
  sql += Param(body);
  sql += "::text), 'B') || ";
  sql += Param(lemmas);
  sql += "::tsvector";
  return sql;
}

// A lexeme as a tsvector literal wants it: quoted, with quotes and
// backslashes doubled.
void AppendLexeme(std::string& out, std::string_view lexeme) {
  out += '\'';
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
}

// The distinct words of an article, for its lemmas: hunspell is slow (some
// milliseconds an article), and lemmas serve one-word queries only, where
// positions do not matter, so each word is looked up once (and remembered,
// see LemmaCache).
std::string DistinctWords(const std::string& title, const std::string& body) {
  std::unordered_set<std::string_view> seen;
  std::string words;
  for (const std::string* text : {&title, &body}) {
    size_t i = 0;
    while (i < text->size()) {
      while (i < text->size() && (std::isspace(static_cast<unsigned char>((*text)[i])) ||
                                  std::ispunct(static_cast<unsigned char>((*text)[i])))) {
        ++i;
      }
      size_t start = i;
      while (i < text->size() && !std::isspace(static_cast<unsigned char>((*text)[i])) &&
             !std::ispunct(static_cast<unsigned char>((*text)[i]))) {
        ++i;
      }
      std::string_view word(text->data() + start, i - start);
      if (!word.empty() && seen.insert(word).second) {
        words.append(word);
        words += ' ';
      }
    }
  }
  return words;
}

// A PostgreSQL array literal, {"…","…"}, of texts or numbers: the way to
// pass a list as one parameter in libpqxx 6.
template <typename Text>
std::string ArrayLiteral(const std::vector<Text>& items) {
  std::string out = "{";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : std::string_view(item)) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

// Calls `f` on each word of a text of words separated by single spaces.
void ForEachWord(std::string_view text, const std::function<void(std::string_view)>& f) {
  while (!text.empty()) {
    size_t space = text.find(' ');
    if (space != 0) f(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
}

Status Failure(const std::string& doing, const std::exception& e) {
  std::string message = e.what();
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    return Status(StatusCode::kIoError, "PostgreSQL: the connection was lost while " + doing +
                                            ": " + message);
  }
  return Status(StatusCode::kIoError, "PostgreSQL, " + doing + ": " + message);
}

std::optional<std::string> NullIfEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

class PostgresStore final : public Store {
 public:
  PostgresStore(std::unique_ptr<pqxx::connection> connection, std::string url,
                int busy_timeout_ms)
      : connection_(std::move(connection)), url_(std::move(url)),
        busy_timeout_ms_(busy_timeout_ms) {}

  std::string_view kind() const override { return "postgresql"; }

  // The archive's schema version, 0 when there is none.
  static int SchemaVersion(pqxx::work& w) {
    pqxx::result meta = w.exec(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'veille_meta' "
        "AND table_schema = current_schema()");
    if (meta.empty()) return 0;
    pqxx::result v = w.exec("SELECT value FROM veille_meta WHERE key = 'schema_version'");
    return v.empty() ? 0 : std::stoi(v[0][0].c_str());
  }

  Status Migrate(bool read_only) {
    try {
      pqxx::work w(*connection_);
      int version = SchemaVersion(w);
      if (version > kSchemaVersion) {
        return Status(StatusCode::kInvalidArgument,
                      "PostgreSQL: the archive was written by a newer veille (schema " +
                          std::to_string(version) + "; this veille knows up to " +
                          std::to_string(kSchemaVersion) + "): upgrade veille to open it");
      }
      if (version == kSchemaVersion) return Status::Ok();
      if (read_only) {
        return Status(StatusCode::kInvalidArgument,
                      version == 0 ? "PostgreSQL: no veille archive in this database"
                                   : "PostgreSQL: the archive needs a migration, which read-only "
                                     "mode cannot do");
      }
      w.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
      // Another process may have migrated while we waited for the lock.
      version = SchemaVersion(w);
      if (version == 0) CreateSchema(w);
      if (version < 2) w.exec(kSchema2);
      if (version < 3) w.exec(kSchema3);
      if (version < 4) w.exec(kSchema4);
      if (version < 5) w.exec(kSchema5);
      w.exec_params("UPDATE veille_meta SET value = $1 WHERE key = 'schema_version'",
                    std::to_string(kSchemaVersion));
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("preparing the archive", e);
    }
  }

  // Schema 1.
  static void CreateSchema(pqxx::work& w) {
      w.exec(kSchema);
      w.exec("SAVEPOINT lemmas");
      std::string lemmas = "hunspell-fr";
      try {
        w.exec(kLemmas);
      } catch (const pqxx::sql_error&) {
        w.exec("ROLLBACK TO SAVEPOINT lemmas");
        lemmas = "none";  // no hunspell-fr on the server: stems only
      }
      w.exec("CREATE TABLE veille_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      w.exec_params("INSERT INTO veille_meta VALUES ('schema_version', '1'), ('lemmas', $1)",
                    lemmas);
  }

  Result<PutResult> Put(std::span<const Article> articles) override {
    // Rows (compression, the JSON record) are made on all cores first; the
    // server does the text search work.
    std::vector<StoredRow> rows(articles.size());
    std::vector<std::string> words(articles.size());
    oneapi::tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
      if (!articles[i].HasFatalError() && !articles[i].id.empty()) {
        rows[i] = MakeStoredRow(articles[i]);
        words[i] = DistinctWords(rows[i].title, rows[i].body);
      }
    });
    try {
      PutResult result;
      result.outcomes.assign(articles.size(), PutOutcome::kRejected);
      // Which articles are stored already, in one round trip, and the
      // lemmas of the words the server was not asked for before. Those
      // stored by this batch join the set, so an article twice in one batch
      // is stored once.
      std::unordered_set<std::string> stored;
      {
        pqxx::work w(*connection_);
        LookUpLemmas(w, words);
        std::string ids;
        for (const Article& article : articles) {
          if (!article.id.empty()) (ids += article.id) += ' ';
        }
        for (const auto& found : w.exec_params(
                 "SELECT id FROM veille_articles WHERE id = ANY(string_to_array(rtrim($1), ' '))",
                 ids)) {
          stored.insert(found[0].as<std::string>());
        }
        w.commit();
      }
      // The new articles, shared out between the writing connections by
      // URL (or content hash): the versions of one URL stay in order on one
      // connection.
      std::vector<size_t> fresh;
      for (size_t i = 0; i < articles.size(); ++i) {
        const Article& article = articles[i];
        if (article.HasFatalError() || article.id.empty()) {
          ++result.rejected;
        } else if (!stored.insert(article.id).second) {
          result.outcomes[i] = PutOutcome::kDuplicate;
          ++result.duplicates;
        } else {
          fresh.push_back(i);
        }
      }
      std::vector<pqxx::connection*> writers = Writers(fresh.size());
      std::vector<std::vector<size_t>> shares(writers.size());
      auto key = [&](size_t i) -> const std::string& {
        return rows[i].source.url ? *rows[i].source.url : rows[i].id;
      };
      for (size_t i : fresh) shares[std::hash<std::string>()(key(i)) % writers.size()].push_back(i);
      // Each share is written in the order of its keys (the versions of a
      // URL still in batch order), so that two ingests storing the same
      // articles at once meet them in the same order: the second waits for
      // the first's commit, and neither holds a row the other waits for.
      for (std::vector<size_t>& share : shares) {
        std::stable_sort(share.begin(), share.end(),
                         [&](size_t a, size_t b) { return key(a) < key(b); });
      }
      std::vector<PutResult> written(writers.size());
      std::vector<std::exception_ptr> failed(writers.size());
      // Should two ingests still each wait for a row the other wrote, the
      // server rolls one back, which writes its share again.
      auto write = [&](size_t k) {
        for (int attempt = 1;; ++attempt) {
          try {
            written[k] = PutResult{};
            WriteShare(*writers[k], shares[k], rows, words, result.outcomes, written[k]);
            return;
          } catch (const pqxx::deadlock_detected&) {
            if (attempt == kDeadlockAttempts) {
              failed[k] = std::current_exception();
              return;
            }
          } catch (...) {
            failed[k] = std::current_exception();
            return;
          }
        }
      };
      std::vector<std::thread> threads;
      for (size_t k = 1; k < writers.size(); ++k) threads.emplace_back(write, k);
      write(0);
      for (std::thread& thread : threads) thread.join();
      // A share that failed is rolled back; the others are committed: they
      // hold whole articles, and storing the batch again stores the rest.
      for (const std::exception_ptr& failure : failed) {
        if (failure) std::rethrow_exception(failure);
      }
      for (const PutResult& share : written) {
        result.inserted += share.inserted;
        result.versions += share.versions;
        result.duplicates += share.duplicates;
      }
      return result;
    } catch (const std::exception& e) {
      return Failure("storing a batch", e);
    }
  }

  // The connections that write a batch of `articles` new articles at once:
  // the server works each connection's statements on one core, and its
  // stemming, lemmas and index inserts kept that core busy while the others
  // waited. One for a small batch; the others are opened when first needed
  // (one that cannot be opened is done without). Each has the insert
  // statement prepared.
  std::vector<pqxx::connection*> Writers(size_t articles) {
    std::vector<pqxx::connection*> writers = {connection_.get()};
    size_t wanted = std::clamp<size_t>(articles / kArticlesPerWriter, 1, kMaxWriters);
    while (extra_writers_.size() + 1 < wanted && !extra_writers_failed_) {
      try {
        auto connection = std::make_unique<pqxx::connection>(url_);
        pqxx::nontransaction n(*connection);
        n.exec("SET lock_timeout = " + std::to_string(busy_timeout_ms_));
        n.exec("SET client_min_messages = warning");
        extra_writers_.push_back(std::move(connection));
      } catch (const std::exception&) {
        extra_writers_failed_ = true;
      }
    }
    for (size_t k = 0; k + 1 < wanted && k < extra_writers_.size(); ++k) {
      writers.push_back(extra_writers_[k].get());
    }
    for (pqxx::connection* writer : writers) {
      if (prepared_.contains(writer)) continue;
      writer->prepare("veille_insert_article",
          "INSERT INTO veille_articles(id, url, version, previous_id, source_path, "
          "source_format, source_line, source_id, given_outlet, given_published, given_title, "
          "outlet, outlet_key, outlet_evidence, language, language_key, script, "
          "language_confidence, published, published_day, published_estimated, title, body, "
          "raw, record, search) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
          "$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, " +
              SearchVector(22, 23, 26) + ") ON CONFLICT (id) DO NOTHING RETURNING serial");
      prepared_.insert(writer);
    }
    return writers;
  }

  // Writes the articles `share` (indexes into `rows`, in order) in one
  // transaction on `connection`, and sets their outcomes.
  void WriteShare(pqxx::connection& connection, const std::vector<size_t>& share,
                  std::vector<StoredRow>& rows, const std::vector<std::string>& words,
                  std::vector<PutOutcome>& outcomes, PutResult& result) {
    if (share.empty()) return;
    pqxx::work w(connection);
    // The articles' short lines and names, written for the share at the end.
    std::vector<std::string> line_keys, line_articles, name_articles, names;
    std::vector<std::string_view> line_outlets, line_texts;
    for (size_t i : share) {
      StoredRow& row = rows[i];
      int version = 1;
      std::optional<std::string> previous;
      std::optional<int64_t> superseded;
      if (row.source.url) {
        pqxx::result old = w.exec_params(
            "SELECT serial, id, version FROM veille_articles WHERE url = $1 AND latest "
            "FOR UPDATE",
            *row.source.url);
        if (!old.empty()) {
          superseded = old[0][0].as<int64_t>();
          previous = old[0][1].as<std::string>();
          version = old[0][2].as<int>() + 1;
        }
      }
      pqxx::binarystring raw(row.raw_zstd), record(row.record_zstd);
      pqxx::result inserted = w.exec_prepared(
          "veille_insert_article", row.id, row.source.url, version, previous, row.source.path,
          row.source.format,
          row.source.line ? std::optional<int64_t>(*row.source.line) : std::nullopt,
          row.source.id, row.source.outlet, row.source.published, row.source.title,
          NullIfEmpty(row.outlet), NullIfEmpty(row.outlet_key), NullIfEmpty(row.outlet_evidence),
          row.language, row.language_key, row.script,
          row.language_confidence, NullIfEmpty(row.published), NullIfEmpty(row.published_day),
          row.published_estimated, row.title, row.body, raw, record, LemmaVector(words[i]));
      // Another ingest stored the same article since the batch looked it
      // up (its insert waited for that one's commit).
      if (inserted.empty()) {
        outcomes[i] = PutOutcome::kDuplicate;
        ++result.duplicates;
        continue;
      }
      if (superseded) {
        w.exec_params("UPDATE veille_articles SET latest = FALSE WHERE serial = $1", *superseded);
      }
      std::string serial = inserted[0][0].c_str();
      std::unordered_set<uint64_t> keys;  // a line twice in one article counts once
      for (const auto& [key, text] : row.lines) {
        if (!keys.insert(key).second) continue;
        line_keys.push_back(std::to_string(static_cast<int64_t>(key)));
        line_articles.push_back(serial);
        line_outlets.push_back(row.outlet_key);
        line_texts.push_back(text);
      }
      if (!row.entity_keys.empty()) {
        name_articles.push_back(serial);
        names.push_back(ArrayLiteral(row.entity_keys));
      }
      outcomes[i] = version > 1 ? PutOutcome::kNewVersion : PutOutcome::kInserted;
      ++(version > 1 ? result.versions : result.inserted);
    }
    if (!names.empty()) {
      w.exec_params("INSERT INTO veille_article_names "
                    "SELECT a, n::text[] FROM unnest($1::bigint[], $2::text[]) AS t(a, n) "
                    "ON CONFLICT DO NOTHING",
                    ArrayLiteral(name_articles), ArrayLiteral(names));
    }
    // Each new (line, article) pair counts once for the line in its
    // outlet. One statement for the share: a round trip per line would
    // cost more than the rest of storing. The counts of one outlet's lines
    // are rows that every writer updates: one writer at a time (until its
    // commit), or two would each wait for a row the other holds.
    if (!line_keys.empty()) {
      w.exec_params("SELECT pg_advisory_xact_lock($1)", kLineCountsLock);
      w.exec_params(R"sql(
WITH l(line_key, article, outlet_key, text) AS (
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])),
added AS (
  INSERT INTO veille_article_lines SELECT line_key, article FROM l
  ON CONFLICT DO NOTHING RETURNING line_key, article)
INSERT INTO veille_outlet_lines(outlet_key, line_key, text, articles)
SELECT l.outlet_key, l.line_key, min(l.text), count(*)
FROM added JOIN l USING (line_key, article)
WHERE l.outlet_key <> ''
GROUP BY l.outlet_key, l.line_key
ON CONFLICT (outlet_key, line_key)
DO UPDATE SET articles = veille_outlet_lines.articles + excluded.articles)sql",
                    ArrayLiteral(line_keys), ArrayLiteral(line_articles),
                    ArrayLiteral(line_outlets), ArrayLiteral(line_texts));
    }
    w.commit();
  }

  Status Optimize() override {
    try {
      // Outside a transaction block, as ANALYZE prefers; the pending list
      // is what fast inserts leave for later, and a query would read it
      // all, article by article.
      pqxx::nontransaction n(*connection_);
      n.exec("SELECT gin_clean_pending_list('veille_articles_search'::regclass)");
      n.exec("SELECT gin_clean_pending_list('veille_articles_neighbours'::regclass)");
      n.exec("ANALYZE veille_articles");
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("optimising the archive", e);
    }
  }

  Status CompactIndexes() override {
    if (Status s = AddMissingNeighbours(); !s.ok()) return s;
    try {
      // VACUUM cannot run inside a transaction block. It empties the GIN
      // indexes' pending lists, drops what superseded rows left in the
      // indexes, and refreshes the planner's statistics.
      pqxx::nontransaction n(*connection_);
      for (const char* table : {"veille_articles", "veille_article_names"}) {
        n.exec(std::string("VACUUM (ANALYZE) ") + table);
      }
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("compacting the indexes", e);
    }
  }

  // The pairs of neighbouring words of the articles stored before schema 5
  // (kSchema5), a span of serials a transaction: interrupted, the next run
  // goes on. Articles stored meanwhile get theirs as they are stored.
  Status AddMissingNeighbours() {
    try {
      int64_t last = 0;
      {
        pqxx::work w(*connection_);
        if (AllHaveNeighbours(w)) return Status::Ok();
        last = w.exec("SELECT coalesce(max(serial), 0) FROM veille_articles")[0][0].as<int64_t>();
      }
      for (int64_t from = 0; from < last; from += kNeighboursPerTransaction) {
        pqxx::work w(*connection_);
        w.exec_params("UPDATE veille_articles SET neighbours = veille_neighbours(search) "
                      "WHERE serial > $1 AND serial <= $2 AND neighbours IS NULL",
                      from, from + kNeighboursPerTransaction);
        w.commit();
      }
      pqxx::work w(*connection_);
      w.exec("UPDATE veille_meta SET value = 'complete' WHERE key = 'neighbours'");
      w.commit();
      all_have_neighbours_ = true;
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("adding the pairs of neighbouring words to older articles", e);
    }
  }

  // Whether every article has its pairs of neighbouring words (kSchema5).
  // Once they all have, they always will.
  bool AllHaveNeighbours(pqxx::transaction_base& t) {
    if (!all_have_neighbours_) {
      pqxx::result v = t.exec("SELECT value FROM veille_meta WHERE key = 'neighbours'");
      all_have_neighbours_ = !v.empty() && v[0][0].as<std::string>() == "complete";
    }
    return all_have_neighbours_;
  }

  // For each clause that is one phrase and must match, its pairs of
  // neighbouring words, as conditions on their index (kSchema5) to AND with
  // the text query, over parameters appended to `values`: the server then
  // checks the positions of the articles that hold the pairs, not of all
  // those that hold the words. A phrase without pairs (stop words between
  // its words) has no condition.
  std::string NeighboursFilter(pqxx::read_transaction& r, const SearchPlan& plan,
                               std::vector<std::string>& values) {
    std::vector<std::string> phrases;
    for (const PlannedClause& clause : plan.clauses) {
      if (clause.excluded || clause.any_of.size() != 1) continue;
      const PlannedAlternative& alternative = clause.any_of[0];
      if (alternative.phrase || alternative.terms.size() > 1) phrases.push_back(alternative.text);
    }
    if (phrases.empty() || !AllHaveNeighbours(r)) return "";
    std::string sql;
    for (const pqxx::row& row : r.exec_params(
             "SELECT veille_neighbours_query(p) FROM unnest($1::text[]) AS p", ArrayLiteral(phrases))) {
      std::string pairs = row[0].as<std::string>();
      if (pairs.empty()) continue;
      values.push_back(pairs);
      sql += " AND a.neighbours @@ " + Param(values.size()) + "::tsquery";
    }
    return sql;
  }

  // Asks the server for the lemmas of the words it was not asked for before,
  // in one round trip, through the same `veille_fr_lemma` configuration
  // that queries use.
  void LookUpLemmas(pqxx::work& w, const std::vector<std::string>& words) {
    if (lemmas_.size() > kMaxCachedWords) lemmas_.clear();
    std::unordered_set<std::string_view> asked;
    std::string unseen;
    for (const std::string& text : words) {
      ForEachWord(text, [&](std::string_view word) {
        if (!lemmas_.contains(word) && asked.insert(word).second) (unseen += word) += ' ';
      });
    }
    if (unseen.empty()) return;
    for (const auto& row : w.exec_params(
             "SELECT w, array_to_string(tsvector_to_array(to_tsvector('veille_fr_lemma', w)), ' ') "
             "FROM unnest(string_to_array(rtrim($1), ' ')) AS w",
             unseen)) {
      lemmas_.emplace(row[0].as<std::string>(), row[1].as<std::string>());
    }
  }

  // The lemmas of an article's distinct words, as a tsvector literal of
  // weight D. They all take one position: lemmas serve one-word queries,
  // and a phrase must not find a run of them.
  std::string LemmaVector(std::string_view words) const {
    std::unordered_set<std::string_view> seen;
    std::string vector;
    ForEachWord(words, [&](std::string_view word) {
      auto found = lemmas_.find(word);
      if (found == lemmas_.end()) return;
      ForEachWord(found->second, [&](std::string_view lexeme) {
        if (!seen.insert(lexeme).second) return;
        if (!vector.empty()) vector += ' ';
        AppendLexeme(vector, lexeme);
        vector += ":1D";
      });
    });
    return vector;
  }

  // The tsquery of a plan, as SQL over parameters appended to `values`.
  static std::string TsQuery(const SearchPlan& plan, std::vector<std::string>& values) {
    std::string positive, negative;
    for (const PlannedClause& clause : plan.clauses) {
      std::string group;
      for (const PlannedAlternative& alternative : clause.any_of) {
        values.push_back(alternative.text);
        std::string p = Param(values.size());
        // A single word also matches through its lemma ("sont" finds "être"); a
        // phrase does not, since a lemma phrase would lose the words hunspell
        // does not know.
        bool single = !alternative.phrase && alternative.terms.size() == 1;
        std::string one = single ? "(phraseto_tsquery('veille_fr', " + p +
                                       ") || phraseto_tsquery('veille_fr_lemma', " + p + "))"
                                 : "phraseto_tsquery('veille_fr', " + p + ")";
        group += (group.empty() ? "" : " || ") + one;
      }
      group = "(" + group + ")";
      if (clause.excluded) {
        negative += " && !!" + group;
      } else {
        positive += (positive.empty() ? "" : " && ") + group;
      }
    }
    return "(" + positive + negative + ")";
  }

  static std::string FacetFilter(const SearchPlan& plan, std::vector<std::string>& values) {
    std::string sql = " AND a.latest";
    auto in_list = [&](const char* column, const std::vector<std::string>& list) {
      if (list.empty()) return;
      sql += std::string(" AND ") + column + " IN (";
      for (size_t i = 0; i < list.size(); ++i) {
        values.push_back(list[i]);
        sql += (i ? ", " : "") + Param(values.size());
      }
      sql += ")";
    };
    in_list("a.outlet_key", plan.outlet_keys);
    in_list("a.language_key", plan.languages);
    // Any of the entity: names, any of the speaker: names, any of the
    // when: dates: all in the names index.
    for (const std::vector<std::string>* keys : {&plan.entity_keys, &plan.speaker_keys, &plan.date_keys}) {
      if (keys->empty()) continue;
      values.push_back(ArrayLiteral(*keys));
      sql += " AND a.serial IN (SELECT article FROM veille_article_names WHERE names && " +
             Param(values.size()) + "::text[])";
    }
    if (!plan.from.empty()) {
      values.push_back(plan.from);
      sql += " AND a.published_day >= " + Param(values.size());
    }
    if (!plan.to.empty()) {
      values.push_back(plan.to);
      sql += " AND a.published_day <= " + Param(values.size());
    }
    return sql;
  }

  // `count` of `serials` from `first`, those there are, as an array literal:
  // {1,2,3}.
  static std::string SerialArray(const std::vector<int64_t>& serials, size_t first, size_t count) {
    std::string out = "{";
    for (size_t i = first; i < first + count && i < serials.size(); ++i) {
      if (i > first) out += ',';
      out += std::to_string(serials[i]);
    }
    return out + "}";
  }

  // The serials of a text query's newest matches, newest first, `limit` at
  // most. GIN finds a word's matches in no order: the newest 1,000 of half a
  // million matches meant reading and sorting half a million rows (8 to 19 s
  // at a million articles). They are looked for among the newest articles
  // first, in a span of serials four times wider at each step: a frequent
  // word is done within the first spans, a rare one (whose matches are few
  // anyway) ends with the whole archive.
  //
  // The planner must not walk the serials' index backwards and test each
  // article's words, which it does when it guesses a query matches more
  // than it does ("Ligue envie": 637 matches for a guessed 3,870, 7.4 s at
  // 200,000 articles, 60 ms through GIN): in the transaction of a text
  // query, the matches come from the GIN index, as a bitmap.
  static std::vector<int64_t> NewestMatches(pqxx::read_transaction& r, const std::string& where,
                                            const std::vector<std::string>& values, int64_t limit) {
    int64_t last = r.exec("SELECT coalesce(max(serial), 0) FROM veille_articles")[0][0].as<int64_t>();
    r.exec("SET LOCAL enable_indexscan = off");
    r.exec("SET LOCAL enable_seqscan = off");
    std::vector<std::string> bounded = values;
    bounded.emplace_back();
    std::string sql = "SELECT a.serial FROM veille_articles a" + where + " AND a.serial > " +
                      Param(bounded.size()) + " ORDER BY a.serial DESC LIMIT " + std::to_string(limit);
    for (int64_t span = 2 * limit;; span = span > last / 4 ? last : span * 4) {
      int64_t above = span >= last ? 0 : last - span;
      bounded.back() = std::to_string(above);
      std::vector<int64_t> serials;
      for (const pqxx::row& row : r.exec_params(sql, pqxx::prepare::make_dynamic_params(bounded))) {
        serials.push_back(row[0].as<int64_t>());
      }
      if (static_cast<int64_t>(serials.size()) == limit || above == 0) return serials;
    }
  }

  Result<SearchResult> Search(const Query& query, const SearchOptions& options) override {
    Result<SearchPlan> plan = PlanSearch(query, options);
    if (!plan.ok()) return plan.status();
    try {
      pqxx::read_transaction r(*connection_);
      SearchResult result;
      std::vector<std::string> values;
      bool text = !plan->clauses.empty();
      std::string from = " FROM veille_articles a";
      std::string where = " WHERE TRUE";
      std::string tsquery;
      if (text) tsquery = TsQuery(*plan, values);
      // The tsquery's parameters come first: ranking a text query's matches
      // needs those alone.
      size_t tsquery_values = values.size();
      if (text) {
        // With pairs of neighbouring words, the matches are found through
        // theirs alone, and the text query checks them: written as the
        // function behind @@, which the planner does not take to its index.
        // Through both indexes, it read every article holding a frequent
        // pair's words, not only the newest ("Pays-Bas", whose pairs are as
        // frequent as the word: 8.0 s against 0.2 s at a million articles).
        std::string pairs = NeighboursFilter(r, *plan, values);
        where = pairs.empty() ? " WHERE a.search @@ " + tsquery
                              : " WHERE ts_match_vq(a.search, " + tsquery + ")" + pairs;
      }
      where += FacetFilter(*plan, values);
      size_t wanted = options.offset + options.limit;
      // The newest matches, in one pass: a text query's by serial (ranked
      // among the first `window`, more for deep pages, as on SQLite), the
      // others' by date. They are counted up to kCountCap, and the facets
      // count the first kCountCap; their rows are then read by serial.
      int64_t window = std::max<int64_t>(kRankWindow, 4 * static_cast<int64_t>(wanted));
      std::vector<int64_t> newest;
      if (text) {
        newest = NewestMatches(r, where, values, std::max(window, kCountCap + 1));
      } else {
        for (const pqxx::row& row : r.exec_params(
                 "SELECT a.serial" + from + where +
                     " ORDER BY a.published_day DESC NULLS LAST, a.serial DESC LIMIT " +
                     std::to_string(std::max<int64_t>(wanted, kCountCap + 1)),
                 pqxx::prepare::make_dynamic_params(values))) {
          newest.push_back(row[0].as<int64_t>());
        }
      }
      result.total_exact = newest.size() <= static_cast<size_t>(kCountCap);
      result.total = std::min<uint64_t>(newest.size(), kCountCap);
      std::vector<std::string> hit_values;
      std::string select;
      if (text) {
        // The tsquery's parameters come first.
        hit_values.assign(values.begin(), values.begin() + tsquery_values);
        hit_values.push_back(SerialArray(newest, 0, window));
        std::string serials = Param(hit_values.size());
        // A parameter the statement does not use is one the server cannot
        // type: the headline's options are passed only with snippets.
        std::string headline_options;
        if (options.snippets) {
          hit_values.push_back(
              "StartSel=\xEE\x80\x80, StopSel=\xEE\x80\x81, MaxWords=30, MinWords=12, "
              "MaxFragments=2, FragmentDelimiter=\" … \"");
          headline_options = Param(hit_values.size());
        }
        hit_values.push_back(std::to_string(options.limit));
        hit_values.push_back(std::to_string(options.offset));
        // ts_headline only for the page shown.
        select = "SELECT p.id, p.title, p.outlet, p.language, p.published, p.url, p.score, " +
                 (options.snippets ? "ts_headline('veille_fr', p.body, " + tsquery + ", " +
                                         headline_options + ")"
                                   : std::string("''")) +
                 " FROM (SELECT a.id, a.title, coalesce(a.outlet, '') AS outlet, a.language, "
                 "coalesce(a.published, '') AS published, coalesce(a.url, '') AS url, a.body, "
                 "ts_rank(a.search, " + tsquery + ") AS score, a.serial "
                 "FROM veille_articles a WHERE a.serial = ANY(" + serials + "::bigint[]) "
                 "ORDER BY score DESC, a.serial DESC LIMIT " + Param(hit_values.size() - 1) +
                 " OFFSET " + Param(hit_values.size()) + ") p ORDER BY p.score DESC, p.serial DESC";
      } else {
        hit_values.push_back(SerialArray(newest, options.offset, options.limit));
        select = "SELECT a.id, a.title, coalesce(a.outlet, ''), a.language, "
                 "coalesce(a.published, ''), coalesce(a.url, ''), 0, " +
                 std::string(options.snippets ? "substr(a.body, 1, 200)" : "''") +
                 " FROM veille_articles a WHERE a.serial = ANY($1::bigint[])"
                 " ORDER BY a.published_day DESC NULLS LAST, a.serial DESC";
      }
      for (const pqxx::row& row : r.exec_params(select, pqxx::prepare::make_dynamic_params(hit_values))) {
        SearchHit hit;
        hit.id = row[0].as<std::string>();
        hit.title = row[1].as<std::string>();
        hit.outlet = row[2].as<std::string>();
        hit.language = row[3].as<std::string>();
        hit.published = row[4].as<std::string>();
        hit.url = row[5].as<std::string>();
        hit.score = row[6].as<double>();
        hit.snippet = MarkedSnippet(row[7].as<std::string>());
        result.hits.push_back(std::move(hit));
      }
      if (options.facets) {
        struct Facet {
          const char* expression;
          std::vector<FacetCount>* out;
        };
        std::vector<std::string> facet_values = {SerialArray(newest, 0, kCountCap)};
        std::string recent =
            " FROM (SELECT a.* FROM veille_articles a WHERE a.serial = ANY($1::bigint[])) a";
        for (Facet facet : {Facet{"coalesce(a.outlet, '')", &result.outlets},
                            Facet{"a.language", &result.languages},
                            Facet{"coalesce(substr(a.published_day, 1, 7), '')", &result.months}}) {
          for (const pqxx::row& row : r.exec_params(
                   std::string("SELECT ") + facet.expression + ", count(*)" + recent +
                       " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50",
                   pqxx::prepare::make_dynamic_params(facet_values))) {
            facet.out->push_back({row[0].as<std::string>(), row[1].as<uint64_t>()});
          }
        }
        // The months the matches talk about: their "#YYYY-MM" names.
        for (const pqxx::row& row : r.exec_params(
                 "SELECT substr(k, 2), count(*)" + recent +
                     " JOIN veille_article_names n ON n.article = a.serial, unnest(n.names) AS k"
                     " WHERE k LIKE '#____-__' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50",
                 pqxx::prepare::make_dynamic_params(facet_values))) {
          result.months_talked_about.push_back({row[0].as<std::string>(), row[1].as<uint64_t>()});
        }
      }
      return result;
    } catch (const std::exception& e) {
      return Failure("searching", e);
    }
  }

  Result<std::optional<StoredArticle>> Get(const std::string& id) override {
    try {
      pqxx::read_transaction r(*connection_);
      pqxx::result rows = r.exec_params(
          "SELECT source_path, source_format, source_line, source_id, url, given_outlet, "
          "given_published, given_title, raw, record, version, previous_id "
          "FROM veille_articles WHERE id = $1",
          id);
      if (rows.empty()) return std::optional<StoredArticle>();
      const pqxx::row& row = rows[0];
      auto optional = [&](int column) {
        return row[column].is_null() ? std::optional<std::string>()
                                     : row[column].as<std::string>();
      };
      StoredArticle stored;
      stored.source.path = row[0].as<std::string>();
      stored.source.format = row[1].as<std::string>();
      if (!row[2].is_null()) stored.source.line = row[2].as<uint64_t>();
      stored.source.id = optional(3);
      stored.source.url = optional(4);
      stored.source.outlet = optional(5);
      stored.source.published = optional(6);
      stored.source.title = optional(7);
      Result<std::string> raw = Decompress(pqxx::binarystring(row[8]).str());
      if (!raw.ok()) return raw.status();
      Result<std::string> record = Decompress(pqxx::binarystring(row[9]).str());
      if (!record.ok()) return record.status();
      stored.raw = std::move(*raw);
      stored.record = std::move(*record);
      stored.version = row[10].as<uint32_t>();
      stored.previous_id = optional(11);
      return std::optional<StoredArticle>(std::move(stored));
    } catch (const std::exception& e) {
      return Failure("reading an article", e);
    }
  }

  Result<std::string> Generation() override {
    try {
      // The server's write-ahead log position: it moves with every write
      // (to any database of the server: a change elsewhere only makes the
      // mark change more often than needed).
      pqxx::read_transaction r(*connection_);
      return r.exec("SELECT pg_current_wal_lsn()::text")[0][0].as<std::string>();
    } catch (const std::exception& e) {
      return Failure("reading the archive's version", e);
    }
  }

  Result<uint64_t> Count() override {
    try {
      pqxx::read_transaction r(*connection_);
      return r.exec("SELECT count(*) FROM veille_articles")[0][0].as<uint64_t>();
    } catch (const std::exception& e) {
      return Failure("counting articles", e);
    }
  }

  Status AddIdentityDecision(const IdentityDecision& decision) override {
    try {
      pqxx::work w(*connection_);
      w.exec_params("INSERT INTO veille_identity_decisions(kind, a, b, made_at) "
                    "VALUES ($1, $2, $3, to_char(now() AT TIME ZONE 'UTC', "
                    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                    decision.kind, decision.a, decision.b);
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("recording a decision", e);
    }
  }

  Result<std::vector<IdentityDecision>> IdentityDecisions() override {
    try {
      pqxx::read_transaction r(*connection_);
      std::vector<IdentityDecision> decisions;
      for (const pqxx::row& row :
           r.exec("SELECT kind, a, b, made_at FROM veille_identity_decisions ORDER BY serial")) {
        decisions.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                             row[2].as<std::string>(), row[3].as<std::string>()});
      }
      return decisions;
    } catch (const std::exception& e) {
      return Failure("reading decisions", e);
    }
  }

  Result<std::vector<OutletSummary>> Outlets() override {
    try {
      pqxx::read_transaction r(*connection_);
      std::vector<OutletSummary> out;
      for (const pqxx::row& row : r.exec(
               "SELECT outlet_key, min(outlet), count(*) FROM veille_articles "
               "WHERE outlet_key IS NOT NULL GROUP BY outlet_key ORDER BY 3 DESC, 1")) {
        OutletSummary summary{row[1].as<std::string>(), row[2].as<uint64_t>(), {}};
        for (const pqxx::row& line : r.exec_params(
                 "SELECT text FROM veille_outlet_lines WHERE outlet_key = $1 AND learned > 0 "
                 "ORDER BY articles DESC, text",
                 row[0].as<std::string>())) {
          summary.boilerplate.push_back(line[0].as<std::string>());
        }
        out.push_back(std::move(summary));
      }
      return out;
    } catch (const std::exception& e) {
      return Failure("listing outlets", e);
    }
  }

  Result<NewBoilerplate> LearnBoilerplate(const BoilerplateOptions& options) override {
    try {
      pqxx::work w(*connection_);
      pqxx::result learned = w.exec_params(
          "UPDATE veille_outlet_lines l SET learned = 1 FROM "
          "(SELECT outlet_key, count(*) AS n FROM veille_articles WHERE outlet_key IS NOT NULL "
          " GROUP BY outlet_key) o WHERE o.outlet_key = l.outlet_key AND l.learned = 0 "
          "AND l.articles >= $1::bigint AND l.articles >= $2::double precision * o.n "
          "RETURNING l.outlet_key",
          static_cast<int64_t>(options.min_articles), options.min_share);
      NewBoilerplate found;
      found.lines = learned.size();
      // The articles of every pending line, including those of a pass that
      // was interrupted before it finished.
      for (const pqxx::row& article : w.exec(
               "SELECT DISTINCT a.id FROM veille_outlet_lines o "
               "JOIN veille_article_lines l ON l.line_key = o.line_key "
               "JOIN veille_articles a ON a.serial = l.article AND a.outlet_key = o.outlet_key "
               "WHERE o.learned = 1")) {
        found.articles.push_back(article[0].as<std::string>());
      }
      w.commit();
      return found;
    } catch (const std::exception& e) {
      return Failure("the corpus pass", e);
    }
  }

  Status BoilerplateApplied() override {
    try {
      pqxx::work w(*connection_);
      w.exec("UPDATE veille_outlet_lines SET learned = 2 WHERE learned = 1");
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("the corpus pass", e);
    }
  }

  Result<std::shared_ptr<const LearnedBoilerplate>> LearnedLines() override {
    try {
      pqxx::read_transaction r(*connection_);
      auto learned = std::make_shared<LearnedBoilerplate>();
      for (const pqxx::row& row :
           r.exec("SELECT outlet_key, text FROM veille_outlet_lines WHERE learned > 0")) {
        learned->Add(row[0].as<std::string>(), row[1].as<std::string>());
      }
      return std::shared_ptr<const LearnedBoilerplate>(std::move(learned));
    } catch (const std::exception& e) {
      return Failure("reading learned boilerplate", e);
    }
  }

  Status Reanalysed(std::span<const Article> articles) override {
    try {
      pqxx::work w(*connection_);
      std::vector<StoredRow> rows;
      std::vector<std::string> words;
      for (const Article& article : articles) {
        rows.push_back(MakeStoredRow(article));
        words.push_back(DistinctWords(rows.back().title, rows.back().body));
      }
      LookUpLemmas(w, words);
      for (size_t i = 0; i < rows.size(); ++i) {
        const StoredRow& row = rows[i];
        pqxx::binarystring record(row.record_zstd);
        pqxx::result updated = w.exec_params(
            "UPDATE veille_articles SET title = $2, body = $3, record = $4, "
            "language = $5, language_key = $6, script = $7, language_confidence = $8, "
            "search = " + SearchVector(2, 3, 9) + " WHERE id = $1 RETURNING serial",
            row.id, row.title, row.body, record, row.language, row.language_key, row.script,
            row.language_confidence, LemmaVector(words[i]));
        if (updated.empty()) continue;  // not stored: nothing to update
        std::string serial = updated[0][0].c_str();
        w.exec_params("DELETE FROM veille_article_names WHERE article = $1", serial);
        if (!row.entity_keys.empty()) {
          w.exec_params("INSERT INTO veille_article_names VALUES ($1, $2::text[])", serial,
                        ArrayLiteral(row.entity_keys));
        }
      }
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failure("updating articles", e);
    }
  }

 private:
  std::unique_ptr<pqxx::connection> connection_;
  std::string url_;
  int busy_timeout_ms_;
  // Connections that write beside connection_ (Writers), and those on
  // which the insert statement is prepared.
  std::vector<std::unique_ptr<pqxx::connection>> extra_writers_;
  bool extra_writers_failed_ = false;
  std::set<const pqxx::connection*> prepared_;
  // A batch is written by one connection per kArticlesPerWriter new
  // articles, kMaxWriters at most. Measured on two cores, the server beside
  // the client (10,000 articles into 200,000): one connection 253–283
  // articles/s, two 315–360, four 263–267. A server of its own with more
  // cores may take more; two is what is measured.
  static constexpr size_t kArticlesPerWriter = 200, kMaxWriters = 2;
  // How many times a share rolled back by a deadlock is written again.
  static constexpr int kDeadlockAttempts = 5;
  // Word → its lemmas, space-separated (none for a stop word or a word
  // hunspell does not know). The dictionary costs milliseconds an article,
  // and an archive's vocabulary repeats: each word is asked for once per
  // connection. Bounded: emptied when it grows past kMaxCachedWords.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> lemmas_;
  static constexpr size_t kMaxCachedWords = 2'000'000;
  // See AllHaveNeighbours.
  bool all_have_neighbours_ = false;
  // Articles given their pairs of neighbouring words in one transaction
  // (AddMissingNeighbours).
  static constexpr int64_t kNeighboursPerTransaction = 10'000;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 const StoreOptions& options) {
  std::unique_ptr<pqxx::connection> connection;
  try {
    connection = std::make_unique<pqxx::connection>(url);
    // Wait for locks as long as the SQLite archive does, then fail clearly.
    pqxx::nontransaction n(*connection);
    n.exec("SET lock_timeout = " + std::to_string(options.busy_timeout_ms));
    n.exec("SET client_min_messages = warning");
  } catch (const std::exception& e) {
    std::string message = e.what();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status(StatusCode::kIoError, "PostgreSQL: cannot connect: " + message);
  }
  auto store = std::make_unique<PostgresStore>(std::move(connection), url, options.busy_timeout_ms);
  if (Status s = store->Migrate(options.read_only); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace veille::store
