#include "html/metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include <re2/re2.h>

namespace veille::html {
namespace {

// JSON-LD larger than this is not read (a page's own is a few kB).
constexpr size_t kMaxJsonLdBytes = 1 << 20;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Trim(std::string_view text) {
  size_t start = 0, end = text.size();
  while (start < end && IsHtmlSpace(text[start])) ++start;
  while (end > start && IsHtmlSpace(text[end - 1])) --end;
  return std::string(text.substr(start, end - start));
}

size_t WordCount(std::string_view text) {  // JavaScript's split(/\s+/).length
  size_t count = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsHtmlSpace(text[i]) && (i == 0 || !IsHtmlSpace(text[i - 1]))) ++count;
  }
  return count;
}

// The few entities JSON-LD writers leave in their strings.
std::string UnescapeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"},
      {"&nbsp;", " "}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, value] : kNamed) {
        if (text.substr(i, entity.size()) == entity) {
          out += value;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// The first non-empty of the candidates, with where it was read.
PageField First(std::initializer_list<PageField> candidates) {
  for (const PageField& field : candidates) {
    if (!field.value.empty()) return field;
  }
  return {};
}

// <meta> values by key, the last of each (as Readability reads them):
// "og:title", "author", "article:published_time", "dc:creator"….
struct MetaTags {
  std::map<std::string, std::string> values;

  void Add(std::string key, std::string_view content) {
    key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return IsHtmlSpace(c); }), key.end());
    std::replace(key.begin(), key.end(), '.', ':');
    if (!key.empty()) values.insert_or_assign(std::move(key), Trim(content));
  }
  PageField Get(const std::string& key, std::string from) const {
    auto it = values.find(key);
    if (it == values.end() || it->second.empty()) return {};
    return {it->second, std::move(from)};
  }
};

void ReadMetaTag(const Dom& dom, NodeId id, MetaTags& tags) {
  std::string_view content = dom.Attribute(id, "content");
  if (content.empty()) return;
  // property="og:title article:author" names several at once.
  std::string_view property = dom.Attribute(id, "property");
  size_t start = 0;
  while (start < property.size()) {
    size_t end = start;
    while (end < property.size() && !IsHtmlSpace(property[end])) ++end;
    if (end > start) tags.Add(Lower(property.substr(start, end - start)), content);
    start = end + 1;
  }
  for (const char* attribute : {"name", "itemprop"}) {
    std::string_view name = dom.Attribute(id, attribute);
    if (!name.empty()) tags.Add(Lower(Trim(name)), content);
  }
  std::string_view equiv = dom.Attribute(id, "http-equiv");
  if (!equiv.empty()) tags.Add("http-equiv:" + Lower(Trim(equiv)), content);
}

// Schema.org's types of article (Readability's list).
bool IsArticleType(const nlohmann::json& type) {
  static const RE2 kArticle(
      "^(Article|AdvancedArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|"
      "BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|"
      "SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
      "LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$");
  if (type.is_string()) return RE2::FullMatch(type.get<std::string>(), kArticle);
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && RE2::FullMatch(t.get<std::string>(), kArticle)) return true;
    }
  }
  return false;
}

// The article object of a JSON-LD document: the object itself, an item of
// an array, or an item of @graph.
const nlohmann::json* FindArticle(const nlohmann::json& json) {
  std::vector<const nlohmann::json*> items;
  auto add = [&](const nlohmann::json& value) {
    if (value.is_object()) items.push_back(&value);
  };
  if (json.is_array()) {
    for (const auto& item : json) add(item);
  } else {
    add(json);
  }
  for (size_t i = 0; i < items.size() && i < 256; ++i) {
    auto graph = items[i]->find("@graph");
    if (graph != items[i]->end() && graph->is_array()) {
      for (const auto& item : *graph) add(item);
    }
  }
  for (const nlohmann::json* item : items) {
    auto type = item->find("@type");
    if (type != item->end() && IsArticleType(*type)) return item;
  }
  return nullptr;
}

std::string StringOf(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return Trim(UnescapeEntities(it->get<std::string>()));
}

// "name" of an object, or the string itself.
std::string NameOf(const nlohmann::json& value) {
  if (value.is_string()) return Trim(UnescapeEntities(value.get<std::string>()));
  if (value.is_object()) return StringOf(value, "name");
  return "";
}

struct JsonLd {
  std::string title, byline, description, site_name, published, modified;
};

