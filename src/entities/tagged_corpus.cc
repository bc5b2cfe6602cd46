#include "entities/tagged_corpus.h"

#include <iterator>
#include <limits>
#include <memory>
#include <utility>

#include "ingest/byte_source.h"

namespace veille::entities {
namespace {

// The lines of a text without their line endings ("\n" or "\r\n"), with
// their 1-based numbers for error messages.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : rest_(text) {}

  // False once the text is used up.
  bool Next(std::string_view& line) {
    if (rest_.empty()) return false;
    size_t newline = rest_.find('\n');
    if (newline == std::string_view::npos) {
      line = rest_;
      rest_ = {};
    } else {
      line = rest_.substr(0, newline);
      rest_.remove_prefix(newline + 1);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number_;
    return true;
  }

  uint64_t number() const { return number_; }

 private:
  std::string_view rest_;
  uint64_t number_ = 0;
};

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

void SplitTabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  for (;;) {
    size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return;
    line.remove_prefix(tab + 1);
  }
}

// Fields separated by runs of spaces and tabs; leading and trailing ones are
// ignored, so "Paris I-LOC " is two fields.
void SplitBlanks(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  size_t start = line.find_first_not_of(" \t");
  while (start != std::string_view::npos) {
    size_t stop = line.find_first_of(" \t", start);
    fields.push_back(line.substr(start, stop - start));
    if (stop == std::string_view::npos) return;
    start = line.find_first_not_of(" \t", stop);
  }
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

struct Tag {
  bool begins = false;               // B-X rather than I-X
  std::optional<EntityType> type;    // none for O and for unknown types
};

// False when `text` is not "O", "B-TYPE" or "I-TYPE".
bool DecodeTag(std::string_view text, Tag& tag) {
  tag = Tag{};
  if (text == "O") return true;
  if (text.size() < 3 || text[1] != '-' || (text[0] != 'B' && text[0] != 'I')) return false;
  tag.begins = text[0] == 'B';
  tag.type = EntityTypeFromTag(text.substr(2));
  return true;
}

Status LineError(std::string_view name, uint64_t line, std::string message) {
  return Status(StatusCode::kInvalidValue,
                std::string(name) + ":" + std::to_string(line) + ": " + std::move(message));
}

Status WrongColumnCount(std::string_view name, uint64_t line, size_t expected,
                        size_t found, std::string_view what) {
  return LineError(name, line,
                   "expected " + std::to_string(expected) + " columns (" +
                       std::string(what) + "), found " + std::to_string(found));
}

Status BadTag(std::string_view name, uint64_t line, std::string_view tag) {
  return LineError(name, line,
                   "tag `" + std::string(tag) + "` is not O, B-TYPE or I-TYPE");
}

// Builds the sentences token by token: the tag rule, the sure and guessed
// sentence ends and the token budget of ReadTaggedCorpus.
class SentenceBuilder {
 public:
  explicit SentenceBuilder(std::vector<TaggedSentence>& out) : out_(out) {}

  void Add(std::string_view token, const Tag& tag, std::string_view link = {}) {
    bool continues = !tag.begins && tag.type.has_value() && tag.type == open_;
    if (end_guessed_) {
      end_guessed_ = false;
      if (!continues) EndSentence();
    }
    if (current_.tokens.size() >= kMaxSentenceTokens) {
      if (continues && current_.mentions.back().first > 0) {
        CarryOpenMentionToNextSentence();
      } else {
        EndSentence();
        continues = false;
      }
    }
    auto index = static_cast<uint32_t>(current_.tokens.size());
    current_.tokens.emplace_back(token);
    if (continues) {
      current_.mentions.back().end = index + 1;
    } else if (tag.type) {
      current_.mentions.push_back(Mention{index, index + 1, *tag.type, std::string(link)});
    }
    open_ = tag.type;
  }

  // A sure end: a blank line, a new document, the end of the text.
  void EndSentence() {
    if (!current_.tokens.empty()) {
      current_.document = documents_marked_ ? document_ : static_cast<uint32_t>(out_.size());
      out_.push_back(std::move(current_));
    }
    current_ = TaggedSentence{};
    open_.reset();
    end_guessed_ = false;
  }

  // A new document begins (HIPE's document_id lines).
  void NewDocument() {
    EndSentence();
    if (documents_marked_) ++document_;
    documents_marked_ = true;
  }

  // A guessed end, taken before the next token unless that token continues
  // the mention the last one is in.
  void GuessEndOfSentence() { end_guessed_ = true; }

 private:
  // The budget is reached inside a mention that does not start the sentence:
  // the sentence ends before the mention, which opens the next one.
  void CarryOpenMentionToNextSentence() {
    Mention open = current_.mentions.back();
    current_.mentions.pop_back();
    TaggedSentence next;
    auto from = current_.tokens.begin() + open.first;
    next.tokens.assign(std::make_move_iterator(from),
                       std::make_move_iterator(current_.tokens.end()));
    current_.tokens.erase(from, current_.tokens.end());
    next.mentions.push_back(Mention{0, open.end - open.first, open.type, open.link});
    current_.document = documents_marked_ ? document_ : static_cast<uint32_t>(out_.size());
    out_.push_back(std::move(current_));
    current_ = std::move(next);
  }

  std::vector<TaggedSentence>& out_;
  TaggedSentence current_;
  std::optional<EntityType> open_;  // the type of the mention the last token is in
  bool end_guessed_ = false;
  bool documents_marked_ = false;  // the text marks documents (HIPE)
  uint32_t document_ = 0;
};

bool EndsSentence(std::string_view token) {
  return token == "." || token == "!" || token == "?";
}

// True when a blank line separates two token lines: the file marks its
// sentences, and no end has to be guessed from punctuation.
bool HasSentenceBreaks(std::string_view text) {
  LineCursor lines(text);
  std::string_view line;
  bool seen_token = false, blank_after_token = false;
  while (lines.Next(line)) {
    if (IsBlank(line)) {
      blank_after_token = seen_token;
    } else {
      if (blank_after_token) return true;
      seen_token = true;
    }
  }
  return false;
}

// CoNLL ("idx<TAB>token<TAB>tag") and token-tag ("token tag") files: the
// same reading, with their own way of cutting a line into columns.
Status ParseColumns(std::string_view text, CorpusFormat format, std::string_view name,
                    SentenceBuilder& builder) {
  const bool conll = format == CorpusFormat::kConll;
  const size_t column_count = conll ? 3 : 2;
  const std::string_view columns = conll ? "index, token, tag" : "token, tag";
  const bool guess_ends = !HasSentenceBreaks(text);
  LineCursor lines(text);
  std::string_view line;
  std::vector<std::string_view> fields;
  Tag tag;
  while (lines.Next(line)) {
    if (IsBlank(line)) {
      builder.EndSentence();
      continue;
    }
    if (conll) {
      SplitTabs(line, fields);
    } else {
      SplitBlanks(line, fields);
    }
    if (fields.size() != column_count) {
      return WrongColumnCount(name, lines.number(), column_count, fields.size(), columns);
    }
    std::string_view token = fields[column_count - 2];
    if (token.empty()) return LineError(name, lines.number(), "empty token");
    if (!DecodeTag(fields.back(), tag)) return BadTag(name, lines.number(), fields.back());
    builder.Add(token, tag);
    if (guess_ends && EndsSentence(token)) builder.GuessEndOfSentence();
  }
  return Status::Ok();
}

// The columns of a HIPE file that the reader uses, found by name in its
// header, as the HIPE-2022 files announce their columns there.
struct HipeColumns {
  size_t count = 0;
  size_t coarse_literal = 0;  // NE-COARSE-LIT
  size_t misc = 0;            // MISC: "|"-separated flags
  std::optional<size_t> link;  // NEL-LIT: Wikidata id or NIL
};

std::optional<HipeColumns> ReadHipeHeader(const std::vector<std::string_view>& fields) {
  if (fields.empty() || fields[0] != "TOKEN") return std::nullopt;
  HipeColumns columns;
  columns.count = fields.size();
  bool has_literal = false, has_misc = false;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == "NE-COARSE-LIT") columns.coarse_literal = i, has_literal = true;
    if (fields[i] == "MISC") columns.misc = i, has_misc = true;
    if (fields[i] == "NEL-LIT") columns.link = i;
  }
  if (!has_literal || !has_misc) return std::nullopt;
  return columns;
}

