#include "quotes/indirect_speech.h"

#include <algorithm>
#include <string_view>

#include "quotes/quote_marks.h"
#include "quotes/reporting_verbs.h"

namespace veille::quotes {
namespace {

// Words that may stand between a reporting verb and its que: adverbs,
// negation, a day ("a déclaré mardi que", "a aussi estimé qu'").
bool BetweenVerbAndQue(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "également", "aussi", "notamment", "encore", "déjà", "ensuite", "alors", "enfin",
      "pourtant", "cependant", "toutefois", "néanmoins", "même", "bien", "pas", "jamais",
      "plus", "publiquement", "clairement", "officiellement", "hier", "aujourd'hui", "lundi",
      "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin",
      "ne", "n'", "lui", "leur", "nous", "vous", "y", "en", "t-il", "il", "elle", "a", "avait",
      "récemment", "souvent", "toujours", "d'ailleurs", "par", "ailleurs", "surtout", "donc",
      "outre", "de", "plus", "part", "sa", "son", "côté"};
  return std::find(std::begin(kWords), std::end(kWords), s) != std::end(kWords);
}

// A determiner before a form makes it a noun: "l'estime", "un aveu".
bool Determiner(std::string_view s) {
  static constexpr std::string_view kWords[] = {"le", "la", "l'", "les", "un", "une", "des",
                                                "du", "ce", "cette", "son", "sa", "ses", "leur"};
  return std::find(std::begin(kWords), std::end(kWords), s) != std::end(kWords);
}

bool ChannelPreposition(std::string_view s) {
  return s == "dans" || s == "à" || s == "au" || s == "sur" || s == "lors" || s == "auprès" ||
         s == "devant" || s == "pendant" || s == "durant";
}

bool OpeningMark(std::string_view s) { return s == "«" || s == "“" || s == "\"" || s == "„"; }

// Whether any quotation in `quoted` (sorted) overlaps [begin, end).
bool Overlaps(const std::vector<QuoteCandidate>& quoted, uint32_t begin, uint32_t end) {
  auto it = std::lower_bound(quoted.begin(), quoted.end(), begin,
                             [](const QuoteCandidate& q, uint32_t at) { return q.end <= at; });
  for (; it != quoted.end() && it->begin < end; ++it) {
    uint32_t q_begin = it->open != kNone ? std::min(it->open, it->begin) : it->begin;
    if (q_begin < end && begin < it->end) return true;
  }
  return false;
}

// The end of a reported clause that starts at `begin`: the end of the
// sentence without its final mark, or a semicolon.
uint32_t ClauseEnd(const ArticleWords& w, uint32_t begin) {
  if (begin >= w.size()) return begin;  // "selon X," at the very end
  uint32_t end = begin;
  const uint32_t sentence_end = w.SentenceEnd(begin);
  while (end < sentence_end && !w.Is(end, ";") && !w.Is(end, ":") && !w.EndsSentence(end)) ++end;
  return end;
}

// Nouns that name a source after "selon" when no name does ("selon la
// police", "d'après des sources diplomatiques").
bool SourceNoun(std::string_view s) {
  static constexpr std::string_view kNouns[] = {
      "source", "sources", "police", "gendarmerie", "ministère", "gouvernement", "agence",
      "journal", "quotidien", "médias", "média", "presse", "témoin", "témoins", "porte-parole",
      "communiqué", "responsable", "responsables", "expert", "experts", "analyste", "analystes",
      "autorités", "enquêteurs", "proches", "ong", "rapport", "étude", "sondage", "chiffres",
      "bilan", "estimations", "projections", "avocat", "avocats", "procureur", "parquet",
      "service", "services", "organisateurs", "syndicats", "syndicat", "habitants", "militants",
      "observateurs", "spécialistes", "scientifiques", "chercheurs", "médecins", "secouristes",
      "pompiers", "diplomates", "officiels", "dirigeants", "entourage", "direction", "armée",
      "état-major", "mairie", "préfecture", "ambassade", "président", "ministre", "maire",
      "chercheur", "chercheuse", "chaîne", "chaine", "site", "témoignage", "témoignages",
      "enquête", "enquêtes", "document", "documents", "agences", "organisation", "association",
      "ong", "institut", "organisme", "autorité", "ministres", "spécialiste", "expertise",
      "collectif", "commission", "tribunal", "justice", "juge", "juges", "quotidiens", "radio",
      "télévision", "prévisionnistes", "météorologues", "statistiques", "données"};
  return std::find(std::begin(kNouns), std::end(kNouns), s) != std::end(kNouns);
}

}  // namespace

