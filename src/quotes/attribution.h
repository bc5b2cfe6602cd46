// Who said a quotation, through which words and channel.
//
// The cue is looked for where French puts it, in this order:
// - in an incise inside the quotation ("« A, dit-il, B »");
// - right after it: "« … », a déclaré X", "« … », cite X", ", selon X";
// - before it in its sentence: "X a déclaré : « … »", "il a qualifié la
//   situation de « … »", "X estime que…", "selon X, …";
// - a colon after a name: "Le ministre : « … »";
// - a direct quotation with no cue of its own goes on the one before it
//   within two sentences (a quotation over several sentences or paragraphs).
// The subject is a name (PER, ORG; a capital for its government:
// "Moscou a déclaré"), or a pronoun (il, elle) or a role noun ("le
// ministre", "le président kazakh") pointing back to the last person named
// outside quotations. With none, the speaker is left out, not guessed.
#ifndef VEILLE_QUOTES_ATTRIBUTION_H_
#define VEILLE_QUOTES_ATTRIBUTION_H_

#include <optional>
#include <string>
#include <vector>

#include "quotes/article_words.h"
#include "quotes/quote_candidate.h"

namespace veille::quotes {

struct Attribution {
  int32_t speaker = -1;        // into Article::entities
  // Or a name the entities stage did not find, as tokens [name_begin,
  // name_end): "Moody's explique", "comme le rappelle HRW". The stage adds
  // it to the article's entities.
  uint32_t name_begin = kNone, name_end = kNone;
  bool HasSpeaker() const { return speaker >= 0 || name_begin != kNone; }
  std::optional<Span> cue;     // clean
  std::string verb;            // lemma
  std::optional<Span> channel;  // clean
  double confidence = 0;
  std::string why;
};

class Attributor {
 public:
  // `quotes`: every quotation of the article, sorted; mentions inside them
  // are the quoted person's words, not speakers.
  Attributor(const ArticleWords& words, const std::vector<QuoteCandidate>& quotes);

  // `previous`: the attribution of the quotation before, if any.
  Attribution Attribute(const QuoteCandidate& quote, const QuoteCandidate* previous_quote,
                        const Attribution* previous) const;

 private:
  struct Subject {
    int32_t entity = -1;
    uint32_t begin = kNone, end = kNone;  // tokens of the subject as written
    double confidence = 0;
    std::string why;
    bool name = false;  // a capitalised name no entity covers: begin–end
    bool Named() const { return (entity >= 0 || name) && why.empty(); }
  };
  // A run of capitalised words around t that no entity covers, or false.
  bool NameAround(uint32_t t, uint32_t* begin, uint32_t* end) const;
  Subject SubjectBefore(uint32_t verb) const;
  Subject SubjectAfter(uint32_t verb, uint32_t limit) const;
  // A name, a subject pronoun or a role noun at t; after selon, also "lui".
  // `antecedent`: t comes before a relative "qui", which may make a
  // complement the subject.
  Subject SubjectAt(uint32_t t, bool after_selon = false, bool antecedent = false) const;
  Subject SubjectOfSelon(uint32_t selon) const;
  // Whether a verb form is a noun here, after a determiner ("l'estime").
  bool NounHere(uint32_t t) const;
  bool AccordingTo(uint32_t t) const;  // "pour X," as "selon X,"
  bool SourceCue(uint32_t t) const;    // selon, d'après, pour: a cue that is no verb
  bool Complement(int32_t entity) const;
  // For a capital standing for an institution ("Bruxelles a salué"), a
  // mention of that institution in the article; else -1.
  int32_t InstitutionOf(int32_t place) const;
  // The person a role in apposition describes, for the complement of that
  // role starting at token `complement`: "Bernard Bonnet, le successeur de
  // Claude Erignac" gives Bonnet's last token. kNone when there is none.
  uint32_t AppositionHead(uint32_t complement, uint32_t limit) const;
  // The last person named before token t, outside quotations, within a few
  // sentences: for a pronoun (no role), else an organisation; for a
  // person's role, one with that title first; for an organisation's role
  // (`organisation`), the last organisation.
  int32_t PersonBefore(uint32_t t, std::string_view role, bool organisation) const;
  // The person the story is about before token t: named most often, at
  // least twice, as a subject at least once. -1 when none.
  int32_t TopicPerson(uint32_t t) const;
  // For "son complice", "sa femme": the last person named before t, within
  // a few sentences, who is not the person the story is about. -1 when none.
  int32_t PersonBeside(uint32_t t) const;
  std::optional<Span> ChannelNear(uint32_t begin, uint32_t end) const;
  // The saying verb nearest before the opening of a quotation, in its sentence.
  uint32_t VerbBefore(uint32_t open) const;
  bool Quoted(uint32_t t) const { return quoted_[t]; }
  // How many sentences of the narration (not all quoted) end before token
  // t's, counting its own: distances for pronouns skip quoted sentences.
  uint32_t Told(uint32_t t) const { return told_[w_.sentence(t) + 1]; }

  const ArticleWords& w_;
  std::vector<bool> quoted_;  // tokens inside quotations or their marks
  std::vector<uint32_t> told_;  // per sentence + 1: narration sentences so far
};

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_ATTRIBUTION_H_
