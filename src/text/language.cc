#include "text/language.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace veille::text {
namespace {

// CLD2 keeps a few codes that BCP 47 has retired or spells otherwise.
std::string Bcp47(const char* cld2_code) {
  static const std::unordered_map<std::string, std::string> kRenamed = {
      {"iw", "he"}, {"in", "id"}, {"jw", "jv"}, {"zh-TW", "zh-Hant"},
      {"ji", "yi"}, {"mo", "ro"}, {"sr-ME", "sr-Latn-ME"}};
  std::string code(cld2_code);
  auto it = kRenamed.find(code);
  return it == kRenamed.end() ? code : it->second;
}

// The dominant script of the letters in `text`, with the letter count.
std::pair<std::string, size_t> DominantScript(std::string_view text) {
  std::unordered_map<int, size_t> counts;
  size_t letters = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &error);
    if (U_SUCCESS(error) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      ++counts[script];
    }
  }
  int best = USCRIPT_COMMON;
  size_t best_count = 0;
  for (auto [script, count] : counts) {
    if (count > best_count || (count == best_count && script < best)) {
      best = script;
      best_count = count;
    }
  }
  const char* name = uscript_getShortName(static_cast<UScriptCode>(best));
  return {name ? name : "Zyyy", letters};
}

}  // namespace

Result<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::Create(
    const Options& options) {
  return std::unique_ptr<LanguageIdentifier>(new LanguageIdentifier(options));
}

Language LanguageIdentifier::Identify(std::string_view text) const {
  Language result;
  auto [script, letters] = DominantScript(text);
  result.script = script;
  if (letters < options_.min_language_letters) return result;

  CLD2::Language top3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      /*cld_hints=*/nullptr, CLD2::kCLDFlagBestEffort, top3, percent3, score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return result;
  }
  result.code = Bcp47(CLD2::LanguageCode(language));
  double share = top3[0] == language ? percent3[0] / 100.0 : 0.5;
  result.confidence = reliable ? share : share * 0.5;
  return result;
}

Status LanguageIdentifier::Run(Article& article) const {
  std::string text;
  if (article.source.title) text += *article.source.title + "\n";
  for (const Block& block : article.blocks) {
    if (block.kind == BlockKind::kBoilerplate) continue;
    text.append(article.clean.View(block.clean));
    text += '\n';
  }
  article.language = Identify(text);
  return Status::Ok();
}

}  // namespace veille::text
