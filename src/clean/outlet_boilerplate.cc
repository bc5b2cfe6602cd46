#include "clean/outlet_boilerplate.h"

#include "clean/boilerplate.h"

namespace veille::clean {

Result<std::unique_ptr<OutletBoilerplateMarker>> OutletBoilerplateMarker::Create(
    const Options& options) {
  return std::unique_ptr<OutletBoilerplateMarker>(
      new OutletBoilerplateMarker(options.learned_boilerplate));
}

Status OutletBoilerplateMarker::Run(Article& article) const {
  if (!learned_ || learned_->empty() || !article.outlet) return Status::Ok();
  bool changed = false;
  for (Block& block : article.blocks) {
    if (block.kind != BlockKind::kParagraph && block.kind != BlockKind::kHeading) continue;
    if (learned_->Contains(article.outlet->name, article.clean.View(block.clean))) {
      block.kind = BlockKind::kBoilerplate;
      changed = true;
    }
  }
  if (changed) DemoteHeadingsWithoutParagraph(article);
  return Status::Ok();
}

}  // namespace veille::clean
