// ProfileEntity: the archive read through one identity. The names index
// finds its articles (the 1,000 most recent); each one's record gives the
// mentions, the quotations and the other names.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "store/identity_matcher.h"
#include "store/search_plan.h"
#include "store/stored_records.h"
#include "veille/identity.h"
#include "veille/profile.h"
#include "veille/query.h"

namespace veille {
namespace {

using nlohmann::json;
using store::IdentityMatcher;
using store::QuoteOf;
using store::RecordOf;
using store::RecordView;
using store::RefOf;
using store::SpokenBy;

template <typename Map>
std::vector<CountedValue> MostFirst(const Map& counts) {
  std::vector<CountedValue> out;
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.count > b.count; });
  return out;
}

}  // namespace

Result<EntityProfile> ProfileEntity(Store& store, const std::string& name,
                                    const ProfileOptions& options) {
  auto matcher = IdentityMatcher::For(store, name, options);
  if (!matcher.ok()) return matcher.status();
  const IdentityMatcher& who = *matcher;
  EntityProfile profile;
  profile.names_asked = who.names();

  Query query;
  query.entities = who.SearchNames();
  auto found = store.Search(query, {.limit = store::kCountCap, .snippets = false,
                                    .knowledge_base = options.knowledge_base});
  if (!found.ok()) return found.status();
  profile.articles_exact = found->total_exact;

  std::map<std::string, uint64_t> spellings, months, outlets, types;
  struct Other {
    std::string name, type;
    uint64_t articles = 0;
  };
  std::map<std::string, Other> others;
  for (const SearchHit& hit : found->hits) {
    auto record = RecordOf(store, hit);
    if (!record.ok()) return record.status();
    if (!record->has_value()) continue;
    const RecordView& view = **record;
    uint64_t here = 0;
    std::map<std::string_view, const RecordView::Mention*> named_here;
    for (const RecordView::Mention& e : view.entities) {
      if (!who.Names(e.text, e.type, e.entity, e.name)) {
        if (!e.entity.empty()) named_here.emplace(e.entity, &e);
        continue;
      }
      ++spellings[e.text];
      ++types[e.type];
      ++here;
    }
    if (here == 0) continue;
    profile.mentions += here;
    std::string outlet = hit.outlet.empty() ? "(unknown)" : hit.outlet;
    ++outlets[outlet];
    ++months[hit.published.size() >= 7 ? hit.published.substr(0, 7) : "(undated)"];
    ArticleRef ref = RefOf(hit);
    profile.articles.push_back(ref);
    for (const auto& [id, e] : named_here) {
      Other& other = others[std::string(id)];
      if (other.name.empty()) {
        other.name = e->name.empty() ? e->text : e->name;
        other.type = e->type;
      }
      ++other.articles;
    }
    for (const json& q : view.quotes) {
      if (SpokenBy(q, who)) profile.quotes.push_back(QuoteOf(q, ref));
    }
  }

  profile.type = types.empty() ? ""
                               : std::max_element(types.begin(), types.end(), [](auto& a, auto& b) {
                                   return a.second < b.second;
                                 })->first;
  // The identity: the knowledge base's thing, else the fullest spelling.
  if (who.known()) {
    profile.entity = who.known()->id;
    profile.name = who.known()->canonical;
    profile.kind = who.known()->kind;
  } else {
    std::pair<size_t, uint64_t> best{0, 0};
    for (const auto& [spelling, count] : spellings) {
      size_t words = std::count(spelling.begin(), spelling.end(), ' ') + 1;
      if (std::pair(words, count) > best) {
        best = {words, count};
        profile.name = spelling;
      }
    }
    if (profile.name.empty()) profile.name = name;
    // As the identities stage names an article's identities.
    const std::string& t = profile.type;
    profile.entity = IdentityId(t == "PER"   ? EntityType::kPerson
                                : t == "LOC" ? EntityType::kLocation
                                : t == "ORG" ? EntityType::kOrganization
                                             : EntityType::kMisc,
                                profile.name);
  }
  others.erase(profile.entity);
  profile.spellings = MostFirst(spellings);
  for (const auto& [month, count] : months) profile.months.push_back({month, count});
  profile.outlets = MostFirst(outlets);
  for (const auto& [id, other] : others) {
    profile.co_occurring.push_back({id, other.name, other.type, other.articles});
  }
  std::stable_sort(profile.co_occurring.begin(), profile.co_occurring.end(),
                   [](auto& a, auto& b) { return a.articles > b.articles; });
  if (profile.co_occurring.size() > 50) profile.co_occurring.resize(50);
  return profile;
}

}  // namespace veille
