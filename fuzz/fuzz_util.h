// Shared by the fuzz targets: one pipeline built once, and the checks every
// analysed article must pass whatever the input bytes.
#ifndef VEILLE_FUZZ_FUZZ_UTIL_H_
#define VEILLE_FUZZ_FUZZ_UTIL_H_

#include <cstdlib>
#include <memory>

#include "veille/article.h"
#include "veille/json.h"
#include "veille/pipeline.h"

namespace veille::fuzz {

// Small budgets, so that the fuzzer explores the limits rather than memory.
inline Options FuzzOptions() {
  Options options;
  options.max_article_bytes = 1 << 20;
  options.max_line_bytes = 1 << 20;
  options.max_page_bytes = 1 << 20;
  options.max_sentence_tokens = 64;
  return options;
}

inline const Pipeline& SharedPipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto created = Pipeline::Create(FuzzOptions());
    if (!created.ok()) std::abort();
    return std::move(created).value();
  }();
  return *pipeline;
}

#define VEILLE_FUZZ_CHECK(condition) \
  do {                               \
    if (!(condition)) std::abort();  \
  } while (0)

// Spans in bounds and nested: blocks in order, sentences inside analysed
// blocks, tokens inside their sentence, entities inside a sentence. Then the
// JSON writer must not fail.
inline void CheckArticle(const Article& a) {
  uint32_t size = static_cast<uint32_t>(a.raw.size());
  uint32_t previous = 0;
  for (const Block& b : a.blocks) {
    VEILLE_FUZZ_CHECK(b.raw.start <= b.raw.end && b.raw.end <= size);
    VEILLE_FUZZ_CHECK(b.raw.start >= previous);
    previous = b.raw.end;
  }
  for (const Sentence& s : a.sentences) {
    VEILLE_FUZZ_CHECK(s.block < a.blocks.size());
    VEILLE_FUZZ_CHECK(a.blocks[s.block].raw.Contains(s.raw));
    VEILLE_FUZZ_CHECK(s.token_count > 0);
    VEILLE_FUZZ_CHECK(s.first_token + s.token_count <= a.tokens.size());
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      VEILLE_FUZZ_CHECK(s.raw.Contains(a.tokens[t].raw));
      VEILLE_FUZZ_CHECK(!a.tokens[t].clean.empty());
    }
  }
  // Entities in order, apart, each inside an analysed sentence; a person's
  // title before the name.
  previous = 0;
  size_t sentence = 0;
  for (const Entity& e : a.entities) {
    VEILLE_FUZZ_CHECK(e.raw.start < e.raw.end && e.raw.end <= size && e.raw.start >= previous);
    previous = e.raw.end;
    while (sentence < a.sentences.size() && a.sentences[sentence].raw.end <= e.raw.start) {
      ++sentence;
    }
    VEILLE_FUZZ_CHECK(sentence < a.sentences.size() && a.sentences[sentence].raw.Contains(e.raw));
    VEILLE_FUZZ_CHECK(a.blocks[a.sentences[sentence].block].kind != BlockKind::kBoilerplate);
    if (e.title) {
      VEILLE_FUZZ_CHECK(e.type == EntityType::kPerson);
      VEILLE_FUZZ_CHECK(e.title->start < e.title->end && e.title->end <= e.raw.start);
    }
  }
  // Time expressions in order, apart, within the text, each with a value.
  previous = 0;
  for (const TimeExpr& t : a.times) {
    VEILLE_FUZZ_CHECK(t.raw.start < t.raw.end && t.raw.end <= size && t.raw.start >= previous);
    VEILLE_FUZZ_CHECK(!t.value.empty() && (!t.granularity.empty() || t.value == "PRESENT_REF"));
    previous = t.raw.end;
  }
  // Quotations in order, apart, within the text; their speaker a mention,
  // their cue and channel within the text.
  previous = 0;
  for (const Quote& q : a.quotes) {
    VEILLE_FUZZ_CHECK(q.raw.start <= q.raw.end && q.raw.end <= size && q.raw.start >= previous);
    previous = q.raw.end;
    VEILLE_FUZZ_CHECK(q.speaker >= -1 && q.speaker < static_cast<int32_t>(a.entities.size()));
    VEILLE_FUZZ_CHECK(q.confidence >= 0 && q.confidence <= 1);
    VEILLE_FUZZ_CHECK((q.speaker < 0) == (q.confidence == 0));
    if (q.cue) VEILLE_FUZZ_CHECK(q.cue->start <= q.cue->end && q.cue->end <= size);
    if (q.channel) VEILLE_FUZZ_CHECK(q.channel->start <= q.channel->end && q.channel->end <= size);
  }
  if (a.title) VEILLE_FUZZ_CHECK(a.title->end <= size);
  std::string json = ToJsonLine(a, {.tokens = true});
  VEILLE_FUZZ_CHECK(!json.empty() && json.front() == '{' && json.back() == '}');
}

}  // namespace veille::fuzz

#endif  // VEILLE_FUZZ_FUZZ_UTIL_H_
