#include "quotes/attribution.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/token_text.h"
#include "quotes/quote_marks.h"
#include "quotes/reporting_verbs.h"

namespace veille::quotes {
namespace {

template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), s) != std::end(words);
}

constexpr std::string_view kDeterminers[] = {"le", "la", "l'", "les", "ce", "cette", "son",
                                             "sa", "leur", "un", "une", "notre", "votre"};

// Nouns that name a person by role, pointing back to the one named before:
// "le ministre a ajouté", "selon la présidente".
constexpr std::string_view kRoles[] = {
    "président", "présidente", "ministre", "chef", "porte-parole", "dirigeant", "dirigeante",
    "directeur", "directrice", "secrétaire", "chancelier", "chancelière", "maire", "sénateur",
    "sénatrice", "député", "députée", "avocat", "avocate", "procureur", "procureure", "juge",
    "général", "ambassadeur", "ambassadrice", "patron", "patronne", "responsable", "leader",
    "candidat", "candidate", "roi", "reine", "pape", "gouverneur", "commissaire", "entraîneur",
    "sélectionneur", "joueur", "joueuse", "chanteur", "chanteuse", "acteur", "actrice", "auteur",
    "autrice", "écrivain", "écrivaine", "réalisateur", "réalisatrice", "militant", "militante",
    "opposant", "opposante", "fondateur", "fondatrice", "prince", "princesse", "pdg", "diplomate",
    "chercheur", "chercheuse", "professeur", "médecin", "expert", "experte", "vice-président",
    "graphiste", "sociologue", "économiste", "politologue", "journaliste", "photographe",
    "artiste", "philosophe", "historien", "historienne", "ingénieur", "scientifique",
    "physicien", "physicienne", "astronome", "commentateur", "consultant", "consultante",
    "analyste", "policier", "policière", "témoin", "victime", "survivant", "habitant",
    "manifestant", "étudiant", "étudiante", "enseignant", "enseignante", "pilote", "skipper",
    "navigateur", "coureur", "athlète", "footballeur", "capitaine", "coach", "dramaturge",
    "romancier", "romancière", "chef", "cheffe", "rapporteur", "rapporteure", "médiateur",
    "universitaire", "sportif", "sportive", "star",
    "vice-présidente", "premier", "première", "souverain", "monarque", "cardinal", "évêque",
    "homme", "femme", "préfet", "préfète", "élu", "élue", "ex-président", "ex-ministre",
    "complice", "collègue", "partenaire", "compagnon", "compagne", "épouse", "mari", "fils",
    "fille", "frère", "sœur", "père", "mère", "ami", "amie", "proche", "entourage"};

// A role, or a compound headed by one: "président-candidat",
// "ministre-président" (capitalised at the start of a sentence, no name).
bool RoleNoun(std::string_view s) {
  if (OneOf(s, kRoles)) return true;
  size_t hyphen = s.find('-');
  return hyphen != std::string_view::npos && hyphen > 0 && OneOf(s.substr(0, hyphen), kRoles);
}

// Nouns that name an organisation by what it is: "l'ONG précise que",
// "l'organisation islamique, qui affirme".
constexpr std::string_view kOrganisationRoles[] = {
    "ong", "organisation", "association", "groupe", "société", "entreprise", "agence",
    "institut", "banque", "parti", "syndicat", "fédération", "compagnie", "firme",
    "constructeur", "club", "équipe", "ministère", "ambassade", "fondation", "commission",
    "institution", "mouvement", "collectif", "opérateur", "laboratoire", "université", "office",
    "quotidien", "journal", "hebdomadaire", "magazine", "site", "chaîne", "chaine", "radio",
    "télévision", "média"};

// Where words are published or said: after sur, dans, lors de, à, comme.
constexpr std::string_view kPlatforms[] = {"twitter", "facebook", "telegram", "instagram",
                                           "tiktok", "youtube", "vkontakte", "linkedin",
                                           "snapchat", "mastodon", "bluesky", "threads", "x"};
constexpr std::string_view kStatements[] = {
    "communiqué", "déclaration", "entretien", "interview", "message", "lettre", "tweet",
    "tribune", "post", "publication", "vidéo", "discours", "allocution", "conférence",
    "courrier", "note", "émission", "podcast", "livre", "ouvrage", "éditorial", "texte",
    "réunion", "point", "intervention", "audition", "débat", "meeting", "journal"};
constexpr std::string_view kMedia[] = {"agence", "chaîne", "journal", "quotidien",
                                       "hebdomadaire", "magazine", "radio", "télévision",
                                       "site", "média", "antenne", "micro", "compte", "page",
                                       "blog", "ondes", "plateau", "réseaux", "service"};

bool SubjectPronoun(std::string_view s) {
  return s == "il" || s == "elle" || s == "ils" || s == "elles";
}

// Words between a subject and its verb: auxiliaries, clitics, negation,
// adverbs ("il lui a notamment déclaré", "qui a ensuite affirmé").
bool BetweenSubjectAndVerb(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "est", "sont", "était",
      "s'", "se", "ne", "n'", "lui", "leur", "l'", "y", "en", "pas", "également", "aussi",
      "encore", "déjà", "notamment", "ainsi", "alors", "ensuite", "enfin", "qui", "quant",
      "pour", "sa", "part", "de", "son", "côté", "d'ailleurs", "lui-même", "elle-même",
      "toutefois", "cependant", "pourtant", "néanmoins", "même", "bien", "vite", "aussitôt",
      "ont-ils", "a-t-il", "a-t-elle", "jamais", "plus", "publiquement", "clairement",
      "officiellement", "personnellement", "ouvertement", "récemment", "dernièrement"};
  return OneOf(s, kWords);
}

