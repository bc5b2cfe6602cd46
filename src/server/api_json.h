// The API's JSON forms of what the archive answers (docs/API.md).
#ifndef VEILLE_SERVER_API_JSON_H_
#define VEILLE_SERVER_API_JSON_H_

#include <nlohmann/json.hpp>

#include <string>

#include "veille/profile.h"
#include "veille/store.h"

namespace veille::server {

// A page of a list: where it starts, how long it may be, and where the next
// one starts (null when this is the last).
struct Page {
  size_t offset = 0, limit = 20;
};

nlohmann::json SearchJson(const std::string& query, const SearchResult& result, const Page& page,
                          bool facets);

// The profile with its articles paged; its quotations and co-occurring
// identities are the first `page.limit`.
nlohmann::json EntityJson(const EntityProfile& profile, const Page& page);

nlohmann::json QuoteJson(const FoundQuote& quote);

nlohmann::json OutletsJson(const std::vector<OutletSummary>& outlets, const Page& page);

// {"error": {"code", "message"}}.
nlohmann::json ErrorJson(std::string_view code, std::string_view message);

// Compact JSON whatever the text holds: bytes that are not UTF-8 become
// U+FFFD.
std::string Dump(const nlohmann::json& value);

}  // namespace veille::server

#endif  // VEILLE_SERVER_API_JSON_H_
