// Knowledge base lookups per second, on one core: by key (what the
// identities stage does once it has a mention's key), and by name (the key
// computed first: ICU's transliterator for names not in ASCII). The keys and
// names are the knowledge base's own, shuffled, so that every lookup finds
// something and memory is read in no particular order.
//
// Usage: build/veille_kb_bench [KB] (default: build/kb/veille.kb)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "entities/name_key.h"
#include "kb/knowledge_base.h"
#include "veille/kb.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  std::string path = argc > 1 ? argv[1] : veille::DefaultKnowledgeBasePath();
  auto start = Clock::now();
  auto kb = veille::kb::KnowledgeBase::Load(path);
  if (!kb.ok()) {
    std::fprintf(stderr, "%s\n", kb.status().ToString().c_str());
    return 2;
  }
  double load = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<std::string> keys, names;
  (*kb)->ForEachName([&](const veille::kb::KbNameRef& ref) {
    veille::kb::KbName n = (*kb)->Name(ref);
    if (n.via.empty()) {
      keys.emplace_back(n.key);
      names.emplace_back(n.name);
    }
  });
  std::mt19937_64 rng(7);
  std::shuffle(keys.begin(), keys.end(), rng);
  std::shuffle(names.begin(), names.end(), rng);
  names.resize(std::min<size_t>(names.size(), 200000));

  size_t found = 0;
  std::vector<veille::kb::KbNameRef> refs;
  start = Clock::now();
  for (const std::string& key : keys) {
    (*kb)->LookUpKey(key, refs);
    found += !refs.empty();
  }
  double by_key = std::chrono::duration<double>(Clock::now() - start).count();
  size_t found_names = 0;
  start = Clock::now();
  for (const std::string& name : names) {
    (*kb)->LookUpKey(veille::entities::NameKey(name), refs);
    found_names += !refs.empty();
  }
  double by_name = std::chrono::duration<double>(Clock::now() - start).count();
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);

  std::printf("Knowledge base %s: %zu things, %zu name lines; loaded in %.0f ms\n\n", path.c_str(),
              (*kb)->entity_count(), (*kb)->name_count(), load * 1000);
  std::printf("| lookup (one core) | lookups | found | lookups/s |\n|---|--:|--:|--:|\n");
  std::printf("| by key | %zu | %zu | %.0f |\n", keys.size(), found, keys.size() / by_key);
  std::printf("| by name (NameKey, then by key) | %zu | %zu | %.0f |\n", names.size(), found_names,
              names.size() / by_name);
  std::printf("\npeak memory of this process: %.0f MB\n", usage.ru_maxrss / 1024.0);
  return found == keys.size() ? 0 : 1;
}
