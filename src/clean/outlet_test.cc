#include "clean/outlet.h"

#include <gtest/gtest.h>

namespace veille::clean {
namespace {

TEST(OutletTest, FromFooter) {
  auto created = OutletRecognizer::Create();
  ASSERT_TRUE(created.ok());
  const auto& outlets = **created;
  struct Case {
    const char* line;
    const char* outlet;  // nullptr: none
  };
  const Case cases[] = {
      {"Rejoignez News-Front sur Facebook, GAB, Vkontakte, et Telegram", "News-Front"},
      {"Rejoignez News Front sur Telegram", "News-Front"},
      {"Suivez Le Monde sur Instagram", "Le Monde"},
      {"Suivez-nous sur Twitter", nullptr},
      {"Rejoignez-nous sur Telegram", nullptr},
      {"© 2022 Le Figaro. Tous droits réservés.", "Le Figaro"},
      {"Copyright © 2021-2023 Mediapart", "Mediapart"},
      {"Follow RT on Telegram", "RT"},
      {"Abonnez-vous à Libération.", "Libération"},
  };
  for (const Case& c : cases) {
    std::optional<std::string> name = outlets.FromFooter(c.line);
    if (c.outlet) {
      EXPECT_EQ(name.value_or("<none>"), c.outlet) << c.line;
    } else {
      EXPECT_FALSE(name.has_value()) << c.line << " → " << *name;
    }
  }
}

TEST(OutletTest, FromUrl) {
  EXPECT_EQ(HostOfUrl("https://www.lemonde.fr/international/article.html"), "lemonde.fr");
  EXPECT_EQ(HostOfUrl("http://user@News-Front.info:8080/x?y#z"), "news-front.info");
  EXPECT_EQ(HostOfUrl("//m.example.org/a"), "example.org");
  EXPECT_EQ(HostOfUrl("not a url"), "");
  EXPECT_EQ(OutletForHost("lemonde.fr"), "Le Monde");
  EXPECT_EQ(OutletForHost("fr.news-front.info"), "News-Front");
  EXPECT_EQ(OutletForHost("francais.rt.com"), "RT France");
  EXPECT_EQ(OutletForHost("news.example.co.uk"), "example.co.uk");
  EXPECT_EQ(OutletForHost("blog.example.com"), "example.com");
}

TEST(OutletTest, EvidenceOrder) {
  auto created = OutletRecognizer::Create();
  ASSERT_TRUE(created.ok());
  Article article;
  article.clean.text = "Suivez Le Monde sur Twitter";
  article.blocks = {{BlockKind::kBoilerplate, {0, 27}, {0, 27}}};
  ASSERT_TRUE((*created)->Run(article).ok());
  EXPECT_EQ(article.outlet->name, "Le Monde");
  EXPECT_EQ(article.outlet->evidence, "footer");

  article.source.url = "https://www.lefigaro.fr/x";
  ASSERT_TRUE((*created)->Run(article).ok());
  EXPECT_EQ(article.outlet->name, "Le Figaro");
  EXPECT_EQ(article.outlet->evidence, "url");

  article.source.outlet = "Mon Journal";
  ASSERT_TRUE((*created)->Run(article).ok());
  EXPECT_EQ(article.outlet->name, "Mon Journal");
  EXPECT_EQ(article.outlet->evidence, "input");
}

}  // namespace
}  // namespace veille::clean
