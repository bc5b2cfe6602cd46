// veille ingest PATH… : read, analyse and store; idempotent.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "veille/ingest.h"
#include "veille/input.h"

namespace veille::tools {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  DbFlags db;
  int threads = 0;
  size_t batch = 500;
  bool learn = true;
  double min_share = 0.2;
  uint64_t min_articles = 5;
  Options options;
};

std::string Duration(double seconds) {
  char buf[32];
  auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

int RunIngest(const IngestFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/false, flags.batch);
  if (!store) return kExitFailure;
  Result<std::unique_ptr<InputReader>> reader = InputReader::Create(flags.inputs, flags.options);
  if (!reader.ok()) {
    std::fprintf(stderr, "veille: %s\n", reader.status().ToString().c_str());
    return kExitFailure;
  }
  bool terminal = isatty(STDERR_FILENO);
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  IngestOptions options{.batch_size = flags.batch, .threads = flags.threads,
                        .learn_boilerplate = flags.learn,
                        .boilerplate = {.min_share = flags.min_share,
                                        .min_articles = flags.min_articles}};
  auto progress = [&](const IngestProgress& p) {
    if (!terminal) return;
    double seconds = elapsed();
    double rate = seconds > 0 ? p.articles / seconds : 0;
    std::string eta = "?";
    if (p.bytes_total > 0 && p.bytes_read > 0 && p.bytes_read <= p.bytes_total) {
      eta = Duration(seconds * (p.bytes_total - p.bytes_read) / p.bytes_read);
    }
    std::fprintf(stderr, "\r\033[K%llu articles · %.0f/s · %llu stored · ETA %s",
                 static_cast<unsigned long long>(p.articles), rate,
                 static_cast<unsigned long long>(p.stored), eta.c_str());
  };
  auto error = [&](const Article& article) {
    if (terminal) std::fprintf(stderr, "\r\033[K");
    std::string where = article.source.path;
    if (article.source.line) where += ":" + std::to_string(*article.source.line);
    const ArticleError& e = article.errors.front();
    std::fprintf(stderr, "veille: %s: %s: %s\n", where.c_str(),
                 std::string(StatusCodeName(e.code)).c_str(), e.message.c_str());
  };
  Result<IngestReport> report =
      Ingest(**reader, *store, flags.options, options, progress, error);
  if (terminal) std::fprintf(stderr, "\r\033[K");
  if (!report.ok()) {
    std::fprintf(stderr, "veille: ingest stopped: %s\n", report.status().message().c_str());
    std::fprintf(stderr, "veille: what was stored before is kept; run the same command again "
                         "to finish\n");
    return kExitFailure;
  }
  const IngestProgress& t = report->totals;
  std::fprintf(stderr,
               "veille: %llu articles read in %s: %llu stored (%llu new versions), %llu already "
               "in the archive, %llu errors; boilerplate: %zu lines learned, %zu articles "
               "updated%s\n",
               static_cast<unsigned long long>(t.articles), Duration(elapsed()).c_str(),
               static_cast<unsigned long long>(t.stored),
               static_cast<unsigned long long>(t.versions),
               static_cast<unsigned long long>(t.duplicates),
               static_cast<unsigned long long>(t.errors), report->boilerplate.lines_learned,
               report->boilerplate.articles_updated,
               report->compacted ? "; search indexes compacted (a large ingest)" : "");
  if ((*reader)->had_io_error()) return kExitFailure;
  return t.errors > 0 ? kExitArticleErrors : kExitOk;
}

}  // namespace

Command AddIngestCommand(CLI::App& root) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* app = root.add_subcommand(
      "ingest",
      "Read, analyse and store articles in the archive. Idempotent: the same article twice "
      "is stored once; new content at a known URL is a new version. Interrupted, it can be "
      "run again to finish.");
  app->add_option("inputs", flags->inputs,
                  "Files, folders or - (the formats of `veille analyze`)")->required();
  AddDbFlags(app, &flags->db);
  app->add_option("--threads,-j", flags->threads, "Analysis threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--tagger-model", flags->options.tagger_model,
                  "Entity tagger model (default: the one shipped in data/models; none: no entities)");
  app->add_flag("--no-quotes", [flags](int64_t) { flags->options.quotes = false; },
                "Skip the quotes stage (quotations and their speakers)");
  app->add_option("--kb", flags->options.knowledge_base,
                  "Knowledge base identities are resolved in (default: build/kb/veille.kb, "
                  "made by scripts/build; none: the article's own identities only)");
  app->add_option("--batch", flags->batch,
                  "Articles per transaction (default 500). More makes storing, not analysis, "
                  "faster in a large archive (5000: 40% at a million articles) but holds twice that "
                  "many analysed articles in memory (one batch stored while the next is analysed), "
                  "some 0.5 MB each for web pages")
      ->check(CLI::Range(1, 100000));
  app->add_flag("!--no-learn", flags->learn,
                "Skip the corpus pass that learns each outlet's boilerplate");
  app->add_option("--boilerplate-share", flags->min_share,
                  "Learn a line as an outlet's boilerplate when it is in at least this share "
                  "of the outlet's articles (default 0.2)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--boilerplate-min", flags->min_articles,
                  "…and in at least this many of them (default 5)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-article-bytes", flags->options.max_article_bytes,
                  "Largest article read (default 8 MiB)")->check(CLI::PositiveNumber);
  app->add_option("--max-page-bytes", flags->options.max_page_bytes,
                  "Largest web page, feed or WARC record read (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  return {app, [flags] { return RunIngest(*flags); }};
}

}  // namespace veille::tools
