#include "store/search_plan.h"

#include "entities/identity_linker.h"
#include "entities/name_key.h"
#include "kb/knowledge_base.h"
#include "store/search_tokens.h"
#include "store/stored_row.h"
#include "veille/boilerplate.h"

namespace veille::store {

Result<SearchPlan> PlanSearch(const Query& query, const SearchOptions& options) {
  SearchPlan plan;
  thread_local SearchTokenizer tokenizer;
  // Words the index has no term for: stop words ("le", "de"), which would
  // match nearly every article. Named when nothing else is left to search.
  std::vector<std::string> unindexed;
  for (const QueryClause& clause : query.clauses) {
    PlannedClause planned;
    planned.excluded = clause.excluded;
    for (const QueryTerm& term : clause.any_of) {
      std::vector<std::string> terms;
      tokenizer.Tokenize(term.text, [&](std::string_view t, uint32_t, uint32_t) {
        terms.emplace_back(t);
      });
      if (!terms.empty()) {
        planned.any_of.push_back({term.text, term.phrase, std::move(terms)});
      } else if (term.text.size() <= 64 && SearchTokenizer::HasWords(term.text)) {
        unindexed.push_back(term.text);
      }
    }
    // A term of punctuation alone ("—") looks for nothing: drop it.
    if (!planned.any_of.empty()) plan.clauses.push_back(std::move(planned));
  }
  bool positive = false;
  for (const PlannedClause& c : plan.clauses) positive |= !c.excluded;
  if (!positive && !plan.clauses.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  "a query cannot only exclude: add a word to search for");
  }
  for (const std::string& outlet : query.outlets) {
    plan.outlet_keys.push_back(FacetKey(outlet));
  }
  for (const std::string& language : query.languages) {
    plan.languages.push_back(FacetKey(language));
  }
  // entity:NAME finds the name as written, any spelling of it (its name
  // key), and the place or organisation the knowledge base knows it as;
  // speaker:NAME the same among the speakers of quotations.
  std::shared_ptr<const kb::KnowledgeBase> knowledge_base;
  if (!query.entities.empty() || !query.speakers.empty()) {
    Options analysis;
    analysis.knowledge_base = options.knowledge_base;
    auto loaded = entities::KnowledgeBaseOf(analysis);
    if (!loaded.ok()) return loaded.status();
    knowledge_base = std::move(*loaded);
  }
  auto keys_of = [&](const std::string& name, std::string_view prefix, std::vector<std::string>& out) {
    // As written: a name without a name key is stored so, and so were all
    // names in archives written before the names index held name keys.
    out.push_back(std::string(prefix) + EntityKey(name));
    std::string key = entities::NameKey(name);
    if (key.empty()) return;
    out.push_back(std::string(prefix).append("~").append(key));
    if (!knowledge_base) return;
    for (EntityType type : {EntityType::kLocation, EntityType::kOrganization}) {
      if (auto thing = knowledge_base->Best(key, type)) {
        std::string_view id = knowledge_base->entity(thing->entity).id;
        out.push_back(std::string(prefix).append("=").append(id));
      }
    }
  };
  for (const std::string& entity : query.entities) keys_of(entity, "", plan.entity_keys);
  for (const std::string& speaker : query.speakers) keys_of(speaker, kSpeakerPrefix, plan.speaker_keys);
  for (const std::string& date : query.talked_about) plan.date_keys.push_back(std::string(kDatePrefix) + date);
  plan.from = query.from.value_or("");
  plan.to = query.to.value_or("");
  if (plan.clauses.empty() && !plan.HasFacets()) {
    if (unindexed.empty()) return Status(StatusCode::kInvalidArgument, "nothing to search for");
    std::string words;
    for (size_t i = 0; i < unindexed.size() && i < 5; ++i) {
      words += (i == 0 ? "\"" : ", \"") + unindexed[i] + "\"";
    }
    return Status(StatusCode::kInvalidArgument,
                  "nothing to search for: " + words +
                      (unindexed.size() == 1 ? " is a word" : " are words") +
                      " too common to be indexed (stop words); add another word or a filter");
  }
  return plan;
}

Snippet MarkedSnippet(const std::string& marked) {
  static constexpr std::string_view kOpen = "\xEE\x80\x80", kClose = "\xEE\x80\x81";
  Snippet snippet;
  snippet.text.reserve(marked.size());
  uint32_t open_at = 0;
  bool open = false;
  for (size_t i = 0; i < marked.size();) {
    std::string_view rest = std::string_view(marked).substr(i);
    if (rest.substr(0, 3) == kOpen) {
      open_at = static_cast<uint32_t>(snippet.text.size());
      open = true;
      i += 3;
    } else if (rest.substr(0, 3) == kClose) {
      if (open) snippet.highlights.emplace_back(open_at, snippet.text.size());
      open = false;
      i += 3;
    } else {
      snippet.text += marked[i++];
    }
  }
  return snippet;
}

}  // namespace veille::store
