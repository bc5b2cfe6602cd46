// The archive at scale: builds an archive of N articles (default 1,000,000)
// and prints, in one run, the ingest rate (store only, and with analysis),
// the archive size per article, and search latency p50/p99 for one-word,
// two-word, phrase and faceted queries, as stored and again after `veille
// optimize` (timed too), beside a plain LIKE '%word%' scan.
//
// The articles are real French sentences from ../shared/data/wikineural-fr
// (Wikipedia, CC BY-NC-SA 4.0) regrouped at random into articles of 12 to 30
// sentences, with 12 outlets and dates over 2020–2023 drawn at random. The
// sentences repeat across articles: this measures the archive, not the
// variety of the text. Uses the public API only (plus sqlite3 for the LIKE
// baseline, which the API rightly does not offer).
//
// Usage: veille_archive_bench [--articles N] [--db PATH|postgres://…]
//                             [--data DIR] [--queries N] [--search-only yes]
//                             [--keep yes --seed N]  (add to an existing archive)
//                             [--round N]  articles analysed, then stored by one Put (5,000)
//                             [--transaction N]  articles per transaction (StoreOptions' 5,000)
//                             [--slowest N]  print the N slowest queries of each kind
//                             [--optimize no]  skip `veille optimize` and the second pass of queries
// --queries 0 measures ingest alone (no searches, no LIKE scan). A --round as
// large as --articles keeps analysis and storing apart in time, for a profiler.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <thread>
#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "veille/batch.h"
#include "veille/ingest.h"
#include "veille/input.h"
#include "veille/pipeline.h"
#include "veille/query.h"
#include "veille/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// The processor time this process has used so far, user and system, on all
// its threads: what storing costs, apart from how long it waits.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Sentences of wikineural, with spaces as French typography wants them.
std::vector<std::string> ReadSentences(const std::filesystem::path& data) {
  std::vector<std::string> sentences;
  for (const char* file : {"test.conllu", "val.conllu"}) {
    std::ifstream in(data / "wikineural-fr" / file);
    std::string line, sentence;
    while (std::getline(in, line)) {
      if (line.empty()) {
        if (!sentence.empty()) sentences.push_back(sentence);
        sentence.clear();
        continue;
      }
      size_t tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
      if (tab == std::string::npos) continue;
      std::string token = line.substr(tab + 1, tab2 - tab - 1);
      bool glue_left = token == "," || token == "." || token == ")" ||
                       (!sentence.empty() && sentence.back() == '\'') ||
                       (!sentence.empty() && sentence.back() == '(');
      if (!sentence.empty() && !glue_left) sentence += ' ';
      sentence += token;
    }
  }
  return sentences;
}

const char* kOutlets[] = {"Le Monde", "Le Figaro", "Libération", "franceinfo", "RFI",
                          "News-Front", "RT France", "Sputnik", "Le Soir", "Le Temps",
                          "La Presse", "Jeune Afrique"};

// Makes the articles on the fly, as an InputReader: JSON-Lines-like records
// with an outlet and a date, without a file in between.
class SyntheticArticles final : public veille::InputReader {
 public:
  SyntheticArticles(const std::vector<std::string>& sentences, uint64_t count, uint64_t seed)
      : sentences_(sentences), count_(count), rng_(seed) {}