bool Preposition(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "à", "au", "aux", "de", "du", "des", "d'", "en", "pour", "avec", "par", "sur", "dans",
      "contre", "chez", "vers", "selon", "sans", "sous", "entre", "envers", "auprès", "face"};
  return OneOf(s, kWords);
}

}  // namespace

// A name after a preposition is a complement ("le successeur de Claude
// Erignac", "voter pour Barack Obama", "du président José Ramón Bauzà"),
// not the one who speaks.
bool Attributor::Complement(int32_t entity) const {
  const Article& a = w_.article();
  const Entity& e = a.entities[entity];
  uint32_t start = e.title ? a.clean.ToClean(e.title->start) : e.clean.start;
  auto it = std::lower_bound(a.tokens.begin(), a.tokens.end(), start,
                             [](const Token& t, uint32_t at) { return t.clean.start < at; });
  uint32_t t = static_cast<uint32_t>(it - a.tokens.begin());
  if (t == 0 || t > w_.size()) return false;
  --t;
  if (OneOf(w_.lower(t), kDeterminers) && t > 0) --t;
  if (w_.Is(t, "tout") && t > 0) --t;  // "dans tout le Kazakhstan"
  // A capitalised particle is part of the name: "De Santis conclut".
  if (Preposition(w_.lower(t)) && !w_.Capitalised(t)) return true;
  // In apposition to a complement: "avec son complice de toujours,
  // Jean-Michel Larqué", "à son homologue russe, Sergueï Lavrov" (not "le
  // ministre de l'Intérieur, Gérald Darmanin": de makes a noun's
  // complement, not the verb's). The name closes the apposition: a comma
  // or the end of the sentence after it, not a verb ("Sur la société,
  // Élisabeth Bonnet a insisté").
  if (!w_.Is(t, ",")) return false;
  uint32_t after = t + 1;
  while (after < w_.size() && w_.entity(after) == entity) ++after;
  if (after < w_.size() && !w_.Is(after, ",") && !w_.EndsSentence(after)) return false;
  for (uint32_t u = t, words = 0; u > 1 && words < 5; ++words) {
    --u;
    if (!w_.IsWord(u) || w_.entity(u) >= 0) return false;
    std::string_view s = w_.lower(u);
    if (OneOf(s, kDeterminers)) {
      std::string_view before = w_.lower(u - 1);
      return Preposition(before) && before != "de" && before != "d'" && before != "du" &&
             before != "des" && !w_.Capitalised(u - 1);
    }
  }
  return false;
}

Attributor::Attributor(const ArticleWords& words, const std::vector<QuoteCandidate>& quotes)
    : w_(words), quoted_(words.size(), false) {
  for (const QuoteCandidate& q : quotes) {
    uint32_t begin = q.open != kNone ? std::min(q.open, q.begin) : q.begin;
    uint32_t end = q.close != kNone ? std::max(q.close + 1, q.end) : q.end;
    // Indirect speech is the reporter's sentence: its names can be speakers.
    if (q.kind == QuoteKind::kIndirect) continue;
    for (uint32_t t = begin; t < end && t < quoted_.size(); ++t) quoted_[t] = true;
  }
  // A sentence is the narration's when a word of it is outside quotations.
  const size_t sentences = w_.article().sentences.size();
  told_.assign(sentences + 1, 0);
  for (uint32_t t = 0; t < w_.size(); ++t) {
    if (!quoted_[t] && w_.IsWord(t)) told_[w_.sentence(t) + 1] = 1;
  }
  for (size_t i = 1; i <= sentences; ++i) told_[i] += told_[i - 1];
}

int32_t Attributor::PersonBefore(uint32_t t, std::string_view role, bool organisation) const {
  const Article& a = w_.article();
  const uint32_t at = a.tokens[t].clean.start;
  // An organisation is named once and then called "l'ONG" for long.
  // A pronoun looks for a person over 8 sentences, and for an organisation
  // (il, elle may stand for one) over the last 4 only.
  const uint32_t back = organisation ? 12 : 8;
  // (Sentences of the narration: a quotation's own do not count.)
  const uint32_t near_sentence = Told(t) >= 4 ? Told(t) - 4 : 0;
  const uint32_t first_sentence = Told(t) >= back ? Told(t) - back : 0;
  auto it = std::lower_bound(a.entities.begin(), a.entities.end(), at,
                             [](const Entity& e, uint32_t offset) { return e.clean.end <= offset; });
  // A pronoun points back to a person, else an organisation; a role noun to
  // its kind only ("le ministre" is no ministry).
  int32_t fallback = -1, complement = -1;
  // A role noun without a title to match goes to the person the story is
  // about: the one named most often before it (the most recent on a tie),
  // not merely the last named ("le premier ministre" after a quoted
  // opponent is still the prime minister of the story).
  std::vector<std::pair<int32_t, uint32_t>> mentions;  // identity, mentions so far: a few
  int32_t salient = -1;
  uint32_t salient_mentions = 0;
  uint32_t token = t;
  for (auto e = it; e != a.entities.begin();) {
    --e;
    // The entity's first token: walk back from where the last one looked.
    while (token > 0 && a.tokens[token].clean.start > e->clean.start) --token;
    if (Told(token) < first_sentence) break;
    if (e->clean.start >= at || Quoted(token)) continue;
    int32_t index = static_cast<int32_t>(e - a.entities.begin());
    EntityType wanted = organisation ? EntityType::kOrganization : EntityType::kPerson;
    if (e->type == wanted && Complement(index)) {
      if (complement < 0) complement = index;  // only when no subject-like one
      continue;
    }
    if (e->type == wanted) {
      if (role.empty() || organisation) return index;
      if (e->title && a.TextOf(*e->title).find(role) != std::string_view::npos) return index;
      int32_t identity = e->identity >= 0 ? e->identity : -1 - index;
      auto seen = std::find_if(mentions.begin(), mentions.end(),
                               [&](const auto& m) { return m.first == identity; });
      if (seen == mentions.end()) seen = mentions.insert(mentions.end(), {identity, 0});
      uint32_t count = ++seen->second;
      if (count > salient_mentions) {  // strictly more: the most recent wins a tie
        salient = index;
        salient_mentions = count;
      }
    } else if (role.empty() && e->type == EntityType::kOrganization && fallback < 0 &&
               Told(token) >= near_sentence) {
      fallback = index;
    }
  }
  // (Only a role noun gets this far with a person found: `salient`.)
  if (salient >= 0) return salient;
  // A pronoun with only a complement in reach ("il fut associé à
  // Jean-Michel Larqué") still stands for the person the story is about,
  // named as a subject farther back and more than once: the "il" of a
  // portrait, paragraphs long.
  if (role.empty() && !organisation && complement >= 0) {
    if (int32_t topic = TopicPerson(t); topic >= 0) return topic;
  }
  return complement >= 0 ? complement : fallback;
}

