#!/usr/bin/python3
"""Build a benchmark corpus of real French text for `veille analyze`.

Usage: /usr/bin/python3 bench/make_corpus.py [--data DIR] [--max N] OUT

Writes
  OUT/txt/NNNNN-<source>.txt   one article per file: title, blank line, one paragraph per line
  OUT/jsonl/corpus.jsonl       the same articles, one {"id","title","text"} object per line
The JSONL lives in its own directory so that `veille analyze OUT/txt` sees only .txt files.

Sources (under --data, default ../shared/data):
  wikineural-fr/{test,val}.conllu  Wikipedia sentences, detokenized, 15 sentences per article
  aads-french-ds/aggregated_corpus.json  19th-c. novels, cut into 3-5 KB articles
  wikinews-fr/*.html               Wikinews articles (real news)
Stdlib only and deterministic: same data, same arguments -> byte-identical corpus.
"""
import argparse
import html.parser
import json
import os
import re
import sys

SENTENCES_PER_ARTICLE = 15
SENTENCES_PER_PARAGRAPH = 5
TITLE_WORDS = 8
CHUNK_MIN, CHUNK_TARGET, CHUNK_MAX = 3000, 4000, 5000  # bytes, for the novels
LONG_LINE = 1500  # novels: lines longer than this are re-cut into paragraphs at sentence ends

# ---------------------------------------------------------------- wikineural


def read_conllu(path):
    """Yield each sentence as a list of tokens ("idx<TAB>token<TAB>tag" lines)."""
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            sent.append(line.split("\t")[1])
    if sent:
        yield sent


NO_SPACE_BEFORE = {",", ".", "...", "..", "....", "…", ")", "]", "}"}
NO_SPACE_AFTER = {"(", "[", "{"}
APOSTROPHES = ("'", "’")


def detokenize(tokens):
    """Rebuild French typography from tokens.

    French keeps a space before : ; ! ? and inside « », so those get the default
    space; only , . ) and friends attach to the left. Elisions ("l'" + "océan") and
    enclitics ("dit" + "-il") join, and ASCII " quotes alternate open/close.
    """
    out = []
    glue_next = True  # no space before the first token
    quote_open = False
    for tok in tokens:
        glue = glue_next
        glue_next = False
        if tok in NO_SPACE_BEFORE:
            glue = True
        elif len(tok) > 1 and tok[0] == "-" and tok[1].isalpha():  # "-ci", "-il", "-t"
            glue = True
        elif tok in APOSTROPHES:  # lone apostrophe: "O ' Brien", "rock ' n' roll"
            glue = glue_next = True
        elif tok == '"':
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        if tok in NO_SPACE_AFTER or (len(tok) > 1 and tok.endswith(APOSTROPHES)):
            glue_next = True
        if out and not glue:
            out.append(" ")
        out.append(tok)
    return "".join(out)


def title_from(sentence, words=TITLE_WORDS):
    w = sentence.split()
    title = " ".join(w[:words]).rstrip(" ,;:.")
    return title + ("…" if len(w) > words else "")


def wikineural_articles(data):
    articles = []
    for name in ("test", "val"):
        sents = [detokenize(t) for t in read_conllu(os.path.join(data, "wikineural-fr", name + ".conllu"))]
        # Only full groups: a 3-sentence tail would be an untypical, tiny article.
        for i in range(0, len(sents) - SENTENCES_PER_ARTICLE + 1, SENTENCES_PER_ARTICLE):
            group = sents[i:i + SENTENCES_PER_ARTICLE]
            paras = [" ".join(group[j:j + SENTENCES_PER_PARAGRAPH])
                     for j in range(0, len(group), SENTENCES_PER_PARAGRAPH)]
            articles.append(("wikineural", title_from(group[0]), paras))
    return articles

# ---------------------------------------------------------------- aads novels


# A sentence ends at . ! ? … (maybe followed by a closing » or quote) before an upper-case
# letter or an opening quote/dash: good enough to cut run-on lines without splitting words.
SENTENCE_END = re.compile(r"(?<=[.!?…])([»\"”]?)\s+(?=[«\"“—–-]|[A-ZÀ-ÖØ-Þ])")


def split_long_line(line):
    """Cut a line longer than LONG_LINE into paragraphs of whole sentences.

    Some texts in the set are a single 100+ KB line; an article made of a slice of
    that would have no paragraph boundary to respect.
    """
    if len(line) <= LONG_LINE:
        return [line]
    pieces = SENTENCE_END.sub(lambda m: m.group(1) + "\n", line).split("\n")
    paras, cur = [], ""
    for p in pieces:
        if cur and len(cur) + 1 + len(p) > LONG_LINE:
            paras.append(cur)
            cur = p
        else:
            cur = f"{cur} {p}" if cur else p
    if cur:
        paras.append(cur)
    return paras