bool HasFlag(std::string_view flags, std::string_view flag) {
  for (;;) {
    size_t bar = flags.find('|');
    if (flags.substr(0, bar) == flag) return true;
    if (bar == std::string_view::npos) return false;
    flags.remove_prefix(bar + 1);
  }
}

Status ParseHipe(std::string_view text, std::string_view name, SentenceBuilder& builder) {
  LineCursor lines(text);
  std::string_view line;
  std::vector<std::string_view> fields;
  std::optional<HipeColumns> columns;
  Tag tag;
  while (lines.Next(line)) {
    if (IsBlank(line)) {
      builder.EndSentence();
      continue;
    }
    // Comment lines have no tab: token lines can start with '#' too (the
    // NewsEye files hold "#mma", a piece of a person's name).
    if (line[0] == '#' && line.find('\t') == std::string_view::npos) {
      if (line.starts_with("# hipe2022:document_id")) builder.NewDocument();
      continue;
    }
    SplitTabs(line, fields);
    if (!columns) {
      columns = ReadHipeHeader(fields);
      if (!columns) {
        return LineError(name, lines.number(),
                         "expected the HIPE header (TOKEN, NE-COARSE-LIT, ..., MISC) "
                         "before the first token");
      }
      continue;
    }
    if (fields.size() != columns->count) {
      return WrongColumnCount(name, lines.number(), columns->count, fields.size(),
                              "as in the header");
    }
    if (fields[0].empty()) return LineError(name, lines.number(), "empty token");
    std::string_view literal = fields[columns->coarse_literal];
    if (!DecodeTag(literal, tag)) return BadTag(name, lines.number(), literal);
    std::string_view link = columns->link ? fields[*columns->link] : std::string_view();
    builder.Add(fields[0], tag, link == "_" ? std::string_view() : link);
    if (HasFlag(fields[columns->misc], "EndOfSentence")) builder.GuessEndOfSentence();
  }
  return Status::Ok();
}

