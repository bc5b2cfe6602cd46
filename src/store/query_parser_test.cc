#include <gtest/gtest.h>

#include "veille/query.h"

namespace veille {
namespace {

// A compact dump: clauses as words, phrases in "", OR groups joined by |,
// exclusions with -, then facets.
std::string Dump(std::string_view text) {
  Result<Query> query = ParseQuery(text);
  if (!query.ok()) return "error " + query.status().message();
  std::string out;
  for (const QueryClause& clause : query->clauses) {
    if (!out.empty()) out += ' ';
    if (clause.excluded) out += '-';
    for (size_t i = 0; i < clause.any_of.size(); ++i) {
      if (i) out += '|';
      const QueryTerm& t = clause.any_of[i];
      out += t.phrase ? "\"" + t.text + "\"" : t.text;
    }
  }
  for (const auto& o : query->outlets) out += " outlet=" + o;
  for (const auto& l : query->languages) out += " lang=" + l;
  for (const auto& e : query->entities) out += " entity=" + e;
  for (const auto& s : query->speakers) out += " speaker=" + s;
  for (const auto& w : query->talked_about) out += " when=" + w;
  if (query->from) out += " from=" + *query->from;
  if (query->to) out += " to=" + *query->to;
  return out;
}

TEST(QueryParserTest, Golden) {
  EXPECT_EQ(Dump("manifestation"), "manifestation");
  EXPECT_EQ(Dump("  état   d'urgence "), "état d'urgence");
  EXPECT_EQ(Dump("\"état d'urgence\" -police"), "\"état d'urgence\" -police");
  EXPECT_EQ(Dump("gaz OR pétrole prix"), "gaz|pétrole prix");
  EXPECT_EQ(Dump("a OR b OR \"c d\""), "a|b|\"c d\"");
  EXPECT_EQ(Dump("Tokayev outlet:News-Front outlet:\"Le Monde\" lang:fr"),
            "Tokayev outlet=News-Front outlet=Le Monde lang=fr");
  EXPECT_EQ(Dump("from:2022 to:2022"), " from=2022-01-01 to=2022-12-31");
  EXPECT_EQ(Dump("x speaker:Lukashenko speaker:\"Kassym-Jomart Tokayev\" entity:OTSC"),
            "x entity=OTSC speaker=Lukashenko speaker=Kassym-Jomart Tokayev");
  EXPECT_EQ(Dump("from:2024-02 to:2024-02"), " from=2024-02-01 to=2024-02-29");
  EXPECT_EQ(Dump("x from:2022-01-06"), "x from=2022-01-06");
  EXPECT_EQ(Dump("or Or OR-ing"), "or Or OR-ing");  // only a lone upper-case OR
  EXPECT_EQ(Dump("12:30 source:x"), "12:30 source:x");  // not facets
  EXPECT_EQ(Dump("-\"la police\" mot"), "-\"la police\" mot");
}

TEST(QueryParserTest, ErrorsNameTheProblemAndItsPosition) {
  EXPECT_EQ(Dump("\"état d'urgence"), "error at 1: unclosed quote");
  EXPECT_EQ(Dump("éé \"x"), "error at 4: unclosed quote");  // characters, not bytes
  EXPECT_EQ(Dump("OR gaz"), "error at 1: OR needs a word or phrase before it");
  EXPECT_EQ(Dump("gaz OR"), "error at 5: OR needs a word or phrase after it");
  EXPECT_EQ(Dump("gaz OR OR x"), "error at 8: OR needs a word or phrase before it");
  EXPECT_EQ(Dump("-police"), "error at 1: a query cannot only exclude: add a word to search for");
  EXPECT_EQ(Dump("x from:hier"),
            "error at 3: from: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"hier\"");
  EXPECT_EQ(Dump("x to:2022-02-30"),
            "error at 3: to: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"2022-02-30\"");
  EXPECT_EQ(Dump("x when:2022 when:2022-01-05"), "x when=2022 when=2022-01-05");
  EXPECT_EQ(Dump("x when:janvier"),
            "error at 3: when: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"janvier\"");
  EXPECT_EQ(Dump("from:2023 to:2022"), "error at 1: from: is after to:");
  EXPECT_EQ(Dump("outlet:\"Le Monde"), "error at 8: unclosed quote");
  EXPECT_EQ(Dump("x \"\""), "error at 3: empty phrase");
  EXPECT_EQ(Dump("x speaker:"), "error at 3: the facet has no value");
  EXPECT_EQ(Dump(std::string(5000, 'a')), "error at 1: the query is longer than 4096 bytes");
}

}  // namespace
}  // namespace veille
