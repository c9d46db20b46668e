"""Reads every published HTML page's link-preview tags as a link-preview parser does (extruct's
Open Graph reader, the one Scrapinghub's crawlers use), and checks what a chat program would fetch:

    check_previews.py OUTPUT SITE_URL

Every page but the e-mail (a mail body) must have og:title, og:description, og:url, og:image with
its width and height, og:locale, og:site_name and twitter:card = summary_large_image; og:url and
og:image must be under SITE_URL and name files the output has; the image must be a PNG whose size
is the one the tags give, 1200 x 630, under 300 KB. Prints one JSON object: the pages checked, the
card each page shows (page -> image path), and the problems found (none when all is well)."""
import json
import os
import re
import struct
import sys

import extruct

REQUIRED = ["og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height", "og:locale", "og:site_name"]


def png_size(path):
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def local(output, site_url, url):
    """The output file an absolute URL under site_url names (a folder: its index.html)."""
    base = site_url.rstrip("/") + "/"
    if not url.startswith(base):
        return None
    path = url[len(base):]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return os.path.join(output, path)


def main():
    output, site_url = sys.argv[1], sys.argv[2]
    pages, cards, problems = 0, {}, []
    for folder, _, names in os.walk(output):
        for name in sorted(names):
            if not name.endswith(".html") or name == "email.html":
                continue
            path = os.path.join(folder, name)
            page = os.path.relpath(path, output)
            with open(path, encoding="utf-8") as handle:
                html = handle.read()
            pages += 1
            graph = extruct.extract(html, base_url=site_url, syntaxes=["opengraph"], uniform=False)["opengraph"]
            properties = dict(graph[0]["properties"]) if graph else {}
            missing = [key for key in REQUIRED if not properties.get(key)]
            if missing:
                problems.append(f"{page}: no {', '.join(missing)}")
                continue
            if not re.search(r'<meta name="twitter:card" content="summary_large_image">', html):
                problems.append(f"{page}: no twitter:card summary_large_image")
            target = local(output, site_url, properties["og:url"])
            if target is None or not os.path.isfile(target):
                problems.append(f"{page}: og:url {properties['og:url']} is not a page of the output")
            elif os.path.realpath(target) != os.path.realpath(path):
                problems.append(f"{page}: og:url {properties['og:url']} names another page")
            image = local(output, site_url, properties["og:image"])
            if image is None or not os.path.isfile(image):
                problems.append(f"{page}: og:image {properties['og:image']} is not in the output")
                continue
            size = png_size(image)
            tagged = (int(properties["og:image:width"]), int(properties["og:image:height"]))
            if size != tagged or size != (1200, 630):
                problems.append(f"{page}: the card is {size}, the tags say {tagged}")
            if os.path.getsize(image) >= 300 * 1024:
                problems.append(f"{page}: the card is {os.path.getsize(image)} bytes (WhatsApp drops 300 KB or more)")
            cards[page] = os.path.relpath(image, output)
    print(json.dumps({"pages": pages, "cards": cards, "problems": problems}, ensure_ascii=False))


main()
