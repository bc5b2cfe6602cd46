#include "kb/kb_builder.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <oneapi/tbb/parallel_for.h>

#include "entities/identity_linker.h"
#include "entities/name_key.h"
#include "entities/token_text.h"
#include "kb/geonames_file.h"
#include "kb/knowledge_base.h"
#include "kb/mo_file.h"

namespace veille::kb {
namespace {

// Next code point of UTF-8 `text` at `at`, or -1 for a bad sequence.
int32_t NextCodePoint(std::string_view text, size_t& at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) return -1;
  int32_t cp = length == 1 ? c : c & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (next & 0x3F);
  }
  at += length;
  return cp;
}

// Latin, Greek and Cyrillic letters, marks and punctuation only.
bool UsableScript(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    int32_t cp = NextCodePoint(text, at);
    bool ok = (cp >= 0 && cp < 0x0530) || (cp >= 0x1E00 && cp <= 0x1FFF) ||
              (cp >= 0x2000 && cp <= 0x206F);
    if (!ok) return false;
  }
  return true;
}

bool HasCyrillic(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    int32_t cp = NextCodePoint(text, at);
    if (cp >= 0x0400 && cp <= 0x052F) return true;
    if (cp < 0) return false;
  }
  return false;
}

// Tabs and line breaks would break the file's lines.
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// A locale directory's language: "pt_BR" → "pt", "sr@latin" → "sr".
std::string LanguageOfLocale(std::string_view locale) {
  return std::string(locale.substr(0, std::min(locale.find('_'), locale.find('@'))));
}

// Every locale's catalogue of one iso-codes domain, by language.
std::vector<std::pair<std::string, std::unordered_map<std::string, std::string>>> Catalogues(
    const std::string& locales, const std::string& domain) {
  std::vector<std::pair<std::string, std::unordered_map<std::string, std::string>>> found;
  std::error_code error;
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(locales, error)) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    std::filesystem::path mo = dir / "LC_MESSAGES" / (domain + ".mo");
    if (!std::filesystem::exists(mo, error)) continue;
    auto catalogue = ReadMoFile(mo.string());
    if (catalogue.ok()) found.emplace_back(LanguageOfLocale(dir.filename().string()), std::move(*catalogue));
  }
  return found;
}

Result<simdjson::dom::array> JsonArray(simdjson::dom::parser& parser, const std::string& path,
                                       const char* field) {
  simdjson::dom::element root;
  if (parser.load(path).get(root) != simdjson::SUCCESS) {
    return Status(StatusCode::kNotFound, path + ": cannot read it as JSON");
  }
  simdjson::dom::array array;
  if (root[field].get_array().get(array) != simdjson::SUCCESS) {
    return Status(StatusCode::kInvalidValue, path + std::string(": no \"") + field + "\" list");
  }
  return array;
}

std::string_view Field(simdjson::dom::object object, const char* name) {
  std::string_view value;
  if (object[name].get_string().get(value) != simdjson::SUCCESS) return {};
  return value;
}

// Words that say what kind of subdivision a name is, not which.
bool IsGenericWord(std::string_view word) {
  static const std::set<std::string, std::less<>> kWords = {
      "oblysy", "oblast'", "oblast", "oblys", "kraj", "krai", "region", "province", "provincia",
      "prefecture", "voivodeship", "governorate", "county", "district", "respublikasy",
      "respublika", "republic", "rayon", "state", "department", "departamento", "okrug",
      "autonomous", "avtonomnyy", "avtonomnaya", "of", "de", "du", "la", "le", "the"};
  return kWords.contains(entities::Lowercase(word));
}

// "Mangghystaū oblysy" → "Mangghystaū"; empty when nothing is left out.
std::string ShortRegionName(std::string_view name) {
  std::vector<std::string_view> words = entities::NameWords(name);
  size_t first = 0, last = words.size();
  while (first < last && IsGenericWord(words[first])) ++first;
  while (last > first && IsGenericWord(words[last - 1])) --last;
  if (first == last || (first == 0 && last == words.size())) return {};
  std::string out;
  for (size_t i = first; i < last; ++i) out += (out.empty() ? "" : " ") + std::string(words[i]);
  return out;
}

