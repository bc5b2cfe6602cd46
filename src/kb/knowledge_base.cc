#include "kb/knowledge_base.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <mutex>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "entities/name_key.h"

namespace veille::kb {
namespace {

// The tab-separated fields of a line, at most `count`; the last one keeps
// any tabs that follow.
size_t SplitFields(std::string_view line, std::string_view* fields, size_t count) {
  size_t n = 0;
  while (n + 1 < count) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) break;
    fields[n++] = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  fields[n++] = line;
  return n;
}

}  // namespace

std::string NameKeyFingerprint() {
  static const char* kProbes[] = {
      "Лукашенко", "Loukachenka", "Łukaszenka", "Kassym-Jomart Tokayev", "Касым-Жомарт Токаев",
      "Noursoultan Nazarbaïev", "Mangghystaū oblysy", "Alma-Ata", "Алматы", "Schtschedrin",
      "Chostakovitch", "Djokovic", "Khrouchtchev", "Zelensky", "Зеленський", "O'Brien",
      "Qaraghandy", "Jańaózen", "Αθήνα", "Straße", "Ærø", "İstanbul", "Kyiv", "Sergueï", "ОДКБ"};
  uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across builds and machines
  for (const char* probe : kProbes) {
    for (char c : entities::NameKey(probe) + '\n') {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

EntityType TypeOfKind(std::string_view kind) {
  if (kind == "organisation") return EntityType::kOrganization;
  if (kind == "country" || kind == "region" || kind == "city" || kind == "place") {
    return EntityType::kLocation;
  }
  return EntityType::kMisc;
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(StatusCode::kNotFound,
                  path + ": cannot read the knowledge base (`veille kb build` makes it)");
  }
  struct stat info;
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Status(StatusCode::kInvalidArgument, path + ": not a file");
  }
  auto bad = [&](size_t line_number, const std::string& what) {
    return Status(StatusCode::kCorrupt, path + ":" + std::to_string(line_number) +
                                            ": not a veille knowledge base (" + what + ")");
  };
  if (static_cast<uint64_t>(info.st_size) >= (uint64_t{1} << 32)) {
    ::close(fd);
    return bad(1, "larger than 4 GB");
  }
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  if (info.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      ::close(fd);
      return Status(StatusCode::kIoError, path + ": cannot map the knowledge base");
    }
    kb->text_ = std::string_view(static_cast<const char*>(map), static_cast<size_t>(info.st_size));
  }
  ::close(fd);
  std::string_view text = kb->text_;
  if (!text.starts_with(kKbMagic) ||
      (text.size() > kKbMagic.size() && text[kKbMagic.size()] != '\n')) {
    return bad(1, "its first line is not \"veille-kb<TAB>1\"");
  }
  // One pass: every line checked, things and names indexed.
  size_t line_number = 1;
  std::string_view previous_key;
  bool fingerprint = false;
  std::vector<uint32_t> first_lines;  // each distinct key's first name line
  for (size_t at = text.find('\n') + 1; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    uint32_t offset = static_cast<uint32_t>(at);
    at = end + 1;
    ++line_number;
    if (line.empty()) return bad(line_number, "an empty line");
    std::string_view f[7];
    // The first field is the line's kind, one letter.
    if (line.size() < 2 || line[1] != '\t') return bad(line_number, "a line that is neither E nor N");
    if (line[0] == 'K') {
      if (SplitFields(line, f, 2) != 2 || f[1] != NameKeyFingerprint()) {
        return Status(StatusCode::kInvalidValue,
                      path + ": made by a veille whose name keys differ from this one's: "
                             "make it again (`veille kb build`, or scripts/build)");
      }
      fingerprint = true;
      continue;
    }
    if (!fingerprint) return bad(line_number, "no name-key fingerprint on line 2");
    if (line[0] == 'E') {
      if (SplitFields(line, f, 6) != 6) return bad(line_number, "an entity line needs 6 fields");
      if (kb->name_count_ > 0) return bad(line_number, "an entity after the names");
      kb->entities_.push_back(offset);
    } else if (line[0] == 'N') {
      if (SplitFields(line, f, 7) != 7) return bad(line_number, "a name line needs 7 fields");
      uint32_t entity = 0;
      auto [end_of_number, error] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), entity);
      if (error != std::errc() || end_of_number != f[2].data() + f[2].size() ||
          entity >= kb->entities_.size()) {
        return bad(line_number, "a name of an entity that is not there");
      }
      if (kb->name_count_ == 0) kb->names_start_ = offset;
      kb->names_end_ = static_cast<uint32_t>(std::min(at, text.size()));
      if (kb->name_count_ == 0 || f[1] != previous_key) {
        if (f[1] < previous_key) return bad(line_number, "names out of key order");
        first_lines.push_back(offset);
        previous_key = f[1];
      }
      ++kb->name_count_;
    } else {
      return bad(line_number, "a line that is neither E nor N");
    }
  }
  size_t slots = 16;
  while (slots < 2 * first_lines.size()) slots *= 2;
  kb->slots_.assign(slots, 0);
  for (uint32_t line : first_lines) {
    std::string_view key = kb->KeyAt(line);
    size_t slot = XXH3_64bits(key.data(), key.size()) & (slots - 1);
    while (kb->slots_[slot] != 0) slot = (slot + 1) & (slots - 1);
    kb->slots_[slot] = line + 1;
  }
  return kb;
}

