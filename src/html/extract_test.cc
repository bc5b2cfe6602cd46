#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "veille/extract.h"

namespace veille {
namespace {

// A news page as CMSs write them: a menu, a share bar, the article, related
// links, comments, a footer, a cookie banner, metadata in the head.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Kazakhstan : Loukachenko appelle au dialogue - Le Quotidien</title>
<meta property="og:title" content="Kazakhstan : Loukachenko appelle au dialogue">
<meta property="og:site_name" content="Le Quotidien">
<link rel="canonical" href="https://quotidien.example/monde/kazakhstan-dialogue">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Kazakhstan : Loukachenko appelle au dialogue","datePublished":"2022-01-06T08:30:00+01:00",
 "dateModified":"2022-01-06T10:00:00+01:00","author":[{"@type":"Person","name":"Anne Martin"}],
 "publisher":{"@type":"Organization","name":"Le Quotidien"}}</script>
<script>var html = "<p>not text</p></div>"; if (a < b && c > d) {}</script>
<style>p { color: red; } /* <p>not text</p> */</style>
</head><body>
<div id="cookie-banner" class="gdpr-popup">Nous utilisons des cookies. <button>Accepter</button></div>
<header class="site-header"><nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="article-body">
<h1>Kazakhstan : Loukachenko appelle au dialogue</h1>
<div class="share-bar"><a href="#">Partager</a> <a href="#">Tweeter</a></div>
<p>Le président biélorusse Alexandre Loukachenko a appelé jeudi les manifestants kazakhs à
renouer le dialogue avec les autorités, au lendemain de violentes émeutes à Almaty, la capitale économique du pays.</p>
<p>« Il faut se parler, et vite », a déclaré le dirigeant, cité par l'agence d'État Belta, en ajoutant que la
situation « ne doit pas dégénérer » &amp; qu'il suivait les événements &laquo;&nbsp;heure par heure&nbsp;&raquo;.</p>
<h2>Des troupes de l'OTSC</h2>
<p>L'Organisation du traité de sécurité collective a annoncé l'envoi de troupes, à la demande du président
Kassym-Jomart Tokaïev, qui a qualifié les manifestants de « terroristes » formés à l'étranger.</p>
<p>Selon le ministère de l'Intérieur, plusieurs dizaines de personnes ont été tuées, et des centaines blessées,
lors des affrontements de la nuit de mercredi à jeudi.</p>
</article>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/a">Les prix du gaz flambent</a></li>
<li><a href="/b">Tokaïev limoge son gouvernement</a></li><li><a href="/c">Almaty sous couvre-feu</a></li></ul></aside>
<section id="comments" class="comments"><p>Jean : Bravo pour cet article, très clair, merci.</p></section>
</main>
<footer class="site-footer"><p>© Le Quotidien 2022 — Mentions légales — Contact</p></footer>
</body></html>)";

std::string Body(const ExtractedPage& page) {
  std::string out;
  for (const PageBlock& block : page.blocks) {
    if (block.kind == BlockKind::kTitle) continue;
    out += std::string(BlockKindName(block.kind)) + ": " + block.text + "\n";
  }
  return out;
}

TEST(ExtractTest, ArticleWithoutMenusShareBarsRelatedLinksCommentsOrFooter) {
  Result<ExtractedPage> page = ExtractPage(kNewsPage);
  ASSERT_TRUE(page.ok()) << page.status().message();
  std::string body = Body(*page);
  EXPECT_NE(body.find("paragraph: Le président biélorusse Alexandre Loukachenko a appelé jeudi"), std::string::npos)
      << body;
  EXPECT_NE(body.find("heading: Des troupes de l'OTSC"), std::string::npos) << body;
  EXPECT_NE(body.find("lors des affrontements de la nuit de mercredi à jeudi."), std::string::npos) << body;
  // Entities decoded, white space collapsed.
  EXPECT_NE(body.find("« ne doit pas dégénérer » & qu'il suivait les événements «\u00A0heure par heure\u00A0»."),
            std::string::npos)
      << body;
  for (const char* gone : {"cookies", "Accueil", "Partager", "lire aussi", "Bravo", "Mentions", "not text",
                           "color"}) {
    EXPECT_EQ(body.find(gone), std::string::npos) << gone << " in\n" << body;
  }
  ASSERT_FALSE(page->blocks.empty());
  EXPECT_EQ(page->blocks[0].kind, BlockKind::kTitle);
  EXPECT_EQ(page->blocks[0].text, "Kazakhstan : Loukachenko appelle au dialogue");
  // The headline is not repeated in the body.
  EXPECT_NE(page->blocks[1].kind, BlockKind::kTitle);
  EXPECT_EQ(page->blocks[1].text.find("Kazakhstan :"), std::string::npos);
}

