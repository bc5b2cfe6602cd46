// The article model: raw bytes owned by the article, and every annotation as a
// span of byte offsets into those bytes.
//
// Lifetime: an Article owns `raw` and `clean.text`. Spans are plain offsets, so
// they stay valid when the Article moves; string_views made from them live as
// long as the Article is neither destroyed nor has its `raw` modified.
#ifndef VEILLE_ARTICLE_H_
#define VEILLE_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// A half-open byte range [start, end).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const {
    return start <= other.start && other.end <= end;
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// The text the analysis reads, and the way back to the raw bytes.
//
// Cleaning rewrites the raw bytes (invalid UTF-8 replaced, NFC, typographic
// spaces and apostrophes unified, invisible characters dropped). Every byte of
// `text` remembers the raw character it came from, so any span found in `text`
// maps back to the exact raw characters (sentencepiece's normalizer keeps such
// a map for the same reason).
struct CleanText {
  std::string text;
  // For each byte i of `text`: the raw span of the character that produced it.
  // Both vectors have text.size() entries and are non-decreasing.
  std::vector<uint32_t> raw_start;
  std::vector<uint32_t> raw_end;
  uint32_t raw_size = 0;  // size of the raw bytes, the end of the last span

  // The raw span covering clean bytes [clean.start, clean.end). An empty clean
  // span maps to an empty raw span at the corresponding position.
  Span ToRaw(Span clean) const;
  // The first clean byte whose raw character starts at or after `raw_offset`.
  uint32_t ToClean(uint32_t raw_offset) const;
  std::string_view View(Span clean) const {
    return std::string_view(text).substr(clean.start, clean.size());
  }
};

enum class BlockKind : uint8_t {
  kTitle,        // the headline
  kParagraph,    // body text
  kHeading,      // a sub-heading between paragraphs
  kBoilerplate,  // footers, share lines, "Lire aussi": kept, never analysed
};
std::string_view BlockKindName(BlockKind kind);

// A block is a line-level unit of the article's layout. `raw` points into
// Article::raw, `clean` into Article::clean.text; both cover the same text.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span raw;
  Span clean;
};

enum class TokenKind : uint8_t {
  kWord,         // letters, with inner hyphens and apostrophes ("Alma-Ata")
  kElision,      // a French elided article or pronoun with its apostrophe: l’ d’ qu’
  kNumber,       // digits, with grouping and decimals: "1 000,5", "2022"
  kAbbreviation, // a word with its period: "M.", "Mme.", "J.-C."
  kPunctuation,  // . , ; : ! ? « » ( ) … and friends
  kSymbol,       // anything else that is not a space: € % # emoji
};
std::string_view TokenKindName(TokenKind kind);

struct Token {
  Span raw;
  Span clean;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span raw;
  Span clean;
  uint32_t block = 0;        // index into Article::blocks
  uint32_t first_token = 0;  // index into Article::tokens
  uint32_t token_count = 0;
};

struct Language {
  std::string code = "und";    // BCP 47 language tag: "fr", "en", "zh-Hant"
  std::string script = "Zyyy"; // ISO 15924 code of the dominant script
  double confidence = 0.0;     // in [0, 1]
};

struct Outlet {
  std::string name;      // "News-Front", "lemonde.fr"
  std::string evidence;  // "input" (given by the record), "url", "footer"
};

struct PublicationDate {
  std::string value;       // ISO 8601: "2022-01-06" or "2022-01-06T08:30:00Z"
  bool estimated = false;  // true when inferred rather than given
  // Where it came from: "input" (the record's field), "page metadata" (a
  // web page's JSON-LD or meta tags), "feed" (the item's date), "dateline" (the
  // text's opening "9 novembre 2012. -"), "latest date in the text" (an
  // estimate).
  std::string evidence = "input";
};

// A problem met while reading or analysing one article. Errors never stop a
// batch: the article carries them and the next one is read.
struct ArticleError {
  StatusCode code = StatusCode::kInternal;
  std::string message;
};

// True for errors after which the article cannot be analysed at all (nothing
// readable), as opposed to ones that were repaired (invalid UTF-8 replaced).
bool IsFatal(StatusCode code);

