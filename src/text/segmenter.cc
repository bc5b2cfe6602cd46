#include "text/segmenter.h"

#include <unicode/uchar.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "text/word_scanner.h"

namespace veille::text {
namespace {

// Abbreviations after which a sentence does not end: titles, and words that
// always have something after them (cf. p. av. n°).
constexpr std::string_view kNonFinalAbbreviations[] = {
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me", "Mgr",
    "St", "Ste", "Sts", "Gén", "Gal", "Col", "Cdt", "Lt", "Sgt", "Prof", "Mr",
    "Mrs", "Ms", "cf", "Cf", "p", "pp", "art", "av", "env", "ex", "vol",
    "chap", "fig", "réf", "tél", "bd", "boul", "No", "no", "vs", "Vve"};

// Abbreviations that may also close a sentence ("… et ainsi de suite etc.").
constexpr std::string_view kFinalAbbreviations[] = {
    "etc", "apr", "min", "max", "hab", "Inc", "Ltd", "Co", "Cie", "cie", "Jr",
    "Sr", "jan", "janv", "fév", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "dec", "mill",
    "mds", "Mds", "md", "Md", "Bd", "éd", "coll", "ibid", "op", "cit"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// An abbreviation as written, or capitalised at the start of a sentence
// ("Av. J.-C.", "Cf.").
template <size_t N>
bool IsAbbreviation(const std::string_view (&list)[N], std::string_view word) {
  if (In(list, word)) return true;
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  std::string lowered(word);
  lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
  return In(list, lowered);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

UChar32 CodePointAt(std::string_view s, uint32_t i) {
  UChar32 c;
  int32_t n = static_cast<int32_t>(s.size());
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, n, c);
  return c;
}

// Closing quotes and brackets. » ” › ) ] close whatever the spacing (French
// puts a space before »); " and ' close only when written against the
// preceding token, since they open quotes just as well.
bool IsClosing(UChar32 c, bool attached) {
  if (c == 0x00BB || c == 0x201D || c == 0x203A || c == ')' || c == ']') return true;
  return attached && (c == '"' || c == '\'');
}

bool IsSingleInitial(std::string_view word) {
  UChar32 c = CodePointAt(word, 0);
  return U8_LENGTH(c) == static_cast<int32_t>(word.size()) && u_isupper(c);
}

// True for a token after which a sentence may end.
bool EndsSentence(std::string_view token, TokenKind kind) {
  if (kind == TokenKind::kAbbreviation) {
    // Only abbreviations that can close a sentence: "etc.", "J.-C.", "O.N.U.".
    std::string_view word = token.substr(0, token.size() - 1);
    return !IsAbbreviation(kNonFinalAbbreviations, word) && !IsSingleInitial(word);
  }
  if (kind != TokenKind::kPunctuation) return false;
  UChar32 c = CodePointAt(token, 0);
  return c == '.' || c == 0x2026 || u_hasBinaryProperty(c, UCHAR_S_TERM);
}

// True when the token at `index`, or the first word after opening
// punctuation from there, starts in lower case.
bool StartsLowercase(std::string_view text, const std::vector<Piece>& pieces,
                     size_t index) {
  for (size_t i = index; i < pieces.size() && i < index + 4; ++i) {
    UChar32 c = CodePointAt(text, pieces[i].start);
    if (pieces[i].kind != TokenKind::kPunctuation) return u_islower(c);
    if (c == ',' || c == ';' || c == ':') return true;  // the clause goes on
  }
  return false;
}

// A word written with inner periods between single letters: "U.S", "O.N.U".
bool IsDottedAcronym(std::string_view word) {
  if (word.size() < 3) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    bool letter_slot = i % 2 == 0;
    if (letter_slot != (word[i] != '.')) return false;
  }
  return word.size() % 2 == 1;
}

bool Is(std::string_view text, const Piece& p, std::string_view what) {
  return text.substr(p.start, p.end - p.start) == what;
}

// Abbreviations and initials keep their period (M. Mme. J. etc. O.N.U.);
// ".." and "..." become one token.
std::vector<Piece> MergeAbbreviations(std::string_view text, const std::vector<Piece>& in) {
  std::vector<Piece> out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    Piece p = in[i];
    bool period_next = i + 1 < in.size() && in[i + 1].start == p.end && Is(text, in[i + 1], ".");
    if (p.kind == TokenKind::kWord && period_next) {
      std::string_view word = text.substr(p.start, p.end - p.start);
      if (IsAbbreviation(kNonFinalAbbreviations, word) ||
          IsAbbreviation(kFinalAbbreviations, word) || IsSingleInitial(word) ||
          IsDottedAcronym(word)) {
        p.end = in[++i].end;
        p.kind = TokenKind::kAbbreviation;
      }
    } else if (Is(text, p, ".") && !out.empty() && out.back().end == p.start &&
               text.substr(out.back().start, out.back().end - out.back().start)
                       .find_first_not_of('.') == std::string_view::npos) {
      out.back().end = p.end;
      continue;
    }
    out.push_back(p);
  }
  return out;
}

// Words joined by hyphens are one token: Alma-Ata, a-t-on, COVID-19, J.-C.
std::vector<Piece> MergeHyphenCompounds(std::string_view text, const std::vector<Piece>& in) {
  auto joinable = [](TokenKind k) {
    return k == TokenKind::kWord || k == TokenKind::kNumber || k == TokenKind::kAbbreviation;
  };
  // True when in[j] "-" in[j+2] are written together.
  auto hyphen_after = [&](size_t j) {
    return j + 2 < in.size() && in[j + 1].start == in[j].end && Is(text, in[j + 1], "-") &&
           in[j + 2].start == in[j + 1].end && joinable(in[j + 2].kind);
  };
  std::vector<Piece> out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    Piece merged = in[i];
    if (joinable(merged.kind)) {
      while (hyphen_after(i)) {
        merged.end = in[i + 2].end;
        if (in[i + 2].kind == TokenKind::kAbbreviation) {
          merged.kind = TokenKind::kAbbreviation;
        } else if (merged.kind == TokenKind::kNumber) {
          merged.kind = TokenKind::kWord;  // COVID-19 is a word, 19-20 too
        }
        i += 2;
      }
    }
    out.push_back(merged);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Thousands groups: "1 000 000,5" is one number. A group joins the number
// before it when a single space separates them, it starts with exactly three
// digits, and the number before is 1 to 3 digits or already grouped; so
// "en 2021 500 personnes" stays two numbers.
std::vector<Piece> MergeThousands(std::string_view text, const std::vector<Piece>& in) {
  std::vector<Piece> out;
  out.reserve(in.size());
  for (const Piece& p : in) {
    if (p.kind == TokenKind::kNumber && !out.empty() &&
        out.back().kind == TokenKind::kNumber && p.start == out.back().end + 1 &&
        text[out.back().end] == ' ') {
      std::string_view group = text.substr(p.start, p.end - p.start);
      std::string_view previous = text.substr(out.back().start, out.back().end - out.back().start);
      size_t digits = std::min(group.find_first_not_of("0123456789"), group.size());
      size_t last_space = previous.find_last_of(' ');
      bool previous_grouped = last_space != std::string_view::npos
                                  ? previous.size() - last_space - 1 == 3
                                  : previous.size() <= 3 && AllDigits(previous);
      if (digits == 3 && previous_grouped) {
        out.back().end = p.end;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

// Elision: l'état → l' + état, qu'il → qu' + il; "l" and "'" written apart
// become l'. Only elided words (IsElision) split: aujourd'hui stays.
std::vector<Piece> SplitElisions(std::string_view text, const std::vector<Piece>& in) {
  std::vector<Piece> out;
  out.reserve(in.size() + in.size() / 8);
  for (size_t i = 0; i < in.size(); ++i) {
    Piece p = in[i];
    if (p.kind == TokenKind::kWord) {
      if (i + 1 < in.size() && in[i + 1].start == p.end && Is(text, in[i + 1], "'") &&
          IsElision(Lower(text.substr(p.start, p.end - p.start)))) {
        out.push_back({p.start, in[++i].end, TokenKind::kElision});
        continue;
      }
      for (;;) {  // jusqu'aujourd'hui → jusqu' + aujourd'hui
        std::string_view word = text.substr(p.start, p.end - p.start);
        size_t apostrophe = word.find('\'');
        if (apostrophe == std::string_view::npos || apostrophe + 1 >= word.size() ||
            !IsElision(Lower(word.substr(0, apostrophe)))) {
          break;
        }
        uint32_t cut = p.start + static_cast<uint32_t>(apostrophe) + 1;
        out.push_back({p.start, cut, TokenKind::kElision});
        p.start = cut;
      }
    }
    out.push_back(p);
  }
  return out;
}

}  // namespace

Segmenter::Segmenter(const Options& options) : options_(options) {}

Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const Options& options) {
  if (options.max_sentence_tokens == 0) {
    return Status(StatusCode::kInvalidArgument, "max_sentence_tokens must be > 0");
  }
  return std::unique_ptr<Segmenter>(new Segmenter(options));
}

void Segmenter::SegmentBlock(std::string_view text, uint32_t base, uint32_t block,
                             std::vector<Sentence>* sentences,
                             std::vector<Token>* tokens) const {
  auto view = [&](uint32_t a, uint32_t b) { return text.substr(a, b - a); };

  // 1. Unicode words; spaces dropped.
  std::vector<Piece> pieces;
  Words(text, &pieces);
  // 2. French rules, each one pass over the tokens. Elisions first, so that
  // the word after l' is judged on its own (l'O.N.U. → l' + O.N.U.).
  pieces = SplitElisions(text, pieces);
  pieces = MergeAbbreviations(text, pieces);
  pieces = MergeHyphenCompounds(text, pieces);
  pieces = MergeThousands(text, pieces);

  // 3. Sentences, over the tokens. A sentence ends after . ! ? … or any
  // other sentence terminator of Unicode (。 ؟ ।), or after an abbreviation
  // that may close one (etc.), together with the closing quotes and brackets
  // that follow; but not when the next word starts in lower case
  // (« Qui ? » demanda-t-il ; J.-C. fin), and never after a title or an
  // initial (M. Dupont, J. Martin), whose tokens are not terminators.
  struct Range {
    size_t first;
    size_t last;  // exclusive
  };
  std::vector<Range> ranges;
  size_t first = 0;
  for (size_t t = 0; t < pieces.size(); ++t) {
    if (!EndsSentence(view(pieces[t].start, pieces[t].end), pieces[t].kind)) continue;
    size_t next = t + 1;
    while (next < pieces.size() && pieces[next].kind == TokenKind::kPunctuation &&
           (IsClosing(CodePointAt(text, pieces[next].start),
                      pieces[next].start == pieces[next - 1].end) ||
            EndsSentence(view(pieces[next].start, pieces[next].end), pieces[next].kind))) {
      ++next;  // » ” ) and ?! runs stay with the sentence they close
    }
    if (next < pieces.size() && StartsLowercase(text, pieces, next)) {
      t = next - 1;
      continue;
    }
    // An abbreviation before a number goes on: "le 7 oct. 2018", "sept. 2014".
    if (pieces[t].kind == TokenKind::kAbbreviation && next == t + 1 && next < pieces.size() &&
        pieces[next].kind == TokenKind::kNumber) {
      continue;
    }
    ranges.push_back({first, next});
    first = next;
    t = next - 1;
  }
  if (first < pieces.size()) ranges.push_back({first, pieces.size()});

  // 4. Emit, cutting sentences over the token budget.
  for (const Range& r : ranges) {
    for (size_t first = r.first; first < r.last; first += options_.max_sentence_tokens) {
      size_t last = std::min<size_t>(r.last, first + options_.max_sentence_tokens);
      Sentence s;
      s.clean = {base + pieces[first].start, base + pieces[last - 1].end};
      s.raw = s.clean;
      s.block = block;
      s.first_token = static_cast<uint32_t>(tokens->size());
      s.token_count = static_cast<uint32_t>(last - first);
      for (size_t t = first; t < last; ++t) {
        Span span{base + pieces[t].start, base + pieces[t].end};
        tokens->push_back({span, span, pieces[t].kind});
      }
      sentences->push_back(s);
    }
  }
}

void Segmenter::Segment(std::string_view text, std::vector<Sentence>* sentences,
                        std::vector<Token>* tokens) const {
  SegmentBlock(text, 0, 0, sentences, tokens);
}

Status Segmenter::Run(Article& article) const {
  for (uint32_t b = 0; b < article.blocks.size(); ++b) {
    const Block& block = article.blocks[b];
    if (block.kind == BlockKind::kBoilerplate) continue;
    size_t first_sentence = article.sentences.size();
    size_t first_token = article.tokens.size();
    SegmentBlock(article.clean.View(block.clean), block.clean.start, b,
                 &article.sentences, &article.tokens);
    for (size_t s = first_sentence; s < article.sentences.size(); ++s) {
      article.sentences[s].raw = article.clean.ToRaw(article.sentences[s].clean);
    }
    for (size_t t = first_token; t < article.tokens.size(); ++t) {
      article.tokens[t].raw = article.clean.ToRaw(article.tokens[t].clean);
    }
  }
  return Status::Ok();
}

}  // namespace veille::text
