#include "eval_extract.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "veille/extract.h"

namespace veille::tools {
namespace {

struct Flags {
  std::string pages;
  std::vector<std::string> peers;  // NAME=FILE
  int repeat = 1;
  size_t show = 0;
};

std::string Share(const ExtractionScores::Field& field) {
  char cell[64];
  std::snprintf(cell, sizeof cell, "%.3f (%zu/%zu)",
                field.expected > 0 ? static_cast<double>(field.right) / static_cast<double>(field.expected) : 0,
                field.right, field.expected);
  return cell;
}

void PrintRow(const std::string& tool, const ExtractionScores& s) {
  double pages_per_second = s.seconds > 0 ? static_cast<double>(s.pages) / s.seconds : 0;
  double mb_per_second = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
  std::printf("| %s | %.3f | %.3f | **%.3f** | %s | %s | %s | %s | %.1f | %.1f |\n", tool.c_str(), s.precision,
              s.recall, s.f1, Share(s.title).c_str(), Share(s.byline).c_str(), Share(s.published).c_str(),
              Share(s.site_name).c_str(), pages_per_second, mb_per_second);
}

int Run(const Flags& flags) {
  std::vector<std::pair<std::string, ExtractionScores>> rows;
  Result<ExtractionScores> ours = EvaluateExtraction(flags.pages, flags.repeat, flags.show);
  if (!ours.ok()) {
    std::fprintf(stderr, "veille: eval extract: %s\n", ours.status().message().c_str());
    return 1;
  }
  rows.push_back({"veille", std::move(ours).value()});
  for (const std::string& peer : flags.peers) {
    size_t eq = peer.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "veille: eval extract: --peer wants NAME=FILE, not '%s'\n", peer.c_str());
      return 1;
    }
    Result<ExtractionScores> run = ScoreExtraction(flags.pages, peer.substr(eq + 1), flags.show);
    if (!run.ok()) {
      std::fprintf(stderr, "veille: eval extract: %s\n", run.status().message().c_str());
      return 1;
    }
    rows.push_back({peer.substr(0, eq), std::move(run).value()});
  }
  std::printf("| tool | body P | body R | body F1 | title | byline | published | site name | pages/s | MB/s |\n"
              "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
  for (const auto& [tool, scores] : rows) PrintRow(tool, scores);
  if (flags.show > 0) {
    for (const auto& [tool, scores] : rows) {
      std::printf("\n%s, lowest F1:\n", tool.c_str());
      for (const std::string& line : scores.worst) std::printf("  %s\n", line.c_str());
    }
  }
  return 0;
}

}  // namespace

std::function<int()> AddEvalExtract(CLI::App* eval, CLI::App** command) {
  auto flags = std::make_shared<Flags>();
  CLI::App* app = eval->add_subcommand(
      "extract", "Main text and metadata of web pages against Readability's test pages, beside peers.");
  app->add_option("--pages", flags->pages,
                  "Folder of page folders, each with source.html, expected.html, expected-metadata.json")
      ->required()->check(CLI::ExistingDirectory);
  app->add_option("--peer", flags->peers,
                  "NAME=FILE: a peer's output (bench/extract_peers/), scored alike; repeatable");
  app->add_option("--repeat", flags->repeat, "Passes over the pages for the timing")->capture_default_str();
  app->add_option("--show-worst", flags->show, "List the N pages of each tool with the lowest F1");
  *command = app;
  return [flags] { return Run(*flags); };
}

}  // namespace veille::tools
