#include "veille/ingest.h"

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "veille/batch.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

// Hands articles over until told to stop: once the archive fails, reading
// more would only be wasted.
class StoppableReader final : public InputReader {
 public:
  explicit StoppableReader(InputReader& inner) : inner_(inner) {}
  std::optional<Article> Next() override {
    if (stop_.load()) return std::nullopt;
    return inner_.Next();
  }
  bool had_io_error() const override { return inner_.had_io_error(); }
  uint64_t bytes_read() const override { return inner_.bytes_read(); }
  uint64_t bytes_total() const override { return inner_.bytes_total(); }
  void Stop() { stop_.store(true); }

 private:
  InputReader& inner_;
  std::atomic<bool> stop_{false};
};

}  // namespace

Result<Article> Reanalyse(const StoredArticle& stored, const Pipeline& pipeline) {
  Article article;
  article.source = stored.source;
  article.raw = stored.raw;
  pipeline.Run(article);
  return article;
}

Result<IngestReport> Ingest(InputReader& reader, Store& store, const Options& options,
                            const IngestOptions& ingest,
                            const std::function<void(const IngestProgress&)>& on_progress,
                            const std::function<void(const Article&)>& on_error) {
  // What the archive has learned of each outlet's boilerplate applies to the
  // new articles too.
  Options with_learned = options;
  Result<std::shared_ptr<const LearnedBoilerplate>> learned = store.LearnedLines();
  if (!learned.ok()) return learned.status();
  if (!(*learned)->empty()) with_learned.learned_boilerplate = *learned;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(with_learned);
  if (!pipeline.ok()) return pipeline.status();

  StoppableReader stoppable(reader);
  IngestReport report;
  IngestProgress& totals = report.totals;
  Status failure;
  std::vector<Article> batch;
  batch.reserve(ingest.batch_size);
  // Each full batch is stored on a thread of its own while the next one is
  // analysed: analysing keeps only a few articles a thread in flight, so
  // storing in turn left a core waiting through every commit. One batch is
  // stored at a time, so at most two are in memory; the callbacks and the
  // totals stay on the analysing side.
  std::optional<Result<PutResult>> put;  // what the storing thread's Put returned
  std::thread storing;
  // Before `put` goes, whatever way this function is left.
  struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
      if (thread.joinable()) thread.join();
    }
  } join_on_exit{storing};
  auto finish_storing = [&] {
    if (!storing.joinable()) return;
    storing.join();
    if (!put->ok()) {
      failure = put->status();
      stoppable.Stop();
    } else {
      totals.stored += (*put)->inserted + (*put)->versions;
      totals.versions += (*put)->versions;
      totals.duplicates += (*put)->duplicates;
      totals.bytes_read = reader.bytes_read();
      totals.bytes_total = reader.bytes_total();
      if (on_progress) on_progress(totals);
    }
    put.reset();
  };
  auto flush = [&] {
    finish_storing();
    if (batch.empty() || !failure.ok()) return;
    storing = std::thread([&store, &put, articles = std::move(batch)] { put = store.Put(articles); });
    batch = {};
    batch.reserve(ingest.batch_size);
  };
  RunBatch(stoppable, **pipeline, {.threads = ingest.threads}, [&](Article&& article) {
    ++totals.articles;
    if (article.HasFatalError()) {
      ++totals.errors;
      if (on_error) on_error(article);
      return;
    }
    batch.push_back(std::move(article));
    if (batch.size() >= ingest.batch_size) flush();
  });
  flush();
  finish_storing();
  if (!failure.ok()) return failure;
  if (totals.stored > 0) {
    if (Status s = store.Optimize(); !s.ok()) return s;
  }
  if (ingest.learn_boilerplate) {
    Result<BoilerplateReport> learned_now =
        LearnOutletBoilerplate(store, options, ingest.boilerplate);
    if (!learned_now.ok()) return learned_now.status();
    report.boilerplate = *learned_now;
  }
  if (ingest.compact_after_large_ingest && totals.stored > 0) {
    Result<uint64_t> archived = store.Count();
    if (!archived.ok()) return archived.status();
    if (2 * totals.stored >= *archived) {
      // Running the ingest again would find nothing new, and not compact.
      if (Status s = store.CompactIndexes(); !s.ok()) {
        return Status(s.code(), s.message() +
                                    " (the articles are stored; `veille optimize` compacts the "
                                    "search indexes)");
      }
      report.compacted = true;
    }
  }
  return report;
}

Result<BoilerplateReport> LearnOutletBoilerplate(Store& store, const Options& options,
                                                 const BoilerplateOptions& boilerplate) {
  BoilerplateReport report;
  Result<NewBoilerplate> found = store.LearnBoilerplate(boilerplate);
  if (!found.ok()) return found.status();
  report.lines_learned = found->lines;
  const std::vector<std::string>& affected = found->articles;
  if (affected.empty()) {
    if (Status s = store.BoilerplateApplied(); !s.ok()) return s;
    return report;
  }
  Result<std::shared_ptr<const LearnedBoilerplate>> learned = store.LearnedLines();
  if (!learned.ok()) return learned.status();
  Options with_learned = options;
  with_learned.learned_boilerplate = *learned;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(with_learned);
  if (!pipeline.ok()) return pipeline.status();
  // Re-analysed in batches, each replaced in one transaction.
  constexpr size_t kBatch = 500;
  std::vector<Article> batch;
  for (size_t i = 0; i < affected.size(); ++i) {
    Result<std::optional<StoredArticle>> stored = store.Get(affected[i]);
    if (!stored.ok()) return stored.status();
    if (!*stored) continue;
    Result<Article> article = Reanalyse(**stored, **pipeline);
    if (!article.ok()) return article.status();
    batch.push_back(std::move(*article));
    if (batch.size() == kBatch) {
      if (Status s = store.Reanalysed(batch); !s.ok()) return s;
      report.articles_updated += batch.size();
      batch.clear();
    }
  }
  if (!batch.empty()) {
    if (Status s = store.Reanalysed(batch); !s.ok()) return s;
    report.articles_updated += batch.size();
  }
  if (Status s = store.BoilerplateApplied(); !s.ok()) return s;
  return report;
}

}  // namespace veille
