#!/usr/bin/env python3
"""Reads `refkit outbox`'s folder as a consumer does. Every DATE-S-KIND.eml is parsed by Python's
`email` package (policy `default`) and printed as one JSON line: its decoded From, To and Subject,
Message-ID, List-Unsubscribe, the parts' types, whether the text part carries the referral link,
and every defect the parser found. messages.csv is read with `csv` (its rows, and whether each
names an existing HTML file and the message's address). With --serve OUTPUT --port P, OUTPUT is
served over HTTP on P and each message's HTML part is opened in Debian's Chromium: a line per
message says how many of its images loaded.

usage: check_outbox.py OUTBOX [--serve OUTPUT --port P]
"""
import argparse
import csv
import email
import email.policy
import http.server
import json
import pathlib
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outbox")
    parser.add_argument("--serve")
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    outbox = pathlib.Path(args.outbox)
    rows = {}
    with open(outbox / "messages.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[row["HTML_FILE"]] = row
    for path in sorted(outbox.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        defects = [type(d).__name__ for part in message.walk() for d in part.defects]
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        row = rows.get(path.stem + ".html", {})
        link_line = next((line for line in text.get_content().splitlines() if "ref=" in line), "") if text else ""
        print(json.dumps({
            "file": path.name, "from": str(message["From"]), "to": str(message["To"]), "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]), "unsubscribe": str(message["List-Unsubscribe"]),
            "language": str(message["Content-Language"]),
            "parts": [part.get_content_type() for part in message.walk()], "link": link_line,
            # (MIME's line ends are CRLF; the file's are LF.)
            "html_is_file": html is not None
            and (outbox / (path.stem + ".html")).read_text(encoding="utf-8") == html.get_content().replace("\r\n", "\n"),
            "csv": bool(row) and row["EMAIL"] in str(message["To"]) and row["SUBJECT"] == str(message["Subject"]),
            "defects": defects,
        }, ensure_ascii=False))
    print(f"csv {len(rows)} rows")
    if args.serve:
        check_images(outbox, args.serve, args.port)


def check_images(outbox, root, port):
    from playwright.sync_api import sync_playwright

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=root, **k)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 375, "height": 800})
        for path in sorted(outbox.glob("*.html")):
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("networkidle")
            loaded = page.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
            total = page.evaluate("document.images.length")
            sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            print(f"images {path.name} {loaded}/{total} sideways {sideways}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
