// Outlet recognition: which news outlet published the article.
#ifndef VEILLE_CLEAN_OUTLET_H_
#define VEILLE_CLEAN_OUTLET_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/pipeline.h"

namespace re2 {
class RE2;
}

namespace veille::clean {

// Names the outlet, from the strongest evidence available:
//  1. "input": the outlet field of a JSON Lines record;
//  2. "url": the domain of the article's URL, named through a table of known
//     outlets (outlet.cc) or, failing that, the registrable domain itself;
//  3. "footer": the name in a boilerplate line that promotes the outlet
//     ("Rejoignez News-Front sur Facebook…", "Suivez X sur…", "© 2022 X").
// Runs after BoilerplateDetector. Thread-safe.
class OutletRecognizer final : public Stage {
 public:
  static Result<std::unique_ptr<OutletRecognizer>> Create();
  ~OutletRecognizer() override;

  std::string_view name() const override { return "outlet"; }
  Status Run(Article& article) const override;

  // The outlet named by one boilerplate line, if any.
  std::optional<std::string> FromFooter(std::string_view line) const;

 private:
  explicit OutletRecognizer(std::vector<std::unique_ptr<re2::RE2>> footers);
  std::vector<std::unique_ptr<re2::RE2>> footers_;
};

// The host of a URL, lower-cased, without "www." and the like; empty when the
// URL has none.
std::string HostOfUrl(std::string_view url);

// The outlet name for a host: a known outlet's name ("lemonde.fr" → "Le
// Monde"), else the registrable domain ("news.example.co.uk" → "example.co.uk").
std::string OutletForHost(std::string_view host);

// A known outlet's usual spelling for a name found in text ("News Front" →
// "News-Front"), or the name as given.
std::string CanonicalOutletName(std::string_view name);

}  // namespace veille::clean

#endif  // VEILLE_CLEAN_OUTLET_H_
