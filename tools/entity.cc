// veille entity NAME : one identity across the archive — every spelling
// with its count, its articles over time, its outlets.
// veille entity merge NAME OTHER : the two are one identity, from now on.
// veille entity split NAME SPELLING : that spelling is not this identity.
//
// An identity in the archive is what one name names in any article:
// mentions whose name key is the name's (Loukachenko, Loukachenka,
// Лукашенко for Lukashenko), a person's surname after a full name, and
// what the knowledge base knows the name as (Alma-Ata for Almaty). The
// archive indexes every article's name keys and identity ids as it stores
// it, so a new article joins its identities as it arrives; the user's
// decisions are kept apart from the articles and hold across re-ingests.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "names.h"
#include "veille/identity.h"
#include "veille/kb.h"
#include "veille/query.h"
#include "veille/store.h"

namespace veille::tools {
namespace {

struct EntityFlags {
  std::string name;
  DbFlags db;
  std::string knowledge_base;
  size_t limit = 10;
  bool json = false;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "veille: entity: %s\n", message.c_str());
  return kExitFailure;
}

// The names merged with `name`, by the user's decisions, transitively; and
// the spellings split from them, as written.
void ApplyDecisions(const std::vector<IdentityDecision>& decisions, std::vector<std::string>& names,
                    std::set<std::string>& keys, std::set<std::string>& split) {
  for (bool grew = true; grew;) {
    grew = false;
    for (const IdentityDecision& d : decisions) {
      if (d.kind != "merge") continue;
      bool has_a = keys.contains(NameKey(d.a)), has_b = keys.contains(NameKey(d.b));
      if (has_a == has_b) continue;
      const std::string& other = has_a ? d.b : d.a;
      names.push_back(other);
      keys.insert(NameKey(other));
      grew = true;
    }
  }
  for (const IdentityDecision& d : decisions) {
    // A split is of one spelling as written: "Alexandre Lukashenko" may be
    // someone else while "Alexandre Loukachenko", same key, is not.
    if (d.kind == "split" && keys.contains(NameKey(d.a))) split.insert(d.b);
  }
}

int RunEntity(const EntityFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  auto decisions = store->IdentityDecisions();
  if (!decisions.ok()) return Fail(decisions.status().message());

  std::vector<std::string> names = {flags.name};
  std::set<std::string> keys = {NameKey(flags.name)};
  std::set<std::string> split;
  ApplyDecisions(*decisions, names, keys, split);
  keys.erase("");
  if (keys.empty()) return Fail("\"" + flags.name + "\" has no letters to look for");

  // What the knowledge base knows the names as: their mentions carry its id.
  std::set<std::string> ids;
  std::string kb_id, kb_name, kb_kind;
  for (const std::string& name : names) {
    auto known = BestKnownThing(flags.knowledge_base, name);
    if (!known.ok()) return Fail(known.status().message());
    if (!known->has_value()) continue;
    const KbMatch& m = **known;
    ids.insert(m.id);
    if (kb_id.empty()) {
      kb_id = m.id;
      kb_name = m.canonical;
      kb_kind = m.kind;
    }
  }

  // A full name's surname alone names the person too ("Loukachenka" for
  // "Alexandre Loukachenko"), not another full name that ends with it
  // ("Viktor Loukachenko"); a surname asked alone names every full name
  // that ends with it.
  std::set<std::string> surnames, asked_surnames;
  std::vector<std::string> asked = names;
  for (const std::string& name : names) {
    std::string last = LastWord(name);
    if (last != name && !NameKey(last).empty()) {
      surnames.insert(NameKey(last));
      asked.push_back(last);
    } else {
      asked_surnames.insert(NameKey(name));
    }
  }
  Query query;
  query.entities = asked;
  // The 1,000 most recent articles are read (the archive's cap on a match
  // list); the counts say so when there are more.
  auto found = store->Search(query, {.limit = 1000, .knowledge_base = flags.knowledge_base});
  if (!found.ok()) return Fail(found.status().message());

  std::map<std::string, uint64_t> spellings, months, outlets;
  std::map<std::string, uint64_t> types;
  struct Seen {
    std::string published, outlet, title, id;
  };
  std::vector<Seen> articles;
  uint64_t mentions = 0;
  for (const SearchHit& hit : found->hits) {
    auto stored = store->Get(hit.id);
    if (!stored.ok()) return Fail(stored.status().message());
    if (!stored->has_value()) continue;
    nlohmann::json record = nlohmann::json::parse((*stored)->record, nullptr, false);
    if (record.is_discarded() || !record.contains("entities")) continue;
    uint64_t here = 0;
    for (const auto& e : record["entities"]) {
      std::string text = e.value("text", ""), id = e.value("entity", ""), name = e.value("name", "");
      std::string type = e.value("type", "");
      if (split.contains(text)) continue;
      std::string key = NameKey(text);
      bool person = type == "PER";
      bool one_word = text.find(' ') == std::string::npos;
      bool ours = ids.contains(id) || keys.contains(key) ||
                  (person && one_word && surnames.contains(key)) ||
                  (person && asked_surnames.contains(NameKey(LastWord(text)))) ||
                  (person && keys.contains(NameKey(name)));
      if (!ours) continue;
      ++spellings[text];
      ++types[type];
      ++here;
    }
    if (here == 0) continue;
    mentions += here;
    std::string outlet = hit.outlet.empty() ? "(unknown)" : hit.outlet;
    ++outlets[outlet];
    ++months[hit.published.size() >= 7 ? hit.published.substr(0, 7) : "(undated)"];
    articles.push_back({hit.published, outlet, hit.title, hit.id});
  }

  // The identity: the knowledge base's thing, else the fullest spelling.
  std::string type = types.empty() ? "" :
      std::max_element(types.begin(), types.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  std::string display = kb_name;
  if (display.empty()) {
    std::pair<size_t, uint64_t> best{0, 0};
    for (const auto& [spelling, count] : spellings) {
      size_t words = std::count(spelling.begin(), spelling.end(), ' ') + 1;
      if (std::pair(words, count) > best) {
        best = {words, count};
        display = spelling;
      }
    }
    if (display.empty()) display = flags.name;
  }
  std::string id = kb_id;
  if (id.empty()) {
    // As the identities stage names an article's identities.
    id = IdentityId(type == "PER"   ? EntityType::kPerson
                    : type == "LOC" ? EntityType::kLocation
                    : type == "ORG" ? EntityType::kOrganization
                                    : EntityType::kMisc,
                    display);
  }
  std::vector<std::pair<std::string, uint64_t>> by_count(spellings.begin(), spellings.end());
  std::stable_sort(by_count.begin(), by_count.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::vector<std::pair<std::string, uint64_t>> by_outlet(outlets.begin(), outlets.end());
  std::stable_sort(by_outlet.begin(), by_outlet.end(), [](auto& a, auto& b) { return a.second > b.second; });

  if (flags.json) {
    nlohmann::json out;
    out["entity"] = id;
    out["name"] = display;
    out["type"] = type;
    if (!kb_id.empty()) out["kind"] = kb_kind;
    out["names_asked"] = names;
    out["articles"] = articles.size();
    out["articles_exact"] = found->total_exact;
    out["mentions"] = mentions;
    for (const auto& [s, n] : by_count) out["spellings"].push_back({{"text", s}, {"mentions", n}});
    for (const auto& [m, n] : months) out["months"].push_back({{"month", m}, {"articles", n}});
    for (const auto& [o, n] : by_outlet) out["outlets"].push_back({{"outlet", o}, {"articles", n}});
    for (size_t i = 0; i < articles.size() && i < flags.limit; ++i) {
      out["recent"].push_back({{"id", articles[i].id}, {"published", articles[i].published},
                               {"outlet", articles[i].outlet}, {"title", articles[i].title}});
    }
    std::printf("%s\n", out.dump().c_str());
    return kExitOk;
  }
  std::printf("%s  %s%s\n", id.c_str(), display.c_str(),
              kb_id.empty() ? (type.empty() ? "" : ("  (" + type + ", from the archive)").c_str())
                            : ("  (" + kb_kind + ", knowledge base)").c_str());
  if (names.size() > 1) {
    std::string merged;
    for (size_t i = 1; i < names.size(); ++i) merged += (i > 1 ? ", " : "") + names[i];
    std::printf("merged by you with: %s\n", merged.c_str());
  }
  if (articles.empty()) {
    std::printf("no article of the archive names it\n");
    return kExitOk;
  }
  std::printf("%zu article%s%s, %llu mention%s\n\nspellings:\n", articles.size(),
              articles.size() == 1 ? "" : "s",
              found->total_exact ? "" : " (among the 1,000 most recent that match)",
              static_cast<unsigned long long>(mentions), mentions == 1 ? "" : "s");
  for (const auto& [s, n] : by_count) std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), s.c_str());
  std::printf("\narticles by month:\n");
  for (const auto& [m, n] : months) std::printf("  %s  %llu\n", m.c_str(), static_cast<unsigned long long>(n));
  std::printf("\noutlets:\n");
  for (const auto& [o, n] : by_outlet) std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), o.c_str());
  std::printf("\nmost recent:\n");
  for (size_t i = 0; i < articles.size() && i < flags.limit; ++i) {
    std::printf("  %-10s  %-20s  %s\n", articles[i].published.substr(0, 10).c_str(),
                articles[i].outlet.c_str(), articles[i].title.c_str());
  }
  return kExitOk;
}

