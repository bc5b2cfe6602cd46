// Reading articles from files, folders and standard input.
#ifndef VEILLE_INPUT_H_
#define VEILLE_INPUT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/options.h"
#include "veille/status.h"

namespace veille {

// Reads articles from a list of paths, in order. A path is a file, a folder
// (read recursively, in name order, hidden entries skipped) or "-" for
// standard input. Each file is gzip- or zstd-decompressed when its content
// says so, whatever its name, then read by its name (.jsonl, .warc, .rss,
// .atom, .html…), else by its first bytes: JSON Lines (one article per line)
// when it starts with `{`, a WARC file (each HTML page one article) after
// "WARC/1.", a feed (each item one article) after <rss, <feed or <rdf:RDF,
// a web page after a doctype or <html>, else one plain-text article (title
// line, blank line, one paragraph per line).
//
// A problem with one input (unreadable file, broken JSON line, article over
// budget) becomes an Article that carries the error, and reading goes on.
// Not thread-safe: one thread pulls articles; analysis can fan out after.
class InputReader {
 public:
  static Result<std::unique_ptr<InputReader>> Create(
      const std::vector<std::string>& paths, const Options& options);
  virtual ~InputReader() = default;

  // The next article or error record; std::nullopt when every input is done.
  virtual std::optional<Article> Next() = 0;

  // True once a path could not be opened or read (the exit code's "I/O
  // failure"). Such paths also yield an error record.
  virtual bool had_io_error() const = 0;

  // For progress: bytes read from the inputs so far (compressed, as stored),
  // and the size of all the regular files among them, measured when the
  // reader was created (standard input and FIFOs count as 0). Safe to call
  // from any thread.
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;
};

}  // namespace veille

#endif  // VEILLE_INPUT_H_
