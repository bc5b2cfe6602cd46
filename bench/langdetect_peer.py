#!/usr/bin/python3
"""Peer for the language-identification part of `veille analyze`: langdetect.

Usage: /usr/bin/python3 bench/langdetect_peer.py corpus.jsonl
Prints one JSON line: {"articles": N, "fr": K, "undetected": U}.

Runs Debian's python3-langdetect (a port of Google's language-detection), so it must
be started with /usr/bin/python3, not a pyenv python. Single process, like a plain
script would use it. Each article is title + text, as veille sees it.
"""
import json
import sys

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

# langdetect samples n-grams at random; a fixed seed makes the result reproducible.
DetectorFactory.seed = 0


def main():
    n = fr = undetected = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            text = (art.get("title") or "") + "\n" + art["text"]
            n += 1
            try:
                langs = detect_langs(text)  # sorted by probability, best first
            except LangDetectException:  # no usable letters in the text
                undetected += 1
                continue
            if langs and langs[0].lang == "fr":
                fr += 1
    print(json.dumps({"articles": n, "fr": fr, "undetected": undetected}))


if __name__ == "__main__":
    main()
