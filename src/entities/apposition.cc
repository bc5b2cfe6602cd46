#include "entities/apposition.h"

#include <vector>

namespace veille::entities {
namespace {

bool Starts(GazetteerHits hits, GazetteerList list) {
  return (hits >> (2 * static_cast<int>(list))) & 1;
}
bool GoesOn(GazetteerHits hits, GazetteerList list) {
  return (hits >> (2 * static_cast<int>(list) + 1)) & 1;
}

bool IsPunctuationBetweenNames(std::string_view token) {
  return token == ")" || token == "(" || token == "," || token == "]";
}

}  // namespace

void SplitPlaceAppositions(std::span<DocumentSentence> document, const Gazetteer& gazetteer) {
  std::vector<TokenText> texts;
  std::vector<GazetteerHits> hits;
  for (DocumentSentence& sentence : document) {
    bool candidate = false;
    for (const Mention& m : sentence.mentions) {
      candidate |= m.type == EntityType::kLocation && m.end - m.first >= 2;
    }
    if (!candidate) continue;
    texts.resize(sentence.tokens.size());
    for (size_t i = 0; i < sentence.tokens.size(); ++i) ReadTokenText(sentence.tokens[i], texts[i]);
    gazetteer.Match(texts, hits);
    std::vector<Mention> out;
    for (size_t n = 0; n < sentence.mentions.size(); ++n) {
      const Mention& m = sentence.mentions[n];
      out.push_back(m);
      if (m.type != EntityType::kLocation || m.end - m.first < 2) continue;
      GazetteerHits first = hits[m.first];
      if (!Starts(first, GazetteerList::kCountry) && !Starts(first, GazetteerList::kPlace)) continue;
      // Where the place's name stops: the first token no place or country
      // name goes on through.
      uint32_t split = m.first + 1;
      while (split < m.end && (GoesOn(hits[split], GazetteerList::kCountry) ||
                               GoesOn(hits[split], GazetteerList::kPlace))) {
        ++split;
      }
      if (split == m.end || !texts[split].capitalised) continue;
      // A person: a first name, or a person's mention right after.
      uint32_t next = m.end;
      while (next < sentence.tokens.size() && IsPunctuationBetweenNames(sentence.tokens[next])) ++next;
      bool person_follows = n + 1 < sentence.mentions.size() &&
                            sentence.mentions[n + 1].first == next &&
                            sentence.mentions[n + 1].type == EntityType::kPerson;
      if (!person_follows && !Starts(hits[split], GazetteerList::kFirstName)) continue;
      out.back().end = split;
      Mention person = m;
      person.first = split;
      person.type = EntityType::kPerson;
      out.push_back(person);
    }
    sentence.mentions = std::move(out);
  }
}

}  // namespace veille::entities
