// The search query language of `veille search` and the API.
#ifndef VEILLE_QUERY_H_
#define VEILLE_QUERY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// A word or a "quoted phrase", as typed.
struct QueryTerm {
  std::string text;
  bool phrase = false;
};

// Terms joined by OR: one of them must match. An excluded clause (-word) has
// exactly one term, which must not match.
struct QueryClause {
  std::vector<QueryTerm> any_of;
  bool excluded = false;
};

// Syntax (docs/SEARCH.md):
//   manifestation             a word (stemmed: finds manifester, manifestants)
//   "état d'urgence"          a phrase, word for word in that order
//   -police                   excluded (also -"a phrase")
//   gaz OR pétrole            either; OR binds tighter than the implicit AND
//   outlet:News-Front         facets; quote values with spaces: outlet:"Le Monde"
//   lang:fr
//   from:2022-01 to:2022-01-31   dates: YYYY, YYYY-MM or YYYY-MM-DD, inclusive
//   entity:Tokayev            articles naming it (a person also by surname)
//   speaker:Tokayev           articles quoting it (the quotes stage's speakers)
//   when:2022-01              articles talking about that year, month or day
//                             (the times stage's dates, not the publication's)
// Several values of one facet are alternatives (outlet:a outlet:b).
struct Query {
  std::vector<QueryClause> clauses;  // all must hold
  std::vector<std::string> outlets;  // any of, compared case-insensitively
  std::vector<std::string> languages;
  std::vector<std::string> entities;  // any of, compared as facet keys
  std::vector<std::string> speakers;  // any of, as entities
  std::vector<std::string> talked_about;  // when: any of, YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<std::string> from;   // first day, YYYY-MM-DD
  std::optional<std::string> to;     // last day, YYYY-MM-DD

  bool HasText() const;  // at least one clause that is not excluded
};

// Parses a query. A malformed one gets an invalid_argument status whose
// message names the problem and its position (1-based, in characters):
// "at 12: unclosed quote".
Result<Query> ParseQuery(std::string_view text);

}  // namespace veille

#endif  // VEILLE_QUERY_H_