int32_t Attributor::PersonBeside(uint32_t t) const {
  const Article& a = w_.article();
  int32_t topic = TopicPerson(t);
  int32_t topic_identity = topic >= 0 ? a.entities[topic].identity : -1;
  const uint32_t at = a.tokens[t].clean.start;
  const uint32_t first_sentence = Told(t) >= 8 ? Told(t) - 8 : 0;
  uint32_t token = t;
  for (size_t i = a.entities.size(); i-- > 0;) {
    const Entity& e = a.entities[i];
    if (e.clean.start >= at) continue;
    while (token > 0 && a.tokens[token].clean.start > e.clean.start) --token;
    if (Told(token) < first_sentence) break;
    if (e.type != EntityType::kPerson || Quoted(token)) continue;
    if (topic_identity >= 0 && e.identity == topic_identity) continue;
    return static_cast<int32_t>(i);
  }
  return -1;
}

int32_t Attributor::TopicPerson(uint32_t t) const {
  const Article& a = w_.article();
  const uint32_t at = a.tokens[t].clean.start;
  struct Person {
    int32_t identity;
    uint32_t mentions = 0;
    int32_t as_subject = -1;  // the last mention not as a complement
  };
  std::vector<Person> people;  // a few
  uint32_t token = 0;
  for (size_t i = 0; i < a.entities.size() && a.entities[i].clean.start < at; ++i) {
    const Entity& e = a.entities[i];
    while (token + 1 < w_.size() && a.tokens[token + 1].clean.start <= e.clean.start) ++token;
    if (e.type != EntityType::kPerson || e.identity < 0 || Quoted(token)) continue;
    auto p = std::find_if(people.begin(), people.end(),
                          [&](const Person& p) { return p.identity == e.identity; });
    if (p == people.end()) p = people.insert(people.end(), Person{e.identity});
    ++p->mentions;
    if (!Complement(static_cast<int32_t>(i))) p->as_subject = static_cast<int32_t>(i);
  }
  const Person* topic = nullptr;
  for (const Person& p : people) {
    if (p.as_subject >= 0 && p.mentions >= 2 && (topic == nullptr || p.mentions > topic->mentions)) {
      topic = &p;
    }
  }
  return topic != nullptr ? topic->as_subject : -1;
}

bool Attributor::NameAround(uint32_t t, uint32_t* begin, uint32_t* end) const {
  auto capital = [&](uint32_t u) {
    return u < w_.size() && w_.entity(u) < 0 && !Quoted(u) && w_.IsWord(u) && w_.Capitalised(u) &&
           !OneOf(w_.lower(u), kDeterminers) && !RoleNoun(w_.lower(u)) &&
           !OneOf(w_.lower(u), kOrganisationRoles) && !SubjectPronoun(w_.lower(u)) &&
           w_.verb(u) == nullptr;
  };
  auto particle = [&](uint32_t u) {
    std::string_view s = w_.lower(u);
    return s == "de" || s == "du" || s == "des" || s == "d'" || s == "van" || s == "von" ||
           s == "el" || s == "al" || s == "la" || s == "le";
  };
  if (!capital(t)) return false;
  uint32_t b = t, e = t + 1;
  const uint32_t first = w_.SentenceBegin(t), last = w_.SentenceEnd(t);
  while (b > first && (capital(b - 1) || (b > first + 1 && particle(b - 1) && capital(b - 2)))) {
    b -= capital(b - 1) ? 1 : 2;
  }
  while (e < last && (capital(e) || (e + 1 < last && particle(e) && capital(e + 1)))) {
    e += capital(e) ? 1 : 2;
  }
  // A capital at the start of a sentence is only the start of a sentence,
  // unless the word is an acronym or the name has several words.
  std::string_view text = w_.text(b);
  bool acronym = text.size() >= 2 && std::all_of(text.begin(), text.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || c == '\'' || c == '-';
                 });
  // ("Moody's explique" is a name: a reporting verb follows it.)
  bool verb_after = e < last && w_.verb(e) != nullptr;
  if (b == first && e - b == 1 && !acronym && !verb_after) return false;
  if (e - b > 6) return false;  // a title in capitals, not a name
  *begin = b;
  *end = e;
  return true;
}

