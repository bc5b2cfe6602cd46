#include "text/cleaner.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

namespace veille::text {
namespace {

// Windows-1252 for bytes 0x80–0x9F; 0 where the code page leaves a hole.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0};

constexpr UChar32 kDrop = -1;

// Looks at the first bytes only, like git and grep do: a NUL there means
// binary. Ill-formed UTF-8 is repaired later, so it is not counted here; C0
// controls other than whitespace are rare in any text.
bool LooksBinary(std::string_view raw) {
  std::string_view head = raw.substr(0, 8000);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
        c != '\v' && c != 0x1b) {
      ++controls;
    }
  }
  return controls * 10 > head.size();
}

// What a decoded code point becomes in the clean text, or kDrop.
UChar32 MapCodePoint(UChar32 c) {
  if (c >= 0x80 && c <= 0x9F) {
    UChar32 mapped = kWindows1252High[c - 0x80];
    return mapped == 0 ? kDrop : MapCodePoint(mapped);
  }
  switch (c) {
    case '\t': return ' ';
    case '\v': case '\f': case 0x2028: case 0x2029: return '\n';
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x200E:
    case 0x200F: case 0x2060: case 0xFEFF:
      return kDrop;
    case 0x2019: case 0x2018: case 0x02BC: case 0x2032: case 0x00B4:
      return '\'';
    default: break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';  // en quad … hair space
  if (c < 0x20 && c != '\n') return kDrop;       // other C0 controls
  if (c == 0x7F) return kDrop;
  return c;
}

void Append(UChar32 c, uint32_t raw_start, uint32_t raw_end, CleanText& out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out.text.append(buf, len);
  out.raw_start.insert(out.raw_start.end(), len, raw_start);
  out.raw_end.insert(out.raw_end.end(), len, raw_end);
}

// A first pass to decide between UTF-8 and the Windows-1252 fallback.
bool HasNoUtf8(std::string_view raw) {
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t n = static_cast<int32_t>(raw.size());
  bool invalid = false;
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) invalid = true; else return false;  // real UTF-8 seen
  }
  return invalid;
}

}  // namespace

Result<std::unique_ptr<TextCleaner>> TextCleaner::Create() {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) {
    return Status(StatusCode::kInternal,
                  std::string("ICU NFC data unavailable: ") + u_errorName(error));
  }
  return std::unique_ptr<TextCleaner>(new TextCleaner(nfc));
}

CleanText TextCleaner::Clean(std::string_view raw, CleanReport* report) const {
  CleanReport local;
  CleanReport& r = report ? *report : local;
  r = CleanReport{};
  r.binary = LooksBinary(raw);
  r.decoded_as_windows_1252 = HasNoUtf8(raw);

  CleanText out;
  out.raw_size = static_cast<uint32_t>(raw.size());
  out.text.reserve(raw.size());
  out.raw_start.reserve(raw.size());
  out.raw_end.reserve(raw.size());

  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t n = static_cast<int32_t>(raw.size());
  for (int32_t i = 0; i < n;) {
    // Fast path: a run of printable ASCII and line feeds is copied as it is,
    // each byte mapping to itself.
    int32_t run = i;
    while (run < n && ((s[run] >= 0x20 && s[run] < 0x7F) || s[run] == '\n')) ++run;
    if (run > i) {
      size_t old = out.text.size();
      out.text.append(raw.data() + i, run - i);
      out.raw_start.resize(old + (run - i));
      out.raw_end.resize(old + (run - i));
      for (int32_t k = i; k < run; ++k) {
        out.raw_start[old + (k - i)] = static_cast<uint32_t>(k);
        out.raw_end[old + (k - i)] = static_cast<uint32_t>(k + 1);
      }
      r.characters += run - i;
      i = run;
      if (i >= n) break;
    }
    int32_t start = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else if (r.decoded_as_windows_1252) {
      c = s[i++];  // Latin-1 for 0xA0–0xFF; 0x80–0x9F mapped below
    } else {
      U8_NEXT(s, i, n, c);
      if (c < 0) {
        if (r.invalid_sequences++ == 0) r.first_invalid = start;
        c = 0xFFFD;
      }
    }
    ++r.characters;
    if (c == '\r') {
      if (i < n && s[i] == '\n') continue;  // CR LF: keep the LF only
      c = '\n';
    }
    UChar32 mapped = MapCodePoint(c);
    if (mapped != kDrop) Append(mapped, start, i, out);
  }
  ComposeNfc(out);
  return out;
}

