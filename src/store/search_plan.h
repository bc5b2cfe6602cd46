// A parsed query turned into what the archives execute.
#ifndef VEILLE_STORE_SEARCH_PLAN_H_
#define VEILLE_STORE_SEARCH_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "veille/query.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// The text part of a query, with each term reduced to its index terms (the
// ones SearchTokenizer gives): a clause is a list of alternatives, each a
// sequence of terms that must follow each other (a phrase, or a word that
// the tokenizer splits, such as Kassym-Jomart).
struct PlannedAlternative {
  std::string text;                // as typed, for archives that tokenize themselves
  bool phrase = false;
  std::vector<std::string> terms;  // SearchTokenizer's terms of `text`
};

struct PlannedClause {
  std::vector<PlannedAlternative> any_of;
  bool excluded = false;
};

// Where counting matches (the total, the facets) stops: counting walks the
// index, and a frequent word has hundreds of thousands of matches.
inline constexpr int64_t kCountCap = 1000;
// How many of the most recent matches a text query ranks, at least: ranking
// costs in proportion to the matches ranked. The same as the count's, so
// that one walk of the index serves both.
inline constexpr int64_t kRankWindow = kCountCap;

struct SearchPlan {
  std::vector<PlannedClause> clauses;  // empty: facets only
  std::vector<std::string> outlet_keys;
  std::vector<std::string> languages;
  // Terms of the names index (stored_row.h): any of entity_keys, and any
  // of speaker_keys ("@" and the same terms).
  std::vector<std::string> entity_keys;
  std::vector<std::string> speaker_keys;
  // Any of the dates of when: ("#2022-01", kDatePrefix).
  std::vector<std::string> date_keys;
  std::string from, to;  // "" when open

  bool HasFacets() const {
    return !outlet_keys.empty() || !languages.empty() || !entity_keys.empty() ||
           !speaker_keys.empty() || !date_keys.empty() ||
           !from.empty() || !to.empty();
  }
};

// Fails when the query has nothing left to look for: no term with a word in
// it, and no facet.
Result<SearchPlan> PlanSearch(const Query& query, const SearchOptions& options);

// The snippet text with U+E000 … U+E001 around matches, as both archives
// produce it, turned into plain text and highlight ranges.
Snippet MarkedSnippet(const std::string& marked);

}  // namespace veille::store

#endif  // VEILLE_STORE_SEARCH_PLAN_H_
