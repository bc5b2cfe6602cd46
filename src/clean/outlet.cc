#include "clean/outlet.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace veille::clean {
namespace {

struct KnownOutlet {
  const char* name;
  const char* domains;  // space-separated registrable domains
};

// Outlets our users watch most: French-language national and international
// media, and the state-affiliated outlets that republish each other. Unknown
// outlets still get a name: their domain.
constexpr KnownOutlet kKnownOutlets[] = {
    {"News-Front", "news-front.info news-front.su news-front.org"},
    {"RT France", "francais.rt.com rtfrance.tv"},
    {"RT", "rt.com"},
    {"Sputnik", "sputniknews.com sputniknews.africa sputniknews.fr fr.sputniknews.com"},
    {"TASS", "tass.ru tass.com"},
    {"RIA Novosti", "ria.ru"},
    {"BelTA", "belta.by"},
    {"Le Monde", "lemonde.fr"},
    {"Le Figaro", "lefigaro.fr"},
    {"Libération", "liberation.fr"},
    {"franceinfo", "francetvinfo.fr"},
    {"France 24", "france24.com"},
    {"RFI", "rfi.fr"},
    {"TV5Monde", "tv5monde.com"},
    {"Euronews", "euronews.com"},
    {"Les Échos", "lesechos.fr"},
    {"Le Parisien", "leparisien.fr"},
    {"20 Minutes", "20minutes.fr"},
    {"Ouest-France", "ouest-france.fr"},
    {"Mediapart", "mediapart.fr"},
    {"L'Express", "lexpress.fr"},
    {"Le Point", "lepoint.fr"},
    {"L'Obs", "nouvelobs.com"},
    {"La Croix", "la-croix.com"},
    {"L'Humanité", "humanite.fr"},
    {"Marianne", "marianne.net"},
    {"Valeurs actuelles", "valeursactuelles.com"},
    {"BFMTV", "bfmtv.com"},
    {"Le Soir", "lesoir.be"},
    {"RTBF", "rtbf.be"},
    {"Le Temps", "letemps.ch"},
    {"RTS", "rts.ch"},
    {"Le Devoir", "ledevoir.com"},
    {"La Presse", "lapresse.ca"},
    {"Radio-Canada", "radio-canada.ca"},
    {"Jeune Afrique", "jeuneafrique.com"},
    {"AFP", "afp.com"},
    {"Reuters", "reuters.com"},
    {"BBC", "bbc.com bbc.co.uk"},
    {"Wikinews", "wikinews.org"},
};

// Second-level labels under which a registrable domain takes three labels
// ("example.co.uk"): the common public-suffix cases, not the whole list.
bool IsGenericSecondLevel(std::string_view label) {
  static constexpr std::string_view kLabels[] = {"co", "com", "org", "net",
                                                 "gov", "ac", "edu", "gouv"};
  return std::find(std::begin(kLabels), std::end(kLabels), label) !=
         std::end(kLabels);
}

std::string RegistrableDomain(std::string_view host) {
  std::vector<std::string_view> labels;
  size_t pos = 0;
  while (pos <= host.size()) {
    size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) dot = host.size();
    labels.push_back(host.substr(pos, dot - pos));
    pos = dot + 1;
  }
  size_t keep = 2;
  if (labels.size() >= 3 && labels.back().size() == 2 &&
      IsGenericSecondLevel(labels[labels.size() - 2])) {
    keep = 3;
  }
  if (labels.size() <= keep) return std::string(host);
  size_t start = 0;
  for (size_t i = 0; i < labels.size() - keep; ++i) start += labels[i].size() + 1;
  return std::string(host.substr(start));
}

bool DomainListHas(std::string_view list, std::string_view domain) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t space = list.find(' ', pos);
    if (space == std::string_view::npos) space = list.size();
    if (list.substr(pos, space - pos) == domain) return true;
    pos = space + 1;
  }
  return false;
}