// What a name names: the four types of CoNLL and WikiNEuRal. HIPE's
// pers/loc/org are PER/LOC/ORG.
enum class EntityType : uint8_t {
  kPerson,        // PER
  kLocation,      // LOC
  kOrganization,  // ORG
  kMisc,          // MISC: events, works, nationalities, other names
};
inline constexpr int kEntityTypeCount = 4;
std::string_view EntityTypeName(EntityType type);  // "PER", "LOC", "ORG", "MISC"

// A mention of a name in the text: its raw and clean spans and its type.
struct Entity {
  Span raw;
  Span clean;
  EntityType type = EntityType::kMisc;
  // For a person, the raw span of the title or function written before the
  // name ("M.", "le général", "président"); not part of `raw`.
  std::optional<Span> title;
  // An adjective or demonym naming a place ("biélorusse", "les Kazakhs"):
  // type LOC, never a person.
  bool adjective = false;
  // Which identity of Article::identities the mention names (-1: none yet),
  // and why: the rule and its evidence ("surname of 'Alexandre
  // Loukachenko' in the same article").
  int32_t identity = -1;
  std::string why;
};

// What a group of mentions in one article names: a person, a place, an
// organisation, whatever its spellings there.
struct Identity {
  std::string id;    // type and name key of `name`: "per:aleksandre-lukasenko"
  std::string name;  // the fullest form the article uses: "Alexandre Loukachenko"
  EntityType type = EntityType::kMisc;
};

// How a quotation gives someone's words.
enum class QuoteKind : uint8_t {
  kDirect,    // their words as an utterance of its own: « Nous partirons », a-t-il dit.
  kPartial,   // their words inside the reporter's sentence: il a qualifié la situation de « … »
  kIndirect,  // reported without quotation marks: il a affirmé que…, selon X, …
};
std::string_view QuoteKindName(QuoteKind kind);  // "direct", "partial", "indirect"

// A quotation: whose words, said how, through which channel. The spans
// exclude the quotation marks.
struct Quote {
  Span raw;
  Span clean;
  QuoteKind kind = QuoteKind::kDirect;
  // An opening mark without its closing one: the quote ends at the end of
  // its sentence (or of its paragraph, when it opened the paragraph).
  bool unclosed = false;
  // The mention of the speaker, an index into Article::entities (-1: not
  // found; the quote is kept without a guess). For a pronoun or a role noun
  // ("il a ajouté", "le ministre a dit"), the mention it points back to.
  int32_t speaker = -1;
  // The words that attribute the quote: the reporting verb with its
  // auxiliary and subject when they are beside it ("a-t-il ajouté", "cite
  // Loukachenka"), "selon X"; `verb` is the verb's lemma ("ajouter").
  std::optional<Span> cue;  // raw
  std::string verb;
  // Where the words were published or said, as the text says it ("dans un
  // communiqué", "la chaîne Telegram »Pool of the First »"): raw.
  std::optional<Span> channel;
  // How sure the attribution is, in [0, 1]: high for a name beside the
  // verb, lower through a pronoun or a role noun; 0 without a speaker.
  double confidence = 0;
  std::string why;  // how the speaker was found, for a reader to check
};

// What a time expression's missing parts were taken from.
enum class TimeAnchor : uint8_t {
  kAbsolute,   // nothing was missing: "5 janvier 2022", "en 2019"
  kPublished,  // the article's date: "hier", "lundi dernier"
  kText,       // a date the story gave before: "la même nuit", "le 5 janvier" after "début 2022"
  kNone,       // nothing to take them from: left unresolved ("XXXX-01-05"), never guessed
};
std::string_view TimeAnchorName(TimeAnchor anchor);  // "absolute", "published", "text", "none"

// TIMEX3's types of time expression.
enum class TimeType : uint8_t {
  kDate,      // a day or a longer period of the calendar: "le 5 janvier", "début 2022"
  kTime,      // a time of day, or a part of one: "14 h 30", "le matin du 5 janvier"
  kDuration,  // a length of time: "pendant trois jours"
  kSet,       // a recurrence: "chaque lundi"
};
std::string_view TimeTypeName(TimeType type);  // "date", "time", "duration", "set"

