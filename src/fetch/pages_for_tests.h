// Small French news pages and a feed, written for the fetcher's tests (not
// copied from anywhere), with the menus and footers real pages carry.
#ifndef VEILLE_FETCH_PAGES_FOR_TESTS_H_
#define VEILLE_FETCH_PAGES_FOR_TESTS_H_

#include <string>
#include <utility>
#include <vector>

namespace veille::fetch {

// A news page: `title` as its headline, `paragraphs` as its body.
inline std::string NewsPageForTests(const std::string& title, const std::vector<std::string>& paragraphs,
                                    const std::string& published = "2022-01-06T08:30:00+01:00") {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\n"
      "<title>" + title + " – Le Quotidien du Test</title>\n"
      "<meta property=\"og:site_name\" content=\"Le Quotidien du Test\">\n"
      "<meta property=\"article:published_time\" content=\"" + published + "\">\n"
      "<meta name=\"author\" content=\"Claire Martin\">\n"
      "</head><body>\n"
      "<nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/international\">International</a></li>"
      "<li><a href=\"/economie\">Économie</a></li><li><a href=\"/culture\">Culture</a></li></ul></nav>\n"
      "<main><article><h1>" + title + "</h1>\n"
      "<p class=\"byline\">Par Claire Martin, publié le 6 janvier 2022</p>\n";
  for (const std::string& paragraph : paragraphs) page += "<p>" + paragraph + "</p>\n";
  page +=
      "</article>\n<aside><h2>Lire aussi</h2><ul><li><a href=\"/a\">Un autre sujet</a></li></ul></aside></main>\n"
      "<footer><p>© 2022 Le Quotidien du Test. Tous droits réservés.</p>"
      "<p>Abonnez-vous à notre lettre d'information.</p></footer>\n"
      "</body></html>\n";
  return page;
}

inline std::string KazakhstanPageForTests() {
  return NewsPageForTests(
      "Au Kazakhstan, le gouvernement démissionne après des manifestations",
      {"Le président kazakh, Kassym-Jomart Tokaïev, a accepté mercredi 5 janvier la démission du gouvernement, "
       "après deux jours de manifestations contre la hausse du prix du gaz dans l'ouest du pays.",
       "« Le gouvernement a failli à sa mission », a déclaré le chef de l'État dans une allocution télévisée, "
       "en annonçant l'état d'urgence à Almaty et dans la région de Manguistaou.",
       "Des milliers de personnes s'étaient rassemblées à Janaozen, ville pétrolière où le mouvement a commencé "
       "le 2 janvier, avant de gagner la plupart des grandes villes."});
}

inline std::string MunicipalPageForTests() {
  return NewsPageForTests(
      "Lyon : le conseil municipal vote le budget des transports",
      {"Le conseil municipal de Lyon a adopté lundi soir un budget de 120 millions d'euros pour les transports "
       "en commun, à l'issue d'une séance de près de six heures.",
       "L'opposition a dénoncé « un plan sans ambition pour les quartiers périphériques », tandis que la "
       "majorité met en avant deux nouvelles lignes de tramway prévues pour 2026."},
      "2022-01-10T19:00:00+01:00");
}

// An RSS 2.0 feed whose items link to `links` (title, link), each with a
// short description; `extra` is appended inside the channel.
inline std::string FeedForTests(const std::vector<std::pair<std::string, std::string>>& items,
                                const std::string& extra = "") {
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\"><channel><title>Le Quotidien du Test – À la une</title>\n"
      "<link>http://127.0.0.1/</link><description>Les dernières informations</description>\n";
  for (const auto& [title, link] : items) {
    feed += "<item><title>" + title + "</title><link>" + link +
            "</link><pubDate>Thu, 06 Jan 2022 08:30:00 +0100</pubDate>"
            "<description>Résumé : " + title + ".</description></item>\n";
  }
  return feed + extra + "</channel></rss>\n";
}

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_PAGES_FOR_TESTS_H_
