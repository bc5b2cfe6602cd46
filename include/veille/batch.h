// Running the pipeline over a stream of articles on several threads.
#ifndef VEILLE_BATCH_H_
#define VEILLE_BATCH_H_

#include <functional>

#include "veille/article.h"
#include "veille/input.h"
#include "veille/pipeline.h"

namespace veille {

struct BatchOptions {
  int threads = 0;  // worker threads; 0 means one per core
};

// Pulls every article from `reader`, analyses them in parallel and hands each
// to `sink` in input order, on one thread at a time. Memory stays bounded: at
// most a few articles per thread are in flight.
void RunBatch(InputReader& reader, const Pipeline& pipeline,
              const BatchOptions& options,
              const std::function<void(Article&&)>& sink);

}  // namespace veille

#endif  // VEILLE_BATCH_H_
