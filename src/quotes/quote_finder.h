// The `quotes` stage: every quotation in a French article (direct, partial,
// indirect), with its speaker resolved to an identity, its reporting verb
// and the channel it came through.
//
// quote_marks.h finds quotations in marks and lines of dialogue,
// indirect_speech.h reported speech, attribution.h their speakers. Runs
// after the identities stage, whose mentions are the speakers.
// Thread-safe: the verb lexicon is immutable.
#ifndef VEILLE_QUOTES_QUOTE_FINDER_H_
#define VEILLE_QUOTES_QUOTE_FINDER_H_

#include <memory>

#include "quotes/reporting_verbs.h"
#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::quotes {

class QuoteFinder final : public Stage {
 public:
  static Result<std::unique_ptr<QuoteFinder>> Create(const Options& options);
  std::string_view name() const override { return "quotes"; }
  Status Run(Article& article) const override;

 private:
  QuoteFinder(ReportingVerbs verbs, bool names) : verbs_(std::move(verbs)), names_(names) {}
  ReportingVerbs verbs_;
  // Whether a speaker the entities stage missed becomes a mention: not when
  // entities are off (--tagger-model none), which then stay empty.
  bool names_;
};

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_QUOTE_FINDER_H_
