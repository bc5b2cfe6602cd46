#include "entities/transliteration.h"

#include <simdjson.h>
#include <utf8proc.h>

namespace veille::entities {
namespace {

std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                          static_cast<utf8proc_ssize_t>(text.size() - at), &c);
    if (n <= 0) {
      c = 0xFFFD;
      n = 1;
    }
    out += static_cast<char32_t>(c);
    at += static_cast<size_t>(n);
  }
  return out;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }
  return out;
}

std::u32string Lower(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
  return s;
}
std::u32string Upper(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
  return s;
}
// First letter upper, the rest lower: "iou" → "Iou".
std::u32string Capitalised(std::u32string s) {
  s = Lower(std::move(s));
  if (!s.empty()) s[0] = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(s[0])));
  return s;
}

bool IsWordCharacter(char32_t c) {
  if (c == '_') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<std::vector<TransliterationScheme>> TransliterationScheme::LoadIuliia(const std::string& path) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) {
    return Status(StatusCode::kNotFound, path + ": cannot read the transliteration schemes");
  }
  Result<std::vector<TransliterationScheme>> schemes = ParseIuliia(json);
  if (!schemes.ok()) return Status(schemes.status().code(), path + ": " + schemes.status().message());
  return schemes;
}

Result<std::vector<TransliterationScheme>> TransliterationScheme::ParseIuliia(std::string_view text) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto bad = [](const std::string& why) {
    return Status(StatusCode::kInvalidValue, "not iuliia schemes: " + why);
  };
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return bad("not JSON");
  simdjson::dom::object schemes;
  if (root.get_object().get(schemes) != simdjson::SUCCESS) return bad("not a JSON object");
  std::vector<TransliterationScheme> out;
  for (auto [name, field_value] : schemes) {
    // A copy, not the structured binding: lambdas may not capture a
    // binding in clang 14 (the fuzz build's compiler).
    simdjson::dom::element value = field_value;
    TransliterationScheme scheme;
    scheme.name_ = std::string(name);
    // Keys in lower case; Letters gives the Latin the case of the letter.
    auto read = [&](const char* field, Map& map) -> Status {
      simdjson::dom::element e;
      if (value[field].get(e) != simdjson::SUCCESS || e.is_null()) return Status::Ok();
      simdjson::dom::object object;
      if (e.get_object().get(object) != simdjson::SUCCESS) {
        return bad(std::string(field) + " of " + scheme.name_);
      }
      for (auto [key, latin] : object) {
        std::string_view latin_text;
        if (latin.get_string().get(latin_text) != simdjson::SUCCESS) {
          return bad(std::string(field) + " of " + scheme.name_);
        }
        std::u32string k = Lower(Decode(key));
        if (!k.empty()) map.emplace(k, Decode(latin_text));
      }
      return Status::Ok();
    };
    Status s = read("mapping", scheme.letters_);
    if (s.ok()) s = read("prev_mapping", scheme.previous_);
    if (s.ok()) s = read("next_mapping", scheme.next_);
    if (s.ok()) s = read("ending_mapping", scheme.endings_);
    if (!s.ok()) return s;
    simdjson::dom::array samples;
    if (value["samples"].get_array().get(samples) == simdjson::SUCCESS) {
      for (simdjson::dom::element pair : samples) {
        std::string_view cyrillic, latin;
        if (pair.at(0).get_string().get(cyrillic) == simdjson::SUCCESS &&
            pair.at(1).get_string().get(latin) == simdjson::SUCCESS) {
          scheme.samples_.emplace_back(cyrillic, latin);
        }
      }
    }
    out.push_back(std::move(scheme));
  }
  return out;
}

namespace {

bool IsUpper(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}

// The Latin of a letter in the letter's case: "Ю" → "Yu", but "ЮЛ" → "YUL"
// (a word in capitals stays in capitals).
std::u32string InCase(std::u32string latin, char32_t letter, char32_t next) {
  if (!IsUpper(letter)) return latin;
  return next != 0 && IsUpper(next) ? Upper(std::move(latin)) : Capitalised(std::move(latin));
}

}  // namespace

std::u32string TransliterationScheme::Letters(const std::u32string& word) const {
  std::u32string out;
  std::u32string lower = Lower(word);
  for (size_t i = 0; i < word.size(); ++i) {
    // A pair with the letter before (an empty "before" at the start of the
    // word), then with the letter after (an empty "after" at its end),
    // then the letter alone.
    char32_t current = lower[i];
    std::u32string before = i > 0 ? std::u32string{lower[i - 1], current} : std::u32string{current};
    std::u32string after = i + 1 < word.size() ? std::u32string{current, lower[i + 1]}
                                               : std::u32string{current};
    const std::u32string* latin = nullptr;
    if (auto found = previous_.find(before); found != previous_.end()) latin = &found->second;
    if (!latin) {
      if (auto found = next_.find(after); found != next_.end()) latin = &found->second;
    }
    if (!latin) {
      if (auto found = letters_.find(std::u32string{current}); found != letters_.end()) {
        latin = &found->second;
      }
    }
    char32_t next = i + 1 < word.size() ? word[i + 1] : (i > 0 ? word[i - 1] : 0);
    out += latin ? InCase(*latin, word[i], next) : std::u32string{word[i]};
  }
  return out;
}

std::u32string TransliterationScheme::Word(const std::u32string& word) const {
  // The last two letters may be an ending with a Latin of its own.
  if (word.size() > 2) {
    std::u32string ending = word.substr(word.size() - 2);
    auto found = endings_.find(Lower(ending));
    if (found != endings_.end()) {
      return Letters(word.substr(0, word.size() - 2)) + InCase(found->second, ending[0], ending[1]);
    }
  }
  return Letters(word);
}

std::string TransliterationScheme::Transliterate(std::string_view text) const {
  std::u32string in = Decode(text), out;
  for (size_t i = 0; i < in.size();) {
    size_t end = i + 1;
    bool word = IsWordCharacter(in[i]);
    while (end < in.size() && IsWordCharacter(in[end]) == word) ++end;
    std::u32string piece = in.substr(i, end - i);
    out += word ? Word(piece) : piece;
    i = end;
  }
  return Encode(out);
}

}  // namespace veille::entities
