// Whether a mention in a stored article names the identity a user asked
// about: the rules of include/veille/profile.h, shared by the entity
// profile and the quotes of a speaker.
#ifndef VEILLE_STORE_IDENTITY_MATCHER_H_
#define VEILLE_STORE_IDENTITY_MATCHER_H_

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "veille/profile.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille::store {

// The last word of a name: a person's surname.
std::string LastWord(const std::string& text);

class IdentityMatcher {
 public:
  // The identity `name` names, with the user's merges and splits and what
  // the knowledge base knows its names as. Fails for a name without
  // letters.
  static Result<IdentityMatcher> For(Store& store, const std::string& name,
                                     const ProfileOptions& options);

  // A mention: its text as written, its type ("PER"…; "" when unknown), its
  // identity (the record's "entity") and that identity's name.
  bool Names(const std::string& text, const std::string& type, const std::string& entity,
             const std::string& entity_name) const;

  // The name, then those merged with it.
  const std::vector<std::string>& names() const { return names_; }
  // Names to look the articles up by (entity: of the search syntax): the
  // names and the surnames of the full names among them.
  std::vector<std::string> SearchNames() const;
  // What the knowledge base knows the name as, when it does.
  const std::optional<KbMatch>& known() const { return known_; }

 private:
  // NameKey, remembered: a profile meets the same few names thousands of
  // times, and a key costs a transliteration.
  const std::string& KeyOf(const std::string& name) const;

  std::vector<std::string> names_;
  mutable std::unordered_map<std::string, std::string> keys_of_;
  std::set<std::string> keys_, split_, ids_, surnames_, asked_surnames_;
  std::optional<KbMatch> known_;
};

}  // namespace veille::store

#endif  // VEILLE_STORE_IDENTITY_MATCHER_H_
