// A web page's tree as the extractor edits it: gumbo's parse copied into a
// table of nodes linked by index, so that nodes can be removed, moved and
// renamed the way Readability edits a browser's DOM, without touching
// gumbo's own tree.
//
// Lifetime: a Dom points into the ParsedPage it was built from (attribute
// values and text are gumbo's strings); it must not outlive it. Not
// thread-safe; each page gets its own.
#ifndef VEILLE_HTML_DOM_H_
#define VEILLE_HTML_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::html {

using NodeId = int32_t;
inline constexpr NodeId kNoNode = -1;

// Nesting deeper than this is flattened: the elements below it hang from
// their ancestor at this depth. Browsers do the same (Blink's parser stops
// nesting at 512), and it bounds every walk up the tree.
inline constexpr int kMaxDepth = 512;

struct Node {
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text
  bool is_text = false;
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId prev = kNoNode;
  NodeId next = kNoNode;
  // Elements: gumbo's node, for attributes (null for elements the extractor
  // made). Text: the decoded text and its source, the characters as written
  // in the decoded page starting at `source_offset`.
  const GumboNode* gumbo = nullptr;
  std::string_view text;
  std::string_view source;
  uint32_t source_offset = 0;
};

class Dom {
 public:
  // Copies the tree under gumbo's document node, without comments, in
  // document order. Iterative: any depth is safe.
  explicit Dom(const GumboNode* document);

  const Node& operator[](NodeId id) const { return nodes_[static_cast<size_t>(id)]; }
  Node& operator[](NodeId id) { return nodes_[static_cast<size_t>(id)]; }
  NodeId size() const { return static_cast<NodeId>(nodes_.size()); }
  NodeId root() const { return 0; }  // the document
  NodeId html() const { return html_; }
  NodeId head() const { return head_; }
  NodeId body() const { return body_; }

  // The element's tag name in lower case ("p", "my-widget").
  std::string_view TagName(NodeId id) const;
  // An attribute's value, "" when absent.
  std::string_view Attribute(NodeId id, const char* name) const;
  bool HasAttribute(NodeId id, const char* name) const;
  // An attribute's value and how the page writes it (without quotes), at
  // gumbo's offset `offset`; all empty when absent.
  struct WrittenAttribute {
    std::string_view value;
    std::string_view written;
    uint32_t offset = 0;
  };
  WrittenAttribute AttributeInSource(NodeId id, const char* name) const;

  // A new element with no parent and no attributes.
  NodeId CreateElement(GumboTag tag);
  // Takes `id` out of its parent; it keeps its children.
  void Detach(NodeId id);
  void AppendChild(NodeId parent, NodeId child);
  void InsertBefore(NodeId reference, NodeId child);
  // Puts `replacement` where `id` is; `id` is left detached.
  void Replace(NodeId id, NodeId replacement);

  bool IsElement(NodeId id) const { return id != kNoNode && !(*this)[id].is_text && id != root(); }
  bool IsA(NodeId id, GumboTag tag) const { return IsElement(id) && (*this)[id].tag == tag; }
  // The next node in document order within `scope` (children first);
  // kNoNode past its end.
  NodeId Following(NodeId id, NodeId scope) const;
  // The next node in document order within `scope` that is not inside `id`.
  NodeId FollowingSkipping(NodeId id, NodeId scope) const;
  // Element children only.
  std::vector<NodeId> ElementChildren(NodeId id) const;
  int ElementChildCount(NodeId id) const;
  // Elements under `scope` (not itself) with one of `tags`, in document order.
  std::vector<NodeId> Descendants(NodeId scope, std::initializer_list<GumboTag> tags) const;
  bool HasAncestor(NodeId id, GumboTag tag) const;

  // The text of the subtree, as the DOM's textContent.
  std::string TextContent(NodeId id) const;

 private:
  std::vector<Node> nodes_;
  NodeId html_ = kNoNode;
  NodeId head_ = kNoNode;
  NodeId body_ = kNoNode;
};

// True for characters HTML counts as white space.
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace veille::html

#endif  // VEILLE_HTML_DOM_H_
