#include "quotes/quote_finder.h"

#include <algorithm>

#include "entities/identity_linker.h"
#include "entities/name_key.h"
#include "quotes/article_words.h"
#include "quotes/attribution.h"
#include "quotes/indirect_speech.h"
#include "quotes/quote_marks.h"

namespace veille::quotes {

namespace {

// The type of a speaker's name the entities stage missed: an acronym, a
// name with an apostrophe or a word organisations use is an organisation
// ("HRW", "Moody's", "Human Rights Watch"), two or three other capitalised
// words a person ("Kito de Pavant"), one word a person too ("Houdré").
EntityType TypeOfMissedName(std::string_view text) {
  static constexpr std::string_view kOrganisationWords[] = {
      "Watch", "Rights", "News", "TV", "Times", "Post", "Group", "Groupe", "Bank", "Banque",
      "Agency", "Agence", "Association", "Institute", "Institut", "University", "Université",
      "Party", "Parti", "Fund", "Fonds", "Council", "Conseil", "Press", "Presse", "Radio",
      "Journal", "International", "Foundation", "Fondation", "Media", "Médias"};
  bool acronym = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'' || c == '&';
  });
  if (acronym || text.find('\'') != std::string_view::npos) return EntityType::kOrganization;
  for (std::string_view word : kOrganisationWords) {
    size_t at = text.find(word);
    if (at != std::string_view::npos && (at == 0 || text[at - 1] == ' ') &&
        (at + word.size() == text.size() || text[at + word.size()] == ' ')) {
      return EntityType::kOrganization;
    }
  }
  return EntityType::kPerson;
}

// Speakers written as names the entities stage did not find become mentions
// of their own, each with an identity (one of the article's with the same
// name key, or a person's with that surname; else a new one), so that every
// speaker is a mention with an identity. Renumbers the speakers.
void AddMissedSpeakers(Article& article, const ArticleWords& words,
                       std::vector<Attribution>& attributions) {
  std::vector<Entity> fresh;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // tokens of each fresh mention
  std::vector<std::string> identity_keys;
  // The fresh mention a name is (one that overlaps it), or spans.size().
  auto find = [&](uint32_t begin, uint32_t end) {
    size_t i = 0;
    while (i < spans.size() && !(spans[i].first < end && begin < spans[i].second)) ++i;
    return i;
  };
  for (Attribution& a : attributions) {
    if (a.name_begin == kNone) continue;
    std::pair<uint32_t, uint32_t> span{a.name_begin, a.name_end};
    if (find(span.first, span.second) < spans.size()) continue;
    Entity e;
    e.clean = words.CleanSpan(a.name_begin, a.name_end);
    e.raw = article.clean.ToRaw(e.clean);
    std::string text(article.TextOf(e.raw));
    e.type = TypeOfMissedName(text);
    std::string key = entities::NameKey(text);
    // The article's identities' keys, made once (a name key costs a
    // transliteration).
    if (identity_keys.empty()) {
      for (const Identity& identity : article.identities) {
        identity_keys.push_back(entities::NameKey(identity.name));
      }
    }
    for (size_t i = 0; i < identity_keys.size() && e.identity < 0; ++i) {
      const Identity& identity = article.identities[i];
      const std::string& other = identity_keys[i];
      bool surname = identity.type == EntityType::kPerson && text.find(' ') == std::string::npos &&
                     other.size() > key.size() && other.ends_with(" " + key);
      if (!key.empty() && (other == key || surname)) {
        e.identity = static_cast<int32_t>(i);
        e.type = identity.type;
      }
    }
    if (e.identity < 0) {
      article.identities.push_back({entities::IdentityId(e.type, text), text, e.type});
      identity_keys.push_back(key);
      e.identity = static_cast<int32_t>(article.identities.size() - 1);
    }
    e.why = "speaker of a quotation, a name the entities stage had not found";
    fresh.push_back(std::move(e));
    spans.push_back(span);
  }
  if (fresh.empty()) return;
  // Into the mentions, in text order; the indices change.
  std::vector<std::pair<uint32_t, int32_t>> order;  // clean start, old index (fresh: -1 - i)
  for (size_t i = 0; i < article.entities.size(); ++i) {
    order.emplace_back(article.entities[i].clean.start, static_cast<int32_t>(i));
  }
  for (size_t i = 0; i < fresh.size(); ++i) {
    order.emplace_back(fresh[i].clean.start, -1 - static_cast<int32_t>(i));
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<int32_t> old_to_new(article.entities.size()), fresh_to_new(fresh.size());
  std::vector<Entity> merged;
  merged.reserve(order.size());
  for (const auto& [start, index] : order) {
    if (index >= 0) {
      old_to_new[index] = static_cast<int32_t>(merged.size());
      merged.push_back(std::move(article.entities[index]));
    } else {
      fresh_to_new[-1 - index] = static_cast<int32_t>(merged.size());
      merged.push_back(std::move(fresh[-1 - index]));
    }
  }
  article.entities = std::move(merged);
  for (Attribution& a : attributions) {
    if (a.speaker >= 0) a.speaker = old_to_new[a.speaker];
    if (a.name_begin != kNone) {
      a.speaker = fresh_to_new[find(a.name_begin, a.name_end)];
      a.name_begin = a.name_end = kNone;
    }
  }
}

}  // namespace

