#include "quotes/quote_finder.h"

#include <algorithm>

#include "quotes/article_words.h"
#include "quotes/attribution.h"
#include "quotes/indirect_speech.h"
#include "quotes/quote_marks.h"

namespace veille::quotes {

Result<std::unique_ptr<QuoteFinder>> QuoteFinder::Create(const Options& options) {
  if (!options.quotes) return std::unique_ptr<QuoteFinder>();
  Result<ReportingVerbs> verbs = ReportingVerbs::Load(ReportingVerbs::DefaultPath());
  if (!verbs.ok()) return verbs.status();
  return std::unique_ptr<QuoteFinder>(new QuoteFinder(std::move(verbs).value()));
}

Status QuoteFinder::Run(Article& article) const {
  article.quotes.clear();
  if (article.tokens.empty() || article.sentences.empty()) return Status::Ok();
  ArticleWords words(article);
  // 1. In marks (names and titles in marks set aside), and dialogue.
  std::vector<QuoteCandidate> marked = FindMarkedQuotes(words);
  std::vector<QuoteCandidate> found;
  for (QuoteCandidate& quote : marked) {
    if (ClassifyMarked(words, verbs_, quote)) found.push_back(quote);
  }
  for (const QuoteCandidate& line : FindDialogueLines(words, marked)) found.push_back(line);
  std::sort(found.begin(), found.end(),
            [](const QuoteCandidate& a, const QuoteCandidate& b) { return a.begin < b.begin; });
  std::vector<QuoteCandidate> quotes;
  for (const QuoteCandidate& quote : found) {
    for (const QuoteCandidate& part : SplitAtIncises(words, verbs_, quote)) quotes.push_back(part);
  }
  // 2. Reported speech, outside them.
  std::vector<QuoteCandidate> indirect = FindIndirectSpeech(words, verbs_, quotes);
  quotes.insert(quotes.end(), indirect.begin(), indirect.end());
  std::sort(quotes.begin(), quotes.end(),
            [](const QuoteCandidate& a, const QuoteCandidate& b) { return a.begin < b.begin; });
  // 3. Who said each.
  Attributor attributor(words, verbs_, quotes);
  std::vector<Attribution> attributions;
  attributions.reserve(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteCandidate* previous = i > 0 ? &quotes[i - 1] : nullptr;
    attributions.push_back(
        attributor.Attribute(quotes[i], previous, i > 0 ? &attributions[i - 1] : nullptr));
  }
  const CleanText& clean = article.clean;
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteCandidate& q = quotes[i];
    Attribution& a = attributions[i];
    Quote quote;
    quote.clean = words.CleanSpan(q.begin, q.end);
    quote.raw = clean.ToRaw(quote.clean);
    quote.kind = q.kind;
    quote.unclosed = q.unclosed;
    quote.speaker = a.speaker;
    if (a.cue) quote.cue = clean.ToRaw(*a.cue);
    quote.verb = std::move(a.verb);
    if (a.channel) quote.channel = clean.ToRaw(*a.channel);
    quote.confidence = a.confidence;
    quote.why = std::move(a.why);
    article.quotes.push_back(std::move(quote));
  }
  return Status::Ok();
}

}  // namespace veille::quotes
