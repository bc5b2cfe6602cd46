// JSON Lines: one article per line.
#ifndef VEILLE_INGEST_JSONL_READER_H_
#define VEILLE_INGEST_JSONL_READER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "veille/article.h"
#include "veille/options.h"

namespace simdjson::dom {
class parser;
}

namespace veille::ingest {

// Reads records {"id","url","outlet","published","title","text"}; only `text`
// is required, other fields are ignored. The article's raw bytes are the
// UTF-8 of the decoded `text`, so every span points into that string; a
// separate `title` has no span. `id` may be a string or an integer.
//
// A line that is not a JSON object, lacks `text` or is longer than
// Options::max_line_bytes yields an error record carrying its line number,
// and reading goes on with the next line. Blank lines are skipped.
// Not thread-safe.
class JsonlReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> source, std::string path,
              const Options& options);
  ~JsonlReader();

  // The next record; std::nullopt at the end of the stream.
  std::optional<Article> Next();

 private:
  enum class LineStatus { kLine, kTooLong, kEnd, kError };
  // Fills line_ with the next line (without its \n); a line over the budget
  // is skipped to its end and reported as kTooLong.
  LineStatus ReadLine();
  Article Parse();

  std::unique_ptr<ByteSource> source_;
  std::string path_;
  Options options_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  std::vector<char> buffer_;
  size_t buffer_pos_ = 0;
  size_t buffer_end_ = 0;
  std::string line_;
  uint64_t line_number_ = 0;
  Status read_error_;
  bool ended_ = false;
};

// Parses one JSON Lines record (for tests and fuzzers).
Article ParseJsonlRecord(std::string_view line, const std::string& path,
                         uint64_t line_number, const Options& options);

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_JSONL_READER_H_
