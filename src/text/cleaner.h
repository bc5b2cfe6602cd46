// Cleaning: the raw bytes become the text the analysis reads, with a map back.
#ifndef VEILLE_TEXT_CLEANER_H_
#define VEILLE_TEXT_CLEANER_H_

#include <cstddef>
#include <memory>
#include <string_view>

#include "veille/article.h"
#include <unicode/uversion.h>

#include "veille/pipeline.h"

// ICU's namespace is versioned (icu_72); forward-declare through its macros.
U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace veille::text {

// What cleaning saw in the raw bytes.
struct CleanReport {
  size_t invalid_sequences = 0;   // ill-formed UTF-8 sequences replaced
  size_t first_invalid = 0;       // raw offset of the first one
  bool decoded_as_windows_1252 = false;  // no UTF-8 at all: legacy decoding
  bool binary = false;            // NUL bytes or mostly control characters
  size_t characters = 0;          // code points in the raw text
};

// Turns raw bytes into CleanText:
//  - UTF-8 is validated; ill-formed sequences become U+FFFD. Bytes with no
//    valid multi-byte sequence at all are decoded as Windows-1252 instead (a
//    Latin-1 file is then fully readable).
//  - Stray C1 controls U+0080–U+009F are read through Windows-1252: real text
//    carries U+0092 for ’ after a bad conversion.
//  - Line ends become \n; tabs and every Unicode space (no-break, thin,
//    narrow no-break, em…) become a plain space.
//  - Invisible characters (soft hyphen, zero-width spaces and joiners, BOM,
//    direction marks) are dropped: they split words for no visible reason.
//  - Apostrophe look-alikes (’ ‘ ʼ ′ ´) become ': French elision is then one
//    character to check. Guillemets and quotation marks are kept as they are:
//    the quote stage needs to tell them apart.
//  - The result is in NFC.
// Thread-safe.
class TextCleaner final : public Stage {
 public:
  static Result<std::unique_ptr<TextCleaner>> Create();

  std::string_view name() const override { return "clean"; }
  // Fills article.clean; records invalid_utf8 (repaired), and binary or empty
  // (fatal) errors.
  Status Run(Article& article) const override;

  CleanText Clean(std::string_view raw, CleanReport* report) const;

 private:
  explicit TextCleaner(const icu::Normalizer2* nfc) : nfc_(nfc) {}
  void ComposeNfc(CleanText& clean) const;

  const icu::Normalizer2* nfc_;  // owned by ICU, immutable and shared
};

}  // namespace veille::text

#endif  // VEILLE_TEXT_CLEANER_H_
