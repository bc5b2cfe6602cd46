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

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "db_flag.h"
#include "veille/identity.h"
#include "veille/profile.h"
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

int RunEntity(const EntityFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  auto profile = ProfileEntity(*store, flags.name, {.knowledge_base = flags.knowledge_base});
  if (!profile.ok()) return Fail(profile.status().message());
  const EntityProfile& p = *profile;
  const std::vector<ArticleRef>& articles = p.articles;

  if (flags.json) {
    nlohmann::json out;
    out["entity"] = p.entity;
    out["name"] = p.name;
    out["type"] = p.type;
    if (!p.kind.empty()) out["kind"] = p.kind;
    out["names_asked"] = p.names_asked;
    out["articles"] = articles.size();
    out["articles_exact"] = p.articles_exact;
    out["mentions"] = p.mentions;
    for (const auto& s : p.spellings) out["spellings"].push_back({{"text", s.value}, {"mentions", s.count}});
    for (const auto& m : p.months) out["months"].push_back({{"month", m.value}, {"articles", m.count}});
    for (const auto& o : p.outlets) out["outlets"].push_back({{"outlet", o.value}, {"articles", o.count}});
    for (size_t i = 0; i < articles.size() && i < flags.limit; ++i) {
      out["recent"].push_back({{"id", articles[i].id}, {"published", articles[i].published},
                               {"outlet", articles[i].outlet}, {"title", articles[i].title}});
    }
    for (size_t i = 0; i < p.quotes.size() && i < flags.limit; ++i) {
      nlohmann::json q = nlohmann::json::parse(p.quotes[i].json);
      q["article"] = {{"id", p.quotes[i].article.id}, {"published", p.quotes[i].article.published},
                      {"outlet", p.quotes[i].article.outlet}, {"title", p.quotes[i].article.title}};
      out["quotes"].push_back(q);
    }
    for (size_t i = 0; i < p.co_occurring.size() && i < flags.limit; ++i) {
      const CoOccurring& c = p.co_occurring[i];
      out["co_occurring"].push_back(
          {{"entity", c.entity}, {"name", c.name}, {"type", c.type}, {"articles", c.articles}});
    }
    std::printf("%s\n", out.dump().c_str());
    return kExitOk;
  }
  std::printf("%s  %s%s\n", p.entity.c_str(), p.name.c_str(),
              p.kind.empty() ? (p.type.empty() ? "" : ("  (" + p.type + ", from the archive)").c_str())
                             : ("  (" + p.kind + ", knowledge base)").c_str());
  if (p.names_asked.size() > 1) {
    std::string merged;
    for (size_t i = 1; i < p.names_asked.size(); ++i) merged += (i > 1 ? ", " : "") + p.names_asked[i];
    std::printf("merged by you with: %s\n", merged.c_str());
  }
  if (articles.empty()) {
    std::printf("no article of the archive names it\n");
    return kExitOk;
  }
  std::printf("%zu article%s%s, %llu mention%s\n\nspellings:\n", articles.size(),
              articles.size() == 1 ? "" : "s",
              p.articles_exact ? "" : " (among the 1,000 most recent that match)",
              static_cast<unsigned long long>(p.mentions), p.mentions == 1 ? "" : "s");
  for (const auto& s : p.spellings) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(s.count), s.value.c_str());
  }
  std::printf("\narticles by month:\n");
  for (const auto& m : p.months) {
    std::printf("  %s  %llu\n", m.value.c_str(), static_cast<unsigned long long>(m.count));
  }
  std::printf("\noutlets:\n");
  for (const auto& o : p.outlets) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(o.count), o.value.c_str());
  }
  if (!p.co_occurring.empty()) {
    std::printf("\nnamed in the same articles:\n");
    for (size_t i = 0; i < p.co_occurring.size() && i < flags.limit; ++i) {
      std::printf("  %6llu  %s (%s)\n", static_cast<unsigned long long>(p.co_occurring[i].articles),
                  p.co_occurring[i].name.c_str(), p.co_occurring[i].entity.c_str());
    }
  }
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
