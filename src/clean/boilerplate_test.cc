#include "clean/boilerplate.h"

#include <gtest/gtest.h>

namespace veille::clean {
namespace {

TEST(BoilerplateTest, GoldenLines) {
  auto created = BoilerplateDetector::Create();
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const auto& detector = **created;
  const char* boilerplate[] = {
      "Rejoignez News-Front sur Facebook, GAB, Vkontakte, et Telegram pour "
      "découvrir le choix de l'équipe",
      "Suivez-nous sur Twitter",
      "Suivez Le Monde sur Instagram",
      "► Abonnez-vous à notre newsletter",
      "Inscrivez-vous gratuitement",
      "Lire aussi : La guerre en Ukraine",
      "À lire également",
      "A voir aussi",
      "Sur le même sujet",
      "Partager sur Facebook",
      "Facebook Twitter WhatsApp E-mail",
      "© 2022 Le Figaro. Tous droits réservés.",
      "Copyright AFP",
      "Tous droits réservés",
      "Publicité",
      "Crédit photo : AFP",
      "Nous utilisons des cookies pour améliorer votre expérience.",
      "Follow us on Twitter",
      "Join RT on Telegram",
      "Subscribe to our newsletter",
      "Read more: the war in Ukraine",
      "Related articles",
      "This article was originally published on The Conversation.",
      "📢 Téléchargez notre application",
  };
  for (const char* line : boilerplate) {
    EXPECT_TRUE(detector.IsBoilerplate(line)) << line;
  }
  const char* story[] = {
      "Le président biélorusse Alexandre Loukachenko a invité les manifestants "
      "au Kazakhstan à s'excuser.",
      "L'état d'urgence a été instauré au Kazakhstan",
      "Suivez le guide, dit-il en riant.",
      "Il a partagé une vidéo sur Facebook.",
      "La publicité comparative est interdite en France depuis longtemps.",
      "Les cookies de Noël sont prêts.",
      "Telegram a été bloqué puis rétabli.",
  };
  for (const char* line : story) {
    EXPECT_FALSE(detector.IsBoilerplate(line)) << line;
  }
  // Long paragraphs are never boilerplate, whatever their first words.
  EXPECT_FALSE(detector.IsBoilerplate("Suivez-nous " + std::string(500, 'a')));
}

TEST(BoilerplateTest, HeadingBeforeFooterBecomesParagraph) {
  auto created = BoilerplateDetector::Create();
  ASSERT_TRUE(created.ok());
  Article article;
  article.clean.text = "Texte.\nPar Jean Dupont\nSuivez-nous sur Twitter";
  article.blocks = {{BlockKind::kParagraph, {0, 6}, {0, 6}},
                    {BlockKind::kHeading, {7, 22}, {7, 22}},
                    {BlockKind::kParagraph, {23, 46}, {23, 46}}};
  ASSERT_TRUE((*created)->Run(article).ok());
  EXPECT_EQ(article.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(article.blocks[2].kind, BlockKind::kBoilerplate);
}

}  // namespace
}  // namespace veille::clean
