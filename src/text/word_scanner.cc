#include "text/word_scanner.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>

namespace veille::text {
namespace {

// The Word_Break classes the rules below tell apart.
enum class Wb : uint8_t {
  kOther,
  kLetter,     // ALetter, Hebrew_Letter, Katakana
  kNumeric,
  kMidLetter,  // : · ’ (between letters only)
  kMidNum,     // , ; (between digits only)
  kMidBoth,    // . ' (MidNumLet and Single_Quote: between letters or digits)
  kExtendNumLet,  // _
  kExtend,     // Extend, Format, ZWJ: belong to what precedes
  kSpace,      // WSegSpace and line ends
};

Wb Classify(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER:
    case U_WB_KATAKANA:
      return Wb::kLetter;
    case U_WB_NUMERIC: return Wb::kNumeric;
    case U_WB_MIDLETTER:
      // ICU takes the colon out of MidLetter (it is one only in Swedish).
      return c == ':' || c == 0xFE55 || c == 0xFF1A ? Wb::kOther : Wb::kMidLetter;
    case U_WB_MIDNUM: return Wb::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Wb::kMidBoth;
    case U_WB_EXTENDNUMLET: return Wb::kExtendNumLet;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:
      return Wb::kExtend;
    case U_WB_WSEGSPACE:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
      return Wb::kSpace;
    default:
      return u_isUWhiteSpace(c) ? Wb::kSpace : Wb::kOther;
  }
}

// Word_Break classes of ASCII, looked up once.
const std::array<Wb, 128>& AsciiClasses() {
  static const std::array<Wb, 128> table = [] {
    std::array<Wb, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) t[c] = Classify(c);
    return t;
  }();
  return table;
}

bool AHLetterOrNumeric(Wb wb) { return wb == Wb::kLetter || wb == Wb::kNumeric; }

}  // namespace

static void IcuWords(std::string_view text, std::vector<Piece>* out) {
  // ICU iterators keep state: each call clones a prototype built once, which
  // shares its compiled rules and dictionaries.
  static const icu::BreakIterator* prototype = [] {
    UErrorCode error = U_ZERO_ERROR;
    return icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), error);
  }();
  if (!prototype) return;
  std::unique_ptr<icu::BreakIterator> words(prototype->clone());
  UErrorCode error = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(),
                                static_cast<int64_t>(text.size()), &error);
  if (!words || U_FAILURE(error)) {
    utext_close(utext);
    return;
  }
  words->setText(utext, error);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    int32_t status = words->getRuleStatus();
    auto a = static_cast<uint32_t>(start), b = static_cast<uint32_t>(end);
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      out->push_back({a, b, TokenKind::kNumber});
    } else if (status >= UBRK_WORD_LETTER) {
      out->push_back({a, b, TokenKind::kWord});
    } else {
      // Non-word runs: one token per character that is not a space.
      for (uint32_t i = a; i < b;) {
        uint32_t next = i;
        UChar32 c;
        U8_NEXT(text.data(), next, b, c);
        if (!u_isUWhiteSpace(c)) {
          out->push_back({i, next, u_ispunct(c) ? TokenKind::kPunctuation
                                                : TokenKind::kSymbol});
        }
        i = next;
      }
    }
  }
  utext_close(utext);
}

bool IsDictionaryLetter(UChar32 c) {
  if (c < 0x0E00) return false;  // below Thai: none
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return true;
  UErrorCode error = U_ZERO_ERROR;
  switch (uscript_getScript(c, &error)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return true;
    default:
      return false;
  }
}

struct CodePoint {
  UChar32 c;
  uint32_t start;
  uint32_t end;
  Wb wb;
};

// Decodes the whole text once (the rules look one and two ahead); false
// when a letter needs a dictionary.
bool Decode(std::string_view text, std::vector<CodePoint>& out) {
  const auto& ascii = AsciiClasses();
  out.reserve(text.size());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c < 128) {
      out.push_back({c, static_cast<uint32_t>(start), static_cast<uint32_t>(i), ascii[c]});
      continue;
    }
    if (IsDictionaryLetter(c)) return false;
    out.push_back({c, static_cast<uint32_t>(start), static_cast<uint32_t>(i), Classify(c)});
  }
  return true;
}

bool IsElision(std::string_view word) {
  static constexpr std::string_view kElisions[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  for (std::string_view e : kElisions) {
    if (word == e) return true;
  }
  return false;
}

bool NeedsDictionary(std::string_view text) {
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (IsDictionaryLetter(c)) return true;
  }
  return false;
}

bool ScanWords(std::string_view text, std::vector<Piece>* out) {
  std::vector<CodePoint> cps;
  if (!Decode(text, cps)) return false;
  // The class of the next code point that is not Extend (WB4), or kOther.
  auto next_class = [&](size_t i) {
    while (i < cps.size() && cps[i].wb == Wb::kExtend) ++i;
    return i < cps.size() ? std::pair{cps[i].wb, i} : std::pair{Wb::kOther, cps.size()};
  };
  size_t i = 0;
  while (i < cps.size()) {
    Wb wb = cps[i].wb;
    if (wb == Wb::kSpace) {
      ++i;
      continue;
    }
    uint32_t start = cps[i].start;
    bool letters = wb == Wb::kLetter, digits = wb == Wb::kNumeric;
    if (AHLetterOrNumeric(wb) || wb == Wb::kExtendNumLet) {
      // A word: letters, digits and connectors, with their joiners.
      Wb last = wb;
      ++i;
      for (;;) {
        while (i < cps.size() && cps[i].wb == Wb::kExtend) ++i;  // WB4
        if (i >= cps.size()) break;
        Wb w = cps[i].wb;
        if (AHLetterOrNumeric(w) || w == Wb::kExtendNumLet) {  // WB5, 8-10, 13a-b
          letters |= w == Wb::kLetter;
          digits |= w == Wb::kNumeric;
          last = w;
          ++i;
          continue;
        }
        bool mid_letter = w == Wb::kMidLetter || w == Wb::kMidBoth;
        bool mid_num = w == Wb::kMidNum || w == Wb::kMidBoth;
        auto [after, after_index] = next_class(i + 1);
        if ((last == Wb::kLetter && mid_letter && after == Wb::kLetter) ||  // WB6-7
            (last == Wb::kNumeric && mid_num && after == Wb::kNumeric)) {   // WB11-12
          last = after;
          letters |= after == Wb::kLetter;
          i = after_index + 1;
          continue;
        }
        break;
      }
      uint32_t end = cps[i - 1].end;
      out->push_back({start, end, letters || !digits ? TokenKind::kWord : TokenKind::kNumber});
      continue;
    }
    // Anything else is a token of one character, with its marks.
    UChar32 c = cps[i].c;
    ++i;
    while (i < cps.size() && cps[i].wb == Wb::kExtend) ++i;
    out->push_back({start, cps[i - 1].end,
                    u_ispunct(c) ? TokenKind::kPunctuation : TokenKind::kSymbol});
  }
  return true;
}

void Words(std::string_view text, std::vector<Piece>* out) {
  if (!ScanWords(text, out)) IcuWords(text, out);
}

}  // namespace veille::text
