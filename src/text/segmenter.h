// Segmentation: sentences and tokens, ICU underneath and French rules on top.
#ifndef VEILLE_TEXT_SEGMENTER_H_
#define VEILLE_TEXT_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "veille/options.h"
#include "text/word_scanner.h"
#include "veille/pipeline.h"


namespace veille::text {

// Splits every analysable block (title, paragraphs, headings) into sentences
// and tokens. Words follow Unicode's word boundaries on ICU's character data
// (ScanWords; ICU's own iterator for scripts that need a dictionary), and
// sentences Unicode's sentence terminators; French rules do what Unicode
// does not know:
//  - elision: l'état → l' + état, for l d j m n s t c qu jusqu lorsqu
//    puisqu quoiqu (aujourd'hui and presqu'île stay whole);
//  - abbreviations keep their period (M. Mme Dr St etc. av. J.-C.), and a
//    sentence does not end after a title or an initial (M. Dupont, J. Martin);
//  - hyphenated names and inversions are one token (Alma-Ata, a-t-on);
//  - .. and ... are one token; 1 000,5 is one number (a space before exactly
//    three digits groups thousands); 4 et 5 janvier stays four tokens;
//  - a closing » or ” after a sentence's final punctuation belongs to that
//    sentence, and a sentence cannot start in lower case (« Qui ? » dit-il).
// Sentences never cross blocks, and none is longer than
// Options::max_sentence_tokens (text without punctuation is cut).
// Thread-safe.
class Segmenter final : public Stage {
 public:
  static Result<std::unique_ptr<Segmenter>> Create(const Options& options);
  ~Segmenter() override;

  std::string_view name() const override { return "segment"; }
  Status Run(Article& article) const override;

  // Segments `text`; spans are offsets into `text` (both `raw` and `clean`
  // of each token hold the same offsets). For tests and tools.
  void Segment(std::string_view text, std::vector<Sentence>* sentences,
               std::vector<Token>* tokens) const;

 private:
  explicit Segmenter(const Options& options);

  // Appends the block's tokens and sentences (clean offsets, shifted by
  // `base`) to the output vectors.
  void SegmentBlock(std::string_view text, uint32_t base, uint32_t block,
                    std::vector<Sentence>* sentences, std::vector<Token>* tokens) const;

  Options options_;
};

}  // namespace veille::text

#endif  // VEILLE_TEXT_SEGMENTER_H_
