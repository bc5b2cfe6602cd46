// veille train tagger : trains the entity tagger on annotated corpora and
// writes a model file.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
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

}  // namespace veille::tools
