#include "entities/tagged_corpus.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace veille::entities {
namespace {

// Sentences as "[Jean Dupont]PER à [Paris]LOC", joined by " / ".
std::string Dump(const std::vector<TaggedSentence>& sentences) {
  std::string out;
  for (const TaggedSentence& sentence : sentences) {
    if (!out.empty()) out += " / ";
    auto mention = sentence.mentions.begin();
    for (uint32_t t = 0; t < sentence.tokens.size(); ++t) {
      if (t > 0) out += ' ';
      if (mention != sentence.mentions.end() && mention->first == t) out += '[';
      out += sentence.tokens[t];
      if (mention != sentence.mentions.end() && mention->end == t + 1) {
        out += ']';
        out += EntityTypeName(mention->type);
        ++mention;
      }
    }
  }
  return out;
}

// The dump of the sentences, or "error: " and the message.
std::string Parse(std::string_view text, CorpusFormat format) {
  auto sentences = ParseTaggedCorpus(text, format, "in.txt");
  if (!sentences.ok()) return "error: " + sentences.status().message();
  return Dump(*sentences);
}

// A HIPE line with the other columns as the HIPE-2022 files fill them.
std::string Hipe(std::string_view token, std::string_view tag, std::string_view misc = "_") {
  return std::string(token) + "\t" + std::string(tag) + "\tO\tO\tO\tO\tO\t_\t_\t" +
         std::string(misc) + "\n";
}

const std::string kHipeHeader =
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
    "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n";

// `count` lines "w<i> O" (no punctuation, so no guessed sentence end).
std::string Words(int count, std::string_view tag = "O") {
  std::string out;
  for (int i = 0; i < count; ++i) out += "w" + std::to_string(i) + " " + std::string(tag) + "\n";
  return out;
}

std::vector<size_t> SentenceSizes(std::string_view text, CorpusFormat format) {
  auto sentences = ParseTaggedCorpus(text, format, "in.txt");
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  std::vector<size_t> sizes;
  if (sentences.ok()) {
    for (const TaggedSentence& s : *sentences) sizes.push_back(s.tokens.size());
  }
  return sizes;
}

TEST(EntityTypeFromTagTest, TheFourTypesInAnyCaseAndNothingElse) {
  struct Case {
    std::string_view tag;
    std::optional<EntityType> type;
  } cases[] = {
      {"PER", EntityType::kPerson},        {"pers", EntityType::kPerson},
      {"Pers", EntityType::kPerson},       {"per", EntityType::kPerson},
      {"LOC", EntityType::kLocation},      {"loc", EntityType::kLocation},
      {"ORG", EntityType::kOrganization},  {"org", EntityType::kOrganization},
      {"MISC", EntityType::kMisc},         {"misc", EntityType::kMisc},
      {"prod", std::nullopt},              {"time", std::nullopt},
      {"HumanProd", std::nullopt},         {"DATE", std::nullopt},
      {"", std::nullopt},                  {"PERSON", std::nullopt},
      {"loc.adm.town", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityTypeFromTag(c.tag), c.type) << c.tag;
}

// One rule reads IOB2, IOB1 and IO: a mention starts at B-X or at an I-X
// that does not follow an X, and goes on over the I-X after it.
TEST(TaggedCorpusTest, TagRuleGoldenTable) {
  struct Case {
    std::string_view lines;
    std::string_view expected;
  } cases[] = {
      // IOB2
      {"Jean B-PER\nDupont I-PER\nà O\nParis B-LOC\n", "[Jean Dupont]PER à [Paris]LOC"},
      {"Jean B-PER\nPaul B-PER\n", "[Jean]PER [Paul]PER"},
      // IO (Europeana): neighbours of one type merge, of two types do not
      {"Jean I-PER\nDupont I-PER\nParis I-LOC\nx O\n", "[Jean Dupont]PER [Paris]LOC x"},
      // IOB1: B- only where two mentions of one type touch
      {"Jean I-PER\nPaul B-PER\nMarie I-PER\n", "[Jean]PER [Paul Marie]PER"},
      // an I- after O or after another type starts a mention (39 in WikiNEuRal's test file)
      {"le O\nTabou I-MISC\n", "le [Tabou]MISC"},
      {"Paris B-LOC\nMatch I-ORG\n", "[Paris]LOC [Match]ORG"},
      // unknown types are O, and the mention after them starts at its I-
      {"Le B-prod\nTemps I-prod\nde O\nJean I-pers\n", "Le Temps de [Jean]PER"},
      {"x B-time\ny I-pers\nz I-pers\n", "x [y z]PER"},
      {"Genève B-loc\nhier B-DATE\n", "[Genève]LOC hier"},
      {"Jean B-PER\nx B-prod\nDupont I-PER\n", "[Jean]PER x [Dupont]PER"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Parse(c.lines, CorpusFormat::kTokenTag), c.expected) << c.lines;
  }
}

TEST(TaggedCorpusTest, ConllSentencesAreSeparatedByBlankLines) {
  EXPECT_EQ(Parse("0\tOn\tO\n1\tla\tO\n2\ttrouve\tO\n3\tau\tO\n4\tPakistan\tB-LOC\n5\t.\tO\n"
                  "\n"
                  "0\tL'\tO\n1\tocéan\tB-LOC\n2\tPacifique\tI-LOC\n3\t.\tO\n"
                  "\n\n",
                  CorpusFormat::kConll),
            "On la trouve au [Pakistan]LOC . / L' [océan Pacifique]LOC .");
  // A mention does not run across a sentence break.
  EXPECT_EQ(Parse("0\tJean\tB-PER\n\n0\tDupont\tI-PER\n", CorpusFormat::kConll),
            "[Jean]PER / [Dupont]PER");
}

TEST(TaggedCorpusTest, TokenTagTakesSpacesOrTabsAndWindowsLineEnds) {
  EXPECT_EQ(Parse("Jean\tI-PER\r\nDupont  I-PER \r\n\r\nRENNES I-LOC\r\n", CorpusFormat::kTokenTag),
            "[Jean Dupont]PER / [RENNES]LOC");
}

// Europeana's file has no blank line at all: sentences end after . ! ?.
TEST(TaggedCorpusTest, WithoutBlankLinesSentencesEndAfterPunctuation) {
  EXPECT_EQ(Parse("Il O\npart O\n. O\nElle O\nreste O\n! O\nQui O\n? O\nfin O\n",
                  CorpusFormat::kTokenTag),
            "Il part . / Elle reste ! / Qui ? / fin");
  EXPECT_EQ(Parse("0\tIl\tO\n1\t.\tO\n2\tElle\tO\n", CorpusFormat::kConll), "Il . / Elle");
  // A file with blank lines marks its sentences itself.
  EXPECT_EQ(Parse("Il O\n. O\nElle O\n\nfin O\n", CorpusFormat::kTokenTag), "Il . Elle / fin");
}

// Europeana writes "MM . Stump" as one I-PER run: the "." is an abbreviation.
TEST(TaggedCorpusTest, PunctuationInsideAMentionDoesNotEndTheSentence) {
  EXPECT_EQ(Parse("MM I-PER\n. I-PER\nStump I-PER\nvient O\n. O\nIl O\n", CorpusFormat::kTokenTag),
            "[MM . Stump]PER vient . / Il");
  // A mention of another type, or a new one, after the "." does not continue it.
  EXPECT_EQ(Parse("M I-PER\n. I-PER\nParis I-LOC\n", CorpusFormat::kTokenTag),
            "[M .]PER / [Paris]LOC");
  EXPECT_EQ(Parse("M B-PER\n. I-PER\nJean B-PER\n", CorpusFormat::kTokenTag),
            "[M .]PER / [Jean]PER");
}

TEST(TaggedCorpusTest, SentencesAreCutAtTheTokenBudget) {
  EXPECT_EQ(SentenceSizes(Words(320), CorpusFormat::kTokenTag),
            (std::vector<size_t>{150, 150, 20}));
  EXPECT_EQ(SentenceSizes(Words(150), CorpusFormat::kTokenTag), (std::vector<size_t>{150}));
}

TEST(TaggedCorpusTest, TheBudgetCutsBeforeAnOpenMention) {
  std::string text = Words(149) + "Jean I-PER\nDupont I-PER\nx O\n";
  auto sentences = ParseTaggedCorpus(text, CorpusFormat::kTokenTag, "in.txt");
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].tokens.size(), 149u);
  EXPECT_TRUE((*sentences)[0].mentions.empty());
  EXPECT_EQ(Dump({(*sentences)[1]}), "[Jean Dupont]PER x");
  // A mention that starts right at the budget starts the next sentence.
  EXPECT_EQ(SentenceSizes(Words(150) + "Jean B-PER\nDupont I-PER\n", CorpusFormat::kTokenTag),
            (std::vector<size_t>{150, 2}));
}

