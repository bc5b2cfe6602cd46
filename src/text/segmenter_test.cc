#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace veille::text {
namespace {

class SegmenterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Segmenter::Create(Options{});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    segmenter_ = std::move(created).value();
  }

  // Tokens joined by "|", sentences by " / ".
  std::string Dump(std::string_view text) {
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    segmenter_->Segment(text, &sentences, &tokens);
    std::string out;
    for (const Sentence& s : sentences) {
      if (!out.empty()) out += " / ";
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        if (t != s.first_token) out += '|';
        out += text.substr(tokens[t].clean.start, tokens[t].clean.size());
      }
    }
    return out;
  }

  std::unique_ptr<Segmenter> segmenter_;
};

// The French rules of issue 2, as a golden table: input → tokens/sentences.
TEST_F(SegmenterTest, FrenchGoldenTable) {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      // Elision, including capitals and the long forms; aujourd'hui is a word.
      {"L'état d'urgence.", "L'|état|d'|urgence|."},
      {"Jusqu'à aujourd'hui, qu'il dit.", "Jusqu'|à|aujourd'hui|,|qu'|il|dit|."},
      {"lorsqu'elle puisqu'on s'en c'est j'ai m'a n'est t'as",
       "lorsqu'|elle|puisqu'|on|s'|en|c'|est|j'|ai|m'|a|n'|est|t'|as"},
      {"presqu'île quelqu'un", "presqu'île|quelqu'un"},
      // Titles and initials do not end a sentence.
      {"M. Dupont et Mme Durand arrivent.", "M.|Dupont|et|Mme|Durand|arrivent|."},
      {"Selon Dr. House. Il part.", "Selon|Dr.|House|. / Il|part|."},
      {"J. Martin est venu.", "J.|Martin|est|venu|."},
      {"En 52 av. J.-C. la guerre.", "En|52|av.|J.-C.|la|guerre|."},
      {"Des pommes, des poires, etc. Le reste.", "Des|pommes|,|des|poires|,|etc. / Le|reste|."},
      // Guillemets and the space before » : ; ! ?
      {"« Bonjour. » Et voilà.", "«|Bonjour|.|» / Et|voilà|."},
      {"« Qui êtes-vous ? » demanda-t-il.", "«|Qui|êtes-vous|?|»|demanda-t-il|."},
      {"Il a dit : « non » !", "Il|a|dit|:|«|non|»|!"},
      // Straight quotes close a sentence only when attached to it.
      {"Il part. \"Bonjour\" dit-il.", "Il|part|. / \"|Bonjour|\"|dit-il|."},
      {"Il a dit \"non.\" Puis rien.", "Il|a|dit|\"|non|.|\" / Puis|rien|."},
      // Dotted acronyms keep their final period.
      {"L'O.N.U. a voté. Puis.", "L'|O.N.U.|a|voté|. / Puis|."},
      // Ellipses.
      {"Tokayev.. Vous devez.", "Tokayev|.. / Vous|devez|."},
      {"Et puis... Rien.", "Et|puis|... / Rien|."},
      // Numbers: grouped thousands, decimals, lists of days.
      {"Il y a 1 000,5 km.", "Il|y|a|1 000,5|km|."},
      {"Soit 12 500 000 habitants.", "Soit|12 500 000|habitants|."},
      {"les 4 et 5 janvier 2022", "les|4|et|5|janvier|2022"},
      {"en 2021 500 personnes", "en|2021|500|personnes"},
      // Hyphenated names and inversions are one token.
      {"A Alma-Ata, a-t-on appris.", "A|Alma-Ata|,|a-t-on|appris|."},
      {"Kassym-Jomart Tokayev", "Kassym-Jomart|Tokayev"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Dump(c.text), c.expected) << "input: " << c.text;
  }
}

TEST_F(SegmenterTest, TokenKinds) {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::string text = "L'OTSC a 3 000 hommes, M. X. 😀";
  segmenter_->Segment(text, &sentences, &tokens);
  std::string kinds;
  for (const Token& t : tokens) {
    kinds += std::string(TokenKindName(t.kind)).substr(0, 3) + " ";
  }
  EXPECT_EQ(kinds, "eli wor wor num wor pun abb abb sym ");
}

TEST_F(SegmenterTest, OtherScriptsStillSegment) {
  EXPECT_EQ(Dump("Лукашенко выступил. Протесты продолжаются."),
            "Лукашенко|выступил|. / Протесты|продолжаются|.");
  // ICU's dictionary decides the Chinese words; the sentences are ours to check.
  std::string chinese = Dump("他来了。她走了。");
  EXPECT_EQ(chinese.substr(chinese.find(" / ")), " / 她|走了|。");
}

TEST_F(SegmenterTest, LongSentencesAreCutToTheBudget) {
  Options options;
  options.max_sentence_tokens = 10;
  auto created = Segmenter::Create(options);
  ASSERT_TRUE(created.ok());
  std::string text;
  for (int i = 0; i < 95; ++i) text += "mot ";
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  (*created)->Segment(text, &sentences, &tokens);
  ASSERT_EQ(tokens.size(), 95u);
  ASSERT_EQ(sentences.size(), 10u);
  for (const Sentence& s : sentences) EXPECT_LE(s.token_count, 10u);
}

TEST_F(SegmenterTest, EmptyAndSpaceOnlyTextHaveNoSentences) {
  EXPECT_EQ(Dump(""), "");
  EXPECT_EQ(Dump("   "), "");
}

}  // namespace
}  // namespace veille::text
