// InputReader: paths in, articles out (see veille/input.h).
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <functional>
#include <filesystem>

#include "ingest/byte_source.h"
#include "ingest/decompress.h"
#include "ingest/feed_articles.h"
#include "ingest/html_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/warc_articles.h"
#include "ingest/text_reader.h"
#include "veille/input.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

// How many decompressed bytes are looked at to tell the format.
constexpr size_t kSniffBytes = 4096;

// Whether the file's name, without a compression suffix, ends with one of
// `suffixes` (case ignored).
bool HasName(std::string_view path, std::initializer_list<std::string_view> suffixes) {
  std::string lower(path.substr(path.size() > 32 ? path.size() - 32 : 0));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view name = lower;
  for (std::string_view suffix : {".gz", ".zst", ".zstd"}) {
    if (name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view suffix : suffixes) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

// JSON Lines starts with '{' after an optional BOM and whitespace.
bool LooksLikeJsonl(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

Article ErrorRecord(const std::string& path, const Status& status) {
  Article article;
  article.source.path = path;
  article.AddError(status);
  return article;
}

class FileInputReader final : public InputReader {
 public:
  FileInputReader(const std::vector<std::string>& paths, const Options& options)
      : pending_(paths.begin(), paths.end()), options_(options) {
    for (const std::string& path : paths) bytes_total_ += SizeOf(path);
  }

  std::optional<Article> Next() override {
    for (;;) {
      if (stream_) {
        if (std::optional<Article> article = stream_()) {
          if (!article->errors.empty() &&
              article->errors[0].code == StatusCode::kIoError) {
            had_io_error_ = true;
          }
          return article;
        }
        stream_ = nullptr;
      }
      if (pending_.empty()) return std::nullopt;
      std::string path = std::move(pending_.front());
      pending_.pop_front();
      if (std::optional<Article> article = Open(path)) return article;
    }
  }

  bool had_io_error() const override { return had_io_error_; }
  uint64_t bytes_read() const override { return bytes_read_.load(std::memory_order_relaxed); }
  uint64_t bytes_total() const override { return bytes_total_; }

 private:
  // Starts reading `path`: returns its article (plain text or an error), or
  // nothing when it queued more paths or opened a JSON Lines stream.
  std::optional<Article> Open(const std::string& path) {
    if (path != "-") {
      struct stat info;
      if (::stat(path.c_str(), &info) != 0) {
        had_io_error_ = true;
        StatusCode code = errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError;
        return ErrorRecord(path, Status(code, path + ": " + std::strerror(errno)));
      }
      if (S_ISDIR(info.st_mode)) {
        if (Status listed = Expand(path); !listed.ok()) {
          had_io_error_ = true;
          return ErrorRecord(path, listed);
        }
        return std::nullopt;
      }
    }
    Result<std::unique_ptr<ingest::ByteSource>> file = ingest::OpenFile(path, &bytes_read_);
    if (!file.ok()) {
      had_io_error_ = true;
      return ErrorRecord(path, file.status());
    }
    Result<std::unique_ptr<ingest::ByteSource>> bytes =
        ingest::Decompress(std::move(file).value());
    if (!bytes.ok()) {
      had_io_error_ = true;
      return ErrorRecord(path, bytes.status());
    }
    Status head_error;
    std::string head = ingest::ReadSome(**bytes, kSniffBytes, head_error);
    if (!head_error.ok()) {
      had_io_error_ = head_error.code() == StatusCode::kIoError || had_io_error_;
      if (head.empty()) return ErrorRecord(path, head_error);
      // What was read is read; the error comes after it.
      bytes = Result<std::unique_ptr<ingest::ByteSource>>(ingest::Failing(head_error));
    }
    // The format, by name first, then by the first bytes.
    bool warc = HasName(path, {".warc"});
    bool jsonl = HasName(path, {".jsonl", ".ndjson"});
    bool feed = HasName(path, {".rss", ".atom"});
    bool html = HasName(path, {".html", ".htm", ".xhtml", ".shtml"});
    if (!warc && !jsonl && !feed && !html) {
      warc = head.starts_with("WARC/1.");
      jsonl = !warc && LooksLikeJsonl(head);
      feed = !warc && !jsonl && ingest::LooksLikeFeed(head);
      html = !warc && !jsonl && !feed && ingest::LooksLikeHtml(head);
    }
    auto source = ingest::WithPrefix(std::move(head), std::move(bytes).value());
    if (jsonl) {
      auto reader = std::make_shared<ingest::JsonlReader>(std::move(source), path, options_);
      stream_ = [reader] { return reader->Next(); };
      return std::nullopt;
    }
    if (warc) {
      auto reader = std::make_shared<ingest::WarcArticles>(std::move(source), path, options_);
      stream_ = [reader] { return reader->Next(); };
      return std::nullopt;
    }
    if (feed || html) {
      Result<std::string> page = ingest::ReadUpTo(*source, options_.max_page_bytes + 1);
      if (!page.ok()) {
        had_io_error_ = had_io_error_ || page.status().code() == StatusCode::kIoError;
        return ErrorRecord(path, page.status());
      }
      if (page->size() > options_.max_page_bytes) {
        return ErrorRecord(path, Status(StatusCode::kTooLarge, "larger than --max-page-bytes (" +
                                                                   std::to_string(options_.max_page_bytes) +
                                                                   " bytes)"));
      }
      if (html) {
        ingest::PageSource from_file;
        from_file.path = path;
        return ingest::ReadHtmlArticle(std::move(*page), from_file, options_);
      }
      auto items = std::make_shared<std::deque<Article>>();
      for (Article& item : ingest::ReadFeedArticles(*page, path, options_)) items->push_back(std::move(item));
      stream_ = [items]() -> std::optional<Article> {
        if (items->empty()) return std::nullopt;
        Article next = std::move(items->front());
        items->pop_front();
        return next;
      };
      return std::nullopt;
    }
    Article article = ingest::ReadTextArticle(*source, path, options_);
    if (!article.errors.empty() && article.errors[0].code == StatusCode::kIoError) {
      had_io_error_ = true;
    }
    return article;
  }

  // Queues a folder's entries, in name order, before the remaining paths.
  Status Expand(const std::string& dir) {
    std::error_code error;
    std::vector<std::string> entries;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, error);
    if (error) return Status(StatusCode::kIoError, dir + ": " + error.message());
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) return Status(StatusCode::kIoError, dir + ": " + error.message());
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // .git, editor files
      std::error_code type_error;
      // Folders are entered and regular files read; sockets, FIFOs and
      // devices inside a folder are skipped (a FIFO would block).
      // Links to folders are not followed: a link to a parent would loop.
      if (fs::is_directory(it->symlink_status(type_error)) ||
          it->is_regular_file(type_error)) {
        entries.push_back(it->path().string());
      }
    }
    std::sort(entries.begin(), entries.end());
    pending_.insert(pending_.begin(), entries.begin(), entries.end());
    return Status::Ok();
  }

  // The bytes the regular files under `path` hold, by the rules Expand
  // follows (hidden entries skipped, links to folders not followed).
  static uint64_t SizeOf(const std::string& path) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error) return 0;
    if (fs::is_regular_file(status)) return fs::file_size(path, error);
    if (!fs::is_directory(status)) return 0;
    uint64_t total = 0;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                             error), end;
         !error && it != end; it.increment(error)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(error)) total += it->file_size(error);
    }
    return total;
  }

  std::deque<std::string> pending_;
  std::atomic<uint64_t> bytes_read_{0};
  uint64_t bytes_total_ = 0;
  Options options_;
  // A file of many articles (JSON Lines, WARC, a feed) being read.
  std::function<std::optional<Article>()> stream_;
  bool had_io_error_ = false;
};

}  // namespace

Result<std::unique_ptr<InputReader>> InputReader::Create(
    const std::vector<std::string>& paths, const Options& options) {
  if (paths.empty()) {
    return Status(StatusCode::kInvalidArgument, "no input: give files, folders or -");
  }
  if (options.max_article_bytes == 0 || options.max_line_bytes == 0) {
    return Status(StatusCode::kInvalidArgument, "byte budgets must be > 0");
  }
  return std::unique_ptr<InputReader>(new FileInputReader(paths, options));
}

}  // namespace veille