// GeoNames' alternate names hold airport and other codes ("ALA" for
// Almaty): short capitals and anything with digits are left out.
bool LooksLikeCode(std::string_view name) {
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  return name.size() <= 4 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

KbBuilder::Entity& KbBuilder::Get(const std::string& id, std::string_view kind) {
  auto [it, fresh] = by_id_.emplace(id, entities_.size());
  if (fresh) {
    entities_.emplace_back();
    entities_.back().id = id;
    entities_.back().kind = std::string(kind);
  }
  return entities_[it->second];
}

void KbBuilder::AddName(Entity& entity, std::string_view text, std::string_view lang,
                        std::string_view source) {
  std::string name = OneLine(text);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  if (name.empty() || name.size() > 200 || !UsableScript(name)) return;
  for (const Name& n : entity.names) {
    if (n.text == name && n.lang == lang) return;
  }
  entity.names.push_back({std::move(name), std::string(lang), std::string(source)});
}

Status KbBuilder::AddCountries(const std::string& iso_codes_json, const std::string& locales,
                               const std::string& i18n_iso_countries) {
  simdjson::dom::parser parser;
  auto countries = JsonArray(parser, iso_codes_json + "/iso_3166-1.json", "3166-1");
  if (!countries.ok()) return countries.status();
  auto catalogues = Catalogues(locales, "iso_3166-1");
  std::vector<std::string> codes;
  for (simdjson::dom::element element : *countries) {
    simdjson::dom::object c;
    if (element.get_object().get(c) != simdjson::SUCCESS) continue;
    std::string code(Field(c, "alpha_2"));
    if (code.size() != 2) continue;
    codes.push_back(code);
    Entity& e = Get("country:" + code, "country");
    e.country = code;
    std::string_view common = Field(c, "common_name"), name = Field(c, "name");
    e.canonical = OneLine(common.empty() ? name : common);
    for (const char* field : {"name", "official_name", "common_name"}) {
      std::string_view english = Field(c, field);
      if (english.empty()) continue;
      AddName(e, english, "en", "iso-codes");
      for (const auto& [lang, catalogue] : catalogues) {
        auto translated = catalogue.find(std::string(english));
        if (translated != catalogue.end()) AddName(e, translated->second, lang, "iso-codes");
      }
    }
  }
  // npm's i18n-iso-countries: langs/<lang>.json, {"countries": {"BY":
  // "Biélorussie", "US": ["United States of America", "USA", …]}}.
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(i18n_iso_countries + "/langs", error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (files.empty()) {
    return Status(StatusCode::kNotFound, i18n_iso_countries +
                                             "/langs: no country names (run scripts/install-deps)");
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    simdjson::dom::element root;
    if (parser.load(file.string()).get(root) != simdjson::SUCCESS) {
      return Status(StatusCode::kInvalidValue, file.string() + ": not JSON");
    }
    std::string lang = file.stem().string();
    simdjson::dom::object names;
    if (root["countries"].get_object().get(names) != simdjson::SUCCESS) continue;
    for (auto [code, value] : names) {
      auto found = by_id_.find("country:" + std::string(code));
      if (found == by_id_.end()) continue;
      Entity& e = entities_[found->second];
      std::string_view one;
      simdjson::dom::array several;
      if (value.get_string().get(one) == simdjson::SUCCESS) {
        AddName(e, one, lang, "i18n-iso-countries");
      } else if (value.get_array().get(several) == simdjson::SUCCESS) {
        for (simdjson::dom::element v : several) {
          if (v.get_string().get(one) == simdjson::SUCCESS) AddName(e, one, lang, "i18n-iso-countries");
        }
      }
    }
  }
  return Status::Ok();
}

Status KbBuilder::AddRegions(const std::string& iso_codes_json, const std::string& locales) {
  simdjson::dom::parser parser;
  auto regions = JsonArray(parser, iso_codes_json + "/iso_3166-2.json", "3166-2");
  if (!regions.ok()) return regions.status();
  auto catalogues = Catalogues(locales, "iso_3166-2");
  for (simdjson::dom::element element : *regions) {
    simdjson::dom::object r;
    if (element.get_object().get(r) != simdjson::SUCCESS) continue;
    std::string code(Field(r, "code"));
    std::string_view name = Field(r, "name");
    if (code.size() < 4 || name.empty()) continue;
    Entity& e = Get("region:" + code, "region");
    e.country = code.substr(0, 2);
    e.canonical = OneLine(name);
    // The ISO name is in the country's own language, romanised.
    AddName(e, name, "", "iso-codes");
    if (std::string short_name = ShortRegionName(name); !short_name.empty()) {
      AddName(e, short_name, "", "iso-codes");
    }
    for (const auto& [lang, catalogue] : catalogues) {
      auto translated = catalogue.find(std::string(name));
      if (translated == catalogue.end()) continue;
      AddName(e, translated->second, lang, "iso-codes");
      if (std::string short_name = ShortRegionName(translated->second); !short_name.empty()) {
        AddName(e, short_name, lang, "iso-codes");
      }
    }
  }
  return Status::Ok();
}

Status KbBuilder::AddGeoNames(const std::string& path) {
  return ReadGeoNames(path, [&](const GeoNamesPlace& p) {
    std::string_view kind = p.feature_class == "P" ? "city" : p.feature_class == "A" ? "region" : "place";
    Entity& e = Get("geonames:" + std::string(p.id), kind);
    if (e.canonical.empty()) e.canonical = OneLine(p.name);
    e.country = std::string(p.country);
    e.population = std::max(e.population, p.population);
    AddName(e, p.name, "", "GeoNames");
    AddName(e, p.ascii_name, "", "GeoNames");
    for (size_t at = 0; at < p.alternate_names.size();) {
      size_t comma = p.alternate_names.find(',', at);
      if (comma == std::string_view::npos) comma = p.alternate_names.size();
      std::string_view alternate = p.alternate_names.substr(at, comma - at);
      if (!LooksLikeCode(alternate)) AddName(e, alternate, "", "GeoNames");
      at = comma + 1;
    }
  });
}

Status KbBuilder::AddOrganisations(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the organisations");
  std::string line;
  size_t number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // id, type, canonical, names
      header = false;
      continue;
    }
    std::string_view f[4];
    std::string_view rest = line;
    size_t n = 0;
    for (; n < 4; ++n) {
      size_t tab = rest.find('\t');
      f[n] = rest.substr(0, tab);
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (n != 3 || !f[0].starts_with("org:")) {
      return Status(StatusCode::kInvalidValue,
                    path + ":" + std::to_string(number) + ": expected id, type, canonical, names");
    }
    // "org:csto" in the file is "organisation:csto" here, beside "country:KZ":
    // "org:" ids are those the identities stage makes from an article's text.
    Entity& e = Get("organisation:" + std::string(f[0].substr(4)), "organisation");
    e.canonical = std::string(f[2]);
    AddName(e, f[2], "en", "organisations");
    for (size_t at = 0; at < f[3].size();) {
      size_t bar = f[3].find('|', at);
      if (bar == std::string_view::npos) bar = f[3].size();
      std::string_view entry = f[3].substr(at, bar - at);
      size_t colon = entry.find(':');
      if (colon != std::string_view::npos) {
        AddName(e, entry.substr(colon + 1), entry.substr(0, colon), "organisations");
      }
      at = bar + 1;
    }
  }
  return Status::Ok();
}

Status KbBuilder::AddTitles(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the titles");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string slug;
    for (char c : entities::NameKey(line)) slug += c == ' ' ? '-' : c;
    if (slug.empty()) continue;
    Entity& e = Get("title:" + slug, "title");
    if (e.canonical.empty()) e.canonical = OneLine(line);
    AddName(e, line, "fr", "titles-fr");
  }
  return Status::Ok();
}

