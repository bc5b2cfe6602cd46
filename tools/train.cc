// veille train tagger : trains the entity tagger on annotated corpora and
// writes a model file.
// veille eval tagger : scores a model on an annotated corpus.
// veille eval names : scores name matching on labelled pairs.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "veille/identity.h"
#include "veille/tagger.h"

namespace veille::tools {
namespace {

struct TrainFlags {
  TrainTaggerOptions options;
};

int RunTrain(const TrainFlags& flags) {
  const TrainTaggerOptions& o = flags.options;
  std::fprintf(stderr, "veille: training the tagger on %zu file(s), %d epochs, seed %llu\n",
               o.train.size(), o.epochs, static_cast<unsigned long long>(o.seed));
  Result<TrainTaggerReport> report = TrainTagger(o, [](const TaggerEpoch& e) {
    std::fprintf(stderr, "epoch %2d: %6llu sentences wrong, dev strict P %.4f R %.4f F1 %.4f (%.1f s)\n",
                 e.epoch, static_cast<unsigned long long>(e.mistakes), e.dev.precision,
                 e.dev.recall, e.dev.f1, e.seconds);
  });
  if (!report.ok()) {
    std::fprintf(stderr, "veille: train: %s\n", report.status().message().c_str());
    return kExitFailure;
  }
  std::printf("trained on %llu sentences (%llu tokens), dev %llu sentences, gazetteer %llu entries\n"
              "best epoch %d: dev strict F1 %.4f; %llu features; model written to %s\n",
              static_cast<unsigned long long>(report->train_sentences),
              static_cast<unsigned long long>(report->train_tokens),
              static_cast<unsigned long long>(report->dev_sentences),
              static_cast<unsigned long long>(report->gazetteer_entries), report->best_epoch,
              report->best_dev.f1, static_cast<unsigned long long>(report->features), o.out.c_str());
  return kExitOk;
}

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

}  // namespace

Command AddTrainCommand(CLI::App& root) {
  auto flags = std::make_shared<TrainFlags>();
  CLI::App* train = root.add_subcommand("train", "Train a model.");
  train->require_subcommand(1);
  CLI::App* app = train->add_subcommand("tagger", "Train the entity tagger on annotated corpora.");
  TrainTaggerOptions& o = flags->options;
  app->add_option("--train", o.train, "Annotated corpora (CoNLL/IOB2, token-tag IO, HIPE TSV)")
      ->required()->check(CLI::ExistingFile);
  app->add_option("--dev", o.dev, "Corpus to pick the best epoch on (default: a share of --train)")
      ->check(CLI::ExistingFile);
  app->add_option("--dev-share", o.dev_share, "Share of --train held out when there is no --dev")
      ->capture_default_str();
  app->add_option("--gazetteer", o.gazetteers, "Gazetteer files (scripts/make-gazetteers)")
      ->check(CLI::ExistingFile);
  app->add_option("--out", o.out, "Model file to write")->required();
  app->add_option("--epochs", o.epochs, "Passes over the data")->capture_default_str()
      ->check(CLI::Range(1, 100));
  app->add_option("--seed", o.seed, "Random seed (same seed, same model)")->capture_default_str();
  app->add_option("--min-feature-count", o.min_feature_count, "Drop rarer features")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  app->add_option("--case-variants", o.case_variants,
                  "Share of sentences also learned in lower case and in capitals")
      ->capture_default_str()->check(CLI::Range(0.0, 0.5));
  app->add_option("--split-variants", o.split_variants,
                  "Share of sentences also learned split at - ' . (\"M . Dupont\")")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  return {app, [flags] { return RunTrain(*flags); }};
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

int RunEvalResolve(const std::string& gold) {
  Result<ResolutionScores> s = EvaluateResolution(gold);
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
  return {eval, [flags, pairs, show, names, resolve, resolve_gold] {
            if (names->parsed()) return RunEvalNames(*pairs, *show);
            if (resolve->parsed()) return RunEvalResolve(*resolve_gold);
            return RunEval(*flags);
          }};
}

}  // namespace veille::tools