  std::optional<veille::Article> Next() override {
    if (made_ == count_) return std::nullopt;
    ++made_;
    std::uniform_int_distribution<size_t> pick(0, sentences_.size() - 1);
    std::uniform_int_distribution<int> length(12, 30), outlet(0, 11), day(0, 4 * 365 - 1);
    veille::Article article;
    article.source.path = "synthetic";
    article.source.format = "jsonl";
    article.source.line = made_;
    article.source.outlet = kOutlets[outlet(rng_)];
    int d = day(rng_);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2020 + d / 365, d % 365 / 31 % 12 + 1,
                  d % 28 + 1);
    article.source.published = date;
    int n = length(rng_);
    std::string title = sentences_[pick(rng_)];
    // Shortened at a space, so never inside a character.
    if (title.size() > 90 && title.find(' ', 80) != std::string::npos) {
      title.resize(title.find(' ', 80));
    }
    article.source.title = title;
    for (int i = 0; i < n; ++i) {
      if (i > 0) article.raw += (i % 4 == 0) ? "\n\n" : " ";
      article.raw += sentences_[pick(rng_)];
    }
    // Unique content: the record number, at the end of the last paragraph.
    // (On a line of its own, in every article, the corpus pass would rightly
    // learn it as each outlet's boilerplate and analyse every article again.)
    article.raw += " (réf. " + std::to_string(made_) + ")";
    bytes_ += article.raw.size();
    return article;
  }
  bool had_io_error() const override { return false; }
  uint64_t bytes_read() const override { return bytes_; }
  uint64_t bytes_total() const override { return 0; }

 private:
  const std::vector<std::string>& sentences_;
  uint64_t count_, made_ = 0, bytes_ = 0;
  std::mt19937_64 rng_;
};

struct Latency {
  std::vector<double> ms;
  double Percentile(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    size_t i = std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()));
    return ms[i];
  }
};

