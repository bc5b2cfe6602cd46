#include "entities/tagger_model.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace veille::entities {
namespace {

constexpr std::string_view kMagic = "veille-tagger/1\n";
// A model file is a few megabytes; this bounds what a damaged header can
// make Load allocate.
constexpr uint64_t kMaxPayload = 1ull << 30;

template <typename T>
void Put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
bool Take(std::string_view& in, T& value) {
  if (in.size() < sizeof value) return false;
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return true;
}

}  // namespace

TaggerModel::TaggerModel(Gazetteer gazetteer, std::vector<uint64_t> keys, std::vector<float> weights,
                         std::array<float, kTransitions> transitions, std::string description)
    : gazetteer_(std::move(gazetteer)),
      keys_(std::move(keys)),
      weights_(std::move(weights)),
      transitions_(transitions),
      description_(std::move(description)) {
  slots_.assign(std::bit_ceil(keys_.size() * 3 / 2 + 2), Slot{});
  size_t mask = slots_.size() - 1;
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t i = keys_[r] & mask;
    while (slots_[i].used && slots_[i].key != keys_[r]) i = (i + 1) & mask;
    if (slots_[i].used) continue;  // a key twice (a damaged file): the first wins
    slots_[i].used = true;
    slots_[i].key = keys_[r];
    std::copy_n(&weights_[r * kLabels], kLabels, slots_[i].weights);
  }
}

const float* TaggerModel::Weights(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used) return nullptr;
    if (slot.key == key) return slot.weights;
  }
}

void TaggerModel::Tag(std::span<const std::string_view> tokens, TaggerScratch& scratch,
                      std::vector<Mention>& mentions) const {
  ExtractFeatures(tokens, gazetteer_, scratch.features, scratch.sentence);
  size_t n = tokens.size();
  scratch.emissions.assign(n * kLabels, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &scratch.emissions[i * kLabels];
    for (uint64_t f : scratch.sentence.of(i)) {
      const float* w = Weights(f);
      if (w == nullptr) continue;
      for (int y = 0; y < kLabels; ++y) e[y] += w[y];
    }
  }
  BestLabels(scratch.emissions, transitions_, scratch.labels, scratch.scores, scratch.back);
  // A quotation mark inside a name ends it: "la chaîne Telegram »Pool of
  // the First »" names two things, not one.
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = tokens[i];
    bool quote = t == "\"" || t == "«" || t == "»" || t == "“" || t == "”" || t == "‹" || t == "›";
    if (quote) scratch.labels[i] = kOutside;
    if (quote && i + 1 < n && scratch.labels[i + 1] > kEntityTypeCount) {
      scratch.labels[i + 1] -= kEntityTypeCount;  // I-X → B-X
    }
  }
  LabelsToMentions(scratch.labels, mentions);
  // "le général de Gaulle": after a title, the particle belongs to the
  // name, though the model, which saw "Charles de Gaulle", stops after it.
  constexpr GazetteerHits kTitle = 3u << (2 * static_cast<int>(GazetteerList::kTitle));
  for (Mention& m : mentions) {
    if (m.type != EntityType::kPerson || m.first < 2) continue;
    const std::string& particle = scratch.features.texts[m.first - 1].lower;
    bool is_particle = particle == "de" || particle == "d'" || particle == "du" ||
                       particle == "von" || particle == "van" || particle == "del" ||
                       particle == "di" || particle == "da";
    bool free = mentions.empty() || &m == &mentions.front() || (&m - 1)->end < m.first - 1;
    if (is_particle && free && (scratch.features.hits[m.first - 2] & kTitle)) --m.first;
  }
}

uint32_t TaggerModel::TitleStart(std::span<const std::string_view> tokens, const Mention& m,
                                 TaggerScratch& scratch) const {
  if (m.type != EntityType::kPerson || m.first == 0) return m.first;
  constexpr GazetteerHits kBegins = 1u << (2 * static_cast<int>(GazetteerList::kTitle));
  constexpr GazetteerHits kGoesOn = kBegins << 1;
  constexpr uint32_t kMaxTitleTokens = 4;
  // The lists over a window before the name: titles are short.
  uint32_t from = m.first > 2 * kMaxTitleTokens ? m.first - 2 * kMaxTitleTokens : 0;
  std::vector<TokenText>& texts = scratch.features.texts;
  std::vector<GazetteerHits>& hits = scratch.features.hits;
  size_t window = m.first - from;
  if (texts.size() < window) texts.resize(window);
  for (size_t k = 0; k < window; ++k) ReadTokenText(tokens[from + k], texts[k]);
  gazetteer_.Match(std::span<const TokenText>(texts.data(), window), hits);
  uint32_t start = m.first;
  for (size_t k = window; k-- > 0 && window - k <= kMaxTitleTokens;) {
    const TokenText& t = texts[k];
    // "M ." as some corpora cut it: the period belongs to the title.
    if (t.lower == "." && k > 0 && (hits[k - 1] & (kBegins | kGoesOn))) continue;
    // Short titles are titles only with their capital: "Me" but not "me".
    bool title = (hits[k] & (kBegins | kGoesOn)) && (t.characters > 3 || t.capitalised);
    // "le président kazakh Tokaïev": a nationality between title and name.
    constexpr GazetteerHits kNationality =
        1u << (2 * static_cast<int>(GazetteerList::kNationality));
    if (!title && start == m.first && (hits[k] & kNationality) && !t.capitalised) continue;
    if (!title) break;
    if (hits[k] & kBegins) start = static_cast<uint32_t>(from + k);
  }
  return start;
}

