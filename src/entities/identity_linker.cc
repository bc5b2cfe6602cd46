#include "entities/identity_linker.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <fstream>
#include <numeric>

#include "entities/name_key.h"
#include "entities/token_text.h"
#include "kb/kb_resolver.h"
#include "veille/kb.h"

#ifndef VEILLE_MODEL_DIR
#define VEILLE_MODEL_DIR "data/models"
#endif

namespace veille::entities {
namespace {

// The initials of an organisation's name, in capitals, small words left
// out: "Organisation du traité de sécurité collective" → "OTSC".
std::string Initials(std::string_view name) {
  static const char* kSmall[] = {"de", "du", "des", "la", "le", "les", "l'", "d'", "et", "pour",
                                 "en", "of", "the", "and", "for", "à", "au", "aux"};
  std::string initials;
  for (std::string_view word : NameWords(name)) {
    std::string lower = Lowercase(word);
    if (std::find(std::begin(kSmall), std::end(kSmall), lower) != std::end(kSmall)) continue;
    // "l'OTAN": the elided article is not a word of the name.
    if (lower.size() > 2 && lower[1] == '\'') lower.erase(0, 2);
    if (lower.empty()) continue;
    unsigned char c = static_cast<unsigned char>(lower[0]);
    if (c >= 0x80) {
      // An accented letter: É → E, as acronyms write it.
      size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      std::string key = NameKey(lower.substr(0, length));
      if (key.empty()) continue;
      c = static_cast<unsigned char>(key[0]);
    }
    initials += static_cast<char>(std::toupper(c));
  }
  return initials;
}

std::string Upper(std::string_view ascii) {
  std::string out;
  for (char c : ascii) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsAcronym(std::string_view text) {
  TokenText t;
  ReadTokenText(text, t);
  return t.all_upper && !t.has_digit && text.find(' ') == std::string_view::npos &&
         t.characters >= 2 && t.characters <= 8;
}

}  // namespace

std::string IdentityId(EntityType type, const std::string& name) {
  std::string id;
  switch (type) {
    case EntityType::kPerson: id = "per:"; break;
    case EntityType::kLocation: id = "loc:"; break;
    case EntityType::kOrganization: id = "org:"; break;
    case EntityType::kMisc: id = "misc:"; break;
  }
  for (char c : NameKey(name)) id += c == ' ' ? '-' : static_cast<char>(std::tolower(c));
  return id;
}

namespace {

struct Groups {
  std::vector<size_t> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent[Find(b)] = Find(a); }
};

}  // namespace

LinkResult LinkMentions(const std::vector<LinkMention>& mentions) {
  size_t n = mentions.size();
  // What the pairs below compare, worked out once per mention: the pairs
  // are many (a long article names a hundred things), the mentions few.
  std::vector<std::string> key(n), why(n), surname_key(n), initials(n);
  std::vector<std::string_view> text(n);
  std::vector<size_t> word_count(n);
  std::vector<bool> acronym(n);
  for (size_t i = 0; i < n; ++i) {
    text[i] = mentions[i].text;
    key[i] = NameKey(text[i]);
    std::vector<std::string_view> words = NameWords(text[i]);
    word_count[i] = words.size();
    if (mentions[i].type == EntityType::kPerson && words.size() >= 2) {
      surname_key[i] = NameKey(words.back());
    }
    if (mentions[i].type == EntityType::kOrganization) {
      acronym[i] = IsAcronym(text[i]);
      initials[i] = acronym[i] ? Upper(text[i]) : Initials(text[i]);
    }
  }
  Groups groups(n);
  for (size_t i = 0; i < n; ++i) {
    const LinkMention& e = mentions[i];
    for (size_t j = 0; j < i; ++j) {
      const LinkMention& f = mentions[j];
      if (groups.Find(i) == groups.Find(j)) continue;
      if (e.type == f.type && SameNameKey(key[i], key[j])) {
        groups.Join(j, i);
        if (why[i].empty() && !e.adjective) {
          why[i] = text[i] == text[j] ? "same name as before in the article"
                                      : "same name key '" + key[i] + "' as '" + std::string(text[j]) + "'";
        }
        continue;
      }
      if (e.type == EntityType::kPerson && f.type == EntityType::kPerson) {
        size_t ei = word_count[i], fj = word_count[j];
        // One word, the surname of a full name (or its variant).
        if (ei == 1 && fj >= 2 && SameNameKey(key[i], surname_key[j])) {
          groups.Join(j, i);
          why[i] = "surname of '" + std::string(text[j]) + "' in the same article";
        } else if (fj == 1 && ei >= 2 && SameNameKey(key[j], surname_key[i])) {
          groups.Join(i, j);
          if (why[j].empty()) why[j] = "surname of '" + std::string(text[i]) + "' in the same article";
        }
        continue;
      }
      if (e.type == EntityType::kOrganization && f.type == EntityType::kOrganization) {
        // An acronym's "initials" are its letters in capitals.
        if (acronym[i] && !acronym[j] && initials[j] == initials[i]) {
          groups.Join(j, i);
          why[i] = "acronym of '" + std::string(text[j]) + "' in the same article";
        } else if (acronym[j] && !acronym[i] && initials[i] == initials[j]) {
          groups.Join(j, i);
          why[i] = "expansion of '" + std::string(text[j]) + "' in the same article";
        }
      }
    }
  }
  // An identity per group, named by its fullest mention: most words, then
  // the longest; acronyms lose to their expansion.
  LinkResult result;
  result.identity.assign(n, -1);
  result.why = std::move(why);
  result.key = std::move(key);
  auto fullness = [](std::string_view t) {
    return std::pair(IsAcronym(t) ? 0 : NameWords(t).size(), t.size());
  };
  std::unordered_map<size_t, int32_t> identity_of;
  for (size_t i = 0; i < n; ++i) {
    auto [it, fresh] = identity_of.emplace(groups.Find(i), static_cast<int32_t>(result.identities.size()));
    if (fresh) result.identities.push_back({"", std::string(text[i]), mentions[i].type});
    Identity& identity = result.identities[it->second];
    if (!mentions[i].adjective && fullness(text[i]) > fullness(identity.name)) {
      identity.name = std::string(text[i]);
    }
    result.identity[i] = it->second;
  }
  for (Identity& identity : result.identities) identity.id = IdentityId(identity.type, identity.name);
  return result;
}

std::vector<std::string> AdjectiveForms(const std::string& word) {
  std::vector<std::string> forms = {word, word + "s"};
  if (!word.ends_with("e")) forms.insert(forms.end(), {word + "e", word + "es"});
  if (word.ends_with("en")) forms.insert(forms.end(), {word + "ne", word + "nes"});
  if (word.ends_with("s")) forms.push_back(word + "e");
  return forms;
}

std::string DefaultDemonymsPath() {
  return std::string(VEILLE_MODEL_DIR) + "/../gazetteers/demonyms-fr.tsv";
}

Result<std::shared_ptr<const kb::KnowledgeBase>> KnowledgeBaseOf(const Options& options) {
  if (options.knowledge_base == "none") return std::shared_ptr<const kb::KnowledgeBase>();
  std::string path = options.knowledge_base.empty() ? DefaultKnowledgeBasePath() : options.knowledge_base;
  if (options.knowledge_base.empty() && !std::filesystem::exists(path)) {
    static std::once_flag noted;
    std::call_once(noted, [&] {
      std::fprintf(stderr, "veille: no knowledge base at %s (scripts/build makes it): identities "
                           "are each article's own\n", path.c_str());
    });
    return std::shared_ptr<const kb::KnowledgeBase>();
  }
  return kb::SharedKnowledgeBase(path);
}

Result<std::unique_ptr<IdentityLinker>> IdentityLinker::Create(const Options& options) {
  if (options.tagger_model == "none") return std::unique_ptr<IdentityLinker>();
  std::unique_ptr<IdentityLinker> linker(new IdentityLinker());
  Result<std::shared_ptr<const kb::KnowledgeBase>> kb = KnowledgeBaseOf(options);
  if (!kb.ok()) return kb.status();
  linker->kb_ = std::move(*kb);
  std::string path = DefaultDemonymsPath();
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the demonym table");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string word = Lowercase(line.substr(0, tab)), place = line.substr(tab + 1);
    for (const std::string& form : AdjectiveForms(word)) linker->places_.emplace(form, place);
  }
  return linker;
}

