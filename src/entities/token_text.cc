#include "entities/token_text.h"

#include <utf8proc.h>

namespace veille::entities {
namespace {

// One code point of `text` at `at`, or U+FFFD for a bad byte (which then
// counts as one byte).
utf8proc_int32_t NextCodePoint(std::string_view text, size_t& at) {
  utf8proc_int32_t c = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                        static_cast<utf8proc_ssize_t>(text.size() - at), &c);
  if (n <= 0) {
    at += 1;
    return 0xFFFD;
  }
  at += static_cast<size_t>(n);
  return c;
}

void AppendUtf8(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t n = utf8proc_encode_char(c, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
}

// The typographic apostrophe and its look-alikes read as ', so "l’Etat" and
// "l'Etat" are one word to the model.
bool IsApostrophe(utf8proc_int32_t c) { return c == 0x2019 || c == 0x02BC || c == 0x2018; }

}  // namespace

void ReadTokenText(std::string_view token, TokenText& out) {
  out.lower.clear();
  out.shape.clear();
  out.short_shape.clear();
  out.capitalised = out.all_upper = out.has_digit = out.has_letter = false;
  out.characters = 0;
  if (token.size() > kMaxTokenBytes) {
    // Cut before the character the limit falls in, not inside it.
    size_t cut = kMaxTokenBytes;
    while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) --cut;
    token = token.substr(0, cut);
  }
  int letters = 0, lower_letters = 0;
  char last_shape = 0;
  for (size_t at = 0; at < token.size();) {
    utf8proc_int32_t c = NextCodePoint(token, at);
    if (IsApostrophe(c)) c = '\'';
    char shape;
    switch (utf8proc_category(c)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LT:
        shape = 'X';
        break;
      case UTF8PROC_CATEGORY_LL:
        shape = 'x';
        break;
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        shape = 'x';  // scripts without case read as lower case
        break;
      case UTF8PROC_CATEGORY_ND:
        shape = 'd';
        break;
      default:
        shape = c < 0x80 ? static_cast<char>(c) : '*';
    }
    if (shape == 'X' || shape == 'x') {
      out.has_letter = true;
      ++letters;
      if (shape == 'x') ++lower_letters;
      if (out.characters == 0 && shape == 'X') out.capitalised = true;
    }
    if (shape == 'd') out.has_digit = true;
    AppendUtf8(out.lower, utf8proc_tolower(c));
    if (out.shape.size() < 12) out.shape += shape;
    if (shape != last_shape) out.short_shape += shape;
    last_shape = shape;
    ++out.characters;
  }
  out.all_upper = letters >= 2 && lower_letters == 0;
}

std::string Lowercase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t c = NextCodePoint(text, at);
    if (IsApostrophe(c)) c = '\'';
    AppendUtf8(out, utf8proc_tolower(c));
  }
  return out;
}

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < name.size()) {
    size_t space = name.find(' ', at);
    if (space == std::string_view::npos) space = name.size();
    if (space > at) words.push_back(name.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

}  // namespace veille::entities