TEST(ExtractTest, MetadataSaysWhereEachValueWasRead) {
  Result<ExtractedPage> page = ExtractPage(kNewsPage);
  ASSERT_TRUE(page.ok());
  const PageMetadata& m = page->metadata;
  EXPECT_EQ(m.title.value, "Kazakhstan : Loukachenko appelle au dialogue");
  EXPECT_EQ(m.title.from, "json-ld");
  EXPECT_EQ(m.byline.value, "Anne Martin");
  EXPECT_EQ(m.published.value, "2022-01-06T08:30:00+01:00");
  EXPECT_EQ(m.modified.value, "2022-01-06T10:00:00+01:00");
  EXPECT_EQ(m.site_name.value, "Le Quotidien");
  EXPECT_EQ(m.language.value, "fr");
  EXPECT_EQ(m.language.from, "<html lang>");
  EXPECT_EQ(m.canonical_url.value, "https://quotidien.example/monde/kazakhstan-dialogue");
  EXPECT_EQ(page->charset, "UTF-8");
  EXPECT_EQ(page->charset_evidence, "meta");
}

TEST(ExtractTest, WithoutMetadataTheTitleComesFromTitleAndTheBylineFromTheText) {
  std::string html =
      "<html><head><title>Une semaine à Almaty sous la neige | Carnets de route</title></head><body><div class=\"post\">"
      "<p class=\"byline\">Par <span itemprop=\"name\">Marie Dubois</span>, le "
      "<time datetime=\"2022-01-06T08:30\">6 janvier</time></p>"
      "<p>" + std::string(30, 'x') + " Le voyage commence à la gare, où les trains partent chaque matin vers le sud, "
      "et où les voyageurs attendent, patients, sous les <time datetime=\"1970\">horloges</time> soviétiques.</p>"
      "<p>Les montagnes se dessinent au loin, blanches de neige, pendant que la ville s'éveille, lentement, dans "
      "le froid de l'hiver kazakh, et que les marchés ouvrent leurs portes.</p></div></body></html>";
  Result<ExtractedPage> page = ExtractPage(html);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->metadata.title.value, "Une semaine à Almaty sous la neige");
  EXPECT_EQ(page->metadata.title.from, "<title>");
  EXPECT_EQ(page->metadata.byline.value, "Marie Dubois");
  EXPECT_EQ(page->metadata.byline.from, "byline in the text");
  EXPECT_EQ(page->metadata.published.value, "2022-01-06T08:30");
  EXPECT_EQ(page->metadata.published.from, "<time> in the byline or dateline");
  EXPECT_EQ(Body(*page).find("Marie"), std::string::npos);
}

// Every character of the text points at the page's bytes it came from: the
// same bytes for plain text, the whole reference for an entity.
TEST(ExtractTest, OffsetsPointIntoThePageBytes) {
  Result<ExtractedPage> page = ExtractPage(kNewsPage);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->page_start.size(), page->text.size());
  for (const PageBlock& block : page->blocks) {
    std::string_view written(kNewsPage.data() + block.page.start, block.page.size());
    if (block.kind == BlockKind::kTitle) EXPECT_EQ(written, block.text);
  }
  auto source_of = [&](std::string_view needle) {
    size_t at = page->text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return kNewsPage.substr(page->page_start[at], page->page_end[at + needle.size() - 1] - page->page_start[at]);
  };
  EXPECT_EQ(source_of("Alexandre Loukachenko"), "Alexandre Loukachenko");
  EXPECT_EQ(source_of("& qu'il"), "&amp; qu'il");
  EXPECT_EQ(source_of("«\u00A0heure"), "&laquo;&nbsp;heure");
  // A line break inside a paragraph is the space the text shows.
  EXPECT_EQ(source_of("kazakhs à renouer"), "kazakhs à\nrenouer");
  for (size_t i = 1; i < page->text.size(); ++i) {
    ASSERT_LE(page->page_start[i - 1], page->page_start[i]);
    ASSERT_LE(page->page_end[i - 1], page->page_end[i]);
  }
}

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  out.resize(static_cast<size_t>(n));
  return out;
}