TEST(TaggedCorpusTest, OnlyAMentionLongerThanTheBudgetIsCutInTwo) {
  auto sentences = ParseTaggedCorpus(Words(200, "I-ORG"), CorpusFormat::kTokenTag, "in.txt");
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].mentions,
            (std::vector<Mention>{{0, 150, EntityType::kOrganization}}));
  EXPECT_EQ((*sentences)[1].mentions,
            (std::vector<Mention>{{0, 50, EntityType::kOrganization}}));
}

TEST(TaggedCorpusTest, HipeGoldenFile) {
  std::string text = kHipeHeader +
                     "# hipe2022:document_id = EXP-1888-08-03-a-i0030\n"
                     "# hipe2022:date = 1888-08-03\n" +
                     Hipe("FAITS", "O") + Hipe("DIVERS", "O", "EndOfLine") +
                     Hipe("Munich", "B-loc", "NoSpaceAfter") + Hipe(".", "O", "EndOfSentence") +
                     // HIPE's splitter ends a sentence inside "MM. Stump": kept whole
                     Hipe("par", "O", "EndOfLine") + Hipe("MM", "B-pers", "NoSpaceAfter") +
                     Hipe(".", "I-pers", "EndOfSentence") + Hipe("Stump", "I-pers") +
                     Hipe("du", "O") + Hipe("Temps", "B-prod", "NoSpaceAfter|EndOfSentence") +
                     Hipe("le", "B-time") + Hipe("3", "I-time") + Hipe("à", "O") +
                     Hipe("Berne", "B-org") + Hipe("Genève", "B-loc") +
                     "\n"
                     "# hipe2022:document_id = dev_fr_1\n"
                     "# hipe2022:date = 1923-01-15\n" +
                     // token lines can start with '#'; NewsEye's types are upper case
                     Hipe("#", "O") + Hipe("#mma", "I-PER", "NoSpaceAfter") +
                     Hipe("Zola", "I-PER") + Hipe("Kafka", "B-HumanProd") +
                     "# hipe2022:document_id = dev_fr_2\n" + Hipe("Vienne", "I-LOC");
  EXPECT_EQ(Parse(text, CorpusFormat::kHipe),
            "FAITS DIVERS [Munich]LOC . / par [MM . Stump]PER du Temps / le 3 à [Berne]ORG "
            "[Genève]LOC / # [#mma Zola]PER Kafka / [Vienne]LOC");
}