Attributor::Subject Attributor::SubjectAt(uint32_t t, bool after_selon, bool antecedent) const {
  Subject subject;
  std::string_view s = w_.lower(t);
  if (int32_t e = w_.entity(t); e >= 0) {
    const Entity& entity = w_.article().entities[e];
    if (!entity.adjective) {
      subject.entity = e;
      subject.begin = t;
      subject.end = t + 1;
      while (subject.end < w_.size() && w_.entity(subject.end) == e) ++subject.end;
      subject.confidence = entity.type == EntityType::kLocation ? 0.7 : 0.9;
      return subject;
    }
  }
  if (uint32_t begin, end; NameAround(t, &begin, &end)) {
    subject.name = true;
    subject.begin = begin;
    subject.end = end;
    subject.confidence = 0.8;
    return subject;
  }
  if (SubjectPronoun(s) || (after_selon && (s == "lui" || s == "eux"))) {
    subject.entity = PersonBefore(t, "", false);
    subject.begin = t;
    subject.end = t + 1;
    subject.confidence = subject.entity >= 0 ? 0.7 : 0;
    subject.why = "pronoun '" + std::string(w_.text(t)) + "'";
    return subject;
  }
  // A role noun follows a determiner (checked first: the lists of roles
  // are long, and every word scanned for a subject comes here).
  if (!w_.IsWord(t)) return subject;
  uint32_t determiner = t > 0 && OneOf(w_.lower(t - 1), kDeterminers) ? t - 1
                        : t > 1 && OneOf(w_.lower(t - 2), kDeterminers) ? t - 2
                                                                        : kNone;
  if (determiner == kNone) return subject;
  bool organisation = OneOf(s, kOrganisationRoles);
  // "le président de la commission": the head is the role, not the
  // complement after de.
  bool complement = determiner != kNone && determiner > 0 &&
                    (w_.Is(determiner - 1, "de") || w_.Is(determiner - 1, "d'") ||
                     w_.Is(determiner - 1, "du") || w_.Is(determiner - 1, "des"));
  // But the antecedent of "qui" speaks when no role comes before the de:
  // "des représailles de l'organisation islamique, qui affirme".
  if (complement && antecedent && determiner > 1 && !RoleNoun(w_.lower(determiner - 2)) &&
      !OneOf(w_.lower(determiner - 2), kOrganisationRoles)) {
    complement = false;
  }
  if ((organisation || RoleNoun(s)) && determiner != kNone && !complement) {
    std::string_view role = s == "premier" || s == "première" ? "ministre" : std::string_view(s);
    // "son complice", "sa femme", "son avocat": someone close to the
    // person the story is about, so not that person.
    std::string_view d = w_.lower(determiner);
    bool possessive = !organisation && (d == "son" || d == "sa" || d == "leur");
    subject.entity = possessive ? PersonBeside(t) : PersonBefore(t, role, organisation);
    subject.begin = determiner;
    subject.end = t + 1;
    subject.confidence = subject.entity >= 0 ? 0.65 : 0;
    subject.why = "role noun '" + std::string(w_.text(t)) + "'";
    return subject;
  }
  return subject;
}

Attributor::Subject Attributor::SubjectOfSelon(uint32_t selon) const {
  // "selon X", "d'après X", "selon le président du CERN, Michel Spiro,":
  // a name first, then a pronoun or a role noun; a source noun alone
  // ("selon la police") names nobody.
  uint32_t t = selon + (w_.Is(selon, "d'") ? 2 : 1);
  Subject name, role;
  for (uint32_t u = t; u < w_.size() && u < t + 20 && !w_.EndsSentence(u); ++u) {
    if (Quoted(u)) continue;
    if (w_.Is(u, ",") && !(u + 1 < w_.size() && w_.entity(u + 1) >= 0)) break;
    Subject subject = SubjectAt(u, true);
    if (subject.begin == kNone) continue;
    if (subject.entity >= 0 && subject.why.empty()) {
      // A person before an organisation: "selon le président du CERN, Michel Spiro".
      if (w_.article().entities[subject.entity].type == EntityType::kPerson) return subject;
      if (name.begin == kNone || name.name) name = subject;
    } else if (subject.name) {
      if (name.begin == kNone) name = subject;
    } else if (role.begin == kNone) {
      role = subject;
    }
    u = std::max(u, subject.end - 1);
  }
  return name.begin != kNone ? name : role;
}

