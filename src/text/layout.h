// Layout: the article's lines become blocks — title, paragraphs, headings.
#ifndef VEILLE_TEXT_LAYOUT_H_
#define VEILLE_TEXT_LAYOUT_H_

#include <memory>
#include <string>
#include <vector>

#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::text {

// Reads the clean text as the plain-text article format: a title line, a
// blank line, then paragraphs, one per line. Rules, in order:
//  - A line wrapped by hand (the next line goes on in lower case after a
//    line without final punctuation) is joined to its paragraph.
//  - The first line is the title when the input gives none apart and the line
//    is short; in JSON Lines text it must also be followed by a blank line and
//    not end like a sentence, since there the text usually starts with body.
//  - A short line without final punctuation, after a paragraph and before
//    more text, is a heading. (Boilerplate detection, which runs next, turns
//    a heading that no paragraph follows back into a paragraph.)
// Thread-safe.
class Layout final : public Stage {
 public:
  static Result<std::unique_ptr<Layout>> Create(const Options& options);

  std::string_view name() const override { return "layout"; }
  Status Run(Article& article) const override;

 private:
  explicit Layout(const Options& options) : options_(options) {}
  Options options_;
};

// The media a title announces with a marker at its end — "(Vidéo)",
// "[PHOTOS]", "(+ audio)", "(EN DIRECT)" — as "video", "photo", "audio",
// "live" or "graphic"; empty when there is none.
std::vector<std::string> MediaMarkers(std::string_view title);

// Code points in a UTF-8 string (counting lead bytes only).
size_t CountChars(std::string_view utf8);

// True when the text ends like a sentence or a clause: . ! ? … : ; , possibly
// followed by closing quotes or brackets.
bool EndsLikeSentence(std::string_view text);

}  // namespace veille::text

#endif  // VEILLE_TEXT_LAYOUT_H_
