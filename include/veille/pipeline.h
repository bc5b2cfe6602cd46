// The per-article pipeline: a pure function of (article, options) that fills
// in an Article's annotations.
#ifndef VEILLE_PIPELINE_H_
#define VEILLE_PIPELINE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/options.h"
#include "veille/status.h"

namespace veille {

// One step of the analysis. A stage is immutable after construction and safe
// to share between threads; per-article scratch lives on the stack of Run.
class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Adds this stage's annotations to `article`. A non-OK status means the
  // stage could not run on this article; the pipeline records it as an error
  // of the article and goes on with the next stage.
  virtual Status Run(Article& article) const = 0;
};

// The ordered list of stages: clean → publication date → layout →
// boilerplate → outlet → the outlet's learned boilerplate →
// language → segment → entities → identities → quotes. Thread-safe: Run may be called from many threads at
// once on different articles.
class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const Options& options);

  // Identifies and analyses one article. Articles that carry a fatal error
  // from reading (empty, binary, too large…) are identified but not analysed.
  // Returns OK even when the article has errors: they are in article.errors.
  void Run(Article& article) const;

  const Options& options() const { return options_; }

 private:
  Pipeline(const Options& options, std::vector<std::unique_ptr<Stage>> stages)
      : options_(options), stages_(std::move(stages)) {}

  Options options_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace veille

#endif  // VEILLE_PIPELINE_H_
