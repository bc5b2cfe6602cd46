#include "html/parsed_page.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

namespace veille::html {

// A bump allocator: gumbo's frees are ignored and everything goes at once.
// Gumbo grows its vectors by allocating anew and freeing the old block, so
// at most about half of the arena is dead.
struct ParsedPage::Arena {
  static constexpr size_t kBlockBytes = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks;
  char* at = nullptr;
  size_t left = 0;

  void* Allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > left) {
      if (size > kBlockBytes / 4) {  // a big one gets a block of its own
        blocks.push_back(std::unique_ptr<char[]>(new char[size]));
        return blocks.back().get();
      }
      blocks.push_back(std::unique_ptr<char[]>(new char[kBlockBytes]));
      at = blocks.back().get();
      left = kBlockBytes;
    }
    void* out = at;
    at += size;
    left -= size;
    return out;
  }
};

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void* ArenaAllocate(void* arena, size_t size) {
  return static_cast<ParsedPage::Arena*>(arena)->Allocate(size);
}
void ArenaFree(void*, void*) {}

// `bytes` decoded from `charset` to UTF-8, with the page offset of each
// UTF-8 byte (and one past the end). Malformed bytes become U+FFFD, as
// browsers do.
bool Decode(std::string_view bytes, const std::string& charset, std::string& utf8,
            std::vector<uint32_t>& offsets) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) return false;
  utf8.reserve(bytes.size() + bytes.size() / 2);
  offsets.reserve(utf8.capacity() + 1);
  constexpr int32_t kChunk = 16 * 1024;
  std::vector<UChar> units(kChunk + 2);
  std::vector<int32_t> unit_offsets(kChunk + 2);
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  UChar pending_lead = 0;  // a lead surrogate whose trail is in the next chunk
  int32_t pending_offset = 0;
  auto emit = [&](UChar32 c, int32_t offset) {
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    utf8.append(buffer, static_cast<size_t>(length));
    offsets.insert(offsets.end(), static_cast<size_t>(length), static_cast<uint32_t>(offset));
  };
  for (bool flush = false; !flush;) {
    UChar* target = units.data();
    int32_t* target_offsets = unit_offsets.data();
    const char* chunk_start = source;
    status = U_ZERO_ERROR;
    flush = true;
    ucnv_toUnicode(converter, &target, units.data() + kChunk, &source, source_end,
                   unit_offsets.data(), true, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) flush = false;
    else if (U_FAILURE(status)) break;
    int32_t count = static_cast<int32_t>(target - units.data());
    int32_t base = static_cast<int32_t>(chunk_start - bytes.data());
    for (int32_t i = 0; i < count; ++i) {
      UChar unit = units[static_cast<size_t>(i)];
      int32_t offset = base + std::max(0, target_offsets[i]);
      if (pending_lead != 0) {
        if (U16_IS_TRAIL(unit)) {
          emit(U16_GET_SUPPLEMENTARY(pending_lead, unit), pending_offset);
          pending_lead = 0;
          continue;
        }
        emit(0xFFFD, pending_offset);
        pending_lead = 0;
      }
      if (U16_IS_LEAD(unit)) {
        pending_lead = unit;
        pending_offset = offset;
      } else if (U16_IS_TRAIL(unit)) {
        emit(0xFFFD, offset);
      } else {
        emit(unit, offset);
      }
    }
  }
  if (pending_lead != 0) emit(0xFFFD, pending_offset);
  ucnv_close(converter);
  offsets.push_back(static_cast<uint32_t>(bytes.size()));
  return U_SUCCESS(status) || status == U_BUFFER_OVERFLOW_ERROR;
}

bool StartsNoCase(std::string_view text, size_t at, std::string_view lower) {
  if (text.size() - at < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != lower[i]) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view text, size_t from, std::string_view lower) {
  for (size_t at = text.find('<', from); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (StartsNoCase(text, at, lower)) return at;
  }
  return std::string_view::npos;
}

