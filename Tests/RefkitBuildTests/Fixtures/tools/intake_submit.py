#!/usr/bin/env python3
"""The refer-someone form as a source meets it: Debian's Chromium (through Playwright) opens
OUTPUT/PAGE served over HTTP at 320 px, where a local endpoint (POST /submit on the same port)
records what a form posts. Prints one line per finding:

  axe ID (IMPACT, Nx)       an axe-core violation (WCAG 2.0-2.2 A/AA, best practice)
  sideways N                the page scrolls sideways at 320 px
  trap visible|announced    the honeypot is seen, or in the accessibility tree
  empty sent                an empty form was posted (the browser must stop it)
  missing MESSAGE           the browser's message for the first empty required field
  posted JSON               the fields the endpoint received from the filled-in form

usage: intake_submit.py --port PORT OUTPUT PAGE
"""
import argparse
import http.server
import json
import threading
import urllib.parse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
posts = []


def serve(root, port):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            posts.append(urllib.parse.parse_qs(body, keep_blank_values=True))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!DOCTYPE html><html lang=en><title>Thanks</title><h1>Thanks</h1>")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("output")
    parser.add_argument("page")
    args = parser.parse_args()
    server = serve(args.output, args.port)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 320, "height": 640})
        page.goto(f"http://127.0.0.1:{args.port}/{args.page}")
        for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]:
            print(f"axe {violation['id']} ({violation['impact']}, {len(violation['nodes'])}x)")
        sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if sideways > 0:
            print(f"sideways {sideways}")
        if page.is_visible("input[name=_gotcha]"):
            print("trap visible")
        # What a screen reader is given: Chromium's accessibility tree, nodes it ignores left out.
        trap_label = page.eval_on_selector("input[name=_gotcha]", "e => e.closest('label').textContent.trim()")
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        if any(trap_label in json.dumps(node.get("name", {})) for node in tree if not node.get("ignored")):
            print("trap announced")
        # Sent empty, the browser stops the form and says what is missing.
        page.click("button[type=submit]")
        page.wait_for_timeout(300)
        if posts:
            print("empty sent")
        print("missing " + page.eval_on_selector("#prospect", "e => e.validationMessage"))
        page.fill("#prospect", "Omar Haddad")
        page.fill("#contact", "omar@haddad.example")
        page.fill("#need", "Payroll, from January")
        page.check("#consent")
        with page.expect_navigation():
            page.click("button[type=submit]")
        browser.close()
    server.shutdown()
    for post in posts:
        print("posted " + json.dumps({key: values[0] for key, values in sorted(post.items())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
