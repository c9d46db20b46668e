#!/usr/bin/env python3
"""Writes an access log of N lines in the Combined Log Format, nginx's default, for `refkit import`
(issue 34): kit pages of the sources in KIT_DIR/content/sources, printed links /r/CODE, crawlers,
404s and assets, over 60 days. Usage: access_log.py N FILE KIT_DIR [BASE_PATH]"""
import os
import random
import sys


def main(count, path, kit, base="/"):
    slugs = sorted(f[:-4] for f in os.listdir(os.path.join(kit, "content/sources")) if f.endswith(".yml"))
    random.seed(34)
    agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
              "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]
    pages = ["", "index.html", "who-to-refer.html", "handout.html", "qr.svg", "missing.html"]
    with open(path, "w") as out:
        for i in range(count):
            day = 1 + (i * 60 // count)
            month, dom = ("Oct", day) if day <= 31 else ("Nov", day - 31)
            slug = random.choice(slugs)
            if i % 7 == 0:
                target, status = f"{base}r/{slug.upper()}", 302
            else:
                page = random.choice(pages)
                target, status = f"{base}{slug}/{page}", 404 if page == "missing.html" else 200
            agent = agents[i % 3]
            out.write(f'198.51.100.{i % 250} - - [{dom:02d}/{month}/2026:{i % 24:02d}:{i % 60:02d}:00 +0100] '
                      f'"GET {target} HTTP/1.1" {status} {1000 + i % 5000} "-" "{agent}"\n')


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "/")
