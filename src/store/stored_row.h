// What the archive keeps of an analysed article, backend-independent.
#ifndef VEILLE_STORE_STORED_ROW_H_
#define VEILLE_STORE_STORED_ROW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// The columns of one archived article.
struct StoredRow {
  std::string id;
  Source source;
  std::string outlet, outlet_key, outlet_evidence;
  std::string language, language_key, script;  // the key: lower case, for facets
  double language_confidence = 0;
  std::string published, published_day;  // "" when unknown
  bool published_estimated = false;
  std::string title;  // clean text of the title
  // The analysable text: clean paragraphs and headings, one per line. This is
  // what is indexed; boilerplate and the title (indexed apart) are not in it.
  std::string body;
  std::string raw_zstd;     // the raw bytes, zstd-compressed
  std::string record_zstd;  // the veille.article/1 JSON record, compressed
  // Short blocks (candidates for an outlet's boilerplate): LineKey and text.
  std::vector<std::pair<uint64_t, std::string>> lines;
  // The names the article mentions, for entity: — each entity's text and a
  // person's surname alone as NameKey after "~" (every spelling of a name;
  // as EntityKey when it has no name key), and the ids of its identities
  // after "=". The speakers of its quotations the same, after "@"
  // (kSpeakerPrefix); the dates it talks about after "#" (kDatePrefix).
  // Distinct, sorted.
  std::vector<std::string> entity_keys;
};

// Before the names-index terms of a quotation's speaker: "@~lukaSenko".
inline constexpr std::string_view kSpeakerPrefix = "@";
// Before the names-index terms of a date the article talks about, at each
// of its year, month and day: "#2022", "#2022-01", "#2022-01-05".
inline constexpr std::string_view kDatePrefix = "#";

// The names-index terms of the dates a resolved time expression covers
// (kDatePrefix and the year, month or day); none for what is unresolved,
// a duration, a recurrence, a decade or a century.
std::vector<std::string> DateKeys(const TimeExpr& time);

// Per month, how many of the names lists (one per article, names one per
// line) hold its "#YYYY-MM" term: the most first (then by month), 50 at most.
std::vector<FacetCount> CountTalkedAboutMonths(const std::vector<std::string>& names_lists);

// The "#YYYY-MM" lines of a names text (NamesText), one per line: the
// months an article talks about, as the archive's facets keep them.
std::string MonthsTalkedAbout(std::string_view names);

StoredRow MakeStoredRow(const Article& article);

// How facet values (outlets, languages) are compared: lower case, so that
// outlet:"le monde" finds "Le Monde".
std::string FacetKey(std::string_view value);

// How names are compared for entity: — as facets are, with any run of
// spaces (no-break ones too) as one space and typographic apostrophes as ':
// "Kassym-Jomart  Tokayev" and "kassym-jomart tokayev" are one key.
std::string EntityKey(std::string_view name);

std::string Compress(std::string_view bytes);
Result<std::string> Decompress(std::string_view compressed);

}  // namespace veille::store

#endif  // VEILLE_STORE_STORED_ROW_H_
