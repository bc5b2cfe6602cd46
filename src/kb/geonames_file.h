// GeoNames' place tables (geonames.org, CC BY 4.0): the tab-separated
// "geoname" format of cities1000.txt, cities15000.zip, allCountries.zip.
// A .zip is read through libzip, every .txt member of it; anything else as
// text.
#ifndef VEILLE_KB_GEONAMES_FILE_H_
#define VEILLE_KB_GEONAMES_FILE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille::kb {

// The columns the knowledge base keeps, of the 19 of a row.
struct GeoNamesPlace {
  std::string_view id;               // geonameid
  std::string_view name;             // UTF-8
  std::string_view ascii_name;
  std::string_view alternate_names;  // comma-separated, languages not said
  std::string_view feature_class;    // P populated place, A administrative…
  std::string_view feature_code;     // PPLC capital, ADM1…
  std::string_view country;          // ISO 3166-1 alpha-2
  uint64_t population = 0;
};

// Calls `place` for each row, in file order. Lines that are not rows (too
// few columns, no id) are counted in `skipped`, not fatal: a dump holds the
// odd damaged line.
Status ReadGeoNames(const std::string& path, const std::function<void(const GeoNamesPlace&)>& place,
                    uint64_t* skipped = nullptr);

}  // namespace veille::kb

#endif  // VEILLE_KB_GEONAMES_FILE_H_
