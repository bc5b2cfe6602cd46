#include "quotes/quote_marks.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "quotes/reporting_verbs.h"

namespace veille::quotes {
namespace {

enum class Family : uint8_t { kNone, kGuillemet, kCurly, kAngle, kStraight };
constexpr size_t kFamilies = 5;

struct Mark {
  Family family = Family::kNone;
  bool opens = false;
  bool closes = false;
};

Mark MarkOf(const ArticleWords& w, uint32_t t) {
  if (w.kind(t) != TokenKind::kPunctuation && w.kind(t) != TokenKind::kSymbol) return {};
  std::string_view s = w.lower(t);
  if (s == "«") return {Family::kGuillemet, true, false};
  if (s == "»") return {Family::kGuillemet, false, true};
  if (s == "“" || s == "„") return {Family::kCurly, true, false};
  if (s == "”") return {Family::kCurly, false, true};
  if (s == "‹") return {Family::kAngle, true, false};
  if (s == "›") return {Family::kAngle, false, true};
  if (s == "\"") return {Family::kStraight, true, true};
  return {};
}

// The paragraph after token t's continues an open quotation: it opens with
// « or » (French typography), or “.
bool NextBlockContinues(const ArticleWords& w, uint32_t block_end) {
  if (block_end >= w.size()) return false;
  std::string_view s = w.lower(block_end);
  return s == "«" || s == "»" || s == "“";
}

// Function words of names and titles ("Pool of the First", "La Guerre et la
// Paix"), which stay lower case in them.
bool NameFunctionWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "à", "au", "aux", "en", "sur",
      "pour", "of", "the", "and", "for", "in", "on", "a", "an", "to", "der", "die", "das", "von"};
  return std::find(std::begin(kWords), std::end(kWords), s) != std::end(kWords);
}

bool Clitic(std::string_view s) {
  // Not "en": "en décrivant" is a gerund, no incise.
  return s == "s'" || s == "se" || s == "lui" || s == "leur" || s == "me" || s == "m'" ||
         s == "t'" || s == "nous" || s == "vous";
}

// Auxiliaries before a participle, with an inverted subject or not.
bool Auxiliary(std::string_view s) {
  static constexpr std::string_view kForms[] = {
      "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "eurent",
      "est", "sont", "était", "étaient", "sera", "serait", "fut", "ai", "as", "avons", "avez"};
  return std::find(std::begin(kForms), std::end(kForms), s) != std::end(kForms);
}

// A word that can start the subject after an inverted verb ("répondit le
// postillon", "dit M. Dupont", "lance Marie").
bool StartsSubject(const ArticleWords& w, uint32_t t) {
  if (t >= w.size()) return false;
  static constexpr std::string_view kDeterminers[] = {
      "le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "ce", "cette", "mon",
      "ma", "notre", "votre", "m.", "mme", "mlle", "me", "maître", "monsieur", "madame"};
  std::string_view s = w.lower(t);
  if (std::find(std::begin(kDeterminers), std::end(kDeterminers), s) != std::end(kDeterminers)) {
    return true;
  }
  return w.entity(t) >= 0 || (w.IsWord(t) && w.Capitalised(t));
}

// What goes on an incise after a comma: a relative clause, a gerund, a
// manner ("qui releva la tête", "en souriant", "d'une voix sourde").
bool IncisePart(const ArticleWords& w, uint32_t t) {
  std::string_view s = w.lower(t);
  if (s == "qui" || s == "avec" || s == "sans" || s == "tout" || s == "puis" || s == "et") return true;
  if (s == "en" && t + 1 < w.size() && w.lower(t + 1).ends_with("ant")) return true;
  if ((s == "d'" || s == "de") && t + 1 < w.size() &&
      (w.Is(t + 1, "un") || w.Is(t + 1, "une") || w.Is(t + 1, "sa") || w.Is(t + 1, "son"))) {
    return true;
  }
  return false;
}

// Whether words [begin, end) sound spoken rather than narrated: the first
// or second person, a question or an exclamation, an interjection, a
// vocative, "now" and "here".
bool SoundsSpoken(const ArticleWords& w, uint32_t begin, uint32_t end) {
  static constexpr std::string_view kPersons[] = {
      "je", "j'", "me", "m'", "moi", "tu", "te", "t'", "toi", "nous", "vous", "mon", "ma",
      "mes", "ton", "ta", "tes", "notre", "votre", "nos", "vos", "oui", "non", "ah", "oh",
      "eh", "hélas", "bah", "allons", "voyons", "monsieur", "madame", "mademoiselle",
      "messieurs", "voilà", "voici", "ça", "maintenant", "aujourd'hui", "demain", "ici"};
  for (uint32_t t = begin; t < end; ++t) {
    std::string_view s = w.lower(t);
    if (s == "!" || s == "?" || s == "…" || s == "...") return true;
    if (std::find(std::begin(kPersons), std::end(kPersons), s) != std::end(kPersons)) return true;
  }
  return false;
}

}  // namespace

