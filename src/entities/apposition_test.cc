#include "entities/apposition.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace veille::entities {
namespace {

struct Case {
  std::vector<std::string> words;
  std::vector<Mention> mentions;
};

std::vector<Mention> Split(Case c, const Gazetteer& gazetteer) {
  std::vector<DocumentSentence> document(1);
  for (const std::string& w : c.words) document[0].tokens.push_back(w);
  document[0].mentions = c.mentions;
  SplitPlaceAppositions(document, gazetteer);
  return document[0].mentions;
}

Mention M(uint32_t first, uint32_t end, EntityType type) {
  Mention m;
  m.first = first;
  m.end = end;
  m.type = type;
  return m;
}

bool operator==(const Mention& a, const Mention& b) {
  return a.first == b.first && a.end == b.end && a.type == b.type;
}

TEST(AppositionTest, APlaceAndThePersonAfterIt) {
  Gazetteer g;
  g.Add("Kazakhstan", GazetteerList::kCountry);
  g.Add("Côte d'Ivoire", GazetteerList::kCountry);
  g.Add("Jean", GazetteerList::kFirstName);
  const auto loc = EntityType::kLocation, per = EntityType::kPerson;
  // "du Kazakhstan Kassym-Jomart ) Tokayev": split, a person follows.
  EXPECT_EQ(Split({{"du", "Kazakhstan", "Kassym-Jomart", ")", "Tokayev"}, {M(1, 3, loc), M(4, 5, per)}}, g),
            (std::vector<Mention>{M(1, 2, loc), M(2, 3, per), M(4, 5, per)}));
  // "du Kazakhstan Jean Martin": a first name.
  EXPECT_EQ(Split({{"du", "Kazakhstan", "Jean", "Martin"}, {M(1, 4, loc)}}, g),
            (std::vector<Mention>{M(1, 2, loc), M(2, 4, per)}));
  // The place's own name goes on: no split.
  EXPECT_EQ(Split({{"Côte", "d'Ivoire", ",", "Ouattara"}, {M(0, 2, loc), M(3, 4, per)}}, g),
            (std::vector<Mention>{M(0, 2, loc), M(3, 4, per)}));
  // Nothing says a person: no split ("Kazakhstan Temir Zholy", a railway).
  EXPECT_EQ(Split({{"Kazakhstan", "Temir", "Zholy"}, {M(0, 3, loc)}}, g),
            (std::vector<Mention>{M(0, 3, loc)}));
  // Lower case after the place: not a name.
  EXPECT_EQ(Split({{"Kazakhstan", "occidental", "Tokayev"}, {M(0, 2, loc), M(2, 3, per)}}, g),
            (std::vector<Mention>{M(0, 2, loc), M(2, 3, per)}));
}

}  // namespace
}  // namespace veille::entities
