// The text of a part of a page as blocks (paragraphs, headings), white
// space collapsed as a browser shows it, each byte remembering the
// characters of the page it came from: "&eacute;" maps back to all eight.
// Thread-safe (no state).
#ifndef VEILLE_HTML_PAGE_TEXT_H_
#define VEILLE_HTML_PAGE_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "html/dom.h"
#include "veille/article.h"

namespace veille::html {

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;  // kHeading for h1…h6
  std::string text;
  // For each byte of `text`, gumbo's offsets of its source characters.
  std::vector<uint32_t> source_start;
  std::vector<uint32_t> source_end;
};

// The blocks under `scope`, in reading order. Block elements (p, div, li,
// h1…h6, td, blockquote…) and <br> end a block; scripts, styles and
// templates are not read. Empty blocks are left out.
std::vector<TextBlock> BlocksOf(const Dom& dom, NodeId scope);

}  // namespace veille::html

#endif  // VEILLE_HTML_PAGE_TEXT_H_
