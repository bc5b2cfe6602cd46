// veille eval quotes: the quotes stage against annotated data
// (veille/quotes.h).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/word_scanner.h"
#include "veille/identity.h"
#include "veille/pipeline.h"
#include "veille/quotes.h"

namespace veille {
namespace {

// The words of a text, as the scorers count them: letters or digits.
std::vector<Span> WordsOf(const std::string& text) {
  std::vector<text::Piece> pieces;
  text::Words(text, &pieces);
  std::vector<Span> words;
  for (const text::Piece& p : pieces) {
    if (p.kind == TokenKind::kWord || p.kind == TokenKind::kNumber) words.push_back({p.start, p.end});
  }
  return words;
}

// For each word, whether a span of `spans` (sorted, not overlapping)
// covers it.
std::vector<bool> Covered(const std::vector<Span>& words, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.start < b.start; });
  std::vector<bool> covered(words.size(), false);
  size_t s = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    while (s < spans.size() && spans[s].end <= words[i].start) ++s;
    // Spans may overlap in gold files: look at the next few too.
    for (size_t k = s; k < spans.size() && spans[k].start < words[i].end; ++k) {
      if (spans[k].start <= words[i].start && words[i].end <= spans[k].end) covered[i] = true;
    }
  }
  return covered;
}

void Score(const std::vector<Span>& words, const std::vector<Span>& gold,
           const std::vector<Span>& predicted, SpanScores& scores) {
  std::vector<bool> g = Covered(words, gold), p = Covered(words, predicted);
  for (size_t i = 0; i < words.size(); ++i) {
    if (g[i] && p[i]) ++scores.true_positive;
    if (!g[i] && p[i]) ++scores.false_positive;
    if (g[i] && !p[i]) ++scores.false_negative;
  }
}

uint64_t WordsIn(const std::vector<Span>& words, Span span) {
  uint64_t n = 0;
  for (const Span& w : words) n += span.start <= w.start && w.end <= span.end ? 1 : 0;
  return n;
}

uint64_t Overlap(const std::vector<Span>& words, Span a, Span b) {
  Span both{std::max(a.start, b.start), std::min(a.end, b.end)};
  return both.start < both.end ? WordsIn(words, both) : 0;
}

Article Analysed(const Pipeline& pipeline, std::string text, const std::string& path) {
  Article article;
  article.source.path = path;
  article.source.format = "text";
  article.raw = std::move(text);
  pipeline.Run(article);
  return article;
}

std::vector<std::string> KeyWords(const std::string& name) {
  std::vector<std::string> words;
  std::istringstream in(NameKey(name));
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

}  // namespace

