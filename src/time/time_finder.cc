#include "time/time_finder.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "time/time_grammar.h"
#include "time/time_resolver.h"

namespace veille::time {
namespace {

bool IsDash(std::string_view s) { return s == "-" || s == "—" || s == "–" || s == "--"; }

// Places every expression of the article in text order, the story's date
// moving with them.
// The days of a list ("les 4 et 5 janvier") share their anchors: the
// first day does not become the story's date for the second.
std::vector<TimeExpr> Place(const Article& article, const std::vector<TimeMatch>& matches,
                            const std::vector<uint32_t>& blocks, const std::optional<KnownDate>& published,
                            bool estimated) {
  std::vector<TimeExpr> times;
  times.reserve(matches.size());
  Anchors anchors;
  anchors.published = published;
  anchors.published_estimated = estimated;
  uint32_t story_block = 0;
  std::optional<KnownDate> next_story;
  for (size_t i = 0; i < matches.size(); ++i) {
    const TimeMatch& match = matches[i];
    TimeExpr expr;
    expr.clean = {article.tokens[match.begin].clean.start, article.tokens[match.end - 1].clean.end};
    expr.raw = article.clean.ToRaw(expr.clean);
    anchors.story_near = anchors.story && blocks[i] <= story_block + 1;
    Resolve(match.meaning, anchors, expr);
    if (auto date = DateOf(expr)) {
      next_story = date;
      story_block = blocks[i];
    }
    if (!match.in_list || i + 1 == matches.size() || !matches[i + 1].in_list) {
      if (next_story) anchors.story = next_story;
    }
    times.push_back(std::move(expr));
  }
  return times;
}

}  // namespace

Result<std::unique_ptr<TimeFinder>> TimeFinder::Create(const Options& options) {
  if (!options.times) return std::unique_ptr<TimeFinder>();
  return std::unique_ptr<TimeFinder>(new TimeFinder());
}

std::optional<std::string> DatelineDate(const Article& article, const text::LowerTokens& lower) {
  // The first sentence of the first paragraph, or of the second after a
  // standfirst.
  int paragraphs = 0;
  uint32_t last_block = UINT32_MAX;
  for (const Sentence& sentence : article.sentences) {
    if (sentence.block >= article.blocks.size()) return std::nullopt;
    BlockKind kind = article.blocks[sentence.block].kind;
    if (kind == BlockKind::kTitle || kind == BlockKind::kBoilerplate) continue;
    if (kind != BlockKind::kParagraph) return std::nullopt;
    if (sentence.block == last_block) continue;  // only a paragraph's first sentence
    last_block = sentence.block;
    if (++paragraphs > 2) return std::nullopt;
    uint32_t first = sentence.first_token, end = first + sentence.token_count;
    std::vector<TimeMatch> found = FindTimeExpressions(article, lower, first, end);
    if (found.empty() || found[0].begin > first + 3) continue;
    TimeExpr expr;
    Resolve(found[0].meaning, Anchors{}, expr);
    if (expr.anchor != TimeAnchor::kAbsolute || !ParseDay(expr.value) || expr.value.size() != 10) continue;
    // A dash soon after, over punctuation, a place and an agency: "2012. -",
    // "5 janvier 2022 (AFP) -", "21 septembre 2012, France. -".
    uint32_t limit = std::min<uint32_t>(found[0].end + 6, static_cast<uint32_t>(article.tokens.size()));
    for (uint32_t t = found[0].end; t < limit; ++t) {
      if (IsDash(lower[t])) return expr.value;
      TokenKind k = article.tokens[t].kind;
      if (k != TokenKind::kPunctuation && k != TokenKind::kWord && k != TokenKind::kAbbreviation) break;
    }
  }
  return std::nullopt;
}

Status TimeFinder::Run(Article& article) const {
  article.times.clear();
  if (article.tokens.empty() || article.sentences.empty()) return Status::Ok();
  text::LowerTokens lower(article);
  if (!article.published) {
    if (auto date = DatelineDate(article, lower)) {
      article.published = PublicationDate{*date, false, "dateline"};
    }
  }
  std::vector<TimeMatch> matches;
  std::vector<uint32_t> blocks;  // each match's block
  for (const Sentence& sentence : article.sentences) {
    if (sentence.block < article.blocks.size() &&
        article.blocks[sentence.block].kind == BlockKind::kBoilerplate) {
      continue;
    }
    for (TimeMatch& m : FindTimeExpressions(article, lower, sentence.first_token,
                                            sentence.first_token + sentence.token_count)) {
      matches.push_back(std::move(m));
      blocks.push_back(sentence.block);
    }
  }
  std::optional<KnownDate> published;
  if (article.published) {
    if (auto day = ParseDay(article.published->value)) {
      published = KnownDate{*day, Unit::kDay};
      // "2022-01-06T08:30:00Z": the time of writing, for "il y a deux heures".
      const std::string& v = article.published->value;
      if (v.size() >= 16 && v[10] == 'T' && v[13] == ':') {
        int hour = std::atoi(v.substr(11, 2).c_str()), minute = std::atoi(v.substr(14, 2).c_str());
        if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) published->minute_of_day = hour * 60 + minute;
      }
    }
  }
  article.times = Place(article, matches, blocks, published, false);
  if (article.published) return Status::Ok();
  // No date given: the latest day the text names, marked as an estimate;
  // what counts from the date of writing ("hier") is placed again from it.
  std::optional<KnownDate> latest;
  for (const TimeExpr& expr : article.times) {
    auto date = DateOf(expr);
    if (!date || date->granularity != Unit::kDay || expr.value.find('/') != std::string::npos) continue;
    if (!latest || date->day > latest->day) latest = date;
  }
  if (!latest) return Status::Ok();
  article.published = PublicationDate{IsoDay(latest->day), true, "latest date in the text"};
  article.times = Place(article, matches, blocks, latest, true);
  return Status::Ok();
}

}  // namespace veille::time
