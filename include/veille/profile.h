// What the archive says about one identity: every spelling of it, its
// articles over time and by outlet, what it was quoted saying, and who else
// its articles name; and what a speaker was quoted saying. `veille entity`,
// `veille quotes` and the HTTP API show these.
//
// An identity is what one name names in any article: mentions whose name
// key is the name's (Loukachenko, Loukachenka, Лукашенко for Lukashenko), a
// person's surname after a full name, what the knowledge base knows the
// name as (Alma-Ata for Almaty), and the names the user merged with it
// (Store::IdentityDecisions); minus the spellings the user split from it.
#ifndef VEILLE_PROFILE_H_
#define VEILLE_PROFILE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "veille/kb.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille {

// An article, as a list of them shows it.
struct ArticleRef {
  std::string id, published, outlet, title, url;
};

// One quotation of a stored article, with its speaker and the article.
struct FoundQuote {
  Span span;  // the quoted words, in the article's raw bytes
  std::string text;
  std::string kind;  // "direct", "partial", "indirect"
  bool unclosed = false;
  // The mention of the speaker: its text, identity and name.
  std::string speaker_text, speaker_entity, speaker_name;
  std::string cue, cue_verb, channel;  // "" when none
  double confidence = 0;
  std::string why;
  // The quotation as the article's record writes it (docs/SCHEMA.md), one
  // JSON object, for those who pass it on.
  std::string json;
  ArticleRef article;
};

struct CountedValue {
  std::string value;
  uint64_t count = 0;
};

struct CoOccurring {
  std::string entity, name, type;
  uint64_t articles = 0;  // of the identity's articles, those that name it
};

struct EntityProfile {
  std::string entity;  // the knowledge base's id, else veille's ("per:aleksandre-lukasenko")
  std::string name;    // the knowledge base's name, else the fullest spelling
  std::string type;    // "PER", "LOC", "ORG", "MISC": the mentions' most frequent; "" with none
  std::string kind;    // the knowledge base's kind ("country", "city"…); "" when it does not know it
  std::vector<std::string> names_asked;  // the name, then those the user merged with it
  bool articles_exact = true;  // false: only the 1,000 most recent articles were read
  uint64_t mentions = 0;
  std::vector<CountedValue> spellings;  // mentions per spelling, most first
  std::vector<CountedValue> months;     // articles per month ("2022-01", "(undated)"), in order
  std::vector<CountedValue> outlets;    // articles per outlet, most first
  std::vector<ArticleRef> articles;     // most recent first
  std::vector<FoundQuote> quotes;       // what it was quoted saying, most recent articles first
  std::vector<CoOccurring> co_occurring;  // by articles, most first; at most 50
};

struct ProfileOptions {
  // The knowledge base (Options::knowledge_base: "" the default one if it
  // was built, "none" for none).
  std::string knowledge_base;
};

// What the knowledge base knows a name as, as the analysis takes it: its
// best match that is not a title, if any.
Result<std::optional<KbMatch>> BestKnownThing(const std::string& knowledge_base,
                                              const std::string& name);

// The identity `name` names across the archive, read from its 1,000 most
// recent articles. Fails for a name without letters; an identity no
// article names has no articles (and the name asked as its name).
Result<EntityProfile> ProfileEntity(Store& store, const std::string& name,
                                    const ProfileOptions& options = {});

struct QuoteSearch {
  std::string speaker;  // any spelling or script; "" for anyone
  std::string query;    // veille search syntax, to narrow the articles; "" for none
  size_t offset = 0, limit = 20;
};

struct FoundQuotes {
  // For a speaker alone, the most recent articles first; with a query, the
  // best matching first; in text order within one.
  std::vector<FoundQuote> quotes;
  bool more = false;               // quotations past offset + limit exist
};

// What a speaker was quoted saying (and, with a query, in which articles),
// across the 1,000 most recent articles that quote them, read a hundred at
// a time until the page is full. A speaker or a query is needed.
Result<FoundQuotes> FindQuotes(Store& store, const QuoteSearch& search,
                               const ProfileOptions& options = {});

}  // namespace veille

#endif  // VEILLE_PROFILE_H_
