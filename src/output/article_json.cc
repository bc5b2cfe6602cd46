#include "veille/json_writer.h"
#include "veille/json.h"

namespace veille {
namespace {



void WriteSpan(JsonWriter& w, Span span) {
  w.Key("start").Number(uint64_t{span.start});
  w.Key("end").Number(uint64_t{span.end});
}

// A span and its raw text: what a reader of the record needs without
// slicing the input.
void WriteSpanText(JsonWriter& w, const Article& a, Span span) {
  WriteSpan(w, span);
  w.Key("text").String(a.TextOf(span));
}

void WriteOptionalString(JsonWriter& w, std::string_view key,
                         const std::optional<std::string>& value) {
  w.Key(key);
  if (value) w.String(*value); else w.Null();
}

void WriteSource(JsonWriter& w, const Article& a) {
  w.Key("source").BeginObject();
  w.Key("path").String(a.source.path);
  w.Key("format").String(a.source.format);
  if (a.source.line) w.Key("line").Number(*a.source.line);
  WriteOptionalString(w, "id", a.source.id);
  WriteOptionalString(w, "url", a.source.url);
  if (a.source.author) w.Key("author").String(*a.source.author);
  if (a.source.fetched) w.Key("fetched").String(*a.source.fetched);
  if (a.source.record) w.Key("record").Number(*a.source.record);
  if (a.source.charset) w.Key("charset").String(*a.source.charset);
  w.Key("outlet");
  if (a.outlet) {
    w.BeginObject();
    w.Key("name").String(a.outlet->name);
    w.Key("evidence").String(a.outlet->evidence);
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

void WriteTitle(JsonWriter& w, const Article& a) {
  w.Key("title");
  if (a.title) {
    w.BeginObject();
    WriteSpanText(w, a, *a.title);
    w.EndObject();
  } else if (a.source.title) {
    // Given apart from the text: it has no offsets.
    w.BeginObject();
    w.Key("start").Null();
    w.Key("end").Null();
    w.Key("text").String(*a.source.title);
    w.EndObject();
  } else {
    w.Null();
  }
}

}  // namespace

std::string ToJsonLine(const Article& a, const JsonOptions& options) {
  JsonWriter w;
  w.str().reserve(256 + a.blocks.size() * 48 + a.sentences.size() * 32 +
                  (options.tokens ? a.tokens.size() * 48 : 0));
  w.BeginObject();
  w.Key("schema").String(kArticleSchema);
  w.Key("id");
  if (a.id.empty()) w.Null(); else w.String(a.id);
  WriteSource(w, a);
  WriteTitle(w, a);
  w.Key("media").BeginArray();
  for (const std::string& kind : a.media) w.String(kind);
  w.EndArray();

  w.Key("language").BeginObject();
  w.Key("code").String(a.language.code);
  w.Key("script").String(a.language.script);
  w.Key("confidence").Number(a.language.confidence, 2);
  w.EndObject();

  w.Key("published");
  if (a.published) {
    w.BeginObject();
    w.Key("value").String(a.published->value);
    w.Key("estimated").Bool(a.published->estimated);
    w.Key("evidence").String(a.published->evidence);
    w.EndObject();
  } else {
    w.Null();
  }

  w.Key("blocks").BeginArray();
  for (const Block& b : a.blocks) {
    w.BeginObject();
    w.Key("kind").String(BlockKindName(b.kind));
    WriteSpan(w, b.raw);
    w.EndObject();
  }
  w.EndArray();

  w.Key("sentences").BeginArray();
  for (const Sentence& s : a.sentences) {
    w.BeginObject();
    WriteSpan(w, s.raw);
    w.EndObject();
  }
  w.EndArray();

  // Names, with their raw text (JSON escapes what needs it) so that a
  // reader need not slice the input to read them.
  w.Key("entities").BeginArray();
  for (const Entity& e : a.entities) {
    w.BeginObject();
    WriteSpanText(w, a, e.raw);
    w.Key("type").String(EntityTypeName(e.type));
    if (e.title) {
      w.Key("title").BeginObject();
      WriteSpanText(w, a, *e.title);
      w.EndObject();
    }
    if (e.adjective) w.Key("adjective").Bool(true);
    if (e.identity >= 0 && static_cast<size_t>(e.identity) < a.identities.size()) {
      const Identity& identity = a.identities[static_cast<size_t>(e.identity)];
      w.Key("entity").String(identity.id);
      w.Key("name").String(identity.name);
      if (!e.why.empty()) w.Key("why").String(e.why);
    }
    w.EndObject();
  }
  w.EndArray();

  // Quotations: the words, who said them (the speaker's mention and
  // identity), the cue and the channel, each with its raw text.
  w.Key("quotes").BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject();
    WriteSpanText(w, a, q.raw);
    w.Key("kind").String(QuoteKindName(q.kind));
    w.Key("unclosed").Bool(q.unclosed);
    w.Key("speaker");
    if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < a.entities.size()) {
      const Entity& e = a.entities[static_cast<size_t>(q.speaker)];
      w.BeginObject();
      if (e.identity >= 0 && static_cast<size_t>(e.identity) < a.identities.size()) {
        const Identity& identity = a.identities[static_cast<size_t>(e.identity)];
        w.Key("entity").String(identity.id);
        w.Key("name").String(identity.name);
      } else {
        w.Key("entity").Null();
        w.Key("name").String(a.TextOf(e.raw));
      }
      WriteSpanText(w, a, e.raw);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("cue");
    if (q.cue) {
      w.BeginObject();
      WriteSpanText(w, a, *q.cue);
      w.Key("verb").String(q.verb);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("channel");
    if (q.channel) {
      w.BeginObject();
      WriteSpanText(w, a, *q.channel);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("confidence").Number(q.confidence, 2);
    if (!q.why.empty()) w.Key("why").String(q.why);
    w.EndObject();
  }
  w.EndArray();

  // Time expressions: where they fall on the calendar (TIMEX3 values) and
  // what their missing parts were taken from.
  w.Key("times").BeginArray();
  for (const TimeExpr& t : a.times) {
    w.BeginObject();
    WriteSpanText(w, a, t.raw);
    w.Key("type").String(TimeTypeName(t.type));
    w.Key("value").String(t.value);
    w.Key("granularity").String(t.granularity);
    w.Key("mod");
    if (t.mod.empty()) {
      w.Null();
    } else {
      w.String(t.mod);
    }
    w.Key("anchor").String(TimeAnchorName(t.anchor));
    w.EndObject();
  }
  w.EndArray();

  if (options.tokens) {
    w.Key("tokens").BeginArray();
    for (const Token& t : a.tokens) {
      w.BeginObject();
      WriteSpan(w, t.raw);
      w.Key("kind").String(TokenKindName(t.kind));
      w.EndObject();
    }
    w.EndArray();
  }

  w.Key("errors").BeginArray();
  for (const ArticleError& e : a.errors) {
    w.BeginObject();
    w.Key("code").String(StatusCodeName(e.code));
    w.Key("message").String(e.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::move(w.str());
}

}  // namespace veille
