// FindQuotes: what a speaker was quoted saying. The names index keeps each
// article's speakers (speaker:), which finds the articles; each one's record
// gives the quotations, whose speaker mention is checked against the
// identity asked (any spelling, a surname, the user's merges).
#include <nlohmann/json.hpp>


#include "store/identity_matcher.h"
#include "store/search_plan.h"
#include "store/stored_records.h"
#include "veille/profile.h"
#include "veille/query.h"

namespace veille {

using nlohmann::json;
using store::IdentityMatcher;
using store::QuoteOf;
using store::RecordOf;
using store::RefOf;
using store::SpokenBy;

Result<FoundQuotes> FindQuotes(Store& store, const QuoteSearch& search,
                               const ProfileOptions& options) {
  std::optional<IdentityMatcher> who;
  std::string text = search.query;
  if (!search.speaker.empty()) {
    auto matcher = IdentityMatcher::For(store, search.speaker, options);
    if (!matcher.ok()) return matcher.status();
    who = std::move(*matcher);
    // The names index keeps every speaker of an article: speaker:.
    for (const std::string& n : who->names()) {
      std::string quoted;
      for (char c : n) {
        if (c != '"') quoted += c;
      }
      text += " speaker:\"" + quoted + "\"";
    }
  }
  if (text.find_first_not_of(' ') == std::string::npos) {
    return Status(StatusCode::kInvalidArgument, "name a speaker or give a query");
  }
  auto query = ParseQuery(text);
  if (!query.ok()) return query.status();
  FoundQuotes out;
  size_t seen = 0, wanted = search.offset + search.limit;
  // The articles a hundred at a time, in the archive's order (newest first
  // for a speaker alone, best first with words), until enough quotations:
  // the first page of a frequent speaker reads a few articles, not the
  // thousand the archive would list.
  constexpr size_t kArticlesAtOnce = 100;
  for (size_t offset = 0; offset < static_cast<size_t>(store::kCountCap); offset += kArticlesAtOnce) {
    auto found = store.Search(*query, {.limit = kArticlesAtOnce, .offset = offset, .snippets = false,
                                       .knowledge_base = options.knowledge_base});
    if (!found.ok()) return found.status();
    for (const SearchHit& hit : found->hits) {
      auto record = RecordOf(store, hit);
      if (!record.ok()) return record.status();
      if (!record->has_value()) continue;
      for (const json& q : (*record)->quotes) {
        if (who && !SpokenBy(q, *who)) continue;
        if (seen++ < search.offset) continue;
        if (seen > wanted) {
          out.more = true;
          return out;
        }
        out.quotes.push_back(QuoteOf(q, RefOf(hit)));
      }
    }
    if (found->hits.size() < kArticlesAtOnce) break;
  }
  return out;
}

}  // namespace veille
