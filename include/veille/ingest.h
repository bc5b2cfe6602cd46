// Reading, analysing and storing a batch of inputs; the corpus pass after.
#ifndef VEILLE_INGEST_H_
#define VEILLE_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>

#include "veille/input.h"
#include "veille/options.h"
#include "veille/pipeline.h"
#include "veille/store.h"

namespace veille {

struct IngestOptions {
  // Articles per transaction. Larger batches write faster; a killed ingest
  // loses at most two batches of work (one being stored, the next being
  // analysed), which a re-run redoes. Two batches are in memory at most.
  size_t batch_size = 500;
  int threads = 0;  // analysis threads; 0 means one per core
  // Run the corpus pass (LearnOutletBoilerplate) once everything is stored.
  bool learn_boilerplate = true;
  BoilerplateOptions boilerplate;
  // Compact the full-text indexes (Store::CompactIndexes) when this ingest
  // stored at least as many articles as the archive held before it: a first
  // import, a backlog. The cost is then of the order of the ingest's own
  // writing; smaller ingests into a large archive leave it to `veille
  // optimize`, as it rewrites the whole index.
  bool compact_after_large_ingest = true;
};

struct IngestProgress {
  uint64_t articles = 0;    // read so far, errors included
  uint64_t stored = 0;      // new articles and new versions
  uint64_t duplicates = 0;  // already in the archive
  uint64_t versions = 0;    // new content at a known URL (also in `stored`)
  uint64_t errors = 0;      // records that could not be read or analysed
  uint64_t bytes_read = 0, bytes_total = 0;  // InputReader's counters
};

struct IngestReport {
  IngestProgress totals;
  BoilerplateReport boilerplate;
  bool compacted = false;  // the indexes were compacted (IngestOptions)
};

// Reads every input, analyses on all cores, stores in batches. Articles with
// fatal errors are not stored; each is passed to `on_error` (path, line,
// code and message are in it). `on_progress` is called after each batch is
// stored. Both are called from one thread at a time, never from the thread
// that stores. Fails only when the archive fails (disk full, lock not
// obtained…): what was committed stays, and a re-run finishes the job.
Result<IngestReport> Ingest(InputReader& reader, Store& store, const Options& options,
                            const IngestOptions& ingest,
                            const std::function<void(const IngestProgress&)>& on_progress = {},
                            const std::function<void(const Article&)>& on_error = {});

// The corpus pass: learns each outlet's repeated lines (Store::LearnBoilerplate)
// and analyses again the stored articles that contain them, so that those
// lines become boilerplate there too: not indexed, not analysed.
Result<BoilerplateReport> LearnOutletBoilerplate(Store& store, const Options& options,
                                                 const BoilerplateOptions& boilerplate);

// The article a stored record was made from, analysed afresh with `pipeline`.
Result<Article> Reanalyse(const StoredArticle& stored, const Pipeline& pipeline);

}  // namespace veille

#endif  // VEILLE_INGEST_H_
