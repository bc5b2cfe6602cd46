// The web as input, end to end: `veille analyze` and `veille ingest` on web
// pages, WARC files the tests write with real pages (../shared/data), a
// hand-broken WARC, and RSS and Atom feeds; `veille extract`.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "ingest/gzip_for_tests.h"
#include "test_util.h"

namespace veille {
namespace {

using testing::HaveSharedData;
using testing::ParseLines;
using testing::ReadFile;
using testing::RunVeille;
using testing::SharedData;
using testing::TempDir;
using testing::WriteFile;

const std::string kPage = R"(<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Almaty sous le choc après les émeutes - La Gazette</title>
<meta property="og:site_name" content="La Gazette">
<meta property="article:published_time" content="2022-01-07T09:00:00+06:00">
<meta name="author" content="Paul Durand">
<link rel="canonical" href="https://gazette.example/monde/almaty">
</head><body><nav class="menu"><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Almaty sous le choc après les émeutes</h1>
<p>Le président Kassym-Jomart Tokaïev a affirmé vendredi que l'ordre était rétabli à Almaty, après des
émeutes d'une rare violence qui ont fait des dizaines de morts dans la capitale économique du Kazakhstan.</p>
<p>« Les terroristes seront éliminés », a déclaré Tokaïev dans une allocution télévisée, alors que les
troupes de l'OTSC, envoyées à la demande du pays, gardaient les bâtiments officiels de la ville.</p>
</article><footer>© La Gazette — Tous droits réservés</footer></body></html>)";

// One WARC record, as crawlers write them.
std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2022-01-07T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
         ">\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& body, const std::string& content_type = "text/html; charset=UTF-8",
                         int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(WebInputTest, AnalyzeReadsAPageAndEverySpanPointsIntoItsBytes) {
  TempDir dir;
  WriteFile(dir / "almaty.html", kPage);
  auto run = RunVeille({"analyze", (dir / "almaty.html").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u);
  const auto& a = records[0];
  EXPECT_EQ(a["source"]["format"], "html");
  EXPECT_EQ(a["source"]["url"], "https://gazette.example/monde/almaty");
  EXPECT_EQ(a["source"]["author"], "Paul Durand");
  EXPECT_EQ(a["source"]["outlet"]["name"], "La Gazette");
  EXPECT_EQ(a["published"]["value"], "2022-01-07T09:00:00+06:00");
  EXPECT_EQ(a["published"]["evidence"], "page metadata");
  EXPECT_EQ(a["title"]["text"], "Almaty sous le choc après les émeutes");
  // Every entity's offsets are the page's own bytes.
  bool tokaiev = false;
  ASSERT_FALSE(a["entities"].empty());
  for (const auto& e : a["entities"]) {
    std::string text = e["text"];
    EXPECT_EQ(kPage.substr(e["start"], static_cast<size_t>(e["end"]) - static_cast<size_t>(e["start"])), text);
    tokaiev = tokaiev || text == "Kassym-Jomart Tokaïev";
  }
  EXPECT_TRUE(tokaiev) << a["entities"].dump();
  bool direct = false;
  for (const auto& q : a["quotes"]) {
    if (q["text"] != "Les terroristes seront éliminés") continue;
    direct = true;
    EXPECT_EQ(q["speaker"]["text"], "Tokaïev");
  }
  EXPECT_TRUE(direct) << a["quotes"].dump();
  // The menu and the footer are not text.
  for (const auto& b : a["blocks"]) {
    std::string raw = kPage.substr(b["start"], static_cast<size_t>(b["end"]) - static_cast<size_t>(b["start"]));
    EXPECT_EQ(raw.find("Accueil"), std::string::npos);
    EXPECT_EQ(raw.find("droits"), std::string::npos);
  }
}

TEST(WebInputTest, ExtractPrintsTheMainTextOrJson) {
  TempDir dir;
  WriteFile(dir / "almaty.html", kPage);
  auto plain = RunVeille({"extract", (dir / "almaty.html").string()});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.rfind("Le président Kassym-Jomart Tokaïev", 0), 0u) << plain.out;
  EXPECT_NE(plain.out.find("officiels de la ville.\n"), std::string::npos);
  EXPECT_NE(plain.out.find(".\n\n« Les terroristes"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("Accueil"), std::string::npos);
  auto json = RunVeille({"extract", "--json", (dir / "almaty.html").string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto pages = ParseLines(json.out);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0]["title"]["value"], "Almaty sous le choc après les émeutes");
  EXPECT_EQ(pages[0]["published"]["from"], "opengraph");
  EXPECT_EQ(pages[0]["charset"]["value"], "UTF-8");
  auto missing = RunVeille({"extract", (dir / "missing.html").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("missing.html"), std::string::npos);
}

// A WARC file as a crawler writes it: per-record gzip, a warcinfo, requests,
// the pages, an image, a 404; real pages from Readability's test set.
TEST(WebInputTest, IngestReadsTheHtmlPagesOfAWarcFile) {
  if (!HaveSharedData()) GTEST_SKIP() << "no ../shared/data";
  std::string liberation = ReadFile(SharedData() / "readability-test-pages/liberation-1/source.html");
  std::string lemonde = ReadFile(SharedData() / "readability-test-pages/lemonde-1/source.html");
  std::string warc;
  warc += veille::ingest::Gzip(WarcRecord("warcinfo", "", "software: test\r\n", "application/warc-fields"));
  warc += veille::ingest::Gzip(WarcRecord("request", "http://www.liberation.fr/a",
                                          "GET /a HTTP/1.1\r\nHost: www.liberation.fr\r\n\r\n",
                                          "application/http; msgtype=request"));
  warc += veille::ingest::Gzip(WarcRecord("response", "http://www.liberation.fr/a", HttpResponse(liberation)));
  warc += veille::ingest::Gzip(WarcRecord("response", "http://www.lemonde.fr/b", HttpResponse(lemonde)));
  warc += veille::ingest::Gzip(WarcRecord("response", "http://www.lemonde.fr/logo.png",
                                          HttpResponse("\x89PNG....", "image/png")));
  warc += veille::ingest::Gzip(WarcRecord("response", "http://www.lemonde.fr/gone",
                                          HttpResponse("<html>Not found</html>", "text/html", 404)));
  TempDir dir;
  WriteFile(dir / "crawl.warc.gz", warc);
  auto analyzed = RunVeille({"analyze", (dir / "crawl.warc.gz").string()});
  ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
  auto records = ParseLines(analyzed.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["source"]["format"], "warc");
  EXPECT_EQ(records[0]["source"]["url"], "http://www.liberation.fr/a");
  EXPECT_EQ(records[0]["source"]["fetched"], "2022-01-07T10:00:00Z");
  EXPECT_EQ(records[0]["title"]["text"], "Un troisième Français mort dans le séisme au Népal");
  EXPECT_EQ(records[1]["source"]["url"], "http://www.lemonde.fr/b");
  EXPECT_EQ(records[1]["language"]["code"], "fr");

  std::string db = (dir / "a.db").string();
  auto ingested = RunVeille({"ingest", "--db", db, (dir / "crawl.warc.gz").string()});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  auto found = RunVeille({"search", "--db", db, "--json", "Népal"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  auto hits = ParseLines(found.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["url"], "http://www.liberation.fr/a");
  // The same file again stores nothing twice.
  ASSERT_EQ(RunVeille({"ingest", "--db", db, (dir / "crawl.warc.gz").string()}).exit_code, 0);
  EXPECT_EQ(ParseLines(RunVeille({"search", "--db", db, "--json", "Népal"}).out).size(), 1u);
}

TEST(WebInputTest, ABrokenWarcRecordIsAnErrorAndTheRestIsRead) {
  std::string page2 = kPage;
  page2.replace(page2.find("Almaty sous le choc"), 19, "Astana reste calme!");
  std::string good1 = WarcRecord("response", "http://a.example/1", HttpResponse(kPage));
  // A record whose Content-Length lies (says more than there is), then a good
  // one, then a record cut off in its block.
  std::string lying = WarcRecord("response", "http://a.example/lie", HttpResponse(kPage));
  lying.replace(lying.find("Content-Length: ") + 16, 1, "9");
  std::string good2 = WarcRecord("response", "http://a.example/2", HttpResponse(page2));
  std::string cut = WarcRecord("response", "http://a.example/cut", HttpResponse(kPage)).substr(0, 400);
  TempDir dir;
  WriteFile(dir / "broken.warc", good1 + lying + good2 + cut);
  auto run = RunVeille({"analyze", (dir / "broken.warc").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = ParseLines(run.out);
  std::vector<std::string> urls;
  int errors = 0;
  for (const auto& r : records) {
    if (!r["errors"].empty()) {
      ++errors;
      EXPECT_EQ(r["errors"][0]["code"], "corrupt") << r.dump();
    } else {
      urls.push_back(r["source"]["url"]);
    }
  }
  EXPECT_EQ(urls.front(), "http://a.example/1");
  EXPECT_NE(std::find(urls.begin(), urls.end(), "http://a.example/2"), urls.end()) << run.out;
  EXPECT_GE(errors, 1);
  // A truncated gzip stream: the pages before the cut are read.
  std::string gz = veille::ingest::Gzip(good1) + veille::ingest::Gzip(good2);
  WriteFile(dir / "cut.warc.gz", gz.substr(0, gz.size() - 200));
  auto truncated = RunVeille({"analyze", (dir / "cut.warc.gz").string()});
  auto read = ParseLines(truncated.out);
  ASSERT_GE(read.size(), 1u);
  EXPECT_EQ(read[0]["source"]["url"], "http://a.example/1");
  EXPECT_FALSE(read.back()["errors"].empty());
}

TEST(WebInputTest, FeedsAreIngestedItemByItem) {
  const std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>La Gazette</title><link>https://gazette.example/</link>
<item><title>Tokaïev limoge le gouvernement</title><link>https://gazette.example/1</link>
<pubDate>Wed, 05 Jan 2022 08:00:00 GMT</pubDate><dc:creator>Anne Martin</dc:creator>
<content:encoded><![CDATA[<p>Le président Kassym-Jomart Tokaïev a accepté mercredi la démission du gouvernement.</p>
<p>Les manifestations se poursuivent à Almaty.</p>]]></content:encoded></item>
<item><title>Couvre-feu à Almaty</title><link>https://gazette.example/2</link>
<description>Un couvre-feu a été décrété à Almaty &amp; dans la région de Manguistaou.</description></item>
</channel></rss>)";
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Journal</title>
<entry><title>Le gaz à l'origine des manifestations</title><link href="https://journal.example/gaz"/>
<id>urn:journal:gaz</id><updated>2022-01-04T10:00:00Z</updated><author><name>Luc Petit</name></author>
<content type="html">&lt;p&gt;Le prix du gaz liquéfié a doublé au 1er janvier à Janaozen.&lt;/p&gt;</content></entry></feed>)";
  TempDir dir;
  WriteFile(dir / "gazette.xml", rss);
  WriteFile(dir / "journal.atom", atom);
  auto run = RunVeille({"analyze", (dir / "gazette.xml").string(), (dir / "journal.atom").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["source"]["format"], "feed");
  EXPECT_EQ(records[0]["source"]["url"], "https://gazette.example/1");
  EXPECT_EQ(records[0]["source"]["author"], "Anne Martin");
  EXPECT_EQ(records[0]["title"]["text"], "Tokaïev limoge le gouvernement");
  EXPECT_EQ(records[0]["published"]["value"], "2022-01-05T08:00:00+00:00");
  EXPECT_EQ(records[0]["published"]["evidence"], "feed");
  EXPECT_EQ(records[0]["source"]["outlet"]["name"], "La Gazette");
  EXPECT_EQ(records[0]["blocks"].size(), 2u);
  EXPECT_EQ(records[1]["source"]["url"], "https://gazette.example/2");
  bool almaty = false;
  for (const auto& e : records[1]["entities"]) almaty = almaty || e["text"] == "Almaty";
  EXPECT_TRUE(almaty) << records[1].dump();
  EXPECT_EQ(records[2]["source"]["url"], "https://journal.example/gaz");
  EXPECT_EQ(records[2]["source"]["author"], "Luc Petit");

  std::string db = (dir / "a.db").string();
  ASSERT_EQ(RunVeille({"ingest", "--db", db, (dir / "gazette.xml").string()}).exit_code, 0);
  auto hits = ParseLines(RunVeille({"search", "--db", db, "--json", "couvre-feu"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["url"], "https://gazette.example/2");
}

// A 200 MB page is refused with a clear error while only the limit is read;
// the page after it in the batch is analysed.
TEST(WebInputTest, AHugePageIsAnErrorAndTheBatchGoesOn) {
  TempDir dir;
  {
    std::ofstream huge(dir / "a-huge.html", std::ios::binary);
    huge << "<html><body>";
    std::string chunk;
    for (int i = 0; i < 20000; ++i) chunk += "<p>du texte</p>";
    for (size_t written = 0; written < (200u << 20); written += chunk.size()) huge << chunk;
  }
  WriteFile(dir / "b-page.html", kPage);
  auto run = RunVeille({"analyze", (dir / "a-huge.html").string(), (dir / "b-page.html").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["errors"][0]["code"], "too_large");
  EXPECT_NE(std::string(records[0]["errors"][0]["message"]).find("--max-page-bytes"), std::string::npos);
  EXPECT_TRUE(records[1]["errors"].empty());
  EXPECT_LT(run.max_rss_kb, 400 * 1024);  // the limit (16 MiB) is what is held, not the page
}

TEST(WebInputTest, AFeedWithAnExternalEntityLeaksNothing) {
  TempDir dir;
  WriteFile(dir / "secret.txt", "SECRET-CONTENT");
  std::string xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" +
                    (dir / "secret.txt").string() +
                    "\">]><rss version=\"2.0\"><channel><title>t</title><item><title>a &x; b</title>"
                    "<link>https://x.example/1</link><description>Texte &x; ici.</description></item></channel></rss>";
  WriteFile(dir / "xxe.rss", xxe);
  auto run = RunVeille({"analyze", (dir / "xxe.rss").string()});
  EXPECT_EQ(run.out.find("SECRET"), std::string::npos) << run.out;
  EXPECT_EQ(run.err.find("SECRET"), std::string::npos);
}

}  // namespace
}  // namespace veille
