#include "store/search_plan.h"

#include <gtest/gtest.h>

namespace veille::store {
namespace {

std::string PlanError(std::string_view text) {
  Result<Query> query = ParseQuery(text);
  if (!query.ok()) return "parse error: " + query.status().message();
  Result<SearchPlan> plan = PlanSearch(*query, {});
  return plan.ok() ? "ok" : plan.status().message();
}

TEST(SearchPlanTest, AQueryOfStopWordsAloneSaysWhichWordsAreNotIndexed) {
  EXPECT_EQ(PlanError("le"),
            "nothing to search for: \"le\" is a word too common to be indexed (stop words); "
            "add another word or a filter");
  EXPECT_EQ(PlanError("\"de la\" OR les"),
            "nothing to search for: \"de la\", \"les\" are words too common to be indexed "
            "(stop words); add another word or a filter");
  // Punctuation alone is not a word.
  EXPECT_EQ(PlanError("—"), "nothing to search for");
}

TEST(SearchPlanTest, StopWordsBesideOtherWordsOrAFilterAreDropped) {
  EXPECT_EQ(PlanError("le président"), "ok");
  EXPECT_EQ(PlanError("le outlet:x"), "ok");
  Result<SearchPlan> plan = PlanSearch(*ParseQuery("le président"), {});
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->clauses.size(), 1u);
  EXPECT_EQ(plan->clauses[0].any_of[0].text, "président");
}

}  // namespace
}  // namespace veille::store
