#include "ingest/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace veille::ingest {
namespace {

// UTF-8 text in another charset, through ICU.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

const std::string kRussian =
    "<html><head><title>Новости</title></head><body><p>Президент Белоруссии Александр Лукашенко "
    "призвал протестующих в Казахстане извиниться перед армией и начать переговоры с властями. "
    "Массовые протесты в Казахстане начались в начале 2022 года, когда жители городов Жанаозен и "
    "Актау выступили против удвоения цен на сжиженный газ. Затем протесты распространились на другие "
    "города страны, и в Алма-Ате произошли столкновения с полицией.</p></body></html>";

TEST(CharsetTest, DeclaredByBomHeaderOrMetaAnywhere) {
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBF<p>é</p>").evidence, "bom");
  Charset header = DetectCharset("<p>caf\xE9</p>", "text/html; charset=ISO-8859-15");
  EXPECT_EQ(header.name, "ISO-8859-15");
  EXPECT_EQ(header.evidence, "http header");
  // Far into the page, after a long head.
  std::string late = "<html><head>" + std::string(20000, ' ') + "<META HTTP-EQUIV=\"Content-Type\" "
                     "CONTENT=\"text/html; charset=windows-1251\"></head><body>" + Encode(kRussian, "windows-1251");
  Charset meta = DetectCharset(late);
  EXPECT_EQ(meta.name, "windows-1251");
  EXPECT_EQ(meta.evidence, "meta");
  EXPECT_EQ(DetectCharset("<meta charset=\"utf-8\"><p>déjà</p>").name, "UTF-8");
  // Latin-1 declared is read as windows-1252, as browsers do; an unknown name is passed over.
  EXPECT_EQ(DetectCharset("<p>x</p>", "text/html; charset=iso-8859-1").name, "windows-1252");
  EXPECT_EQ(DetectCharset("<meta charset=\"klingon-8\"><p>déjà</p>").evidence, "valid utf-8");
}

TEST(CharsetTest, UndeclaredOrWronglyDeclaredPagesGoToTheDetector) {
  for (const char* charset : {"windows-1251", "KOI8-R"}) {
    Charset found = DetectCharset(Encode(kRussian, charset));
    EXPECT_EQ(found.name, charset) << found.evidence;
    EXPECT_TRUE(found.evidence.starts_with("detector")) << found.evidence;
  }
  // Declared UTF-8, written in windows-1251.
  Charset lying = DetectCharset("<meta charset=\"utf-8\">" + Encode(kRussian, "windows-1251"));
  EXPECT_EQ(lying.name, "windows-1251");
  EXPECT_TRUE(lying.evidence.starts_with("declared UTF-8 but not valid UTF-8")) << lying.evidence;
  EXPECT_EQ(DetectCharset("<p>déjà vu</p>").evidence, "valid utf-8");
  // Declared gb2312 (as Readability's qq.com page), written in UTF-8.
  Charset saved_again = DetectCharset("<meta charset=\"gb2312\">" + kRussian);
  EXPECT_EQ(saved_again.name, "UTF-8");
  EXPECT_EQ(saved_again.evidence, "valid utf-8 (the meta said GB2312)");
  // A few accented letters are not enough to overrule the declaration.
  EXPECT_EQ(DetectCharset("<meta charset=\"koi8-r\"><p>déjà vu</p>").name, "KOI8-R");
}

}  // namespace
}  // namespace veille::ingest
