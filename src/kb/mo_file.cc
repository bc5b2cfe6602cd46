#include "kb/mo_file.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace veille::kb {

Result<std::unordered_map<std::string, std::string>> ReadMoFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = std::move(buffer).str();
  auto bad = [&] { return Status(StatusCode::kCorrupt, path + ": not a gettext .mo file"); };
  if (bytes.size() < 28) return bad();
  // The magic number says the byte order of every other number.
  uint32_t magic;
  std::memcpy(&magic, bytes.data(), 4);
  bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return bad();
  auto word = [&](size_t at) -> uint32_t {
    uint32_t value;
    std::memcpy(&value, bytes.data() + at, 4);
    return swap ? __builtin_bswap32(value) : value;
  };
  uint32_t count = word(8), originals = word(12), translations = word(16);
  if (originals > bytes.size() || translations > bytes.size() ||
      count > (bytes.size() - originals) / 8 || count > (bytes.size() - translations) / 8) {
    return bad();
  }
  auto text = [&](uint32_t table, uint32_t i, std::string_view& out) {
    uint32_t length = word(table + 8 * i), offset = word(table + 8 * i + 4);
    if (offset > bytes.size() || length > bytes.size() - offset) return false;
    out = std::string_view(bytes).substr(offset, length);
    return true;
  };
  std::unordered_map<std::string, std::string> catalogue;
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view original, translated;
    if (!text(originals, i, original) || !text(translations, i, translated)) return bad();
    // Plural forms and contexts are separated by NULs; the first form will do.
    original = original.substr(0, original.find('\0'));
    translated = translated.substr(0, translated.find('\0'));
    if (original.empty() || translated.empty()) continue;
    catalogue.emplace(original, translated);
  }
  return catalogue;
}

}  // namespace veille::kb
