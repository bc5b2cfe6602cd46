#include "entities/gazetteer.h"

#include <xxhash.h>

#include <cstring>
#include <fstream>

#include "entities/token_text.h"

namespace veille::entities {

Result<GazetteerList> GazetteerListNamed(std::string_view name) {
  static constexpr std::pair<std::string_view, GazetteerList> kNames[] = {
      {"place", GazetteerList::kPlace},           {"country", GazetteerList::kCountry},
      {"nationality", GazetteerList::kNationality}, {"first_name", GazetteerList::kFirstName},
      {"surname", GazetteerList::kSurname},       {"proper_noun", GazetteerList::kProperNoun},
      {"organisation", GazetteerList::kOrganisation}, {"common", GazetteerList::kCommonWord},
      {"title", GazetteerList::kTitle},
  };
  for (const auto& [n, list] : kNames) {
    if (n == name) return list;
  }
  return Status(StatusCode::kInvalidArgument, "unknown gazetteer list \"" + std::string(name) +
                                                  "\" (place, country, nationality, first_name, "
                                                  "surname, proper_noun, organisation, common, title)");
}

uint64_t Gazetteer::TokenHash(std::string_view lower) {
  uint64_t h = XXH3_64bits(lower.data(), lower.size());
  return h == 0 ? 1 : h;
}

uint64_t Gazetteer::Extend(uint64_t phrase, uint64_t token) {
  if (phrase == 0) return token;
  uint64_t both[2] = {phrase, token};
  uint64_t h = XXH3_64bits(both, sizeof both);
  return h == 0 ? 1 : h;
}

void Gazetteer::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<uint16_t> bits = std::move(bits_);
  size_t capacity = keys.empty() ? 1024 : keys.size() * 2;
  keys_.assign(capacity, 0);
  bits_.assign(capacity, 0);
  used_ = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) Set(keys[i], bits[i]);
  }
}

void Gazetteer::Set(uint64_t key, uint16_t bits) {
  if ((used_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      bits_[i] |= bits;
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      bits_[i] = bits;
      ++used_;
      return;
    }
  }
}

uint16_t Gazetteer::Get(uint64_t key) const {
  if (keys_.empty()) return 0;
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return bits_[i];
    if (keys_[i] == 0) return 0;
  }
}

void Gazetteer::Add(std::string_view given, GazetteerList list) {
  // The typographic apostrophe as ', as tokens read (token_text.h).
  std::string phrase(given);
  for (size_t at = 0; (at = phrase.find("\u2019", at)) != std::string::npos;) {
    phrase.replace(at, 3, "'");
  }
  // Also as tokenizers that split at hyphens and apostrophes write it:
  // "Saint - Gall", "Côte d ' Ivoire".
  if (phrase.find_first_of("-'") != std::string::npos && phrase.size() > 1) {
    std::string split;
    for (char c : phrase) {
      if (c == '-' || c == '\'') {
        ((split += ' ') += c) += ' ';
      } else {
        split += c;
      }
    }
    AddPhrase(split, list);
  }
  AddPhrase(phrase, list);
  ++entries_;
}

void Gazetteer::AddPhrase(std::string_view phrase, GazetteerList list) {
  std::vector<uint64_t> tokens;
  size_t at = 0;
  while (at < phrase.size()) {
    size_t space = phrase.find(' ', at);
    if (space == std::string_view::npos) space = phrase.size();
    if (space > at) {
      TokenText text;
      ReadTokenText(phrase.substr(at, space - at), text);
      tokens.push_back(TokenHash(text.lower));
    }
    at = space + 1;
  }
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
  uint64_t key = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    key = Extend(key, tokens[i]);
    if (i + 1 < tokens.size()) Set(key, kPrefix);
  }
  Set(key, static_cast<uint16_t>(1u << static_cast<int>(list)));
}

Status Gazetteer::AddFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the gazetteer");
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return Status(StatusCode::kInvalidArgument,
                    path + ":" + std::to_string(number) + ": expected \"list<TAB>phrase\"");
    }
    Result<GazetteerList> list = GazetteerListNamed(std::string_view(line).substr(0, tab));
    if (!list.ok()) {
      return Status(StatusCode::kInvalidArgument,
                    path + ":" + std::to_string(number) + ": " + list.status().message());
    }
    Add(std::string_view(line).substr(tab + 1), *list);
  }
  return Status::Ok();
}

void Gazetteer::Match(std::span<const TokenText> tokens, std::vector<GazetteerHits>& hits) const {
  hits.assign(tokens.size(), 0);
  if (used_ == 0) return;
  std::vector<uint64_t> token(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) token[i] = TokenHash(tokens[i].lower);
  for (size_t start = 0; start < tokens.size(); ++start) {
    uint64_t key = 0;
    for (size_t end = start; end < tokens.size() && end - start < kMaxPhraseTokens; ++end) {
      key = Extend(key, token[end]);
      uint16_t bits = Get(key);
      for (int list = 0; list < kGazetteerLists; ++list) {
        if ((bits & (1u << list)) == 0) continue;
        hits[start] |= static_cast<GazetteerHits>(1u << (2 * list));
        for (size_t k = start + 1; k <= end; ++k) {
          hits[k] |= static_cast<GazetteerHits>(1u << (2 * list + 1));
        }
      }
      if ((bits & kPrefix) == 0) break;
    }
  }
}

void Gazetteer::Serialize(std::string& out) const {
  uint64_t header[3] = {keys_.size(), used_, entries_};
  out.append(reinterpret_cast<const char*>(header), sizeof header);
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(uint64_t));
  out.append(reinterpret_cast<const char*>(bits_.data()), bits_.size() * sizeof(uint16_t));
}

Result<Gazetteer> Gazetteer::Deserialize(std::string_view& in) {
  uint64_t header[3];
  auto bad = Status(StatusCode::kInvalidArgument, "the model's gazetteer is damaged");
  if (in.size() < sizeof header) return bad;
  std::memcpy(header, in.data(), sizeof header);
  in.remove_prefix(sizeof header);
  uint64_t capacity = header[0];
  if (capacity == 0) return Gazetteer();
  // A power of two, and no bigger than the bytes that are there.
  if ((capacity & (capacity - 1)) != 0 || capacity > in.size() / 10 + 1 ||
      in.size() < capacity * 10) {
    return bad;
  }
  Gazetteer g;
  g.keys_.resize(capacity);
  g.bits_.resize(capacity);
  std::memcpy(g.keys_.data(), in.data(), capacity * sizeof(uint64_t));
  in.remove_prefix(capacity * sizeof(uint64_t));
  std::memcpy(g.bits_.data(), in.data(), capacity * sizeof(uint16_t));
  in.remove_prefix(capacity * sizeof(uint16_t));
  g.used_ = header[1];
  g.entries_ = header[2];
  // A table with no empty slot would make Get loop for ever.
  if (g.used_ >= capacity) return bad;
  size_t empty = 0;
  for (uint64_t k : g.keys_) empty += k == 0;
  if (empty == 0) return bad;
  return g;
}

}  // namespace veille::entities