uint64_t FileBytes(const std::string& path) {
  uint64_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code e;
    auto size = std::filesystem::file_size(path + suffix, e);
    if (!e) total += size;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t articles = 1000000;
  std::string db = "bench-archive.db";
  std::filesystem::path data = "../shared/data";
  size_t queries = 200;
  bool search_only = false;  // reuse an archive built before: searches only
  bool keep = false;         // add to an archive built before
  uint64_t seed = 20221;     // another seed makes other articles
  size_t slowest = 0;        // the slowest queries of each kind, printed
  bool optimize = true;      // run `veille optimize`, then the queries again
  // Articles per transaction: the store's default. (`veille ingest` stores
  // batches of 500 unless told otherwise, each in one transaction.)
  size_t per_transaction = veille::StoreOptions{}.articles_per_transaction;
  size_t kRound = 5000;  // articles analysed, then stored by one Put
  // A mistyped flag must not start an hour-long run with the defaults, in
  // the current directory.
  auto print_usage = [] {
    std::fprintf(stderr,
                 "usage: veille_archive_bench [--articles N] [--db PATH|postgres://...] [--data DIR]\n"
                 "         [--queries N] [--search-only yes] [--keep yes --seed N] [--round N]\n"
                 "         [--transaction N] [--slowest N] [--optimize yes|no]\n"
                 "see bench/README.md\n");
  };
  for (int i = 1; i < argc; i += 2) {
    std::string flag = argv[i];
    bool known = flag == "--articles" || flag == "--db" || flag == "--data" || flag == "--queries" ||
                 flag == "--search-only" || flag == "--keep" || flag == "--seed" ||
                 flag == "--transaction" || flag == "--round" || flag == "--slowest" ||
                 flag == "--optimize";
    if (flag == "--help" || flag == "-h") {
      print_usage();
      return 0;
    }
    if (!known || i + 1 >= argc) {
      std::fprintf(stderr, "veille_archive_bench: %s %s\n", known ? "no value after" : "unknown flag",
                   flag.c_str());
      print_usage();
      return 2;
    }
    if (flag == "--articles") articles = std::stoull(argv[i + 1]);
    else if (flag == "--db") db = argv[i + 1];
    else if (flag == "--data") data = argv[i + 1];
    else if (flag == "--queries") queries = std::stoull(argv[i + 1]);
    else if (flag == "--search-only") search_only = std::string(argv[i + 1]) == "yes";
    else if (flag == "--keep") keep = std::string(argv[i + 1]) == "yes";
    else if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    else if (flag == "--transaction") per_transaction = std::stoull(argv[i + 1]);
    else if (flag == "--round") kRound = std::stoull(argv[i + 1]);
    else if (flag == "--slowest") slowest = std::stoull(argv[i + 1]);
    else if (flag == "--optimize") optimize = std::string(argv[i + 1]) == "yes";
  }
  bool sqlite = db.rfind("postgres", 0) != 0;
  std::vector<std::string> sentences = ReadSentences(data);
  if (sentences.empty()) {
    std::fprintf(stderr, "no sentences in %s/wikineural-fr\n", data.c_str());
    return 2;
  }
  if (sqlite && !search_only && !keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  auto store = veille::Store::Open(db, {.articles_per_transaction = per_transaction});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 2;
  }
  auto pipeline = std::move(veille::Pipeline::Create(veille::Options{})).value();

  // 1. Ingest, in rounds: analyse 5,000 articles on all cores, then store
  // them with one Put, which commits every 5,000. The two phases are timed
  // apart, so that storing is measured alone ("storing only") and the whole
  // is the rate of `veille ingest` without overlap between the two.
  SyntheticArticles reader(sentences, articles, seed);
  Clock::duration analysing{}, storing{};
  double storing_cpu = 0;
  uint64_t stored = 0;
  for (bool more = !search_only; more;) {
    std::vector<veille::Article> round;
    auto start = Clock::now();
    struct Round final : veille::InputReader {
      veille::InputReader& inner;
      size_t left;
      Round(veille::InputReader& r, size_t n) : inner(r), left(n) {}
      std::optional<veille::Article> Next() override {
        if (left == 0) return std::nullopt;
        --left;
        return inner.Next();
      }
      bool had_io_error() const override { return false; }
      uint64_t bytes_read() const override { return 0; }
      uint64_t bytes_total() const override { return 0; }
    } slice(reader, kRound);
    veille::RunBatch(slice, *pipeline, {}, [&](veille::Article&& a) { round.push_back(std::move(a)); });
    analysing += Clock::now() - start;
    more = round.size() == kRound;
    start = Clock::now();
    double cpu = CpuSeconds();
    auto put = (*store)->Put(round);
    storing += Clock::now() - start;
    storing_cpu += CpuSeconds() - cpu;
    if (!put.ok()) {
      std::fprintf(stderr, "%s\n", put.status().ToString().c_str());
      return 2;
    }
    stored += put->inserted;
    std::fprintf(stderr, "\r%llu articles stored", static_cast<unsigned long long>(stored));
  }
  if (!search_only) {
    auto start = Clock::now();
    double cpu = CpuSeconds();
    if (veille::Status s = (*store)->Optimize(); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 2;
    }
    // The corpus pass counts the lines stored: part of storing too, as
    // `veille ingest` runs it (the sentences are drawn at random, so it
    // learns no line and analyses nothing again).
    auto learned = veille::LearnOutletBoilerplate(**store, veille::Options{}, {});
    if (!learned.ok()) {
      std::fprintf(stderr, "%s\n", learned.status().ToString().c_str());
      return 2;
    }
    storing += Clock::now() - start;  // part of storing: `veille ingest` does it
    storing_cpu += CpuSeconds() - cpu;
  }
  double total_seconds = Seconds(analysing + storing);
  std::fprintf(stderr, "\n");
  (*store).reset();  // closes, checkpoints the WAL
  store = veille::Store::Open(db, {.read_only = true});
  uint64_t archive_bytes = sqlite ? FileBytes(db) : 0;
  // The archive's own articles: more than this run stored when it adds to
  // an archive kept from before (--keep), and what the size is shared by.
  auto count = store.ok() ? (*store)->Count() : veille::Result<uint64_t>(store.status());
  if (!count.ok()) {
    std::fprintf(stderr, "%s\n", count.status().ToString().c_str());
    return 2;
  }
  const uint64_t in_archive = *count;

  // 2. Queries: words from the sentences, at every frequency.
  std::mt19937_64 rng(7);
  std::vector<std::string> words;
  for (const std::string& s : sentences) {
    size_t pos = 0;
    while (pos < s.size()) {
      size_t end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      std::string w = s.substr(pos, end - pos);
      if (w.size() >= 4 && std::isalpha(static_cast<unsigned char>(w[0]))) words.push_back(w);
      pos = end + 1;
    }
  }
  std::uniform_int_distribution<size_t> any_word(0, words.size() - 1),
      any_sentence(0, sentences.size() - 1), any_outlet(0, 11);
  auto phrase = [&] {
    for (;;) {
      const std::string& s = sentences[any_sentence(rng)];
      size_t a = s.find(' ', s.size() / 3);
      if (a == std::string::npos) continue;
      size_t b = s.find(' ', a + 1), c = b == std::string::npos ? b : s.find(' ', b + 1);
      if (c == std::string::npos) continue;
      std::string p = s.substr(a + 1, c - a - 1);
      if (p.find('"') == std::string::npos) return "\"" + p + "\"";
    }
  };
  struct Kind {
    const char* name;
    std::function<std::string()> make;
    std::vector<std::string> texts;  // the queries, the same in both passes
    Latency before, after;           // ms, before and after `veille optimize`
    uint64_t matches = 0;
    std::vector<std::pair<double, std::string>> timed;  // ms, query: for --slowest
  };
  std::vector<Kind> kinds = {
      {"one word", [&] { return words[any_word(rng)]; }, {}},
      {"two words", [&] { return words[any_word(rng)] + " " + words[any_word(rng)]; }, {}},
      {"phrase", phrase, {}},
      {"faceted", [&] {
         return words[any_word(rng)] + " outlet:\"" + kOutlets[any_outlet(rng)] +
                "\" from:2021-01 to:2022-06";
       }, {}},
  };
  for (Kind& kind : kinds) {
    for (size_t q = 0; q < queries; ++q) kind.texts.push_back(kind.make());
  }
  // Each pass times every query once; the last one's matches and slowest
  // queries are reported.
  uint64_t exact = 0, searched = 0;
  auto search_all = [&](Latency Kind::*latency) {
    exact = searched = 0;
    for (Kind& kind : kinds) {
      kind.matches = 0;
      kind.timed.clear();
      for (const std::string& text : kind.texts) {
        auto query = veille::ParseQuery(text);
        if (!query.ok()) continue;
        auto t = Clock::now();
        auto result = (*store)->Search(*query, {.limit = 20});
        (kind.*latency).ms.push_back(Seconds(Clock::now() - t) * 1000);
        if (slowest > 0) kind.timed.emplace_back((kind.*latency).ms.back(), text);
        if (result.ok()) {
          kind.matches += result->total;
          exact += result->total_exact;
          ++searched;
        }
      }
    }
  };
  search_all(&Kind::before);

  // 3. `veille optimize`: the full-text indexes compacted, and the same
  // queries again.
  double compacting = 0;
  if (optimize) {
    store->reset();
    store = veille::Store::Open(db, {});
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return 2;
    }
    auto start = Clock::now();
    if (veille::Status s = (*store)->CompactIndexes(); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 2;
    }
    compacting = Seconds(Clock::now() - start);
    store->reset();
    store = veille::Store::Open(db, {.read_only = true});
    if (queries > 0) search_all(&Kind::after);
  }

  // 4. The same one-word queries as a LIKE scan (SQLite only): no index.
  Latency like;
  if (sqlite && queries > 0) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    for (int q = 0; q < 5; ++q) {
      std::string pattern = "%" + words[any_word(rng)] + "%";
      sqlite3_stmt* s = nullptr;
      // Counting the matches, as the indexed search does: every row is read.
      sqlite3_prepare_v2(raw, "SELECT count(*) FROM articles WHERE body LIKE ?1", -1, &s, nullptr);
      sqlite3_bind_text(s, 1, pattern.c_str(), -1, SQLITE_TRANSIENT);
      auto t = Clock::now();
      while (sqlite3_step(s) == SQLITE_ROW) {
      }
      like.ms.push_back(Seconds(Clock::now() - t) * 1000);
      sqlite3_finalize(s);
    }
    sqlite3_close(raw);
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("### veille archive benchmark: %s, %llu articles", sqlite ? "SQLite" : "PostgreSQL",
              static_cast<unsigned long long>(in_archive));
  if (!search_only && stored != in_archive) {
    std::printf(" (%llu stored by this run)", static_cast<unsigned long long>(stored));
  }
  std::printf("\n\n");
  // The average length is known only of the articles this run made.
  std::string average;
  if (stored > 0) {
    char kb[64];
    std::snprintf(kb, sizeof kb, " (%.1f kB on average)", reader.bytes_read() / 1000.0 / stored);
    average = kb;
  }
  std::printf("Articles: %zu real French Wikipedia sentences (wikineural-fr) regrouped at random "
              "into articles of 12–30 sentences%s, 12 outlets, dates 2020–2023; sentences repeat "
              "across articles.\n\n",
              sentences.size(), average.c_str());
  std::printf("| measure | value |\n|---|--:|\n");
  if (!search_only) {
    std::printf("| ingest with analysis (analysis on %d cores, then storing) | %.0f articles/s |\n",
                static_cast<int>(std::thread::hardware_concurrency()), stored / total_seconds);
    std::string transactions = sqlite ? "a transaction every " + std::to_string(per_transaction) +
                                            ", one connection"
                                      : std::string("two connections, a transaction each");
    std::printf("| storing only (Store::Put of %zu articles at a time, %s) | %.0f "
                "articles/s |\n", kRound, transactions.c_str(), stored / Seconds(storing));
    // On a busy or shared machine the rate moves from run to run; the
    // processor time per article moves less, and tells code from code.
    std::printf("| processor time of this process while storing | %.0f µs per article, %.2f cores "
                "busy |\n", storing_cpu * 1e6 / std::max<uint64_t>(stored, 1),
                storing_cpu / Seconds(storing));
  }
  if (sqlite) {
    std::printf("| archive size | %.2f GB, %.2f kB per article |\n", archive_bytes / 1e9,
                archive_bytes / 1000.0 / std::max<uint64_t>(in_archive, 1));
  }
  std::printf("| peak memory of this process | %.0f MB |\n", usage.ru_maxrss / 1024.0);
  if (optimize) {
    std::printf("| `veille optimize` (Store::CompactIndexes), after storing | %.1f s |\n", compacting);
  }
  std::printf("\n| query (%zu of each, limit 20) | p50 ms | p99 ms | p50 ms after optimize | p99 ms "
              "after optimize | mean matches (counted up to 1,000) |\n|---|--:|--:|--:|--:|--:|\n",
              queries);
  for (Kind& kind : kinds) {
    std::printf("| %s | %.2f | %.2f | ", kind.name, kind.before.Percentile(0.5),
                kind.before.Percentile(0.99));
    if (optimize) {
      std::printf("%.2f | %.2f |", kind.after.Percentile(0.5), kind.after.Percentile(0.99));
    } else {
      std::printf("— | — |");
    }
    std::printf(" %.0f |\n",
                static_cast<double>(kind.matches) / std::max<size_t>(kind.before.ms.size(), 1));
  }
  if (sqlite) {
    std::printf("| one word, LIKE '%%word%%' scan counting matches, no index (5 queries) | %.0f | %.0f "
                "| — | — | — |\n",
                like.Percentile(0.5), like.Percentile(0.99));
  }
  std::printf("\nQueries with at most 1,000 matches (exact counts): %llu of %llu.\n",
              static_cast<unsigned long long>(exact), static_cast<unsigned long long>(searched));
  for (Kind& kind : kinds) {
    if (slowest == 0) break;
    std::sort(kind.timed.rbegin(), kind.timed.rend());
    std::printf("\nSlowest %s queries:", kind.name);
    for (size_t i = 0; i < std::min(slowest, kind.timed.size()); ++i) {
      std::printf(" %s (%.1f ms)%s", kind.timed[i].second.c_str(), kind.timed[i].first,
                  i + 1 < std::min(slowest, kind.timed.size()) ? "," : "\n");
    }
  }
  return 0;
}
