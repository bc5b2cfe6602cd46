#include "veille/batch.h"

#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <memory>

namespace veille {

void RunBatch(InputReader& reader, const Pipeline& pipeline,
              const BatchOptions& options,
              const std::function<void(Article&&)>& sink) {
  int threads = options.threads > 0 ? options.threads
                                    : oneapi::tbb::info::default_concurrency();
  // Articles in flight: enough to keep every thread busy while the reader
  // and the writer, both serial, wait on I/O; few enough to bound memory.
  size_t in_flight = static_cast<size_t>(threads) * 4;
  oneapi::tbb::task_arena arena(threads);
  // TBB filters pass values by copy, so an article travels from the reader
  // to the writer as a pointer: created by the first filter, owned again by
  // the last. No filter can fail in between, so none is lost.
  arena.execute([&] {
    oneapi::tbb::parallel_pipeline(
        in_flight,
        oneapi::tbb::make_filter<void, Article*>(
            oneapi::tbb::filter_mode::serial_in_order,
            [&](oneapi::tbb::flow_control& control) -> Article* {
              std::optional<Article> next = reader.Next();
              if (!next) {
                control.stop();
                return nullptr;
              }
              return new Article(std::move(*next));
            }) &
            oneapi::tbb::make_filter<Article*, Article*>(
                oneapi::tbb::filter_mode::parallel,
                [&](Article* article) {
                  pipeline.Run(*article);
                  return article;
                }) &
            oneapi::tbb::make_filter<Article*, void>(
                oneapi::tbb::filter_mode::serial_in_order,
                [&](Article* article) {
                  std::unique_ptr<Article> owned(article);
                  sink(std::move(*owned));
                }));
  });
}

}  // namespace veille
