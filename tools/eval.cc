// veille eval tagger : scores a tagger model on an annotated corpus.
// veille eval names : scores name matching on labelled pairs.
// veille eval resolve : scores the identities formed on gold mentions.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "veille/identity.h"
#include "veille/tagger.h"

namespace veille::tools {
namespace {

struct EvalFlags {
  std::string model = DefaultTaggerModelPath();
  std::string gold;
  std::vector<std::string> types;
  size_t show_errors = 0;
  bool titles = false;
};

int RunEval(const EvalFlags& flags) {
  std::vector<EntityType> types;
  for (const std::string& name : flags.types) {
    bool found = false;
    for (int t = 0; t < kEntityTypeCount; ++t) {
      if (EntityTypeName(static_cast<EntityType>(t)) == name) {
        types.push_back(static_cast<EntityType>(t));
        found = true;
      }
    }
    if (!found) {
      std::fprintf(stderr, "veille: eval: unknown type \"%s\" (PER, LOC, ORG, MISC)\n", name.c_str());
      return kExitFailure;
    }
  }
  Result<TaggerEvaluation> evaluation = EvaluateTagger(
      flags.model, flags.gold,
      {.types = types, .titles = flags.titles, .show_errors = flags.show_errors});
  if (!evaluation.ok()) {
    std::fprintf(stderr, "veille: eval: %s\n", evaluation.status().message().c_str());
    return kExitFailure;
  }
  std::printf("%s: %llu sentences, %llu tokens\n\n%s", flags.gold.c_str(),
              static_cast<unsigned long long>(evaluation->sentences),
              static_cast<unsigned long long>(evaluation->tokens), evaluation->table.c_str());
  if (!evaluation->errors.empty()) std::printf("\nSentences tagged wrong ([gold] {predicted}):\n");
  for (const std::string& error : evaluation->errors) std::printf("\n%s\n", error.c_str());
  return kExitOk;
}

int RunEvalNames(const std::string& pairs, size_t show) {
  Result<NamePairScores> s = EvaluateNamePairs(pairs, show);
  if (!s.ok()) {
    std::fprintf(stderr, "veille: eval: %s\n", s.status().message().c_str());
    return kExitFailure;
  }
  std::printf("%s\n\n| pairs | count | joined | share |\n|---|--:|--:|--:|\n", pairs.c_str());
  std::printf("| spellings of one thing (recall) | %llu | %llu | %.3f |\n",
              static_cast<unsigned long long>(s->variants),
              static_cast<unsigned long long>(s->variants_joined), s->recall);
  std::printf("| different things (false matches) | %llu | %llu | %.4f |\n",
              static_cast<unsigned long long>(s->different),
              static_cast<unsigned long long>(s->different_joined), s->false_match_rate);
  std::printf("\nprecision (joined pairs that are one thing): %.4f\n", s->precision);
  for (const std::string& m : s->missed) std::printf("missed: %s\n", m.c_str());
  for (const std::string& m : s->wrongly_joined) std::printf("wrongly joined: %s\n", m.c_str());
  return kExitOk;
}

int RunEvalResolve(const std::string& gold, const std::string& kb) {
  Result<ResolutionScores> s = EvaluateResolution(gold, kb);
  if (!s.ok()) {
    std::fprintf(stderr, "veille: eval: %s\n", s.status().message().c_str());
    return kExitFailure;
  }
  std::printf("%s: %llu documents, %llu gold mentions with a Wikidata id (%llu ids); veille "
              "formed %llu identities for them\n\n",
              gold.c_str(), static_cast<unsigned long long>(s->documents),
              static_cast<unsigned long long>(s->mentions),
              static_cast<unsigned long long>(s->gold_identities),
              static_cast<unsigned long long>(s->identities));
  std::printf("| B-cubed precision | B-cubed recall | B-cubed F1 | NIL mentions | NIL merged into a known identity |\n");
  std::printf("|--:|--:|--:|--:|--:|\n| %.3f | %.3f | %.3f | %llu | %llu (%.3f) |\n", s->precision,
              s->recall, s->f1, static_cast<unsigned long long>(s->nil_mentions),
              static_cast<unsigned long long>(s->nil_merged), s->nil_merged_share);
  return kExitOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& root) {
  auto flags = std::make_shared<EvalFlags>();
  auto pairs = std::make_shared<std::string>();
  auto show = std::make_shared<size_t>(0);
  CLI::App* eval = root.add_subcommand("eval", "Score a model on annotated data.");
  eval->require_subcommand(1);
  CLI::App* names = eval->add_subcommand(
      "names", "Recall and false matches of name matching on labelled pairs (scripts/name-pairs).");
  names->add_option("--pairs", *pairs, "Lines 1|0<TAB>name<TAB>name")->required()
      ->check(CLI::ExistingFile);
  names->add_option("--show-errors", *show, "Print up to N missed and N wrongly joined pairs");
  auto resolve_gold = std::make_shared<std::string>();
  CLI::App* resolve = eval->add_subcommand(
      "resolve", "B-cubed scores of the identities formed on gold mentions with Wikidata ids (HIPE).");
  resolve->add_option("--gold", *resolve_gold, "HIPE TSV with NEL-LIT")->required()
      ->check(CLI::ExistingFile);
  auto resolve_kb = std::make_shared<std::string>();
  resolve->add_option("--kb", *resolve_kb,
                      "Knowledge base (default: build/kb/veille.kb; none: names only)");
  CLI::App* app = eval->add_subcommand(
      "tagger", "Precision, recall and F1 of the entity tagger, strict and fuzzy, micro and per type.");
  app->add_option("--gold", flags->gold, "Annotated corpus (CoNLL/IOB2, token-tag IO, HIPE TSV)")
      ->required()->check(CLI::ExistingFile);
  app->add_option("--model", flags->model, "Tagger model")->capture_default_str();
  app->add_option("--types", flags->types,
                  "Score only these types, on both sides (e.g. PER LOC ORG for HIPE); "
                  "default: the types in --gold");
  app->add_flag("--titles", flags->titles,
                "A person's mention includes its title (\"M. Dupont\"), as HIPE annotates");
  app->add_option("--show-errors", flags->show_errors,
                  "Print up to N sentences tagged wrong, with gold and predicted mentions");
  return {eval, [flags, pairs, show, names, resolve, resolve_gold, resolve_kb] {
            if (names->parsed()) return RunEvalNames(*pairs, *show);
            if (resolve->parsed()) return RunEvalResolve(*resolve_gold, *resolve_kb);
            return RunEval(*flags);
          }};
}

}  // namespace veille::tools
