#include "eval_times.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "veille/times.h"

namespace veille::tools {
namespace {

struct Flags {
  std::string duckling, recognizers;
  std::vector<std::string> peers;  // NAME=FILE
  size_t show = 0;
};

void PrintRow(const std::string& tool, const TimeRun& run) {
  const DucklingScores& d = run.duckling;
  const RecognizerScores& r = run.recognizers;
  double speed = run.seconds > 0 ? static_cast<double>(run.cases) / run.seconds : 0;
  std::printf("| %s | %llu of %llu | **%.3f** | %.3f | %.3f | **%.3f** | %.3f | **%.3f** (%llu of %llu) | %.0f |\n",
              tool.c_str(), static_cast<unsigned long long>(d.resolved + d.negatives_left),
              static_cast<unsigned long long>(d.phrases), d.share, r.precision, r.recall, r.f1,
              r.matched > 0 ? static_cast<double>(r.exact) / r.matched : 0, r.value_accuracy,
              static_cast<unsigned long long>(r.values_right), static_cast<unsigned long long>(r.valued), speed);
}

void PrintErrors(const std::string& tool, const TimeRun& run) {
  for (const std::string& e : run.duckling.errors) std::printf("%s duckling: %s\n", tool.c_str(), e.c_str());
  for (const std::string& e : run.recognizers.errors) std::printf("%s recognizers: %s\n", tool.c_str(), e.c_str());
}

int Run(const Flags& flags) {
  if (flags.duckling.empty() && flags.recognizers.empty()) {
    std::fprintf(stderr, "veille: eval times: give --duckling FILE, --recognizers FILE, or both\n");
    return 1;
  }
  std::vector<std::pair<std::string, TimeRun>> rows;
  Result<TimeRun> ours = EvaluateTimes(flags.duckling, flags.recognizers, Options{}, flags.show);
  if (!ours.ok()) {
    std::fprintf(stderr, "veille: eval times: %s\n", ours.status().message().c_str());
    return 1;
  }
  rows.push_back({"veille", std::move(ours).value()});
  for (const std::string& peer : flags.peers) {
    size_t eq = peer.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "veille: eval times: --peer wants NAME=FILE, not '%s'\n", peer.c_str());
      return 1;
    }
    Result<TimeRun> run = ScorePredictions(flags.duckling, flags.recognizers, peer.substr(eq + 1), flags.show);
    if (!run.ok()) {
      std::fprintf(stderr, "veille: eval times: %s\n", run.status().message().c_str());
      return 1;
    }
    rows.push_back({peer.substr(0, eq), std::move(run).value()});
  }
  std::printf("| tool | Duckling: phrases right | share | Recognizers: span P | R | F1 | exact spans "
              "| value accuracy | cases/s |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
  for (const auto& [tool, run] : rows) PrintRow(tool, run);
  if (flags.show > 0) {
    std::printf("\n");
    for (const auto& [tool, run] : rows) PrintErrors(tool, run);
  }
  return 0;
}

}  // namespace

std::function<int()> AddEvalTimes(CLI::App* eval, CLI::App** command) {
  auto flags = std::make_shared<Flags>();
  CLI::App* app = eval->add_subcommand(
      "times", "Time expressions on Duckling's and Recognizers-Text's French corpora, beside peers.");
  app->add_option("--duckling", flags->duckling, "Duckling's time_fr.tsv")->check(CLI::ExistingFile);
  app->add_option("--recognizers", flags->recognizers, "Recognizers-Text's DateTimeModel.json")
      ->check(CLI::ExistingFile);
  app->add_option("--peer", flags->peers,
                  "NAME=FILE: a peer's predictions (bench/time_peers/), scored alike; repeatable");
  app->add_option("--show-errors", flags->show, "Print up to N mistakes of each corpus");
  *command = app;
  return [flags] { return Run(*flags); };
}

}  // namespace veille::tools
