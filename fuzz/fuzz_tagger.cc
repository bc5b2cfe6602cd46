// Any bytes as tokens for the entity tagger, with the shipped model: lines
// are sentences, spaces separate tokens, and nothing is cleaned, so the
// model meets what no segmenter would hand it (invalid UTF-8, a 64 KiB
// token, long runs of names). Then the document-level pass and the titles,
// as the entities stage runs them. (fuzz_text_reader reaches the stage
// through the whole pipeline, on cleaned text.)
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "entities/mention_consistency.h"
#include "entities/tagger_model.h"
#include "fuzz_util.h"
#include "veille/tagger.h"

namespace {

using veille::entities::DocumentSentence;
using veille::entities::Mention;

// Sorted, apart, non-empty, within the sentence, of a known type.
void CheckMentions(const DocumentSentence& s) {
  uint32_t previous_end = 0;
  for (const Mention& m : s.mentions) {
    VEILLE_FUZZ_CHECK(m.first >= previous_end && m.first < m.end && m.end <= s.tokens.size());
    VEILLE_FUZZ_CHECK(static_cast<int>(m.type) < veille::kEntityTypeCount);
    previous_end = m.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  static const entities::TaggerModel& model = *[] {
    auto loaded = entities::TaggerModel::Load(DefaultTaggerModelPath());
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value().release();
  }();
  // The default budget of the segmenter, which never makes longer
  // sentences: the document-level pass costs more with longer names.
  const uint32_t max_tokens = Options().max_sentence_tokens;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<DocumentSentence> document(1);
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find_first_of(" \n", at);
    if (end == std::string_view::npos) end = text.size();
    if (end > at) {
      if (document.back().tokens.size() == max_tokens) document.emplace_back();
      document.back().tokens.push_back(text.substr(at, end - at));
    }
    if (end < text.size() && text[end] == '\n' && !document.back().tokens.empty()) {
      document.emplace_back();
    }
    at = end + 1;
  }
  static entities::TaggerScratch scratch;
  for (DocumentSentence& s : document) {
    model.Tag(s.tokens, scratch, s.mentions);
    CheckMentions(s);
  }
  entities::MakeMentionsConsistent(document);
  for (const DocumentSentence& s : document) {
    CheckMentions(s);
    for (const Mention& m : s.mentions) {
      uint32_t title = model.TitleStart(s.tokens, m, scratch);
      VEILLE_FUZZ_CHECK(title <= m.first);
      if (m.type != EntityType::kPerson) VEILLE_FUZZ_CHECK(title == m.first);
    }
  }
  return 0;
}
