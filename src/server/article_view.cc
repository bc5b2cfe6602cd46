#include "server/article_view.h"

#include <algorithm>
#include <set>

#include "veille/extract.h"

namespace veille::server {
namespace {

using nlohmann::json;

// The text a reader sees of a span of the raw bytes.
class RawText {
 public:
  explicit RawText(const StoredArticle& stored) : raw_(stored.raw) {
    const std::string& format = stored.source.format;
    if (format != "html" && format != "warc" && format != "feed") return;
    // The page read again as ingest read it: its charset (the header's is
    // not kept apart, the evidence is) and, for a feed item, all its text.
    std::string content_type;
    if (stored.source.charset) {
      content_type = "text/html; charset=" +
                     stored.source.charset->substr(0, stored.source.charset->find(' '));
    }
    Result<ExtractedPage> page = ExtractPage(
        raw_, {.content_type = content_type, .max_page_bytes = raw_.size() + 1,
               .main_content = format != "feed"});
    if (page.ok()) page_ = std::move(*page);
  }

  std::string Of(uint32_t start, uint32_t end) const {
    if (!page_) {
      if (start >= end || end > raw_.size()) return "";
      return raw_.substr(start, end - start);
    }
    // The text's bytes whose characters lie inside the span; both maps
    // never decrease.
    const auto& starts = page_->page_start;
    const auto& ends = page_->page_end;
    size_t from = std::lower_bound(starts.begin(), starts.end(), start) - starts.begin();
    size_t to = std::upper_bound(ends.begin(), ends.end(), end) - ends.begin();
    if (from >= to) return "";
    return page_->text.substr(from, to - from);
  }

 private:
  const std::string& raw_;
  std::optional<ExtractedPage> page_;
};

uint32_t At(const json& span, const char* key) {
  auto it = span.find(key);
  return it != span.end() && it->is_number_unsigned() ? it->get<uint32_t>() : 0;
}

// The index of the span of `spans` (in order, not overlapping) that covers
// [start, end), if any.
std::optional<size_t> Covering(const json& spans, uint32_t start, uint32_t end) {
  if (!spans.is_array()) return std::nullopt;
  size_t low = 0, high = spans.size();
  while (low < high) {  // the first span that ends after `start`
    size_t mid = (low + high) / 2;
    if (At(spans[mid], "end") <= start) low = mid + 1; else high = mid;
  }
  if (low < spans.size() && At(spans[low], "start") <= start && end <= At(spans[low], "end")) {
    return low;
  }
  return std::nullopt;
}

}  // namespace

json ArticleView(const std::string& id, const StoredArticle& stored) {
  json record = json::parse(stored.record, nullptr, false);
  if (!record.is_object()) record = json::object();
  json out;
  out["id"] = id;
  out["version"] = stored.version;
  out["previous_id"] = stored.previous_id ? json(*stored.previous_id) : json();
  out["url"] = stored.source.url ? json(*stored.source.url) : json();
  const json& title = record.value("title", json());
  out["title"] = title.is_object() ? title.value("text", "") : stored.source.title.value_or("");
  const json& outlet = record.value("source", json::object()).value("outlet", json());
  out["outlet"] = outlet.is_object() ? outlet.value("name", "") : "";
  const json& language = record.value("language", json());
  out["language"] = language.is_object() ? language.value("code", "") : "";
  out["published"] = record.value("published", json());
  out["source"] = record.value("source", json::object());
  out["media"] = record.value("media", json::array());
  for (const char* list : {"entities", "quotes", "times", "errors"}) {
    out[list] = record.value(list, json::array());
  }

  RawText text(stored);
  const json& entities = out["entities"];
  const json& quotes = out["quotes"];
  const json& times = out["times"];
  json blocks = json::array();
  for (const json& block : record.value("blocks", json::array())) {
    uint32_t start = At(block, "start"), end = At(block, "end");
    // Every place where a span begins or ends cuts the block.
    std::set<uint32_t> cuts = {start, end};
    for (const json* spans : {&entities, &quotes, &times}) {
      for (const json& span : *spans) {
        for (uint32_t at : {At(span, "start"), At(span, "end")}) {
          if (at > start && at < end) cuts.insert(at);
        }
      }
    }
    json parts = json::array();
    for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
      uint32_t from = *it, to = *std::next(it);
      std::string piece = text.Of(from, to);
      if (piece.empty()) continue;
      json part = {{"text", piece}};
      if (auto i = Covering(entities, from, to)) part["entity"] = *i;
      if (auto i = Covering(quotes, from, to)) part["quote"] = *i;
      if (auto i = Covering(times, from, to)) part["time"] = *i;
      parts.push_back(std::move(part));
    }
    blocks.push_back({{"kind", block.value("kind", "paragraph")}, {"start", start}, {"end", end},
                      {"parts", std::move(parts)}});
  }
  out["blocks"] = std::move(blocks);
  return out;
}

}  // namespace veille::server
