#include "entities/mention_consistency.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace veille::entities {
namespace {

std::optional<EntityType> TypeNamed(std::string_view name) {
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (EntityTypeName(static_cast<EntityType>(t)) == name) return static_cast<EntityType>(t);
  }
  return std::nullopt;
}

// A document written as sentences joined by " / ", tokens separated by
// spaces, mentions as "[Kassym-Jomart Tokayev]PER". The tokens live in
// `words`, which the sentences' views point into.
std::vector<DocumentSentence> Parse(std::string_view text, std::deque<std::string>& words) {
  std::vector<DocumentSentence> document(1);
  std::optional<uint32_t> open;
  size_t at = 0;
  while (at < text.size()) {
    size_t space = text.find(' ', at);
    if (space == std::string_view::npos) space = text.size();
    std::string_view piece = text.substr(at, space - at);
    at = space + 1;
    if (piece.empty()) continue;
    if (piece == "/") {
      document.emplace_back();
      continue;
    }
    DocumentSentence& s = document.back();
    auto index = static_cast<uint32_t>(s.tokens.size());
    if (piece.size() > 1 && piece.front() == '[') {
      open = index;
      piece.remove_prefix(1);
    }
    size_t close = piece.rfind(']');
    std::optional<EntityType> type;
    if (open && close != std::string_view::npos && close > 0) {
      type = TypeNamed(piece.substr(close + 1));
      if (type) piece = piece.substr(0, close);
    }
    s.tokens.push_back(words.emplace_back(piece));
    if (type) {
      s.mentions.push_back({*open, index + 1, *type});
      open.reset();
    }
  }
  return document;
}

std::string Dump(const std::vector<DocumentSentence>& document) {
  std::string out;
  for (const DocumentSentence& s : document) {
    if (!out.empty()) out += " / ";
    auto mention = s.mentions.begin();
    for (uint32_t t = 0; t < s.tokens.size(); ++t) {
      if (t > 0) out += ' ';
      if (mention != s.mentions.end() && mention->first == t) out += '[';
      out += s.tokens[t];
      if (mention != s.mentions.end() && mention->end == t + 1) {
        out += ']';
        out += EntityTypeName(mention->type);
        ++mention;
      }
    }
  }
  return out;
}

// Sorted by first token, non-empty, within the sentence, not overlapping.
bool WellFormed(const std::vector<DocumentSentence>& document) {
  for (const DocumentSentence& s : document) {
    uint32_t previous_end = 0;
    for (const Mention& m : s.mentions) {
      if (m.first < previous_end || m.end <= m.first || m.end > s.tokens.size()) return false;
      previous_end = m.end;
    }
  }
  return true;
}

std::string Consistent(std::string_view text) {
  std::deque<std::string> words;
  std::vector<DocumentSentence> document = Parse(text, words);
  MakeMentionsConsistent(document);
  EXPECT_TRUE(WellFormed(document)) << text;
  return Dump(document);
}

TEST(MentionConsistencyTest, ParseAndDumpAgree) {
  const char* text = "le président [Kassym-Jomart Tokayev]PER à [Almaty]LOC / rien";
  std::deque<std::string> words;
  EXPECT_EQ(Dump(Parse(text, words)), text);
}

