#include "clean/boilerplate.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "text/layout.h"

namespace veille::clean {
namespace {

// Longest line the rules judge, in bytes: boilerplate is short, and a long
// paragraph that starts like a footer is still a paragraph.
constexpr size_t kMaxBoilerplateBytes = 400;

// Each rule matches the start of a line, once bullets, arrows and emoji are
// skipped (SkipDecoration). Case is ignored; accented and unaccented spellings are both listed
// because cleaning keeps accents. Sources: the footers, share bars and
// newsletter blocks of French, Belgian, Swiss, Canadian and English-language
// news sites.
constexpr const char* kLinePatterns[] = {
    // Calls to follow, join, subscribe.
    R"(^(rejoignez|suivez|retrouvez)([- ]nous\b| .* sur ))",
    R"(^(abonnez|inscrivez|connectez)[- ]vous\b)",
    R"(^(recevez|téléchargez|telechargez) (notre|nos|gratuitement|l'appli))",
    R"(^(newsletter|lettre d'information)\b)",
    R"(^pour (ne rien manquer|suivre toute l'actualité|recevoir))",
    R"(^(follow|join) (us\b|.* on ))",
    R"(^(subscribe|sign up|sign-up)\b)",
    // Links to other articles.
    R"(^((à|a) )?(lire|voir|écouter|ecouter|regarder) (aussi|également|egalement|encore|la suite|plus)\b)",
    R"(^(lisez|voir) aussi\b)",
    R"(^(sur le même sujet|sur le meme sujet|dans la même rubrique|nos articles)\b)",
    R"(^(read|see) (more|also|next)\b)",
    R"(^related( articles| stories| content)?\s*:?\s*$)",
    R"(^related( articles| stories| content)?\s*:)",
    R"(^(en savoir plus|cliquez ici|click here)\b)",
    // Sharing.
    R"(^(partager|partagez|share)( (sur|cet article|l'article|this|on|via))?\s*[:!]?)",
    // Rights, credits, notices.
    R"(^(©|\(c\) ?\d{4}|copyright\b))",
    R"(^(tous droits réservés|tous droits reserves|all rights reserved)\b)",
    R"(^(publicité|publicite|advertisement|sponsorisé|contenu sponsorisé)\s*$)",
    R"(^(crédit|credit)s? photo)",
    R"(\b(nous utilisons|ce site utilise|we use|this site uses|this website uses) (des )?cookies\b)",
    R"(^(accepter|refuser|gérer) (les |mes )?cookies\b)",
    R"(^(cet article|this article|this story) (a été|est paru|was|has been) (initialement |originally |first )?(publié|paru|published)\b)",
};

// Social networks and messaging services that share lines list.
constexpr const char* kNetworks =
    R"((?i)\b(facebook|twitter|x\.com|telegram|vk|vkontakte|gab|instagram|)"
    R"(youtube|whatsapp|linkedin|tiktok|pinterest|reddit|e-?mail|messenger|)"
    R"(viber|odnoklassniki|rutube|threads|bluesky|mastodon|snapchat|rss)\b)";

// The line without its leading bullets, arrows, emoji and spaces; © stays,
// since it is itself a sign of boilerplate.
std::string_view SkipDecoration(std::string_view line) {
  int32_t i = 0, n = static_cast<int32_t>(line.size());
  while (i < n) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(line.data(), next, n, c);
    if (c < 0 || c == 0x00A9 || u_isalnum(c) || c == '(') break;
    i = next;
  }
  return line.substr(i);
}

size_t CountWords(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

BoilerplateDetector::BoilerplateDetector(std::unique_ptr<re2::RE2::Set> lines,
                                         std::unique_ptr<re2::RE2> networks)
    : lines_(std::move(lines)), networks_(std::move(networks)) {}

BoilerplateDetector::~BoilerplateDetector() = default;

Result<std::unique_ptr<BoilerplateDetector>> BoilerplateDetector::Create() {
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto lines = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
  for (const char* pattern : kLinePatterns) {
    std::string error;
    if (lines->Add(pattern, &error) < 0) {
      return Status(StatusCode::kInternal,
                    "boilerplate pattern " + std::string(pattern) + ": " + error);
    }
  }
  if (!lines->Compile()) {
    return Status(StatusCode::kInternal, "boilerplate patterns do not compile");
  }
  auto networks = std::make_unique<re2::RE2>(kNetworks);
  if (!networks->ok()) {
    return Status(StatusCode::kInternal, "network pattern: " + networks->error());
  }
  return std::unique_ptr<BoilerplateDetector>(
      new BoilerplateDetector(std::move(lines), std::move(networks)));
}

bool BoilerplateDetector::IsBoilerplate(std::string_view line) const {
  if (line.size() > kMaxBoilerplateBytes) return false;
  if (lines_->Match(SkipDecoration(line), nullptr)) return true;
  // A share bar: mostly names of networks ("Facebook Twitter WhatsApp E-mail").
  size_t networks = 0;
  re2::StringPiece input(line.data(), line.size());
  while (networks < 3 && re2::RE2::FindAndConsume(&input, *networks_)) ++networks;
  size_t words = CountWords(line);
  return (networks >= 2 && words <= 12) || (networks >= 3 && words <= 25);
}

Status BoilerplateDetector::Run(Article& article) const {
  for (Block& block : article.blocks) {
    if (block.kind == BlockKind::kTitle) continue;
    if (IsBoilerplate(article.clean.View(block.clean))) {
      block.kind = BlockKind::kBoilerplate;
    }
  }
  DemoteHeadingsWithoutParagraph(article);
  return Status::Ok();
}

void DemoteHeadingsWithoutParagraph(Article& article) {
  for (size_t i = 0; i < article.blocks.size(); ++i) {
    if (article.blocks[i].kind != BlockKind::kHeading) continue;
    size_t next = i + 1;
    while (next < article.blocks.size() &&
           article.blocks[next].kind == BlockKind::kBoilerplate) {
      ++next;
    }
    if (next == article.blocks.size() ||
        article.blocks[next].kind != BlockKind::kParagraph) {
      article.blocks[i].kind = BlockKind::kParagraph;
    }
  }
}

}  // namespace veille::clean
