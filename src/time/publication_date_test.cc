#include "time/publication_date.h"

#include <gtest/gtest.h>

namespace veille::time {
namespace {

TEST(PublicationDateTest, IsoForms) {
  EXPECT_EQ(ParseIsoDate("2022-01-06").value_or("-"), "2022-01-06");
  EXPECT_EQ(ParseIsoDate(" 2022-01-06T08:30:00Z ").value_or("-"), "2022-01-06T08:30:00Z");
  EXPECT_EQ(ParseIsoDate("2022-01-06 08:30").value_or("-"), "2022-01-06T08:30");
  EXPECT_EQ(ParseIsoDate("2022-01-06T08:30:00.123+0300").value_or("-"),
            "2022-01-06T08:30:00.123+03:00");
  EXPECT_EQ(ParseIsoDate("2024-02-29").value_or("-"), "2024-02-29");
  for (const char* bad : {"", "2022", "2022-13-01", "2023-02-29", "06/01/2022",
                          "2022-01-06T25:00", "2022-01-06Tfoo", "2022-01-06Z1"}) {
    EXPECT_FALSE(ParseIsoDate(bad).has_value()) << bad;
  }
}

TEST(PublicationDateTest, BadValueIsReportedNotFatal) {
  Article article;
  article.source.published = "le 6 janvier";
  ASSERT_TRUE(PublicationDateReader().Run(article).ok());
  EXPECT_FALSE(article.published.has_value());
  ASSERT_EQ(article.errors.size(), 1u);
  EXPECT_EQ(article.errors[0].code, StatusCode::kInvalidValue);
  EXPECT_FALSE(article.HasFatalError());
}

}  // namespace
}  // namespace veille::time