JsonLd ReadJsonLd(const nlohmann::json& article, const std::string& document_title) {
  JsonLd out;
  std::string name = StringOf(article, "name");
  std::string headline = StringOf(article, "headline");
  if (!name.empty() && !headline.empty() && name != headline) {
    // The one like the page's title (Readability's choice).
    bool name_matches = TextSimilarity(name, document_title) > 0.75;
    bool headline_matches = TextSimilarity(headline, document_title) > 0.75;
    out.title = headline_matches && !name_matches ? headline : name;
  } else {
    out.title = !name.empty() ? name : headline;
  }
  if (auto author = article.find("author"); author != article.end()) {
    if (author->is_array()) {
      std::string joined;
      for (const auto& one : *author) {
        std::string n = NameOf(one);
        if (n.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += n;
      }
      out.byline = joined;
    } else {
      out.byline = NameOf(*author);
    }
  }
  out.description = StringOf(article, "description");
  if (auto publisher = article.find("publisher"); publisher != article.end()) {
    out.site_name = NameOf(*publisher);
  }
  out.published = StringOf(article, "datePublished");
  out.modified = StringOf(article, "dateModified");
  return out;
}

JsonLd ReadJsonLdScripts(const Dom& dom, const std::vector<NodeId>& scripts,
                         const std::string& document_title) {
  for (NodeId id : scripts) {
    std::string text = dom.TextContent(id);
    if (text.size() > kMaxJsonLdBytes) continue;
    // Some pages wrap it in CDATA markers for old XHTML parsers.
    static const RE2 kCdata(R"(^\s*<!\[CDATA\[|\]\]>\s*$)");
    RE2::GlobalReplace(&text, kCdata, "");
    nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) continue;
    if (const nlohmann::json* article = FindArticle(json)) {
      return ReadJsonLd(*article, document_title);
    }
  }
  return {};
}

// A <time datetime> that dates the article when the metadata do not: in
// its byline or dateline (an ancestor close by whose class or id says so),
// or in the <article> before its first paragraph.
bool IsDatelineTime(const Dom& dom, NodeId id) {
  if (Trim(dom.Attribute(id, "datetime")).empty()) return false;
  static const RE2 kDateline("(?i)byline|dateline|date|publi|posted|author|meta|timestamp");
  int depth = 0;
  for (NodeId at = dom[id].parent; at != kNoNode && depth < 4; at = dom[at].parent, ++depth) {
    if (!dom.IsElement(at)) break;
    std::string match(dom.Attribute(at, "class"));
    match += ' ';
    match += dom.Attribute(at, "id");
    if (RE2::PartialMatch(match, kDateline)) return true;
  }
  for (NodeId at = dom[id].parent; at != kNoNode; at = dom[at].parent) {
    if (!dom.IsA(at, GUMBO_TAG_ARTICLE)) continue;
    // Before the article's first paragraph: the dateline, not a date the
    // story mentions.
    for (NodeId p : dom.Descendants(at, {GUMBO_TAG_P})) return p > id;
    return true;
  }
  return false;
}

}  // namespace

std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsHtmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

double TextSimilarity(std::string_view a, std::string_view b) {
  auto tokens = [](std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || c == '_') {
        word += static_cast<char>(std::tolower(u));
      } else if (!word.empty()) {
        out.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
  };
  std::vector<std::string> tokens_a = tokens(a), tokens_b = tokens(b);
  if (tokens_a.empty() || tokens_b.empty()) return 0;
  size_t unique_length = 0, all_length = 0;
  bool first_unique = true;
  for (size_t i = 0; i < tokens_b.size(); ++i) {
    all_length += tokens_b[i].size() + (i > 0);
    if (std::find(tokens_a.begin(), tokens_a.end(), tokens_b[i]) == tokens_a.end()) {
      unique_length += tokens_b[i].size() + (first_unique ? 0 : 1);
      first_unique = false;
    }
  }
  return 1.0 - static_cast<double>(unique_length) / static_cast<double>(all_length);
}

std::string TitleFromDocumentTitle(const Dom& dom, std::string_view document_title) {
  std::string original = NormalizeSpaces(document_title);
  std::string title = original;
  bool hierarchical = false;
  static const RE2 kSeparator(R"( [\|\-–—\\/>»] )");
  static const RE2 kHierarchical(R"( [\\/>»] )");
  static const RE2 kAfterLast(R"((.*)[\|\-–—\\/>»] .*)");
  static const RE2 kBeforeFirst(R"([^\|\-–—\\/>»]*[\|\-–—\\/>»](.*))");
  if (RE2::PartialMatch(original, kSeparator)) {
    hierarchical = RE2::PartialMatch(original, kHierarchical);
    std::string kept;
    if (RE2::FullMatch(original, kAfterLast, &kept)) title = kept;
    if (WordCount(title) < 3 && RE2::FullMatch(original, kBeforeFirst, &kept)) title = kept;
  } else if (original.find(": ") != std::string::npos) {
    bool heading_is_title = false;
    for (NodeId h : dom.Descendants(dom.root(), {GUMBO_TAG_H1, GUMBO_TAG_H2})) {
      if (Trim(dom.TextContent(h)) == original) {
        heading_is_title = true;
        break;
      }
    }
    if (!heading_is_title) {
      title = original.substr(original.rfind(':') + 1);
      if (WordCount(Trim(title)) < 3) {
        title = original.substr(original.find(':') + 1);
      } else if (WordCount(original.substr(0, original.find(':'))) > 5) {
        title = original;
      }
    }
  } else if (original.size() > 150 || original.size() < 15) {
    std::vector<NodeId> h1 = dom.Descendants(dom.root(), {GUMBO_TAG_H1});
    if (h1.size() == 1) title = dom.TextContent(h1[0]);
  }
  title = NormalizeSpaces(title);
  size_t words = WordCount(title);
  if (words <= 4) {
    std::string without_separators = original;
    static const RE2 kSeparators(R"([\|\-–—\\/>»]+)");
    RE2::GlobalReplace(&without_separators, kSeparators, "");
    if (!hierarchical || words != WordCount(without_separators) - 1) title = original;
  }
  return title;
}

