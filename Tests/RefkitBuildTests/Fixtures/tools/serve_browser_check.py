#!/usr/bin/env python3
"""Drives `refkit serve` with a real browser (Debian's Chromium through Playwright; nothing is
downloaded): open a page, edit the Markdown behind it and wait for the new text without a manual
reload; break the YAML and wait for the overlay naming the file and line; fix it and wait for
the page to recover. Usage: serve_browser_check.py REFKIT KIT_DIR. Prints one line per step
with its latency; exits 1 on the first failure. The server is bound to 127.0.0.1 and stopped."""
import pathlib
import sys
import time

from playwright.sync_api import sync_playwright
from serving import serving

refkit, kit = sys.argv[1], pathlib.Path(sys.argv[2])
with serving(refkit, kit) as server:
    port = server.port
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/cara/who.html")
        page.wait_for_selector("text=Refer small firms")
        time.sleep(0.5)  # the live-reload socket connects

        page_file = kit / "content/kit/01-who.md"
        page_file.write_text(page_file.read_text().replace("Refer **small firms**", "Refer **brave new firms**"))
        started = time.time()
        page.wait_for_selector("text=brave new firms", timeout=2000)
        print(f"edit shown after {time.time() - started:.2f} s")

        source = kit / "content/sources/cara.yml"
        good = source.read_text()
        source.write_text("name: Cara\nsegment: [customer\n")
        started = time.time()
        overlay = page.wait_for_selector("#refkit-overlay", timeout=2000)
        text = overlay.text_content()
        if "content/sources/cara.yml:" not in text:
            sys.exit(f"overlay does not name the file and line: {text!r}")
        print(f"overlay after {time.time() - started:.2f} s: {text.splitlines()[2]}")

        source.write_text(good)
        started = time.time()
        page.wait_for_function("() => !document.getElementById('refkit-overlay')", timeout=2000)
        page.wait_for_selector("text=brave new firms", timeout=2000)
        print(f"recovered after {time.time() - started:.2f} s")
        browser.close()