// NFC, keeping the offset map: ICU's Edits say which source runs were
// replaced; every byte of a replacement maps to the whole source run.
void TextCleaner::ComposeNfc(CleanText& clean) const {
  UErrorCode error = U_ZERO_ERROR;
  if (nfc_->isNormalizedUTF8(clean.text, error) || U_FAILURE(error)) return;

  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits edits;
  error = U_ZERO_ERROR;
  nfc_->normalizeUTF8(0, clean.text, sink, &edits, error);
  if (U_FAILURE(error)) return;  // keep the uncomposed text: still valid

  CleanText out;
  out.raw_size = clean.raw_size;
  out.raw_start.reserve(composed.size());
  out.raw_end.reserve(composed.size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(error)) {
    int32_t src = it.sourceIndex();
    if (!it.hasChange()) {
      out.raw_start.insert(out.raw_start.end(), clean.raw_start.begin() + src,
                           clean.raw_start.begin() + src + it.oldLength());
      out.raw_end.insert(out.raw_end.end(), clean.raw_end.begin() + src,
                         clean.raw_end.begin() + src + it.oldLength());
      continue;
    }
    uint32_t from = it.oldLength() > 0 ? clean.raw_start[src]
                    : src < static_cast<int32_t>(clean.raw_start.size())
                        ? clean.raw_start[src] : clean.raw_size;
    uint32_t to = it.oldLength() > 0 ? clean.raw_end[src + it.oldLength() - 1]
                                     : from;
    out.raw_start.insert(out.raw_start.end(), it.newLength(), from);
    out.raw_end.insert(out.raw_end.end(), it.newLength(), to);
  }
  out.text = std::move(composed);
  clean = std::move(out);
}

namespace {

// The cleaned markup text with its map composed: from clean bytes to
// markup bytes to raw bytes. Block spans are translated on the way.
CleanText ThroughMarkup(CleanText clean, MarkupText& markup, uint32_t raw_size) {
  for (MarkupText::Block& block : markup.blocks) {
    block.clean = {clean.ToClean(block.text.start), clean.ToClean(block.text.end)};
  }
  uint32_t markup_size = static_cast<uint32_t>(markup.text.size());
  for (size_t i = 0; i < clean.text.size(); ++i) {
    uint32_t start = clean.raw_start[i], end = clean.raw_end[i];
    uint32_t raw_start = start < markup_size ? markup.raw_start[start] : raw_size;
    uint32_t raw_end = end > start ? markup.raw_end[end - 1] : raw_start;
    clean.raw_start[i] = raw_start;
    clean.raw_end[i] = std::max(raw_start, raw_end);
  }
  clean.raw_size = raw_size;
  return clean;
}

}  // namespace

Status TextCleaner::Run(Article& article) const {
  CleanReport report;
  if (article.markup) {
    article.clean = ThroughMarkup(Clean(article.markup->text, &report), *article.markup,
                                  static_cast<uint32_t>(article.raw.size()));
    // The extractor wrote valid UTF-8 from the page's charset; what is left
    // to report about bytes was reported by it.
    report = CleanReport{};
  } else {
    article.clean = Clean(article.raw, &report);
  }
  if (report.binary) {
    return Status(StatusCode::kBinary,
                  "the input is not text (NUL bytes or control characters)");
  }
  if (report.decoded_as_windows_1252) {
    article.AddError(StatusCode::kInvalidUtf8,
                     "not UTF-8; decoded as Windows-1252");
  } else if (report.invalid_sequences > 0) {
    article.AddError(StatusCode::kInvalidUtf8,
                     std::to_string(report.invalid_sequences) +
                         " ill-formed UTF-8 sequence(s) replaced, the first at "
                         "byte " + std::to_string(report.first_invalid));
  }
  if (article.clean.text.find_first_not_of(" \n") == std::string::npos &&
      !article.source.title) {
    return Status(StatusCode::kEmpty, "no text");
  }
  return Status::Ok();
}

}  // namespace veille::text
