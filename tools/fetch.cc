// veille fetch URL… : fetch pages politely, then analyse them (JSON Lines
// on stdout, like `veille analyze`) or store them (--db, like `veille
// ingest`).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "fetch_flags.h"
#include "veille/batch.h"
#include "veille/fetch.h"
#include "veille/ingest.h"
#include "veille/json.h"
#include "veille/pipeline.h"

namespace veille::tools {
namespace {

struct FetchCommandFlags {
  std::vector<std::string> urls;
  DbFlags db{.db = ""};  // empty: print, store nothing
  FetchFlags fetch;
};

// A page that could not be fetched or read: its URL and why, on stderr.
void Report(const Article& article) {
  if (!article.HasFatalError()) return;
  const ArticleError& e = article.errors.front();
  std::string where = article.source.url.value_or(article.source.path);
  std::fprintf(stderr, "veille: fetch: %s: %s: %s\n", where.c_str(), std::string(StatusCodeName(e.code)).c_str(),
               e.message.c_str());
}

int PrintArticles(InputReader& reader, const FetchCommandFlags& flags) {
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(flags.fetch.options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "veille: %s\n", pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  size_t with_errors = 0;
  bool write_failed = false;
  RunBatch(reader, **pipeline, {.threads = flags.fetch.threads}, [&](Article&& article) {
    if (article.HasFatalError()) ++with_errors;
    Report(article);
    std::string line = ToJsonLine(article, {});
    line += '\n';
    if (!write_failed && std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) write_failed = true;
    std::fflush(stdout);  // pages arrive slowly: show each as it comes
  });
  if (std::fflush(stdout) != 0 || write_failed) {
    std::fprintf(stderr, "veille: could not write the output\n");
    return kExitFailure;
  }
  return with_errors > 0 ? kExitArticleErrors : kExitOk;
}

int StoreArticles(InputReader& reader, const FetchCommandFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/false);
  if (!store) return kExitFailure;
  IngestOptions ingest;
  ingest.threads = flags.fetch.threads;
  Result<IngestReport> report = Ingest(reader, *store, flags.fetch.options, ingest, {}, Report);
  if (!report.ok()) {
    std::fprintf(stderr, "veille: fetch stopped: %s\n", report.status().message().c_str());
    std::fprintf(stderr, "veille: what was stored before is kept; run the same command again to finish\n");
    return kExitFailure;
  }
  const IngestProgress& t = report->totals;
  std::fprintf(stderr,
               "veille: %zu URL(s) fetched: %llu articles, %llu stored (%llu new versions), %llu already in the "
               "archive, %llu errors\n",
               flags.urls.size(), static_cast<unsigned long long>(t.articles),
               static_cast<unsigned long long>(t.stored), static_cast<unsigned long long>(t.versions),
               static_cast<unsigned long long>(t.duplicates), static_cast<unsigned long long>(t.errors));
  return t.errors > 0 ? kExitArticleErrors : kExitOk;
}

int RunFetch(const FetchCommandFlags& flags) {
  Result<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create(flags.fetch.ToFetchOptions());
  if (!fetcher.ok()) {
    std::fprintf(stderr, "veille: fetch: %s\n", fetcher.status().message().c_str());
    return kExitFailure;
  }
  std::unique_ptr<InputReader> reader = FetchInput(**fetcher, flags.urls, flags.fetch.options);
  return flags.db.db.empty() ? PrintArticles(*reader, flags) : StoreArticles(*reader, flags);
}

}  // namespace

Command AddFetchCommand(CLI::App& root) {
  auto flags = std::make_shared<FetchCommandFlags>();
  CLI::App* app = root.add_subcommand(
      "fetch",
      "Fetch web pages (and feeds) politely and analyse them: one JSON object per article on stdout, "
      "or stored in an archive with --db. robots.txt is honoured, one request at a time per host.");
  app->add_option("urls", flags->urls, "http:// or https:// URLs")->required();
  app->add_option("--db", flags->db.db,
                  "Store in this archive (an SQLite file, created when missing, or "
                  "postgres://user@host:port/database) instead of printing");
  app->add_option("--lock-timeout", flags->db.lock_timeout_ms,
                  "How long to wait, in milliseconds, for an archive another process has locked "
                  "(default 5000)")
      ->check(CLI::NonNegativeNumber);
  AddFetchFlags(app, &flags->fetch);
  return {app, [flags] { return RunFetch(*flags); }};
}

}  // namespace veille::tools
