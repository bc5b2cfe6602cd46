// Scoring the quotes stage on annotated data (veille eval quotes).
#ifndef VEILLE_QUOTES_H_
#define VEILLE_QUOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "veille/options.h"
#include "veille/status.h"

namespace veille {

// Token-level precision, recall and F1 of quotation spans: each word of the
// text is inside a gold span or not, inside a predicted span or not.
// Punctuation is not counted (quotation marks and dashes are inside the
// spans by one convention and outside by another).
struct SpanScores {
  uint64_t true_positive = 0, false_positive = 0, false_negative = 0;
  double precision = 0, recall = 0, f1 = 0;
  void Finish();
};

// Direct speech in the AADS corpus (Durandard et al., ACL 2023: French
// novels, spans of direct speech, no speakers): the documents of one split.
struct DirectSpeechScores {
  uint64_t documents = 0, gold_spans = 0, predicted_spans = 0;
  SpanScores words;
};
Result<DirectSpeechScores> EvaluateDirectSpeech(const std::string& corpus_json,
                                                const std::string& split, const Options& options);

// Quotations, kinds and speakers against a gold file of news articles
// (data/eval/wikinews-quotes.jsonl): per line {"file", "quotes": [{"text",
// "kind", "speaker"|null, …}]}, each text a substring of the article's text
// in `texts_dir` (scripts/wikinews-text makes them), in order.
struct QuoteGoldScores {
  uint64_t articles = 0, gold_quotes = 0, predicted_quotes = 0;
  SpanScores words;          // every kind
  SpanScores marked_words;   // direct and partial: the quotations in marks
  uint64_t matched = 0;      // gold quotations found (half their words or more)
  uint64_t kind_right = 0;   // of the matched, with the gold kind
  uint64_t speaker_right = 0;          // of the matched, with the gold speaker (or none when gold has none)
  uint64_t named = 0, named_right = 0;  // of the matched with a named gold speaker
  double speaker_accuracy = 0;         // speaker_right / matched
  std::vector<std::string> errors;     // up to `show` of each kind of mistake
};
Result<QuoteGoldScores> EvaluateQuoteGold(const std::string& gold_jsonl, const std::string& texts_dir,
                                          const Options& options, size_t show = 0);

// Whether a predicted speaker (its identity's name, and its mention as
// written) is the gold one (a name, as the article writes it fullest): same
// name key, or the same surname.
bool SameSpeaker(const std::string& gold, const std::string& name, const std::string& mention);

}  // namespace veille

#endif  // VEILLE_QUOTES_H_
