#include "store/search_tokens.h"

#include <gtest/gtest.h>

namespace veille::store {
namespace {

std::string Terms(std::string_view text) {
  SearchTokenizer tokenizer;
  std::string out;
  tokenizer.Tokenize(text, [&](std::string_view term, uint32_t start, uint32_t end) {
    if (!out.empty()) out += ' ';
    out += std::string(term) + "@" + std::string(text.substr(start, end - start));
  });
  return out;
}

TEST(SearchTokensTest, OneTermForTheFormsOfAWord) {
  SearchTokenizer t;
  EXPECT_EQ(t.Term("manifester"), t.Term("manifestants"));
  EXPECT_EQ(t.Term("manifester"), t.Term("manifestation"));
  EXPECT_EQ(t.Term("manifester"), t.Term("Manifestations"));
  EXPECT_EQ(t.Term("état"), t.Term("Etat"));
  EXPECT_EQ(t.Term("état"), t.Term("ÉTATS"));
  EXPECT_EQ(t.Term("l'état"), t.Term("état"));
  EXPECT_EQ(t.Term("l’état"), t.Term("état"));  // as typed in a query
  EXPECT_EQ(t.Term("jusqu'à"), t.Term("à"));
  EXPECT_NE(t.Term("aujourd'hui"), t.Term("hui"));
  EXPECT_NE(t.Term("manifester"), t.Term("manger"));
  EXPECT_EQ(t.Term("Лукашенко"), "лукашенко");  // other scripts: folded only
  EXPECT_EQ(t.Term(std::string(100, 'a')), "");   // too long to be a word
  EXPECT_EQ(t.Term("Le"), "");                     // stop words are no terms
  EXPECT_EQ(t.Term("été"), "");
  EXPECT_EQ(t.Term("d'"), "");
  std::string first(t.Term("manifester"));
  EXPECT_EQ(first, t.Term("manifester")) << "the cache gives the same";
}

TEST(SearchTokensTest, OffsetsPointAtTheWords) {
  EXPECT_EQ(Terms("L'État, 2022 !"), "etat@L'État 2022@2022");
  EXPECT_EQ(Terms("la nuit du 6"), "nuit@nuit 6@6");
  EXPECT_EQ(Terms("3,5 % du PIB. Fin."), "3,5@3,5 pib@PIB fin@Fin");
  EXPECT_EQ(Terms("aujourd’hui"), "aujourd'hui@aujourd’hui");
  EXPECT_EQ(Terms("他来了"), "他@他 来@来 了@了");
  EXPECT_EQ(Terms("« Kassym-Jomart »"), "kassym@Kassym jomart@Jomart");
  EXPECT_EQ(Terms(""), "");
}

}  // namespace
}  // namespace veille::store