std::vector<QuoteCandidate> FindMarkedQuotes(const ArticleWords& w) {
  struct Open {
    uint32_t token;
    Family family;
  };
  std::vector<QuoteCandidate> found;
  std::vector<Open> stack;
  // Whether the outermost open quotation opened its paragraph (it then ends
  // with the paragraph when unclosed, not with its sentence).
  bool opened_paragraph = false;
  const uint32_t n = w.size();
  uint32_t t = 0;
  bool skip_continuation = false;
  while (t < n) {
    const uint32_t block_begin = t, block_end = std::max(w.BlockEnd(t), t + 1);
    // Closing marks left in the paragraph, by family: an opening mark with
    // none left ends at its sentence.
    std::array<uint32_t, kFamilies> closers{};
    for (uint32_t u = t; u < block_end; ++u) {
      Mark m = MarkOf(w, u);
      if (m.closes) ++closers[static_cast<size_t>(m.family)];
    }
    if (skip_continuation) {
      // The « that continues the quotation from the paragraph before.
      Mark m = MarkOf(w, t);
      if (m.closes) --closers[static_cast<size_t>(m.family)];
      ++t;
      skip_continuation = false;
      opened_paragraph = true;
    }
    for (; t < block_end; ++t) {
      Mark m = MarkOf(w, t);
      if (m.family != Family::kNone) {
        const size_t f = static_cast<size_t>(m.family);
        if (m.closes && closers[f] > 0) --closers[f];
        bool closes = m.closes;
        if (m.family == Family::kStraight) {
          // A straight mark closes the one open; else it opens if it looks
          // like an opening one (space before, none after).
          closes = !stack.empty() && stack.back().family == Family::kStraight;
          if (!closes && !(w.SpaceBefore(t) && !w.SpaceAfter(t))) continue;
        } else if (m.family == Family::kCurly && m.opens && !stack.empty() &&
                   stack.back().family == Family::kCurly && !w.SpaceBefore(t)) {
          closes = true;  // “…“ written with the wrong closing mark
        }
        if (closes) {
          size_t k = stack.size();
          while (k > 0 && stack[k - 1].family != m.family) --k;
          if (k == 0) continue;  // nothing of its kind open: a stray mark
          const uint32_t open = stack[k - 1].token;
          if (open + 1 < t) {
            QuoteCandidate quote;
            quote.begin = open + 1;
            quote.end = t;
            quote.open = open;
            quote.close = t;
            found.push_back(quote);  // nested ones too: see below
          }
          stack.resize(k - 1);
        } else {
          if (stack.empty()) opened_paragraph = t == block_begin ||
                                                (t > block_begin && w.IsDash(t - 1));
          stack.push_back({t, m.family});
        }
      }
      // At the end of a sentence: an outermost mark whose closing one is
      // nowhere in its paragraph, nor continued in the next, ends here.
      if (!stack.empty() && t + 1 == w.SentenceEnd(t) && !opened_paragraph &&
          closers[static_cast<size_t>(stack.front().family)] == 0 &&
          !NextBlockContinues(w, block_end)) {
        QuoteCandidate quote;
        quote.begin = stack.front().token + 1;
        quote.end = t + 1;
        quote.open = stack.front().token;
        quote.unclosed = true;
        if (quote.begin < quote.end) found.push_back(quote);
        stack.clear();
      }
    }
    if (stack.empty()) continue;
    if (NextBlockContinues(w, block_end) && w.BlockBegin(block_end) == block_end) {
      skip_continuation = true;  // the quotation goes on in the next paragraph
      continue;
    }
    // Unclosed at the end of its paragraph.
    const uint32_t open = stack.front().token;
    QuoteCandidate quote;
    quote.begin = open + 1;
    quote.end = opened_paragraph ? block_end : std::min(block_end, w.SentenceEnd(open));
    quote.open = open;
    quote.unclosed = true;
    if (quote.begin < quote.end) found.push_back(quote);
    stack.clear();
  }
  // Outermost only: a pair inside another is part of it, unless the outer
  // one, unclosed, was cut short before it.
  std::sort(found.begin(), found.end(), [](const QuoteCandidate& a, const QuoteCandidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<QuoteCandidate> outer;
  for (const QuoteCandidate& quote : found) {
    if (!outer.empty() && quote.begin < outer.back().end) continue;
    outer.push_back(quote);
  }
  return outer;
}

bool ClassifyMarked(const ArticleWords& w, QuoteCandidate& quote) {
  // What stands just before the opening mark and just after the closing one.
  uint32_t before = quote.open != kNone && quote.open > w.SentenceBegin(quote.open) ? quote.open - 1 : kNone;
  if (before != kNone && w.block(before) != w.block(quote.open)) before = kNone;
  bool colon = before != kNone && w.Is(before, ":");
  uint32_t after = quote.close != kNone && quote.close + 1 < w.size() ? quote.close + 1 : kNone;
  if (after != kNone && w.Is(after, ",") && after + 1 < w.size()) ++after;
  uint32_t verb = kNone;
  bool incise_after = after != kNone && StartsIncise(w, after, w.BlockEnd(after), &verb);
  bool verb_before = before != kNone && w.IsWord(before) && w.verb(before) != nullptr;

  // A name or a title: a few words, capitalised but for the little words of
  // names, no sentence inside.
  uint32_t words = 0, capitalised = 0, others = 0;
  bool sentence_inside = false;
  for (uint32_t t = quote.begin; t < quote.end; ++t) {
    if (w.EndsSentence(t) && t + 1 < quote.end) sentence_inside = true;
    if (!w.IsWord(t)) continue;
    ++words;
    if (w.Capitalised(t)) {
      ++capitalised;
    } else if (!NameFunctionWord(w.lower(t))) {
      ++others;
    }
  }
  if (!colon && !incise_after && !verb_before && !sentence_inside && words <= 6 &&
      capitalised > 0 && others == 0) {
    return false;
  }
  if (words == 0) return false;

  // Direct: an utterance of its own, opening its sentence or after a colon
  // or a dash. Partial: inside the reporter's sentence (que «…», de «…»).
  bool opens_sentence = quote.open == kNone || before == kNone || w.EndsSentence(before) ||
                        w.IsDash(before) || w.Is(before, "-");
  // After a comma, words that start with a capital are an utterance too:
  // "Selon Météo France, « L'épisode … »".
  bool after_comma = before != kNone && w.Is(before, ",") && w.Capitalised(quote.begin);
  quote.kind = colon || opens_sentence || after_comma ? QuoteKind::kDirect : QuoteKind::kPartial;
  return true;
}

std::vector<QuoteCandidate> FindDialogueLines(const ArticleWords& w,
                                             const std::vector<QuoteCandidate>& marked) {
  std::vector<QuoteCandidate> lines;
  size_t m = 0;
  const uint32_t n = w.size();
  auto opens_line = [&](uint32_t t) {
    if (!w.IsDash(t)) return false;
    if (t == w.BlockBegin(t)) return true;
    return w.EndsSentence(t - 1) || w.Is(t - 1, ":");
  };
  for (uint32_t t = 0; t < n; ++t) {
    while (m < marked.size() && marked[m].end <= t) ++m;
    if (m < marked.size() && marked[m].open != kNone && marked[m].open <= t && t < marked[m].end) {
      t = marked[m].end;  // inside quotation marks: their quotation
      continue;
    }
    if (!opens_line(t)) continue;
    QuoteCandidate line;
    line.open = t;
    line.begin = t + (w.Is(t, "-") ? 2 : 1);
    const uint32_t block_end = w.BlockEnd(t);
    uint32_t end = line.begin;
    while (end < block_end && !opens_line(end) &&
           !(m < marked.size() && marked[m].open == end)) {
      ++end;
    }
    // Where paragraphs were run together, the narration follows the line in
    // the same paragraph: after its first sentence, the line goes on while
    // the sentences sound spoken.
    uint32_t spoken = line.begin < end ? std::min(end, w.SentenceEnd(line.begin)) : end;
    while (spoken < end) {
      uint32_t sentence_end = std::min(end, w.SentenceEnd(spoken));
      if (!SoundsSpoken(w, spoken, sentence_end)) break;
      spoken = sentence_end;
    }
    line.end = spoken;
    line.kind = QuoteKind::kDirect;
    if (line.begin < line.end) lines.push_back(line);
    t = end - 1;
  }
  return lines;
}

bool StartsIncise(const ArticleWords& w, uint32_t t, uint32_t end,
                  uint32_t* verb) {
  if (t >= end) return false;
  if (Clitic(w.lower(t)) && t + 1 < end) ++t;  // s'écria, lui répondit
  if (!w.IsWord(t)) return false;
  std::string_view s = w.lower(t);
  std::string_view bare = WithoutInvertedSubject(s);
  // "a-t-il ajouté", "avait-elle dit"
  if (bare.size() != s.size() && Auxiliary(bare)) {
    if (t + 1 < end && w.IsWord(t + 1) && w.verb(t + 1) != nullptr) {
      *verb = t + 1;
      return true;
    }
    return false;
  }
  const ReportingVerb* found = s.ends_with("ant") ? nullptr : w.verb(t);  // not "ajoutant"
  if (found == nullptr) {
    // ", a déclaré X", ", a ajouté le ministre"
    if (Auxiliary(s) && t + 1 < end && w.IsWord(t + 1) && w.verb(t + 1) != nullptr &&
        StartsSubject(w, AfterAddressee(w, t + 2, end))) {
      *verb = t + 1;
      return true;
    }
    return false;
  }
  if (bare.size() != s.size() || StartsSubject(w, AfterAddressee(w, t + 1, end))) {
    *verb = t;
    return true;
  }
  return false;
}

uint32_t AfterAddressee(const ArticleWords& w, uint32_t t, uint32_t end) {
  if (t >= end) return t;
  std::string_view s = w.lower(t);
  if (s != "à" && s != "au" && s != "aux") return t;
  uint32_t u = t + 1;
  if (s == "à" && u < end && (w.Is(u, "l'") || w.Is(u, "la") || w.Is(u, "les"))) ++u;
  if (u >= end || !w.IsWord(u)) return t;
  if (int32_t e = w.entity(u); e >= 0) {
    while (u < end && w.entity(u) == e) ++u;
    return u;
  }
  return u + 1;  // one noun: "à la presse", "aux journalistes"
}

std::vector<QuoteCandidate> SplitAtIncises(const ArticleWords& w,
                                           const QuoteCandidate& quote) {
  std::vector<QuoteCandidate> parts;
  QuoteCandidate part = quote;
  for (uint32_t t = quote.begin; t + 1 < quote.end; ++t) {
    std::string_view s = w.lower(t);
    // ("Fuyez !... balbutia-t-elle": after an ellipsis too, when the verb
    // carries its subject.)
    bool ellipsis = (s == "..." || s == ".") && t + 1 < quote.end &&
                    HasInvertedSubject(w.lower(t + 1)) && !w.Capitalised(t + 1);
    if (s != "," && s != "?" && s != "!" && s != "…" && s != "—" && s != "–" && !ellipsis) continue;
    uint32_t verb = kNone;
    if (!StartsIncise(w, t + 1, quote.end, &verb)) continue;
    // The incise runs to its punctuation.
    auto incise_end = [&](uint32_t from) {
      while (from < quote.end && !w.Is(from, ",") && !w.Is(from, ";") && !w.Is(from, "—") &&
             !w.Is(from, "–") && !w.EndsSentence(from) && !w.Is(from, ":")) {
        ++from;
      }
      return from;
    };
    uint32_t k = incise_end(verb + 1);
    // The incise goes on over what describes the speaker or the manner:
    // ", dit le jeune homme, qui releva la tête", ", dit-elle en souriant,".
    while (k + 1 < quote.end && w.Is(k, ",") && IncisePart(w, k + 1)) k = incise_end(k + 1);
    part.end = t + 1;
    part.incise = verb;
    part.close = kNone;
    parts.push_back(part);
    // In marks, the words go on after the incise; without a closing mark
    // (a line of dialogue), to the end of the sentence when the incise
    // ended with a comma, then while the sentences sound spoken.
    if (k + 1 >= quote.end) return parts;
    bool mid_sentence = !w.EndsSentence(k);
    part = quote;
    part.begin = k + 1;
    part.open = kNone;
    part.incise = verb;
    t = k;
    if (quote.close == kNone) {
      // A line of dialogue has no closing mark: after the incise, the
      // words go on while the sentences sound spoken (je, vous, ! ?); the
      // first that does not is the narration again.
      uint32_t end = part.begin;
      if (mid_sentence) end = std::min(quote.end, w.SentenceEnd(end));  // the sentence goes on
      while (end < quote.end) {
        uint32_t sentence_end = std::min(quote.end, w.SentenceEnd(end));
        if (!SoundsSpoken(w, end, sentence_end)) break;
        end = sentence_end;
      }
      if (end <= part.begin) return parts;
      if (end < quote.end) {
        part.end = end;
        parts.push_back(part);
        return parts;
      }
    }
  }
  parts.push_back(part);
  return parts;
}

}  // namespace veille::quotes
