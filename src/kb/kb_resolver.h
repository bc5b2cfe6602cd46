// The last step of the identities stage: the thing in the knowledge base
// each group of an article's mentions names. A group takes the knowledge
// base's id and canonical name ("Alma-Ata" → geonames:1526384, Almaty;
// "OTSC" → organisation:csto) when one of its mentions is a known name of
// a thing of its type (LOC: countries, regions, towns; ORG: organisations);
// of several such things the heaviest wins (KnowledgeBase::Weight). Groups
// that name one thing become one ("OTSC" and "CSTO"). Persons are not in
// the knowledge base: their identities are the article's.
#ifndef VEILLE_KB_KB_RESOLVER_H_
#define VEILLE_KB_KB_RESOLVER_H_

#include <vector>

#include "entities/identity_linker.h"
#include "kb/knowledge_base.h"

namespace veille::kb {

// Updates `linked` (LinkMentions' result for `mentions`) in place: the ids
// and names of identities found in `kb`, groups merged, and each mention
// that is a known name says so in its `why` ("kb alias 'Alma-Ata'
// (GeoNames)").
void ResolveInKnowledgeBase(const KnowledgeBase& kb,
                            const std::vector<entities::LinkMention>& mentions,
                            entities::LinkResult& linked);

}  // namespace veille::kb

#endif  // VEILLE_KB_KB_RESOLVER_H_
