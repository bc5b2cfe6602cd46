#include "server/api_json.h"

#include <algorithm>

namespace veille::server {

using nlohmann::json;

namespace {

json NextOffset(const Page& page, size_t total) {
  return page.offset + page.limit < total ? json(page.offset + page.limit) : json();
}

json ArticleRefJson(const ArticleRef& a) {
  return {{"id", a.id}, {"published", a.published}, {"outlet", a.outlet}, {"title", a.title},
          {"url", a.url}};
}

json Counts(const std::vector<FacetCount>& counts) {
  json out = json::array();
  for (const FacetCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
  return out;
}

// A snippet as parts that matched or not, in order.
json SnippetJson(const Snippet& snippet) {
  json parts = json::array();
  size_t at = 0;
  const std::string& text = snippet.text;
  for (auto [start, end] : snippet.highlights) {
    if (start < at || end > text.size() || start >= end) continue;
    if (start > at) parts.push_back({{"text", text.substr(at, start - at)}, {"match", false}});
    parts.push_back({{"text", text.substr(start, end - start)}, {"match", true}});
    at = end;
  }
  if (at < text.size()) parts.push_back({{"text", text.substr(at)}, {"match", false}});
  return {{"text", text}, {"parts", std::move(parts)}};
}

}  // namespace

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json ErrorJson(std::string_view code, std::string_view message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

json SearchJson(const std::string& query, const SearchResult& result, const Page& page,
                bool facets) {
  json out;
  out["query"] = query;
  out["total"] = result.total;
  out["total_exact"] = result.total_exact;
  out["offset"] = page.offset;
  out["limit"] = page.limit;
  // Past the count's cap there may be more: a full page says so.
  bool more = result.total_exact ? page.offset + page.limit < result.total
                                 : result.hits.size() == page.limit;
  out["next_offset"] = more ? json(page.offset + page.limit) : json();
  json hits = json::array();
  for (const SearchHit& hit : result.hits) {
    hits.push_back({{"id", hit.id}, {"title", hit.title}, {"outlet", hit.outlet},
                    {"language", hit.language}, {"published", hit.published}, {"url", hit.url},
                    {"score", hit.score}, {"snippet", SnippetJson(hit.snippet)}});
  }
  out["hits"] = std::move(hits);
  if (facets) {
    out["facets"] = {{"outlets", Counts(result.outlets)},
                     {"languages", Counts(result.languages)},
                     {"months", Counts(result.months)},
                     {"months_talked_about", Counts(result.months_talked_about)}};
  }
  return out;
}

json QuoteJson(const FoundQuote& quote) {
  json out = json::parse(quote.json, nullptr, false);
  if (!out.is_object()) out = json::object();
  out["article"] = ArticleRefJson(quote.article);
  return out;
}

json EntityJson(const EntityProfile& p, const Page& page) {
  json out;
  out["entity"] = p.entity;
  out["name"] = p.name;
  out["type"] = p.type;
  out["kind"] = p.kind.empty() ? json() : json(p.kind);
  out["names_asked"] = p.names_asked;
  out["articles"] = p.articles.size();
  out["articles_exact"] = p.articles_exact;
  out["mentions"] = p.mentions;
  out["spellings"] = json::array();
  for (const auto& s : p.spellings) out["spellings"].push_back({{"text", s.value}, {"mentions", s.count}});
  out["months"] = json::array();
  for (const auto& m : p.months) out["months"].push_back({{"month", m.value}, {"articles", m.count}});
  out["outlets"] = json::array();
  for (const auto& o : p.outlets) out["outlets"].push_back({{"outlet", o.value}, {"articles", o.count}});
  json recent = json::array();
  for (size_t i = page.offset; i < p.articles.size() && i < page.offset + page.limit; ++i) {
    recent.push_back(ArticleRefJson(p.articles[i]));
  }
  out["recent"] = {{"items", std::move(recent)}, {"offset", page.offset}, {"limit", page.limit},
                   {"total", p.articles.size()}, {"next_offset", NextOffset(page, p.articles.size())}};
  json quotes = json::array();
  for (size_t i = 0; i < p.quotes.size() && i < page.limit; ++i) quotes.push_back(QuoteJson(p.quotes[i]));
  out["quotes"] = {{"items", std::move(quotes)}, {"total", p.quotes.size()}};
  out["co_occurring"] = json::array();
  for (size_t i = 0; i < p.co_occurring.size() && i < page.limit; ++i) {
    const CoOccurring& c = p.co_occurring[i];
    out["co_occurring"].push_back(
        {{"entity", c.entity}, {"name", c.name}, {"type", c.type}, {"articles", c.articles}});
  }
  return out;
}

json OutletsJson(const std::vector<OutletSummary>& outlets, const Page& page) {
  json items = json::array();
  for (size_t i = page.offset; i < outlets.size() && i < page.offset + page.limit; ++i) {
    items.push_back({{"name", outlets[i].name}, {"articles", outlets[i].articles},
                     {"boilerplate", outlets[i].boilerplate}});
  }
  return {{"items", std::move(items)}, {"total", outlets.size()}, {"offset", page.offset},
          {"limit", page.limit}, {"next_offset", NextOffset(page, outlets.size())}};
}

}  // namespace veille::server
