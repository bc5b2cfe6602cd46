#!/usr/bin/env node
// Peer for veille's main-content extraction benchmark: Readability.js (npm
// @mozilla/readability) on a jsdom document (npm jsdom), both pinned in package.json.
//
// Usage: node bench/extract_peers/readability_js.mjs --pages DIR --out FILE [--repeat N]
//
// DIR holds one folder per page with source.html (readability-test-pages). Writes one JSON
// line per page, in folder-name order:
//   {"page", "html", "text", "title", "byline", "published", "site_name", "lang", "error"}
// then a last line {"timing": {"pages", "seconds", "bytes", "repeat"}}, and one summary line
// to stderr. Only the parse is timed (JSDOM construction + Readability parse, what a user
// pays); reading the files and writing the output are not. With --repeat N the timed loop
// runs N times and "seconds" is the mean of one pass; the output is written once.
// It only runs the peer: expected.html is not read (README.md beside this file).
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

// The base URL Readability's own tests give jsdom: relative links in the extracted content
// resolve against it, as in expected.html.
const BASE_URL = "http://fakehost/test/page.html";

const { values: args } = parseArgs({
  options: {
    pages: { type: "string" },
    out: { type: "string" },
    repeat: { type: "string", default: "1" },
  },
});
const repeat = Number.parseInt(args.repeat, 10);
if (!args.pages || !args.out || !(repeat >= 1)) {
  process.stderr.write(
    "usage: node bench/extract_peers/readability_js.mjs --pages DIR --out FILE [--repeat N]\n");
  process.exit(2);
}

// The pages, read before any timing.
const pages = readdirSync(args.pages)
  .sort()
  .filter((name) => statSync(join(args.pages, name)).isDirectory())
  .map((name) => {
    try {
      const bytes = readFileSync(join(args.pages, name, "source.html"));
      return { name, bytes: bytes.length, source: bytes.toString("utf8"), error: null };
    } catch (e) {
      return { name, bytes: 0, source: null, error: String(e?.message ?? e) };
    }
  });
const totalBytes = pages.reduce((sum, p) => sum + p.bytes, 0);

// jsdom reports CSS it cannot parse and the like on its virtual console; a console sent
// nowhere keeps stderr for the summary line.
const quiet = new VirtualConsole();

function extract(page) {
  // Returns [record, nanoseconds]; an error is the page's record, not the run's end.
  let dom = null;
  let article = null;
  let error = page.error;  // source.html unreadable: nothing to time
  if (error !== null) return [record(page.name, null, error), 0n];
  const t0 = process.hrtime.bigint();
  try {
    dom = new JSDOM(page.source, { url: BASE_URL, virtualConsole: quiet });
    article = new Readability(dom.window.document).parse();
  } catch (e) {
    error = String(e?.message ?? e);
  }
  const elapsed = process.hrtime.bigint() - t0;
  dom?.window.close();
  return [record(page.name, article, error), elapsed];
}

function record(name, article, error) {
  return {
    page: name,
    html: article?.content ?? null,
    text: article?.textContent ?? null,
    title: article?.title ?? null,
    byline: article?.byline ?? null,
    published: article?.publishedTime ?? null,
    site_name: article?.siteName ?? null,
    lang: article?.lang ?? null,
    error,
  };
}

let records = null;
let nanoseconds = 0n;
for (let pass = 0; pass < repeat; pass++) {
  const these = [];
  for (const page of pages) {
    const [record, elapsed] = extract(page);
    nanoseconds += elapsed;
    these.push(record);
  }
  records ??= these;
}

const seconds = Number(nanoseconds) / 1e9 / repeat;
const lines = records.map((r) => JSON.stringify(r));
lines.push(JSON.stringify({ timing: { pages: pages.length, seconds, bytes: totalBytes, repeat } }));
writeFileSync(args.out, lines.join("\n") + "\n");

// The summary line comes last; a count of failed pages, when there are any, before it.
const errors = records.filter((r) => r.error !== null).length;
if (errors) process.stderr.write(`readability_js: ${errors} pages failed (their "error" in ${args.out})\n`);
process.stderr.write(
  `readability_js: ${pages.length} pages, ${seconds.toFixed(2)} s, ` +
  `${(pages.length / seconds).toFixed(1)} pages/s, ${(totalBytes / 1e6 / seconds).toFixed(1)} MB/s\n`);
