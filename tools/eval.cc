// veille eval tagger : scores a tagger model on an annotated corpus.
// veille eval names : scores name matching on labelled pairs.
// veille eval resolve : scores the identities formed on gold mentions.
// veille eval quotes : scores quotations and speakers.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "eval_extract.h"
#include "eval_times.h"
#include "veille/identity.h"
#include "veille/quotes.h"
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

struct QuoteEvalFlags {
  std::string aads, split = "test", gold, texts, kb;
  size_t show = 0;
};

void PrintSpans(const char* what, const SpanScores& s) {
  std::printf("| %s | %.3f | %.3f | %.3f | %llu | %llu | %llu |\n", what, s.precision, s.recall, s.f1,
              static_cast<unsigned long long>(s.true_positive),
              static_cast<unsigned long long>(s.false_positive),
              static_cast<unsigned long long>(s.false_negative));
}

int RunEvalQuotes(const QuoteEvalFlags& flags) {
  Options options;
  options.knowledge_base = flags.kb;
  const char* header = "| words in quotations | precision | recall | F1 | true pos. | false pos. | false neg. |\n"
                       "|---|--:|--:|--:|--:|--:|--:|\n";
  if (!flags.aads.empty()) {
    Result<DirectSpeechScores> s = EvaluateDirectSpeech(flags.aads, flags.split, options);
    if (!s.ok()) {
      std::fprintf(stderr, "veille: eval: %s\n", s.status().message().c_str());
      return kExitFailure;
    }
    std::printf("%s, split %s: %llu documents, %llu gold spans of direct speech, %llu found\n\n%s",
                flags.aads.c_str(), flags.split.c_str(), static_cast<unsigned long long>(s->documents),
                static_cast<unsigned long long>(s->gold_spans),
                static_cast<unsigned long long>(s->predicted_spans), header);
    PrintSpans("direct speech (token level)", s->words);
  }
  if (!flags.gold.empty()) {
    Result<QuoteGoldScores> s = EvaluateQuoteGold(flags.gold, flags.texts, options, flags.show);
    if (!s.ok()) {
      std::fprintf(stderr, "veille: eval: %s\n", s.status().message().c_str());
      return kExitFailure;
    }
    if (!flags.aads.empty()) std::printf("\n");
    std::printf("%s: %llu articles, %llu gold quotations, %llu found\n\n%s", flags.gold.c_str(),
                static_cast<unsigned long long>(s->articles),
                static_cast<unsigned long long>(s->gold_quotes),
                static_cast<unsigned long long>(s->predicted_quotes), header);
    PrintSpans("every kind", s->words);
    PrintSpans("in marks (direct, partial)", s->marked_words);
    std::printf("\n| gold quotations found | kind right | speaker right | speaker accuracy | named speakers right |\n"
                "|--:|--:|--:|--:|--:|\n| %llu of %llu | %llu | %llu | %.3f | %llu of %llu |\n",
                static_cast<unsigned long long>(s->matched),
                static_cast<unsigned long long>(s->gold_quotes),
                static_cast<unsigned long long>(s->kind_right),
                static_cast<unsigned long long>(s->speaker_right), s->speaker_accuracy,
                static_cast<unsigned long long>(s->named_right),
                static_cast<unsigned long long>(s->named));
    for (const std::string& error : s->errors) std::printf("\n%s", error.c_str());
    if (!s->errors.empty()) std::printf("\n");
  }
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
  auto quote_flags = std::make_shared<QuoteEvalFlags>();
  CLI::App* quotes = eval->add_subcommand(
      "quotes", "Quotation spans (AADS direct speech) and speakers (a news gold file).");
  quotes->add_option("--aads", quote_flags->aads, "AADS aggregated_corpus.json")
      ->check(CLI::ExistingFile);
  quotes->add_option("--split", quote_flags->split, "AADS split to score")->capture_default_str();
  quotes->add_option("--gold", quote_flags->gold, "Gold quotations, JSON Lines (data/eval/wikinews-quotes.jsonl)")
      ->check(CLI::ExistingFile);
  quotes->add_option("--texts", quote_flags->texts, "Directory of the gold's article texts (scripts/wikinews-text)")
      ->check(CLI::ExistingDirectory);
  quotes->add_option("--kb", quote_flags->kb, "Knowledge base (default: build/kb/veille.kb; none)");
  quotes->add_option("--show-errors", quote_flags->show, "Print up to N of each kind of mistake");
  CLI::App* times = nullptr;
  std::function<int()> run_times = AddEvalTimes(eval, &times);
  CLI::App* extract = nullptr;
  std::function<int()> run_extract = AddEvalExtract(eval, &extract);
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
  return {eval, [flags, pairs, show, names, resolve, resolve_gold, resolve_kb, quotes, quote_flags, times,
                 run_times, extract, run_extract] {
            if (names->parsed()) return RunEvalNames(*pairs, *show);
            if (extract->parsed()) return run_extract();
            if (times->parsed()) return run_times();
            if (quotes->parsed()) {
              if (quote_flags->aads.empty() && quote_flags->gold.empty()) {
                std::fprintf(stderr, "veille: eval quotes: give --aads FILE, --gold FILE --texts DIR, or both\n");
                return kExitFailure;
              }
              if (!quote_flags->gold.empty() && quote_flags->texts.empty()) {
                std::fprintf(stderr, "veille: eval quotes: --gold needs --texts DIR (scripts/wikinews-text)\n");
                return kExitFailure;
              }
              return RunEvalQuotes(*quote_flags);
            }
            if (resolve->parsed()) return RunEvalResolve(*resolve_gold, *resolve_kb);
            return RunEval(*flags);
          }};
}

}  // namespace veille::tools