bool IsNumber(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Files saved by some Windows editors start with a byte-order mark, which
// would otherwise become part of the first token.
std::string_view WithoutByteOrderMark(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

}  // namespace

std::optional<EntityType> EntityTypeFromTag(std::string_view type) {
  if (EqualsIgnoringAsciiCase(type, "PER") || EqualsIgnoringAsciiCase(type, "PERS")) {
    return EntityType::kPerson;
  }
  if (EqualsIgnoringAsciiCase(type, "LOC")) return EntityType::kLocation;
  if (EqualsIgnoringAsciiCase(type, "ORG")) return EntityType::kOrganization;
  if (EqualsIgnoringAsciiCase(type, "MISC")) return EntityType::kMisc;
  return std::nullopt;
}

CorpusFormat DetectCorpusFormat(std::string_view text) {
  LineCursor lines(WithoutByteOrderMark(text));
  std::string_view line;
  while (lines.Next(line)) {
    if (IsBlank(line)) continue;
    if (line.starts_with("TOKEN\tNE-COARSE-LIT")) return CorpusFormat::kHipe;
    std::vector<std::string_view> fields;
    SplitTabs(line, fields);
    if (fields.size() == 3 && IsNumber(fields[0])) return CorpusFormat::kConll;
    return CorpusFormat::kTokenTag;
  }
  return CorpusFormat::kTokenTag;
}

Result<std::vector<TaggedSentence>> ParseTaggedCorpus(std::string_view text,
                                                      CorpusFormat format,
                                                      std::string_view name_for_errors) {
  text = WithoutByteOrderMark(text);
  if (format == CorpusFormat::kAuto) format = DetectCorpusFormat(text);
  std::vector<TaggedSentence> sentences;
  SentenceBuilder builder(sentences);
  Status status = format == CorpusFormat::kHipe
                      ? ParseHipe(text, name_for_errors, builder)
                      : ParseColumns(text, format, name_for_errors, builder);
  if (!status.ok()) return status;
  builder.EndSentence();
  return sentences;
}

Result<std::vector<TaggedSentence>> ReadTaggedCorpus(const std::string& path,
                                                     CorpusFormat format) {
  Result<std::unique_ptr<ingest::ByteSource>> source = ingest::OpenFile(path);
  if (!source.ok()) return source.status();
  Result<std::string> bytes =
      ingest::ReadUpTo(**source, std::numeric_limits<size_t>::max());
  if (!bytes.ok()) return bytes.status();
  return ParseTaggedCorpus(*bytes, format, path);
}

}  // namespace veille::entities
