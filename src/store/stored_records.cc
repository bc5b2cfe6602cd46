#include "store/stored_records.h"

#include <simdjson.h>

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

bool ReadRecordView(const std::string& record, RecordView& view) {
  namespace od = simdjson::ondemand;
  thread_local od::parser parser;
  simdjson::padded_string padded(record);
  od::document doc;
  od::object top;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(top)) return false;
  for (auto field : top) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (key == "entities") {
      od::array mentions;
      if (field.value().get_array().get(mentions)) continue;
      for (auto item : mentions) {
        od::object mention;
        if (item.get_object().get(mention)) return false;
        RecordView::Mention& m = view.entities.emplace_back();
        for (auto member : mention) {
          std::string_view name, value;
          if (member.unescaped_key().get(name)) return false;
          std::string* into = name == "text"     ? &m.text
                              : name == "type"   ? &m.type
                              : name == "entity" ? &m.entity
                              : name == "name"   ? &m.name
                                                 : nullptr;
          // Other members (title, why…) and null values are passed over.
          if (into && !member.value().get_string().get(value)) *into = value;
        }
      }
    } else if (key == "quotes") {
      od::array quotes;
      std::string_view raw;
      if (field.value().get_array().get(quotes) || quotes.raw_json().get(raw)) continue;
      view.quotes = json::parse(raw, nullptr, false);
      if (!view.quotes.is_array()) view.quotes = json::array();
    }
  }
  return true;
}

Result<std::optional<RecordView>> RecordOf(Store& store, const SearchHit& hit) {
  auto record = store.Record(hit.id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<RecordView>();
  RecordView view;
  if (!ReadRecordView(**record, view)) return std::optional<RecordView>();
  return std::optional<RecordView>(std::move(view));
}

bool SpokenBy(const json& quote, const IdentityMatcher& who) {
  auto s = quote.find("speaker");
  return s != quote.end() && s->is_object() &&
         who.Names(Str(*s, "text"), "", Str(*s, "entity"), Str(*s, "name"));
}

}  // namespace veille::store
