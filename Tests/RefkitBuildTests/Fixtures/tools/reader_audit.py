#!/usr/bin/env python3
"""Audits rendered pages as their readers meet them, in Debian's Chromium through Playwright
(nothing is downloaded): axe-core (bundled by axe-playwright-python) with the WCAG 2.0/2.1/2.2 A
and AA rules and best practice, sideways scroll at 320 and 375 px, one <h1>, a skip link, and the
drawn size of every logo. Usage:

    reader_audit.py [--screenshots DIR] [--logos] [--site URL OUTPUT] PAGE.html|FOLDER ...

A folder means every .html file below it. With --site, addresses under URL (the kit's site.url,
which the e-mail's images use) are served from the folder OUTPUT. Every e-mail is also audited in
dark mode, and its images checked: PNG or JPEG, decoded, with the width and height declared (an
SVG logo's PNG at twice them), the file under 100 KB. Prints one line per finding and a summary line; exits 1
if anything was found. With --logos, prints each logo's drawn box (`logo PAGE WIDTHxHEIGHT alt`).
With --screenshots, saves a 375 px screenshot of the first page of each kind (the file name's last
part) into DIR."""
import argparse
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

WIDTHS = [(320, 640), (375, 812)]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}

# Measured on the page at each width: how far it scrolls sideways, its <h1>s, its skip link, and
# the drawn box of every logo (an <img> inside an element with class "logo").
MEASURE = """() => {
  // Borders 2 px or thicker carry meaning (a quote's bar, a box, a button's edge): each must
  // contrast 3:1 with what it sits on (WCAG 1.4.11), as drawn.
  const rgb = text => (text.match(/[0-9.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const ground = element => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  function lines() {
    const found = [];
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
        if (parseFloat(style['border' + side + 'Width']) < 2 || style['border' + side + 'Style'] === 'none') continue;
        const ratio = contrast(rgb(style['border' + side + 'Color']).slice(0, 3), ground(element.parentElement));
        if (ratio < 3) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${side.toLowerCase()} border ${ratio.toFixed(2)}:1`);
        break;
      }
    }
    return found;
  }
  const root = document.scrollingElement || document.documentElement;
  const skip = document.querySelector('a[href^="#"]');
  const target = skip ? document.getElementById(decodeURIComponent(skip.getAttribute('href').slice(1))) : null;
  return {
    scroll: root.scrollWidth, width: window.innerWidth,
    h1: document.querySelectorAll('h1').length,
    skip: !!(skip && target && skip === document.querySelector('body a')),
    lines: lines(),
    // The co-brand lockup (issue 32): the "×" between the two logos, in a row or in a column,
    // never hanging at a line's end with a logo wrapped below it.
    lockup: (() => {
      const lockup = document.querySelector('.brandbar__logos, .sheet__logos');
      const times = lockup && lockup.querySelector('.times');
      const logos = lockup ? [...lockup.querySelectorAll(':scope > .logo')].map(l => l.getBoundingClientRect()) : [];
      if (!times || logos.length < 2) return true;
      const x = times.getBoundingClientRect(), [a, b] = logos;
      const between = (p, lo, hi) => p >= Math.min(lo, hi) - 1 && p <= Math.max(lo, hi) + 1;
      const row = between((x.left + x.right) / 2, (a.left + a.right) / 2, (b.left + b.right) / 2)
        && x.bottom > Math.max(a.top, b.top) && x.top < Math.min(a.bottom, b.bottom);
      const column = between((x.top + x.bottom) / 2, (a.top + a.bottom) / 2, (b.top + b.bottom) / 2) && x.top >= Math.min(a.bottom, b.bottom) - 1;
      return row || column;
    })(),
    // Words broken where no reader breaks them (issue 32): a heading's word or a code drawn on two
    // lines (a word with a hyphen of its own may break there).
    broken: (() => {
      const found = [];
      for (const element of document.querySelectorAll('h1, h2, .code')) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
          for (const match of node.data.matchAll(/[^\s\u2068\u2069]+/g)) {
            if (match[0].length < 2 || match[0].includes('-')) continue;
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (tops.size > 1) found.push(match[0]);
          }
        }
      }
      return found;
    })(),
    logos: [...document.querySelectorAll('.logo img, img.logo')].map(img => {
      const box = img.getBoundingClientRect();
      return {alt: img.alt, src: img.currentSrc, width: Math.round(box.width), height: box.height};
    }),
  };
}"""


def logo_text(src, site):
    """An SVG logo's smallest text (its font size) against the height of its own canvas, from the
    file the page loaded; None for a bitmap or an SVG with no text."""
    import re as _re
    import urllib.parse
    if src.startswith("file://"):
        path = pathlib.Path(urllib.parse.unquote(src[len("file://"):]))
    elif site and src.startswith(site[0].rstrip("/") + "/"):
        path = pathlib.Path(site[1]) / urllib.parse.unquote(src[len(site[0].rstrip("/")) + 1:].split("?")[0])
    else:
        return None
    if path.suffix.lower() != ".svg" or not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    sizes = [float(m) for m in _re.findall(r'<text[^>]*font-size="([\d.]+)', text)]
    box = _re.search(r'viewBox="[\d.\s,-]+?\s([\d.]+)"', text) or _re.search(r'<svg[^>]*\sheight="([\d.]+)', text)
    return (min(sizes), float(box.group(1))) if sizes and box else None


