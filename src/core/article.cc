#include "veille/article.h"

#include <algorithm>

namespace veille {

Span CleanText::ToRaw(Span clean) const {
  if (clean.start >= text.size()) return {raw_size, raw_size};
  uint32_t start = raw_start[clean.start];
  if (clean.empty()) return {start, start};
  uint32_t last = std::min<uint32_t>(clean.end, text.size()) - 1;
  return {start, raw_end[last]};
}

uint32_t CleanText::ToClean(uint32_t raw_offset) const {
  auto it = std::lower_bound(raw_start.begin(), raw_start.end(), raw_offset);
  return static_cast<uint32_t>(it - raw_start.begin());
}

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle: return "title";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kBoilerplate: return "boilerplate";
  }
  return "paragraph";
}

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

std::string_view TimeAnchorName(TimeAnchor anchor) {
  switch (anchor) {
    case TimeAnchor::kAbsolute: return "absolute";
    case TimeAnchor::kPublished: return "published";
    case TimeAnchor::kText: return "text";
    case TimeAnchor::kNone: return "none";
  }
  return "none";
}

std::string_view TimeTypeName(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "date";
    case TimeType::kTime: return "time";
    case TimeType::kDuration: return "duration";
    case TimeType::kSet: return "set";
  }
  return "date";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kLocation: return "LOC";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kElision: return "elision";
    case TokenKind::kNumber: return "number";
    case TokenKind::kAbbreviation: return "abbreviation";
    case TokenKind::kPunctuation: return "punctuation";
    case TokenKind::kSymbol: return "symbol";
  }
  return "symbol";
}

bool IsFatal(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidUtf8:   // repaired: replaced or decoded as legacy
    case StatusCode::kInvalidValue:  // one field ignored, the text is fine
      return false;
    default:
      return code != StatusCode::kOk;
  }
}

bool Article::HasFatalError() const {
  return std::any_of(errors.begin(), errors.end(),
                     [](const ArticleError& e) { return IsFatal(e.code); });
}

std::string_view Article::TextOf(Span raw_span) const {
  if (!markup) return RawView(raw_span);
  return clean.View({clean.ToClean(raw_span.start), clean.ToClean(raw_span.end)});
}

}  // namespace veille
