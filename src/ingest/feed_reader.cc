#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

namespace veille::ingest {
namespace {

bool Named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string_view Namespace(const xmlNode* node) {
  return node->ns != nullptr && node->ns->href != nullptr ? reinterpret_cast<const char*>(node->ns->href)
                                                          : std::string_view();
}

// The text inside a node, entity references left out (never expanded).
void AppendText(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      AppendText(child, out);  // XHTML content in Atom
    }
  }
}

std::string Text(const xmlNode* node) {
  std::string out;
  AppendText(node, out);
  size_t begin = out.find_first_not_of(" \t\r\n"), end = out.find_last_not_of(" \t\r\n");
  return begin == std::string::npos ? "" : out.substr(begin, end - begin + 1);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return out;
}

// An RSS item or an RDF item.
FeedItem RssItem(const xmlNode* item) {
  FeedItem out;
  std::string description;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view ns = Namespace(c);
    if (Named(c, "title")) out.title = Text(c);
    else if (Named(c, "link")) out.link = Text(c);
    else if (Named(c, "guid")) out.id = Text(c);
    else if (Named(c, "author") || (Named(c, "creator") && ns.find("purl.org/dc") != std::string_view::npos)) out.author = Text(c);
    else if (Named(c, "pubDate")) out.published = Text(c);
    else if (Named(c, "date") && ns.find("purl.org/dc") != std::string_view::npos && out.published.empty()) out.published = Text(c);
    else if (Named(c, "encoded") && ns.find("purl.org/rss/1.0/modules/content") != std::string_view::npos) out.content = Text(c);
    else if (Named(c, "description")) description = Text(c);
  }
  if (out.content.empty()) out.content = std::move(description);
  if (std::string iso = Rfc822ToIso(out.published); !iso.empty()) out.published = iso;
  if (out.id.empty()) out.id = Attribute(item, "about");  // RSS 1.0: rdf:about
  return out;
}

FeedItem AtomEntry(const xmlNode* entry) {
  FeedItem out;
  std::string summary, updated;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Named(c, "title")) out.title = Text(c);
    else if (Named(c, "id")) out.id = Text(c);
    else if (Named(c, "published")) out.published = Text(c);
    else if (Named(c, "updated")) updated = Text(c);
    else if (Named(c, "content")) out.content = Text(c);
    else if (Named(c, "summary")) summary = Text(c);
    else if (Named(c, "author")) {
      for (const xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (Named(a, "name")) out.author = Text(a);
      }
    } else if (Named(c, "link")) {
      std::string rel = Attribute(c, "rel");
      if (rel.empty() || rel == "alternate") out.link = Attribute(c, "href");
    }
  }
  if (out.content.empty()) out.content = std::move(summary);
  if (out.published.empty()) out.published = std::move(updated);
  return out;
}

}  // namespace

std::string Rfc822ToIso(std::string_view date) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string text(date);
  if (size_t comma = text.find(','); comma != std::string::npos) text = text.substr(comma + 1);
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  char month_name[8] = {0}, zone[16] = {0};
  int read = std::sscanf(text.c_str(), " %d %3s %d %d:%d:%d %15s", &day, month_name, &year, &hour, &minute, &second, zone);
  if (read < 6) {
    second = 0;
    read = std::sscanf(text.c_str(), " %d %3s %d %d:%d %15s", &day, month_name, &year, &hour, &minute, zone);
    if (read < 5) return "";
  }
  int month = 0;
  for (int m = 0; m < 12; ++m) {
    if (std::tolower(static_cast<unsigned char>(month_name[0])) == kMonths[m][0] &&
        std::tolower(static_cast<unsigned char>(month_name[1])) == kMonths[m][1] &&
        std::tolower(static_cast<unsigned char>(month_name[2])) == kMonths[m][2]) {
      month = m + 1;
    }
  }
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (month == 0 || day < 1 || day > 31 || year < 1000 || year > 9999 || hour > 23 || minute > 59 || second > 60) {
    return "";
  }
  std::string offset = "+00:00";
  std::string_view z = zone;
  if ((z.size() == 5) && (z[0] == '+' || z[0] == '-')) {
    offset.assign(z.substr(0, 3));
    offset.push_back(':');
    offset.append(z.substr(3, 2));
  } else if (!z.empty() && z != "GMT" && z != "UT" && z != "UTC" && z != "Z") {
    static constexpr std::pair<std::string_view, const char*> kZones[] = {
        {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"},
        {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"},
        {"CET", "+01:00"}, {"CEST", "+02:00"}};
    offset.clear();
    for (const auto& [name, value] : kZones) {
      if (z == name) offset = value;
    }
    if (offset.empty()) return "";
  }
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour, minute, second,
                offset.c_str());
  return out;
}

Result<Feed> ReadFeed(std::string_view bytes) {
  // libxml2 wants its globals set up once, before any thread parses.
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  // No network, no external DTD, entities left as references (XML_PARSE_NOENT
  // is not given); libxml2's own limits bound what is left.
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(bytes.data(), static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)), nullptr, nullptr,
                    options),
      &xmlFreeDoc);
  if (!doc) return Status(StatusCode::kInvalidArgument, "not well-formed XML");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status(StatusCode::kInvalidArgument, "an XML document without an element");
  Feed feed;
  if (Named(root, "feed")) {
    feed.format = "atom";
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Named(c, "title")) feed.title = Text(c);
      else if (Named(c, "link") && (Attribute(c, "rel").empty() || Attribute(c, "rel") == "alternate")) feed.link = Attribute(c, "href");
      else if (Named(c, "entry")) feed.items.push_back(AtomEntry(c));
    }
    return feed;
  }
  if (Named(root, "rss") || Named(root, "RDF")) {
    feed.format = Named(root, "rss") ? "rss" : "rdf";
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Named(c, "channel")) {
        for (const xmlNode* d = c->children; d != nullptr; d = d->next) {
          if (Named(d, "title")) feed.title = Text(d);
          else if (Named(d, "link")) feed.link = Text(d);
          else if (Named(d, "item")) feed.items.push_back(RssItem(d));
        }
      } else if (Named(c, "item")) {  // RSS 1.0 puts items beside the channel
        feed.items.push_back(RssItem(c));
      }
    }
    return feed;
  }
  return Status(StatusCode::kInvalidArgument, "XML but not a feed (the root is <" +
                                                  std::string(reinterpret_cast<const char*>(root->name)) + ">)");
}

}  // namespace veille::ingest
