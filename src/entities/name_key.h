// A name's matching key: the same for the spellings one name takes across
// scripts, languages and transliteration conventions. "Лукашенко",
// "Loukachenko", "Lukashenko", "Łukaszenka" and "Loukachenka" share the key
// "lukaSenko"; "Tokaïev", "Tokayev", "Tokajew" and "Токаев" share "tokaev".
//
// The steps: other scripts to Latin with ICU (Russian by BGN/PCGN, which
// keeps ш as "sh"), accents and case folded, then the conventions of
// French, English, German and Polish transliteration made one: ou/u,
// ch/sh/sch/sz/š with tch/tsch/cz/č (French ch is English sh, English ch
// is French tch: one class for both), j/zh/dj/ż/ž, kh/h, gh/g, q/k, ï/y/i, ie/ye/je,
// -off/-ow/-ov, w/v, doubled letters, and the Belarusian -ka beside the
// Russian -ko. Upper-case letters in the key stand for those merged classes.
//
// Thread-safe: each thread uses its own copy of ICU's transliterator.
#ifndef VEILLE_ENTITIES_NAME_KEY_H_
#define VEILLE_ENTITIES_NAME_KEY_H_

#include <string>
#include <string_view>

namespace veille::entities {

std::string NameKey(std::string_view name);

// Whether two keys name the same thing: equal, or within an edit distance
// that grows with their length (one edit from 9 letters, two from 13):
// the key has absorbed the conventions, so what is left to forgive is
// the odd letter of a long name, not Tokayev against Tokarev.
bool SameNameKey(std::string_view a, std::string_view b);

// Levenshtein distance, stopping early past `limit` (returns limit + 1).
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

}  // namespace veille::entities

#endif  // VEILLE_ENTITIES_NAME_KEY_H_
