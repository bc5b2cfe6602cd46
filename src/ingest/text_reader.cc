#include "ingest/text_reader.h"

namespace veille::ingest {

Article ReadTextArticle(ByteSource& source, const std::string& path,
                        const Options& options) {
  Article article;
  article.source.path = path;
  article.source.format = "text";
  Result<std::string> bytes = ReadUpTo(source, options.max_article_bytes + 1);
  if (!bytes.ok()) {
    article.AddError(bytes.status());
    return article;
  }
  if (bytes->size() > options.max_article_bytes) {
    article.AddError(StatusCode::kTooLarge,
                     "larger than --max-article-bytes (" +
                         std::to_string(options.max_article_bytes) + " bytes)");
    return article;
  }
  if (bytes->empty()) {
    article.AddError(StatusCode::kEmpty, "the file is empty");
    return article;
  }
  article.raw = std::move(*bytes);
  return article;
}

}  // namespace veille::ingest