Status TaggerModel::Save(const std::string& path) const {
  // Weights as 16-bit integers on one scale: half the size, and the
  // rounding (a 65,536th of the largest weight) changes no decision that
  // matters.
  float largest = 0;
  for (float w : weights_) largest = std::max(largest, std::fabs(w));
  for (float w : transitions_) largest = std::max(largest, std::fabs(w));
  float scale = largest > 0 ? largest / 32767.0f : 1.0f;
  std::string payload;
  Put(payload, static_cast<uint64_t>(description_.size()));
  payload += description_;
  gazetteer_.Serialize(payload);
  for (float t : transitions_) Put(payload, t);
  Put(payload, scale);
  Put(payload, static_cast<uint64_t>(keys_.size()));
  payload.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(uint64_t));
  for (float w : weights_) Put(payload, static_cast<int16_t>(std::lround(w / scale)));

  // With zstd's checksum, so that a damaged file is refused on load rather
  // than read as other weights.
  std::string compressed(ZSTD_compressBound(payload.size()), '\0');
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 19);
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  size_t size = ZSTD_compress2(context, compressed.data(), compressed.size(), payload.data(),
                               payload.size());
  ZSTD_freeCCtx(context);
  if (ZSTD_isError(size)) return Status(StatusCode::kInternal, "compressing the model failed");
  compressed.resize(size);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << kMagic;
  uint64_t payload_size = payload.size();
  out.write(reinterpret_cast<const char*>(&payload_size), sizeof payload_size);
  out << compressed;
  out.close();
  if (!out) return Status(StatusCode::kIoError, path + ": cannot write the model");
  return Status::Ok();
}

Result<std::unique_ptr<TaggerModel>> TaggerModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the tagger model");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string file = buffer.str();
  auto damaged = [&](const char* what) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": not a veille tagger model, or a damaged one (" + what + ")");
  };
  std::string_view view(file);
  if (!view.starts_with(kMagic)) return damaged("no header");
  view.remove_prefix(kMagic.size());
  uint64_t payload_size = 0;
  if (!Take(view, payload_size) || payload_size > kMaxPayload) return damaged("size");
  // The frame must say the same size and carry a checksum; and no model
  // compresses better than this, so a lying header cannot make Load
  // allocate a gigabyte for a few bytes of file.
  constexpr uint64_t kMaxRatio = 64;
  // The checksum flag is bit 2 of the frame header descriptor, the byte
  // after the magic number (RFC 8878, 3.1.1.1.1).
  bool checksum = view.size() > 4 && (static_cast<unsigned char>(view[4]) & 0x04) != 0;
  if (ZSTD_getFrameContentSize(view.data(), view.size()) != payload_size || !checksum ||
      payload_size > view.size() * kMaxRatio) {
    return damaged("compression");
  }
  std::string payload(payload_size, '\0');
  size_t got = ZSTD_decompress(payload.data(), payload.size(), view.data(), view.size());
  if (ZSTD_isError(got) || got != payload_size) return damaged("compression");

  std::string_view p(payload);
  uint64_t description_size = 0;
  if (!Take(p, description_size) || description_size > p.size()) return damaged("description");
  std::string description(p.substr(0, description_size));
  p.remove_prefix(description_size);
  Result<Gazetteer> gazetteer = Gazetteer::Deserialize(p);
  if (!gazetteer.ok()) return damaged("gazetteer");
  std::array<float, kTransitions> transitions;
  for (float& t : transitions) {
    if (!Take(p, t)) return damaged("transitions");
  }
  float scale = 0;
  uint64_t rows = 0;
  if (!Take(p, scale) || !Take(p, rows) || !std::isfinite(scale)) return damaged("weights");
  if (rows > p.size() / (sizeof(uint64_t) + kLabels * sizeof(int16_t))) return damaged("weights");
  std::vector<uint64_t> keys(rows);
  std::memcpy(keys.data(), p.data(), rows * sizeof(uint64_t));
  p.remove_prefix(rows * sizeof(uint64_t));
  std::vector<float> weights(rows * kLabels);
  for (float& w : weights) {
    int16_t q = 0;
    if (!Take(p, q)) return damaged("weights");
    w = q * scale;
  }
  return std::make_unique<TaggerModel>(std::move(*gazetteer), std::move(keys), std::move(weights),
                                       transitions, std::move(description));
}

}  // namespace veille::entities