Attributor::Subject Attributor::SubjectBefore(uint32_t verb) const {
  const uint32_t limit = w_.SentenceBegin(verb);
  // A gerund ("…, en évoquant une « source »") has the subject of the main
  // clause: the first name of the sentence, before any que.
  if (verb > limit && w_.Is(verb - 1, "en") && w_.lower(verb).ends_with("ant")) {
    for (uint32_t t = limit; t < verb; ++t) {
      if (w_.Is(t, "que") || w_.Is(t, "qu'") || w_.Is(t, ";")) break;
      if (Quoted(t)) continue;
      Subject subject = SubjectAt(t);
      if (subject.Named() && !(subject.entity >= 0 && Complement(subject.entity))) return subject;
      if (subject.begin != kNone) t = subject.end - 1;
    }
  }
  uint32_t steps = 0;
  bool relative = false;
  Subject complement;  // a name after a preposition, when nothing else names the speaker
  for (uint32_t t = verb; t > limit && steps < 24; ++steps) {
    --t;
    // Over a quotation, not into it: "X a qualifié … de « … » et a déclaré".
    if (Quoted(t)) {
      --steps;
      continue;
    }
    std::string_view s = w_.lower(t);
    if (s == ";" || s == ":" || s == "que" || s == "qu'") break;
    if (w_.Is(t, "qui")) relative = true;
    Subject subject = SubjectAt(t, false, relative);
    // (After "qui", the name before it is the antecedent, complement or
    // not: "un clash avec Bernard Bonnet, qui lui avait rétorqué"; but
    // not the complement of an apposition: "avec Bernard Bonnet, le
    // successeur de Claude Erignac, qui" is Bonnet.)
    if (relative && subject.entity >= 0 && subject.why.empty()) {
      uint32_t first = t;
      while (first > limit && w_.entity(first - 1) == subject.entity) --first;
      if (uint32_t head = AppositionHead(first, limit); head != kNone) {
        Subject named = SubjectAt(head);
        while (named.begin > limit && w_.entity(named.begin - 1) == named.entity) --named.begin;
        return named;
      }
    }
    if (subject.begin != kNone && subject.entity >= 0 && subject.why.empty() && !relative &&
        Complement(subject.entity)) {
      while (t > limit && w_.entity(t - 1) == subject.entity) --t;
      // ("Un rapport de la Ligue arabe apporte la même conclusion : « … »")
      if (complement.begin == kNone) {
        complement = subject;
        complement.begin = t;
        complement.confidence = 0.5;
      }
      continue;
    }
    if (subject.name) {
      // The same for a name no entity covers: "voter pour Obama".
      uint32_t before = subject.begin;
      if (before > 0 && OneOf(w_.lower(before - 1), kDeterminers)) --before;
      if (!relative && before > 0 && Preposition(w_.lower(before - 1))) {
        t = subject.begin;
        continue;
      }
      return subject;
    }
    if (subject.begin != kNone) {
      // A place names its government only right before the verb ("Moscou a
      // déclaré"), not as a complement ("au Kazakhstan").
      // Farther, only when no preposition makes it a complement: "Météo
      // France a relevé …, mais précise que".
      if (subject.entity >= 0 && w_.article().entities[subject.entity].type == EntityType::kLocation) {
        // "la Commission européenne de Bruxelles qui regrette": the place
        // completes the name before it, which is the antecedent.
        if (relative && Complement(subject.entity)) {
          uint32_t first = t;
          while (first > limit && w_.entity(first - 1) == subject.entity) --first;
          uint32_t before = first - 1;  // the preposition (Complement says there is one)
          if (before > limit && OneOf(w_.lower(before), kDeterminers)) --before;
          if (before > limit && w_.entity(before - 1) >= 0) {
            Subject named = SubjectAt(before - 1);
            EntityType type = named.entity >= 0 ? w_.article().entities[named.entity].type
                                                : EntityType::kMisc;
            if (type == EntityType::kOrganization || type == EntityType::kPerson) {
              while (named.begin > limit && w_.entity(named.begin - 1) == named.entity) --named.begin;
              return named;
            }
          }
        }
        bool adjacent = true;
        for (uint32_t u = t + 1; u < verb; ++u) adjacent = adjacent && BetweenSubjectAndVerb(w_.lower(u));
        if (!adjacent && (relative || Complement(subject.entity))) continue;
        if (!adjacent) subject.confidence = 0.6;
      }
      // The first token of the subject as written.
      while (subject.entity >= 0 && subject.begin > limit && w_.entity(subject.begin - 1) == subject.entity) {
        --subject.begin;
      }
      // A role in apposition to a name: "Barroso, le président de la
      // Commission, se dit…" is Barroso.
      // (Also without the comma: "Nick De Santis le directeur sportif".)
      uint32_t name_at = subject.begin > limit + 1 && w_.Is(subject.begin - 1, ",") ? subject.begin - 2
                         : subject.begin > limit ? subject.begin - 1
                                                 : kNone;
      if (subject.why.starts_with("role noun") && name_at != kNone && w_.entity(name_at) >= 0) {
        Subject named = SubjectAt(name_at);
        if (named.entity >= 0 && named.why.empty()) {
          while (named.begin > limit && w_.entity(named.begin - 1) == named.entity) --named.begin;
          return named;
        }
      }
      return subject;
    }
  }
  return complement;
}

int32_t Attributor::InstitutionOf(int32_t place) const {
  // Capitals the press names for the institution seated there. Only an
  // institution the article itself names is taken: a capital alone stays
  // a place (its government, unnamed).
  // (Names in French and as the knowledge base gives them, in English.)
  struct Seat {
    std::string_view places[2];
    std::string_view institutions[6];
  };
  static constexpr Seat kSeats[] = {
      {{"bruxelles", "brussels"},
       {"commission européenne", "european commission", "union européenne", "european union"}},
      {{"washington"}, {"maison blanche", "white house", "département d'état", "pentagone"}},
      {{"moscou", "moscow"}, {"kremlin"}},
      {{"francfort", "frankfurt"}, {"banque centrale européenne", "european central bank", "bce"}},
      {{"strasbourg"},
       {"parlement européen", "european parliament", "cour européenne des droits de l'homme",
        "european court of human rights"}},
  };
  const Article& a = w_.article();
  const Entity& e = a.entities[place];
  if (e.type != EntityType::kLocation || e.adjective) return -1;
  auto names = [&](const Entity& m) {
    return std::pair{entities::Lowercase(a.TextOf(m.raw)),
                     m.identity >= 0 ? entities::Lowercase(a.identities[m.identity].name) : ""};
  };
  auto [text, name] = names(e);
  for (const Seat& seat : kSeats) {
    auto is_seat = [&](const std::string& s) {
      return !s.empty() && std::find(std::begin(seat.places), std::end(seat.places), s) != std::end(seat.places);
    };
    if (!is_seat(text) && !is_seat(name)) continue;
    for (std::string_view institution : seat.institutions) {
      if (institution.empty()) break;
      for (size_t i = 0; i < a.entities.size(); ++i) {
        if (a.entities[i].type != EntityType::kOrganization) continue;
        auto [other_text, other_name] = names(a.entities[i]);
        if (other_text == institution || other_name == institution) return static_cast<int32_t>(i);
      }
    }
  }
  return -1;
}