TEST(ExtractTest, LegacyCharsetsAreDecodedAndOffsetsStayInTheOriginalBytes) {
  std::string russian =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "<title>Лукашенко призвал к диалогу</title></head><body><div class=\"article\">"
      "<p>Президент Белоруссии Александр Лукашенко призвал протестующих в Казахстане к диалогу с властями, "
      "заявив, что ситуация не должна выйти из-под контроля, а страны ОДКБ готовы помочь.</p>"
      "<p>Массовые протесты начались в начале января, когда жители Жанаозена выступили против удвоения цен "
      "на сжиженный газ, а затем распространились на Алма-Ату и другие города.</p></div></body></html>";
  std::string bytes = Encode(russian, "windows-1251");
  Result<ExtractedPage> page = ExtractPage(bytes);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->charset, "windows-1251");
  EXPECT_EQ(page->metadata.title.value, "Лукашенко призвал к диалогу");
  size_t at = page->text.find("Лукашенко призвал протестующих");
  ASSERT_NE(at, std::string::npos) << page->text;
  // One byte per letter in the page.
  std::string_view word = "Лукашенко";
  uint32_t start = page->page_start[at], end = page->page_end[at + word.size() - 1];
  EXPECT_EQ(bytes.substr(start, end - start), Encode(std::string(word), "windows-1251"));
  // The same bytes, declared by the HTTP header instead, without the meta.
  std::string undeclared = Encode(russian.substr(russian.find("<title>")), "koi8-r");
  Result<ExtractedPage> koi8 = ExtractPage(undeclared, {.content_type = "text/html; charset=KOI8-R"});
  ASSERT_TRUE(koi8.ok());
  EXPECT_EQ(koi8->charset_evidence, "http header");
  EXPECT_NE(koi8->text.find("Массовые протесты"), std::string::npos);
}

TEST(ExtractTest, ScriptsStylesAndCommentsAreNotReadButTextElementsAre) {
  std::string html =
      "<html><head><title>Un titre &lt;!-- pas un commentaire</title></head><body><div class=\"content\">"
      "<!-- <script> un commentaire qui ouvre un script </script> -->"
      "<p>Premier paragraphe, assez long pour compter, avec des virgules, des mots, et encore des mots pour "
      "dépasser le seuil.</p><script>document.write('<p>pas du texte</p>'); /* </div> */</script>"
      "<SCRIPT type=text/javascript>x = '<!--';</SCRIPT>"
      "<p>Second paragraphe, lui aussi assez long pour compter, avec des virgules, des mots, et encore des "
      "mots.</p><textarea>&lt;!-- dans un champ</textarea></div></body></html>";
  Result<ExtractedPage> page = ExtractPage(html);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->metadata.title.value, "Un titre <!-- pas un commentaire");
  EXPECT_NE(page->text.find("Premier paragraphe"), std::string::npos);
  EXPECT_NE(page->text.find("Second paragraphe"), std::string::npos) << page->text;
  EXPECT_EQ(page->text.find("pas du texte"), std::string::npos);
  EXPECT_EQ(page->text.find("commentaire qui"), std::string::npos);
  size_t second = page->text.find("Second");
  EXPECT_EQ(html.substr(page->page_start[second], 6), "Second");
}

TEST(ExtractTest, HostilePagesGiveAResultOrAClearError) {
  // 100,000 nested tags: a result, no stack overflow.
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += "<p>Au fond de la page, un paragraphe, avec des virgules, des mots, et encore des mots.</p>";
  Result<ExtractedPage> deep = ExtractPage(nested);
  ASSERT_TRUE(deep.ok());
  EXPECT_NE(deep->text.find("Au fond de la page"), std::string::npos);
  // Unclosed everything, stray bytes, a NUL.
  std::string broken = std::string("<p>a<b><i>\xFF\xFE<table><td>x") + '\0' + "<p><<<>>>&#99999999;&#0;&";
  EXPECT_TRUE(ExtractPage(broken).ok());
  EXPECT_TRUE(ExtractPage("").ok());
  // Over the size limit: refused before anything is read.
  Result<ExtractedPage> big = ExtractPage(std::string(2000, 'a'), {.max_page_bytes = 1000});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(big.status().message().find("over the limit"), std::string::npos);
}

// Found by fuzz_html: NUL bytes gumbo drops from text once made the rest of
// the text point at one span of the page, and a title located after the
// body made the text go back in the page.
TEST(ExtractTest, TextAfterDroppedBytesStillPointsAtItsOwnBytes) {
  std::string html = std::string("<p>Jean Clau") + std::string(4, '\0') + "de Michel a parl\xFF de Paris.</p>";
  Result<ExtractedPage> page = ExtractPage(html);
  ASSERT_TRUE(page.ok());
  size_t at = page->text.find("Michel");
  ASSERT_NE(at, std::string::npos) << page->text;
  EXPECT_EQ(html.substr(page->page_start[at], 6), "Michel");
  at = page->text.find("Paris");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(html.substr(page->page_start[at], 5), "Paris");
  // A <title> never closed swallows the page as its text; it is no block.
  Result<ExtractedPage> unclosed = ExtractPage("<p>Un paragraphe avant.</p><title>Un titre<p>suite</p>");
  ASSERT_TRUE(unclosed.ok());
  for (size_t i = 1; i < unclosed->text.size(); ++i) ASSERT_LE(unclosed->page_start[i - 1], unclosed->page_start[i]);
}

