// Word boundaries for scripts written with spaces, at the speed of a scanner.
#ifndef VEILLE_TEXT_WORD_SCANNER_H_
#define VEILLE_TEXT_WORD_SCANNER_H_

#include <unicode/umachine.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "veille/article.h"

namespace veille::text {

// A raw token before the French rules: offsets into the scanned text.
struct Piece {
  uint32_t start;
  uint32_t end;
  TokenKind kind;  // kWord, kNumber, kPunctuation or kSymbol
};

// A letter of a script written without spaces between words (Line_Break=SA:
// Thai, Lao, Khmer, Myanmar, Tai Tham…; Chinese and Japanese).
bool IsDictionaryLetter(UChar32 c);

// French elided words, lower case and without their apostrophe: l d j m n s
// t c qu jusqu lorsqu puisqu quoiqu (l'état, qu'il, jusqu'à).
bool IsElision(std::string_view lowercase_word);

// True when `text` holds letters of a script written without spaces between
// words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tai Tham…): their
// words need ICU's dictionaries and rules, which ScanWords does not have.
bool NeedsDictionary(std::string_view text);

// Splits valid UTF-8 into words, numbers and single characters of
// punctuation or symbols, dropping spaces. The rules are those of Unicode's
// word boundaries (UAX #29, as ICU's word break iterator applies them) on
// ICU's Word_Break property: letters join letters and digits ("14h30"),
// digits join across , . ' (3,5 · 1.000), letters across ' . · ("aujourd'hui",
// "U.S"; not across a colon, as in ICU), marks and format characters stay
// with what they follow.
// Equivalent to ICU's iterator on text for which NeedsDictionary is false (a
// test checks this on the UDHR in every such script) and some five times as
// fast. Appends to `out` and returns true; returns false, appending nothing,
// when NeedsDictionary(text). Thread-safe.
bool ScanWords(std::string_view text, std::vector<Piece>* out);

// Words of any text: ScanWords, or ICU's word break iterator (with its
// dictionaries) when the text needs one. Appends to `out`. Thread-safe.
void Words(std::string_view text, std::vector<Piece>* out);

}  // namespace veille::text

#endif  // VEILLE_TEXT_WORD_SCANNER_H_