TEST(TaggedCorpusTest, HipeColumnsAreFoundByTheirHeaderNames) {
  EXPECT_EQ(Parse("TOKEN\tMISC\tNE-COARSE-LIT\nParis\tEndOfSentence\tB-loc\nx\t_\tO\n",
                  CorpusFormat::kHipe),
            "[Paris]LOC / x");
}

TEST(TaggedCorpusTest, HipeSentencesWithoutEndAreCutAtTheBudget) {
  std::string text = kHipeHeader;
  for (int i = 0; i < 160; ++i) text += Hipe("w", "O");
  EXPECT_EQ(SentenceSizes(text, CorpusFormat::kHipe), (std::vector<size_t>{150, 10}));
}

TEST(TaggedCorpusTest, MalformedLinesAreErrorsNamingFileAndLine) {
  struct Case {
    CorpusFormat format;
    std::string text;
    std::string_view error;
  } cases[] = {
      {CorpusFormat::kConll, "0\tJean\tB-PER\n\n1\tDupont\n",
       "in.txt:3: expected 3 columns (index, token, tag), found 2"},
      {CorpusFormat::kConll, "0\tJean\tB-PER\n1\t\tO\n", "in.txt:2: empty token"},
      {CorpusFormat::kConll, "0\tJean\tPER\n", "in.txt:1: tag `PER` is not O, B-TYPE or I-TYPE"},
      {CorpusFormat::kTokenTag, "Jean B-PER\nJean Dupont B-PER\n",
       "in.txt:2: expected 2 columns (token, tag), found 3"},
      {CorpusFormat::kTokenTag, "Jean\n", "in.txt:1: expected 2 columns (token, tag), found 1"},
      {CorpusFormat::kTokenTag, "Jean S-PER\n", "in.txt:1: tag `S-PER` is not O, B-TYPE or I-TYPE"},
      {CorpusFormat::kHipe, Hipe("Paris", "B-loc"),
       "in.txt:1: expected the HIPE header (TOKEN, NE-COARSE-LIT, ..., MISC) before the first token"},
      {CorpusFormat::kHipe, "TOKEN\tNE-COARSE-LIT\n",
       "in.txt:1: expected the HIPE header (TOKEN, NE-COARSE-LIT, ..., MISC) before the first token"},
      {CorpusFormat::kHipe, kHipeHeader + "# c\n" + Hipe("x", "O") + "Paris\tB-loc\t_\n",
       "in.txt:4: expected 10 columns (as in the header), found 3"},
      {CorpusFormat::kHipe, kHipeHeader + Hipe("", "O"), "in.txt:2: empty token"},
      {CorpusFormat::kHipe, kHipeHeader + Hipe("x", "_"),
       "in.txt:2: tag `_` is not O, B-TYPE or I-TYPE"},
  };
  for (const Case& c : cases) {
    auto sentences = ParseTaggedCorpus(c.text, c.format, "in.txt");
    ASSERT_FALSE(sentences.ok()) << c.text;
    EXPECT_EQ(sentences.status().code(), StatusCode::kInvalidValue);
    EXPECT_EQ(sentences.status().message(), c.error);
  }
}