Status KbBuilder::AddAdjectives(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the adjectives");
  // The places a French name may mean: countries, then regions, then towns
  // by population, as at lookup.
  std::unordered_map<std::string, size_t> place_of_key;
  auto better = [&](size_t a, size_t b) {
    KbEntity ea{"", entities_[a].kind, "", entities_[a].population, ""};
    KbEntity eb{"", entities_[b].kind, "", entities_[b].population, ""};
    return KnowledgeBase::Weight(ea) > KnowledgeBase::Weight(eb);
  };
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (TypeOfKind(e.kind) != EntityType::kLocation) continue;
    for (const Name& n : e.names) {
      if (e.kind == "city" && n.text != e.canonical) continue;  // enough for French names
      auto [it, fresh] = place_of_key.emplace(entities::NameKey(n.text), i);
      if (!fresh && better(i, it->second)) it->second = i;
    }
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string word = line.substr(0, tab);
    auto place = place_of_key.find(entities::NameKey(line.substr(tab + 1)));
    if (place == place_of_key.end()) continue;
    // The feminine and plural forms, as the identities stage makes them.
    for (const std::string& form : entities::AdjectiveForms(word)) {
      AddName(entities_[place->second], form, "fr", "demonyms-fr");
    }
  }
  return Status::Ok();
}