TEST(MentionConsistencyTest, GoldenTable) {
  struct Case {
    const char* document;
    const char* expected;
  };
  const Case cases[] = {
      // The person's surname is that person, tagged or not.
      {"le président kazakh [Kassym-Jomart Tokayev]PER a parlé / selon [Tokayev]ORG , tout va "
       "bien / Tokayev a ajouté",
       "le président kazakh [Kassym-Jomart Tokayev]PER a parlé / selon [Tokayev]PER , tout va "
       "bien / [Tokayev]PER a ajouté"},
      // The whole name too, as one mention.
      {"[Kassym-Jomart Tokayev]PER a parlé / Kassym-Jomart Tokayev a ajouté",
       "[Kassym-Jomart Tokayev]PER a parlé / [Kassym-Jomart Tokayev]PER a ajouté"},
      // Lower-case words and capitals are never added.
      {"[Jean Martin]PER est venu / le martin pêcheur / MARTIN , Martin",
       "[Jean Martin]PER est venu / le martin pêcheur / MARTIN , [Martin]PER"},
      {"[poutine]PER a dit / la poutine est bonne", "[poutine]PER a dit / la poutine est bonne"},
      // An acronym tagged once names the same thing everywhere.
      {"l' [OTSC]ORG a envoyé des troupes / les soldats de l' OTSC sont arrivés",
       "l' [OTSC]ORG a envoyé des troupes / les soldats de l' [OTSC]ORG sont arrivés"},
      // A spelling variant seen once, beside a person's surname, is that person.
      {"[Alexandre Loukachenko]PER a parlé / [Loukachenka]LOC a dit",
       "[Alexandre Loukachenko]PER a parlé / [Loukachenka]PER a dit"},
      {"[Loukachenko]PER a parlé / [Loukachenka]LOC a dit",
       "[Loukachenko]PER a parlé / [Loukachenka]PER a dit"},
      // ...but not a name seen twice as something else, nor one too short
      // or too different to be a variant.
      {"[Alexandre Loukachenko]PER / [Loukachenka]LOC / [Loukachenka]LOC",
       "[Alexandre Loukachenko]PER / [Loukachenka]LOC / [Loukachenka]LOC"},
      {"[Alexandre Loukachenko]PER / [Lituanie]LOC", "[Alexandre Loukachenko]PER / [Lituanie]LOC"},
      {"[Emmanuel Macron]PER / [Macro]ORG", "[Emmanuel Macron]PER / [Macro]ORG"},
      // The majority wins, everywhere, untagged occurrences included.
      {"[Washington]LOC / [Washington]LOC / [Washington]LOC / [Washington]PER / Washington",
       "[Washington]LOC / [Washington]LOC / [Washington]LOC / [Washington]LOC / [Washington]LOC"},
      {"[Donetsk]LOC / [Donetsk]ORG / [Donetsk]LOC",
       "[Donetsk]LOC / [Donetsk]LOC / [Donetsk]LOC"},
      // A tie keeps each mention's own type.
      {"[Kiev]LOC / [Kiev]ORG", "[Kiev]LOC / [Kiev]ORG"},
      // Added mentions keep the sentence's mentions sorted.
      {"[Vladimir Poutine]PER / Poutine a rencontré [Kassym-Jomart Tokayev]PER à Moscou , Poutine",
       "[Vladimir Poutine]PER / [Poutine]PER a rencontré [Kassym-Jomart Tokayev]PER à Moscou , "
       "[Poutine]PER"},
      // Nothing to agree on.
      {"rien ici / ni là", "rien ici / ni là"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Consistent(c.document), c.expected) << c.document;
}

// "[Joe Biden]PER … [Biden]ORG": the surname gets one PER vote from the full
// name and one ORG vote of its own; the tie keeps ORG (Winner in
// mention_consistency.cc). "Tokayev" in the same place becomes PER only
// because the spelling-variant rule also matches a name spelled exactly as
// the surname, and that rule wants 7 characters or more: so "Biden" or
// "Macron" stays mistyped where "Tokayev" does not. Enable when a tagged
// person's surname wins its ties.
TEST(MentionConsistencyTest, ShortSurnameWinsOverAOneWordMistype) {
  EXPECT_EQ(Consistent("[Joe Biden]PER a parlé / selon [Biden]ORG , non"),
            "[Joe Biden]PER a parlé / selon [Biden]PER , non");
}

// Random documents over a few names: whatever the tagger said, the result
// is sorted and never overlaps.
RC_GTEST_PROP(MentionConsistencyProperty, MentionsStaySortedAndApart, ()) {
  static const std::vector<std::string> kWords = {
      "Tokayev", "tokayev", "OTSC", "Loukachenko", "Loukachenka", "Kassym-Jomart",
      "Paris",   "le",      ",",    "Jean",        "Martin",      "ONU"};
  int sentences = *rc::gen::inRange(0, 6);
  std::deque<std::string> words;
  std::vector<DocumentSentence> document(static_cast<size_t>(sentences));
  for (DocumentSentence& s : document) {
    int tokens = *rc::gen::inRange(0, 12);
    for (int t = 0; t < tokens; ++t) {
      s.tokens.push_back(words.emplace_back(*rc::gen::elementOf(kWords)));
    }
    // Mentions at random places: a gap, a length, a type.
    uint32_t at = *rc::gen::inRange<uint32_t>(0, 3);
    while (at < s.tokens.size()) {
      uint32_t end = std::min<uint32_t>(at + *rc::gen::inRange<uint32_t>(1, 4),
                                        static_cast<uint32_t>(s.tokens.size()));
      s.mentions.push_back(
          {at, end, static_cast<EntityType>(*rc::gen::inRange(0, kEntityTypeCount))});
      at = end + *rc::gen::inRange<uint32_t>(0, 4);
    }
  }
  MakeMentionsConsistent(document);
  RC_ASSERT(WellFormed(document));
}

}  // namespace
}  // namespace veille::entities
