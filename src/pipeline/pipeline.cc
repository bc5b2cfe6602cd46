#include "veille/pipeline.h"

#include <xxhash.h>

#include <cstdio>

#include "clean/boilerplate.h"
#include "clean/outlet.h"
#include "clean/outlet_boilerplate.h"
#include "entities/entity_tagger.h"
#include "entities/identity_linker.h"
#include "quotes/quote_finder.h"
#include "text/cleaner.h"
#include "text/language.h"
#include "text/layout.h"
#include "text/segmenter.h"
#include "time/publication_date.h"
#include "time/time_finder.h"

namespace veille {
namespace {

// Adds a stage built by `created`, or returns its error.
// A stage that is switched off by its options is null and not added.
template <typename T>
Status Add(Result<std::unique_ptr<T>> created,
           std::vector<std::unique_ptr<Stage>>& stages) {
  if (!created.ok()) return created.status();
  if (*created) stages.push_back(std::move(created).value());
  return Status::Ok();
}

// The content hash: 128-bit XXH3 of the bytes, and of a separately given
// title, so that the same input always gets the same id.
std::string ContentId(const Article& article) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, article.raw.data(), article.raw.size());
  if (article.source.title) {
    XXH3_128bits_update(state, "\0", 1);
    XXH3_128bits_update(state, article.source.title->data(),
                        article.source.title->size());
  }
  XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx",
                static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  std::vector<std::unique_ptr<Stage>> stages;
  for (Status status : {
           Add(text::TextCleaner::Create(), stages),
           Add(time::PublicationDateReader::Create(), stages),
           Add(text::Layout::Create(options), stages),
           Add(clean::BoilerplateDetector::Create(), stages),
           Add(clean::OutletRecognizer::Create(), stages),
           Add(clean::OutletBoilerplateMarker::Create(options), stages),
           Add(text::LanguageIdentifier::Create(options), stages),
           Add(text::Segmenter::Create(options), stages),
           Add(entities::EntityTagger::Create(options), stages),
           Add(entities::IdentityLinker::Create(options), stages),
           Add(quotes::QuoteFinder::Create(options), stages),
           Add(time::TimeFinder::Create(options), stages),
       }) {
    if (!status.ok()) return status;
  }
  return std::unique_ptr<Pipeline>(new Pipeline(options, std::move(stages)));
}

void Pipeline::Run(Article& article) const {
  if (article.HasFatalError()) return;  // an error record from reading
  article.id = ContentId(article);
  for (const auto& stage : stages_) {
    Status status = stage->Run(article);
    if (status.ok()) continue;
    article.AddError(status);
    if (IsFatal(status.code())) {
      // Nothing half-done: an article that cannot be analysed carries no
      // annotations, only its identity and its errors.
      article.blocks.clear();
      article.sentences.clear();
      article.tokens.clear();
      article.entities.clear();
      article.identities.clear();
      article.title.reset();
      article.language = Language{};
      break;
    }
  }
}

}  // namespace veille
