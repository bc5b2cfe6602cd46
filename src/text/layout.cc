#include "text/layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

namespace veille::text {
namespace {

struct Line {
  Span clean;       // trimmed of spaces; empty for a blank line
  bool blank = true;
};

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    size_t a = pos, b = end;
    while (a < b && text[a] == ' ') ++a;
    while (b > a && text[b - 1] == ' ') --b;
    lines.push_back({{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}, a == b});
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

UChar32 FirstCodePoint(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && (u_isalnum(c))) return c;
    if (c >= 0 && !u_ispunct(c) && !u_isspace(c)) return c;
  }
  return -1;
}

bool StartsLowercase(std::string_view s) {
  UChar32 c = FirstCodePoint(s);
  return c >= 0 && u_islower(c);
}

bool StartsUppercaseOrDigit(std::string_view s) {
  UChar32 c = FirstCodePoint(s);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

bool HasLetter(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

// Lower-cases ASCII and folds the accented letters that media markers use.
std::string FoldMarker(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == 0xC3 && i + 1 < s.size()) {  // é è É È → e
      unsigned char d = s[++i];
      out += (d == 0xA9 || d == 0xA8 || d == 0x89 || d == 0x88) ? 'e' : '?';
      continue;
    }
    if (c == '+' || c == ' ' || c == '-') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace

std::vector<std::string> MediaMarkers(std::string_view title) {
  // Markers found in French and English headlines, folded (no accents, case,
  // spaces or "+"), and what they announce.
  static constexpr std::pair<std::string_view, std::string_view> kMarkers[] = {
      {"video", "video"},      {"videos", "video"},     {"photo", "photo"},
      {"photos", "photo"},     {"diaporama", "photo"},  {"enimages", "photo"},
      {"audio", "audio"},      {"podcast", "audio"},    {"son", "audio"},
      {"direct", "live"},      {"endirect", "live"},    {"live", "live"},
      {"infographie", "graphic"}, {"carte", "graphic"}, {"graphique", "graphic"},
  };
  std::vector<std::string> media;
  while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
  if (title.empty() || (title.back() != ')' && title.back() != ']')) return media;
  char open = title.back() == ')' ? '(' : '[';
  size_t start = title.rfind(open);
  if (start == std::string_view::npos) return media;
  // "(Vidéo, photos)" announces both.
  std::string_view inside = title.substr(start + 1, title.size() - start - 2);
  while (!inside.empty()) {
    size_t comma = inside.find_first_of(",/&");
    std::string folded = FoldMarker(inside.substr(0, comma));
    for (auto [marker, kind] : kMarkers) {
      if (folded == marker &&
          std::find(media.begin(), media.end(), kind) == media.end()) {
        media.emplace_back(kind);
      }
    }
    if (comma == std::string_view::npos) break;
    inside.remove_prefix(comma + 1);
  }
  return media;
}

size_t CountChars(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

bool EndsLikeSentence(std::string_view text) {
  // Step back over closing quotes and brackets: « … fin. » ends a sentence.
  int32_t i = static_cast<int32_t>(text.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(text.data(), 0, i, c);
    if (c == ' ' || c == ')' || c == ']' || c == '"' || c == 0x00BB ||
        c == 0x201D || c == 0x203A || c == '\'') {
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' ||
           c == ';' || c == ',';
  }
  return false;
}

Result<std::unique_ptr<Layout>> Layout::Create(const Options& options) {
  if (options.max_heading_chars == 0) {
    return Status(StatusCode::kInvalidArgument, "max_heading_chars must be > 0");
  }
  return std::unique_ptr<Layout>(new Layout(options));
}

namespace {

// A web page's blocks are the extractor's: paragraphs and headings as the
// page's markup says, the title from its metadata.
void MarkupLayout(Article& article) {
  for (const MarkupText::Block& block : article.markup->blocks) {
    Span clean = block.clean;
    // Cleaning may leave a block's edges as spaces (a no-break space).
    std::string_view text = article.clean.View(clean);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1), ++clean.start;
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1), --clean.end;
    if (clean.empty()) continue;
    article.blocks.push_back({block.kind, article.clean.ToRaw(clean), clean});
    if (block.kind == BlockKind::kTitle && !article.title) {
      article.title = article.blocks.back().raw;
      article.media = MediaMarkers(text);
    }
  }
}

}  // namespace

Status Layout::Run(Article& article) const {
  if (article.markup) {
    MarkupLayout(article);
    return Status::Ok();
  }
  const std::string& text = article.clean.text;
  std::vector<Line> lines = SplitLines(text);
  auto view = [&](Span s) { return std::string_view(text).substr(s.start, s.size()); };

  // Paragraph candidates: runs of lines joined where a line was wrapped.
  struct Candidate {
    Span clean;
    bool joined = false;          // spans several lines
    bool blank_after = false;     // a blank line (or the end) follows
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) {
      if (!candidates.empty()) candidates.back().blank_after = true;
      continue;
    }
    bool wrapped = !candidates.empty() && i > 0 && !lines[i - 1].blank &&
                   !EndsLikeSentence(view(lines[i - 1].clean)) &&
                   StartsLowercase(view(lines[i].clean));
    if (wrapped) {
      candidates.back().clean.end = lines[i].clean.end;
      candidates.back().joined = true;
    } else {
      candidates.push_back({lines[i].clean});
    }
  }
  if (!candidates.empty()) candidates.back().blank_after = true;

  size_t first_body = 0;
  if (!article.source.title && !candidates.empty()) {
    const Candidate& first = candidates[0];
    std::string_view line = view(first.clean);
    bool short_line = !first.joined &&
                      CountChars(line) <= 2 * options_.max_heading_chars;
    bool title = short_line && HasLetter(line);
    if (article.source.format != "text") {
      // In free text the first line is the title only if it looks like one.
      title = title && first.blank_after && candidates.size() > 1 &&
              !EndsLikeSentence(line);
    }
    if (title) {
      article.blocks.push_back({BlockKind::kTitle,
                                article.clean.ToRaw(first.clean), first.clean});
      article.title = article.blocks.back().raw;
      article.media = MediaMarkers(line);
      first_body = 1;
    }
  }

  for (size_t i = first_body; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    std::string_view line = view(c.clean);
    bool heading = !c.joined && !article.blocks.empty() &&
                   article.blocks.back().kind == BlockKind::kParagraph &&
                   i + 1 < candidates.size() &&
                   CountChars(line) <= options_.max_heading_chars &&
                   !EndsLikeSentence(line) && HasLetter(line) &&
                   StartsUppercaseOrDigit(line);
    article.blocks.push_back({heading ? BlockKind::kHeading : BlockKind::kParagraph,
                              article.clean.ToRaw(c.clean), c.clean});
  }
  return Status::Ok();
}

}  // namespace veille::text
