// One name, one type, within a document. The tagger decides sentence by
// sentence; a name it recognised in one sentence ("le président kazakh
// Kassym-Jomart Tokayev") is often missed or mistyped in another ("avec
// Tokayev", "l'appel de Tokayev"), where the context says less. Taking the
// document's majority type for each name, and each person's surname as
// that person, recovers most of them (the "one sense per discourse" of
// Krishnan and Manning, 2006).
#ifndef VEILLE_ENTITIES_MENTION_CONSISTENCY_H_
#define VEILLE_ENTITIES_MENTION_CONSISTENCY_H_

#include <span>
#include <string_view>
#include <vector>

#include "entities/tagged_corpus.h"

namespace veille::entities {

struct DocumentSentence {
  std::vector<std::string_view> tokens;
  std::vector<Mention> mentions;  // in token order, not overlapping
};

// Relabels each name to its majority type in the document, and adds the
// capitalised, untagged occurrences of the people's names and surnames.
// Mentions stay sorted and never overlap.
void MakeMentionsConsistent(std::span<DocumentSentence> document);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_MENTION_CONSISTENCY_H_
