// Everything that tunes reading and analysis, in one plain struct. Every field
// has a default that suits news articles; the comment says what it costs.
#ifndef VEILLE_OPTIONS_H_
#define VEILLE_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "veille/boilerplate.h"

namespace veille {

struct Options {
  // Largest article accepted, in bytes after decompression. A larger input
  // yields an error record (code too_large) without being held in memory;
  // memory in flight is about 12 times this per worker thread at worst.
  // 8 MiB is some hundred times a long news article.
  size_t max_article_bytes = size_t{8} << 20;

  // Largest web page accepted, in bytes. Pages carry several times their
  // text in markup and scripts; extracting one takes up to 30 times its size
  // in memory at its peak, so 16 MiB (three times a heavy news page) costs
  // about 0.5 GB per thread at worst.
  size_t max_page_bytes = size_t{16} << 20;

  // Longest JSON Lines line accepted, in bytes. Each line holds one article
  // plus its JSON escaping, hence twice the article budget by default.
  size_t max_line_bytes = size_t{16} << 20;

  // Most tokens in one sentence. Text without sentence punctuation (a table,
  // a list of tags) is cut into pieces of this size so that later stages,
  // whose cost grows with sentence length, stay bounded.
  uint32_t max_sentence_tokens = 256;

  // Fewer letters than this in the analysed text and the language is "und":
  // below it, language identification is a guess.
  uint32_t min_language_letters = 12;

  // Longest line that can still be a title or a sub-heading, in characters.
  uint32_t max_heading_chars = 160;

  // Lines each outlet repeats, learned from an archive by the corpus pass
  // (Store::LearnedLines); they are boilerplate in that outlet's articles.
  // Null: none. Shared and immutable; a lookup per short block.
  std::shared_ptr<const LearnedBoilerplate> learned_boilerplate;

  // The entity tagger's model file: empty for the one that ships with veille
  // (DefaultTaggerModelPath() in veille/tagger.h), "none" for no entities.
  // Loaded once per process and path (some 100 ms, 40 MB), shared by every
  // pipeline; tagging costs about a tenth of the analysis.
  std::string tagger_model;

  // The knowledge base file (veille/kb.h), from which identities take their
  // ids and canonical names: empty for the one scripts/build makes
  // (DefaultKnowledgeBasePath(); without it, identities are the article's
  // own, and a note says so once), "none" for none. Loaded once per process
  // and path: some 0.3 s and 150 MB for GeoNames' 135,000 places.
  std::string knowledge_base;

  // The quotes stage (quotations, their speakers and channels): false skips
  // it. It costs a few percent of the analysis (bench/run measures it).
  bool quotes = true;

  // The times stage (dates and times in the text, on the calendar, and the
  // article's date when the input lacks it): false skips it.
  bool times = true;
};

}  // namespace veille

#endif  // VEILLE_OPTIONS_H_