std::string FoldForCompare(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// Footer phrasings that name the outlet; group 1 is the name.
constexpr const char* kFooterPatterns[] = {
    R"((?i)^[^\pL\pN]*(?:rejoignez|suivez|retrouvez)\s+(?:-?nous\s+)?(?:l'actualité de |la chaîne |le compte de |la page de )?(.{2,60}?)\s+sur\s)",
    R"((?i)^[^\pL\pN]*abonnez-vous\s+(?:à|au|aux)\s+(.{2,60}?)\s*(?:sur\s|[.!:]|$))",
    R"((?i)^[^\pL\pN]*(?:follow|join)\s+(.{2,60}?)\s+on\s)",
    R"((?i)^[^\pL\pN]*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.{2,60}?)\s*(?:[.,|]|tous droits|all rights|$))",
};

bool IsPronoun(std::string_view name) {
  std::string folded = FoldForCompare(name);
  return folded == "nous" || folded == "us" || folded == "me" ||
         folded == "moi" || folded == "vous" || folded == "lactualité" ||
         folded == "notre" || folded == "nos";
}

std::string Trim(std::string_view s) {
  static constexpr std::string_view kQuotes = " \"'«»“”‹›:";
  // Multi-byte quotes are trimmed byte-wise: safe, since their bytes are all
  // ≥ 0x80 and only match themselves at the ends of the name.
  size_t a = 0, b = s.size();
  while (a < b && kQuotes.find(s[a]) != std::string_view::npos) ++a;
  while (b > a && kQuotes.find(s[b - 1]) != std::string_view::npos) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

std::string HostOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  if (scheme == std::string_view::npos && url.rfind("//", 0) == 0) rest = url.substr(2);
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority = authority.substr(at + 1);
  size_t colon = authority.find(':');
  authority = authority.substr(0, colon);
  std::string host;
  for (unsigned char c : authority) host += static_cast<char>(std::tolower(c));
  while (!host.empty() && host.back() == '.') host.pop_back();
  for (std::string_view prefix : {"www.", "www2.", "m.", "amp.", "mobile."}) {
    if (host.rfind(prefix, 0) == 0 && host.size() > prefix.size() + 3) {
      host.erase(0, prefix.size());
      break;
    }
  }
  if (host.find('.') == std::string::npos) return {};
  return host;
}

std::string OutletForHost(std::string_view host) {
  std::string domain = RegistrableDomain(host);
  for (const KnownOutlet& outlet : kKnownOutlets) {
    // The full host first ("francais.rt.com" is RT France, "rt.com" RT).
    if (DomainListHas(outlet.domains, host)) return outlet.name;
  }
  for (const KnownOutlet& outlet : kKnownOutlets) {
    if (DomainListHas(outlet.domains, domain)) return outlet.name;
  }
  return domain;
}

std::string CanonicalOutletName(std::string_view name) {
  std::string folded = FoldForCompare(name);
  for (const KnownOutlet& outlet : kKnownOutlets) {
    if (FoldForCompare(outlet.name) == folded) return outlet.name;
  }
  return std::string(name);
}

OutletRecognizer::OutletRecognizer(std::vector<std::unique_ptr<re2::RE2>> footers)
    : footers_(std::move(footers)) {}
OutletRecognizer::~OutletRecognizer() = default;

Result<std::unique_ptr<OutletRecognizer>> OutletRecognizer::Create() {
  std::vector<std::unique_ptr<re2::RE2>> footers;
  for (const char* pattern : kFooterPatterns) {
    auto re = std::make_unique<re2::RE2>(pattern);
    if (!re->ok()) {
      return Status(StatusCode::kInternal, "outlet pattern: " + re->error());
    }
    footers.push_back(std::move(re));
  }
  return std::unique_ptr<OutletRecognizer>(new OutletRecognizer(std::move(footers)));
}

std::optional<std::string> OutletRecognizer::FromFooter(std::string_view line) const {
  for (const auto& re : footers_) {
    std::string name;
    if (re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *re, &name)) {
      name = Trim(name);
      if (name.size() >= 2 && !IsPronoun(name)) return CanonicalOutletName(name);
    }
  }
  return std::nullopt;
}

Status OutletRecognizer::Run(Article& article) const {
  if (article.source.outlet && !article.source.outlet->empty()) {
    article.outlet = Outlet{CanonicalOutletName(*article.source.outlet), "input"};
    return Status::Ok();
  }
  if (article.source.url) {
    std::string host = HostOfUrl(*article.source.url);
    if (!host.empty()) {
      article.outlet = Outlet{OutletForHost(host), "url"};
      return Status::Ok();
    }
  }
  // The last footer wins: promotional lines close the article.
  for (auto it = article.blocks.rbegin(); it != article.blocks.rend(); ++it) {
    if (it->kind != BlockKind::kBoilerplate) continue;
    if (auto name = FromFooter(article.clean.View(it->clean))) {
      article.outlet = Outlet{*name, "footer"};
      break;
    }
  }
  return Status::Ok();
}

}  // namespace veille::clean
