#include "entities/perceptron_trainer.h"

#include <algorithm>
#include <random>
#include <unordered_map>

#include "entities/mention_consistency.h"
#include "entities/token_text.h"

namespace veille::entities {
namespace {

// A sentence as the trainer sees it: for each token the rows of its known
// features, and the gold labels.
struct Example {
  std::vector<int32_t> rows;
  std::vector<uint32_t> offsets;
  std::vector<int> gold;
};

std::vector<std::string_view> Views(const TaggedSentence& s) {
  return std::vector<std::string_view>(s.tokens.begin(), s.tokens.end());
}

// The weights of the perceptron and their running sums, for averaging
// without touching every weight at every step: the average after c steps
// is w - u / c, where u sums step × change.
struct Weights {
  std::vector<float> w, u;
  std::array<float, kTransitions> tw{}, tu{};
  explicit Weights(size_t rows) : w(rows * kLabels, 0.0f), u(rows * kLabels, 0.0f) {}
  void Emissions(const Example& e, std::vector<float>& out) const {
    size_t n = e.gold.size();
    out.assign(n * kLabels, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t k = e.offsets[i]; k < e.offsets[i + 1]; ++k) {
        const float* row = &w[static_cast<size_t>(e.rows[k]) * kLabels];
        for (int y = 0; y < kLabels; ++y) out[i * kLabels + y] += row[y];
      }
    }
  }
  void Update(const Example& e, const std::vector<int>& predicted, float step) {
    for (size_t i = 0; i < e.gold.size(); ++i) {
      int g = e.gold[i], p = predicted[i];
      int gp = i == 0 ? kLabels : e.gold[i - 1], pp = i == 0 ? kLabels : predicted[i - 1];
      if (g != p) {
        for (uint32_t k = e.offsets[i]; k < e.offsets[i + 1]; ++k) {
          size_t row = static_cast<size_t>(e.rows[k]) * kLabels;
          w[row + g] += 1;
          u[row + g] += step;
          w[row + p] -= 1;
          u[row + p] -= step;
        }
      }
      if (g != p || gp != pp) {
        tw[gp * kLabels + g] += 1;
        tu[gp * kLabels + g] += step;
        tw[pp * kLabels + p] -= 1;
        tu[pp * kLabels + p] -= step;
      }
    }
  }
};

TaggedSentence CaseVariant(const TaggedSentence& s, bool upper) {
  TaggedSentence v = s;
  for (std::string& token : v.tokens) {
    std::string lower = Lowercase(token);
    if (!upper) {
      token = lower;
      continue;
    }
    // Capitals of ASCII and Latin-1 letters, which is what headlines in
    // capitals mostly are; other letters stay as they are.
    std::string out;
    for (size_t i = 0; i < lower.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(lower[i]);
      if (c >= 'a' && c <= 'z') {
        out += static_cast<char>(c - 32);
      } else if (c == 0xC3 && i + 1 < lower.size() &&
                 static_cast<unsigned char>(lower[i + 1]) >= 0xA0 &&
                 static_cast<unsigned char>(lower[i + 1]) != 0xB7) {
        out += static_cast<char>(c);
        out += static_cast<char>(lower[++i] - 0x20);
      } else {
        out += static_cast<char>(c);
      }
    }
    token = out;
  }
  return v;
}

// The sentence as tokenizers that split at hyphens, apostrophes and periods
// write it (HIPE's: "Saint - Gall", "l ' État", "M . Dupont"): each such
// character becomes a token of its own, and a mention covers the pieces of
// its tokens.
TaggedSentence SplitVariant(const TaggedSentence& s) {
  TaggedSentence v;
  std::vector<uint32_t> first_piece(s.tokens.size() + 1);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    first_piece[i] = static_cast<uint32_t>(v.tokens.size());
    const std::string& token = s.tokens[i];
    std::string piece;
    for (size_t k = 0; k < token.size(); ++k) {
      char c = token[k];
      bool separator = (c == '-' || c == '\'' || c == '.') && token.size() > 1;
      if (!separator) {
        piece += c;
        continue;
      }
      if (!piece.empty()) v.tokens.push_back(std::move(piece));
      piece.clear();
      v.tokens.emplace_back(1, c);
    }
    if (!piece.empty()) v.tokens.push_back(std::move(piece));
  }
  first_piece[s.tokens.size()] = static_cast<uint32_t>(v.tokens.size());
  for (const Mention& m : s.mentions) {
    v.mentions.push_back({first_piece[m.first], first_piece[m.end], m.type, m.link});
  }
  return v;
}

}  // namespace

EntityScores ScoreTagger(
    const TaggerModel& model, std::span<const TaggedSentence> gold, unsigned types, bool titles,
    const std::function<void(const TaggedSentence&, std::span<const Mention>,
                             std::span<const Mention>)>& on_sentence) {
  EntityScorer scorer;
  TaggerScratch scratch;
  std::vector<Mention> kept_gold, kept_predicted;
  auto keep = [&](const std::vector<Mention>& in, std::vector<Mention>& out) {
    out.clear();
    for (const Mention& m : in) {
      if (types & (1u << static_cast<int>(m.type))) out.push_back(m);
    }
  };
  // Document by document, as the pipeline tags an article.
  std::vector<DocumentSentence> document;
  for (size_t first = 0; first < gold.size();) {
    size_t end = first + 1;
    while (end < gold.size() && gold[end].document == gold[first].document) ++end;
    document.assign(end - first, {});
    for (size_t k = first; k < end; ++k) {
      DocumentSentence& d = document[k - first];
      d.tokens = Views(gold[k]);
      model.Tag(d.tokens, scratch, d.mentions);
    }
    MakeMentionsConsistent(document);
    for (size_t k = first; k < end; ++k) {
      DocumentSentence& d = document[k - first];
      if (titles) {
        for (Mention& m : d.mentions) m.first = model.TitleStart(d.tokens, m, scratch);
      }
      keep(gold[k].mentions, kept_gold);
      keep(d.mentions, kept_predicted);
      scorer.Add(kept_gold, kept_predicted);
      if (on_sentence) on_sentence(gold[k], kept_gold, kept_predicted);
    }
    first = end;
  }
  return scorer.scores();
}

