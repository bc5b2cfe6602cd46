#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "text/word_scanner.h"
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

namespace veille::text {
namespace {

// French elided words, written without their apostrophe, lower case.
constexpr std::string_view kElisions[] = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
    "quoiqu"};

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
    "Sr", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "mill",
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

bool IsClosing(UChar32 c) {
  return c == 0x00BB || c == 0x201D || c == 0x203A || c == ')' || c == ']' ||
         c == '"' || c == 0x2019;
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

}  // namespace

Segmenter::Segmenter(const Options& options, std::unique_ptr<icu::BreakIterator> words)
    : options_(options), words_(std::move(words)) {}

Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const Options& options) {
  if (options.max_sentence_tokens == 0) {
    return Status(StatusCode::kInvalidArgument, "max_sentence_tokens must be > 0");
  }
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("fr"), error));
  if (U_FAILURE(error) || !words) {
    return Status(StatusCode::kInternal,
                  std::string("ICU word break data: ") + u_errorName(error));
  }
  return std::unique_ptr<Segmenter>(new Segmenter(options, std::move(words)));
}

void Segmenter::IcuWords(std::string_view text, std::vector<Piece>* out) const {
  std::unique_ptr<icu::BreakIterator> words(words_->clone());
  UErrorCode error = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(),
                                static_cast<int64_t>(text.size()), &error);
  if (!words || U_FAILURE(error)) {
    utext_close(utext);
    return;
  }
  words->setText(utext, error);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    int32_t status = words->getRuleStatus();
    auto a = static_cast<uint32_t>(start), b = static_cast<uint32_t>(end);
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      out->push_back({a, b, TokenKind::kNumber});
    } else if (status >= UBRK_WORD_LETTER) {
      out->push_back({a, b, TokenKind::kWord});
    } else {
      // Non-word runs: one token per character that is not a space.
      for (uint32_t i = a; i < b;) {
        uint32_t next = i;
        UChar32 c;
        U8_NEXT(text.data(), next, b, c);
        if (!u_isUWhiteSpace(c)) {
          out->push_back({i, next, u_ispunct(c) ? TokenKind::kPunctuation
                                                : TokenKind::kSymbol});
        }
        i = next;
      }
    }
  }
  utext_close(utext);
}

