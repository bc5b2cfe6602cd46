// ExtractPage and HtmlToText (veille/extract.h): the page parsed, its
// metadata read, its main content found, and the text written with the way
// back to the page's bytes.
#include <algorithm>
#include <optional>

#include "html/dom.h"
#include "html/main_content.h"
#include "html/metadata.h"
#include "html/page_text.h"
#include "html/parsed_page.h"
#include "veille/extract.h"

namespace veille {
namespace {

using html::Dom;
using html::NodeId;
using html::TextBlock;

// A block whose source offsets are gumbo's, cut to `part` when that is
// found in its text.
TextBlock Cut(TextBlock block, std::string_view part) {
  size_t at = block.text.find(part);
  if (at == std::string::npos || part.empty()) return block;
  TextBlock out;
  out.kind = block.kind;
  out.text = std::string(part);
  out.source_start.assign(block.source_start.begin() + static_cast<std::ptrdiff_t>(at),
                          block.source_start.begin() + static_cast<std::ptrdiff_t>(at + part.size()));
  out.source_end.assign(block.source_end.begin() + static_cast<std::ptrdiff_t>(at),
                        block.source_end.begin() + static_cast<std::ptrdiff_t>(at + part.size()));
  return out;
}

// Where the page writes its title: a heading that says it, the <title>, or
// the attribute it was read from. Empty when none is found.
std::optional<TextBlock> LocateTitle(const Dom& dom, const PageField& title) {
  std::string wanted = html::NormalizeSpaces(title.value);
  if (wanted.empty()) return std::nullopt;
  for (NodeId h : dom.Descendants(dom.body(), {GUMBO_TAG_H1, GUMBO_TAG_H2})) {
    std::vector<TextBlock> blocks = html::BlocksOf(dom, h);
    if (blocks.size() == 1 && blocks[0].text.find(wanted) != std::string::npos) {
      return Cut(std::move(blocks[0]), wanted);
    }
  }
  for (NodeId t : dom.Descendants(dom.root(), {GUMBO_TAG_TITLE})) {
    std::vector<TextBlock> blocks = html::BlocksOf(dom, t);
    if (blocks.size() == 1 && blocks[0].text.find(wanted) != std::string::npos) {
      return Cut(std::move(blocks[0]), wanted);
    }
    break;
  }
  for (NodeId meta : dom.Descendants(dom.root(), {GUMBO_TAG_META})) {
    auto [value, written, offset] = dom.AttributeInSource(meta, "content");
    if (written.empty() || html::NormalizeSpaces(value) != wanted) continue;
    TextBlock block;
    block.text = wanted;
    // Character by character when the attribute is written plainly; else
    // every character maps to the whole value.
    bool plain = written == wanted;
    for (size_t i = 0; i < wanted.size(); ++i) {
      block.source_start.push_back(plain ? offset + static_cast<uint32_t>(i) : offset);
      block.source_end.push_back(plain ? offset + static_cast<uint32_t>(i + 1)
                                       : offset + static_cast<uint32_t>(written.size()));
    }
    return block;
  }
  return std::nullopt;
}

// Appends `block` to the page's text, its offsets mapped to the page's
// bytes. The text keeps the page's order: a block that starts before the
// end of the text so far, or the rest of a block from a character that goes
// back (text gumbo moved, as content foster-parented out of a table), is
// left out, so that spans found in the text never overlap in the page.
void Append(const html::ParsedPage& page, BlockKind kind, const TextBlock& block, ExtractedPage& out) {
  uint32_t floor = out.page_end.empty() ? 0 : out.page_end.back();
  size_t keep = 0;
  std::vector<uint32_t> starts, ends;
  starts.reserve(block.text.size());
  ends.reserve(block.text.size());
  for (size_t i = 0; i < block.text.size();) {
    size_t length = 1;  // the bytes of this character
    while (i + length < block.text.size() && (static_cast<unsigned char>(block.text[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    uint32_t start = page.ToPageOffset(block.source_start[i]);
    uint32_t end = std::max(start, page.ToPageOffset(block.source_end[i]));
    if (start < floor) break;
    starts.insert(starts.end(), length, start);
    ends.insert(ends.end(), length, end);
    floor = end;
    i += length;
    keep = i;
  }
  if (keep == 0) return;
  if (!out.text.empty()) {
    uint32_t end = out.page_end.back();
    out.text += "\n\n";
    out.page_start.insert(out.page_start.end(), 2, end);
    out.page_end.insert(out.page_end.end(), 2, end);
  }
  size_t first = out.text.size();
  out.text.append(block.text, 0, keep);
  out.page_start.insert(out.page_start.end(), starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(keep));
  out.page_end.insert(out.page_end.end(), ends.begin(), ends.begin() + static_cast<std::ptrdiff_t>(keep));
  PageBlock page_block;
  page_block.kind = kind;
  page_block.text = block.text.substr(0, keep);
  page_block.page = {out.page_start[first], out.page_end.back()};
  out.blocks.push_back(std::move(page_block));
}

}  // namespace

Result<ExtractedPage> ExtractPage(std::string_view bytes, const ExtractOptions& options) {
  Result<std::unique_ptr<html::ParsedPage>> parsed =
      html::ParsedPage::Parse(bytes, options.content_type, options.max_page_bytes);
  if (!parsed.ok()) return parsed.status();
  const html::ParsedPage& page = **parsed;
  ExtractedPage out;
  out.charset = page.charset().name;
  out.charset_evidence = page.charset().evidence;

  Dom whole(page.document());
  out.metadata = html::ReadMetadata(whole);
  std::vector<TextBlock> body;
  if (options.main_content) {
    html::MainContent content = html::FindMainContent(page.document(), out.metadata.title.value);
    if (out.metadata.byline.empty() && !content.byline.empty()) {
      out.metadata.byline = {content.byline, "byline in the text"};
    }
    body = html::BlocksOf(*content.dom, content.article);
  } else {
    body = html::BlocksOf(whole, whole.body());
  }
  // The title is the text's first block when the page writes it before the
  // body; otherwise it stays in the metadata only (a title at the end of a
  // page, in a script, would put the text out of the page's order).
  TextBlock title = LocateTitle(whole, out.metadata.title).value_or(TextBlock{});
  bool title_first = !title.source_start.empty() &&
                     (body.empty() || title.source_start.front() <= body.front().source_start.front());
  // The text's size known, its offsets are allocated once (doubling
  // vectors of 4 bytes a byte would take twice the memory at their peak).
  size_t total = title_first ? title.text.size() + 2 : 0;
  for (const TextBlock& block : body) total += block.text.size() + 2;
  out.text.reserve(total);
  out.page_start.reserve(total);
  out.page_end.reserve(total);
  if (title_first) Append(page, BlockKind::kTitle, title, out);
  for (TextBlock& block : body) {
    // The headline again at the top of the body (Readability keeps an h1 that
    // differs a little from the title; an exact repeat is dropped).
    bool repeat = title_first && out.blocks.size() == 1 && block.text == out.blocks[0].text;
    if (!repeat) Append(page, block.kind, block, out);
    block = TextBlock{};  // its offsets are 8 bytes a byte: freed as soon as copied
  }
  return out;
}

std::string HtmlToText(std::string_view bytes) {
  Result<std::unique_ptr<html::ParsedPage>> parsed = html::ParsedPage::Parse(bytes, {}, bytes.size());
  if (!parsed.ok()) return "";
  Dom dom((*parsed)->document());
  std::string out;
  for (const TextBlock& block : html::BlocksOf(dom, dom.body())) {
    if (!out.empty()) out += "\n\n";
    out += block.text;
  }
  return out;
}

}  // namespace veille
