// The public face of name matching (veille/identity.h).
#include "veille/identity.h"

#include <fstream>

#include <map>
#include <set>
#include <unordered_map>

#include "entities/identity_linker.h"
#include "entities/name_key.h"
#include "entities/tagged_corpus.h"
#include "kb/kb_resolver.h"

namespace veille {

std::string NameKey(std::string_view name) { return entities::NameKey(name); }

std::string IdentityId(EntityType type, std::string_view name) {
  return entities::IdentityId(type, std::string(name));
}

bool SameName(std::string_view a, std::string_view b) {
  return entities::SameNameKey(entities::NameKey(a), entities::NameKey(b));
}

Result<NamePairScores> EvaluateNamePairs(const std::string& path, size_t show) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read the pairs");
  NamePairScores s;
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    size_t first = line.find('\t'), second = line.find('\t', first + 1);
    if (first != 1 || second == std::string::npos || (line[0] != '0' && line[0] != '1')) {
      return Status(StatusCode::kInvalidValue, path + ":" + std::to_string(number) +
                                                   ": expected \"1|0<TAB>name<TAB>name\"");
    }
    std::string_view a = std::string_view(line).substr(first + 1, second - first - 1);
    std::string_view b = std::string_view(line).substr(second + 1);
    std::string key_a = entities::NameKey(a), key_b = entities::NameKey(b);
    bool joined = entities::SameNameKey(key_a, key_b);
    bool variant = line[0] == '1';
    std::vector<std::string>& mistakes = variant ? s.missed : s.wrongly_joined;
    if (joined != variant && mistakes.size() < show) {
      mistakes.push_back(std::string(a) + (variant ? " ≠ " : " = ") + std::string(b) + "  (" +
                         key_a + " / " + key_b + ")");
    }
    if (line[0] == '1') {
      ++s.variants;
      s.variants_joined += joined;
    } else {
      ++s.different;
      s.different_joined += joined;
    }
  }
  auto ratio = [](uint64_t a, uint64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  s.recall = ratio(s.variants_joined, s.variants);
  s.false_match_rate = ratio(s.different_joined, s.different);
  s.precision = ratio(s.variants_joined, s.variants_joined + s.different_joined);
  return s;
}

Result<ResolutionScores> EvaluateResolution(const std::string& gold,
                                            const std::string& knowledge_base) {
  Result<std::vector<entities::TaggedSentence>> corpus = entities::ReadTaggedCorpus(gold);
  if (!corpus.ok()) return corpus.status();
  Options options;
  options.knowledge_base = knowledge_base;
  Result<std::shared_ptr<const kb::KnowledgeBase>> kb = entities::KnowledgeBaseOf(options);
  if (!kb.ok()) return kb.status();
  ResolutionScores s;
  struct Scored {
    std::string ours, link;
  };
  std::vector<Scored> scored;
  for (size_t first = 0; first < corpus->size();) {
    size_t end = first + 1;
    while (end < corpus->size() && (*corpus)[end].document == (*corpus)[first].document) ++end;
    ++s.documents;
    std::vector<entities::LinkMention> mentions;
    std::vector<std::string> links;
    for (size_t k = first; k < end; ++k) {
      const entities::TaggedSentence& sentence = (*corpus)[k];
      for (const entities::Mention& m : sentence.mentions) {
        if (m.link.empty() || m.type == EntityType::kMisc) continue;
        std::string text;
        for (uint32_t t = m.first; t < m.end; ++t) {
          if (!text.empty()) text += ' ';
          text += sentence.tokens[t];
        }
        mentions.push_back({text, m.type, false});
        links.push_back(m.link);
      }
    }
    entities::LinkResult linked = entities::LinkMentions(mentions);
    if (*kb) kb::ResolveInKnowledgeBase(**kb, mentions, linked);
    for (size_t i = 0; i < mentions.size(); ++i) {
      scored.push_back({linked.identities[linked.identity[i]].id, links[i]});
    }
    first = end;
  }
  // B-cubed over the mentions with an id: for each, the share of its
  // identity that has its id (precision) and of its id's mentions that are
  // in its identity (recall).
  std::map<std::pair<std::string, std::string>, uint64_t> both;
  std::unordered_map<std::string, uint64_t> ours, theirs;
  std::set<std::string> with_id;  // identities that hold a mention with an id
  for (const Scored& m : scored) {
    if (m.link == "NIL") continue;
    ++both[{m.ours, m.link}];
    ++ours[m.ours];
    ++theirs[m.link];
    with_id.insert(m.ours);
  }
  double precision = 0, recall = 0;
  for (const auto& [pair, n] : both) {
    precision += static_cast<double>(n) * n / ours[pair.first];
    recall += static_cast<double>(n) * n / theirs[pair.second];
    s.mentions += n;
  }
  if (s.mentions > 0) {
    s.precision = precision / s.mentions;
    s.recall = recall / s.mentions;
    s.f1 = s.precision + s.recall == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  }
  s.gold_identities = theirs.size();
  s.identities = ours.size();
  for (const Scored& m : scored) {
    if (m.link != "NIL") continue;
    ++s.nil_mentions;
    s.nil_merged += with_id.count(m.ours);
  }
  s.nil_merged_share = s.nil_mentions == 0 ? 0 : static_cast<double>(s.nil_merged) / s.nil_mentions;
  return s;
}

}  // namespace veille
