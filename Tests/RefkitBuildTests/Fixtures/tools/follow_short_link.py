#!/usr/bin/env python3
"""Opens short-link pages (output/r/CODE/index.html) in Debian's Chromium through Playwright and
prints, for each, the address the browser was sent on to (requests leaving the machine are
answered by a stub, nothing is fetched). Usage: follow_short_link.py PAGE.html ..."""
import pathlib
import sys

from playwright.sync_api import sync_playwright

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for argument in sys.argv[1:]:
        page = browser.new_page()
        page.route(lambda url: url.startswith("http"), lambda route: route.fulfill(body="arrived", content_type="text/plain"))
        page.goto(pathlib.Path(argument).resolve().as_uri())
        page.wait_for_url(lambda url: url.startswith("http"), timeout=5000)
        print(page.url)
        page.close()
    browser.close()
