#!/usr/bin/env node
// Peer for veille's time stage: chrono-node's French parser (chrono.fr, npm chrono-node,
// pinned in package.json).
//
// Usage: node bench/time_peers/chrono_time.mjs
//            [--duckling time_fr.tsv] [--recognizers DateTimeModel.json] --out peer.jsonl
//
// Writes one JSON line per case (format in bench/README.md, "Time peers") and one summary
// line to stderr. It only runs the peer: the expected answers are not read; veille's scorer
// compares the output later.
import * as chrono from "chrono-node";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

// chrono builds its implied values with the host's local-time getters. With the reference
// given as {instant, timezone} it corrects for the host's offset, but a host zone with DST
// could still shift a day at a transition; UTC has none. (Node applies TZ when it changes.)
process.env.TZ = "UTC";

// The corpora's reference times (bench/README.md says where they come from).
const DUCKLING_REFERENCE = { local: "2013-02-12T04:30:00", offset: -120 }; // Tuesday, UTC-2
const RECOGNIZERS_DEFAULT_REFERENCE = "2016-11-07T00:00:00"; // most cases' own

function readDuckling(path) {
  // Case = 1-based line number, every line counted (NEGATIVE ones too).
  const lines = readFileSync(path, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, i) => ({
    corpus: "duckling", case: i + 1, text: line.replace(/\r$/, "").split("\t")[0],
    reference: DUCKLING_REFERENCE.local, offset: DUCKLING_REFERENCE.offset, given: true,
  }));
}

function readRecognizers(path) {
  // Case = 0-based index. The file starts with a BOM; it gives no zone: UTC+0.
  const cases = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  return cases.map((c, i) => {
    const given = c.Context?.ReferenceDateTime;
    return { corpus: "recognizers", case: i, text: c.Input,
             reference: given ?? RECOGNIZERS_DEFAULT_REFERENCE, offset: 0, given: given != null };
  });
}

// A naive local ISO time at `offset` minutes from UTC <-> the instant it names.
const toInstant = (local, offset) => new Date(Date.parse(local + "Z") - offset * 60000);
const toLocal = (instant, offset) =>
  new Date(instant.getTime() + offset * 60000).toISOString().slice(0, 19);

// Explicit minutes in the matched text ("15h00", "15:00", "15 heures 00"): chrono marks the
// minute certain even for "15h", so certainty alone cannot tell "15h00" from "15h".
const EXPLICIT_MINUTES = /\d\s*(?:h|:|heures?)\s*\d\d/i;

function grainOf(components, text, tags) {
  // The finest component chrono marks certain (known, not implied from the reference).
  const c = (name) => components.isCertain(name);
  if (c("second") && components.get("second") !== 0) return "second";
  if (c("minute") && (components.get("minute") !== 0 || EXPLICIT_MINUTES.test(text))) return "minute";
  if (c("hour")) return "hour";
  if (c("day") || c("weekday")) return "day";
  if (c("month")) return "month";
  if (c("year")) return "year";
  // Nothing certain. A part of the day ("cet après-midi", "ce soir") is tagged
  // casualReference/*, with its hour implied on the reference's day: hour. The only other
  // case seen is a quarter ("le prochain trimestre", shifted by 3 months, all implied):
  // no grain fits, so null.
  return tags.some((t) => t.startsWith("casualReference/")) ? "hour" : null;
}

// Code points before UTF-16 index `index` (chrono's offsets are UTF-16 code units).
const codePoints = (text, index) => [...text.slice(0, index)].length;

function main() {
  const { values: args } = parseArgs({
    options: { duckling: { type: "string" }, recognizers: { type: "string" }, out: { type: "string" } },
  });
  if (!args.out || (!args.duckling && !args.recognizers)) {
    console.error("usage: chrono_time.mjs [--duckling FILE] [--recognizers FILE] --out FILE");
    process.exit(2);
  }
  // Read everything first, so file reading is outside the timed calls.
  const cases = [
    ...(args.duckling ? readDuckling(args.duckling) : []),
    ...(args.recognizers ? readRecognizers(args.recognizers) : []),
  ];

  // The first call compiles chrono's patterns and lets V8 warm up: start-up, not
  // throughput. Done once before timing, and reported apart.
  let t0 = process.hrtime.bigint();
  chrono.fr.parse("le 3 mars à 15h30", { instant: new Date(), timezone: 0 });
  const warmupS = Number(process.hrtime.bigint() - t0) / 1e9;

  let parseNs = 0n;
  let withMatch = 0;
  const lines = [];
  for (const k of cases) {
    const record = { corpus: k.corpus, case: k.case, reference: k.reference,
                     reference_given: k.given, found: [] };
    // {instant, timezone}: chrono reads the text as local time at the reference's offset.
    const ref = { instant: toInstant(k.reference, k.offset), timezone: k.offset };
    let results = [];
    t0 = process.hrtime.bigint();
    try {
      results = chrono.fr.parse(k.text, ref);
    } catch (e) { // a peer's bug on one case must not stop the run
      record.error = String(e?.message ?? e);
    }
    parseNs += process.hrtime.bigint() - t0;

    for (const r of results) {
      const start = codePoints(k.text, r.index);
      const found = { start, end: start + [...r.text].length, text: r.text,
                      value: toLocal(r.start.date(), k.offset),
                      grain: grainOf(r.start, r.text, [...r.tags()]) };
      if (r.end) found.end_value = toLocal(r.end.date(), k.offset);
      record.found.push(found);
    }
    if (record.found.length) withMatch++;
    lines.push(JSON.stringify(record));
  }
  const parseS = Number(parseNs) / 1e9;
  // Last, the timing, for the scorer to print beside the scores.
  lines.push(JSON.stringify({ summary: true, cases: cases.length, seconds: Number(parseS.toFixed(6)) }));
  writeFileSync(args.out, lines.map((l) => l + "\n").join(""), "utf8");

  const rssMiB = process.resourceUsage().maxRSS / 1024; // KiB
  console.error(
    `chrono_time: ${cases.length} cases, ${withMatch} with a match, ${parseS.toFixed(3)} s in ` +
    `chrono.fr.parse, ${(parseS ? cases.length / parseS : 0).toFixed(1)} cases/s, peak RSS ` +
    `${rssMiB.toFixed(1)} MiB (not counted: warm-up ${warmupS.toFixed(3)} s)`);
}

main();
