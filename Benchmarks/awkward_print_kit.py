#!/usr/bin/env python3
"""Writes a kit of N awkward sources for the print audit (issue 32): long names in several scripts,
15:1 and 1:4 logos, 8 trigger phrases of 30 words, 6 steps, offers with long values and terms, every
shipped language. Usage: awkward_print_kit.py DIR [N] [a4|letter]."""
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AWKWARD = os.path.join(ROOT, "Tests/RefkitBuildTests/Fixtures/kits/awkward")
LANGS = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ar"]
NAMES = ["Praxisgemeinschaft für Physiotherapie und Rehabilitation Überlingen-Nußdorf",
         "جمعية الأطباء المتحدين للرعاية الصحية الشاملة في الإسكندرية",
         "Pracownia Architektury Krajobrazu i Urbanistyki Szczebrzeszyn",
         "Établissements Léon-Marie Quatrefages de Saint-Pourçain-sur-Sioule",
         "Anna"]
WORDS = ("we are thinking about moving the whole office to a new building next spring and nobody "
         "here knows how the lease the tax and the insurance questions fit together at all").split()


def phrase(i):
    return " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(30))


def main(folder, count=50, paper="a4"):
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(AWKWARD, "content"), os.path.join(folder, "content"))
    if os.path.isdir(os.path.join(AWKWARD, "templates")):
        shutil.copytree(os.path.join(AWKWARD, "templates"), os.path.join(folder, "templates"))
    site = os.path.join(folder, "content/site.yml")
    with open(site, "a", encoding="utf-8") as f:
        f.write(f"paper: {paper}\n")
    kit = os.path.join(folder, "content/kit")
    with open(os.path.join(kit, "90-listen-long.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: What to listen for, in long\nkind: trigger-phrases\nsummary: \"" + phrase(3) + "\"\nphrases:\n"
                + "".join(f"  - \"{phrase(i)}\"\n" for i in range(8)) + "---\nBody.\n")
    with open(os.path.join(kit, "91-how-long.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: How to refer, in long\nkind: how-to-refer\nsteps:\n"
                + "".join(f"  - \"Step {i}: {phrase(i + 9)[:140]}\"\n" for i in range(6)) + "---\nBody.\n")
    offers = os.path.join(folder, "content/offers")
    with open(os.path.join(offers, "long-value.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: \"A first consultation (ninety minutes) for the whole family, with a written plan)\"\n"
                "kind: coupon\nvalue: \"" + phrase(5) + " (value 450 zł)\"\ncode: \"{{source.code}}-FAMILY\"\n"
                "expires: 2027-06-30\nterms: \"" + phrase(6) + " " + phrase(7) + "\"\naudience: all\n---\n"
                + "\n\n".join(phrase(i) for i in range(4)) + "\n")
    sources = os.path.join(folder, "content/sources")
    logos = ["assets/wide.svg", "assets/tall.svg", "assets/tall.png", "assets/wide.png", None]
    for i in range(count):
        lang = LANGS[i % len(LANGS)]
        name = NAMES[i % len(NAMES)] + f" {i}"
        segment = "partner" if i % 2 == 0 else "customer"
        logo = logos[i % len(logos)]
        with open(os.path.join(sources, f"awkward-{i:02d}.yml"), "w", encoding="utf-8") as f:
            f.write(f"name: \"{name}\"\nsegment: {segment}\ncode: AWK{i:02d}-{'X' * (i % 9)}\nlanguage: {lang}\n"
                    f"contact: {{ name: \"{name}\", email: empfehlungen-und-rueckfragen-{i}@praxisgemeinschaft-sonnenhof.example }}\n")
            if segment == "partner" and logo:
                f.write(f"brand: {{ logo: {logo}, colors: {{ primary: \"#5B2A86\" }} }}\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50, sys.argv[3] if len(sys.argv) > 3 else "a4")
