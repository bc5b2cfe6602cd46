// The knowledge base as the analysis reads it: things with a stable id, a
// canonical name, a kind, and every name they are known by, looked up by
// name key (entities/name_key.h). `veille kb build` writes it from real
// sources (kb_builder.h); this side only reads.
//
// The file is text, one record per line, so that it can be read, diffed
// and grepped:
//
//   veille-kb <TAB> 1
//   K <TAB> fingerprint of the name keys (NameKeyFingerprint)
//   E <TAB> id <TAB> kind <TAB> country <TAB> population <TAB> canonical
//   …
//   N <TAB> key <TAB> entity <TAB> lang <TAB> source <TAB> via <TAB> name
//   …
//
// Entities come first; `entity` in a name line is an entity's number, in
// file order. Name lines are sorted by key (bytewise), so a lookup is a
// binary search over lines indexed once at load; `via` is empty for a
// name's own key, or the iuliia scheme whose spelling of a Cyrillic name
// gave this key.
//
// Immutable after loading; thread-safe.
#ifndef VEILLE_KB_KNOWLEDGE_BASE_H_
#define VEILLE_KB_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille::kb {

inline constexpr std::string_view kKbMagic = "veille-kb\t1";

// A digest of the keys NameKey gives a fixed set of names in many scripts
// and conventions. A knowledge base is keyed by the veille that built it;
// another whose keys differ would miss names silently, so it refuses to
// load it instead, and says to build it again.
std::string NameKeyFingerprint();

struct KbEntity {
  std::string_view id;         // "country:KZ", "geonames:1526384", "organisation:csto"
  std::string_view kind;       // country, region, city, place, organisation, title
  std::string_view country;    // ISO 3166-1 alpha-2, or empty
  uint64_t population = 0;     // GeoNames' figure; 0 when unknown
  std::string_view canonical;  // "Kazakhstan", "Almaty"
};

// Where a name line is: its thing, and the line's offset in the file, from
// which the rest is read when wanted (KnowledgeBase::Name).
struct KbNameRef {
  uint32_t entity = 0;
  uint32_t line = 0;
};

// What a name line says.
struct KbName {
  std::string_view key;
  uint32_t entity = 0;
  std::string_view lang;    // "fr", "ru"…; empty when the source does not say
  std::string_view source;  // "iso-codes", "GeoNames", "organisations"…
  std::string_view via;     // the iuliia scheme, or empty
  std::string_view name;    // as the source writes it
};

// The type of entity mention a kind of thing answers: places are LOC,
// organisations ORG; titles answer none.
EntityType TypeOfKind(std::string_view kind);

// The file is mapped into memory, not copied, and indexed by two arrays of
// line offsets: one per thing, and an open-addressing hash table of each
// key's first name line. Some 50 MB for GeoNames' 135,000 places and their
// 800,000 keys, shared by every thread; a lookup is a hash and a probe or
// two (bench/kb_bench.cc).
class KnowledgeBase {
 public:
  static Result<std::unique_ptr<KnowledgeBase>> Load(const std::string& path);
  ~KnowledgeBase();
  KnowledgeBase(const KnowledgeBase&) = delete;
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // The names whose key is `key`, in file order; the second form reuses
  // `out`'s memory (what a hot loop wants).
  std::vector<KbNameRef> LookUpKey(std::string_view key) const;
  void LookUpKey(std::string_view key, std::vector<KbNameRef>& out) const;
  KbName Name(const KbNameRef& ref) const;
  // Every name line, in file order.
  void ForEachName(const std::function<void(const KbNameRef&)>& name) const;

  KbEntity entity(uint32_t number) const;
  size_t entity_count() const { return entities_.size(); }
  size_t name_count() const { return name_count_; }

  // How much a candidate is worth when several things share a name: a
  // country, then an organisation, then places by population, a region
  // (of unknown population) counting as a town of 100,000: Almaty the city
  // before Almaty the ISO subdivision, the Mangistau region before a
  // hamlet of that name.
  static double Weight(const KbEntity& entity);

  // The best thing of type `type` that `key` names, if any: the heaviest
  // (Weight) among those of a kind that answers `type`; of its names with
  // that key, `text` itself if it is one (the evidence is then the very
  // spelling of the article), else one in French, English, or no language.
  std::optional<KbNameRef> Best(std::string_view key, EntityType type,
                                std::string_view text = {}) const;

 private:
  KnowledgeBase() = default;
  std::string_view KeyAt(uint32_t line) const;
  uint32_t EntityAt(uint32_t line) const;

  std::string_view text_;  // the mapped file
  std::vector<uint32_t> entities_;  // offset of each E line
  std::vector<uint32_t> slots_;     // a key's first N line offset + 1; 0: empty
  size_t name_count_ = 0;
  uint32_t names_start_ = 0, names_end_ = 0;  // where the N lines are
};

// The knowledge base of a process: loaded once per path, shared, and kept
// until the process ends.
Result<std::shared_ptr<const KnowledgeBase>> SharedKnowledgeBase(const std::string& path);

}  // namespace veille::kb

#endif  // VEILLE_KB_KNOWLEDGE_BASE_H_
