#include "quotes/reporting_verbs.h"

#include <fstream>

#ifndef VEILLE_MODEL_DIR
#define VEILLE_MODEL_DIR "."
#endif

namespace veille::quotes {
namespace {

// Subject pronouns a verb takes after it, joined by hyphens, longest first.
constexpr std::string_view kInverted[] = {"-t-elles", "-t-elle", "-t-ils", "-t-il", "-t-on",
                                          "-elles",   "-elle",   "-ils",   "-il",   "-on",
                                          "-je",      "-tu",     "-nous",  "-vous"};

}  // namespace

std::string_view WithoutInvertedSubject(std::string_view word) {
  if (word.find('-') == std::string_view::npos) return word;
  for (std::string_view pronoun : kInverted) {
    if (word.size() > pronoun.size() && word.ends_with(pronoun)) {
      return word.substr(0, word.size() - pronoun.size());
    }
  }
  return word;
}

bool HasInvertedSubject(std::string_view word) {
  return WithoutInvertedSubject(word).size() != word.size();
}

std::string ReportingVerbs::DefaultPath() {
  return std::string(VEILLE_MODEL_DIR) + "/../lexicons/reporting-verbs-fr.tsv";
}

Result<ReportingVerbs> ReportingVerbs::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the reporting verbs");
  ReportingVerbs verbs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
    if (tab == std::string::npos || tab2 == std::string::npos) {
      return Status(StatusCode::kInvalidArgument, path + ": a line without form, lemma and flags");
    }
    std::string_view flags = std::string_view(line).substr(tab2 + 1);
    ReportingVerb verb{line.substr(tab + 1, tab2 - tab - 1), flags.find('s') != flags.npos,
                       flags.find('q') != flags.npos, flags.find('w') != flags.npos};
    // A form of two verbs ("lance", "lancer"?) keeps the first, strongest
    // reading: the file lists each form's lemmas in order.
    std::string form = line.substr(0, tab);
    // The spelling of 1990 drops the circumflex on i and u: "reconnait"
    // for "reconnaît".
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"î", "i"}, {"û", "u"}}) {
      std::string plain = form;
      for (size_t at; (at = plain.find(from)) != std::string::npos;) plain.replace(at, from.size(), to);
      if (plain != form) verbs.forms_.emplace(plain, verb);
    }
    verbs.forms_.emplace(std::move(form), std::move(verb));
  }
  if (verbs.forms_.empty()) return Status(StatusCode::kInvalidArgument, path + ": no verbs");
  for (const auto& [form, verb] : verbs.forms_) {
    uint64_t low = Hash()(form) & 0xFFFF;
    verbs.filter_[low >> 6] |= uint64_t{1} << (low & 63);
  }
  return verbs;
}

const ReportingVerb* ReportingVerbs::Find(std::string_view word) const {
  std::string_view form = WithoutInvertedSubject(word);
  size_t hash = Hash()(form);
  uint64_t low = hash & 0xFFFF;
  if ((filter_[low >> 6] >> (low & 63) & 1) == 0) return nullptr;
  auto found = forms_.find(form);
  return found == forms_.end() ? nullptr : &found->second;
}

}  // namespace veille::quotes