TEST(TaggedCorpusTest, BlankLinesAndEmptyTextsAreNotErrors) {
  EXPECT_EQ(Parse("", CorpusFormat::kAuto), "");
  EXPECT_EQ(Parse("\n \n\t\n", CorpusFormat::kTokenTag), "");
  EXPECT_EQ(Parse("\n\nJean B-PER\n  \n\nx O", CorpusFormat::kTokenTag), "[Jean]PER / x");
}

TEST(TaggedCorpusTest, DetectsTheFormatFromTheFirstLine) {
  EXPECT_EQ(DetectCorpusFormat(kHipeHeader), CorpusFormat::kHipe);
  EXPECT_EQ(DetectCorpusFormat("\n0\tOn\tO\n"), CorpusFormat::kConll);
  EXPECT_EQ(DetectCorpusFormat("12\tOn\tB-LOC\n"), CorpusFormat::kConll);
  EXPECT_EQ(DetectCorpusFormat("Emmanuel I-PER\n"), CorpusFormat::kTokenTag);
  EXPECT_EQ(DetectCorpusFormat("Emmanuel\tI-PER\n"), CorpusFormat::kTokenTag);
  EXPECT_EQ(DetectCorpusFormat("x\tOn\tO\n"), CorpusFormat::kTokenTag);
  EXPECT_EQ(DetectCorpusFormat("\xEF\xBB\xBF" "0\tOn\tO\n"), CorpusFormat::kConll);
  EXPECT_EQ(DetectCorpusFormat(""), CorpusFormat::kTokenTag);
  EXPECT_EQ(Parse(kHipeHeader + Hipe("Paris", "B-loc"), CorpusFormat::kAuto), "[Paris]LOC");
  EXPECT_EQ(Parse("0\tParis\tB-LOC\n", CorpusFormat::kAuto), "[Paris]LOC");
  EXPECT_EQ(Parse("Paris I-LOC\n", CorpusFormat::kAuto), "[Paris]LOC");
}

TEST(TaggedCorpusTest, AByteOrderMarkIsNotPartOfTheFirstToken) {
  EXPECT_EQ(Parse("\xEF\xBB\xBFParis I-LOC\n", CorpusFormat::kTokenTag), "[Paris]LOC");
}

TEST(TaggedCorpusTest, AMissingFileIsNotFound) {
  auto sentences = ReadTaggedCorpus("/nonexistent/corpus.conllu");
  ASSERT_FALSE(sentences.ok());
  EXPECT_EQ(sentences.status().code(), StatusCode::kNotFound);
}

// The real corpora of ../shared/data, read whole. The expected counts are
// those of the file's SOURCE.txt where our reading agrees with it; every
// other count was checked with awk over the file, under the same rules, and
// `why` says where and why it differs from SOURCE.txt.
struct RealCorpus {
  std::string_view test_name;
  std::string_view path;  // under ../shared/data
  CorpusFormat format;    // what DetectCorpusFormat must find
  size_t sentences;
  size_t tokens;
  size_t mentions;
  std::array<size_t, kEntityTypeCount> by_type;  // PER, LOC, ORG, MISC
  std::string_view why;
};

