#include "html/page_text.h"

#include <unicode/utf8.h>

#include <cctype>
#include <string_view>

namespace veille::html {
namespace {

bool EndsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_BODY: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool NeverRead(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TITLE;
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Where a character reference that starts at `at` ("&amp;", "&#233;",
// "&#xE9", "&copy") ends.
size_t ReferenceEnd(std::string_view source, size_t at) {
  size_t i = at + 1;
  if (i < source.size() && source[i] == '#') {
    ++i;
    bool hex = i < source.size() && (source[i] == 'x' || source[i] == 'X');
    if (hex) ++i;
    while (i < source.size() && (hex ? std::isxdigit(static_cast<unsigned char>(source[i]))
                                     : std::isdigit(static_cast<unsigned char>(source[i])))) {
      ++i;
    }
  } else {
    while (i < source.size() && std::isalnum(static_cast<unsigned char>(source[i]))) ++i;
  }
  if (i < source.size() && source[i] == ';') ++i;
  return i;
}

size_t CodePointLength(std::string_view text, size_t at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(length, text.size() - at);
}

// Builds blocks, collapsing white space, with each byte's source range.
class BlockWriter {
 public:
  explicit BlockWriter(std::vector<TextBlock>& out) : out_(out) {}

  void Break() {
    if (!current_.text.empty()) out_.push_back(std::move(current_));
    current_ = TextBlock{};
    current_.kind = heading_depth_ > 0 ? BlockKind::kHeading : BlockKind::kParagraph;
    space_ = false;
  }
  void EnterHeading() {
    ++heading_depth_;
    Break();
  }
  void LeaveHeading() {
    Break();
    --heading_depth_;
    current_.kind = heading_depth_ > 0 ? BlockKind::kHeading : BlockKind::kParagraph;
  }

  // The decoded text of a text node, aligned with its source.
  void AddText(const Node& node) {
    std::string_view text = node.text, source = node.source;
    size_t i = 0, j = 0;
    uint32_t base = node.source_offset;
    while (j < text.size()) {
      size_t step = 1;  // bytes of text
      size_t consumed = 1;  // bytes of source
      if (i >= source.size()) {  // the source ran out: the rest maps to its end
        Emit(text.substr(j), base + static_cast<uint32_t>(source.size()),
             base + static_cast<uint32_t>(source.size()));
        return;
      }
      char s = source[i];
      size_t second = 0;  // bytes of a second character the same source stands for
      if (s == '&' && (text[j] != '&' || source.compare(i, 5, "&amp;") == 0 ||
                       source.compare(i, 5, "&#38;") == 0 || source.compare(i, 6, "&#x26;") == 0)) {
        consumed = ReferenceEnd(source, i) - i;
        step = CodePointLength(text, j);
        // A reference can stand for two characters (&NotEqualTilde;).
        if (j + step < text.size() && i + consumed < source.size() && text[j + step] != source[i + consumed]) {
          size_t length = CodePointLength(text, j + step);
          if (j + step + length == text.size() || text[j + step + length] == source[i + consumed]) {
            second = length;
          }
        }
      } else if (s == '\r' && text[j] == '\n') {
        consumed = i + 1 < source.size() && source[i + 1] == '\n' ? 2 : 1;
      } else if (s == '\0') {
        // Gumbo drops a NUL in text, or writes U+FFFD for it.
        if (text.compare(j, 3, "\xEF\xBF\xBD") != 0) {
          ++i;
          continue;
        }
        step = 3;
      } else if (s != text[j]) {
        // Not aligned (bytes that were not UTF-8, a reference read another
        // way): this character for one of the source's, so that the text
        // keeps walking along the source.
        step = CodePointLength(text, j);
        consumed = CodePointLength(source, i);
      } else {
        step = CodePointLength(text, j);
        consumed = step;
        if (source.compare(i, step, text, j, step) != 0) consumed = 1;
      }
      uint32_t end = base + static_cast<uint32_t>(i + consumed);
      Emit(text.substr(j, step), base + static_cast<uint32_t>(i), end);
      if (second > 0) Emit(text.substr(j + step, second), end, end);
      i += consumed;
      j += step + second;
    }
  }

  void Finish() { Break(); }

 private:
  // Characters that came from source [start, end).
  void Emit(std::string_view chars, uint32_t start, uint32_t end) {
    size_t at = 0;
    while (at < chars.size()) {
      size_t length = CodePointLength(chars, at);
      std::string_view c = chars.substr(at, length);
      at += length;
      if (length == 1 && IsHtmlSpace(c[0])) {
        if (!space_) space_start_ = start;
        space_ = true;
        space_end_ = end;
        continue;
      }
      if (space_ && !current_.text.empty()) {
        current_.text += ' ';
        current_.source_start.push_back(space_start_);
        current_.source_end.push_back(space_end_);
      }
      space_ = false;
      current_.text += c;
      current_.source_start.insert(current_.source_start.end(), length, start);
      current_.source_end.insert(current_.source_end.end(), length, end);
    }
  }

  std::vector<TextBlock>& out_;
  TextBlock current_;
  int heading_depth_ = 0;
  bool space_ = false;
  uint32_t space_start_ = 0, space_end_ = 0;
};

}  // namespace

std::vector<TextBlock> BlocksOf(const Dom& dom, NodeId scope) {
  std::vector<TextBlock> out;
  BlockWriter writer(out);
  // An explicit walk with "leave" steps, so that any depth is safe.
  struct Step {
    NodeId node;
    bool leave;
  };
  std::vector<Step> stack{{scope, false}};
  while (!stack.empty()) {
    Step step = stack.back();
    stack.pop_back();
    const Node& node = dom[step.node];
    if (node.is_text) {
      writer.AddText(node);
      continue;
    }
    GumboTag tag = node.tag;
    if (step.leave) {
      if (IsHeadingTag(tag)) writer.LeaveHeading();
      else if (EndsBlock(tag)) writer.Break();
      continue;
    }
    if (step.node != scope && NeverRead(tag)) continue;
    if (IsHeadingTag(tag)) writer.EnterHeading();
    else if (EndsBlock(tag)) writer.Break();
    stack.push_back({step.node, true});
    std::vector<NodeId> children;
    for (NodeId c = node.first_child; c != kNoNode; c = dom[c].next) children.push_back(c);
    for (size_t i = children.size(); i-- > 0;) stack.push_back({children[i], false});
  }
  writer.Finish();
  return out;
}

}  // namespace veille::html