def chunk_paragraphs(paras):
    """Group paragraphs into chunks of ~CHUNK_MIN..CHUNK_MAX bytes (one paragraph may overflow)."""
    chunks, cur, size = [], [], 0
    for p in paras:
        n = len(p.encode("utf-8")) + 1
        if cur and size >= CHUNK_MIN and (size >= CHUNK_TARGET or size + n > CHUNK_MAX):
            chunks.append(cur)
            cur, size = [], 0
        cur.append(p)
        size += n
    if cur:
        if chunks and size < CHUNK_MIN // 2:  # a short tail joins the previous article
            chunks[-1].extend(cur)
        else:
            chunks.append(cur)
    return chunks


def aads_articles(data):
    with open(os.path.join(data, "aads-french-ds", "aggregated_corpus.json"), encoding="utf-8") as f:
        docs = json.load(f)
    articles = []
    for key in sorted(docs):  # sorted: independent of the JSON's key order
        text = docs[key]["text"].replace("\r\n", "\n").replace("\r", "\n")
        paras = []
        for line in text.split("\n"):
            line = " ".join(line.split())
            if line:
                paras.extend(split_long_line(line))
        for chunk in chunk_paragraphs(paras):
            first = chunk[0]
            title = title_from(first, 12)
            # A short first line (a chapter heading, a name) is the title; a long one
            # stays in the body and only its beginning serves as title.
            body = chunk[1:] if not title.endswith("…") and len(chunk) > 1 else chunk
            articles.append(("aads", title, body))
    return articles

# ---------------------------------------------------------------- wikinews


class NewsHTML(html.parser.HTMLParser):
    """Collect <h1> as title and the text of <p>, <h2>, <li> as paragraphs."""
    BLOCKS = {"h1", "h2", "p", "li"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.paras, self.cur, self.tag = "", [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.tag, self.cur = tag, []

    def handle_endtag(self, tag):
        if tag == self.tag:
            text = " ".join("".join(self.cur).split())
            if text:
                if tag == "h1" and not self.title:
                    self.title = text
                else:
                    self.paras.append(text)
            self.tag = None

    def handle_data(self, data):
        if self.tag:
            self.cur.append(data)


def wikinews_articles(data):
    folder = os.path.join(data, "wikinews-fr")
    articles = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".html"):
            continue
        p = NewsHTML()
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            p.feed(f.read())
        p.close()
        if p.paras:
            articles.append(("wikinews", p.title or title_from(p.paras[0]), p.paras))
    return articles

# ---------------------------------------------------------------- output


def interleave(*lists):
    """Round-robin over the sources so that a capped corpus (--max) still mixes all three."""
    out = []
    for i in range(max(map(len, lists))):
        out.extend(lst[i] for lst in lists if i < len(lst))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="output directory (created)")
    ap.add_argument("--data", default="../shared/data", help="shared data folder (default ../shared/data)")
    ap.add_argument("--max", type=int, default=0, help="keep at most N articles (0 = all)")
    args = ap.parse_args()

    sources = [wikineural_articles(args.data), aads_articles(args.data), wikinews_articles(args.data)]
    articles = interleave(*sources)
    if args.max > 0:
        articles = articles[:args.max]

    txt_dir = os.path.join(args.out, "txt")
    jsonl_dir = os.path.join(args.out, "jsonl")
    os.makedirs(txt_dir, exist_ok=True)
    os.makedirs(jsonl_dir, exist_ok=True)
    counts, txt_bytes = {}, 0
    with open(os.path.join(jsonl_dir, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as jl:
        for n, (source, title, paras) in enumerate(articles, 1):
            art_id = f"{n:05d}-{source}"
            text = "\n".join(paras)
            data = f"{title}\n\n{text}\n".encode("utf-8")
            with open(os.path.join(txt_dir, art_id + ".txt"), "wb") as f:
                f.write(data)
            jl.write(json.dumps({"id": art_id, "title": title, "text": text}, ensure_ascii=False) + "\n")
            counts[source] = counts.get(source, 0) + 1
            txt_bytes += len(data)
    jsonl_bytes = os.path.getsize(os.path.join(jsonl_dir, "corpus.jsonl"))
    detail = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"make_corpus: {len(articles)} articles ({detail}); "
          f"txt {txt_bytes / 1e6:.2f} MB, jsonl {jsonl_bytes / 1e6:.2f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