const RealCorpus kRealCorpora[] = {
    {"WikineuralTest", "wikineural-fr/test.conllu", CorpusFormat::kConll, 12'678, 305'500,
     22'171, {6'223, 9'814, 3'505, 2'629},
     "SOURCE.txt: 22,132 entities (LOC 9,814 PER 6,221 ORG 3,505 MISC 2,592), the B- tags; "
     "39 more mentions (2 PER, 37 MISC) start at an I- after O"},
    {"WikineuralVal", "wikineural-fr/val.conllu", CorpusFormat::kConll, 12'600, 317'324,
     22'638, {7'349, 9'594, 2'723, 2'972},
     "SOURCE.txt: 22,577 entities, the B- tags; 61 more start at an I- after O"},
    {"EuropeanaBnf", "europeana-ner-fr/enp_FR.bnf.bio", CorpusFormat::kTokenTag, 12'506,
     205'916, 9'836, {4'271, 4'226, 1'339, 0},
     "no sentence breaks in the file: sentences end after . ! ? and at the budget"},
    {"Hipe2020Dev", "hipe2022-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv", CorpusFormat::kHipe,
     1'273, 37'953, 1'612, {679, 774, 159, 0},
     "SOURCE.txt: 37,952 tokens, leaving out a token line \"#<TAB>O...\" taken for a "
     "comment; 1,729 mentions of all types, 117 of them prod or time"},
    {"LetempsDev", "hipe2022-fr/HIPE-2022-v2.1-letemps-dev-fr.tsv", CorpusFormat::kHipe,
     1'342, 38'649, 869, {312, 516, 41, 0}, "as SOURCE.txt"},
    {"NewseyeDev", "hipe2022-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv", CorpusFormat::kHipe, 682,
     21'727, 741, {293, 335, 113, 0},
     "SOURCE.txt: 21,725 tokens, leaving out the tokens \"###\" and \"#mma\"; 752 "
     "mentions, 11 of them HumanProd"},
    {"NewseyeDev2", "hipe2022-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv", CorpusFormat::kHipe,
     1'035, 30'458, 1'277, {463, 597, 217, 0},
     "SOURCE.txt: 30,456 tokens, leaving out two tokens starting with '#'; 1,298 "
     "mentions, 21 of them HumanProd"},
};

void PrintTo(const RealCorpus& corpus, std::ostream* out) { *out << corpus.path; }

class TaggedCorpusRealDataTest : public ::testing::TestWithParam<RealCorpus> {};

TEST_P(TaggedCorpusRealDataTest, CountsAndInvariants) {
  const RealCorpus& corpus = GetParam();
  SCOPED_TRACE(corpus.why);
  const std::string path = std::string(VEILLE_SHARED_DATA) + "/" + std::string(corpus.path);
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " is absent: the shared annotated corpora are not on this machine";
  }
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  EXPECT_EQ(DetectCorpusFormat(head), corpus.format);

  auto sentences = ReadTaggedCorpus(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  size_t tokens = 0, mentions = 0;
  std::array<size_t, kEntityTypeCount> by_type{};
  for (const TaggedSentence& sentence : *sentences) {
    ASSERT_FALSE(sentence.tokens.empty());
    ASSERT_LE(sentence.tokens.size(), kMaxSentenceTokens);
    tokens += sentence.tokens.size();
    uint32_t after_previous = 0;
    for (const Mention& m : sentence.mentions) {
      ASSERT_LE(after_previous, m.first);
      ASSERT_LT(m.first, m.end);
      ASSERT_LE(m.end, sentence.tokens.size());
      after_previous = m.end;
      ++mentions;
      ++by_type[static_cast<size_t>(m.type)];
    }
    for (const std::string& token : sentence.tokens) ASSERT_FALSE(token.empty());
  }
  EXPECT_EQ(sentences->size(), corpus.sentences);
  EXPECT_EQ(tokens, corpus.tokens);
  EXPECT_EQ(mentions, corpus.mentions);
  EXPECT_EQ(by_type, corpus.by_type);
}

INSTANTIATE_TEST_SUITE_P(SharedData, TaggedCorpusRealDataTest, ::testing::ValuesIn(kRealCorpora),
                         [](const ::testing::TestParamInfo<RealCorpus>& corpus_info) {
                           return std::string(corpus_info.param.test_name);
                         });

}  // namespace
}  // namespace veille::entities
