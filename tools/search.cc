// veille search QUERY : the archive's articles that match, best first.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "veille/json_writer.h"
#include "veille/query.h"
#include "veille/store.h"

namespace veille::tools {
namespace {

struct SearchFlags {
  std::vector<std::string> words;
  DbFlags db;
  size_t limit = 20;
  size_t offset = 0;
  bool json = false;
  bool facets = false;
  std::string knowledge_base;
};

// The snippet with its matches in bold (on a terminal) or [brackets].
std::string Highlighted(const Snippet& snippet, bool terminal) {
  std::string out;
  size_t at = 0;
  for (auto [start, end] : snippet.highlights) {
    out.append(snippet.text, at, start - at);
    out += terminal ? "\033[1m" : "[";
    out.append(snippet.text, start, end - start);
    out += terminal ? "\033[0m" : "]";
    at = end;
  }
  out.append(snippet.text, at, std::string::npos);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

// At most `chars` characters of `s`, cut on a character boundary.
std::string Cut(const std::string& s, size_t chars) {
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
  }
  return i < s.size() ? s.substr(0, i) + "…" : s;
}

void WriteFacets(JsonWriter& w, const char* name, const std::vector<FacetCount>& counts) {
  w.Key(name).BeginArray();
  for (const FacetCount& c : counts) {
    w.BeginObject().Key("value").String(c.value).Key("count").Number(c.count).EndObject();
  }
  w.EndArray();
}

int RunSearch(const SearchFlags& flags) {
  std::string text;
  for (const std::string& word : flags.words) text += (text.empty() ? "" : " ") + word;
  Result<Query> query = ParseQuery(text);
  if (!query.ok()) {
    std::fprintf(stderr, "veille: search: %s\n", query.status().message().c_str());
    return kExitFailure;
  }
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<SearchResult> result =
      store->Search(*query, {.limit = flags.limit, .offset = flags.offset, .facets = flags.facets,
                             .knowledge_base = flags.knowledge_base});
  if (!result.ok()) {
    std::fprintf(stderr, "veille: search: %s\n", result.status().message().c_str());
    return kExitFailure;
  }
  if (flags.json) {
    for (const SearchHit& hit : result->hits) {
      JsonWriter w;
      w.BeginObject();
      w.Key("id").String(hit.id).Key("title").String(hit.title).Key("outlet").String(hit.outlet);
      w.Key("language").String(hit.language).Key("published").String(hit.published);
      w.Key("url").String(hit.url).Key("score").Number(hit.score, 4);
      w.Key("snippet").BeginObject().Key("text").String(hit.snippet.text).Key("highlights");
      w.BeginArray();
      for (auto [start, end] : hit.snippet.highlights) {
        w.BeginArray().Number(uint64_t{start}).Number(uint64_t{end}).EndArray();
      }
      w.EndArray().EndObject().EndObject();
      std::printf("%s\n", w.str().c_str());
    }
    if (flags.facets) {
      JsonWriter w;
      w.BeginObject().Key("total").Number(result->total);
      w.Key("total_exact").Bool(result->total_exact).Key("facets").BeginObject();
      WriteFacets(w, "outlet", result->outlets);
      WriteFacets(w, "language", result->languages);
      WriteFacets(w, "month", result->months);
      WriteFacets(w, "month_talked_about", result->months_talked_about);
      w.EndObject().EndObject();
      std::printf("%s\n", w.str().c_str());
    }
    return kExitOk;
  }
  bool terminal = isatty(STDOUT_FILENO);
  std::printf("%s%llu article(s) match%s\n", result->total_exact ? "" : "at least ",
              static_cast<unsigned long long>(result->total),
              result->hits.size() < result->total
                  ? (", showing " + std::to_string(flags.offset + 1) + "–" +
                     std::to_string(flags.offset + result->hits.size())).c_str()
                  : "");
  size_t rank = flags.offset;
  for (const SearchHit& hit : result->hits) {
    std::printf("\n%3zu. %s%s%s\n", ++rank, terminal ? "\033[1m" : "",
                Cut(hit.title.empty() ? "(untitled)" : hit.title, 100).c_str(),
                terminal ? "\033[0m" : "");
    std::printf("     %s · %s · %s · %s\n", hit.published.empty() ? "no date" : hit.published.c_str(),
                hit.outlet.empty() ? "unknown outlet" : hit.outlet.c_str(), hit.language.c_str(),
                hit.id.c_str());
    std::printf("     %s\n", Highlighted(hit.snippet, terminal).c_str());
  }
  if (flags.facets) {
    for (auto [name, counts] : {std::pair{"outlet", &result->outlets},
                                std::pair{"language", &result->languages},
                                std::pair{"month", &result->months},
                                std::pair{"month talked about", &result->months_talked_about}}) {
      std::printf("\n%s:", name);
      for (const FacetCount& c : *counts) {
        std::printf("  %s (%llu)", c.value.empty() ? "—" : c.value.c_str(),
                    static_cast<unsigned long long>(c.count));
      }
      std::printf("\n");
    }
  }
  return kExitOk;
}

}  // namespace

Command AddSearchCommand(CLI::App& root) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* app = root.add_subcommand(
      "search",
      "Search the archive. Words are stemmed and accents and case ignored; \"phrases\", "
      "-excluded, a OR b, and facets outlet:NAME lang:fr from:2022-01 to:2022-01-31 "
      "(docs/SEARCH.md).");
  app->add_option("query", flags->words, "The query (quote it for the shell)")->required();
  AddDbFlags(app, &flags->db);
  app->add_option("--limit,-n", flags->limit, "Results per page (default 20)")
      ->check(CLI::Range(1, 10000));
  app->add_option("--offset", flags->offset, "Results to skip (pagination)");
  app->add_flag("--json", flags->json, "One JSON object per article (JSON Lines)");
  app->add_flag("--facets", flags->facets, "Count the matches per outlet, language and month");
  app->add_option("--kb", flags->knowledge_base,
                  "Knowledge base entity: values are looked up in (default: build/kb/veille.kb; none)");
  return {app, [flags] { return RunSearch(*flags); }};
}

}  // namespace veille::tools
