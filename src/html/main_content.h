// Which part of a page is the article: Readability's algorithm (Mozilla's
// Readability.js, the reader view of Firefox), written again on our DOM.
//
//  1. The page is cleaned of what is never content: scripts, styles,
//     hidden elements, and (first attempt) elements whose class or id says
//     menu, sidebar, comment, footer…; runs of <br> become paragraphs and
//     divs of text become paragraphs.
//  2. Each paragraph scores by its length and commas; its parent gets the
//     score, its grandparent half, further ancestors less. Classes and ids
//     like "article" or "sidebar" add or take away. Scores are scaled down by
//     the share of link text.
//  3. The best container, widened to an ancestor when several good ones
//     share it, is the article, with those of its siblings that score close
//     to it or read like prose.
//  4. Inside it, what is not the article goes: share bars, forms, asides,
//     lists of links, tables of layout, headings that are the title again.
//  5. An article shorter than 500 characters is searched again with fewer
//     filters; the longest of the attempts wins.
//
// Every count is kept per subtree and updated on removal, so the work is
// linear in the page (Readability's own is quadratic in nesting depth).
// Not thread-safe (one call per page; no shared state).
#ifndef VEILLE_HTML_MAIN_CONTENT_H_
#define VEILLE_HTML_MAIN_CONTENT_H_

#include <memory>
#include <string>
#include <string_view>

#include "html/dom.h"

namespace veille::html {

struct MainContent {
  std::unique_ptr<Dom> dom;      // the page as edited by the search
  NodeId article = kNoNode;      // a detached element holding the article
  std::string byline;            // an author line found in the page ("By Jane Doe")
};

// `title`: the page's title, so that a heading repeating it is dropped.
MainContent FindMainContent(const GumboNode* document, std::string_view title);

}  // namespace veille::html

#endif  // VEILLE_HTML_MAIN_CONTENT_H_