TEST(ExtractTest, HtmlToTextKeepsAllTheVisibleText) {
  EXPECT_EQ(HtmlToText("<p>Un <b>deux</b></p><ul><li>trois</li><li>quatre&nbsp;!</li></ul><script>x</script>"),
            "Un deux\n\ntrois\n\nquatre\u00A0!");
}

// Readability's test pages (../shared/data): every page gives a result
// whose offsets never go back and whose plain characters are the page's.
TEST(ExtractTest, ReadabilityPagesKeepTheirOffsets) {
  std::filesystem::path dir = std::filesystem::path(VEILLE_SHARED_DATA) / "readability-test-pages";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  size_t pages = 0, checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path() / "source.html", std::ios::binary);
    if (!in) continue;
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string source = bytes.str();
    Result<ExtractedPage> page = ExtractPage(source);
    ASSERT_TRUE(page.ok()) << entry.path();
    ++pages;
    for (size_t i = 0; i < page->text.size(); ++i) {
      ASSERT_LE(page->page_start[i], page->page_end[i]);
      if (i > 0) ASSERT_LE(page->page_start[i - 1], page->page_start[i]) << entry.path();
      unsigned char c = static_cast<unsigned char>(page->text[i]);
      // An ASCII letter that came from one byte is that byte.
      if (std::isalnum(c) && page->page_end[i] == page->page_start[i] + 1 && page->charset == "UTF-8") {
        ASSERT_EQ(source[page->page_start[i]], page->text[i]) << entry.path() << " at " << i;
        ++checked;
      }
    }
  }
  EXPECT_GE(pages, 130u);
  EXPECT_GT(checked, 500000u);
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

// The scorer on pages written here: bag-of-tokens P/R/F1 per page,
// averaged; metadata counted where the reference gives a field.
TEST(ExtractScorerTest, TokensAndFieldsAreScoredAsDocumented) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("veille-extract-scorer-" + std::to_string(::getpid()));
  auto write = [](const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  };
  write(dir / "a/source.html", "<p>ignored</p>");
  write(dir / "a/expected.html", "<div><p>Un deux trois quatre</p></div>");
  write(dir / "a/expected-metadata.json", R"({"title": "Titre A", "byline": null, "siteName": "Site"})");
  write(dir / "b/source.html", "<p>ignored</p>");
  write(dir / "b/expected.html", "<p>cinq six</p>");
  write(dir / "b/expected-metadata.json", R"({"title": "Titre  B", "byline": "Jean"})");
  // a: one of its four tokens found, as tokens keep their case ("un" is not
  // "Un"): P, R and F1 0.25; b: all of it, P, R and F1 1.
  write(dir / "out.jsonl",
        R"({"page": "a", "text": "un deux sept huit", "title": "Titre A", "site_name": "Autre"})" "\n"
        R"({"page": "b", "text": "cinq\n\nsix", "title": "Titre B", "byline": "Jean"})" "\n"
        R"({"timing": {"pages": 2, "seconds": 0.5, "bytes": 28}})" "\n");
  Result<ExtractionScores> scores = ScoreExtraction(dir.string(), (dir / "out.jsonl").string(), 1);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->pages, 2u);
  EXPECT_DOUBLE_EQ(scores->precision, (0.25 + 1.0) / 2);
  EXPECT_DOUBLE_EQ(scores->recall, (0.25 + 1.0) / 2);
  EXPECT_DOUBLE_EQ(scores->f1, (0.25 + 1.0) / 2);
  EXPECT_EQ(scores->title.expected, 2u);
  EXPECT_EQ(scores->title.right, 2u);  // white space collapsed on both sides
  EXPECT_EQ(scores->byline.expected, 1u);
  EXPECT_EQ(scores->byline.right, 1u);
  EXPECT_EQ(scores->site_name.expected, 1u);
  EXPECT_EQ(scores->site_name.right, 0u);
  EXPECT_DOUBLE_EQ(scores->seconds, 0.5);
  ASSERT_EQ(scores->worst.size(), 1u);
  EXPECT_EQ(scores->worst[0].rfind("a: F1 0.250", 0), 0u) << scores->worst[0];
}

}  // namespace
}  // namespace veille