std::vector<QuoteCandidate> FindIndirectSpeech(const ArticleWords& w,
                                               const std::vector<QuoteCandidate>& quoted) {
  std::vector<QuoteCandidate> found;
  const uint32_t n = w.size();
  auto add = [&](uint32_t cue, uint32_t begin, uint32_t end) {
    while (end > begin && (w.Is(end - 1, ",") || w.Is(end - 1, ":"))) --end;
    if (begin >= end || Overlaps(quoted, begin, end)) return;
    // A clause of a word or two is not someone's words ("selon lui").
    uint32_t words = 0;
    for (uint32_t t = begin; t < end; ++t) words += w.IsWord(t) ? 1 : 0;
    if (words < 3) return;
    if (!found.empty() && begin < found.back().end) return;
    QuoteCandidate quote;
    quote.begin = begin;
    quote.end = end;
    quote.kind = QuoteKind::kIndirect;
    quote.cue = cue;
    found.push_back(quote);
  };
  for (uint32_t t = 0; t < n; ++t) {
    if (!w.IsWord(t)) continue;
    std::string_view s = w.lower(t);
    // selon X, … / …, selon X. / d'après X, …
    bool selon = s == "selon";
    uint32_t after_selon = t + 1;
    if (s == "d'" && w.Is(t + 1, "après")) {
      selon = true;
      after_selon = t + 2;
    } else if (s == "d'après") {
      selon = true;
    }
    if (selon) {
      const uint32_t sentence_begin = w.SentenceBegin(t), sentence_end = w.SentenceEnd(t);
      // The source: a name, a pronoun or a source noun, to the next comma.
      uint32_t comma = after_selon;
      bool source = false;
      while (comma < sentence_end && !w.Is(comma, ",") && !w.EndsSentence(comma) && comma < after_selon + 20) {
        if (w.entity(comma) >= 0 || w.Is(comma, "lui") || w.Is(comma, "elle") || w.Is(comma, "eux") ||
            w.Is(comma, "elles") || SourceNoun(w.lower(comma))) {
          source = true;
        }
        ++comma;
      }
      if (!source) continue;
      // Opening the sentence (after at most a few words: "Mais selon lui,"):
      // the rest of the sentence is what the source says.
      if (t <= sentence_begin + 2 && comma < sentence_end && w.Is(comma, ",")) {
        add(t, comma + 1, ClauseEnd(w, comma + 1));
        t = comma;
        continue;
      }
      // Closing it (", selon X."): what came before.
      if (t > sentence_begin && w.Is(t - 1, ",") &&
          (comma >= sentence_end || w.EndsSentence(comma))) {
        add(t, sentence_begin, t - 1);
      }
      continue;
    }
    // "…, a annoncé le président de l'Assemblée." / "…, a-t-il précisé.":
    // the sentence before the incise that ends it.
    if (t > w.SentenceBegin(t) + 3 && w.Is(t - 1, ",")) {
      uint32_t incise_verb = kNone;
      if (StartsIncise(w, t, w.SentenceEnd(t), &incise_verb)) {
        const ReportingVerb* v = w.verb(incise_verb);
        uint32_t end = incise_verb + 1;
        while (end < w.SentenceEnd(t) && !w.Is(end, ",") && !w.Is(end, ";") && !w.EndsSentence(end)) ++end;
        if (v != nullptr && !v->weak && (end == w.SentenceEnd(t) || w.EndsSentence(end))) {
          add(incise_verb, w.SentenceBegin(t), t - 1);
          continue;
        }
      }
    }
    const ReportingVerb* verb = w.verb(t);
    // "a fait savoir que": savoir after faire says it.
    bool made_known = s == "savoir" && t > 0 &&
                      (w.Is(t - 1, "fait") || w.Is(t - 1, "faire") || w.Is(t - 1, "fera") ||
                       w.Is(t - 1, "font") || w.Is(t - 1, "faisant"));
    if (!made_known && (verb == nullptr || !verb->indirect || verb->weak)) continue;
    if (t > 0 && Determiner(w.lower(t - 1))) continue;
    // que within a few words, in the same sentence
    uint32_t u = t + 1;
    const uint32_t sentence_end = w.SentenceEnd(t);
    for (uint32_t steps = 0; u < sentence_end && steps < 8; ++steps) {
      if (BetweenVerbAndQue(w.lower(u)) || w.Is(u, ",")) {
        ++u;
      } else if (ChannelPreposition(w.lower(u)) && u + 2 < sentence_end) {
        // Where it was said, before que: "a déclaré dans un communiqué que",
        // "a indiqué à l'AFP que", "lors d'une conférence de presse que".
        uint32_t v = u + 1;
        if (Determiner(w.lower(v)) || w.Is(v, "d'")) ++v;
        if (Determiner(w.lower(v))) ++v;
        ++v;  // the noun or name
        while (v < sentence_end && w.entity(v) >= 0 && w.entity(v) == w.entity(v - 1)) ++v;
        if (w.Is(v, "de") && v + 1 < sentence_end) v += 2;  // "conférence de presse"
        u = v;
      } else {
        break;
      }
    }
    if (u >= sentence_end || !(w.Is(u, "que") || w.Is(u, "qu'"))) continue;
    uint32_t begin = u + 1;
    if (begin < sentence_end && OpeningMark(w.lower(begin))) continue;  // que « … »: the marks
    // The clause ends with the sentence, or where the next reported
    // clause starts ("…, et a ajouté que…").
    uint32_t end = ClauseEnd(w, begin);
    for (uint32_t v = begin; v + 1 < end; ++v) {
      const ReportingVerb* next = w.IsWord(v) ? w.verb(v) : nullptr;
      if (next != nullptr && next->indirect && (w.Is(v + 1, "que") || w.Is(v + 1, "qu'"))) {
        end = v;
        while (end > begin && (w.Is(end - 1, "et") || w.Is(end - 1, "a") || w.Is(end - 1, ",") ||
                               w.Is(end - 1, "il") || w.Is(end - 1, "elle"))) {
          --end;
        }
        break;
      }
    }
    add(t, begin, end);
    if (!found.empty() && found.back().cue == t) t = found.back().end - 1;
  }
  return found;
}

}  // namespace veille::quotes
