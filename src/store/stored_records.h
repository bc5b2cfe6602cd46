// The records of stored articles, read for what the profiles show
// (include/veille/profile.h).
#ifndef VEILLE_STORE_STORED_RECORDS_H_
#define VEILLE_STORE_STORED_RECORDS_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "store/identity_matcher.h"
#include "veille/profile.h"
#include "veille/store.h"

namespace veille::store {

// A string member of a JSON object; "" when absent or not a string.
std::string Str(const nlohmann::json& object, const char* key);

ArticleRef RefOf(const SearchHit& hit);

// A quotation of a record (docs/SCHEMA.md), in `article`.
FoundQuote QuoteOf(const nlohmann::json& quote, const ArticleRef& article);

// What the profiles read of a record: its mentions, and its quotations.
struct RecordView {
  struct Mention {
    std::string text, type, entity, name;
  };
  std::vector<Mention> entities;
  nlohmann::json quotes = nlohmann::json::array();
};

// The mentions and quotations of a record (docs/SCHEMA.md). simdjson reads
// it, skipping its sentences, blocks and times, which are most of its
// bytes; the quotations, a few, are parsed whole. False for a record that
// is not a JSON object.
bool ReadRecordView(const std::string& record, RecordView& view);

// The stored record of a search hit: nullopt when the article is gone (a
// newer version replaced it meanwhile) or its record cannot be read.
Result<std::optional<RecordView>> RecordOf(Store& store, const SearchHit& hit);

// Whether a quotation's speaker is the identity.
bool SpokenBy(const nlohmann::json& quote, const IdentityMatcher& who);

}  // namespace veille::store

#endif  // VEILLE_STORE_STORED_RECORDS_H_
