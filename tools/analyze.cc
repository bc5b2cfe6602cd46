// veille analyze FILE…|DIR|- : one JSON object per article on stdout.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "veille/batch.h"
#include "veille/input.h"
#include "veille/json.h"
#include "veille/pipeline.h"

namespace veille::tools {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> inputs;
  int threads = 0;
  bool tokens = false;
  Options options;
};

int RunAnalyze(const AnalyzeFlags& flags) {
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(flags.options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "veille: %s\n", pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  Result<std::unique_ptr<InputReader>> reader =
      InputReader::Create(flags.inputs, flags.options);
  if (!reader.ok()) {
    std::fprintf(stderr, "veille: %s\n", reader.status().ToString().c_str());
    return kExitFailure;
  }
  // A large stdout buffer: one write per many articles.
  static char buffer[1 << 20];
  std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);

  JsonOptions json{.tokens = flags.tokens};
  size_t articles = 0, with_errors = 0;
  bool write_failed = false;
  RunBatch(**reader, **pipeline, {.threads = flags.threads}, [&](Article&& article) {
    ++articles;
    if (!article.errors.empty()) ++with_errors;
    if (write_failed) return;
    std::string line = ToJsonLine(article, json);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
      write_failed = true;
    }
  });
  if (std::fflush(stdout) != 0) write_failed = true;
  if (isatty(STDERR_FILENO) || with_errors > 0) {
    std::fprintf(stderr, "veille: %zu article(s), %zu with errors\n", articles,
                 with_errors);
  }
  if (write_failed) {
    std::fprintf(stderr, "veille: could not write the output\n");
    return kExitFailure;
  }
  if ((*reader)->had_io_error()) return kExitFailure;
  return with_errors > 0 ? kExitArticleErrors : kExitOk;
}

}  // namespace

Command AddAnalyzeCommand(CLI::App& root) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* app = root.add_subcommand(
      "analyze",
      "Analyse articles and print one JSON object per article (JSON Lines, "
      "schema veille.article/1) on stdout, in input order. Nothing is stored.");
  app->add_option("inputs", flags->inputs,
                  "Files, folders (read recursively) or - for standard input. "
                  "Plain-text articles, JSON Lines, web pages, WARC files or RSS/Atom "
                  "feeds, optionally gzip or zstd compressed, recognised by name, else by "
                  "content.")
      ->required();
  app->add_option("--threads,-j", flags->threads,
                  "Worker threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  app->add_flag("--tokens", flags->tokens, "Add every token to the output (large)");
  app->add_option("--tagger-model", flags->options.tagger_model,
                  "Entity tagger model (default: the one shipped in data/models; none: no entities)");
  app->add_flag("--no-quotes", [flags](int64_t) { flags->options.quotes = false; },
                "Skip the quotes stage (quotations and their speakers)");
  app->add_flag("--no-times", [flags](int64_t) { flags->options.times = false; },
                "Skip the times stage (dates in the text and the article's own date)");
  app->add_option("--kb", flags->options.knowledge_base,
                  "Knowledge base identities are resolved in (default: build/kb/veille.kb, "
                  "made by scripts/build; none: the article's own identities only)");
  app->add_option("--max-article-bytes", flags->options.max_article_bytes,
                  "Largest article read, after decompression; larger ones are "
                  "reported as too_large (default 8 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-line-bytes", flags->options.max_line_bytes,
                  "Longest JSON Lines line read (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-page-bytes", flags->options.max_page_bytes,
                  "Largest web page, feed or WARC record read (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  return {app, [flags] { return RunAnalyze(*flags); }};
}

}  // namespace veille::tools