Status KbBuilder::AddKnowledgeBase(const std::string& path) {
  auto kb = KnowledgeBase::Load(path);
  if (!kb.ok()) return kb.status();
  std::vector<size_t> index((*kb)->entity_count());
  for (size_t i = 0; i < (*kb)->entity_count(); ++i) {
    const KbEntity& e = (*kb)->entity(static_cast<uint32_t>(i));
    Entity& mine = Get(std::string(e.id), e.kind);
    mine.country = std::string(e.country);
    mine.canonical = std::string(e.canonical);
    mine.population = std::max(mine.population, e.population);
    index[i] = by_id_[mine.id];
  }
  (*kb)->ForEachName([&](const KbNameRef& ref) {
    KbName n = (*kb)->Name(ref);
    if (n.via.empty()) AddName(entities_[index[n.entity]], n.name, n.lang, n.source);
    // (keys by a scheme are worked out again at write)
  });
  return Status::Ok();
}

Result<KbStats> KbBuilder::Write(const std::string& path,
                                 const std::vector<entities::TransliterationScheme>& schemes) const {
  struct Line {
    std::string key;
    uint32_t entity;
    const Name* name;
    const std::string* via;
  };
  static const std::string kOwn;
  // Keys on all cores: ICU's transliterator and the iuliia schemes cost
  // some microseconds a name, and there are over a million names.
  std::vector<std::vector<Line>> lines_of(entities_.size());
  oneapi::tbb::parallel_for(size_t{0}, entities_.size(), [&](size_t i) {
    for (const Name& n : entities_[i].names) {
      std::string key = entities::NameKey(n.text);
      if (key.empty()) continue;
      std::vector<std::string> seen = {key};
      lines_of[i].push_back({std::move(key), static_cast<uint32_t>(i), &n, &kOwn});
      if (!HasCyrillic(n.text)) continue;
      for (const entities::TransliterationScheme& scheme : schemes) {
        std::string other = entities::NameKey(scheme.Transliterate(n.text));
        if (other.empty() || std::find(seen.begin(), seen.end(), other) != seen.end()) continue;
        seen.push_back(other);
        lines_of[i].push_back({std::move(other), static_cast<uint32_t>(i), &n, &scheme.name()});
      }
    }
  });
  std::vector<Line> lines;
  for (auto& l : lines_of) std::move(l.begin(), l.end(), std::back_inserter(lines));
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.entity != b.entity) return a.entity < b.entity;
    return a.name->text < b.name->text;
  });

  KbStats stats;
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status(StatusCode::kIoError, temporary + ": cannot write");
    out << kKbMagic << '\n' << "K\t" << NameKeyFingerprint() << '\n';
    for (const Entity& e : entities_) {
      out << "E\t" << e.id << '\t' << e.kind << '\t' << e.country << '\t' << e.population << '\t'
          << e.canonical << '\n';
      stats.names += e.names.size();
      if (e.kind == "country") ++stats.countries;
      else if (e.kind == "organisation") ++stats.organisations;
      else if (e.kind == "title") ++stats.titles;
      else if (e.id.starts_with("region:")) ++stats.regions;
      else ++stats.places;
    }
    for (const Line& l : lines) {
      out << "N\t" << l.key << '\t' << l.entity << '\t' << l.name->lang << '\t' << l.name->source
          << '\t' << *l.via << '\t' << l.name->text << '\n';
    }
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return Status(StatusCode::kIoError, temporary + ": write failed (disk full?)");
    }
    stats.bytes = static_cast<uint64_t>(out.tellp());
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    return Status(StatusCode::kIoError, path + ": " + error.message());
  }
  stats.keys = lines.size();
  return stats;
}

}  // namespace veille::kb