uint32_t Attributor::AppositionHead(uint32_t complement, uint32_t limit) const {
  // Back from the complement: its preposition, the role noun and its
  // adjectives, a determiner, a comma, and the name.
  uint32_t t = complement;
  if (t > limit && OneOf(w_.lower(t - 1), kDeterminers)) --t;
  if (t <= limit || !(w_.Is(t - 1, "de") || w_.Is(t - 1, "d'") || w_.Is(t - 1, "du") ||
                      w_.Is(t - 1, "des"))) {
    return kNone;
  }
  --t;
  uint32_t words = 0;
  while (t > limit && words < 3 && w_.IsWord(t - 1) && !w_.Capitalised(t - 1) &&
         !OneOf(w_.lower(t - 1), kDeterminers) && w_.entity(t - 1) < 0) {
    --t;
    ++words;
  }
  if (words == 0 || t <= limit || !OneOf(w_.lower(t - 1), kDeterminers)) return kNone;
  --t;
  if (t <= limit + 1 || !w_.Is(t - 1, ",")) return kNone;
  int32_t name = w_.entity(t - 2);
  if (name < 0 || w_.article().entities[name].type != EntityType::kPerson) return kNone;
  return t - 2;
}

Attributor::Subject Attributor::SubjectAfter(uint32_t verb, uint32_t limit) const {
  // "dit-il", "a-t-elle ajouté": the subject is in the verb's word.
  for (uint32_t t : {verb, verb > 0 ? verb - 1 : verb}) {
    if (HasInvertedSubject(w_.lower(t))) {
      Subject subject;
      subject.entity = PersonBefore(std::min(t, verb), "", false);
      subject.begin = t;
      subject.end = t + 1;
      subject.confidence = subject.entity >= 0 ? 0.75 : 0;
      subject.why = "pronoun in '" + std::string(w_.text(t)) + "'";
      return subject;
    }
  }
  for (uint32_t t = AfterAddressee(w_, verb + 1, limit); t < limit && t < verb + 8; ++t) {
    std::string_view s = w_.lower(t);
    if (s == "," || s == ";" || s == ":" || w_.EndsSentence(t) || s == "que" || s == "qu'") break;
    if (Quoted(t)) break;
    Subject subject = SubjectAt(t);
    if (subject.begin != kNone && !SubjectPronoun(s)) {
      if (subject.entity >= 0 && subject.why.empty()) {
        subject.confidence = 0.95;
        return subject;
      }
      if (subject.name) return subject;
      // A role and the name after it: "a annoncé le président de
      // l'Assemblée Claude Bartolone".
      for (uint32_t u = subject.end; u < limit && u < subject.end + 6; ++u) {
        if (w_.Is(u, ";") || w_.EndsSentence(u) || Quoted(u)) break;
        Subject named = SubjectAt(u);
        if (named.entity >= 0 && named.why.empty() &&
            w_.article().entities[named.entity].type == EntityType::kPerson) {
          named.begin = subject.begin;
          named.confidence = 0.95;
          return named;
        }
      }
      return subject;
    }
  }
  return {};
}

uint32_t Attributor::VerbBefore(uint32_t open) const {
  const uint32_t limit = w_.SentenceBegin(open);
  uint32_t weak = kNone;
  for (uint32_t t = open; t > limit;) {
    --t;
    if (Quoted(t) || !w_.IsWord(t)) continue;  // over a quotation, not into it
    if (w_.Is(t, "selon") || w_.Is(t, "d'après") || (w_.Is(t, "d'") && w_.Is(t + 1, "après")) ||
        AccordingTo(t)) {
      return t;
    }
    const ReportingVerb* verb = w_.verb(t);
    if (verb == nullptr || NounHere(t)) continue;
    if (!verb->weak) return t;
    if (weak == kNone && t + 2 >= open) weak = t;  // "poursuit-il : «"
  }
  return weak;
}

bool Attributor::SourceCue(uint32_t t) const {
  // What VerbBefore and FindIndirectSpeech return for "selon X", "d'après
  // X" and "pour X," in place of a verb.
  return w_.Is(t, "selon") || w_.Is(t, "d'") || w_.Is(t, "d'après") || w_.Is(t, "pour");
}

bool Attributor::AccordingTo(uint32_t t) const {
  // "Mais pour Obama, « … »": pour and a person or an organisation, then a
  // comma, is "according to" (not "pour la France", not "pour le climat").
  if (!w_.Is(t, "pour") || t + 2 >= w_.size()) return false;
  int32_t e = w_.entity(t + 1);
  if (e < 0) {
    // Opening its sentence, "pour" and a role noun, then a comma: "Pour
    // l'organisation militant pour les droits de l'Homme, …" (not "pour
    // construire ce code,").
    uint32_t first = w_.SentenceBegin(t);
    bool opens = t == first || (t == first + 1 && (w_.Is(first, "mais") || w_.Is(first, "et")));
    if (!opens || !OneOf(w_.lower(t + 1), kDeterminers)) return false;
    std::string_view noun = w_.lower(t + 2);
    if (!RoleNoun(noun) && !OneOf(noun, kOrganisationRoles)) return false;
    for (uint32_t u = t + 3; u < w_.size() && u < t + 12 && !w_.EndsSentence(u); ++u) {
      if (w_.Is(u, ",")) return true;
    }
    return false;
  }
  EntityType type = w_.article().entities[e].type;
  if (type != EntityType::kPerson && type != EntityType::kOrganization) return false;
  uint32_t after = t + 1;
  while (after < w_.size() && w_.entity(after) == e) ++after;
  return after < w_.size() && w_.Is(after, ",");
}

bool Attributor::NounHere(uint32_t t) const {
  // "l'estime", "une annonce" — but "comme le rappelle", "il l'affirme".
  if (t == 0 || !OneOf(w_.lower(t - 1), kDeterminers)) return false;
  if (t < 2) return true;
  static constexpr std::string_view kBefore[] = {"comme", "ne", "n'", "qui", "que", "qu'", "il",
                                                 "elle", "on", "ils", "elles", "je", "nous", "vous"};
  return !OneOf(w_.lower(t - 2), kBefore);
}

