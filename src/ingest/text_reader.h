// The plain-text article format: a file is one article.
#ifndef VEILLE_INGEST_TEXT_READER_H_
#define VEILLE_INGEST_TEXT_READER_H_

#include <string>

#include "ingest/byte_source.h"
#include "veille/article.h"
#include "veille/options.h"

namespace veille::ingest {

// Reads the whole stream as one article (title line, blank line, one
// paragraph per line; Layout interprets it). Never holds more than
// Options::max_article_bytes + 1 bytes: a larger input becomes an error record
// of code too_large. Read errors become an error record too.
Article ReadTextArticle(ByteSource& source, const std::string& path,
                        const Options& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_TEXT_READER_H_
