#include "fetch/url.h"

#include <gtest/gtest.h>

namespace veille::fetch {
namespace {

std::string Normal(std::string_view text) {
  Result<Url> url = ParseUrl(text);
  return url.ok() ? url->ToString() : "error: " + url.status().message();
}

std::string Resolved(std::string_view base, std::string_view reference) {
  Result<Url> url = ResolveUrl(*ParseUrl(base), reference);
  return url.ok() ? url->ToString() : "error: " + url.status().message();
}

TEST(UrlTest, PartsAndDefaults) {
  Result<Url> url = ParseUrl("HTTPS://WWW.LeMonde.fr:443/international/article/2022/01/06/x.html?a=1&b=2#haut");
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "www.lemonde.fr");
  EXPECT_EQ(url->port, 443);
  EXPECT_EQ(url->target, "/international/article/2022/01/06/x.html?a=1&b=2");
  EXPECT_EQ(url->Path(), "/international/article/2022/01/06/x.html");
  EXPECT_EQ(url->Origin(), "https://www.lemonde.fr");
  Result<Url> local = ParseUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->port, 8080);
  EXPECT_EQ(local->target, "/");
  EXPECT_EQ(local->Origin(), "http://127.0.0.1:8080");
}

TEST(UrlTest, NormalisedSpellings) {
  // A golden table: as written → as fetched.
  const std::pair<const char*, const char*> kCases[] = {
      {"http://exemple.fr", "http://exemple.fr/"},
      {"http://exemple.fr:80/a", "http://exemple.fr/a"},
      {"  http://exemple.fr/a \n", "http://exemple.fr/a"},
      {"http://exemple.fr./a", "http://exemple.fr/a"},
      {"http://exemple.fr/a/b/../c/./d", "http://exemple.fr/a/c/d"},
      {"http://exemple.fr/../../a", "http://exemple.fr/a"},
      {"http://exemple.fr/%7Euser/%2e%2E/x", "http://exemple.fr/x"},
      {"http://exemple.fr/été à Paris", "http://exemple.fr/%C3%A9t%C3%A9%20%C3%A0%20Paris"},
      {"http://exemple.fr/a%2fb%zz", "http://exemple.fr/a%2Fb%25zz"},
      {"http://exemple.fr/recherche?q=a+b,c;d", "http://exemple.fr/recherche?q=a+b,c;d"},
      {"http://[::1]:8080/x", "http://[::1]:8080/x"},
      {"https://élysée.fr/", "https://xn--lyse-9oad.fr/"},
  };
  for (const auto& [written, expected] : kCases) EXPECT_EQ(Normal(written), expected) << written;
}

TEST(UrlTest, WhatIsNotFetchedIsRefusedSayingWhy) {
  EXPECT_EQ(Normal("ftp://exemple.fr/a"), "error: 'ftp://exemple.fr/a': ftp: URLs are not fetched (only http:// and https://)");
  EXPECT_NE(Normal("file:///etc/passwd").find("file: URLs are not fetched"), std::string::npos);
  EXPECT_NE(Normal("javascript:alert(1)").find("not fetched"), std::string::npos);
  EXPECT_NE(Normal("exemple.fr/a").find("not an absolute URL"), std::string::npos);
  EXPECT_NE(Normal("/a/b").find("not an absolute URL"), std::string::npos);
  EXPECT_NE(Normal("http:exemple.fr").find("has no host"), std::string::npos);
  EXPECT_NE(Normal("http://").find("no host"), std::string::npos);
  EXPECT_NE(Normal("http://moi:secret@exemple.fr/").find("credentials"), std::string::npos);
  EXPECT_NE(Normal("http://exemple.fr:99999/").find("bad port"), std::string::npos);
  EXPECT_NE(Normal("http://exemple.fr:8a/").find("bad port"), std::string::npos);
  EXPECT_NE(Normal("http://exem<ple.fr/").find("bad host"), std::string::npos);
  // Empty labels (found by fuzz_url: "https://../" once gave a URL that did
  // not parse again).
  EXPECT_NE(Normal("https://../a").find("bad host"), std::string::npos);
  EXPECT_NE(Normal("https://.exemple.fr/").find("bad host"), std::string::npos);
  EXPECT_NE(Normal("https://exemple..fr/").find("bad host"), std::string::npos);
  EXPECT_NE(Normal("https://exemple.fr../").find("bad host"), std::string::npos);
  EXPECT_EQ(Normal("https://exemple.fr./"), "https://exemple.fr/");
}

TEST(UrlTest, ReferencesResolveAsRfc3986Says) {
  // RFC 3986 §5.4.1's examples that apply to http(s).
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> kCases[] = {
      {"g", "http://a/b/c/g"},           {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},         {"/g", "http://a/g"},
      {"//g", "http://g/"},              {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},       {"#s", "http://a/b/c/d;p?q"},
      {"g#s", "http://a/b/c/g"},         {";x", "http://a/b/c/;x"},
      {"", "http://a/b/c/d;p?q"},        {".", "http://a/b/c/"},
      {"..", "http://a/b/"},             {"../g", "http://a/b/g"},
      {"../..", "http://a/"},            {"../../../g", "http://a/g"},
      {"https://autre.fr/x", "https://autre.fr/x"},
  };
  for (const auto& [reference, expected] : kCases) EXPECT_EQ(Resolved(base, reference), expected) << reference;
  EXPECT_NE(Resolved(base, "mailto:a@b.fr").find("not fetched"), std::string::npos);
  // The scheme of the base carries over to a network-path reference.
  EXPECT_EQ(Resolved("https://a/x", "//cdn.a/y"), "https://cdn.a/y");
}

TEST(UrlTest, PercentEncodingForRobots) {
  EXPECT_EQ(NormalisePercentEncoding("/a%2db/%c3%a9/é*$"), "/a-b/%C3%A9/%C3%A9*$");
  EXPECT_EQ(NormalisePercentEncoding("/100%"), "/100%25");
}

}  // namespace
}  // namespace veille::fetch
