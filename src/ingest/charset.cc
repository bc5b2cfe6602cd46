#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace veille::ingest {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Where `needle` (lower case) occurs in `text` from `from`, case ignored.
size_t FindNoCase(std::string_view text, std::string_view needle, size_t from) {
  auto it = std::search(text.begin() + static_cast<std::ptrdiff_t>(std::min(from, text.size())), text.end(),
                        needle.begin(), needle.end(), [](char a, char b) { return Lower(a) == b; });
  return it == text.end() ? std::string_view::npos : static_cast<size_t>(it - text.begin());
}

// The value after "charset=" at `at`, up to a quote, a space, a ';' or '>'.
std::string CharsetValue(std::string_view text, size_t at) {
  at += 7;  // "charset"
  while (at < text.size() && (text[at] == ' ' || text[at] == '=')) ++at;
  if (at < text.size() && (text[at] == '"' || text[at] == '\'')) ++at;
  size_t end = at;
  while (end < text.size() && end - at < 40 && text[end] != '"' && text[end] != '\'' && text[end] != ' ' &&
         text[end] != ';' && text[end] != '>' && text[end] != '/') {
    ++end;
  }
  return std::string(text.substr(at, end - at));
}

// ICU's canonical name for a declared one, or "" when ICU does not know it.
std::string Canonical(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), Lower);
  if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii") name = "windows-1252";
  if (name.empty()) return "";
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return "";
  // The name the web uses (MIME, else IANA), not ICU's internal one
  // ("windows-1251", not "ibm-5347_P100-1998").
  const char* internal = ucnv_getName(converter, &status);
  std::string out;
  if (U_SUCCESS(status) && internal != nullptr) {
    for (const char* standard : {"MIME", "IANA"}) {
      UErrorCode s = U_ZERO_ERROR;
      const char* named = ucnv_getStandardName(internal, standard, &s);
      if (U_SUCCESS(s) && named != nullptr) {
        out = named;
        break;
      }
    }
    if (out.empty()) out = internal;
  }
  ucnv_close(converter);
  return out;
}

// Whether `s` is valid UTF-8, and how many characters outside ASCII it has.
bool ValidUtf8(std::string_view s, size_t* non_ascii) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  *non_ascii = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
    *non_ascii += c >= 0x80;
  }
  return true;
}

// Text in a legacy charset with this many characters outside ASCII is
// practically never valid UTF-8 by chance (each would have to be a lead
// byte followed by the right continuation bytes).
constexpr size_t kUtf8Evidence = 16;

// The charset of <meta charset="…"> or <meta http-equiv="Content-Type"
// content="…; charset=…">, the first one in the page.
std::string MetaCharset(std::string_view page) {
  for (size_t at = FindNoCase(page, "<meta", 0); at != std::string_view::npos;
       at = FindNoCase(page, "<meta", at + 5)) {
    size_t close = page.find('>', at);
    std::string_view tag = page.substr(at, close == std::string_view::npos ? std::string_view::npos : close - at + 1);
    if (size_t c = FindNoCase(tag, "charset", 0); c != std::string_view::npos) {
      std::string name = Canonical(CharsetValue(tag, c));
      if (!name.empty()) return name;
    }
  }
  return "";
}

}  // namespace

Charset DetectCharset(std::string_view bytes, std::string_view http_content_type) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {"UTF-8", "bom"};
  if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", "bom"};
  if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", "bom"};
  std::string declared, evidence;
  if (size_t c = FindNoCase(http_content_type, "charset", 0); c != std::string_view::npos) {
    declared = Canonical(CharsetValue(http_content_type, c));
    evidence = "http header";
  }
  if (declared.empty()) {
    declared = MetaCharset(bytes);
    evidence = "meta";
  }
  size_t non_ascii = 0;
  bool valid_utf8 = ValidUtf8(bytes, &non_ascii);
  // A page declared in a legacy charset but written in UTF-8 (saved again by
  // an editor, served by a CMS that forgot to change the header) is UTF-8.
  if (!declared.empty() && declared != "UTF-8" && valid_utf8 && non_ascii >= kUtf8Evidence) {
    return {"UTF-8", "valid utf-8 (the " + evidence + " said " + declared + ")"};
  }
  if (!declared.empty() && !(declared == "UTF-8" && !valid_utf8)) return {declared, evidence};
  if (valid_utf8) return {"UTF-8", "valid utf-8"};
  // ICU's detector, over the whole page.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_SUCCESS(status)) {
    ucsdet_enableInputFilter(detector.get(), true);  // markup is not text
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX)),
                   &status);
    const UCharsetMatch* match = U_SUCCESS(status) ? ucsdet_detect(detector.get(), &status) : nullptr;
    if (U_SUCCESS(status) && match != nullptr) {
      const char* name = ucsdet_getName(match, &status);
      int32_t confidence = ucsdet_getConfidence(match, &status);
      std::string canonical = U_SUCCESS(status) && name != nullptr ? Canonical(name) : "";
      if (!canonical.empty()) {
        std::string why = "detector (confidence " + std::to_string(confidence) + ")";
        if (declared == "UTF-8") why = "declared UTF-8 but not valid UTF-8: " + why;
        return {canonical, why};
      }
    }
  }
  return {"windows-1252", "default"};
}

}  // namespace veille::ingest
