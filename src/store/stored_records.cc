#include "store/stored_records.h"

namespace veille::store {

using nlohmann::json;

std::string Str(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

namespace {

// A number member; `otherwise` when absent or not a number.
double Number(const json& object, const char* key, double otherwise) {
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : otherwise;
}

}  // namespace

ArticleRef RefOf(const SearchHit& hit) {
  return {hit.id, hit.published, hit.outlet, hit.title, hit.url};
}

FoundQuote QuoteOf(const json& q, const ArticleRef& article) {
  FoundQuote out;
  out.span = {static_cast<uint32_t>(Number(q, "start", 0)), static_cast<uint32_t>(Number(q, "end", 0))};
  out.text = Str(q, "text");
  out.kind = Str(q, "kind");
  auto unclosed = q.find("unclosed");
  out.unclosed = unclosed != q.end() && unclosed->is_boolean() && unclosed->get<bool>();
  if (auto s = q.find("speaker"); s != q.end() && s->is_object()) {
    out.speaker_text = Str(*s, "text");
    out.speaker_entity = Str(*s, "entity");
    out.speaker_name = Str(*s, "name");
  }
  if (auto c = q.find("cue"); c != q.end() && c->is_object()) {
    out.cue = Str(*c, "text");
    out.cue_verb = Str(*c, "verb");
  }
  if (auto c = q.find("channel"); c != q.end() && c->is_object()) out.channel = Str(*c, "text");
  out.confidence = Number(q, "confidence", 0);
  out.why = Str(q, "why");
  out.json = q.dump();
  out.article = article;
  return out;
}

Result<json> RecordOf(Store& store, const SearchHit& hit) {
  auto stored = store.Get(hit.id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return json();
  json record = json::parse((*stored)->record, nullptr, false);
  return record.is_discarded() ? json() : record;
}

bool SpokenBy(const json& quote, const IdentityMatcher& who) {
  auto s = quote.find("speaker");
  return s != quote.end() && s->is_object() &&
         who.Names(Str(*s, "text"), "", Str(*s, "entity"), Str(*s, "name"));
}

}  // namespace veille::store