PageMetadata ReadMetadata(const Dom& dom) {
  MetaTags tags;
  std::string document_title;
  bool have_title = false;
  PageField canonical, language;
  std::vector<NodeId> json_ld;
  PageField time_published;
  PageField time_in_article;
  for (NodeId id = dom.root(); id != kNoNode; id = dom.Following(id, dom.root())) {
    if (!dom.IsElement(id)) continue;
    switch (dom[id].tag) {
      case GUMBO_TAG_META:
        ReadMetaTag(dom, id, tags);
        break;
      case GUMBO_TAG_TITLE:
        // The document's title is the first <title> (SVG has its own).
        if (!have_title && !dom.HasAncestor(id, GUMBO_TAG_SVG)) {
          document_title = dom.TextContent(id);
          have_title = true;
        }
        break;
      case GUMBO_TAG_LINK:
        if (canonical.empty() && Lower(dom.Attribute(id, "rel")) == "canonical") {
          canonical = {Trim(dom.Attribute(id, "href")), "<link rel=canonical>"};
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (Lower(Trim(dom.Attribute(id, "type"))) == "application/ld+json") json_ld.push_back(id);
        break;
      case GUMBO_TAG_TIME:
        if (time_published.empty() &&
            (dom.HasAttribute(id, "pubdate") || dom.Attribute(id, "itemprop") == "datePublished")) {
          time_published = {Trim(dom.Attribute(id, "datetime")), "<time>"};
        }
        if (time_in_article.empty() && IsDatelineTime(dom, id)) {
          time_in_article = {Trim(dom.Attribute(id, "datetime")), "<time> in the byline or dateline"};
        }
        break;
      case GUMBO_TAG_HTML:
        if (language.empty()) language = {Trim(dom.Attribute(id, "lang")), "<html lang>"};
        if (language.empty()) language = {Trim(dom.Attribute(id, "xml:lang")), "<html xml:lang>"};
        break;
      default:
        break;
    }
  }
  std::string page_title = TitleFromDocumentTitle(dom, document_title);
  JsonLd ld = ReadJsonLdScripts(dom, json_ld, page_title);

  PageMetadata out;
  out.title = First({{ld.title, "json-ld"},
                     tags.Get("dc:title", "meta dc:title"),
                     tags.Get("dcterm:title", "meta dcterm:title"),
                     tags.Get("og:title", "opengraph"),
                     tags.Get("weibo:article:title", "meta weibo:article:title"),
                     tags.Get("weibo:webpage:title", "meta weibo:webpage:title"),
                     tags.Get("title", "meta name=title"),
                     tags.Get("twitter:title", "twitter"),
                     tags.Get("parsely-title", "meta parsely-title"),
                     {page_title, "<title>"}});
  out.byline = First({{ld.byline, "json-ld"},
                      tags.Get("dc:creator", "meta dc:creator"),
                      tags.Get("dcterm:creator", "meta dcterm:creator"),
                      tags.Get("author", "meta name=author"),
                      tags.Get("parsely-author", "meta parsely-author")});
  out.description = First({{ld.description, "json-ld"},
                           tags.Get("dc:description", "meta dc:description"),
                           tags.Get("dcterm:description", "meta dcterm:description"),
                           tags.Get("og:description", "opengraph"),
                           tags.Get("weibo:article:description", "meta weibo:article:description"),
                           tags.Get("weibo:webpage:description", "meta weibo:webpage:description"),
                           tags.Get("description", "meta name=description"),
                           tags.Get("twitter:description", "twitter")});
  out.site_name = First({{ld.site_name, "json-ld"}, tags.Get("og:site_name", "opengraph")});
  out.published = First({{ld.published, "json-ld"},
                         tags.Get("article:published_time", "opengraph"),
                         tags.Get("parsely-pub-date", "meta parsely-pub-date"),
                         tags.Get("datepublished", "meta itemprop=datePublished"),
                         tags.Get("dc:date", "meta dc:date"),
                         tags.Get("dcterms:created", "meta dcterms:created"),
                         tags.Get("date", "meta name=date"),
                         tags.Get("pubdate", "meta name=pubdate"),
                         time_published, time_in_article});
  out.modified = First({{ld.modified, "json-ld"},
                        tags.Get("article:modified_time", "opengraph"),
                        tags.Get("og:updated_time", "opengraph"),
                        tags.Get("datemodified", "meta itemprop=dateModified")});
  out.language = First({language,
                        tags.Get("http-equiv:content-language", "meta http-equiv=content-language"),
                        tags.Get("dc:language", "meta dc:language"),
                        tags.Get("og:locale", "opengraph")});
  std::replace(out.language.value.begin(), out.language.value.end(), '_', '-');  // og:locale fr_FR
  out.canonical_url = First({canonical, tags.Get("og:url", "opengraph")});
  return out;
}

}  // namespace veille::html