void SpanScores::Finish() {
  double tp = static_cast<double>(true_positive);
  precision = tp + false_positive > 0 ? tp / (tp + false_positive) : 0;
  recall = tp + false_negative > 0 ? tp / (tp + false_negative) : 0;
  f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

// Whether `acronym` (capitals) is made of the initials of `name`'s words
// other than the little ones: "HRW", "Human Rights Watch"; "PP", "Parti populaire".
bool AcronymOf(const std::string& acronym, const std::string& name) {
  if (acronym.size() < 2 || acronym.size() > 8 ||
      !std::all_of(acronym.begin(), acronym.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return false;
  }
  std::string initials;
  std::istringstream in(name);
  for (std::string word; in >> word;) {
    static constexpr std::string_view kLittle[] = {"de", "du", "des", "d'", "la", "le", "les",
                                                   "l'", "et", "of", "the", "and", "for"};
    if (std::find(std::begin(kLittle), std::end(kLittle), word) != std::end(kLittle)) continue;
    initials += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  }
  return initials == acronym;
}

bool SameSpeaker(const std::string& gold, const std::string& name, const std::string& mention) {
  if (AcronymOf(mention, gold) || AcronymOf(gold, mention) || AcronymOf(name, gold)) return true;
  std::vector<std::string> g = KeyWords(gold);
  if (g.empty()) return false;
  for (const std::string& predicted : {name, mention}) {
    std::vector<std::string> p = KeyWords(predicted);
    if (p.empty()) continue;
    if (p == g) return true;
    // The same surname ("Samaras" for "Antonis Samaras"), or one name
    // inside the other ("Commission européenne", "la Commission européenne").
    if (p.back() == g.back() && p.back().size() >= 3) return true;
    auto inside = [](const std::vector<std::string>& small, const std::vector<std::string>& big) {
      return std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
    };
    if (inside(g, p) || inside(p, g)) return true;
  }
  return false;
}

Result<DirectSpeechScores> EvaluateDirectSpeech(const std::string& corpus_json,
                                                const std::string& split, const Options& options) {
  std::ifstream in(corpus_json);
  if (!in) return Status(StatusCode::kNotFound, corpus_json + ": cannot read");
  nlohmann::json corpus = nlohmann::json::parse(in, nullptr, false);
  if (corpus.is_discarded() || !corpus.is_object()) {
    return Status(StatusCode::kInvalidArgument, corpus_json + ": not the AADS JSON corpus");
  }
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  DirectSpeechScores scores;
  for (const auto& [name, document] : corpus.items()) {
    if (!split.empty() && document.value("split", "") != split) continue;
    if (!document.contains("text") || !document["text"].is_string()) continue;
    std::string text = document["text"];
    // The labels count code points; spans count bytes.
    std::vector<uint32_t> byte_at;
    byte_at.reserve(text.size() + 1);
    for (uint32_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_at.push_back(i);
    }
    byte_at.push_back(static_cast<uint32_t>(text.size()));
    std::vector<Span> gold;
    for (const auto& label : document.value("labels", nlohmann::json::array())) {
      if (!label.is_array() || label.size() < 2) continue;
      size_t start = label[0].get<size_t>(), end = label[1].get<size_t>();
      if (start >= end || end >= byte_at.size()) continue;
      gold.push_back({byte_at[start], byte_at[end]});
    }
    Article article = Analysed(**pipeline, text, name);
    std::vector<Span> predicted;
    // Direct speech only: a fragment inside the narrator's sentence
    // ("sans « manigancer quelque coup »") is no line of a character.
    for (const Quote& q : article.quotes) {
      if (q.kind == QuoteKind::kDirect) predicted.push_back(q.raw);
    }
    std::vector<Span> words = WordsOf(article.raw);
    Score(words, gold, predicted, scores.words);
    ++scores.documents;
    scores.gold_spans += gold.size();
    scores.predicted_spans += predicted.size();
  }
  if (scores.documents == 0) {
    return Status(StatusCode::kInvalidArgument, corpus_json + ": no document in split '" + split + "'");
  }
  scores.words.Finish();
  return scores;
}

Result<QuoteGoldScores> EvaluateQuoteGold(const std::string& gold_jsonl, const std::string& texts_dir,
                                          const Options& options, size_t show) {
  std::ifstream in(gold_jsonl);
  if (!in) return Status(StatusCode::kNotFound, gold_jsonl + ": cannot read");
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  QuoteGoldScores scores;
  size_t missed_shown = 0, extra_shown = 0, speaker_shown = 0;
  std::string line;
  for (uint64_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    nlohmann::json gold = nlohmann::json::parse(line, nullptr, false);
    auto where = gold_jsonl + ":" + std::to_string(number);
    if (gold.is_discarded() || !gold.contains("file") || !gold.contains("quotes")) {
      return Status(StatusCode::kInvalidArgument, where + ": not {\"file\", \"quotes\"}");
    }
    std::string file = gold["file"];
    std::filesystem::path path =
        std::filesystem::path(texts_dir) / std::filesystem::path(file).replace_extension(".txt");
    std::ifstream text_in(path, std::ios::binary);
    if (!text_in) return Status(StatusCode::kNotFound, path.string() + ": cannot read (scripts/wikinews-text makes it)");
    std::string text((std::istreambuf_iterator<char>(text_in)), std::istreambuf_iterator<char>());
    struct GoldQuote {
      Span span;
      std::string kind;
      std::string speaker;  // empty: none
    };
    std::vector<GoldQuote> quotes;
    size_t from = 0;
    for (const auto& q : gold["quotes"]) {
      std::string quoted = q.value("text", "");
      size_t at = text.find(quoted, from);
      if (quoted.empty() || at == std::string::npos) {
        return Status(StatusCode::kInvalidArgument, where + ": \"" + quoted + "\" is not in " + path.string());
      }
      GoldQuote g{{static_cast<uint32_t>(at), static_cast<uint32_t>(at + quoted.size())},
                  q.value("kind", ""),
                  q.contains("speaker") && q["speaker"].is_string() ? q["speaker"].get<std::string>() : ""};
      quotes.push_back(std::move(g));
      from = at + quoted.size();
    }
    Article article = Analysed(**pipeline, text, path.string());
    std::vector<Span> words = WordsOf(article.raw);
    std::vector<Span> gold_spans, gold_marked, predicted, predicted_marked;
    for (const GoldQuote& g : quotes) {
      gold_spans.push_back(g.span);
      if (g.kind != "indirect") gold_marked.push_back(g.span);
    }
    for (const Quote& q : article.quotes) {
      predicted.push_back(q.raw);
      if (q.kind != QuoteKind::kIndirect) predicted_marked.push_back(q.raw);
    }
    Score(words, gold_spans, predicted, scores.words);
    Score(words, gold_marked, predicted_marked, scores.marked_words);
    ++scores.articles;
    scores.gold_quotes += quotes.size();
    scores.predicted_quotes += article.quotes.size();
    std::vector<bool> used(article.quotes.size(), false);
    for (const GoldQuote& g : quotes) {
      uint64_t size = WordsIn(words, g.span), best = 0;
      size_t best_index = 0;
      for (size_t i = 0; i < article.quotes.size(); ++i) {
        uint64_t overlap = Overlap(words, g.span, article.quotes[i].raw);
        if (overlap > best) {
          best = overlap;
          best_index = i;
        }
      }
      std::string excerpt = std::string(article.RawView(g.span).substr(0, 60));
      if (best == 0 || best * 2 < size) {
        if (missed_shown < show) {
          scores.errors.push_back(file + ": missed " + g.kind + " «" + excerpt + "»");
          ++missed_shown;
        }
        continue;
      }
      const Quote& q = article.quotes[best_index];
      used[best_index] = true;
      ++scores.matched;
      if (QuoteKindName(q.kind) == g.kind) ++scores.kind_right;
      std::string name, mention;
      if (q.speaker >= 0) {
        const Entity& e = article.entities[q.speaker];
        mention = std::string(article.RawView(e.raw));
        name = e.identity >= 0 ? article.identities[e.identity].name : mention;
      }
      bool right = g.speaker.empty() ? q.speaker < 0 : SameSpeaker(g.speaker, name, mention);
      if (!g.speaker.empty()) {
        ++scores.named;
        if (right) ++scores.named_right;
      }
      if (right) {
        ++scores.speaker_right;
      } else if (speaker_shown < show) {
        scores.errors.push_back(file + ": «" + excerpt + "» said by " +
                                (g.speaker.empty() ? "(none)" : g.speaker) + ", found " +
                                (q.speaker < 0 ? "(none)" : mention) + " [" + q.why + "]");
        ++speaker_shown;
      }
    }
    for (size_t i = 0; i < article.quotes.size(); ++i) {
      if (used[i] || extra_shown >= show) continue;
      scores.errors.push_back(file + ": not a gold quotation: " +
                              std::string(QuoteKindName(article.quotes[i].kind)) + " «" +
                              std::string(article.RawView(article.quotes[i].raw).substr(0, 60)) + "»");
      ++extra_shown;
    }
  }
  scores.words.Finish();
  scores.marked_words.Finish();
  scores.speaker_accuracy =
      scores.matched > 0 ? static_cast<double>(scores.speaker_right) / scores.matched : 0;
  return scores;
}

}  // namespace veille
