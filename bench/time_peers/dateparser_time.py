#!/usr/bin/python3
"""Peer for veille's time stage: dateparser (Debian's python3-dateparser) on French text.

Usage: /usr/bin/python3 bench/time_peers/dateparser_time.py
           [--duckling time_fr.tsv] [--recognizers DateTimeModel.json] --out peer.jsonl

Writes one JSON line per case (format in bench/README.md, "Time peers") and one summary
line to stderr. It only runs the peer: the expected answers are not read; veille's scorer
compares the output later. Start it with /usr/bin/python3: a pyenv python on PATH does not
have Debian's dateparser.
"""
import argparse
import datetime as dt
import json
import resource
import sys
import time
import warnings

import dateparser.search
from dateparser.date import DateDataParser

# dateparser localizes with pytz; the shim in Debian warns on every call, which would bury
# the summary line on stderr.
warnings.filterwarnings("ignore", message="The localize method is no longer necessary")

# The corpora's reference times (bench/README.md says where they come from).
DUCKLING_REFERENCE = (dt.datetime(2013, 2, 12, 4, 30, 0), -120)  # Tuesday, UTC-2
RECOGNIZERS_DEFAULT_REFERENCE = dt.datetime(2016, 11, 7, 0, 0, 0)  # most cases' own


def read_duckling(path):
    """Yields (case, text, reference, offset_minutes, reference_given); case = 1-based line."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            phrase = line.rstrip("\r\n").split("\t", 1)[0]
            yield number, phrase, DUCKLING_REFERENCE[0], DUCKLING_REFERENCE[1], True


def read_recognizers(path):
    """Yields the same tuples; case = 0-based index. The corpus gives no zone: UTC+0."""
    with open(path, encoding="utf-8-sig") as f:  # the file starts with a BOM
        cases = json.load(f)
    for index, case in enumerate(cases):
        given = (case.get("Context") or {}).get("ReferenceDateTime")
        reference = dt.datetime.fromisoformat(given) if given else RECOGNIZERS_DEFAULT_REFERENCE
        yield index, case["Input"], reference, 0, given is not None


def settings_for(reference, offset_minutes):
    # TIMEZONE and TO_TIMEZONE at the reference's offset, naive results: every value comes
    # back as local time at the reference, and a zone in the text ("16 heures CET") is
    # converted to it. RETURN_TIME_AS_PERIOD makes get_date_data say "time" when a time of
    # day was read; without it the period stays "day".
    sign = "-" if offset_minutes < 0 else "+"
    zone = "UTC%s%02d:%02d" % (sign, abs(offset_minutes) // 60, abs(offset_minutes) % 60)
    return {
        "RELATIVE_BASE": reference,
        "TIMEZONE": zone,
        "TO_TIMEZONE": zone,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RETURN_TIME_AS_PERIOD": True,
    }


def grain_of(date_data):
    # search_dates gives no grain. get_date_data on the matched text gives a period:
    # "time" when a time of day was read (then second, minute or hour by the finest nonzero
    # field: 0 minutes cannot be told from minutes not given), else day, week, month, year.
    # This re-parses the match alone, so on rare matches it may read it otherwise than
    # search_dates did in context; None when it reads no date at all.
    period, value = date_data.period, date_data.date_obj
    if value is None:
        return None
    if period == "time":
        if value.second:
            return "second"
        return "minute" if value.minute else "hour"
    return period


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duckling", help="duckling-fr/time_fr.tsv")
    ap.add_argument("--recognizers", help="ms-recognizers-fr/DateTimeModel.json")
    ap.add_argument("--out", required=True, help="JSON Lines output, one object per case")
    args = ap.parse_args()
    if not args.duckling and not args.recognizers:
        ap.error("give --duckling, --recognizers or both")

    # Read everything first, so file reading is outside the timed calls.
    cases = []
    if args.duckling:
        cases += [("duckling",) + c for c in read_duckling(args.duckling)]
    if args.recognizers:
        cases += [("recognizers",) + c for c in read_recognizers(args.recognizers)]

    # The first call loads dateparser's French data and compiles its patterns. That is
    # start-up, not throughput: done once before timing, and reported apart.
    t0 = time.perf_counter()
    warm = settings_for(*DUCKLING_REFERENCE)
    dateparser.search.search_dates("le 3 mars à 15h30", languages=["fr"], settings=warm)
    DateDataParser(languages=["fr"], settings=warm).get_date_data("demain")
    warmup_s = time.perf_counter() - t0

    parse_s = grain_s = 0.0
    with_match = 0
    grain_parsers = {}  # one DateDataParser per reference: its settings hold RELATIVE_BASE
    with open(args.out, "w", encoding="utf-8") as out:
        for corpus, case, text, reference, offset, given in cases:
            settings = settings_for(reference, offset)
            record = {"corpus": corpus, "case": case, "reference": reference.isoformat(),
                      "reference_given": given, "found": []}
            t0 = time.perf_counter()
            try:
                matches = dateparser.search.search_dates(text, languages=["fr"], settings=settings)
            except Exception as e:  # a peer's bug on one case must not stop the run
                matches, record["error"] = None, "%s: %s" % (type(e).__name__, e)
            parse_s += time.perf_counter() - t0

            cursor = 0  # search_dates returns substrings only: find each after the last
            for matched, value in matches or []:
                start = text.find(matched, cursor)
                if start < 0:  # out of order: take the first occurrence
                    start = text.find(matched)
                if start < 0:  # not in the text (never seen on these corpora): no span
                    start = end = None
                else:
                    end = start + len(matched)  # Python str offsets are code points
                    cursor = max(cursor, end)
                key = (reference, offset)
                if key not in grain_parsers:
                    grain_parsers[key] = DateDataParser(languages=["fr"], settings=settings)
                t0 = time.perf_counter()
                try:
                    grain = grain_of(grain_parsers[key].get_date_data(matched))
                except Exception:
                    grain = None
                grain_s += time.perf_counter() - t0
                record["found"].append({"start": start, "end": end, "text": matched,
                                        "value": value.replace(microsecond=0).isoformat(),
                                        "grain": grain})
            with_match += bool(record["found"])
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        # Last, the timing, for the scorer to print beside the scores.
        out.write(json.dumps({"summary": True, "cases": len(cases), "seconds": round(parse_s, 6)}) + "\n")

    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print("dateparser_time: %d cases, %d with a match, %.3f s in search_dates, %.1f cases/s, "
          "peak RSS %.1f MiB (not counted: warm-up %.3f s, grain re-parse %.3f s)"
          % (len(cases), with_match, parse_s, len(cases) / parse_s if parse_s else 0.0,
             rss_mib, warmup_s, grain_s), file=sys.stderr)


if __name__ == "__main__":
    main()
