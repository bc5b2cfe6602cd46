// The article's publication date, as the input gives it.
#ifndef VEILLE_TIME_PUBLICATION_DATE_H_
#define VEILLE_TIME_PUBLICATION_DATE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "veille/pipeline.h"

namespace veille::time {

// Reads Source::published (a JSON Lines field, later HTML metadata) into
// Article::published when it is an ISO 8601 date or date-time; anything else
// is an invalid_value error and no date. Dates read from the text itself and
// estimates come with the time stage. Thread-safe.
class PublicationDateReader final : public Stage {
 public:
  static Result<std::unique_ptr<PublicationDateReader>> Create();

  std::string_view name() const override { return "published"; }
  Status Run(Article& article) const override;
};

// "2022-01-06", "2022-01-06T08:30:00Z", "2022-01-06 08:30:00+03:00" and the
// like, with a real calendar date, to their ISO form ('T' between date and
// time); std::nullopt for anything else.
std::optional<std::string> ParseIsoDate(std::string_view text);

}  // namespace veille::time

#endif  // VEILLE_TIME_PUBLICATION_DATE_H_