def pages(arguments):
    for argument in arguments:
        path = pathlib.Path(argument)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.html"))
        else:
            yield path


def kind(path):
    """A page's kind for screenshots: email, handout, index, an offer, a kit page, the directory."""
    if path.parent.name == "offers":
        return "offer"
    return path.stem if path.stem in ("email", "handout", "index", "report") else "page"


def serve(page, url, output):
    """Answers requests under `url` from the folder `output`, as the published site would."""
    base = url.rstrip("/") + "/"
    root = pathlib.Path(output)

    def answer(route):
        file = root / route.request.url[len(base):].split("?")[0].split("#")[0]
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="not found")
    page.route(base + "**", answer)


EMAIL_IMAGES = """() => Promise.all([...document.images].map(img => img.decode().catch(() => null).then(() => ({
  src: img.currentSrc, natural: [img.naturalWidth, img.naturalHeight],
  declared: [img.getAttribute('width'), img.getAttribute('height')],
}))))"""


def audit_email(page, path, axe):
    """The e-mail as mail programs meet it: its size, its images, and dark mode."""
    findings = 0
    size = path.stat().st_size
    if size >= 100_000:
        findings += 1
        print(f"{path}: the e-mail is {size} bytes (100 KB or more)")
    for image in page.evaluate(EMAIL_IMAGES):
        src, (width, height), declared = image["src"], image["natural"], image["declared"]
        if not src.lower().endswith((".png", ".jpg", ".jpeg", ".gif")):
            findings += 1
            print(f"{path}: image {src} is not PNG, JPEG or GIF")
        if width == 0 or None in declared:
            findings += 1
            print(f"{path}: image {src} {'did not decode' if width == 0 else 'has no width and height'}")
        elif "/assets/email/" in src and [width, height] != [2 * int(declared[0]), 2 * int(declared[1])]:
            findings += 1
            print(f"{path}: image {src} is {width}x{height}, not twice {declared[0]}x{declared[1]}")
        elif "/assets/" in src and int(declared[0]) > 300:
            findings += 1
            print(f"{path}: logo {src} is drawn {declared[0]} px wide (FORMAT.md: 300 at most)")
    page.emulate_media(color_scheme="dark")
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        findings += 1
        print(f"{path}: dark mode: axe {violation['id']} ({violation['impact']}, {len(violation['nodes'])}x)")
    page.emulate_media(color_scheme="light")
    return findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenshots")
    parser.add_argument("--logos", action="store_true")
    parser.add_argument("--site", nargs=2, metavar=("URL", "OUTPUT"))
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()
    axe = Axe()
    findings = 0
    audited = 0
    shot = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for path in pages(arguments.paths):
            audited += 1
            name = str(path)
            for width, height in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": height})
                if arguments.site:
                    serve(page, *arguments.site)
                page.goto(path.resolve().as_uri())
                page.wait_for_load_state("load")
                measured = page.evaluate(MEASURE)
                if measured["scroll"] > measured["width"]:
                    findings += 1
                    print(f"{name}: scrolls sideways at {width} px ({measured['scroll']} px wide)")
                for word in measured["broken"]:
                    findings += 1
                    print(f"{name}: '{word}' is broken across lines at {width} px")
                for logo in measured["logos"]:
                    own = logo_text(logo["src"], arguments.site)
                    # A logo with no alt is decoration (a post's author mark beside the name).
                    if own and logo["alt"] and logo["height"] > 0 and own[0] * logo["height"] / own[1] < 10:
                        findings += 1
                        print(f"{name}: the text of logo '{logo['alt']}' is drawn {own[0] * logo['height'] / own[1]:.1f} px tall at {width} px (under 10)")
                if not measured["lockup"]:
                    findings += 1
                    print(f"{name}: the logos' lockup comes apart at {width} px (the \u00d7 not between the logos)")
                if width == 375:
                    for line in measured["lines"]:
                        findings += 1
                        print(f"{name}: {line} against what it sits on (under 3:1)")
                    if measured["h1"] != 1:
                        findings += 1
                        print(f"{name}: {measured['h1']} <h1> elements")
                    if not measured["skip"] and path.stem != "email":
                        findings += 1
                        print(f"{name}: no skip link (the first link, to an element on the page)")
                    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
                        findings += 1
                        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
                        print(f"{name}: axe {violation['id']} ({violation['impact']}, {len(violation['nodes'])}x): {targets}")
                    if path.stem == "email":
                        findings += audit_email(page, path, axe)
                    if arguments.logos:
                        for logo in measured["logos"]:
                            print(f"logo {name} {logo['width']}x{round(logo['height'])} {logo['alt']}")
                    if arguments.screenshots and kind(path) not in shot:
                        shot.add(kind(path))
                        page.screenshot(path=f"{arguments.screenshots}/{kind(path)}.png", full_page=True)
                page.close()
        browser.close()
    print(f"{audited} pages audited, {findings} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