std::optional<Span> Attributor::ChannelNear(uint32_t begin, uint32_t end) const {
  end = std::min(end, w_.size());
  auto head_end = [&](uint32_t head) {
    // The head noun and the name that follows it: "la chaîne Telegram
    // »Pool of the First »", "l'agence TASS".
    uint32_t stop = head + 1;
    while (stop < end && !Quoted(stop) &&
           (w_.entity(stop) >= 0 || (w_.IsWord(stop) && w_.Capitalised(stop)) ||
            ((w_.Is(stop, "»") || w_.Is(stop, "«") || w_.Is(stop, "\"")) && stop + 1 < end &&
             (w_.entity(stop + 1) >= 0 || w_.Capitalised(stop + 1) || w_.entity(stop - 1) >= 0)))) {
      ++stop;
    }
    return stop;
  };
  for (uint32_t t = begin; t < end; ++t) {
    if (Quoted(t) || !w_.IsWord(t)) continue;
    std::string_view s = w_.lower(t);
    uint32_t det = t + 1;
    if (s == "lors" || s == "auprès" || s == "cité" || s == "citée") {
      if (w_.Is(det, "d'") || w_.Is(det, "de") || w_.Is(det, "par")) ++det;
    }
    if (det >= end) break;
    bool preposition = s == "sur" || s == "dans" || s == "lors" || s == "à" || s == "au" ||
                       s == "auprès" || s == "comme" || s == "cité" || s == "citée" || s == "par";
    if (!preposition) continue;
    // "sur Telegram"
    if (s == "sur" && OneOf(w_.lower(det), kPlatforms)) {
      return w_.CleanSpan(t, head_end(det));
    }
    uint32_t head = det;
    if (OneOf(w_.lower(det), kDeterminers) || w_.Is(det, "d'") || w_.Is(det, "l'")) ++head;
    if (head >= end) continue;
    std::string_view noun = w_.lower(head);
    bool channel = OneOf(noun, kMedia) || (s != "comme" && s != "à" && s != "au" && OneOf(noun, kStatements));
    if (!channel && (s == "à" || s == "au") && w_.entity(head) >= 0 &&
        w_.article().entities[w_.entity(head)].type == EntityType::kOrganization && head == det + 1) {
      channel = true;  // "a déclaré à l'AFP"
    }
    if (!channel) continue;
    uint32_t from = s == "comme" ? det : t;
    return w_.CleanSpan(from, head_end(head));
  }
  return std::nullopt;
}

