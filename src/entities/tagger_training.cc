// The public face of training and evaluating the tagger (veille/tagger.h):
// reads the files, calls the trainer and the scorer.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "entities/perceptron_trainer.h"
#include "entities/tagged_corpus.h"
#include "entities/tagger_model.h"
#include "veille/tagger.h"

#ifndef VEILLE_MODEL_DIR
#define VEILLE_MODEL_DIR "data/models"
#endif

namespace veille {
namespace {

using entities::EntityScores;
using entities::TaggedSentence;

TaggerScore ScoreOf(const entities::Counts& c) {
  return {c.gold, c.predicted, c.Precision(), c.Recall(), c.F1()};
}

Status ReadInto(const std::string& path, std::vector<TaggedSentence>& out) {
  Result<std::vector<TaggedSentence>> read = entities::ReadTaggedCorpus(path);
  if (!read.ok()) return read.status();
  for (TaggedSentence& s : *read) out.push_back(std::move(s));
  return Status::Ok();
}

// "le [général Dupont PER] à {Paris LOC}" — gold in brackets, predictions
// in braces.
std::string MarkMentions(const TaggedSentence& s, std::span<const entities::Mention> gold,
                         std::span<const entities::Mention> predicted) {
  std::string out;
  for (uint32_t i = 0; i < s.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    for (const entities::Mention& m : gold) out += m.first == i ? "[" : "";
    for (const entities::Mention& m : predicted) out += m.first == i ? "{" : "";
    out += s.tokens[i];
    for (const entities::Mention& m : predicted) {
      if (m.end == i + 1) (out += ' ') += std::string(EntityTypeName(m.type)) + "}";
    }
    for (const entities::Mention& m : gold) {
      if (m.end == i + 1) (out += ' ') += std::string(EntityTypeName(m.type)) + "]";
    }
  }
  return out;
}

}  // namespace

std::string DefaultTaggerModelPath() { return std::string(VEILLE_MODEL_DIR) + "/tagger-fr.model"; }

Result<TrainTaggerReport> TrainTagger(const TrainTaggerOptions& options,
                                      const std::function<void(const TaggerEpoch&)>& on_epoch) {
  if (options.train.empty()) return Status(StatusCode::kInvalidArgument, "no training file");
  if (options.out.empty()) return Status(StatusCode::kInvalidArgument, "no output file (--out)");
  std::vector<TaggedSentence> train, dev;
  for (const std::string& path : options.train) {
    if (Status s = ReadInto(path, train); !s.ok()) return s;
  }
  if (!options.dev.empty()) {
    if (Status s = ReadInto(options.dev, dev); !s.ok()) return s;
  } else if (options.dev_share > 0) {
    // Every n-th sentence: spread over all the files, and deterministic.
    size_t every = std::max<size_t>(2, static_cast<size_t>(std::lround(1 / options.dev_share)));
    std::vector<TaggedSentence> kept;
    for (size_t i = 0; i < train.size(); ++i) {
      (i % every == every - 1 ? dev : kept).push_back(std::move(train[i]));
    }
    train = std::move(kept);
  }
  entities::Gazetteer gazetteer;
  for (const std::string& path : options.gazetteers) {
    if (Status s = gazetteer.AddFile(path); !s.ok()) return s;
  }
  TrainTaggerReport report;
  report.train_sentences = train.size();
  for (const TaggedSentence& s : train) report.train_tokens += s.tokens.size();
  report.dev_sentences = dev.size();
  report.gazetteer_entries = gazetteer.size();

  std::string description = "veille entity tagger; trained on";
  for (const std::string& path : options.train) description += " " + path;
  description += "; seed " + std::to_string(options.seed) + ", " +
                 std::to_string(options.epochs) + " epochs";
  entities::TrainerOptions trainer{.epochs = options.epochs,
                                   .seed = options.seed,
                                   .min_feature_count = options.min_feature_count,
                                   .case_variants = options.case_variants,
                                   .split_variants = options.split_variants,
                                   .description = description};
  auto started = std::chrono::steady_clock::now();
  auto epoch_done = [&](const entities::EpochReport& e) {
    TaggerScore dev_score = ScoreOf(e.dev.strict);
    if (dev_score.f1 > report.best_dev.f1 || report.best_epoch == 0) {
      report.best_dev = dev_score;
      report.best_epoch = e.epoch;
    }
    if (!on_epoch) return;
    auto now = std::chrono::steady_clock::now();
    on_epoch({e.epoch, e.mistakes, dev_score, std::chrono::duration<double>(now - started).count()});
    started = now;
  };
  Result<std::unique_ptr<entities::TaggerModel>> model =
      entities::TrainTagger(train, dev, std::move(gazetteer), trainer, epoch_done);
  if (!model.ok()) return model.status();
  report.features = (*model)->features();
  if (Status s = (*model)->Save(options.out); !s.ok()) return s;
  return report;
}

Result<TaggerEvaluation> EvaluateTagger(const std::string& model_path, const std::string& gold_path,
                                        const EvaluateTaggerOptions& options) {
  const std::vector<EntityType>& types = options.types;
  size_t show_errors = options.show_errors;
  Result<std::unique_ptr<entities::TaggerModel>> model = entities::TaggerModel::Load(model_path);
  if (!model.ok()) return model.status();
  std::vector<TaggedSentence> gold;
  if (Status s = ReadInto(gold_path, gold); !s.ok()) return s;
  unsigned mask = 0;
  for (EntityType t : types) mask |= 1u << static_cast<int>(t);
  if (mask == 0) {
    for (const TaggedSentence& s : gold) {
      for (const entities::Mention& m : s.mentions) mask |= 1u << static_cast<int>(m.type);
    }
  }
  TaggerEvaluation evaluation;
  auto note_error = [&](const TaggedSentence& s, std::span<const entities::Mention> g,
                        std::span<const entities::Mention> p) {
    auto same = [](const entities::Mention& a, const entities::Mention& b) {
      return a.first == b.first && a.end == b.end && a.type == b.type;
    };
    if (evaluation.errors.size() >= show_errors ||
        std::equal(g.begin(), g.end(), p.begin(), p.end(), same)) {
      return;
    }
    evaluation.errors.push_back(MarkMentions(s, g, p));
  };
  EntityScores scores = entities::ScoreTagger(**model, gold, mask, options.titles, note_error);
  evaluation.strict = ScoreOf(scores.strict);
  evaluation.fuzzy = ScoreOf(scores.fuzzy);
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if ((mask & (1u << t)) == 0) continue;
    evaluation.strict_by_type.emplace_back(static_cast<EntityType>(t), ScoreOf(scores.strict_by_type[t]));
    evaluation.fuzzy_by_type.emplace_back(static_cast<EntityType>(t), ScoreOf(scores.fuzzy_by_type[t]));
  }
  evaluation.table = entities::FormatScores(scores);
  evaluation.sentences = gold.size();
  for (const TaggedSentence& s : gold) evaluation.tokens += s.tokens.size();
  return evaluation;
}

}  // namespace veille
