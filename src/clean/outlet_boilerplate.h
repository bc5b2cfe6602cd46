// Boilerplate an outlet repeats, as learned from the archive.
#ifndef VEILLE_CLEAN_OUTLET_BOILERPLATE_H_
#define VEILLE_CLEAN_OUTLET_BOILERPLATE_H_

#include <memory>

#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::clean {

// Marks as boilerplate the blocks of an article whose line its outlet is
// known to repeat (Options::learned_boilerplate, from the corpus pass).
// Runs after OutletRecognizer, before language and segmentation, so that the
// lines are neither identified, segmented nor indexed. Thread-safe.
class OutletBoilerplateMarker final : public Stage {
 public:
  static Result<std::unique_ptr<OutletBoilerplateMarker>> Create(const Options& options);

  std::string_view name() const override { return "outlet_boilerplate"; }
  Status Run(Article& article) const override;

 private:
  explicit OutletBoilerplateMarker(std::shared_ptr<const LearnedBoilerplate> learned)
      : learned_(std::move(learned)) {}
  std::shared_ptr<const LearnedBoilerplate> learned_;
};

}  // namespace veille::clean

#endif  // VEILLE_CLEAN_OUTLET_BOILERPLATE_H_
