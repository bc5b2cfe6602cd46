// The entity tagger's speed: model load time, tokens tagged per second on
// one core, and memory, on the sentences of WikiNEuRal's French test file
// (../shared/data/wikineural-fr/test.conllu, 305,500 tokens), tagged
// sentence by sentence as the pipeline does (features, Viterbi, titles,
// document agreement is per article and not included).
//
// Usage: veille_tagger_bench [--model PATH] [--data DIR] [--rounds N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "entities/tagged_corpus.h"
#include "entities/tagger_model.h"
#include "veille/tagger.h"

namespace {

using Clock = std::chrono::steady_clock;

// Resident memory now, in MB (VmRSS).
double ResidentMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = veille::DefaultTaggerModelPath();
  std::string data = "../shared/data";
  int rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--model") model_path = argv[i + 1];
    else if (flag == "--data") data = argv[i + 1];
    else if (flag == "--rounds") rounds = std::stoi(argv[i + 1]);
  }
  auto corpus = veille::entities::ReadTaggedCorpus(data + "/wikineural-fr/test.conllu");
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
    return 2;
  }
  std::vector<std::vector<std::string_view>> sentences;
  uint64_t tokens = 0;
  for (const auto& s : *corpus) {
    sentences.emplace_back(s.tokens.begin(), s.tokens.end());
    tokens += s.tokens.size();
  }
  double before = ResidentMb();
  auto start = Clock::now();
  auto model = veille::entities::TaggerModel::Load(model_path);
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 2;
  }
  double model_mb = ResidentMb() - before;

  veille::entities::TaggerScratch scratch;
  std::vector<veille::entities::Mention> mentions;
  uint64_t found = 0;
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    start = Clock::now();
    for (const auto& s : sentences) {
      (*model)->Tag(s, scratch, mentions);
      for (const auto& m : mentions) found += (*model)->TitleStart(s, m, scratch) <= m.first;
    }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("### veille entity tagger\n\n");
  std::printf("Text: WikiNEuRal French test file, %zu sentences, %llu tokens; one thread; best of "
              "%d rounds.\n\n", sentences.size(), static_cast<unsigned long long>(tokens), rounds);
  std::printf("| measure | value |\n|---|--:|\n");
  std::printf("| tagging | %.0f tokens/s per core |\n", tokens / best);
  std::printf("| mentions found per round | %llu |\n",
              static_cast<unsigned long long>(found / rounds));
  std::printf("| model load | %.0f ms |\n", load_ms);
  std::printf("| model in memory | %.0f MB (%zu features) |\n", model_mb, (*model)->features());
  std::printf("| peak resident memory of this process | %.0f MB |\n", usage.ru_maxrss / 1024.0);
  std::printf("\nFor scale: spaCy's French pipelines tag about 4,400 words per second (spaCy's "
              "published CPU figures); no French NER tool is packaged in Debian 12 to run beside "
              "it here.\n");
  return 0;
}
