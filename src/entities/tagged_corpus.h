// Annotated named-entity corpora, read into sentences of tokens and the
// mentions the annotators marked in them: what the tagger learns from and
// what the entity scorer measures it against. The three formats are those of
// the corpora in ../shared/data (WikiNEuRal, Europeana Newspapers NER,
// HIPE-2022); each reader keeps only the PER, LOC, ORG and MISC mentions.
#ifndef VEILLE_ENTITIES_TAGGED_CORPUS_H_
#define VEILLE_ENTITIES_TAGGED_CORPUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille::entities {

// A name the annotators marked: the tokens [first, end) of its sentence.
struct Mention {
  uint32_t first = 0;
  uint32_t end = 0;  // one past the last token
  EntityType type = EntityType::kMisc;
  // What the mention names in Wikidata, where the corpus says (HIPE's
  // NEL-LIT column: "Q1726", or "NIL" for nothing in Wikidata); empty
  // otherwise. Ignored by the tagger and its scores.
  std::string link;

  bool operator==(const Mention&) const = default;
};

// Mentions are in token order and never overlap; every mention is non-empty
// and lies within `tokens`.
struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<Mention> mentions;
  // Sentences of one document share this number (HIPE marks documents);
  // in formats without documents each sentence is one of its own.
  uint32_t document = 0;
};

enum class CorpusFormat {
  kAuto,      // decided from the first non-blank line (DetectCorpusFormat)
  kConll,     // WikiNEuRal: "idx<TAB>token<TAB>tag", blank line between sentences
  kTokenTag,  // Europeana: "token tag" (space or tab), often with no sentence breaks
  kHipe,      // HIPE-2022 TSV: header, '#' comments, NE-COARSE-LIT and MISC columns
};

// The budget of tokens per sentence. Some corpora have no sentence breaks at
// all (the Europeana file is one 205,916-token run) or miss some (HIPE's
// automatic splitting); past this many tokens a sentence is cut, so the tagger
// never works on a sentence of unbounded length. 150 is above the longest
// sentence of WikiNEuRal (145), whose breaks are real.
inline constexpr uint32_t kMaxSentenceTokens = 150;

// Reads the file at `path`. Errors: not_found or io_error when it cannot be
// read; invalid_value, with the path and the line number, for a line of the
// wrong form (column count, empty token, a tag that is not O, B-TYPE or
// I-TYPE, a HIPE file without its header).
//
// Tags are decoded by one rule that reads IOB2, IOB1 and IO alike: a mention
// starts at B-X, or at I-X when the token before is not of type X, and goes on
// over the I-X that follow. Types other than those EntityTypeFromTag knows
// (HIPE's prod, time; NewsEye's HumanProd) are read as O.
//
// Sentences end at blank lines and at HIPE document starts; in HIPE files,
// also after a token flagged EndOfSentence; in CoNLL and token-tag files with
// no blank line at all, after a token ".", "!" or "?". Those last two ends
// are guesses, dropped when the next token continues a mention: "MM. Stump"
// stays one person, as the annotators marked it, where HIPE's automatic
// splitter put an EndOfSentence after "MM.". At kMaxSentenceTokens a sentence
// is cut before the mention that is open, if any, so only a mention longer
// than the budget is ever cut in two.
Result<std::vector<TaggedSentence>> ReadTaggedCorpus(
    const std::string& path, CorpusFormat format = CorpusFormat::kAuto);

// ReadTaggedCorpus over bytes already in memory; `name_for_errors` stands for
// the path in error messages.
Result<std::vector<TaggedSentence>> ParseTaggedCorpus(std::string_view text,
                                                      CorpusFormat format,
                                                      std::string_view name_for_errors);

// The format of `text` from its first non-blank line: the HIPE header
// ("TOKEN<TAB>NE-COARSE-LIT..."), three tab-separated columns with a number
// first (CoNLL), or anything else (token-tag). Never returns kAuto.
CorpusFormat DetectCorpusFormat(std::string_view text);

// The type a corpus tag names, without its B-/I- prefix, in any case:
// PER or pers, LOC or loc, ORG or org, MISC or misc. std::nullopt for every
// other type (HIPE's prod, time, NewsEye's HumanProd...), which the readers
// treat as outside any mention.
std::optional<EntityType> EntityTypeFromTag(std::string_view type);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_TAGGED_CORPUS_H_
