// The quotes stage on short French texts, through the whole pipeline (the
// speakers are the entities stage's mentions).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "veille/pipeline.h"
#include "veille/quotes.h"

namespace veille {
namespace {

Article Analyse(const std::string& text) {
  static auto pipeline = std::move(Pipeline::Create(Options{})).value();
  Article article;
  article.source.path = "test";
  article.source.format = "text";
  article.raw = text;
  pipeline->Run(article);
  return article;
}

std::string Text(const Article& a, Span span) { return std::string(a.RawView(span)); }

std::string Speaker(const Article& a, const Quote& q) {
  if (q.speaker < 0) return "";
  const Entity& e = a.entities[q.speaker];
  return e.identity >= 0 ? a.identities[e.identity].name : Text(a, e.raw);
}

// The quotations of a text, as "kind|text|speaker" lines.
std::vector<std::string> Quotes(const std::string& text) {
  Article a = Analyse(text);
  std::vector<std::string> out;
  for (const Quote& q : a.quotes) {
    out.push_back(std::string(QuoteKindName(q.kind)) + "|" + Text(a, q.raw) + "|" + Speaker(a, q) +
                  (q.unclosed ? "|unclosed" : ""));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(QuotesTest, EveryKindOfMark) {
  for (const char* text : {
           "Titre\n\nLe président Emmanuel Macron a déclaré : « Nous partirons demain. »\n",
           "Titre\n\nLe président Emmanuel Macron a déclaré : «Nous partirons demain.»\n",
           "Titre\n\nLe président Emmanuel Macron a déclaré : “Nous partirons demain.”\n",
           "Titre\n\nLe président Emmanuel Macron a déclaré : \"Nous partirons demain.\"\n",
           "Titre\n\nLe président Emmanuel Macron a déclaré : ‹ Nous partirons demain. ›\n"}) {
    EXPECT_EQ(Quotes(text), Lines{"direct|Nous partirons demain.|Emmanuel Macron"}) << text;
  }
}

TEST(QuotesTest, SpeakerAfterTheQuotation) {
  EXPECT_EQ(Quotes("Titre\n\n« Nous ne céderons pas », a affirmé Angela Merkel mardi.\n"),
            Lines{"direct|Nous ne céderons pas|Angela Merkel"});
  Article a = Analyse("Titre\n\n« Nous ne céderons pas », a affirmé Angela Merkel mardi.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_TRUE(a.quotes[0].cue.has_value());
  EXPECT_EQ(Text(a, *a.quotes[0].cue), "a affirmé Angela Merkel");
  EXPECT_EQ(a.quotes[0].verb, "affirmer");
  EXPECT_GE(a.quotes[0].confidence, 0.9);
}

TEST(QuotesTest, SeveralSentencesAndParagraphs) {
  // One pair over several sentences; a quotation continued in the next
  // paragraph, which opens with «, is one.
  EXPECT_EQ(Quotes("Titre\n\nAngela Merkel a dit : « Nous resterons. Nous lutterons. Nous vaincrons. »\n"),
            Lines{"direct|Nous resterons. Nous lutterons. Nous vaincrons.|Angela Merkel"});
  Lines continued = Quotes(
      "Titre\n\nAngela Merkel a dit : « Nous resterons ici longtemps.\n\n"
      "« Et nous reconstruirons tout. »\n\nLa séance a été levée.\n");
  ASSERT_EQ(continued.size(), 1u);
  EXPECT_NE(continued[0].find("Nous resterons ici longtemps."), std::string::npos);
  EXPECT_NE(continued[0].find("Et nous reconstruirons tout."), std::string::npos);
  EXPECT_EQ(continued[0].find("séance"), std::string::npos);
}

TEST(QuotesTest, NestedQuotationsAreInside) {
  EXPECT_EQ(Quotes("Titre\n\nAngela Merkel a déclaré : « Ils ont crié “jamais” devant nous. »\n"),
            Lines{"direct|Ils ont crié “jamais” devant nous.|Angela Merkel"});
}

TEST(QuotesTest, DialogueLines) {
  Lines lines = Quotes("Titre\n\nLe juge entra.\n\n— Asseyez-vous, dit-il.\n\n— Je préfère rester debout.\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].substr(0, lines[0].find('|', 7)), "direct|Asseyez-vous,");
  EXPECT_EQ(lines[1].substr(0, lines[1].find('|', 7)), "direct|Je préfère rester debout.");
}

TEST(QuotesTest, AnInciseSplitsTheQuotation) {
  Lines lines = Quotes(
      "Titre\n\nAngela Merkel est arrivée à Paris. « Nous partirons, a-t-elle ajouté, dès demain. »\n");
  EXPECT_EQ(lines, (Lines{"direct|Nous partirons,|Angela Merkel", "direct|dès demain.|Angela Merkel"}));
}

TEST(QuotesTest, PartialQuotationAndPronoun) {
  // The specimen's form: the speaker through "il", back to the last person.
  Lines lines = Quotes(
      "Titre\n\nDans la nuit, Kassym-Jomart Tokayev a réuni le Conseil, au cours duquel il a qualifié "
      "la situation de « atteinte à l'intégrité de l'État » devant les ministres.\n");
  EXPECT_EQ(lines, Lines{"partial|atteinte à l'intégrité de l'État|Kassym-Jomart Tokayev"});
  Article a = Analyse(
      "Titre\n\nDans la nuit, Kassym-Jomart Tokayev a réuni le Conseil, au cours duquel il a qualifié "
      "la situation de « atteinte à l'intégrité de l'État » devant les ministres.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_LT(a.quotes[0].confidence, 0.9);  // through a pronoun: less sure than a name
  EXPECT_NE(a.quotes[0].why.find("pronoun"), std::string::npos) << a.quotes[0].why;
}

TEST(QuotesTest, IndirectSpeech) {
  EXPECT_EQ(Quotes("Titre\n\nAngela Merkel a affirmé que la situation était sous contrôle.\n"),
            Lines{"indirect|la situation était sous contrôle|Angela Merkel"});
  EXPECT_EQ(Quotes("Titre\n\nSelon Angela Merkel, la situation est sous contrôle.\n"),
            Lines{"indirect|la situation est sous contrôle|Angela Merkel"});
  EXPECT_EQ(Quotes("Titre\n\nLa situation est sous contrôle, selon Angela Merkel.\n"),
            Lines{"indirect|La situation est sous contrôle|Angela Merkel"});
  // "l'estime que" is a noun, not a verb: no quotation.
  EXPECT_TRUE(Quotes("Titre\n\nIl a gagné l'estime que méritait son travail.\n").empty());
}

// A speaker the entities stage missed becomes a mention with an identity.
TEST(QuotesTest, ASpeakerTheTaggerMissedBecomesAMention) {
  Article a = Analyse("Titre\n\nLa note de l'Italie a été abaissée. Moody's explique dans un "
                      "communiqué que « l'Italie a plus de risque de connaître une hausse brutale ».\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_GE(a.quotes[0].speaker, 0);
  const Entity& e = a.entities[a.quotes[0].speaker];
  EXPECT_EQ(Text(a, e.raw), "Moody's");
  EXPECT_EQ(e.type, EntityType::kOrganization);
  ASSERT_GE(e.identity, 0);
  EXPECT_EQ(a.identities[e.identity].name, "Moody's");
  for (size_t i = 1; i < a.entities.size(); ++i) {
    EXPECT_LE(a.entities[i - 1].raw.end, a.entities[i].raw.start);  // still in order, apart
  }
}

// A gerund has the main clause's subject; a newspaper called "le
// quotidien" is the newspaper named before.
TEST(QuotesTest, GerundsAndOrganisationsByWhatTheyAre) {
  Lines lines = Quotes(
      "Titre\n\nLe quotidien français Le Figaro annonce mardi que le journaliste Gilles Jacquier a été tué, en "
      "évoquant une « source proche du dossier au ministère ».\n\n« Les analyses balistiques "
      "indiquent un tir de mortier » indique le quotidien.\n");
  // (The que-clause holds marks: they are the quotation, not the clause.)
  EXPECT_EQ(lines, (Lines{"partial|source proche du dossier au ministère|Le Figaro",
                          "direct|Les analyses balistiques indiquent un tir de mortier|Le Figaro"}));
}

TEST(QuotesTest, WhoIsSpokenToStandsBetweenTheVerbAndTheSpeaker) {
  EXPECT_EQ(Quotes("Titre\n\n« Les chiffres sont mauvais », a expliqué à la presse Marie Dupont, "
                   "économiste à Lyon.\n"),
            Lines{"direct|Les chiffres sont mauvais|Marie Dupont"});
}

TEST(QuotesTest, AppositionsAndRelatives) {
  // "qui" takes the name the apposition describes, not its complement.
  EXPECT_EQ(Quotes("Titre\n\nLe député a croisé Jean Martin, le successeur de Paul Durand, qui lui "
                   "a lancé : « Vous n'avez rien compris ! »\n"),
            Lines{"direct|Vous n'avez rien compris !|Jean Martin"});
  // A name in apposition to a complement is no subject for a pronoun.
  EXPECT_EQ(Quotes("Titre\n\nLe chanteur Paul Girard est mort samedi. Paul Girard avait 80 ans. Il "
                   "a chanté vingt ans avec son ami de toujours, Luc Moreau, sur toutes les scènes. "
                   "Il avait déclaré : « Je chanterai jusqu'au bout. »\n"),
            Lines{"direct|Je chanterai jusqu'au bout.|Paul Girard"});
}

TEST(QuotesTest, SomeoneCloseToThePersonOfTheStory) {
  // "son ami" is not Paul Girard himself.
  Lines lines = Quotes(
      "Titre\n\nLe chanteur Paul Girard est mort samedi. Paul Girard avait 80 ans. Il a chanté "
      "vingt ans avec Luc Moreau. Selon son ami, « il était d'un courage rare ».\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "partial|il était d'un courage rare|Luc Moreau");
}

TEST(QuotesTest, ACapitalForTheInstitutionTheArticleNames) {
  Lines lines = Quotes(
      "Titre\n\nLa Commission européenne a examiné le budget grec. Bruxelles a salué la « détermination » "
      "du gouvernement.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "partial|détermination|European Commission");
  // With no institution named, the capital stays a place.
  lines = Quotes("Titre\n\nBruxelles a salué la « détermination » du gouvernement.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "partial|détermination|Brussels");
}

TEST(QuotesTest, PourAndARoleOpeningTheSentence) {
  Lines lines = Quotes(
      "Titre\n\nAmnesty International publie un rapport sur les prisons. Pour l'organisation de "
      "défense des droits humains, il existe « une politique de torture ».\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "partial|une politique de torture|Amnesty International");
}

TEST(QuotesTest, NoSpeakerIsNoGuess) {
  Article a = Analyse("Titre\n\nLe vent soufflait fort.\n\n« Nous partirons demain. »\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, -1);
  EXPECT_EQ(a.quotes[0].confidence, 0);
}

TEST(QuotesTest, NamesInMarksAreNotQuotations) {
  EXPECT_TRUE(Quotes("Titre\n\nL'opération « Barkhane » a pris fin au Sahel en 2022.\n").empty());
  // A reversed guillemet around a name, after a closed quotation.
  Lines lines = Quotes(
      "Titre\n\n« Nous devons négocier », cite Alexandre Loukachenko comme la chaîne Telegram "
      "»Pool of the First » le rapporte.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].substr(0, lines[0].find('|', 7)), "direct|Nous devons négocier");
}

TEST(QuotesTest, Channel) {
  Article a = Analyse("Titre\n\nAngela Merkel a déclaré dans un communiqué que la situation était grave.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_TRUE(a.quotes[0].channel.has_value());
  EXPECT_EQ(Text(a, *a.quotes[0].channel), "dans un communiqué");
  Article b = Analyse("Titre\n\n« C'est fini », a écrit Angela Merkel sur Twitter.\n");
  ASSERT_EQ(b.quotes.size(), 1u);
  ASSERT_TRUE(b.quotes[0].channel.has_value());
  EXPECT_EQ(Text(b, *b.quotes[0].channel), "sur Twitter");
}

TEST(QuotesTest, AnUnclosedQuotationEndsWithItsSentenceOrParagraph) {
  // Opened inside a paragraph: it ends with its sentence.
  EXPECT_EQ(Quotes("Titre\n\nAngela Merkel a déclaré qu'elle voulait « sortir de la crise. La nuit "
                   "suivante, le Conseil a siégé.\n"),
            Lines{"partial|sortir de la crise.|Angela Merkel|unclosed"});
  // Opening its paragraph: it ends with the paragraph, not later.
  Lines lines = Quotes("Titre\n\nAngela Merkel a parlé.\n\n« Nous resterons. Nous lutterons.\n\n"
                       "Le Conseil a siégé ensuite.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("Nous resterons. Nous lutterons.|"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("unclosed"), std::string::npos);
}

// Hostile input: results in bounded time, no quotation past its paragraph.
TEST(QuotesTest, PathologicalMarks) {
  std::string many = "Titre\n\n";
  for (int i = 0; i < 10000; ++i) many += "« a ";
  many += ".\n\nFin du texte ici.\n";
  Article a = Analyse(many);
  for (const Quote& q : a.quotes) EXPECT_EQ(Text(a, q.raw).find("Fin du texte"), std::string::npos);
  // Cut short right after a source (found by fuzz_quotes: a read past the
  // last word).
  // And right after an incise (found by fuzz_text_reader in a clean-clone run).
  for (const char* cut : {"Titre\n\nSelon Angela Merkel,", "Titre\n\nSelon lui,", "Titre\n\n« a », dit",
                          "Titre\n\n« Nous partirons, a-t-il dit", "Titre\n\n— Oui, dit-il",
                          "Titre\n\n— Oui, dit Angela Merkel"}) {
    Article c = Analyse(cut);
    for (const Quote& q : c.quotes) EXPECT_LE(q.raw.end, c.raw.size());
  }
  std::string long_quote = "Titre\n\nAngela Merkel a déclaré : « ";
  while (long_quote.size() < (1u << 20)) long_quote += "nous partirons demain et nous reviendrons, ";
  long_quote += "voilà. »\n\nFin.\n";
  Article b = Analyse(long_quote);
  ASSERT_FALSE(b.quotes.empty());
  size_t total = 0;
  for (const Quote& q : b.quotes) total += q.raw.size();
  EXPECT_GT(total, 1000000u);
  for (size_t i = 1; i < b.quotes.size(); ++i) EXPECT_LE(b.quotes[i - 1].raw.end, b.quotes[i].raw.start);
}

TEST(QuoteScorerTest, SameSpeaker) {
  EXPECT_TRUE(SameSpeaker("Antonis Samaras", "Antonis Samaras", "Samaras"));
  EXPECT_TRUE(SameSpeaker("Alexandre Loukachenko", "Alexander Lukashenko", "Loukachenka"));
  EXPECT_TRUE(SameSpeaker("Commission européenne", "la Commission européenne", "Commission"));
  EXPECT_TRUE(SameSpeaker("Human Rights Watch", "HRW", "HRW"));
  EXPECT_TRUE(SameSpeaker("Parti populaire", "PP", "PP"));
  EXPECT_FALSE(SameSpeaker("Parti socialiste", "PP", "PP"));
  EXPECT_FALSE(SameSpeaker("Antonis Samaras", "Barack Obama", "Obama"));
  EXPECT_FALSE(SameSpeaker("Antonis Samaras", "", ""));
}

// The gold scorer on a file made here: exact counts.
TEST(QuoteScorerTest, GoldFile) {
  auto dir = std::filesystem::temp_directory_path() / ("veille-quote-gold-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Titre\n\n« Nous partirons demain », a déclaré Angela Merkel.\n\n"
                                  "Emmanuel Macron a affirmé que la réforme était nécessaire.\n";
  std::ofstream(dir / "gold.jsonl")
      << R"({"file": "a.html", "quotes": [{"text": "Nous partirons demain", "kind": "direct", "speaker": "Angela Merkel"},)"
      << R"( {"text": "la réforme était nécessaire", "kind": "indirect", "speaker": "Barack Obama"}]})" << "\n";
  auto scores = EvaluateQuoteGold((dir / "gold.jsonl").string(), dir.string(), Options{});
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  EXPECT_EQ(scores->articles, 1u);
  EXPECT_EQ(scores->gold_quotes, 2u);
  EXPECT_EQ(scores->matched, 2u);
  EXPECT_EQ(scores->kind_right, 2u);
  EXPECT_EQ(scores->speaker_right, 1u);  // the second is Macron's, not Obama's
  EXPECT_DOUBLE_EQ(scores->speaker_accuracy, 0.5);
  EXPECT_EQ(scores->words.true_positive, 7u);  // 3 + 4 words
  EXPECT_EQ(scores->words.false_positive, 0u);
  EXPECT_DOUBLE_EQ(scores->words.f1, 1.0);
  // A gold text that is not in the article is an error, not a score.
  std::ofstream(dir / "bad.jsonl") << R"({"file": "a.html", "quotes": [{"text": "absent", "kind": "direct"}]})"
                                   << "\n";
  EXPECT_FALSE(EvaluateQuoteGold((dir / "bad.jsonl").string(), dir.string(), Options{}).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace veille
