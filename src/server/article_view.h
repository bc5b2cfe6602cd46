// An article as the dashboard shows it: its record (docs/SCHEMA.md) with,
// for each block, the text a reader sees cut into parts at every entity,
// quotation and time, each part saying which of them it belongs to.
#ifndef VEILLE_SERVER_ARTICLE_VIEW_H_
#define VEILLE_SERVER_ARTICLE_VIEW_H_

#include <nlohmann/json.hpp>

#include "veille/store.h"

namespace veille::server {

// The API's article object (docs/API.md, GET /api/articles/{id}). Spans
// keep their offsets into the raw bytes; parts carry the text. For a web
// page, whose raw bytes are markup, the text is the extractor's, read
// again from the page.
nlohmann::json ArticleView(const std::string& id, const StoredArticle& stored);

}  // namespace veille::server

#endif  // VEILLE_SERVER_ARTICLE_VIEW_H_
