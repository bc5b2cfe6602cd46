#include "html/main_content.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <vector>

#include "html/metadata.h"

namespace veille::html {
namespace {

// The filters a search uses; each attempt after a failed one drops the
// first still set (Readability's flags).
enum Flags : unsigned {
  kStripUnlikely = 1,       // drop elements whose class or id says they are not content
  kWeightClasses = 2,       // let class and id add to or take from a score
  kCleanConditionally = 4,  // drop lists of links, layout tables… inside the article
};

// An article with fewer characters is searched for again, less strictly.
constexpr int kCharThreshold = 500;
constexpr size_t kTopCandidates = 5;

// Readability's patterns, matched against "class id".
const RE2& UnlikelyCandidate() {
  static const RE2 re(
      "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
      "header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
      "supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");
  return re;
}
const RE2& MaybeCandidate() {
  static const RE2 re("(?i)and|article|body|column|content|main|mathjax|shadow");
  return re;
}
const RE2& PositiveClass() {
  static const RE2 re("(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
  return re;
}
const RE2& NegativeClass() {
  static const RE2 re(
      "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|"
      "media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
      "tags|widget");
  return re;
}
const RE2& BylineClass() {
  static const RE2 re("(?i)byline|author|dateline|writtenby|p-author");
  return re;
}
const RE2& ShareClass() {
  static const RE2 re(R"((?i)(\b|_)(share|sharedaddy)(\b|_))");
  return re;
}
const RE2& VideoSource() {
  static const RE2 re(
      R"((?i)//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv))");
  return re;
}
// A block that says only "Advertisement" or "Loading…", in a few languages.
const RE2& AdOrLoadingText() {
  static const RE2 re(
      "(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|"
      "(loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$");
  return re;
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Elements that make a div more than a paragraph.
bool IsBlockForDiv(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DIV: case GUMBO_TAG_IMG:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

bool IsPhrasingTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ABBR: case GUMBO_TAG_AUDIO: case GUMBO_TAG_B: case GUMBO_TAG_BDO: case GUMBO_TAG_BR:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_EMBED: case GUMBO_TAG_I:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK:
    case GUMBO_TAG_MATH: case GUMBO_TAG_METER: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_Q: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SELECT: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TIME: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

// The length of a text as textContent.trim() with runs of white space made
// one: the lengths of parts add up without building the text.
struct TextLength {
  int chars = 0;       // characters of the trimmed, collapsed text
  bool lead = false;   // white space before the first character
  bool trail = false;  // white space after the last one

  void Append(const TextLength& next) {
    if (next.chars == 0) {
      if (next.lead) {
        trail = true;
        if (chars == 0) lead = true;
      }
      return;
    }
    if (chars == 0) {
      chars = next.chars;
      lead = lead || next.lead;
    } else {
      chars += next.chars + ((trail || next.lead) ? 1 : 0);
    }
    trail = next.trail;
  }
};

// What Readability measures of a subtree, counted once.
struct Stats {
  TextLength text;
  int commas = 0;
  double link_chars = 0;  // text inside links; 0.3 per character for links within the page
  int paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0, video_embeds = 0;
  int heading_chars = 0;  // text inside h1…h6 below
  int list_chars = 0;     // text inside ul and ol below
  bool has_block = false;

  void Subtract(const Stats& gone, double link_share, bool heading, bool list, bool paragraph,
                bool image, bool item, bool input, bool embed) {
    text.chars = std::max(0, text.chars - gone.text.chars);
    commas -= gone.commas;
    link_chars = std::max(0.0, link_chars - (link_share > 0 ? link_share * gone.text.chars : gone.link_chars));
    paragraphs -= gone.paragraphs + paragraph;
    images -= gone.images + image;
    items -= gone.items + item;
    inputs -= gone.inputs + input;
    embeds -= gone.embeds + embed;
    video_embeds -= gone.video_embeds;
    heading_chars = std::max(0, heading_chars - (heading ? gone.text.chars : gone.heading_chars));
    list_chars = std::max(0, list_chars - (list ? gone.text.chars : gone.list_chars));
  }
};

Stats TextStats(std::string_view text) {
  Stats s;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsHtmlSpace(static_cast<char>(c))) {
      space = true;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;  // inside a character
    if (s.text.chars == 0) {
      s.text.lead = space;
    } else if (space) {
      ++s.text.chars;
    }
    space = false;
    ++s.text.chars;
    if (c == ',') ++s.commas;
    // Arabic and full-width commas.
    if (text.compare(i, 2, "\xD8\x8C") == 0 || text.compare(i, 3, "\xEF\xBC\x8C") == 0) ++s.commas;
  }
  s.text.trail = space;
  if (s.text.chars == 0) s.text.lead = space;
  return s;
}

class Search {
 public:
  Search(const GumboNode* document, std::string_view title, unsigned flags)
      : dom_(std::make_unique<Dom>(document)), d_(*dom_), title_(title), flags_(flags) {}

  // The article element, and its characters.
  std::pair<NodeId, int> Run();
  std::unique_ptr<Dom> TakeDom() { return std::move(dom_); }
  const std::string& byline() const { return byline_; }

 private:
  Stats& At(NodeId id) {
    if (static_cast<size_t>(id) >= stats_.size()) Grow();
    return stats_[static_cast<size_t>(id)];
  }
  void Grow() {
    size_t n = static_cast<size_t>(d_.size());
    stats_.resize(n);
    score_.resize(n, 0.0);
    scored_.resize(n, 0);
    data_table_.resize(n, 0);
  }
  void ComputeStats(NodeId scope);
  void ComputeOne(NodeId id);
  // Takes `id` out, keeping its ancestors' counts right up to `scope`.
  void RemoveCounted(NodeId id, NodeId scope);
  NodeId RemoveAndGetNext(NodeId id) {
    NodeId next = d_.FollowingSkipping(id, d_.root());
    d_.Detach(id);
    return next;
  }

  void PrepareDocument();
  void ReplaceBreaks();
  std::vector<NodeId> Walk();
  bool IsProbablyVisible(NodeId id) const;
  bool TakeByline(NodeId id, const std::string& match);
  bool IsPhrasing(NodeId id, int depth = 0) const;
  bool IsWhitespace(NodeId id) const;
  bool WithoutContent(NodeId id) const;
  void WrapPhrasing(NodeId div);
  std::string Match(NodeId id) const;
  double ClassWeight(NodeId id) const;
  double LinkDensity(NodeId id) { return At(id).text.chars == 0 ? 0 : At(id).link_chars / At(id).text.chars; }
  void Initialize(NodeId id, std::vector<NodeId>& candidates);
  NodeId ChooseTop(std::vector<NodeId>& candidates, bool& created);
  NodeId GatherSiblings(NodeId top);
  void PrepareArticle(NodeId article);
  void MarkDataTables(NodeId article);
  void RemoveAll(NodeId article, GumboTag tag);
  void CleanConditionally(NodeId article, GumboTag tag);
  bool ShouldClean(NodeId node, GumboTag tag);

  std::unique_ptr<Dom> dom_;
  Dom& d_;
  std::string title_;
  unsigned flags_;
  std::string byline_;
  std::vector<Stats> stats_;
  std::vector<double> score_;
  std::vector<char> scored_;
  std::vector<char> data_table_;
};

void Search::ComputeOne(NodeId id) {
  const Node& node = d_[id];
  if (node.is_text) {
    At(id) = TextStats(node.text);
    return;
  }
  Stats s;
  for (NodeId c = node.first_child; c != kNoNode; c = d_[c].next) {
    const Stats& cs = At(c);
    s.text.Append(cs.text);
    s.commas += cs.commas;
    if (d_[c].is_text) continue;
    GumboTag tag = d_[c].tag;
    if (tag == GUMBO_TAG_A) {
      s.link_chars += cs.text.chars * (d_.Attribute(c, "href").starts_with("#") ? 0.3 : 1.0);
    } else {
      s.link_chars += cs.link_chars;
    }
    s.paragraphs += cs.paragraphs + (tag == GUMBO_TAG_P);
    s.images += cs.images + (tag == GUMBO_TAG_IMG);
    s.items += cs.items + (tag == GUMBO_TAG_LI);
    s.inputs += cs.inputs + (tag == GUMBO_TAG_INPUT);
    bool embed = tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_IFRAME;
    s.embeds += cs.embeds + embed;
    s.video_embeds += cs.video_embeds;
    if (embed) {
      const GumboNode* g = d_[c].gumbo;
      if (g != nullptr) {
        const GumboVector& attributes = g->v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
          const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
          if (RE2::PartialMatch(a->value, VideoSource())) {
            ++s.video_embeds;
            break;
          }
        }
      }
    }
    s.heading_chars += IsHeading(tag) ? cs.text.chars : cs.heading_chars;
    s.list_chars += (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) ? cs.text.chars : cs.list_chars;
    s.has_block = s.has_block || cs.has_block || IsBlockForDiv(tag);
  }
  At(id) = s;
}

void Search::ComputeStats(NodeId scope) {
  Grow();
  std::vector<NodeId> order;
  for (NodeId at = scope; at != kNoNode; at = d_.Following(at, scope)) order.push_back(at);
  for (size_t i = order.size(); i-- > 0;) ComputeOne(order[i]);
}

void Search::RemoveCounted(NodeId id, NodeId scope) {
  const Stats gone = At(id);
  GumboTag tag = d_[id].is_text ? GUMBO_TAG_UNKNOWN : d_[id].tag;
  double link_share = tag == GUMBO_TAG_A ? (d_.Attribute(id, "href").starts_with("#") ? 0.3 : 1.0) : 0;
  bool embed = tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_IFRAME;
  for (NodeId at = d_[id].parent; at != kNoNode; at = d_[at].parent) {
    At(at).Subtract(gone, link_share, IsHeading(tag), tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL,
                    tag == GUMBO_TAG_P, tag == GUMBO_TAG_IMG, tag == GUMBO_TAG_LI, tag == GUMBO_TAG_INPUT,
                    embed);
    if (at == scope) break;
  }
  d_.Detach(id);
}

std::string Search::Match(NodeId id) const {
  std::string match(d_.Attribute(id, "class"));
  match += ' ';
  match += d_.Attribute(id, "id");
  return match;
}

double Search::ClassWeight(NodeId id) const {
  if (!(flags_ & kWeightClasses)) return 0;
  double weight = 0;
  for (const char* attribute : {"class", "id"}) {
    std::string_view value = d_.Attribute(id, attribute);
    if (value.empty()) continue;
    if (RE2::PartialMatch(value, NegativeClass())) weight -= 25;
    if (RE2::PartialMatch(value, PositiveClass())) weight += 25;
  }
  return weight;
}

bool Search::IsProbablyVisible(NodeId id) const {
  static const RE2 kHiddenStyle(R"((?i)display\s*:\s*none|visibility\s*:\s*hidden)");
  std::string_view style = d_.Attribute(id, "style");
  if (!style.empty() && RE2::PartialMatch(style, kHiddenStyle)) return false;
  if (d_.HasAttribute(id, "hidden")) return false;
  if (d_.Attribute(id, "aria-hidden") == "true" &&
      d_.Attribute(id, "class").find("fallback-image") == std::string_view::npos) {
    return false;
  }
  return true;
}

bool Search::TakeByline(NodeId id, const std::string& match) {
  if (!byline_.empty()) return false;
  bool author = d_.Attribute(id, "rel") == "author" ||
                d_.Attribute(id, "itemprop").find("author") != std::string_view::npos ||
                RE2::PartialMatch(match, BylineClass());
  if (!author) return false;
  std::string text = NormalizeSpaces(d_.TextContent(id));
  if (text.empty() || text.size() >= 100) return false;
  // A name marked as such inside the line ("By <span itemprop=name>…")
  // is the author without the words around it.
  for (NodeId at = d_[id].first_child; at != kNoNode; at = d_.Following(at, id)) {
    if (d_.IsElement(at) && d_.Attribute(at, "itemprop").find("name") != std::string_view::npos) {
      std::string name = NormalizeSpaces(d_.TextContent(at));
      if (!name.empty()) text = std::move(name);
      break;
    }
  }
  byline_ = std::move(text);
  return true;
}

bool Search::IsPhrasing(NodeId id, int depth) const {
  const Node& node = d_[id];
  if (node.is_text) return true;
  if (IsPhrasingTag(node.tag)) return true;
  if ((node.tag == GUMBO_TAG_A || node.tag == GUMBO_TAG_DEL || node.tag == GUMBO_TAG_INS) && depth < 64) {
    for (NodeId c = node.first_child; c != kNoNode; c = d_[c].next) {
      if (!IsPhrasing(c, depth + 1)) return false;
    }
    return true;
  }
  return false;
}

bool Search::IsWhitespace(NodeId id) const {
  const Node& node = d_[id];
  if (node.is_text) {
    return std::all_of(node.text.begin(), node.text.end(), IsHtmlSpace);
  }
  return node.tag == GUMBO_TAG_BR;
}

bool Search::WithoutContent(NodeId id) const {
  if (stats_[static_cast<size_t>(id)].text.chars != 0) return false;
  int children = d_.ElementChildCount(id);
  if (children == 0) return true;
  return children == static_cast<int>(d_.Descendants(id, {GUMBO_TAG_BR, GUMBO_TAG_HR}).size());
}

// Scripts, styles and forms of markup that are never read; font becomes
// span; runs of <br> become paragraphs.
void Search::PrepareDocument() {
  for (NodeId id = d_.root(); id != kNoNode;) {
    const Node& node = d_[id];
    if (!node.is_text && id != d_.root() &&
        (node.tag == GUMBO_TAG_SCRIPT || node.tag == GUMBO_TAG_NOSCRIPT || node.tag == GUMBO_TAG_STYLE ||
         node.tag == GUMBO_TAG_TEMPLATE)) {
      id = RemoveAndGetNext(id);
      continue;
    }
    if (!node.is_text && node.tag == GUMBO_TAG_FONT) d_[id].tag = GUMBO_TAG_SPAN;
    id = d_.Following(id, d_.root());
  }
  ReplaceBreaks();
}

void Search::ReplaceBreaks() {
  auto next_element = [&](NodeId id) {  // skips white space between elements
    while (id != kNoNode && d_[id].is_text && IsWhitespace(id)) id = d_[id].next;
    return id;
  };
  for (NodeId br : d_.Descendants(d_.body(), {GUMBO_TAG_BR})) {
    if (d_[br].parent == kNoNode) continue;  // taken out by an earlier run
    bool replaced = false;
    NodeId next = d_[br].next;
    while ((next = next_element(next)) != kNoNode && d_.IsA(next, GUMBO_TAG_BR)) {
      replaced = true;
      NodeId after = d_[next].next;
      d_.Detach(next);
      next = after;
    }
    if (!replaced) continue;
    NodeId p = d_.CreateElement(GUMBO_TAG_P);
    d_.Replace(br, p);
    next = d_[p].next;
    while (next != kNoNode) {
      if (d_.IsA(next, GUMBO_TAG_BR)) {
        NodeId following = next_element(d_[next].next);
        if (following != kNoNode && d_.IsA(following, GUMBO_TAG_BR)) break;
      }
      if (!IsPhrasing(next)) break;
      NodeId after = d_[next].next;
      d_.AppendChild(p, next);
      next = after;
    }
    while (d_[p].last_child != kNoNode && IsWhitespace(d_[p].last_child)) d_.Detach(d_[p].last_child);
    NodeId parent = d_[p].parent;
    if (d_.IsA(parent, GUMBO_TAG_P)) d_[parent].tag = GUMBO_TAG_DIV;
  }
}

void Search::WrapPhrasing(NodeId div) {
  NodeId p = kNoNode;
  auto close = [&] {
    while (d_[p].last_child != kNoNode && IsWhitespace(d_[p].last_child)) d_.Detach(d_[p].last_child);
    ComputeOne(p);
    p = kNoNode;
  };
  for (NodeId child = d_[div].first_child; child != kNoNode;) {
    NodeId next = d_[child].next;
    if (IsPhrasing(child)) {
      if (p != kNoNode) {
        d_.AppendChild(p, child);
      } else if (!IsWhitespace(child)) {
        p = d_.CreateElement(GUMBO_TAG_P);
        Grow();
        d_.Replace(child, p);
        d_.AppendChild(p, child);
      }
    } else if (p != kNoNode) {
      close();
    }
    child = next;
  }
  if (p != kNoNode) ComputeOne(p);
}

std::vector<NodeId> Search::Walk() {
  std::vector<NodeId> to_score;
  bool title_heading_seen = false;
  static const std::array<std::string_view, 7> kUnlikelyRoles = {
      "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
  NodeId node = d_.html() == kNoNode ? d_.body() : d_.html();
  while (node != kNoNode) {
    if (d_[node].is_text) {
      node = d_.Following(node, d_.root());
      continue;
    }
    GumboTag tag = d_[node].tag;
    std::string match = Match(node);
    if (!IsProbablyVisible(node) ||
        (d_.Attribute(node, "aria-modal") == "true" && d_.Attribute(node, "role") == "dialog")) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (TakeByline(node, match)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    if (!title_heading_seen && (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) &&
        TextSimilarity(title_, NormalizeSpaces(d_.TextContent(node))) > 0.75) {
      title_heading_seen = true;
      node = RemoveAndGetNext(node);
      continue;
    }
    if (flags_ & kStripUnlikely) {
      if (RE2::PartialMatch(match, UnlikelyCandidate()) && !RE2::PartialMatch(match, MaybeCandidate()) &&
          !d_.HasAncestor(node, GUMBO_TAG_TABLE) && !d_.HasAncestor(node, GUMBO_TAG_CODE) &&
          tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_A) {
        node = RemoveAndGetNext(node);
        continue;
      }
      std::string_view role = d_.Attribute(node, "role");
      if (std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(), role) != kUnlikelyRoles.end()) {
        node = RemoveAndGetNext(node);
        continue;
      }
    }
    if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER || IsHeading(tag)) &&
        WithoutContent(node)) {
      node = RemoveAndGetNext(node);
      continue;
    }
    switch (tag) {
      case GUMBO_TAG_SECTION: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: case GUMBO_TAG_P: case GUMBO_TAG_TD: case GUMBO_TAG_PRE:
        to_score.push_back(node);
        break;
      default:
        break;
    }
    if (tag == GUMBO_TAG_DIV) {
      WrapPhrasing(node);
      // A div holding one paragraph is that paragraph; a div without blocks
      // is one.
      std::vector<NodeId> children = d_.ElementChildren(node);
      bool single_p = children.size() == 1 && d_.IsA(children[0], GUMBO_TAG_P);
      for (NodeId c = d_[node].first_child; single_p && c != kNoNode; c = d_[c].next) {
        if (d_[c].is_text && !d_[c].text.empty() && !IsHtmlSpace(d_[c].text.back())) single_p = false;
      }
      if (single_p && LinkDensity(node) < 0.25) {
        d_.Replace(node, children[0]);
        node = children[0];
        to_score.push_back(node);
      } else if (!At(node).has_block) {
        d_[node].tag = GUMBO_TAG_P;
        to_score.push_back(node);
      }
    }
    node = d_.Following(node, d_.root());
  }
  return to_score;
}

void Search::Initialize(NodeId id, std::vector<NodeId>& candidates) {
  double score = 0;
  switch (d_[id].tag) {
    case GUMBO_TAG_DIV: score = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: score = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: score = -3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: score = -5; break;
    default: break;
  }
  score_[static_cast<size_t>(id)] = score + ClassWeight(id);
  scored_[static_cast<size_t>(id)] = 1;
  candidates.push_back(id);
}

NodeId Search::ChooseTop(std::vector<NodeId>& candidates, bool& created) {
  std::vector<NodeId> top;
  for (NodeId c : candidates) {
    double& score = score_[static_cast<size_t>(c)];
    score *= 1 - LinkDensity(c);
    auto at = std::find_if(top.begin(), top.end(),
                           [&](NodeId t) { return score > score_[static_cast<size_t>(t)]; });
    if (static_cast<size_t>(at - top.begin()) < kTopCandidates) {
      top.insert(at, c);
      if (top.size() > kTopCandidates) top.pop_back();
    }
  }
  auto score = [&](NodeId id) { return score_[static_cast<size_t>(id)]; };
  auto is_top = [&](NodeId id) {
    return id == kNoNode || id == d_.root() || d_[id].parent == kNoNode || d_.IsA(id, GUMBO_TAG_BODY);
  };
  if (top.empty() || d_.IsA(top[0], GUMBO_TAG_BODY)) {
    // Nothing stands out: the whole body is the article.
    NodeId div = d_.CreateElement(GUMBO_TAG_DIV);
    Grow();
    while (d_[d_.body()].first_child != kNoNode) d_.AppendChild(div, d_[d_.body()].first_child);
    d_.AppendChild(d_.body(), div);
    ComputeOne(div);
    Initialize(div, candidates);
    created = true;
    return div;
  }
  NodeId best = top[0];
  // Several near-best candidates under one ancestor: the ancestor.
  std::vector<std::vector<NodeId>> alternatives;
  for (size_t i = 1; i < top.size(); ++i) {
    if (score(top[i]) / score(best) < 0.75) continue;
    std::vector<NodeId> ancestors;
    for (NodeId a = d_[top[i]].parent; a != kNoNode; a = d_[a].parent) ancestors.push_back(a);
    alternatives.push_back(std::move(ancestors));
  }
  constexpr size_t kMinimumAlternatives = 3;
  if (alternatives.size() >= kMinimumAlternatives) {
    for (NodeId parent = d_[best].parent; !is_top(parent); parent = d_[parent].parent) {
      size_t containing = 0;
      for (const auto& list : alternatives) {
        containing += std::find(list.begin(), list.end(), parent) != list.end();
      }
      if (containing >= kMinimumAlternatives) {
        best = parent;
        break;
      }
    }
  }
  if (!scored_[static_cast<size_t>(best)]) Initialize(best, candidates);
  // Climb while the parents score better.
  double last = score(best);
  double threshold = last / 3;
  for (NodeId parent = d_[best].parent; !is_top(parent); parent = d_[parent].parent) {
    if (!scored_[static_cast<size_t>(parent)]) continue;
    double parent_score = score(parent);
    if (parent_score < threshold) break;
    if (parent_score > last) {
      best = parent;
      break;
    }
    last = parent_score;
  }
  // An only child is its parent.
  for (NodeId parent = d_[best].parent; !is_top(parent) && d_.ElementChildCount(parent) == 1;
       parent = d_[best].parent) {
    best = parent;
  }
  if (!scored_[static_cast<size_t>(best)]) Initialize(best, candidates);
  return best;
}

NodeId Search::GatherSiblings(NodeId top) {
  NodeId article = d_.CreateElement(GUMBO_TAG_DIV);
  Grow();
  double top_score = score_[static_cast<size_t>(top)];
  double threshold = std::max(10.0, top_score * 0.2);
  std::string_view top_class = d_.Attribute(top, "class");
  static const RE2 kSentenceEnd(R"(\.( |$))");
  for (NodeId sibling : d_.ElementChildren(d_[top].parent)) {
    bool append = sibling == top;
    if (!append) {
      double bonus = 0;
      if (!top_class.empty() && d_.Attribute(sibling, "class") == top_class) bonus += top_score * 0.2;
      if (scored_[static_cast<size_t>(sibling)] && score_[static_cast<size_t>(sibling)] + bonus >= threshold) {
        append = true;
      } else if (d_[sibling].tag == GUMBO_TAG_P) {
        double density = LinkDensity(sibling);
        int length = At(sibling).text.chars;
        if (length > 80 && density < 0.25) {
          append = true;
        } else if (length < 80 && length > 0 && density == 0 &&
                   RE2::PartialMatch(NormalizeSpaces(d_.TextContent(sibling)), kSentenceEnd)) {
          append = true;
        }
      }
    }
    if (append) d_.AppendChild(article, sibling);
  }
  return article;
}

void Search::MarkDataTables(NodeId article) {
  for (NodeId table : d_.Descendants(article, {GUMBO_TAG_TABLE})) {
    auto mark = [&](bool data) { data_table_[static_cast<size_t>(table)] = data; };
    if (d_.Attribute(table, "role") == "presentation" || d_.Attribute(table, "datatable") == "0") {
      mark(false);
      continue;
    }
    if (d_.HasAttribute(table, "summary")) {
      mark(true);
      continue;
    }
    std::vector<NodeId> captions = d_.Descendants(table, {GUMBO_TAG_CAPTION});
    if (!captions.empty() && d_[captions[0]].first_child != kNoNode) {
      mark(true);
      continue;
    }
    if (!d_.Descendants(table, {GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD,
                                GUMBO_TAG_TH})
             .empty()) {
      mark(true);
      continue;
    }
    if (!d_.Descendants(table, {GUMBO_TAG_TABLE}).empty()) {
      mark(false);
      continue;
    }
    int rows = 0, columns = 0;
    for (NodeId tr : d_.Descendants(table, {GUMBO_TAG_TR})) {
      rows += std::max(1, std::atoi(std::string(d_.Attribute(tr, "rowspan")).c_str()));
      int in_row = 0;
      for (NodeId td : d_.Descendants(tr, {GUMBO_TAG_TD})) {
        in_row += std::max(1, std::atoi(std::string(d_.Attribute(td, "colspan")).c_str()));
      }
      columns = std::max(columns, in_row);
    }
    mark(rows >= 10 || columns > 4 || rows * columns > 10);
  }
}

void Search::RemoveAll(NodeId article, GumboTag tag) {
  bool embed = tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_IFRAME;
  std::vector<NodeId> nodes = d_.Descendants(article, {tag});
  for (size_t i = nodes.size(); i-- > 0;) {
    if (embed && At(nodes[i]).video_embeds > 0) continue;
    if (embed && d_[nodes[i]].gumbo != nullptr) {
      bool video = false;
      const GumboVector& attributes = d_[nodes[i]].gumbo->v.element.attributes;
      for (unsigned k = 0; k < attributes.length && !video; ++k) {
        video = RE2::PartialMatch(static_cast<const GumboAttribute*>(attributes.data[k])->value, VideoSource());
      }
      if (video) continue;
    }
    RemoveCounted(nodes[i], article);
  }
}

bool Search::ShouldClean(NodeId node, GumboTag tag) {
  const Stats& s = At(node);
  bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
  if (!is_list && s.text.chars > 0) {
    is_list = static_cast<double>(s.list_chars) / s.text.chars > 0.9;
  }
  if (tag == GUMBO_TAG_TABLE && data_table_[static_cast<size_t>(node)]) return false;
  for (NodeId a = d_[node].parent; a != kNoNode; a = d_[a].parent) {
    if (d_.IsA(a, GUMBO_TAG_TABLE) && static_cast<size_t>(a) < data_table_.size() &&
        data_table_[static_cast<size_t>(a)]) {
      return false;
    }
    if (d_.IsA(a, GUMBO_TAG_CODE)) return false;
  }
  double weight = ClassWeight(node);
  if (weight < 0) return true;
  if (s.commas >= 10) return false;
  bool in_figure = d_.HasAncestor(node, GUMBO_TAG_FIGURE);
  if (!is_list && !in_figure && s.text.chars < 40 &&
      RE2::FullMatch(NormalizeSpaces(d_.TextContent(node)), AdOrLoadingText())) {
    return true;
  }
  if (s.video_embeds > 0) return false;
  int p = s.paragraphs, img = s.images, li = s.items - 100, input = s.inputs;
  double heading_density = s.text.chars == 0 ? 0 : static_cast<double>(s.heading_chars) / s.text.chars;
  double link_density = LinkDensity(node);
  int length = s.text.chars;
  bool remove = (img > 1 && static_cast<double>(p) / img < 0.5 && !in_figure) ||
                (!is_list && li > p) || (input > p / 3) ||
                (!is_list && heading_density < 0.9 && length < 25 && (img == 0 || img > 2) && !in_figure) ||
                (!is_list && weight < 25 && link_density > 0.2) || (weight >= 25 && link_density > 0.5) ||
                (s.embeds == 1 && length < 75) || s.embeds > 1;
  if (is_list && remove) {
    // A list of images, one per item, stays.
    for (NodeId child : d_.ElementChildren(node)) {
      if (d_.ElementChildCount(child) > 1) return remove;
    }
    if (img == s.items) return false;
  }
  return remove;
}

void Search::CleanConditionally(NodeId article, GumboTag tag) {
  if (!(flags_ & kCleanConditionally)) return;
  std::vector<NodeId> nodes = d_.Descendants(article, {tag});
  for (size_t i = nodes.size(); i-- > 0;) {
    // Readability walks back from the end: what is inside goes first.
    if (ShouldClean(nodes[i], tag)) RemoveCounted(nodes[i], article);
  }
}

void Search::PrepareArticle(NodeId article) {
  ComputeStats(article);
  MarkDataTables(article);
  CleanConditionally(article, GUMBO_TAG_FORM);
  CleanConditionally(article, GUMBO_TAG_FIELDSET);
  for (GumboTag tag : {GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_FOOTER, GUMBO_TAG_LINK, GUMBO_TAG_ASIDE}) {
    RemoveAll(article, tag);
  }
  // Share bars inside the article's top blocks.
  for (NodeId block : d_.ElementChildren(article)) {
    for (NodeId at = d_.Following(block, block); at != kNoNode;) {
      if (!d_[at].is_text && At(at).text.chars < kCharThreshold &&
          RE2::PartialMatch(Match(at), ShareClass())) {
        NodeId next = d_.FollowingSkipping(at, block);
        RemoveCounted(at, article);
        at = next;
      } else {
        at = d_.Following(at, block);
      }
    }
  }
  for (GumboTag tag : {GUMBO_TAG_IFRAME, GUMBO_TAG_INPUT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT, GUMBO_TAG_BUTTON}) {
    RemoveAll(article, tag);
  }
  for (NodeId heading : d_.Descendants(article, {GUMBO_TAG_H1, GUMBO_TAG_H2})) {
    if (ClassWeight(heading) < 0) RemoveCounted(heading, article);
  }
  CleanConditionally(article, GUMBO_TAG_TABLE);
  CleanConditionally(article, GUMBO_TAG_UL);
  CleanConditionally(article, GUMBO_TAG_DIV);
  for (NodeId h1 : d_.Descendants(article, {GUMBO_TAG_H1})) d_[h1].tag = GUMBO_TAG_H2;
  for (NodeId p : d_.Descendants(article, {GUMBO_TAG_P})) {
    const Stats& s = At(p);
    if (s.text.chars == 0 && s.images == 0 && s.embeds == 0) RemoveCounted(p, article);
  }
}

std::pair<NodeId, int> Search::Run() {
  PrepareDocument();
  ComputeStats(d_.root());
  std::vector<NodeId> to_score = Walk();
  ComputeStats(d_.root());
  std::vector<NodeId> candidates;
  for (NodeId element : to_score) {
    if (d_[element].parent == kNoNode) continue;
    const Stats& s = At(element);
    if (s.text.chars < 25) continue;
    double content_score = 2 + s.commas + std::min(s.text.chars / 100, 3);
    int level = 0;
    for (NodeId ancestor = d_[element].parent; ancestor != kNoNode && level < 5;
         ancestor = d_[ancestor].parent, ++level) {
      // The document and <html> are never candidates.
      if (ancestor == d_.root() || d_[ancestor].parent == d_.root() || d_[ancestor].parent == kNoNode) continue;
      if (!scored_[static_cast<size_t>(ancestor)]) Initialize(ancestor, candidates);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      score_[static_cast<size_t>(ancestor)] += content_score / divider;
    }
  }
  bool created = false;
  NodeId top = ChooseTop(candidates, created);
  NodeId article = GatherSiblings(top);
  PrepareArticle(article);
  return {article, At(article).text.chars};
}

}  // namespace

MainContent FindMainContent(const GumboNode* document, std::string_view title) {
  MainContent best;
  int best_chars = -1;
  for (unsigned flags : {kStripUnlikely | kWeightClasses | kCleanConditionally,
                         kWeightClasses | kCleanConditionally, unsigned{kCleanConditionally}, 0u}) {
    Search search(document, title, flags);
    auto [article, chars] = search.Run();
    if (chars > best_chars) {
      best_chars = chars;
      best.byline = search.byline();
      best.article = article;
      best.dom = search.TakeDom();
    }
    if (chars >= kCharThreshold) break;
  }
  return best;
}

}  // namespace veille::html