int RunDecision(const DbFlags& db, const std::string& kind, const std::string& a,
                const std::string& b) {
  if (NameKey(a).empty() || NameKey(b).empty()) return Fail("a name needs letters");
  if (kind == "merge" && NameKey(a) == NameKey(b)) {
    return Fail("\"" + a + "\" and \"" + b + "\" are already one name (same key \"" + NameKey(a) + "\")");
  }
  std::unique_ptr<Store> store = OpenOrReport(db, /*read_only=*/false);
  if (!store) return kExitFailure;
  if (Status s = store->AddIdentityDecision({kind, a, b, ""}); !s.ok()) return Fail(s.message());
  if (kind == "merge") {
    std::printf("\"%s\" and \"%s\" are one identity from now on (veille entity \"%s\")\n", a.c_str(),
                b.c_str(), a.c_str());
  } else {
    std::printf("\"%s\" is no longer counted as \"%s\"\n", b.c_str(), a.c_str());
  }
  return kExitOk;
}

}  // namespace

Command AddEntityCommand(CLI::App& root) {
  auto flags = std::make_shared<EntityFlags>();
  CLI::App* app = root.add_subcommand(
      "entity", "One identity across the archive: its spellings, its articles over time, its outlets.");
  app->add_option("NAME", flags->name, "A name, in any spelling or script");
  AddDbFlags(app, &flags->db);
  app->add_option("--kb", flags->knowledge_base,
                  "Knowledge base (default: build/kb/veille.kb; none: names only)");
  app->add_option("--limit,-n", flags->limit, "Most recent articles shown (default 10)");
  app->add_flag("--json", flags->json, "One JSON object");

  auto merge_a = std::make_shared<std::string>(), merge_b = std::make_shared<std::string>();
  CLI::App* merge = app->add_subcommand("merge", "Make two names one identity (kept across re-ingests).");
  merge->add_option("NAME", *merge_a, "A name")->required();
  merge->add_option("OTHER", *merge_b, "Another name of the same person, place or organisation")->required();
  auto split_a = std::make_shared<std::string>(), split_b = std::make_shared<std::string>();
  CLI::App* split = app->add_subcommand("split", "Take a spelling out of an identity (kept across re-ingests).");
  split->add_option("NAME", *split_a, "The identity's name")->required();
  split->add_option("SPELLING", *split_b, "A spelling that names someone or something else")->required();
  for (CLI::App* sub : {merge, split}) AddDbFlags(sub, &flags->db);

  return {app, [=]() -> int {
            if (merge->parsed()) return RunDecision(flags->db, "merge", *merge_a, *merge_b);
            if (split->parsed()) return RunDecision(flags->db, "split", *split_a, *split_b);
            if (flags->name.empty()) return Fail("name an entity: veille entity NAME");
            return RunEntity(*flags);
          }};
}

}  // namespace veille::tools
