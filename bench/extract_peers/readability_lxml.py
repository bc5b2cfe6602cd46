#!/usr/bin/python3
"""Peer for veille's main-content extraction benchmark: readability-lxml (Debian's python3-readability).

Usage: /usr/bin/python3 bench/extract_peers/readability_lxml.py --pages DIR --out FILE [--repeat N]

DIR holds one folder per page with source.html (readability-test-pages). Writes one JSON
line per page, in folder-name order, with the same fields as readability_js.mjs:
  {"page", "html", "text", "title", "byline", "published", "site_name", "lang", "error"}
(byline, published, site_name and lang are always null: readability-lxml does not extract
them), then a last line {"timing": {"pages", "seconds", "bytes", "repeat"}}, and one summary
line to stderr. Only the extraction is timed (Document, short_title, summary and the
summary's text, what a user pays); reading the files and writing the output are not. With
--repeat N the timed loop runs N times and "seconds" is the mean of one pass; the output
is written once. It only runs the peer: expected.html is not read (README.md beside this
file). Start it with /usr/bin/python3: a pyenv python on PATH does not have Debian's
readability.
"""
import argparse
import json
import logging
import os
import sys
import time

import lxml.html
from readability import Document

# The base URL Readability.js's tests give jsdom (readability_js.mjs uses it too): relative
# links in the summary are made absolute against it, as in expected.html.
BASE_URL = "http://fakehost/test/page.html"

# readability-lxml logs a traceback ("error getting summary") before it raises; the error
# goes to the page's record instead, and stderr keeps the summary line.
logging.getLogger("readability").setLevel(logging.CRITICAL)


def extract(name, source):
    """Returns (record, nanoseconds); an error is the page's record, not the run's end."""
    html = text = title = error = None
    if not isinstance(source, bytes):  # source.html could not be read
        return record(name, html, text, title, "%s: %s" % (type(source).__name__, source)), 0
    t0 = time.perf_counter_ns()
    try:
        doc = Document(source, url=BASE_URL)
        title = doc.short_title()
        html = doc.summary(html_partial=True)
        text = lxml.html.fromstring(html).text_content() if html.strip() else ""
    except Exception as e:  # noqa: BLE001 - any failure is the page's, recorded
        error = "%s: %s" % (type(e).__name__, e)
    elapsed = time.perf_counter_ns() - t0
    return record(name, html, text, title, error), elapsed


def record(name, html, text, title, error):
    return {
        "page": name, "html": html, "text": text, "title": title,
        "byline": None, "published": None, "site_name": None, "lang": None,
        "error": error,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", required=True, help="folder of page folders, each with source.html")
    ap.add_argument("--out", required=True, help="JSON Lines output, one object per page")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes (output written once)")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    # The pages, read before any timing, as bytes: Document finds the encoding.
    pages = []
    for name in sorted(os.listdir(args.pages)):
        folder = os.path.join(args.pages, name)
        if os.path.isdir(folder):
            try:
                with open(os.path.join(folder, "source.html"), "rb") as f:
                    pages.append((name, f.read()))
            except OSError as e:  # the page's error, recorded; nothing to time
                pages.append((name, e))
    total_bytes = sum(len(source) for _, source in pages if isinstance(source, bytes))

    records = None
    nanoseconds = 0
    for _ in range(args.repeat):
        these = []
        for name, source in pages:
            record, elapsed = extract(name, source)
            nanoseconds += elapsed
            these.append(record)
        if records is None:
            records = these

    seconds = nanoseconds / 1e9 / args.repeat
    with open(args.out, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.write(json.dumps({"timing": {"pages": len(pages), "seconds": seconds,
                                         "bytes": total_bytes, "repeat": args.repeat}}) + "\n")

    # The summary line comes last; a count of failed pages, when there are any, before it.
    errors = sum(record["error"] is not None for record in records)
    if errors:
        print('readability_lxml: %d pages failed (their "error" in %s)' % (errors, args.out),
              file=sys.stderr)
    print("readability_lxml: %d pages, %.2f s, %.1f pages/s, %.1f MB/s"
          % (len(pages), seconds, len(pages) / seconds, total_bytes / 1e6 / seconds),
          file=sys.stderr)


if __name__ == "__main__":
    main()
