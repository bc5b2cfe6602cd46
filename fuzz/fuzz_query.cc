// Any bytes as a search query: the parser, then the plan both archives run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "store/search_plan.h"
#include "veille/query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  Result<Query> query = ParseQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!query.ok()) {
    // An error always says where.
    VEILLE_FUZZ_CHECK(query.status().message().rfind("at ", 0) == 0);
    return 0;
  }
  // Without the knowledge base: the fuzzer explores the plan, not a file.
  SearchOptions options;
  options.knowledge_base = "none";
  (void)store::PlanSearch(*query, options);
  return 0;
}
