#include "text/layout.h"

#include <gtest/gtest.h>

#include "text/cleaner.h"

namespace veille::text {
namespace {

// "kind:text" for each block, joined by " | ".
std::string Dump(std::string raw, std::string format = "text",
                 std::optional<std::string> title = std::nullopt) {
  Article article;
  article.raw = std::move(raw);
  article.source.format = std::move(format);
  article.source.title = std::move(title);
  auto cleaner = TextCleaner::Create();
  auto layout = Layout::Create(Options{});
  EXPECT_TRUE((*cleaner)->Run(article).ok());
  EXPECT_TRUE((*layout)->Run(article).ok());
  std::string out;
  for (const Block& b : article.blocks) {
    if (!out.empty()) out += " | ";
    out += std::string(BlockKindName(b.kind)) + ":" + std::string(article.RawView(b.raw));
  }
  return out;
}

TEST(LayoutTest, PlainTextArticle) {
  EXPECT_EQ(Dump("Le titre (Vidéo)\n\nPremier paragraphe.\n\nUn intertitre\n\n"
                 "Deuxième paragraphe.\n"),
            "title:Le titre (Vidéo) | paragraph:Premier paragraphe. | "
            "heading:Un intertitre | paragraph:Deuxième paragraphe.");
}

TEST(LayoutTest, ParagraphsWithoutBlankLines) {
  EXPECT_EQ(Dump("Titre\nUn.\nDeux.\n"),
            "title:Titre | paragraph:Un. | paragraph:Deux.");
}

TEST(LayoutTest, HardWrappedLinesAreJoined) {
  EXPECT_EQ(Dump("Titre\n\nUne phrase coupée\nen deux lignes.\nSuite.\n"),
            "title:Titre | paragraph:Une phrase coupée\nen deux lignes. | "
            "paragraph:Suite.");
}

TEST(LayoutTest, HeadingNeedsAParagraphBeforeAndTextAfter) {
  // A short line right after the title is no heading, nor one at the end.
  EXPECT_EQ(Dump("Titre\n\nPar Jean Dupont\n\nTexte.\n\nFin sans point\n"),
            "title:Titre | paragraph:Par Jean Dupont | paragraph:Texte. | "
            "paragraph:Fin sans point");
  // A line that ends like a sentence is a paragraph.
  EXPECT_EQ(Dump("T\n\nUn.\n\nCourt.\n\nDeux.\n"),
            "title:T | paragraph:Un. | paragraph:Court. | paragraph:Deux.");
}

TEST(LayoutTest, JsonlTextStartsWithBodyUnlessItLooksLikeATitle) {
  EXPECT_EQ(Dump("Une phrase.\n\nUne autre.", "jsonl"),
            "paragraph:Une phrase. | paragraph:Une autre.");
  EXPECT_EQ(Dump("Un titre\n\nUne phrase.", "jsonl"),
            "title:Un titre | paragraph:Une phrase.");
  EXPECT_EQ(Dump("Un titre\n\nUne phrase.", "jsonl", "Titre à part"),
            "paragraph:Un titre | paragraph:Une phrase.");
}

TEST(LayoutTest, LongFirstLineIsNotATitle) {
  std::string line(400, 'a');
  EXPECT_EQ(Dump(line + "\n\nb."), "paragraph:" + line + " | paragraph:b.");
}

TEST(LayoutTest, MediaMarkersInTitles) {
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
  };
  EXPECT_EQ(join(MediaMarkers("Loukachenko s'adresse aux manifestants (Vidéo)")), "video");
  EXPECT_EQ(join(MediaMarkers("Incendie à Paris [PHOTOS] ")), "photo");
  EXPECT_EQ(join(MediaMarkers("Le débat (+ vidéo, photos)")), "video,photo");
  EXPECT_EQ(join(MediaMarkers("Élections (EN DIRECT)")), "live");
  EXPECT_EQ(join(MediaMarkers("Le président (Kazakhstan)")), "");
  EXPECT_EQ(join(MediaMarkers("Une vidéo du président")), "");
  EXPECT_EQ(join(MediaMarkers("")), "");
}

TEST(LayoutTest, EndsLikeSentence) {
  EXPECT_TRUE(EndsLikeSentence("Fin. »"));
  EXPECT_TRUE(EndsLikeSentence("Quoi ?"));
  EXPECT_TRUE(EndsLikeSentence("(voir plus bas.)"));
  EXPECT_FALSE(EndsLikeSentence("Le titre (Vidéo)"));
  EXPECT_FALSE(EndsLikeSentence(""));
}

}  // namespace
}  // namespace veille::text
