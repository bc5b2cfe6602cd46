// Boilerplate: the lines an outlet adds around every article.
#ifndef VEILLE_CLEAN_BOILERPLATE_H_
#define VEILLE_CLEAN_BOILERPLATE_H_

#include <memory>
#include <string_view>

#include <re2/re2.h>
#include <re2/set.h>

#include "veille/pipeline.h"


namespace veille::clean {

// Marks promotional footers, share lines, "read also" links, newsletter and
// cookie notices, copyright lines (French and English) as boilerplate blocks.
// They stay in the raw text and in `blocks`, but no later stage reads them:
// they are not the story. The rules (boilerplate.cc) match whole short lines;
// a long paragraph that happens to start with "Suivez" is left alone.
//
// Runs after Layout and also makes sure a heading still has a paragraph after
// it once boilerplate is set aside (a byline before a footer is no heading).
// Thread-safe: the compiled patterns are immutable.
class BoilerplateDetector final : public Stage {
 public:
  static Result<std::unique_ptr<BoilerplateDetector>> Create();
  ~BoilerplateDetector() override;

  std::string_view name() const override { return "boilerplate"; }
  Status Run(Article& article) const override;

  // True when one line of clean text is boilerplate.
  bool IsBoilerplate(std::string_view line) const;

 private:
  BoilerplateDetector(std::unique_ptr<re2::RE2::Set> lines,
                      std::unique_ptr<re2::RE2> networks);

  std::unique_ptr<re2::RE2::Set> lines_;       // whole-line patterns
  std::unique_ptr<re2::RE2> networks_;    // names of social networks
};

// A heading introduces the paragraphs after it: with boilerplate set aside,
// one that no paragraph follows becomes a paragraph itself.
void DemoteHeadingsWithoutParagraph(Article& article);

}  // namespace veille::clean

#endif  // VEILLE_CLEAN_BOILERPLATE_H_
