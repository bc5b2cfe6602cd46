// veille quotes --speaker NAME: what a person (or an organisation) was
// quoted saying across the archive, where and when.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "veille/profile.h"
#include "veille/store.h"

namespace veille::tools {
namespace {

struct QuotesFlags {
  std::string speaker;
  std::vector<std::string> query;  // words of the search syntax, joined by spaces
  DbFlags db;
  std::string knowledge_base;
  size_t limit = 20;
  bool json = false;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "veille: quotes: %s\n", message.c_str());
  return kExitFailure;
}

int RunQuotes(const QuotesFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  std::string query;
  for (const std::string& word : flags.query) query += (query.empty() ? "" : " ") + word;
  auto found = FindQuotes(*store, {.speaker = flags.speaker, .query = query, .limit = flags.limit},
                          {.knowledge_base = flags.knowledge_base});
  if (!found.ok()) return Fail(found.status().message());
  const std::string* last_article = nullptr;
  for (const FoundQuote& q : found->quotes) {
    const ArticleRef& a = q.article;
    if (flags.json) {
      nlohmann::json out = nlohmann::json::parse(q.json);
      out["article"] = {{"id", a.id}, {"published", a.published}, {"outlet", a.outlet},
                        {"title", a.title}, {"url", a.url}};
      std::printf("%s\n", out.dump().c_str());
      continue;
    }
    if (!last_article || *last_article != a.id) {
      std::printf("%s%-10s  %-20s  %s\n", last_article ? "\n" : "", a.published.substr(0, 10).c_str(),
                  a.outlet.empty() ? "(unknown)" : a.outlet.c_str(), a.title.c_str());
      last_article = &a.id;
    }
    std::string how = q.kind;
    if (q.unclosed) how += ", unclosed";
    if (!q.cue.empty()) how += "; " + q.cue;
    if (!q.channel.empty()) how += "; via " + q.channel;
    std::printf("  « %s »\n    %s (%s)\n", q.text.c_str(), q.speaker_text.c_str(), how.c_str());
  }
  if (found->quotes.empty() && !flags.json) {
    std::printf("no quotation of \"%s\" in the archive\n", flags.speaker.c_str());
  }
  return kExitOk;
}

}  // namespace

Command AddQuotesCommand(CLI::App& root) {
  auto flags = std::make_shared<QuotesFlags>();
  CLI::App* app = root.add_subcommand(
      "quotes", "What someone was quoted saying across the archive, where and when.");
  app->add_option("--speaker,-s", flags->speaker, "The speaker, in any spelling or script")->required();
  app->add_option("QUERY", flags->query, "Search words or facets to narrow the articles (veille search syntax)");
  AddDbFlags(app, &flags->db);
  app->add_option("--kb", flags->knowledge_base,
                  "Knowledge base (default: build/kb/veille.kb; none: names only)");
  app->add_option("--limit,-n", flags->limit, "Most quotations shown, most recent articles first (default 20)");
  app->add_flag("--json", flags->json, "JSON Lines: one quotation per line, with its article");
  return {app, [flags]() -> int { return RunQuotes(*flags); }};
}

}  // namespace veille::tools
