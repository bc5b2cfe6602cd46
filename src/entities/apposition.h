// A place and the name that follows it, taken by the tagger for one name:
// "le président du Kazakhstan Kassym-Jomart (Tokayev)" gives the mention
// "Kazakhstan Kassym-Jomart", a place. French sets a title's country and the
// holder's name side by side, often without a comma, and the tagger, which
// knows "Kazakhstan" starts a place, runs on. The mention is split where
// the place's name ends (the gazetteers say where: "Kassym-Jomart" goes on
// no place or country name), when what is left is a person: a first name,
// or a name a person's mention follows, across a parenthesis or a comma.
#ifndef VEILLE_ENTITIES_APPOSITION_H_
#define VEILLE_ENTITIES_APPOSITION_H_

#include <span>

#include "entities/gazetteer.h"
#include "entities/mention_consistency.h"

namespace veille::entities {

void SplitPlaceAppositions(std::span<DocumentSentence> document, const Gazetteer& gazetteer);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_APPOSITION_H_
