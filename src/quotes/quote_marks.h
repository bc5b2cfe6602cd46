// Quotations in quotation marks and lines of dialogue.
//
// Marks: « … » with or without inner spaces, “ … ” and „ … “, ‹ … ›,
// straight " … ", nested ones inside the outer pair. French continues a
// quotation over several paragraphs by opening each with « (or »): those are
// one quotation. An opening mark never closed ends at the end of its
// sentence, or of its paragraph when it opened the paragraph, and is marked
// unclosed; a closing mark with nothing open (»Pool of the First ») is
// stray. So a quotation never runs past its paragraph and its continuations.
//
// Dialogue: a line opened by a dash (—, –, --), at the start of a paragraph
// or after the end of a sentence or a colon, up to the next such dash or the
// end of the paragraph.
//
// Incises: ", dit-il," ", a-t-elle ajouté," ", répondit le postillon ;"
// inside a quotation split it in two, each said by the incise's subject.
#ifndef VEILLE_QUOTES_QUOTE_MARKS_H_
#define VEILLE_QUOTES_QUOTE_MARKS_H_

#include <vector>

#include "quotes/article_words.h"
#include "quotes/quote_candidate.h"

namespace veille::quotes {

// Quotations in marks, outermost only, in text order, not overlapping; their
// kind is left direct (see ClassifyMarked).
std::vector<QuoteCandidate> FindMarkedQuotes(const ArticleWords& words);

// Direct or partial, or false for marks around a name or a title rather
// than someone's words (« Pool of the First », l'opération « Barkhane »),
// unless a reporting verb stands beside them.
bool ClassifyMarked(const ArticleWords& words, QuoteCandidate& quote);

// Lines of dialogue outside `marked` (sorted), in text order.
std::vector<QuoteCandidate> FindDialogueLines(const ArticleWords& words,
                                             const std::vector<QuoteCandidate>& marked);

// The quotation cut at the incises inside it; itself when it has none.
std::vector<QuoteCandidate> SplitAtIncises(const ArticleWords& words,
                                           const QuoteCandidate& quote);

// Whether token t starts an incise: a verb of saying with its subject
// after it ("dit-il", "a-t-il ajouté", "répondit le postillon", "s'écria
// Marie"). Sets *verb to the verb's token.
bool StartsIncise(const ArticleWords& words, uint32_t t,
                  uint32_t end, uint32_t* verb);

// The token after the one spoken to, when t starts it: "à l'AFP", "au
// Monde", "à la presse" stand between a verb and the subject after it ("a
// expliqué à l'AFP Gilles-Éric Séralini"). t itself when there is none.
uint32_t AfterAddressee(const ArticleWords& words, uint32_t t, uint32_t end);

}  // namespace veille::quotes

#endif  // VEILLE_QUOTES_QUOTE_MARKS_H_
