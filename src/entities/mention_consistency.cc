#include "entities/mention_consistency.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "entities/gazetteer.h"
#include "entities/token_text.h"

namespace veille::entities {
namespace {

// Longer "names" are taggers' runaways, not names to look for again.
constexpr size_t kMaxNameTokens = 6;

using Votes = std::array<int, kEntityTypeCount>;

std::string KeyOf(std::span<const std::string_view> tokens) {
  std::string key;
  for (std::string_view t : tokens) {
    if (!key.empty()) key += ' ';
    key += t;
  }
  return key;
}

// A word that can stand alone for a person: capitalised, letters, long
// enough not to be an initial.
bool NameLike(std::string_view token) {
  TokenText text;
  ReadTokenText(token, text);
  return text.capitalised && !text.all_upper && text.has_letter && !text.has_digit &&
         text.characters >= 3;
}

// An acronym: "OTSC", "ONU". It names the same thing all along a document.
bool AcronymLike(std::string_view token) {
  TokenText text;
  ReadTokenText(token, text);
  return text.all_upper && !text.has_digit && text.characters >= 3 && text.characters <= 8;
}

// The type with the most votes, if it has strictly more than `current`.
std::optional<EntityType> Winner(const Votes& votes, EntityType current) {
  int best = static_cast<int>(current);
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (votes[t] > votes[best]) best = t;
  }
  if (best == static_cast<int>(current)) return std::nullopt;
  return static_cast<EntityType>(best);
}

}  // namespace

void MakeMentionsConsistent(std::span<DocumentSentence> document) {
  // 1. Votes: each mention for its own text; each person of two words or
  // more also for the surname alone.
  std::unordered_map<std::string, Votes> votes;
  // Names whose every occurrence is taken as a mention: people's names and
  // surnames, and acronyms (of any type) → their token count.
  std::unordered_map<std::string, size_t> people;
  for (const DocumentSentence& s : document) {
    for (const Mention& m : s.mentions) {
      auto tokens = std::span(s.tokens).subspan(m.first, m.end - m.first);
      std::string key = KeyOf(tokens);
      ++votes[key][static_cast<int>(m.type)];
      if (tokens.size() == 1 && AcronymLike(tokens[0])) people.emplace(key, 1);
      if (m.type != EntityType::kPerson || tokens.size() > kMaxNameTokens) continue;
      people.emplace(key, tokens.size());
      if (tokens.size() >= 2 && NameLike(tokens.back())) {
        // A full name says more than a one-word guess: "Joe Biden" makes
        // "Biden" a person against one "Biden" taken for an organisation.
        std::string surname(tokens.back());
        votes[surname][static_cast<int>(EntityType::kPerson)] += 2;
        people.emplace(surname, 1);
      }
    }
  }
  if (votes.empty()) return;
  // A one-word name seen once, spelled as a person's surname of the same
  // document but for its ending, is that person: transliterations vary
  // within one article ("Loukachenko", "Loukachenka"; "Tokaïev", "Tokayev").
  std::vector<std::string_view> surnames;
  for (const auto& [name, size] : people) {
    if (size == 1 && votes[name][static_cast<int>(EntityType::kPerson)] > 0) surnames.push_back(name);
  }
  for (const DocumentSentence& s : document) {
    for (const Mention& m : s.mentions) {
      if (m.end - m.first != 1 || m.type == EntityType::kPerson) continue;
      std::string_view word = s.tokens[m.first];
      Votes& v = votes[std::string(word)];
      if (v[static_cast<int>(m.type)] > 1 || !NameLike(word)) continue;
      for (std::string_view surname : surnames) {
        size_t shorter = std::min(word.size(), surname.size());
        size_t same = 0;
        while (same < shorter && word[same] == surname[same]) ++same;
        if (shorter >= 7 && same + 2 >= std::max(word.size(), surname.size())) {
          v[static_cast<int>(EntityType::kPerson)] = v[static_cast<int>(m.type)] + 1;
          break;
        }
      }
    }
  }
  // 2. Each mention takes its text's majority type.
  for (DocumentSentence& s : document) {
    for (Mention& m : s.mentions) {
      auto tokens = std::span(s.tokens).subspan(m.first, m.end - m.first);
      if (auto winner = Winner(votes[KeyOf(tokens)], m.type)) m.type = *winner;
    }
  }
  // 3. Untagged occurrences of a person's name, longest name first; only
  // the lengths names have are tried, so the work stays linear in the
  // tokens whatever the document holds.
  std::vector<size_t> lengths;
  for (const auto& [name, size] : people) lengths.push_back(size);
  std::sort(lengths.begin(), lengths.end(), std::greater<>());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  for (DocumentSentence& s : document) {
    std::vector<bool> taken(s.tokens.size(), false);
    for (const Mention& m : s.mentions) std::fill(taken.begin() + m.first, taken.begin() + m.end, true);
    bool added = false;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (taken[i] || !(NameLike(s.tokens[i]) || AcronymLike(s.tokens[i]))) continue;
      for (size_t size : lengths) {
        if (size > s.tokens.size() - i) continue;
        if (std::any_of(taken.begin() + i, taken.begin() + i + size, [](bool t) { return t; })) continue;
        auto found = people.find(KeyOf(std::span(s.tokens).subspan(i, size)));
        if (found == people.end()) continue;
        const Votes& v = votes[found->first];
        auto type = static_cast<EntityType>(std::max_element(v.begin(), v.end()) - v.begin());
        s.mentions.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + size), type, {}});
        std::fill(taken.begin() + i, taken.begin() + i + size, true);
        added = true;
        i += size - 1;
        break;
      }
    }
    if (added) {
      std::sort(s.mentions.begin(), s.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.first < b.first; });
    }
  }
}

}  // namespace veille::entities
