// veille quotes --speaker NAME: what a person (or an organisation) was
// quoted saying across the archive, where and when.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "names.h"
#include "veille/identity.h"
#include "veille/kb.h"
#include "veille/query.h"
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

// Whether a quotation's speaker is the one asked for: one name key (any
// spelling), the knowledge base's id, or, for a person, the surname.
struct Asked {
  std::string key, surname;  // surname: "" when one word was asked
  std::set<std::string> ids;
  bool Matches(const nlohmann::json& speaker) const {
    std::string text = speaker.value("text", ""), name = speaker.value("name", "");
    std::string id = speaker.contains("entity") && speaker["entity"].is_string() ? speaker["entity"].get<std::string>() : "";
    if (ids.contains(id) || NameKey(text) == key || NameKey(name) == key) return true;
    bool person = id.starts_with("per:");
    if (surname.empty()) return person && (NameKey(LastWord(text)) == key || NameKey(LastWord(name)) == key);
    return person && NameKey(text) == surname && text.find(' ') == std::string::npos;
  }
};

int RunQuotes(const QuotesFlags& flags) {
  Asked asked{NameKey(flags.speaker), "", {}};
  if (asked.key.empty()) return Fail("\"" + flags.speaker + "\" has no letters to look for");
  if (LastWord(flags.speaker) != flags.speaker) asked.surname = NameKey(LastWord(flags.speaker));
  auto known = BestKnownThing(flags.knowledge_base, flags.speaker);
  if (!known.ok()) return Fail(known.status().message());
  if (known->has_value()) asked.ids.insert((*known)->id);
  std::string text = "speaker:\"" + flags.speaker + "\"";
  for (const std::string& word : flags.query) text += " " + word;
  auto query = ParseQuery(text);
  if (!query.ok()) return Fail(query.status().message());
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  auto found = store->Search(*query, {.limit = 1000, .knowledge_base = flags.knowledge_base});
  if (!found.ok()) return Fail(found.status().message());

  size_t shown = 0;
  for (const SearchHit& hit : found->hits) {
    if (shown >= flags.limit) break;
    auto stored = store->Get(hit.id);
    if (!stored.ok()) return Fail(stored.status().message());
    if (!stored->has_value()) continue;
    nlohmann::json record = nlohmann::json::parse((*stored)->record, nullptr, false);
    if (record.is_discarded() || !record.contains("quotes")) continue;
    bool header = false;
    for (const auto& q : record["quotes"]) {
      if (shown >= flags.limit) break;
      if (!q.contains("speaker") || !q["speaker"].is_object() || !asked.Matches(q["speaker"])) continue;
      ++shown;
      if (flags.json) {
        nlohmann::json out = q;
        out["article"] = {{"id", hit.id}, {"published", hit.published}, {"outlet", hit.outlet},
                          {"title", hit.title}, {"url", hit.url}};
        std::printf("%s\n", out.dump().c_str());
        continue;
      }
      if (!header) {
        std::printf("%s%-10s  %-20s  %s\n", shown > 1 ? "\n" : "", hit.published.substr(0, 10).c_str(),
                    hit.outlet.empty() ? "(unknown)" : hit.outlet.c_str(), hit.title.c_str());
        header = true;
      }
      std::string how = q.value("kind", "");
      if (q.value("unclosed", false)) how += ", unclosed";
      if (q.contains("cue") && q["cue"].is_object()) how += "; " + q["cue"].value("text", "");
      if (q.contains("channel") && q["channel"].is_object()) how += "; via " + q["channel"].value("text", "");
      std::printf("  « %s »\n    %s (%s)\n", q.value("text", "").c_str(),
                  q["speaker"].value("text", "").c_str(), how.c_str());
    }
  }
  if (shown == 0 && !flags.json) std::printf("no quotation of \"%s\" in the archive\n", flags.speaker.c_str());
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
