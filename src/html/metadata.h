// What a page says about itself: JSON-LD, OpenGraph, Twitter and Dublin
// Core tags, <meta>, <title>, <html lang>, the canonical link.
//
// The order of preference is Readability's (JSON-LD, then Dublin Core, then
// OpenGraph, then <meta name>, then Twitter), so that results compare with
// it; dates and languages, which Readability reads less of, fall back to
// more places. Thread-safe (no state).
#ifndef VEILLE_HTML_METADATA_H_
#define VEILLE_HTML_METADATA_H_

#include <string>
#include <string_view>

#include "html/dom.h"
#include "veille/extract.h"

namespace veille::html {

PageMetadata ReadMetadata(const Dom& dom);

// The headline within a <title> such as "Headline - Site | Section":
// Readability's rules for separators and colons.
std::string TitleFromDocumentTitle(const Dom& dom, std::string_view document_title);

// How much of `b`'s words `a` has, in [0, 1] (Readability's similarity:
// 1 - the share of b's text in words a lacks), ASCII words lower-cased.
double TextSimilarity(std::string_view a, std::string_view b);

// White space trimmed and runs of it made one space.
std::string NormalizeSpaces(std::string_view text);

}  // namespace veille::html

#endif  // VEILLE_HTML_METADATA_H_
