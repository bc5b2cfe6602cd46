// The `entities` stage: finds the names each sentence mentions (people,
// places, organisations, other names) with the tagger model, and for a
// person the title written before the name. Boilerplate blocks have no
// sentences, so their names are never entities.
//
// Thread-safe: the model is shared and immutable; buffers are per thread.
#ifndef VEILLE_ENTITIES_ENTITY_TAGGER_H_
#define VEILLE_ENTITIES_ENTITY_TAGGER_H_

#include <memory>
#include <string>

#include "entities/tagger_model.h"
#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::entities {

// The model at `path`, loaded once per process and shared.
Result<std::shared_ptr<const TaggerModel>> SharedTaggerModel(const std::string& path);

class EntityTagger final : public Stage {
 public:
  // Null when Options::tagger_model is "none".
  static Result<std::unique_ptr<EntityTagger>> Create(const Options& options);
  std::string_view name() const override { return "entities"; }
  Status Run(Article& article) const override;

 private:
  explicit EntityTagger(std::shared_ptr<const TaggerModel> model) : model_(std::move(model)) {}
  std::shared_ptr<const TaggerModel> model_;
};

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_ENTITY_TAGGER_H_
