// What the commands about names share (veille entity, veille quotes).
#ifndef VEILLE_TOOLS_NAMES_H_
#define VEILLE_TOOLS_NAMES_H_

#include <optional>
#include <string>

#include "veille/kb.h"
#include "veille/status.h"

namespace veille::tools {

// The last word of a name: a person's surname.
inline std::string LastWord(const std::string& text) {
  size_t space = text.find_last_of(' ');
  return space == std::string::npos ? text : text.substr(space + 1);
}

// What the knowledge base knows a name as, as the analysis takes it: its best
// match that is not a title, if any. `kb` as the --kb flag: "" for the
// default one (none when it is not built), "none" for none.
inline Result<std::optional<KbMatch>> BestKnownThing(const std::string& kb, const std::string& name) {
  if (kb == "none") return std::optional<KbMatch>();
  auto matches = LookUpName(kb.empty() ? DefaultKnowledgeBasePath() : kb, name);
  if (!matches.ok()) {
    if (!kb.empty()) return matches.status();
    return std::optional<KbMatch>();  // the default one is not built: names only
  }
  for (const KbMatch& m : *matches) {
    if (m.kind != "title") return std::optional<KbMatch>(m);
  }
  return std::optional<KbMatch>();
}

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_NAMES_H_
