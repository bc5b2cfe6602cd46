#include "kb/kb_resolver.h"

#include <optional>
#include <string>
#include <unordered_map>


namespace veille::kb {
namespace {

// "kb alias 'Alma-Ata' (GeoNames)"; "kb name 'Kazakhstan' (iso-codes, en)";
// "… transliterated by iuliia mvd_310_fr".
std::string Evidence(const KbName& name, const KbEntity& entity) {
  std::string why = std::string(name.name == entity.canonical ? "kb name '" : "kb alias '") +
                    std::string(name.name) + "' (" + std::string(name.source);
  if (!name.lang.empty()) why += ", " + std::string(name.lang);
  why += ")";
  if (!name.via.empty()) why += ", transliterated by iuliia " + std::string(name.via);
  return why;
}

}  // namespace

void ResolveInKnowledgeBase(const KnowledgeBase& kb,
                            const std::vector<entities::LinkMention>& mentions,
                            entities::LinkResult& linked) {
  // 1. Each mention's own match, and each identity's best one.
  std::vector<std::optional<KbNameRef>> match(mentions.size());
  std::vector<std::optional<KbNameRef>> best(linked.identities.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    int32_t identity = linked.identity[i];
    if (identity < 0) continue;
    EntityType type = linked.identities[identity].type;
    if (type != EntityType::kLocation && type != EntityType::kOrganization) continue;
    match[i] = kb.Best(linked.key[i], type, mentions[i].text);
    if (!match[i]) continue;
    std::optional<KbNameRef>& b = best[identity];
    if (!b || KnowledgeBase::Weight(kb.entity(match[i]->entity)) >
                  KnowledgeBase::Weight(kb.entity(b->entity))) {
      b = match[i];
    }
  }
  // 2. Identities that name one thing become one: the first keeps it.
  std::unordered_map<uint32_t, int32_t> identity_of_thing;
  std::vector<int32_t> merged_into(linked.identities.size());
  std::vector<Identity> kept;
  for (size_t k = 0; k < linked.identities.size(); ++k) {
    if (best[k]) {
      auto [it, fresh] = identity_of_thing.emplace(best[k]->entity, static_cast<int32_t>(kept.size()));
      if (!fresh) {
        merged_into[k] = it->second;
        continue;
      }
      KbEntity thing = kb.entity(best[k]->entity);
      Identity identity = linked.identities[k];
      identity.id = std::string(thing.id);
      identity.name = std::string(thing.canonical);
      kept.push_back(std::move(identity));
    } else {
      kept.push_back(std::move(linked.identities[k]));
    }
    merged_into[k] = static_cast<int32_t>(kept.size()) - 1;
  }
  linked.identities = std::move(kept);
  // 3. Mentions follow their identity; a known name is its own evidence.
  for (size_t i = 0; i < mentions.size(); ++i) {
    int32_t& identity = linked.identity[i];
    if (identity < 0) continue;
    identity = merged_into[identity];
    if (!match[i] || mentions[i].adjective) continue;
    KbEntity thing = kb.entity(match[i]->entity);
    if (thing.id != linked.identities[identity].id) continue;
    linked.why[i] = Evidence(kb.Name(*match[i]), thing);
  }
}

}  // namespace veille::kb