Result<std::unique_ptr<TaggerModel>> TrainTagger(std::span<const TaggedSentence> train,
                                                 std::span<const TaggedSentence> dev,
                                                 Gazetteer gazetteer, const TrainerOptions& options,
                                                 const std::function<void(const EpochReport&)>& on_epoch) {
  if (train.empty()) return Status(StatusCode::kInvalidArgument, "no training sentences");
  std::mt19937_64 random(options.seed);
  // 1. The sentences, with their case variants.
  std::vector<TaggedSentence> variants;
  std::uniform_real_distribution<double> share(0.0, 1.0);
  for (const TaggedSentence& s : train) {
    double r = share(random);
    if (r < options.case_variants) variants.push_back(CaseVariant(s, false));
    else if (r < 2 * options.case_variants) variants.push_back(CaseVariant(s, true));
    if (share(random) < options.split_variants) variants.push_back(SplitVariant(s));
  }
  std::vector<const TaggedSentence*> sentences;
  for (const TaggedSentence& s : train) sentences.push_back(&s);
  for (const TaggedSentence& s : variants) sentences.push_back(&s);

  // 2. Features, counted; those seen often enough get a row.
  FeatureScratch scratch;
  std::vector<SentenceFeatures> features(sentences.size());
  std::unordered_map<uint64_t, uint32_t> counts;
  for (size_t k = 0; k < sentences.size(); ++k) {
    std::vector<std::string_view> tokens = Views(*sentences[k]);
    ExtractFeatures(tokens, gazetteer, scratch, features[k]);
    for (uint64_t f : features[k].hashes) ++counts[f];
  }
  std::unordered_map<uint64_t, int32_t> row_of;
  std::vector<uint64_t> keys;
  {
    std::vector<uint64_t> kept;
    for (const auto& [f, c] : counts) {
      if (c >= static_cast<uint32_t>(options.min_feature_count)) kept.push_back(f);
    }
    std::sort(kept.begin(), kept.end());  // rows in a fixed order: determinism
    for (uint64_t f : kept) {
      row_of.emplace(f, static_cast<int32_t>(keys.size()));
      keys.push_back(f);
    }
  }
  counts = {};
  std::vector<Example> examples(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    Example& e = examples[k];
    const SentenceFeatures& sf = features[k];
    e.offsets.push_back(0);
    for (size_t i = 0; i < sf.size(); ++i) {
      for (uint64_t f : sf.of(i)) {
        auto it = row_of.find(f);
        if (it != row_of.end()) e.rows.push_back(it->second);
      }
      e.offsets.push_back(static_cast<uint32_t>(e.rows.size()));
    }
    MentionsToLabels(sentences[k]->mentions, sentences[k]->tokens.size(), e.gold);
    features[k] = {};
  }

  // 3. The passes.
  Weights weights(keys.size());
  std::vector<size_t> order(examples.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<float> emissions, scores;
  std::vector<uint8_t> back;
  std::vector<int> predicted;
  float step = 1;
  double best_f1 = -1;
  std::unique_ptr<TaggerModel> best;
  auto averaged = [&] {
    std::vector<float> w(weights.w.size());
    for (size_t k = 0; k < w.size(); ++k) w[k] = weights.w[k] - weights.u[k] / step;
    std::array<float, kTransitions> t;
    for (int k = 0; k < kTransitions; ++k) t[k] = weights.tw[k] - weights.tu[k] / step;
    // Rows whose weights all round to nothing are left out of the model.
    std::vector<uint64_t> kept_keys;
    std::vector<float> kept;
    for (size_t r = 0; r < keys.size(); ++r) {
      const float* row = &w[r * kLabels];
      if (std::all_of(row, row + kLabels, [](float x) { return std::fabs(x) < 1e-3f; })) continue;
      kept_keys.push_back(keys[r]);
      kept.insert(kept.end(), row, row + kLabels);
    }
    return std::make_unique<TaggerModel>(gazetteer, std::move(kept_keys), std::move(kept), t,
                                         options.description);
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    EpochReport report;
    report.epoch = epoch;
    for (size_t k : order) {
      const Example& e = examples[k];
      weights.Emissions(e, emissions);
      BestLabels(emissions, weights.tw, predicted, scores, back);
      if (predicted != e.gold) {
        ++report.mistakes;
        weights.Update(e, predicted, step);
      }
      step += 1;
    }
    std::unique_ptr<TaggerModel> model = averaged();
    report.dev = ScoreTagger(*model, dev);
    double f1 = report.dev.strict.F1();
    if (on_epoch) on_epoch(report);
    if (f1 > best_f1 || dev.empty()) {
      best_f1 = f1;
      best = std::move(model);
    }
  }
  return best;
}

}  // namespace veille::entities
