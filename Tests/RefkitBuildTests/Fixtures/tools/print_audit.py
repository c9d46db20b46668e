#!/usr/bin/env python3
"""Audits every handout and offer PDF under the output folders given (issue 32), as a reader of
the printed page would: one page; no word box overlapping another (text printed over the footer or
over other text); no word box outside the sheet; and every word the page's HTML shows in the sheet
present in the PDF (a clamp or an overflow that cuts text loses words). Prints one line per PDF with
a finding, and a summary line: `pdfs N overlapping N outside N cut N`. Exit status 0 always: the
caller compares the figures."""
import html as htmlmod
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def norm(text):
    """Case folded (an uppercased heading prints ß as SS) and NFKC (Arabic presentation forms)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if unicodedata.category(c) != "Mn")  # Arabic vowel marks and shadda


def key(word):
    """An Arabic word by its letters (pdftotext writes a lam-alef ligature's letters in visual
    order); any other word as it is."""
    return "".join(sorted(word)) if any("\u0600" <= c <= "\u06ff" for c in word) else word


def words_of_pdf(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out)
    width, height = (float(page.group(1)), float(page.group(2))) if page else (0, 0)
    boxes = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        boxes.append((x0, y0, x1, y1, htmlmod.unescape(m.group(5))))
    return width, height, boxes


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 0


def overlapping(boxes):
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w <= 0 or h <= 0:
                continue
            smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
            if smaller > 0 and w * h > 0.25 * smaller:
                found.append((a[4], b[4]))
    return found


def sheet_words(page_html):
    """The words the page's printed part holds: the handout's sheet, or an offer's main."""
    text = open(page_html, encoding="utf-8").read()
    m = re.search(r'<article class="sheet">(.*)</article>', text, re.S) or re.search(r"<main[^>]*>(.*)</main>", text, re.S)
    if not m:
        return Counter()
    body = re.sub(r"<(svg|style|script)\b.*?</\1>", " ", m.group(1), flags=re.S)
    body = re.sub(r'<[^>]*class="[^"]*\bsr-only\b[^"]*"[^>]*>.*?</[a-z]+>', " ", body, flags=re.S)
    body = htmlmod.unescape(re.sub(r"<[^>]+>", " ", body))
    return Counter(key(w) for w in WORD.findall(norm(body)))


def audit(pdf, quiet=False):
    width, height, boxes = words_of_pdf(pdf)
    findings = {}
    count = pages(pdf)
    if count != 1:
        findings["pages"] = count
    over = overlapping(boxes)
    if over:
        findings["overlapping"] = over[:3]
    outside = [b[4] for b in boxes if b[0] < 0 or b[1] < 0 or b[2] > width + 0.5 or b[3] > height + 0.5]
    if outside:
        findings["outside"] = outside[:3]
    page_html = pdf[:-4] + ".html"
    if os.path.exists(page_html):
        printed = Counter(key(w) for b in boxes for w in WORD.findall(norm(b[4])))
        joined = norm("".join(b[4] for b in boxes))
        # A right-to-left word may come out of pdftotext in visual order: reversed.
        missing = [w for w, n in (sheet_words(page_html) - printed).items() if w not in joined and w[::-1] not in joined]
        # pdftotext splits some shaped Arabic words at a mark (ترشّح comes out as شّرت and ح): one
        # or two Arabic words are its reading, not the page's; three are a cut.
        arabic = [w for w in missing if any("\u0600" <= c <= "\u06ff" for c in w)]
        if len(missing) > len(arabic) or len(arabic) >= 3:
            findings["cut"] = missing[:6]
    return findings


def main(folders):
    totals = Counter()
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith(".pdf"):
                    continue
                pdf = os.path.join(root, name)
                totals["pdfs"] += 1
                findings = audit(pdf)
                for key in ("overlapping", "outside", "cut"):
                    if key in findings:
                        totals[key] += 1
                if "pages" in findings:
                    totals["pages"] += 1
                if findings:
                    print(pdf, findings)
    print(f"pdfs {totals['pdfs']} overlapping {totals['overlapping']} outside {totals['outside']} cut {totals['cut']} more-than-one-page {totals['pages']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--json"]:
        # One line per PDF under the folders given: {"pdf": PATH, "findings": {...}} (a test reads it).
        import json
        for folder in sys.argv[2:]:
            for root, _, files in os.walk(folder):
                for name in sorted(files):
                    if name.endswith(".pdf"):
                        print(json.dumps({"pdf": os.path.join(root, name), "findings": audit(os.path.join(root, name))}, ensure_ascii=False))
    else:
        main(sys.argv[1:])
