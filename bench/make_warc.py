#!/usr/bin/python3
"""Write a WARC file of web pages, as a crawler would (CC-NEWS style).

Usage: /usr/bin/python3 bench/make_warc.py PAGES_DIR OUT.warc.gz [--copies N]

Each page folder's source.html becomes a `response` record (an HTTP/1.1 200
with its Content-Type) preceded by its `request` record, each record its own
gzip member, after one `warcinfo` record. --copies repeats the whole set
with different URLs, for a larger file. Standard library only; the same
input gives the same bytes.
"""
import gzip
import os
import sys


def record(kind, uri, block, content_type, number):
    head = (
        "WARC/1.1\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        "WARC-Date: 2022-01-06T08:30:00Z\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n", mtime=0)


def main():
    args = sys.argv[1:]
    copies = 1
    if "--copies" in args:
        i = args.index("--copies")
        copies = int(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    pages_dir, out = args
    pages = sorted(
        p for p in os.listdir(pages_dir) if os.path.isfile(os.path.join(pages_dir, p, "source.html"))
    )
    number = 0
    with open(out, "wb") as f:
        f.write(record("warcinfo", "", b"software: veille bench/make_warc.py\r\n", "application/warc-fields", number))
        for copy in range(copies):
            for page in pages:
                body = open(os.path.join(pages_dir, page, "source.html"), "rb").read()
                uri = f"https://pages.example/{copy}/{page}"
                number += 1
                request = f"GET /{copy}/{page} HTTP/1.1\r\nHost: pages.example\r\n\r\n".encode()
                f.write(record("request", uri, request, "application/http; msgtype=request", number))
                number += 1
                http = (
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n"
                ).encode() + body
                f.write(record("response", uri, http, "application/http; msgtype=response", number))
    print(f"{out}: {len(pages) * copies} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
