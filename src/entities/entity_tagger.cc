#include "entities/apposition.h"
#include "entities/entity_tagger.h"

#include <map>
#include <mutex>

#include "entities/mention_consistency.h"
#include "veille/tagger.h"

namespace veille::entities {

Result<std::shared_ptr<const TaggerModel>> SharedTaggerModel(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const TaggerModel>> loaded;
  std::lock_guard lock(mutex);
  if (std::shared_ptr<const TaggerModel> model = loaded[path].lock()) return model;
  Result<std::unique_ptr<TaggerModel>> model = TaggerModel::Load(path);
  if (!model.ok()) return model.status();
  std::shared_ptr<const TaggerModel> shared = std::move(*model);
  loaded[path] = shared;
  return shared;
}

Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(const Options& options) {
  if (options.tagger_model == "none") return std::unique_ptr<EntityTagger>();
  std::string path = options.tagger_model.empty() ? DefaultTaggerModelPath() : options.tagger_model;
  Result<std::shared_ptr<const TaggerModel>> model = SharedTaggerModel(path);
  if (!model.ok()) return model.status();
  return std::unique_ptr<EntityTagger>(new EntityTagger(std::move(*model)));
}

Status EntityTagger::Run(Article& article) const {
  article.entities.clear();
  thread_local TaggerScratch scratch;
  // The article is one document: its sentences are tagged, then made to
  // agree (mention_consistency.h).
  std::vector<DocumentSentence> document(article.sentences.size());
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    const Sentence& sentence = article.sentences[k];
    DocumentSentence& d = document[k];
    for (uint32_t t = 0; t < sentence.token_count; ++t) {
      d.tokens.push_back(article.clean.View(article.tokens[sentence.first_token + t].clean));
    }
    model_->Tag(d.tokens, scratch, d.mentions);
  }
  MakeMentionsConsistent(document);
  SplitPlaceAppositions(document, model_->gazetteer());
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    const Sentence& sentence = article.sentences[k];
    auto token = [&](uint32_t i) -> const Token& { return article.tokens[sentence.first_token + i]; };
    for (const Mention& m : document[k].mentions) {
      Entity entity;
      entity.clean = {token(m.first).clean.start, token(m.end - 1).clean.end};
      entity.raw = article.clean.ToRaw(entity.clean);
      entity.type = m.type;
      uint32_t title = model_->TitleStart(document[k].tokens, m, scratch);
      if (title < m.first) {
        entity.title = article.clean.ToRaw({token(title).clean.start, token(m.first - 1).clean.end});
      }
      article.entities.push_back(entity);
    }
  }
  return Status::Ok();
}

}  // namespace veille::entities
