// The `identities` stage: which of an article's mentions name the same
// person, place or organisation, and why.
//
// Within one article:
// - a person's surname, or a variant of it, joins the full name
//   ("Tokayev", "Loukachenka" → "Alexandre Loukachenko");
// - spellings with one name key join (name_key.h: "Kassym-Jomart Tokayev"
//   and "Kassym-Zhomart Tokayev");
// - an acronym joins the organisation whose initials it is ("OTSC" →
//   "Organisation du traité de sécurité collective");
// - an adjective or demonym of a place links to the place ("biélorusse",
//   "les Kazakhs"), and is a place, not a person.
// Then each group takes the id and canonical name of the thing the
// knowledge base knows it as, if any (kb/kb_resolver.h).
// Every link says its rule and evidence in Entity::why.
//
// Thread-safe: the demonym table is immutable.
#ifndef VEILLE_ENTITIES_IDENTITY_LINKER_H_
#define VEILLE_ENTITIES_IDENTITY_LINKER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/knowledge_base.h"
#include "veille/options.h"
#include "veille/pipeline.h"

namespace veille::entities {

// The linking itself, on mention texts: for the stage, and for scoring on
// gold mentions (veille eval resolve).
struct LinkMention {
  std::string text;  // for an adjective, the place it names
  EntityType type = EntityType::kMisc;
  bool adjective = false;
};
struct LinkResult {
  std::vector<int32_t> identity;  // per mention, into `identities`
  std::vector<std::string> why;   // per mention; empty for a group's first
  std::vector<std::string> key;   // per mention, NameKey of its text
  std::vector<Identity> identities;
};
LinkResult LinkMentions(const std::vector<LinkMention>& mentions);

// The id of an identity the article names, before the knowledge base gives
// it one: its type and the name key of its fullest name, "per:aleksandre-lukasenko".
std::string IdentityId(EntityType type, const std::string& name);

// The forms of a French adjective of place (masculine singular) that
// demonyms-fr.tsv does not list: feminine and plural. kazakh → kazakhe,
// kazakhs, kazakhes; canadien → canadienne(s). The word itself included.
std::vector<std::string> AdjectiveForms(const std::string& word);

// data/gazetteers/demonyms-fr.tsv of the source tree veille was built from.
std::string DefaultDemonymsPath();

// The knowledge base Options::knowledge_base asks for, shared; null for
// "none", and for the default one when it has not been built (with a note
// on standard error, once per process).
Result<std::shared_ptr<const kb::KnowledgeBase>> KnowledgeBaseOf(const Options& options);

class IdentityLinker final : public Stage {
 public:
  // Null when entities are off (Options::tagger_model "none"). Reads the
  // demonym table: lines "adjective<TAB>place", "#" comments.
  static Result<std::unique_ptr<IdentityLinker>> Create(const Options& options);
  std::string_view name() const override { return "identities"; }
  Status Run(Article& article) const override;

 private:
  IdentityLinker() = default;
  // Every form (feminine, plural) of each adjective → its place.
  std::unordered_map<std::string, std::string> places_;
  std::shared_ptr<const kb::KnowledgeBase> kb_;  // may be null
};

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_IDENTITY_LINKER_H_
