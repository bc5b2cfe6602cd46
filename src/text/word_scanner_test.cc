#include "text/word_scanner.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace veille::text {
namespace {

std::string Dump(std::string_view text) {
  std::vector<Piece> pieces;
  ScanWords(text, &pieces);
  std::string out;
  for (const Piece& p : pieces) {
    if (!out.empty()) out += '|';
    out += text.substr(p.start, p.end - p.start);
  }
  return out;
}

TEST(WordScannerTest, Golden) {
  EXPECT_EQ(Dump("L'état d'urgence, aujourd'hui."), "L'état|d'urgence|,|aujourd'hui|.");
  EXPECT_EQ(Dump("Kassym-Jomart (14h30) 3,5 1.000 U.S.A"),
            "Kassym|-|Jomart|(|14h30|)|3,5|1.000|U.S.A");
  EXPECT_EQ(Dump("« Oui » — 😀 #tag snake_case"), "«|Oui|»|—|😀|#|tag|snake_case");
  EXPECT_EQ(Dump("Лукашенко: «нет»"), "Лукашенко|:|«|нет|»");
  EXPECT_EQ(Dump("e\u0301te\u0301"), "e\u0301te\u0301");  // marks stay in words
  EXPECT_EQ(Dump("fin.Début"), "fin.Début");                // as ICU does
  EXPECT_EQ(Dump(""), "");
  EXPECT_FALSE(NeedsDictionary("Une phrase en français, et en русский."));
  EXPECT_TRUE(NeedsDictionary("他来了"));
  EXPECT_TRUE(NeedsDictionary("ภาษาไทย"));
}

// ICU's own word break iterator: the reference ScanWords must agree with.
std::set<std::pair<uint32_t, uint32_t>> IcuWords(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale("fr"), error));
  UText* utext = utext_openUTF8(nullptr, text.data(), text.size(), &error);
  it->setText(utext, error);
  std::set<std::pair<uint32_t, uint32_t>> out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NUMBER) {
      out.insert({uint32_t(start), uint32_t(end)});
      continue;
    }
    for (int32_t i = start; i < end;) {  // single characters, spaces dropped
      int32_t next = i;
      UChar32 c;
      U8_NEXT(text.data(), next, end, c);
      if (!u_isUWhiteSpace(c)) out.insert({uint32_t(i), uint32_t(next)});
      i = next;
    }
  }
  utext_close(utext);
  return out;
}

// On the UDHR in every script that ScanWords handles, its words are ICU's.
TEST(WordScannerTest, AgreesWithIcuOnTheUdhr) {
  auto dir = std::filesystem::path(VEILLE_SHARED_DATA) / "udhr" / "txt";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no ../shared/data/udhr";
  size_t files = 0, icu_tokens = 0, same = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    if (NeedsDictionary(text)) continue;
    std::vector<Piece> pieces;
    ScanWords(text, &pieces);
    std::set<std::pair<uint32_t, uint32_t>> ours;
    for (const Piece& p : pieces) ours.insert({p.start, p.end});
    auto icu = IcuWords(text);
    size_t agree = 0;
    for (const auto& span : icu) agree += ours.count(span);
    EXPECT_GE(agree, icu.size() * 995 / 1000) << entry.path().filename();
    EXPECT_LE(ours.size(), icu.size() + icu.size() / 200) << entry.path().filename();
    icu_tokens += icu.size();
    same += agree;
    ++files;
  }
  EXPECT_GT(files, 450u);
  std::cout << files << " texts, " << icu_tokens << " ICU tokens, "
            << 100.0 * same / icu_tokens << "% identical\n";
  EXPECT_GE(same, icu_tokens * 9999 / 10000);
}

}  // namespace
}  // namespace veille::text
