// GNU gettext's compiled catalogues (.mo): Debian's iso-codes package ships
// the names of countries and their subdivisions in some hundred languages
// this way. libintl reads them only through the process locale, one
// language at a time; the knowledge base wants every language at once, so
// the (small, documented) format is read here.
#ifndef VEILLE_KB_MO_FILE_H_
#define VEILLE_KB_MO_FILE_H_

#include <string>
#include <unordered_map>

#include "veille/status.h"

namespace veille::kb {

// Every translation of a catalogue: original → translated. Plural forms
// keep their first form; the header entry (empty original) is left out.
Result<std::unordered_map<std::string, std::string>> ReadMoFile(const std::string& path);

}  // namespace veille::kb

#endif  // VEILLE_KB_MO_FILE_H_