KnowledgeBase::~KnowledgeBase() {
  if (!text_.empty()) ::munmap(const_cast<char*>(text_.data()), text_.size());
}

// The lines were checked at load: these only read them.
std::string_view KnowledgeBase::KeyAt(uint32_t line) const {
  std::string_view rest = text_.substr(line + 2);  // "N\t"
  return rest.substr(0, rest.find('\t'));
}

uint32_t KnowledgeBase::EntityAt(uint32_t line) const {
  std::string_view rest = text_.substr(line + 2);
  rest.remove_prefix(rest.find('\t') + 1);
  uint32_t entity = 0;
  std::from_chars(rest.data(), rest.data() + rest.size(), entity);
  return entity;
}

std::vector<KbNameRef> KnowledgeBase::LookUpKey(std::string_view key) const {
  std::vector<KbNameRef> found;
  LookUpKey(key, found);
  return found;
}

void KnowledgeBase::LookUpKey(std::string_view key, std::vector<KbNameRef>& found) const {
  found.clear();
  if (slots_.empty()) return;
  size_t mask = slots_.size() - 1;
  for (size_t slot = XXH3_64bits(key.data(), key.size()) & mask; slots_[slot] != 0;
       slot = (slot + 1) & mask) {
    uint32_t line = slots_[slot] - 1;
    if (KeyAt(line) != key) continue;
    // The key's lines follow each other.
    while (line < names_end_ && KeyAt(line) == key) {
      found.push_back({EntityAt(line), line});
      size_t next = text_.find('\n', line);
      if (next == std::string_view::npos) break;
      line = static_cast<uint32_t>(next + 1);
    }
    break;
  }
}

void KnowledgeBase::ForEachName(const std::function<void(const KbNameRef&)>& name) const {
  for (uint32_t line = names_start_; name_count_ > 0 && line < names_end_;) {
    name({EntityAt(line), line});
    size_t next = text_.find('\n', line);
    if (next == std::string_view::npos) break;
    line = static_cast<uint32_t>(next + 1);
  }
}

KbEntity KnowledgeBase::entity(uint32_t number) const {
  std::string_view line = text_.substr(entities_[number]);
  line = line.substr(0, line.find('\n'));
  std::string_view f[6];
  SplitFields(line, f, 6);
  KbEntity e{f[1], f[2], f[3], 0, f[5]};
  std::from_chars(f[4].data(), f[4].data() + f[4].size(), e.population);
  return e;
}

double KnowledgeBase::Weight(const KbEntity& entity) {
  if (entity.kind == "country") return 1e12;
  if (entity.kind == "organisation") return 1e11;
  double population = static_cast<double>(entity.population);
  if (entity.kind == "region") return std::max(population, 1e5);
  return population;
}

KbName KnowledgeBase::Name(const KbNameRef& ref) const {
  std::string_view line = text_.substr(ref.line);
  line = line.substr(0, line.find('\n'));
  std::string_view f[7];
  SplitFields(line, f, 7);
  return {f[1], ref.entity, f[3], f[4], f[5], f[6]};
}

std::optional<KbNameRef> KnowledgeBase::Best(std::string_view key, EntityType type,
                                             std::string_view text) const {
  thread_local std::vector<KbNameRef> names;
  LookUpKey(key, names);
  std::optional<KbNameRef> best;
  double best_weight = -1;
  for (const KbNameRef& name : names) {
    KbEntity e = entity(name.entity);
    if (TypeOfKind(e.kind) != type) continue;
    double weight = Weight(e);
    if (weight > best_weight) {
      best = name;
      best_weight = weight;
    }
  }
  if (!best) return best;
  // Of the thing's names with this key, the one to show as evidence: the
  // article's own spelling, then in French, English, no language said, any.
  auto rank = [&](const KbNameRef& ref) {
    KbName n = Name(ref);
    int language = n.lang == "fr" ? 0 : n.lang == "en" ? 1 : n.lang.empty() ? 2 : 3;
    return std::pair(n.name == text ? 0 : 1, language);
  };
  auto shown_rank = rank(*best);
  KbNameRef shown = *best;
  for (const KbNameRef& name : names) {
    if (name.entity != best->entity) continue;
    if (auto r = rank(name); r < shown_rank) {
      shown = name;
      shown_rank = r;
    }
  }
  return shown;
}

Result<std::shared_ptr<const KnowledgeBase>> SharedKnowledgeBase(const std::string& path) {
  // Kept for the life of the process, not only while someone holds it:
  // loading takes a quarter of a second, and a server that looks a name up
  // per request (veille serve) would otherwise load it for every one.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const KnowledgeBase>> loaded;
  std::lock_guard lock(mutex);
  if (std::shared_ptr<const KnowledgeBase> kb = loaded[path]) return kb;
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Load(path);
  if (!kb.ok()) return kb.status();
  std::shared_ptr<const KnowledgeBase> shared = std::move(*kb);
  loaded[path] = shared;
  return shared;
}

}  // namespace veille::kb
