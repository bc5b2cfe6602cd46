// Any bytes as the body of a knowledge base file (after a valid header, so
// that the fuzzer explores the entity and name lines, not the first check):
// loading gives an error or a knowledge base every lookup of which stays
// within the file and names an entity that is there.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "kb/knowledge_base.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/veille-fuzz-kb-" + std::to_string(::getpid()) + ".kb";
  static const std::string header = std::string(veille::kb::kKbMagic) + "\nK\t" +
                                    veille::kb::NameKeyFingerprint() + "\n";
  std::string_view body(reinterpret_cast<const char*>(data), size);
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(header.data(), 1, header.size(), f);
    std::fwrite(body.data(), 1, body.size(), f);
    std::fclose(f);
  } else {
    return 0;
  }
  auto kb = veille::kb::KnowledgeBase::Load(path);
  // Loaded (read or mapped): the file goes, so that no run leaves one in /tmp.
  std::remove(path.c_str());
  if (!kb.ok()) return 0;
  const auto& base = **kb;
  for (uint32_t i = 0; i < base.entity_count(); ++i) (void)base.entity(i).canonical.size();
  size_t names = 0;
  base.ForEachName([&](const veille::kb::KbNameRef& ref) {
    VEILLE_FUZZ_CHECK(ref.entity < base.entity_count());
    veille::kb::KbName name = base.Name(ref);
    // Every name is found by its own key.
    bool found = false;
    for (const auto& hit : base.LookUpKey(name.key)) found |= hit.line == ref.line;
    VEILLE_FUZZ_CHECK(found);
    ++names;
  });
  VEILLE_FUZZ_CHECK(names == base.name_count());
  for (auto type : {veille::EntityType::kLocation, veille::EntityType::kOrganization}) {
    (void)base.Best(body.substr(0, 16), type, body.substr(0, 8));
  }
  return 0;
}
