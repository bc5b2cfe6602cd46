// Language identification: which language and script an article is in.
#ifndef VEILLE_TEXT_LANGUAGE_H_
#define VEILLE_TEXT_LANGUAGE_H_

#include <memory>
#include <string_view>

#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::text {

// CLD2 (the detector of Chrome, full 160-language tables) over the analysable
// blocks: title, paragraphs and headings, never boilerplate, whose social
// network names would pull short texts towards English.
//
// Confidence is CLD2's share of the text for the top language, halved when
// CLD2 says the answer is unreliable. Text with fewer than
// Options::min_language_letters letters is "und" with confidence 0: CLD2
// answers English when it finds nothing, so it is not asked.
// Thread-safe: CLD2 keeps no state between calls.
class LanguageIdentifier final : public Stage {
 public:
  static Result<std::unique_ptr<LanguageIdentifier>> Create(const Options& options);

  std::string_view name() const override { return "language"; }
  Status Run(Article& article) const override;

  // Identifies one text (valid UTF-8).
  Language Identify(std::string_view text) const;

 private:
  explicit LanguageIdentifier(const Options& options) : options_(options) {}
  Options options_;
};

}  // namespace veille::text

#endif  // VEILLE_TEXT_LANGUAGE_H_
