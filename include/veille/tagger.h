// The entity tagger's training and evaluation, for `veille train tagger`
// and `veille eval tagger`. (Tagging itself is the pipeline's `entities`
// stage; Options::tagger_model chooses the model.)
#ifndef VEILLE_TAGGER_H_
#define VEILLE_TAGGER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// Where the model that ships with veille is: data/models/ of the source
// tree veille was built from.
std::string DefaultTaggerModelPath();

struct TrainTaggerOptions {
  // Annotated corpora: CoNLL/IOB2 (WikiNEuRal), "token tag" IO or IOB
  // (Europeana), HIPE-2022 TSV; the format is recognised from the content.
  std::vector<std::string> train;
  // A corpus to choose the best epoch on. Empty: `dev_share` of the
  // training sentences (every n-th one) are held out for it instead.
  std::string dev;
  double dev_share = 0.05;
  // Gazetteer files, lines "list<TAB>phrase" (scripts/make-gazetteers).
  // Their content is copied into the model.
  std::vector<std::string> gazetteers;
  std::string out;            // the model file to write
  int epochs = 12;            // passes over the data (about 10 s each)
  uint64_t seed = 1;          // same data, options and seed: same model
  int min_feature_count = 2;  // rarer features are dropped: a smaller model
  double case_variants = 0.08;  // share also learned in lower case and in capitals
  double split_variants = 0.15;  // share also learned split at - ' . ("M . Dupont")
};

// The scores of a tagger on annotated text: precision, recall and F1.
struct TaggerScore {
  uint64_t gold = 0, predicted = 0;
  double precision = 0, recall = 0, f1 = 0;
};
struct TaggerEvaluation {
  TaggerScore strict, fuzzy;  // micro-averaged; strict: same span and type
  std::vector<std::pair<EntityType, TaggerScore>> strict_by_type, fuzzy_by_type;
  std::string table;  // all of it as a Markdown table
  uint64_t sentences = 0, tokens = 0;
  // Sentences the tagger got wrong (strictly), up to the number asked for:
  // the tokens with [gold mentions] and {predicted ones}, typed.
  std::vector<std::string> errors;
};

struct TaggerEpoch {
  int epoch = 0;
  uint64_t mistakes = 0;  // training sentences tagged wrong during the pass
  TaggerScore dev;        // strict, on the dev sentences
  double seconds = 0;
};

struct TrainTaggerReport {
  uint64_t train_sentences = 0, train_tokens = 0, dev_sentences = 0;
  uint64_t gazetteer_entries = 0, features = 0;
  int best_epoch = 0;
  TaggerScore best_dev;
};

Result<TrainTaggerReport> TrainTagger(const TrainTaggerOptions& options,
                                      const std::function<void(const TaggerEpoch&)>& on_epoch = {});

// Tags the sentences of `gold` (any format TrainTagger reads) with the model
// and scores the result. `types` restricts both sides to some types (the
// HIPE way: PER, LOC, ORG); empty: the types present in `gold`.
struct EvaluateTaggerOptions {
  std::vector<EntityType> types;
  // A person's mention includes its title ("M. Dupont", "le général
  // Dupont"), as HIPE annotates; WikiNEuRal and Europeana leave it out.
  bool titles = false;
  size_t show_errors = 0;  // sentences tagged wrong to return
};
Result<TaggerEvaluation> EvaluateTagger(const std::string& model, const std::string& gold,
                                        const EvaluateTaggerOptions& options = {});

}  // namespace veille

#endif  // VEILLE_TAGGER_H_