void Segmenter::SegmentBlock(std::string_view text, uint32_t base, uint32_t block,
                             std::vector<Sentence>* sentences,
                             std::vector<Token>* tokens) const {
  auto view = [&](uint32_t a, uint32_t b) { return text.substr(a, b - a); };

  // 1. Unicode words; spaces dropped.
  std::vector<Piece> raw_pieces;
  if (!ScanWords(text, &raw_pieces)) IcuWords(text, &raw_pieces);
  // 2. French rules, in one pass each over the pieces.
  std::vector<Piece> pieces;
  pieces.reserve(raw_pieces.size());
  // 2a. Abbreviations and initials keep their period; ".." and "..." merge.
  for (size_t i = 0; i < raw_pieces.size(); ++i) {
    Piece p = raw_pieces[i];
    bool has_next = i + 1 < raw_pieces.size();
    bool period_next = has_next && raw_pieces[i + 1].start == p.end &&
                       view(raw_pieces[i + 1].start, raw_pieces[i + 1].end) == ".";
    if (p.kind == TokenKind::kWord && period_next) {
      std::string_view word = view(p.start, p.end);
      if (IsAbbreviation(kNonFinalAbbreviations, word) ||
          IsAbbreviation(kFinalAbbreviations, word) || IsSingleInitial(word)) {
        p.end = raw_pieces[++i].end;
        p.kind = TokenKind::kAbbreviation;
      }
    } else if (view(p.start, p.end) == "." && !pieces.empty() &&
               pieces.back().end == p.start &&
               view(pieces.back().start, pieces.back().end).find_first_not_of('.') ==
                   std::string_view::npos) {
      pieces.back().end = p.end;  // ".." or "..."
      continue;
    }
    pieces.push_back(p);
  }
  // 2b. Hyphen and dot compounds: Alma-Ata, a-t-on, COVID-19, J.-C., O.N.U.
  raw_pieces.swap(pieces);
  pieces.clear();
  for (size_t i = 0; i < raw_pieces.size(); ++i) {
    Piece p = raw_pieces[i];
    auto joinable = [](TokenKind k) {
      return k == TokenKind::kWord || k == TokenKind::kNumber ||
             k == TokenKind::kAbbreviation;
    };
    if (!pieces.empty() && joinable(p.kind) && pieces.back().end == p.start &&
        pieces.back().kind == TokenKind::kAbbreviation &&
        p.kind == TokenKind::kAbbreviation) {
      pieces.back().end = p.end;  // O. N. U. written without spaces
      continue;
    }
    if (joinable(p.kind) && i + 2 < raw_pieces.size() &&
        raw_pieces[i + 1].start == p.end &&
        view(raw_pieces[i + 1].start, raw_pieces[i + 1].end) == "-" &&
        raw_pieces[i + 2].start == raw_pieces[i + 1].end &&
        joinable(raw_pieces[i + 2].kind)) {
      // Absorb "-x" runs: word-word-word.
      Piece merged = p;
      size_t j = i;
      while (j + 2 < raw_pieces.size() && raw_pieces[j + 1].start == raw_pieces[j].end &&
             view(raw_pieces[j + 1].start, raw_pieces[j + 1].end) == "-" &&
             raw_pieces[j + 2].start == raw_pieces[j + 1].end &&
             joinable(raw_pieces[j + 2].kind)) {
        merged.end = raw_pieces[j + 2].end;
        if (raw_pieces[j + 2].kind == TokenKind::kAbbreviation) {
          merged.kind = TokenKind::kAbbreviation;
        } else if (merged.kind == TokenKind::kNumber) {
          merged.kind = TokenKind::kWord;
        }
        j += 2;
      }
      if (p.kind == TokenKind::kAbbreviation) merged.kind = TokenKind::kAbbreviation;
      pieces.push_back(merged);
      i = j;
      continue;
    }
    pieces.push_back(p);
  }
  // 2c. Thousands groups: "1 000 000,5" is one number.
  raw_pieces.swap(pieces);
  pieces.clear();
  for (const Piece& p : raw_pieces) {
    if (p.kind == TokenKind::kNumber && !pieces.empty() &&
        pieces.back().kind == TokenKind::kNumber && p.start == pieces.back().end + 1 &&
        text[pieces.back().end] == ' ') {
      std::string_view group = view(p.start, p.end);
      size_t digits = group.find_first_not_of("0123456789");
      std::string_view previous = view(pieces.back().start, pieces.back().end);
      size_t last_group = previous.size() - previous.find_last_of(' ') - 1;
      bool previous_grouped = previous.find(' ') != std::string_view::npos
                                  ? last_group == 3
                                  : previous.size() <= 3 &&
                                        previous.find_first_not_of("0123456789") ==
                                            std::string_view::npos;
      if (digits == 3 || (digits == std::string_view::npos && group.size() == 3)) {
        if (previous_grouped) {
          pieces.back().end = p.end;
          continue;
        }
      }
    }
    pieces.push_back(p);
  }
  // 2d. Elision: l'état → l' + état; "l" + "'" written apart → l'.
  raw_pieces.swap(pieces);
  pieces.clear();
  for (size_t i = 0; i < raw_pieces.size(); ++i) {
    Piece p = raw_pieces[i];
    if (p.kind == TokenKind::kWord) {
      bool apostrophe_next = i + 1 < raw_pieces.size() &&
                             raw_pieces[i + 1].start == p.end &&
                             view(raw_pieces[i + 1].start, raw_pieces[i + 1].end) == "'";
      if (apostrophe_next && In(kElisions, Lower(view(p.start, p.end)))) {
        pieces.push_back({p.start, raw_pieces[i + 1].end, TokenKind::kElision});
        ++i;
        continue;
      }
      // Split leading elisions inside the word (jusqu'aujourd'hui keeps
      // aujourd'hui whole: "aujourd" is not an elision).
      for (;;) {
        std::string_view word = view(p.start, p.end);
        size_t apostrophe = word.find('\'');
        if (apostrophe == std::string_view::npos || apostrophe + 1 >= word.size() ||
            !In(kElisions, Lower(word.substr(0, apostrophe)))) {
          break;
        }
        uint32_t cut = p.start + static_cast<uint32_t>(apostrophe) + 1;
        pieces.push_back({p.start, cut, TokenKind::kElision});
        p.start = cut;
      }
    }
    pieces.push_back(p);
  }

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
           (IsClosing(CodePointAt(text, pieces[next].start)) ||
            EndsSentence(view(pieces[next].start, pieces[next].end), pieces[next].kind))) {
      ++next;  // » ” ) and ?! runs stay with the sentence they close
    }
    if (next < pieces.size() && StartsLowercase(text, pieces, next)) {
      t = next - 1;
      continue;
    }
    ranges.push_back({first, next});
    first = next;
    t = next - 1;
  }
  if (first < pieces.size()) ranges.push_back({first, pieces.size()});
  const std::vector<Range>& fixed = ranges;

  // 4. Emit, cutting sentences over the token budget.
  for (const Range& r : fixed) {
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
