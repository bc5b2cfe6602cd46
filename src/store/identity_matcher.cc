#include "store/identity_matcher.h"

#include "veille/identity.h"

namespace veille {

Result<std::optional<KbMatch>> BestKnownThing(const std::string& knowledge_base,
                                              const std::string& name) {
  if (knowledge_base == "none") return std::optional<KbMatch>();
  auto matches = LookUpName(
      knowledge_base.empty() ? DefaultKnowledgeBasePath() : knowledge_base, name);
  if (!matches.ok()) {
    if (!knowledge_base.empty()) return matches.status();
    return std::optional<KbMatch>();  // the default one is not built: names only
  }
  for (const KbMatch& m : *matches) {
    if (m.kind != "title") return std::optional<KbMatch>(m);
  }
  return std::optional<KbMatch>();
}

namespace store {

std::string LastWord(const std::string& text) {
  size_t space = text.find_last_of(' ');
  return space == std::string::npos ? text : text.substr(space + 1);
}

Result<IdentityMatcher> IdentityMatcher::For(Store& store, const std::string& name,
                                             const ProfileOptions& options) {
  IdentityMatcher m;
  if (NameKey(name).empty()) {
    return Status(StatusCode::kInvalidArgument, "\"" + name + "\" has no letters to look for");
  }
  auto decisions = store.IdentityDecisions();
  if (!decisions.ok()) return decisions.status();
  m.names_ = {name};
  m.keys_ = {NameKey(name)};
  // The user's merges, transitively.
  for (bool grew = true; grew;) {
    grew = false;
    for (const IdentityDecision& d : *decisions) {
      if (d.kind != "merge") continue;
      bool has_a = m.keys_.contains(NameKey(d.a)), has_b = m.keys_.contains(NameKey(d.b));
      if (has_a == has_b) continue;
      const std::string& other = has_a ? d.b : d.a;
      m.names_.push_back(other);
      m.keys_.insert(NameKey(other));
      grew = true;
    }
  }
  // A split is of one spelling as written: "Alexandre Lukashenko" may be
  // someone else while "Alexandre Loukachenko", same key, is not.
  for (const IdentityDecision& d : *decisions) {
    if (d.kind == "split" && m.keys_.contains(NameKey(d.a))) m.split_.insert(d.b);
  }
  m.keys_.erase("");
  // What the knowledge base knows the names as: their mentions carry its id.
  for (const std::string& n : m.names_) {
    auto known = BestKnownThing(options.knowledge_base, n);
    if (!known.ok()) return known.status();
    if (!known->has_value()) continue;
    m.ids_.insert((*known)->id);
    if (!m.known_) m.known_ = *known;
  }
  // A full name's surname alone names the person too ("Loukachenka" for
  // "Alexandre Loukachenko"), not another full name that ends with it
  // ("Viktor Loukachenko"); a surname asked alone names every full name
  // that ends with it.
  for (const std::string& n : m.names_) {
    std::string last = LastWord(n);
    if (last != n && !NameKey(last).empty()) {
      m.surnames_.insert(NameKey(last));
    } else {
      m.asked_surnames_.insert(NameKey(n));
    }
  }
  return m;
}

std::vector<std::string> IdentityMatcher::SearchNames() const {
  std::vector<std::string> out = names_;
  for (const std::string& n : names_) {
    std::string last = LastWord(n);
    if (last != n && !NameKey(last).empty()) out.push_back(last);
  }
  return out;
}

const std::string& IdentityMatcher::KeyOf(const std::string& name) const {
  auto it = keys_of_.find(name);
  if (it == keys_of_.end()) it = keys_of_.emplace(name, NameKey(name)).first;
  return it->second;
}

bool IdentityMatcher::Names(const std::string& text, const std::string& type,
                            const std::string& entity, const std::string& entity_name) const {
  if (split_.contains(text)) return false;
  if (!entity.empty() && ids_.contains(entity)) return true;
  const std::string& key = KeyOf(text);
  if (keys_.contains(key)) return true;
  // A speaker (whose type is not written) named through the identity the
  // article joined it to: "le président" for Loukachenko.
  if (type.empty() && keys_.contains(KeyOf(entity_name))) return true;
  // A speaker's type is not written: its identity's prefix says it.
  bool person = type == "PER" || (type.empty() && entity.starts_with("per:"));
  if (!person) return false;
  bool one_word = text.find(' ') == std::string::npos;
  return (one_word && surnames_.contains(key)) ||
         asked_surnames_.contains(KeyOf(LastWord(text))) ||
         keys_.contains(KeyOf(entity_name));
}

}  // namespace store
}  // namespace veille
