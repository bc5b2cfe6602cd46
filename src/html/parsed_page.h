// A web page as gumbo reads it: the bytes decoded to UTF-8 from their
// character set, with the way back to the bytes, and gumbo's HTML5 tree.
//
// Gumbo allocates from an arena the page owns and the tree is never freed
// node by node: gumbo's own destructor recurses once per level of nesting,
// which a page of 100,000 nested tags turns into a stack overflow, and one
// arena release is faster anyway.
//
// Gumbo reads the page without the bodies of its scripts and styles and
// without its comments (JSON-LD scripts are kept): they are half of a news
// page's bytes, gumbo spends as long on them as on the rest, and nothing
// is read from them. Offsets are mapped back across the cuts.
//
// Not thread-safe; one per page. Views into utf8() and the tree live as long
// as the ParsedPage.
#ifndef VEILLE_HTML_PARSED_PAGE_H_
#define VEILLE_HTML_PARSED_PAGE_H_

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/charset.h"
#include "veille/status.h"

namespace veille::html {

class ParsedPage {
 public:
  // Fails with invalid_argument for a page over `max_bytes`. `bytes` must
  // outlive the ParsedPage: a UTF-8 page is read in place.
  static Result<std::unique_ptr<ParsedPage>> Parse(std::string_view bytes,
                                                    std::string_view http_content_type,
                                                    size_t max_bytes);
  ~ParsedPage();
  ParsedPage(const ParsedPage&) = delete;
  ParsedPage& operator=(const ParsedPage&) = delete;

  const GumboNode* document() const { return output_->document; }
  const ingest::Charset& charset() const { return charset_; }
  // The text gumbo read: the page itself when it is UTF-8.
  std::string_view utf8() const { return utf8_.empty() && identity_ ? bytes_ : utf8_; }
  // The offset in the page's bytes of a position gumbo gives (source
  // positions of text and attributes); the end of what gumbo read maps to
  // the page's size.
  uint32_t ToPageOffset(uint32_t gumbo_offset) const;

 // Where gumbo's nodes live (public for gumbo's C callbacks only).
  struct Arena;

 private:
  ParsedPage();

  std::string_view bytes_;
  ingest::Charset charset_;
  bool identity_ = true;
  uint32_t skip_ = 0;  // a byte-order mark gumbo did not see
  // What gumbo read, when parts were cut out, and where each piece of it
  // starts in utf8(): {offset in what gumbo read, offset in utf8()}.
  std::string gumbo_input_;
  std::vector<std::pair<uint32_t, uint32_t>> pieces_;
  std::string utf8_;
  std::vector<uint32_t> page_offset_;  // one per utf8_ byte, plus the end
  std::unique_ptr<Arena> arena_;
  GumboOutput* output_ = nullptr;
};

}  // namespace veille::html

#endif  // VEILLE_HTML_PARSED_PAGE_H_