Attribution Attributor::Attribute(const QuoteCandidate& q, const QuoteCandidate* previous_quote,
                                  const Attribution* previous) const {
  Attribution a;
  const uint32_t n = w_.size();
  Subject subject;
  uint32_t cue_begin = kNone, cue_end = kNone, verb = kNone;
  auto verb_lemma = [&](uint32_t t) {
    const ReportingVerb* v = w_.verb(t);
    return v != nullptr ? v->lemma : std::string(w_.lower(t));
  };
  // 1. An incise inside the marks.
  if (q.incise != kNone) {
    verb = q.incise;
    subject = SubjectAfter(verb, w_.BlockEnd(verb));
    cue_begin = verb > 0 && HasInvertedSubject(w_.lower(verb - 1)) ? verb - 1 : verb;
    a.why = "incise";
  }
  // 2. Right after the quotation.
  if (subject.begin == kNone && q.kind != QuoteKind::kIndirect) {
    uint32_t after = q.close != kNone ? q.close + 1 : q.end;
    while (after < n && (w_.Is(after, ",") || w_.IsDash(after)) && after < q.end + 3) ++after;
    if (after < n && w_.block(after) == w_.block(q.end - 1)) {
      uint32_t v = kNone;
      // A quotation that ends its sentence has no incise after it.
      bool ended = q.close != kNone && q.close > 0 && w_.EndsSentence(q.close - 1) &&
                   w_.Capitalised(after);
      if (!ended && StartsIncise(w_, after, w_.BlockEnd(after), &v)) {
        subject = SubjectAfter(v, w_.BlockEnd(v));
        if (subject.begin != kNone) {
          verb = v;
          cue_begin = after;
          a.why = "after the quotation";
        }
      } else if (w_.Is(after, "selon")) {
        subject = SubjectOfSelon(after);
        if (subject.begin != kNone) {
          verb = after;
          cue_begin = after;
          a.why = "selon, after the quotation";
        }
      }
    }
  }
  // 3. Before it, in its sentence.
  if (subject.begin == kNone) {
    if (q.kind == QuoteKind::kIndirect && q.cue != kNone) {
      verb = q.cue;
      if (SourceCue(verb)) {
        subject = SubjectOfSelon(verb);
        cue_begin = verb;
        a.why = "selon";
      } else {
        // After the clause ("…, a annoncé X.") the subject follows the verb.
        bool after = verb >= q.end;
        subject = after ? SubjectAfter(verb, n) : SubjectBefore(verb);
        if (subject.begin == kNone && !after && HasInvertedSubject(w_.lower(verb))) {
          subject = SubjectAfter(verb, n);
        }
        if (after) cue_begin = verb > 0 && !w_.Is(verb - 1, ",") ? verb - 1 : verb;
        a.why = after ? "incise after the reported words" : "subject of the reporting verb";
      }
    } else {
      uint32_t open = q.open != kNone ? q.open : q.begin;
      uint32_t v = VerbBefore(open);
      if (v != kNone && SourceCue(v)) {
        subject = SubjectOfSelon(v);
        if (subject.begin != kNone) {
          cue_begin = v;
          cue_end = subject.end;
          a.why = "selon, before the quotation";
        }
      } else if (v != kNone) {
        verb = v;  // the cue, even when it names nobody ("Moody's" untagged)
        subject = SubjectBefore(v);
        if (subject.begin == kNone) subject = SubjectAfter(v, open);
        // "Estimant que « … », il vota contre": the subject of the clause
        // after the quotation.
        if (subject.begin == kNone && w_.lower(v).ends_with("ant") && q.close != kNone &&
            w_.Is(q.close + 1, ",") && q.close + 2 < n) {
          subject = SubjectAt(q.close + 2);
        }
        if (subject.begin != kNone) {
          verb = v;
          a.why = "subject of the reporting verb before the quotation";
        }
      }
      // "Le graphiste s'est basé sur le raisonnement suivant : « … »"
      if (subject.begin == kNone && open > 0 && w_.Is(open - 1, ":")) {
        subject = open > 1 && w_.entity(open - 2) >= 0 ? SubjectAt(open - 2) : SubjectBefore(open - 1);
        if (subject.begin != kNone) {
          subject.confidence = std::min(subject.confidence, 0.6);
          a.why = "subject of the sentence before a colon";
          cue_begin = subject.begin;
          cue_end = subject.end;
        }
      }
    }
  }
  if (subject.begin != kNone && cue_begin == kNone && verb != kNone) {
    // The verb with its auxiliary, and its subject when it stands beside
    // it: "il a qualifié", "a déclaré", not the words between.
    cue_begin = verb;
    while (cue_begin > 0 && !Quoted(cue_begin - 1) && cue_begin - 1 != subject.end - 1 &&
           BetweenSubjectAndVerb(w_.lower(cue_begin - 1)) && !w_.Is(cue_begin - 1, "qui")) {
      --cue_begin;
    }
    if (subject.begin < verb && subject.end == cue_begin) cue_begin = subject.begin;
  }
  if (subject.begin != kNone && cue_end == kNone && verb != kNone) {
    cue_end = std::max(subject.end, verb + 1);
  }
  if (subject.begin == kNone && verb != kNone && cue_begin == kNone) {
    cue_begin = verb;
    cue_end = verb + 1;
    if (a.why.empty()) a.why = "reporting verb before the quotation";
  }
  // 4. Going on from the quotation before.
  // (Direct words within two sentences; a fragment in the same sentence:
  // "un discours « truffé d'incantations » et manquant « de courage ».)
  bool near = previous_quote != nullptr &&
              (q.kind == QuoteKind::kDirect
                   ? w_.sentence(q.begin) <= w_.sentence(previous_quote->end - 1) + 2
                   : q.kind == QuoteKind::kPartial &&
                         w_.sentence(q.begin) == w_.sentence(previous_quote->end - 1));
  if (subject.entity < 0 && subject.begin == kNone && near && previous != nullptr &&
      previous->HasSpeaker()) {
    a.speaker = previous->speaker;
    a.name_begin = previous->name_begin;
    a.name_end = previous->name_end;
    a.confidence = previous->confidence * 0.6;
    a.why = "goes on from the quotation before";
    return a;
  }
  // A pronoun after a quotation points back to its speaker ("« … »,
  // résume l'universitaire. « … », a-t-il ajouté") when the quotation is
  // more recent than the name the pronoun would take otherwise. (Near
  // means the quotation opens near the one before: its own sentences do
  // not count.)
  if (subject.why.starts_with("pronoun") && previous != nullptr && previous_quote != nullptr &&
      previous->speaker >= 0 && previous_quote->end <= subject.begin &&
      w_.sentence(std::min(subject.begin, q.open != kNone ? q.open : q.begin)) <=
          w_.sentence(previous_quote->end - 1) + 2 &&
      (subject.entity < 0 ||
       w_.article().entities[subject.entity].clean.start < w_.CleanSpan(previous_quote->begin, previous_quote->end).start)) {
    subject.entity = previous->speaker;
    subject.confidence = std::max(subject.confidence, 0.7);
    subject.why += " (the speaker of the quotation before)";
  }
  if (verb != kNone) a.verb = verb_lemma(verb);
  if (cue_begin != kNone && cue_end != kNone && cue_begin < cue_end) {
    a.cue = w_.CleanSpan(cue_begin, cue_end);
  }
  // "Bruxelles a salué": the institution seated there, when the article
  // names it.
  if (subject.entity >= 0 && subject.why.empty()) {
    if (int32_t institution = InstitutionOf(subject.entity); institution >= 0) {
      subject.why = "'" + std::string(w_.article().TextOf(w_.article().entities[subject.entity].raw)) +
                    "' for the institution seated there, named in the article";
      subject.entity = institution;
      subject.confidence = std::min(subject.confidence, 0.6);
    }
  }
  a.speaker = subject.entity;
  if (subject.name) {
    a.name_begin = subject.begin;
    a.name_end = subject.end;
    a.why += ", a name the entities stage had not found";
  }
  // A speaker always has some confidence, and no speaker none.
  a.confidence = a.HasSpeaker() ? std::max(subject.confidence, 0.1) : 0;
  if (!subject.why.empty()) a.why += ", " + subject.why;
  if (!a.HasSpeaker() && !a.why.empty()) a.why += ": no name to attribute it to";
  // The channel, in the sentences of the quotation and its cue.
  uint32_t from = q.open != kNone ? q.open : q.begin, to = q.end;
  if (cue_begin != kNone) from = std::min(from, cue_begin);
  if (cue_end != kNone) to = std::max(to, cue_end);
  a.channel = ChannelNear(w_.SentenceBegin(from), w_.SentenceEnd(to - 1));
  return a;
}

}  // namespace veille::quotes
