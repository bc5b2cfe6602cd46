#include "fetch/robots_txt.h"

#include <gtest/gtest.h>

namespace veille::fetch {
namespace {

// "path → allowed/DISALLOWED" for each path, as one compact string.
std::string Verdicts(const RobotsTxt& robots, std::initializer_list<const char*> paths) {
  std::string out;
  for (const char* path : paths) {
    if (!out.empty()) out += " ";
    out += std::string(path) + (robots.Allowed(path) ? ":yes" : ":NO");
  }
  return out;
}

TEST(RobotsTxtTest, GroupOfTheProductTokenElseStar) {
  const char* kText =
      "# Nos règles\n"
      "User-agent: *\n"
      "Disallow: /prive/\n"
      "\n"
      "User-agent: Googlebot\n"
      "User-Agent: VEILLE/2.0\n"  // the product token, any case, version ignored
      "Disallow: /brouillons\n"
      "Crawl-delay: 5\n"
      "\n"
      "user-agent: veille\n"  // a second group for veille: merged with the first
      "disallow: /archives$\n";
  RobotsTxt veille = RobotsTxt::Parse(kText, "veille");
  EXPECT_EQ(Verdicts(veille, {"/prive/x", "/brouillons/1", "/archives", "/archives/2020", "/"}),
            "/prive/x:yes /brouillons/1:NO /archives:NO /archives/2020:yes /:yes");
  ASSERT_TRUE(veille.crawl_delay().has_value());
  EXPECT_EQ(*veille.crawl_delay(), 5.0);
  RobotsTxt other = RobotsTxt::Parse(kText, "autrebot");
  EXPECT_EQ(Verdicts(other, {"/prive/x", "/brouillons/1", "/"}), "/prive/x:NO /brouillons/1:yes /:yes");
  EXPECT_FALSE(other.crawl_delay().has_value());
  // No group for veille and no star group: everything allowed.
  EXPECT_EQ(Verdicts(RobotsTxt::Parse("User-agent: googlebot\nDisallow: /\n", "veille"), {"/a"}), "/a:yes");
}

TEST(RobotsTxtTest, LongestMatchWinsAndAllowWinsTies) {
  RobotsTxt robots = RobotsTxt::Parse(
      "User-agent: *\n"
      "Disallow: /dossiers/\n"
      "Allow: /dossiers/public/\n"
      "Disallow: /dossiers/public/secret\n"
      "Allow: /page\n"
      "Disallow: /page\n"  // same length: Allow wins
      "Disallow: /\n"
      "Allow: /$\n",
      "veille");
  EXPECT_EQ(Verdicts(robots, {"/dossiers/a", "/dossiers/public/b", "/dossiers/public/secret.html", "/page",
                              "/pages", "/", "/autre"}),
            "/dossiers/a:NO /dossiers/public/b:yes /dossiers/public/secret.html:NO /page:yes /pages:yes /:yes "
            "/autre:NO");
}

TEST(RobotsTxtTest, Wildcards) {
  RobotsTxt robots = RobotsTxt::Parse(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /*?session=\n"
      "Disallow: /a*b*c\n",
      "veille");
  EXPECT_EQ(Verdicts(robots, {"/doc.pdf", "/doc.pdf?x", "/x/y.pdf", "/liste?session=1", "/liste?page=2",
                              "/a-b-c", "/a-c-b", "/axxbyyczz"}),
            "/doc.pdf:NO /doc.pdf?x:yes /x/y.pdf:NO /liste?session=1:NO /liste?page=2:yes /a-b-c:NO /a-c-b:yes "
            "/axxbyyczz:NO");
  EXPECT_TRUE(RobotsPatternMatches("/", "/anything"));
  EXPECT_TRUE(RobotsPatternMatches("*", ""));
  EXPECT_TRUE(RobotsPatternMatches("/*$", "/x"));
  EXPECT_FALSE(RobotsPatternMatches("/x$", "/xy"));
  // Many stars and a long path: no blow-up.
  EXPECT_FALSE(RobotsPatternMatches("/*a*a*a*a*a*a*a*a*a*a*b$", "/" + std::string(20000, 'a')));
}

TEST(RobotsTxtTest, WhatTheRfcSaysOfOddFiles) {
  // Rules before any user-agent line belong to no group; an empty Disallow
  // forbids nothing; unknown lines and comments are skipped; CRLF and a BOM
  // are fine; percent-encoding is compared canonically.
  RobotsTxt robots = RobotsTxt::Parse(
      "\xEF\xBB\xBF"
      "Disallow: /tout\r\n"
      "Sitemap: https://exemple.fr/sitemap.xml\r\n"
      "User-agent: *   # tous\r\n"
      "Disallow:\r\n"
      "Foo: bar\r\n"
      "Disallow: /%E9t%c3%a9\r\n"
      "Disallow: /caf%C3%A9\r\n"
      "Dissallow: /faute\r\n"
      "Disallow: sans-barre\r\n",
      "veille");
  EXPECT_EQ(Verdicts(robots, {"/tout", "/%C3%A9t%C3%A9", "/café", "/caf%c3%a9", "/faute", "/sans-barre"}),
            "/tout:yes /%C3%A9t%C3%A9:yes /café:NO /caf%c3%a9:NO /faute:NO /sans-barre:NO");
  // "/%E9t%c3%a9" is not the same bytes as "/%C3%A9t%C3%A9".
  EXPECT_EQ(Verdicts(robots, {"/%E9t%C3%A9"}), "/%E9t%C3%A9:NO");
  EXPECT_EQ(robots.DisallowingRule("/café"), "Disallow: /caf%C3%A9");
  EXPECT_EQ(robots.DisallowingRule("/"), "");
}

TEST(RobotsTxtTest, RobotsTxtItselfAndTheFailureCases) {
  RobotsTxt all = RobotsTxt::Parse("User-agent: *\nDisallow: /\n", "veille");
  EXPECT_EQ(Verdicts(all, {"/", "/a", "/robots.txt"}), "/:NO /a:NO /robots.txt:yes");
  EXPECT_EQ(Verdicts(RobotsTxt::AllowAll(), {"/", "/a"}), "/:yes /a:yes");
  RobotsTxt none = RobotsTxt::DisallowAll();
  EXPECT_EQ(Verdicts(none, {"/", "/a"}), "/:NO /a:NO");
  EXPECT_EQ(none.DisallowingRule("/a"), "everything");
}

TEST(RobotsTxtTest, OnlyTheFirst500KiBAreRead) {
  std::string text = "User-agent: *\n";
  while (text.size() < kMaxRobotsTxtBytes) text += "Disallow: /remplissage\n";
  text += "Disallow: /au-dela\n";
  RobotsTxt robots = RobotsTxt::Parse(text, "veille");
  EXPECT_EQ(Verdicts(robots, {"/remplissage", "/au-dela"}), "/remplissage:NO /au-dela:yes");
}

TEST(RobotsTxtTest, HalfARuleAtTheLimitIsDropped) {
  // "Disallow: /drafts" cut after "Disallow: /" would forbid everything.
  std::string text = "User-agent: *\n#";
  text += std::string(kMaxRobotsTxtBytes - text.size() - std::string("\nDisallow: /").size(), 'x');
  text += "\nDisallow: /drafts\n";
  RobotsTxt robots = RobotsTxt::Parse(text, "veille");
  EXPECT_EQ(Verdicts(robots, {"/autre", "/drafts"}), "/autre:yes /drafts:yes");
}

TEST(RobotsTxtTest, CrawlDelayValues) {
  EXPECT_EQ(*RobotsTxt::Parse("User-agent: *\nCrawl-delay: 0.5\n", "veille").crawl_delay(), 0.5);
  EXPECT_FALSE(RobotsTxt::Parse("User-agent: *\nCrawl-delay: beaucoup\n", "veille").crawl_delay());
  EXPECT_FALSE(RobotsTxt::Parse("User-agent: *\nCrawl-delay: -3\n", "veille").crawl_delay());
}

}  // namespace
}  // namespace veille::fetch
