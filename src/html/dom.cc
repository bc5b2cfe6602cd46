#include "html/dom.h"

#include <strings.h>

#include <utility>

namespace veille::html {

Dom::Dom(const GumboNode* document) {
  nodes_.reserve(1024);
  nodes_.push_back(Node{});  // the document
  nodes_[0].gumbo = document;
  struct Pending {
    const GumboNode* node;
    NodeId parent;
    int depth;
  };
  std::vector<Pending> stack;
  auto push_children = [&](const GumboVector& children, NodeId parent, int depth) {
    for (unsigned i = children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i]), parent, depth});
    }
  };
  push_children(document->v.document.children, root(), 1);
  while (!stack.empty()) {
    Pending pending = stack.back();
    stack.pop_back();
    const GumboNode* g = pending.node;
    Node node;
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        node.tag = g->v.element.tag;
        node.gumbo = g;
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        node.is_text = true;
        node.text = std::string_view(g->v.text.text);
        node.source = std::string_view(g->v.text.original_text.data, g->v.text.original_text.length);
        node.source_offset = static_cast<uint32_t>(g->v.text.start_pos.offset);
        break;
      default:  // comments, the document
        continue;
    }
    NodeId id = static_cast<NodeId>(nodes_.size());
    nodes_.push_back(node);
    AppendChild(pending.parent, id);
    if (node.is_text) continue;
    if (node.tag == GUMBO_TAG_HTML && html_ == kNoNode) html_ = id;
    if (node.tag == GUMBO_TAG_HEAD && head_ == kNoNode) head_ = id;
    if (node.tag == GUMBO_TAG_BODY && body_ == kNoNode) body_ = id;
    // At the depth limit, children become siblings.
    if (pending.depth >= kMaxDepth) {
      push_children(g->v.element.children, pending.parent, pending.depth);
    } else {
      push_children(g->v.element.children, id, pending.depth + 1);
    }
  }
  if (body_ == kNoNode) {  // gumbo always makes one; keep the promise anyway
    body_ = CreateElement(GUMBO_TAG_BODY);
    AppendChild(html_ == kNoNode ? root() : html_, body_);
  }
}

std::string_view Dom::TagName(NodeId id) const {
  const Node& node = (*this)[id];
  if (node.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node.tag);
  if (node.gumbo == nullptr) return "";
  GumboStringPiece piece = node.gumbo->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

namespace {

const GumboAttribute* FindAttribute(const Node& node, const char* name) {
  if (node.gumbo == nullptr || node.is_text) return nullptr;
  return gumbo_get_attribute(&node.gumbo->v.element.attributes, name);
}

}  // namespace

std::string_view Dom::Attribute(NodeId id, const char* name) const {
  const GumboAttribute* attribute = FindAttribute((*this)[id], name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool Dom::HasAttribute(NodeId id, const char* name) const {
  return FindAttribute((*this)[id], name) != nullptr;
}

Dom::WrittenAttribute Dom::AttributeInSource(NodeId id, const char* name) const {
  const GumboAttribute* attribute = FindAttribute((*this)[id], name);
  if (attribute == nullptr) return {};
  // original_value includes the quotes when there are some.
  uint32_t offset = static_cast<uint32_t>(attribute->value_start.offset);
  std::string_view written(attribute->original_value.data, attribute->original_value.length);
  if (written.size() >= 2 && (written[0] == '"' || written[0] == '\'') && written.back() == written[0]) {
    ++offset;
    written = written.substr(1, written.size() - 2);
  }
  return {attribute->value, written, offset};
}

NodeId Dom::CreateElement(GumboTag tag) {
  Node node;
  node.tag = tag;
  nodes_.push_back(node);
  return static_cast<NodeId>(nodes_.size() - 1);
}

void Dom::Detach(NodeId id) {
  Node& node = (*this)[id];
  if (node.parent == kNoNode) return;
  Node& parent = (*this)[node.parent];
  if (node.prev != kNoNode) (*this)[node.prev].next = node.next;
  else parent.first_child = node.next;
  if (node.next != kNoNode) (*this)[node.next].prev = node.prev;
  else parent.last_child = node.prev;
  node.parent = node.prev = node.next = kNoNode;
}

void Dom::AppendChild(NodeId parent, NodeId child) {
  Detach(child);
  Node& p = (*this)[parent];
  Node& c = (*this)[child];
  c.parent = parent;
  c.prev = p.last_child;
  if (p.last_child != kNoNode) (*this)[p.last_child].next = child;
  else p.first_child = child;
  p.last_child = child;
}

void Dom::InsertBefore(NodeId reference, NodeId child) {
  Detach(child);
  Node& r = (*this)[reference];
  Node& c = (*this)[child];
  c.parent = r.parent;
  c.next = reference;
  c.prev = r.prev;
  if (r.prev != kNoNode) (*this)[r.prev].next = child;
  else (*this)[r.parent].first_child = child;
  r.prev = child;
}

void Dom::Replace(NodeId id, NodeId replacement) {
  if (id == replacement) return;
  InsertBefore(id, replacement);
  Detach(id);
}

NodeId Dom::Following(NodeId id, NodeId scope) const {
  if ((*this)[id].first_child != kNoNode) return (*this)[id].first_child;
  return FollowingSkipping(id, scope);
}

NodeId Dom::FollowingSkipping(NodeId id, NodeId scope) const {
  for (NodeId at = id; at != kNoNode && at != scope; at = (*this)[at].parent) {
    if ((*this)[at].next != kNoNode) return (*this)[at].next;
  }
  return kNoNode;
}

std::vector<NodeId> Dom::ElementChildren(NodeId id) const {
  std::vector<NodeId> out;
  for (NodeId c = (*this)[id].first_child; c != kNoNode; c = (*this)[c].next) {
    if (!(*this)[c].is_text) out.push_back(c);
  }
  return out;
}

int Dom::ElementChildCount(NodeId id) const {
  int count = 0;
  for (NodeId c = (*this)[id].first_child; c != kNoNode; c = (*this)[c].next) {
    count += !(*this)[c].is_text;
  }
  return count;
}

std::vector<NodeId> Dom::Descendants(NodeId scope, std::initializer_list<GumboTag> tags) const {
  std::vector<NodeId> out;
  for (NodeId at = (*this)[scope].first_child; at != kNoNode; at = Following(at, scope)) {
    const Node& node = (*this)[at];
    if (node.is_text) continue;
    for (GumboTag tag : tags) {
      if (node.tag == tag) {
        out.push_back(at);
        break;
      }
    }
  }
  return out;
}

bool Dom::HasAncestor(NodeId id, GumboTag tag) const {
  for (NodeId at = (*this)[id].parent; at != kNoNode; at = (*this)[at].parent) {
    if (IsA(at, tag)) return true;
  }
  return false;
}

std::string Dom::TextContent(NodeId id) const {
  std::string out;
  if ((*this)[id].is_text) return std::string((*this)[id].text);
  for (NodeId at = (*this)[id].first_child; at != kNoNode; at = Following(at, id)) {
    if ((*this)[at].is_text) out += (*this)[at].text;
  }
  return out;
}

}  // namespace veille::html