// A time expression and where it falls on the calendar.
struct TimeExpr {
  Span raw;
  Span clean;
  TimeType type = TimeType::kDate;
  // TIMEX3 value at the expression's granularity: "2022-01-05",
  // "2022-01-05TMO" (morning; AF, EV, NI), "2022-01-05T14:30", "2022-W02",
  // "2022-01", "2022-SU" (summer), "2022", "199" (the 1990s), "19" (the
  // 20th century), "P3D" (a duration), "XXXX-WXX-1" (Mondays); an
  // interval as ISO 8601 "2022-01-04/2022-01-06". X's stand for what no
  // anchor gave ("XXXX-01-05").
  std::string value;
  // "minute", "hour", "part of day", "day", "week", "month", "season",
  // "quarter", "year", "decade", "century"; a duration's unit; "" for
  // PRESENT_REF ("à présent"), which is the present at no particular grain.
  std::string granularity;
  // TIMEX3 mod: "START" (début 2022), "MID", "END", "APPROX", "BEFORE",
  // "AFTER"; empty for none.
  std::string mod;
  TimeAnchor anchor = TimeAnchor::kNone;
};

// Text read out of markup: a web page's main content, as the extractor
// wrote it. Cleaning reads it instead of the raw bytes and keeps the way
// back through it, so that every span still points at the page's bytes.
struct MarkupText {
  std::string text;
  // For each byte of `text`, the raw span of the characters it came from
  // (an entity: all of "&eacute;"); non-decreasing.
  std::vector<uint32_t> raw_start;
  std::vector<uint32_t> raw_end;
  struct Block {
    BlockKind kind = BlockKind::kParagraph;
    Span text;   // into `text`
    Span clean;  // into Article::clean.text, filled by cleaning
  };
  std::vector<Block> blocks;  // title first when there is one, then the body
};

// Where an article came from, as the input said it.
struct Source {
  std::string path;                      // file path; "-" for standard input
  std::string format;                    // how it was read: "text", "jsonl", "html", "feed", "warc"
  std::optional<uint64_t> line;          // 1-based line in a JSON Lines file
  std::optional<std::string> id;         // the input's own identifier
  std::optional<std::string> url;
  std::optional<std::string> outlet;     // outlet name given by the input
  std::optional<std::string> published;  // date given by the input, verbatim
  std::optional<std::string> title;      // a title given apart from the text
  std::optional<std::string> author;     // the byline, as the page or feed gives it
  std::optional<std::string> fetched;    // when a crawler fetched the page (WARC-Date), ISO 8601
  std::optional<uint64_t> record;        // the record's offset in a WARC file
  // A web page's character set and why it was chosen ("windows-1251 (meta)").
  std::optional<std::string> charset;
};

struct Article {
  Source source;
  // The bytes every span points into: the file's bytes (after decompression)
  // for a plain-text article or a web page, the UTF-8 of the decoded `text`
  // value for a JSON Lines record.
  std::string raw;
  // A web page's main text, read out of `raw` by the extractor.
  std::optional<MarkupText> markup;

  // Filled by the pipeline.
  std::string id;                  // content hash of the input, hex
  CleanText clean;
  std::optional<Span> title;       // raw span of the title, when it is in `raw`
  // What the page carried besides text, from markers such as "(Vidéo)" at
  // the end of the title: "video", "photo", "audio", "live", "graphic".
  std::vector<std::string> media;
  Language language;
  std::optional<Outlet> outlet;
  std::optional<PublicationDate> published;
  std::vector<Block> blocks;       // in text order, not overlapping
  std::vector<Sentence> sentences; // in text order, each inside one block
  std::vector<Token> tokens;       // in text order, each inside one sentence
  std::vector<Entity> entities;    // in text order, not overlapping
  std::vector<Identity> identities;  // what the entities name (Entity::identity)
  std::vector<Quote> quotes;       // in text order, not overlapping
  std::vector<TimeExpr> times;     // in text order, not overlapping
  std::vector<ArticleError> errors;

  void AddError(StatusCode code, std::string message) {
    errors.push_back({code, std::move(message)});
  }
  void AddError(const Status& status) { AddError(status.code(), status.message()); }
  bool HasFatalError() const;
  // The raw bytes of a span; valid while the article lives unchanged.
  std::string_view RawView(Span span) const {
    return std::string_view(raw).substr(span.start, span.size());
  }
  // The text of a raw span as a reader sees it: its raw bytes, or, for a web
  // page (whose raw bytes are markup: "Jean&nbsp;Dupont</a>"), the text
  // they became. Valid while the article lives unchanged.
  std::string_view TextOf(Span raw_span) const;
};

}  // namespace veille

#endif  // VEILLE_ARTICLE_H_