Result<std::unique_ptr<QuoteFinder>> QuoteFinder::Create(const Options& options) {
  if (!options.quotes) return std::unique_ptr<QuoteFinder>();
  Result<ReportingVerbs> verbs = ReportingVerbs::Load(ReportingVerbs::DefaultPath());
  if (!verbs.ok()) return verbs.status();
  return std::unique_ptr<QuoteFinder>(
      new QuoteFinder(std::move(verbs).value(), options.tagger_model != "none"));
}

Status QuoteFinder::Run(Article& article) const {
  article.quotes.clear();
  if (article.tokens.empty() || article.sentences.empty()) return Status::Ok();
  ArticleWords words(article, verbs_);
  // 1. In marks (names and titles in marks set aside), and dialogue.
  std::vector<QuoteCandidate> marked = FindMarkedQuotes(words);
  std::vector<QuoteCandidate> found;
  for (QuoteCandidate& quote : marked) {
    if (ClassifyMarked(words, quote)) found.push_back(quote);
  }
  for (const QuoteCandidate& line : FindDialogueLines(words, marked)) found.push_back(line);
  std::sort(found.begin(), found.end(),
            [](const QuoteCandidate& a, const QuoteCandidate& b) { return a.begin < b.begin; });
  std::vector<QuoteCandidate> quotes;
  for (const QuoteCandidate& quote : found) {
    for (const QuoteCandidate& part : SplitAtIncises(words, quote)) quotes.push_back(part);
  }
  // 2. Reported speech, outside them.
  std::vector<QuoteCandidate> indirect = FindIndirectSpeech(words, quotes);
  quotes.insert(quotes.end(), indirect.begin(), indirect.end());
  std::sort(quotes.begin(), quotes.end(),
            [](const QuoteCandidate& a, const QuoteCandidate& b) { return a.begin < b.begin; });
  // 3. Who said each.
  Attributor attributor(words, quotes);
  std::vector<Attribution> attributions;
  attributions.reserve(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteCandidate* previous = i > 0 ? &quotes[i - 1] : nullptr;
    attributions.push_back(
        attributor.Attribute(quotes[i], previous, i > 0 ? &attributions[i - 1] : nullptr));
  }
  // Scare quotes and titles out (below) before names are added for them.
  std::vector<bool> kept(quotes.size(), true);
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteCandidate& q = quotes[i];
    const Attribution& a = attributions[i];
    // Words in marks inside a sentence that nobody is said to say are the
    // reporter's: scare quotes (les « vraies » couleurs), a title (un
    // rapport sur « Les revenus des ménages »). Kept when long enough to be
    // someone's words even without a cue.
    if (q.kind == QuoteKind::kPartial && !a.HasSpeaker() && !a.cue) {
      uint32_t words_quoted = 0;
      for (uint32_t t = q.begin; t < q.end; ++t) words_quoted += words.IsWord(t) ? 1 : 0;
      if (words_quoted <= 4 || words.Capitalised(q.begin)) kept[i] = false;
    }
  }
  if (names_) {
    AddMissedSpeakers(article, words, attributions);
  } else {
    for (Attribution& a : attributions) {
      if (a.name_begin == kNone) continue;
      a.name_begin = a.name_end = kNone;
      if (a.speaker < 0) a.confidence = 0;
    }
  }
  const CleanText& clean = article.clean;
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (!kept[i]) continue;
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