// The end of the start tag that begins at `at` (one past its '>'), quotes
// respected; npos when the page ends first.
size_t TagEnd(std::string_view text, size_t at) {
  char quote = 0;
  for (size_t i = at + 1; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// True when a tag named `name` starts at `at` ("<script>", "<script src…").
bool IsTag(std::string_view text, size_t at, std::string_view name) {
  if (!StartsNoCase(text, at + 1, name)) return false;
  size_t after = at + 1 + name.size();
  return after < text.size() && (text[after] == '>' || text[after] == '/' || IsSpace(text[after]));
}

// Tags deeper than this are not given to gumbo. Gumbo, following the HTML
// standard, looks through the stack of open elements at each tag, which
// makes 100,000 nested tags take minutes; browsers stop nesting at 512
// (Blink), and so does the DOM the extractor builds.
constexpr int kMaxNesting = 1024;

// Elements a page usually leaves open (</p> and </li> are optional) or that
// have no content: they are not counted in the nesting.
bool LeftOpen(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
      "rb", "rt", "rp", "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param",
      "source", "track", "wbr", "html", "head", "body", "frame", "keygen", "image"};
  for (std::string_view n : kNames) {
    if (name.size() == n.size() &&
        std::equal(name.begin(), name.end(), n.begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
      return true;
    }
  }
  return false;
}

// The ranges of `text` gumbo need not read: comments, the bodies of scripts
// (not JSON-LD) and styles, and tags nested deeper than kMaxNesting.
// Elements whose content is text (title, textarea…) are stepped over whole,
// so that a "<!--" written in them is not taken for a comment.
std::vector<std::pair<size_t, size_t>> UnreadRanges(std::string_view text) {
  int depth = 0;
  std::vector<std::pair<size_t, size_t>> out;
  static constexpr std::string_view kTextElements[] = {"title", "textarea", "xmp", "iframe", "noembed",
                                                       "noframes"};
  size_t at = text.find('<');
  while (at != std::string_view::npos && at + 1 < text.size()) {
    if (text.compare(at, 4, "<!--") == 0) {
      size_t end = text.find("-->", at + 4);
      end = end == std::string_view::npos ? text.size() : end + 3;
      out.emplace_back(at, end);
      at = text.find('<', end);
      continue;
    }
    bool script = IsTag(text, at, "script");
    if (script || IsTag(text, at, "style")) {
      size_t body = TagEnd(text, at);
      if (body == std::string_view::npos) break;
      std::string_view tag = text.substr(at, body - at);
      size_t close = FindNoCase(text, body, script ? "</script" : "</style");
      if (close == std::string_view::npos) close = text.size();
      bool json_ld = script && FindNoCase(tag, 0, "<script") == 0 &&
                     std::search(tag.begin(), tag.end(), std::begin("ld+json"), std::end("ld+json") - 1,
                                 [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) !=
                         tag.end();
      if (!json_ld && close > body) out.emplace_back(body, close);
      at = text.find('<', close + 1);
      continue;
    }
    bool stepped = false;
    for (std::string_view name : kTextElements) {
      if (!IsTag(text, at, name)) continue;
      size_t body = TagEnd(text, at);
      std::string closing = "</" + std::string(name);
      size_t close = body == std::string_view::npos ? std::string_view::npos : FindNoCase(text, body, closing);
      at = close == std::string_view::npos ? std::string_view::npos : text.find('<', close + 1);
      stepped = true;
      break;
    }
    if (stepped) continue;
    // Nesting, counted roughly: a start tag opens, an end tag closes.
    bool closing = text[at + 1] == '/';
    size_t name_start = at + 1 + closing, name_end = name_start;
    while (name_end < text.size() && std::isalnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
    if (name_end > name_start && !LeftOpen(text.substr(name_start, name_end - name_start))) {
      size_t end = TagEnd(text, at);
      if (end == std::string_view::npos) break;
      bool self_closing = text[end - 2] == '/';
      if (!closing && !self_closing && ++depth > kMaxNesting) out.emplace_back(at, end);
      if (closing && depth-- > kMaxNesting) out.emplace_back(at, end);
      depth = std::max(depth, 0);
      at = text.find('<', end);
      continue;
    }
    at = text.find('<', at + 1);
  }
  return out;
}

}  // namespace

ParsedPage::ParsedPage() : arena_(std::make_unique<Arena>()) {}

ParsedPage::~ParsedPage() = default;  // the arena holds the whole tree

Result<std::unique_ptr<ParsedPage>> ParsedPage::Parse(std::string_view bytes,
                                                      std::string_view http_content_type,
                                                      size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return Status(StatusCode::kInvalidArgument,
                  "page of " + std::to_string(bytes.size()) + " bytes is over the limit of " +
                      std::to_string(max_bytes) + " bytes");
  }
  std::unique_ptr<ParsedPage> page(new ParsedPage());
  page->bytes_ = bytes;
  page->charset_ = ingest::DetectCharset(bytes, http_content_type);
  if (page->charset_.name != "UTF-8") {
    if (!Decode(bytes, page->charset_.name, page->utf8_, page->page_offset_)) {
      // ICU could not open or run the converter: read the bytes as UTF-8,
      // whose errors gumbo replaces.
      page->utf8_.clear();
      page->page_offset_.clear();
      page->charset_ = {"UTF-8", "fallback: " + page->charset_.name + " could not be decoded"};
    } else {
      page->identity_ = false;
    }
  }
  std::string_view text = page->utf8();
  // A UTF-8 byte-order mark is no part of the document: left in, gumbo would
  // read it as text and push <head>'s content into <body>.
  size_t skip = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;

  text.remove_prefix(skip);
  std::vector<std::pair<size_t, size_t>> unread = UnreadRanges(text);
  size_t unread_bytes = 0;
  for (const auto& [from, to] : unread) unread_bytes += to - from;
  // Cutting copies the page: worth it when there is much to cut, needed when
  // there is too deep a nesting.
  bool too_deep = false;
  for (const auto& [from, to] : unread) too_deep = too_deep || (text[from] == '<' && text[from + 1] != '!');
  if (too_deep || unread_bytes > text.size() / 16) {
    std::string& input = page->gumbo_input_;
    input.reserve(text.size() - unread_bytes);
    size_t kept_from = 0;
    for (const auto& [from, to] : unread) {
      page->pieces_.emplace_back(static_cast<uint32_t>(input.size()), static_cast<uint32_t>(kept_from));
      input.append(text.substr(kept_from, from - kept_from));
      kept_from = to;
    }
    page->pieces_.emplace_back(static_cast<uint32_t>(input.size()), static_cast<uint32_t>(kept_from));
    input.append(text.substr(kept_from));
    text = input;
  }

  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = page->arena_.get();
  options.max_errors = 0;  // the parse errors are of no use here
  page->output_ = gumbo_parse_with_options(&options, text.data(), text.size());
  page->skip_ = static_cast<uint32_t>(skip);  // gumbo counts from where it began
  return page;
}

uint32_t ParsedPage::ToPageOffset(uint32_t gumbo_offset) const {
  uint32_t offset = gumbo_offset;
  if (!pieces_.empty()) {
    // The last piece that starts at or before the offset.
    auto piece = std::upper_bound(pieces_.begin(), pieces_.end(), std::make_pair(gumbo_offset, UINT32_MAX));
    --piece;
    offset = piece->second + (gumbo_offset - piece->first);
  }
  offset += skip_;
  if (identity_) return std::min<uint32_t>(offset, static_cast<uint32_t>(bytes_.size()));
  if (offset >= page_offset_.size()) return static_cast<uint32_t>(bytes_.size());
  return page_offset_[offset];
}

}  // namespace veille::html
