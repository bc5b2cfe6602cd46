// Any bytes as a web page: markup cut anywhere, nesting without end, lying
// charsets, entities half written. Every call ends with an extraction whose
// text maps back into the page, and the page as an article passes the
// pipeline's checks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/html_reader.h"
#include "veille/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  std::string page(reinterpret_cast<const char*>(data), size);
  for (bool main_content : {true, false}) {
    Result<ExtractedPage> extracted = ExtractPage(page, {.content_type = "", .max_page_bytes = 1 << 20,
                                                         .main_content = main_content});
    if (!extracted.ok()) continue;
    const ExtractedPage& e = *extracted;
    VEILLE_FUZZ_CHECK(e.page_start.size() == e.text.size() && e.page_end.size() == e.text.size());
    for (size_t i = 0; i < e.text.size(); ++i) {
      VEILLE_FUZZ_CHECK(e.page_start[i] <= e.page_end[i] && e.page_end[i] <= size);
      VEILLE_FUZZ_CHECK(i == 0 || (e.page_start[i - 1] <= e.page_start[i] && e.page_end[i - 1] <= e.page_end[i]));
    }
    for (const PageBlock& block : e.blocks) VEILLE_FUZZ_CHECK(block.page.start <= block.page.end && block.page.end <= size);
  }
  ingest::PageSource source;
  source.path = "fuzz.html";
  Article article = ingest::ReadHtmlArticle(page, source, fuzz::FuzzOptions());
  fuzz::SharedPipeline().Run(article);
  fuzz::CheckArticle(article);
  return 0;
}
