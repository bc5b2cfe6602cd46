#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

namespace veille::ingest {
namespace {

TEST(FeedReaderTest, Rss2WithItsContent) {
  auto feed = ReadFeed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Le Monde.fr - International</title><link>https://www.lemonde.fr/international/</link>
<item><title>Kazakhstan : l’état d’urgence</title><link>https://www.lemonde.fr/a.html</link>
<guid isPermaLink="false">a-1</guid><dc:creator>Isabelle Mandraud</dc:creator>
<pubDate>Thu, 06 Jan 2022 08:30:00 +0100</pubDate><description>Résumé court</description>
<content:encoded><![CDATA[<p>Le 5 janvier, <b>Tokayev</b> a limogé le gouvernement.</p>]]></content:encoded></item>
<item><title>Sans contenu</title><link>https://www.lemonde.fr/b.html</link><description>Seulement &lt;i&gt;ceci&lt;/i&gt; &amp; cela</description>
<pubDate>Fri, 7 Jan 22 10:00 GMT</pubDate></item>
</channel></rss>)");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->format, "rss");
  EXPECT_EQ(feed->title, "Le Monde.fr - International");
  ASSERT_EQ(feed->items.size(), 2u);
  const FeedItem& a = feed->items[0];
  EXPECT_EQ(a.link, "https://www.lemonde.fr/a.html");
  EXPECT_EQ(a.id, "a-1");
  EXPECT_EQ(a.author, "Isabelle Mandraud");
  EXPECT_EQ(a.published, "2022-01-06T08:30:00+01:00");
  EXPECT_EQ(a.content, "<p>Le 5 janvier, <b>Tokayev</b> a limogé le gouvernement.</p>");
  EXPECT_EQ(feed->items[1].content, "Seulement <i>ceci</i> & cela");
  EXPECT_EQ(feed->items[1].published, "2022-01-07T10:00:00+00:00");
}

TEST(FeedReaderTest, AtomAndRss1) {
  auto atom = ReadFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<link rel="alternate" href="https://exemple.fr/"/><entry><title>Un billet</title>
<link rel="alternate" href="https://exemple.fr/1"/><id>urn:1</id><updated>2022-01-06T08:30:00Z</updated>
<author><name>Jeanne</name></author><content type="html">&lt;p&gt;Texte&lt;/p&gt;</content></entry></feed>)");
  ASSERT_TRUE(atom.ok());
  EXPECT_EQ(atom->format, "atom");
  ASSERT_EQ(atom->items.size(), 1u);
  EXPECT_EQ(atom->items[0].link, "https://exemple.fr/1");
  EXPECT_EQ(atom->items[0].author, "Jeanne");
  EXPECT_EQ(atom->items[0].published, "2022-01-06T08:30:00Z");
  EXPECT_EQ(atom->items[0].content, "<p>Texte</p>");
  auto rdf = ReadFeed(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://x.fr/"><title>X</title><link>https://x.fr/</link></channel>
<item rdf:about="https://x.fr/1"><title>Un</title><link>https://x.fr/1</link><dc:date>2022-01-06</dc:date></item></rdf:RDF>)");
  ASSERT_TRUE(rdf.ok());
  EXPECT_EQ(rdf->format, "rdf");
  ASSERT_EQ(rdf->items.size(), 1u);
  EXPECT_EQ(rdf->items[0].published, "2022-01-06");
}

TEST(FeedReaderTest, HostileFeeds) {
  // An external entity is never read, and a billion laughs never expanded.
  auto xxe = ReadFeed(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>d&xxe;</description></item></channel></rss>)");
  ASSERT_TRUE(xxe.ok());
  ASSERT_EQ(xxe->items.size(), 1u);
  EXPECT_EQ(xxe->items[0].content.find("root:"), std::string::npos);
  EXPECT_EQ(xxe->items[0].content, "d");
  std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha">)";
  char previous = 'a';
  for (char e = 'b'; e <= 'k'; ++e, ++previous) {
    laughs += std::string("<!ENTITY ") + e + " \"";
    for (int i = 0; i < 10; ++i) laughs += std::string("&") + previous + ";";
    laughs += "\">";
  }
  laughs += "]><rss version=\"2.0\"><channel><item><description>&k;</description></item></channel></rss>";
  auto bomb = ReadFeed(laughs);  // an error or an empty item, at once
  if (bomb.ok()) {
    ASSERT_EQ(bomb->items.size(), 1u);
    EXPECT_LT(bomb->items[0].content.size(), 1000u);
  }
  EXPECT_FALSE(ReadFeed("<html><body>pas un flux</body></html>").ok());
  EXPECT_FALSE(ReadFeed("<rss><channel><item>").ok());
  EXPECT_EQ(Rfc822ToIso("n'importe quoi"), "");
}

}  // namespace
}  // namespace veille::ingest
