// ParseQuery: the search syntax of veille/query.h.
#include <cctype>
#include <string>

#include "time/publication_date.h"
#include "veille/query.h"

namespace veille {
namespace {

// The longest query accepted: longer ones are not typed by people, and each
// term costs an index lookup.
constexpr size_t kMaxQueryBytes = 4096;
constexpr size_t kMaxClauses = 64;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Query> Parse() {
    if (text_.size() > kMaxQueryBytes) {
      return Error(0, "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    Query query;
    bool pending_or = false;
    size_t or_position = 0;
    while (true) {
      SkipSpaces();
      if (pos_ >= text_.size()) break;
      size_t start = pos_;
      if (IsWordAt("OR")) {
        if (query.clauses.empty() || query.clauses.back().excluded || pending_or) {
          return Error(start, "OR needs a word or phrase before it");
        }
        pos_ += 2;
        pending_or = true;
        or_position = start;
        continue;
      }
      bool excluded = false;
      if (text_[pos_] == '-' && pos_ + 1 < text_.size() && !IsSpace(text_[pos_ + 1])) {
        excluded = true;
        ++pos_;
      }
      // A facet: name:value, for the names we know.
      if (!excluded && !pending_or) {
        if (auto facet = FacetName()) {
          Status status = ParseFacet(*facet, start, query);
          if (!status.ok()) return status;
          continue;
        }
      }
      Result<QueryTerm> term = ParseTerm(start);
      if (!term.ok()) return term.status();
      if (term->text.empty()) continue;  // punctuation alone: nothing to find
      if (pending_or) {
        if (excluded) return Error(start, "an excluded term cannot be part of OR");
        query.clauses.back().any_of.push_back(std::move(*term));
        pending_or = false;
        continue;
      }
      if (query.clauses.size() >= kMaxClauses) {
        return Error(start, "more than " + std::to_string(kMaxClauses) + " terms");
      }
      query.clauses.push_back({{std::move(*term)}, excluded});
    }
    if (pending_or) return Error(or_position, "OR needs a word or phrase after it");
    if (!query.HasText() && !query.clauses.empty()) {
      return Error(0, "a query cannot only exclude: add a word to search for");
    }
    if (query.from && query.to && *query.from > *query.to) {
      return Error(0, "from: is after to:");
    }
    return query;
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  void SkipSpaces() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  // True when `word` stands alone at pos_ (followed by a space or the end).
  bool IsWordAt(std::string_view word) const {
    return text_.substr(pos_, word.size()) == word &&
           (pos_ + word.size() == text_.size() || IsSpace(text_[pos_ + word.size()]));
  }

  std::optional<std::string> FacetName() {
    static constexpr std::string_view kFacets[] = {"outlet", "lang", "from", "to",
                                                   "entity", "speaker", "when"};
    for (std::string_view name : kFacets) {
      if (text_.substr(pos_, name.size()) == name && pos_ + name.size() < text_.size() &&
          text_[pos_ + name.size()] == ':') {
        pos_ += name.size() + 1;
        return std::string(name);
      }
    }
    return std::nullopt;
  }

  // A value: a "quoted string" or everything up to the next space.
  Result<std::string> Value(size_t facet_start) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      size_t open = pos_;
      size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return Error(open, "unclosed quote");
      std::string value(text_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return value;
    }
    size_t start = pos_;
    while (pos_ < text_.size() && !IsSpace(text_[pos_])) ++pos_;
    if (pos_ == start) return Error(facet_start, "the facet has no value");
    return std::string(text_.substr(start, pos_ - start));
  }

  Status ParseFacet(const std::string& name, size_t start, Query& query) {
    Result<std::string> value = Value(start);
    if (!value.ok()) return value.status();
    if (value->empty()) return Error(start, name + ": has an empty value");
    if (name == "entity") {
      query.entities.push_back(*value);
    } else if (name == "speaker") {
      query.speakers.push_back(*value);
    } else if (name == "when") {
      // A year, a month or a day, kept as given: the dates an article
      // talks about are indexed at each of the three.
      if (!Day(*value, false)) {
        return Error(start, "when: expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"" + *value + "\"");
      }
      query.talked_about.push_back(*value);
    } else if (name == "outlet") {
      query.outlets.push_back(*value);
    } else if (name == "lang") {
      query.languages.push_back(*value);
    } else {
      std::optional<std::string> day = Day(*value, name == "to");
      if (!day) {
        return Error(start, name + ": expects a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"" +
                                *value + "\"");
      }
      (name == "from" ? query.from : query.to) = *day;
    }
    return Status::Ok();
  }

  // YYYY, YYYY-MM or YYYY-MM-DD as the first (or, for `to:`, last) day.
  static std::optional<std::string> Day(const std::string& value, bool last) {
    auto digits = [&](size_t from, size_t count) {
      if (value.size() < from + count) return false;
      for (size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(value[i]))) return false;
      }
      return true;
    };
    std::string day;
    if (value.size() == 4 && digits(0, 4)) {
      day = value + (last ? "-12-31" : "-01-01");
    } else if (value.size() == 7 && digits(0, 4) && value[4] == '-' && digits(5, 2)) {
      if (!last) {
        day = value + "-01";
      } else {
        // The last day of the month: the day before the 1st of the next.
        for (const char* d : {"-31", "-30", "-29", "-28"}) {
          if (time::ParseIsoDate(value + d)) {
            day = value + d;
            break;
          }
        }
      }
    } else {
      day = value;
    }
    auto parsed = time::ParseIsoDate(day);
    if (!parsed || parsed->size() != 10) return std::nullopt;
    return parsed;
  }

  Result<QueryTerm> ParseTerm(size_t start) {
    QueryTerm term;
    if (text_[pos_] == '"') {
      size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return Error(pos_, "unclosed quote");
      term.text = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
      term.phrase = true;
      pos_ = close + 1;
      if (term.text.find_first_not_of(" \t") == std::string::npos) {
        return Error(start, "empty phrase");
      }
      return term;
    }
    size_t from = pos_;
    while (pos_ < text_.size() && !IsSpace(text_[pos_]) && text_[pos_] != '"') ++pos_;
    term.text = std::string(text_.substr(from, pos_ - from));
    if (term.text.empty()) return Error(start, "a lone -: nothing to exclude");
    return term;
  }

  // Positions are given in characters, counted from 1, as a person counts.
  Status Error(size_t byte, const std::string& problem) const {
    size_t chars = 1;
    for (size_t i = 0; i < byte && i < text_.size(); ++i) {
      chars += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
    return Status(StatusCode::kInvalidArgument,
                  "at " + std::to_string(chars) + ": " + problem);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

bool Query::HasText() const {
  for (const QueryClause& c : clauses) {
    if (!c.excluded) return true;
  }
  return false;
}

Result<Query> ParseQuery(std::string_view text) { return Parser(text).Parse(); }

}  // namespace veille