Status IdentityLinker::Run(Article& article) const {
  article.identities.clear();
  std::vector<Entity>& entities = article.entities;
  // 1. Adjectives and demonyms of places: a tagged one ("Biélorusses"
  // taken for a name) becomes a place; an untagged one is added.
  std::vector<Entity> added;
  std::unordered_map<uint32_t, std::string> place_at;  // an adjective's clean start → its place
  size_t next_entity = 0;
  for (const Sentence& sentence : article.sentences) {
    for (uint32_t t = 0; t < sentence.token_count; ++t) {
      const Token& token = article.tokens[sentence.first_token + t];
      if (token.kind != TokenKind::kWord) continue;
      while (next_entity < entities.size() && entities[next_entity].clean.end <= token.clean.start) {
        ++next_entity;
      }
      const Entity* inside = next_entity < entities.size() &&
                                     entities[next_entity].clean.start <= token.clean.start
                                 ? &entities[next_entity]
                                 : nullptr;
      auto found = places_.find(Lowercase(article.clean.View(token.clean)));
      if (found == places_.end()) continue;
      if (inside != nullptr) {
        // Only a mention that is the word alone ("Ukrainiens" taken for a
        // name, whatever its type), not a longer name that contains it.
        Entity& e = entities[next_entity];
        if (e.clean == token.clean) {
          e.type = EntityType::kLocation;
          e.adjective = true;
          e.title.reset();  // "président kazakh" taken for a person: no title for a place
          e.why = "adjective of '" + found->second + "' (demonyms-fr)";
          place_at[e.clean.start] = found->second;
        }
        continue;
      }
      Entity e;
      e.clean = token.clean;
      e.raw = token.raw;
      e.type = EntityType::kLocation;
      e.adjective = true;
      e.why = "adjective of '" + found->second + "' (demonyms-fr)";
      place_at[e.clean.start] = found->second;
      added.push_back(e);
    }
  }
  if (!added.empty()) {
    entities.insert(entities.end(), added.begin(), added.end());
    std::sort(entities.begin(), entities.end(),
              [](const Entity& a, const Entity& b) { return a.clean.start < b.clean.start; });
  }

  // 2. Groups of mentions, and an identity for each.
  std::vector<LinkMention> mentions;
  for (const Entity& e : entities) {
    LinkMention m{std::string(article.clean.View(e.clean)), e.type, e.adjective};
    if (e.adjective) m.text = place_at[e.clean.start];  // an adjective links as its place
    mentions.push_back(std::move(m));
  }
  // A first name and its surname a parenthesis apart ("Kassym-Jomart)
  // Tokayev", where a quote's editor glossed "le président du Kazakhstan
  // Kassym-Jomart"): the first name links as the full name.
  std::vector<std::string> across(entities.size());
  for (size_t i = 0; i + 1 < entities.size(); ++i) {
    const Entity &e = entities[i], &f = entities[i + 1];
    if (e.type != EntityType::kPerson || f.type != EntityType::kPerson) continue;
    if (f.clean.start < e.clean.end) continue;
    std::string_view between = article.clean.View({e.clean.end, f.clean.start});
    bool parenthesis = between.find_first_of("()") != std::string_view::npos &&
                       between.find_first_not_of(" ()") == std::string_view::npos;
    std::string_view surname = article.clean.View(f.clean);
    if (!parenthesis || surname.find(' ') != std::string_view::npos) continue;
    mentions[i].text += " " + std::string(surname);
    across[i] = mentions[i].text;
  }
  LinkResult linked = LinkMentions(mentions);
  for (size_t i = 0; i < across.size(); ++i) {
    if (across[i].empty()) continue;
    linked.why[i] = "first name of '" + across[i] + "', its surname after a parenthesis" +
                    (linked.why[i].empty() ? "" : "; " + linked.why[i]);
  }
  if (kb_) kb::ResolveInKnowledgeBase(*kb_, mentions, linked);
  article.identities = std::move(linked.identities);
  for (size_t i = 0; i < entities.size(); ++i) {
    entities[i].identity = linked.identity[i];
    if (!linked.why[i].empty()) entities[i].why = linked.why[i];
  }
  return Status::Ok();
}

}  // namespace veille::entities
