#!/usr/bin/env python3
"""Feeds hostile text into every field refkit writes into an iCalendar, vCard or Atom file, builds,
and reads each file back with the parsers people use (icalendar, vobject, feedparser). A value with
a line feed, a quote, a semicolon, a comma, a backslash or a colon must come back as one value of
the property it was written to: never a second event, an injected property or a broken file. A
build that refuses the text must say so as a diagnostic (exit 1, FILE:LINE:COLUMN), never crash.
Usage: fuzz_formats.py REFKIT NETWORK_KIT ITERATIONS SEED. Prints a summary; exits 1 on a failure."""
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import feedparser
import icalendar
import vobject

refkit, source_kit, iterations, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
random.seed(seed)
PIECES = ["\n", '"', "'", ";", ",", "\\", ":", "=", "^", "\t", "URL:https://evil.example", "END:VEVENT",
          "BEGIN:VEVENT", "ATTENDEE:mailto:x@evil.example", "<b>", "&amp;", "]]>", "é", "ü", "ą", "ż", "👩🏽‍💼", "\u05d0",
          "\u0627\u0644", "e" + "\u0301" * 40, "Zdzisława Żółkiewska", " ", "x" * 70]


RARE = ["\u202e", "\u0007", "\u0000", "\u001b", "\r"]  # refused wherever refkit reads text


def hostile() -> str:
    text = "".join(random.choice(PIECES) for _ in range(random.randint(1, 6)))
    if random.random() < 0.03:
        text += random.choice(RARE)
    return "N" + text + "Z"  # never empty, never only spaces


def yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar (control characters as \\u escapes)


def expected_text(value: str) -> str:
    """What a TEXT value should read back as: line breaks as \\n, control characters left out."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or not (ord(c) < 0x20 or ord(c) == 0x7F))


def expected_parameter(value: str) -> str:
    """RFC 6868 brings back line breaks and quotes; other control characters are spaces. RFC 5545 has
    no backslash escape in parameters, but icalendar reads `\\,` `\\;` `\\\\` in one as
    the character alone: expect what it reads."""
    value = "".join(" " if (ord(c) < 0x20 or ord(c) == 0x7F) and c not in "\r\n" else c for c in value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\\([,;\\])", r"\1", value)


def check(out, values, iteration):
    for path in glob.glob(f"{out}/*/library/seminar.ics"):
        raw = open(path, "rb").read()
        calendar = icalendar.Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        problems = []
        if len(events) != 1:
            problems.append(f"{len(events)} events")
        else:
            event = events[0]
            if str(event["SUMMARY"]) != expected_text(values["title"]):
                problems.append(f"SUMMARY {str(event['SUMMARY'])!r}")
            if str(event["LOCATION"]) != expected_text(values["where"]):
                problems.append(f"LOCATION {str(event['LOCATION'])!r}")
            if not str(event["DESCRIPTION"]).startswith(expected_text(values["summary"])):
                problems.append(f"DESCRIPTION {str(event['DESCRIPTION'])!r}")
            if event["ORGANIZER"].params.get("CN") != expected_parameter(values["site"]):
                problems.append(f"ORGANIZER CN {event['ORGANIZER'].params.get('CN')!r}")
            if len(event.get("URL", "")) == 0 or isinstance(event.get("URL"), list):
                problems.append("URL not one value")
        if any(len(line) > 75 for line in raw.split(b"\r\n")):
            problems.append("a line over 75 octets")
        if problems:
            failures.append(f"{iteration}: {os.path.relpath(path, out)}: {'; '.join(problems)} {values!r}")
    for path in glob.glob(f"{out}/*/contact.vcf"):
        raw = open(path, "rb").read()
        card = vobject.readOne(raw.decode("utf-8"), validate=True)
        problems = []
        org = ";".join(card.org.value)
        if org != expected_text(values["site"]):
            problems.append(f"ORG {org!r}")
        if card.fn.value != expected_text(values["contact"]):
            problems.append(f"FN {card.fn.value!r}")
        if any(len(line) > 75 for line in raw.split(b"\r\n")):
            problems.append("a line over 75 octets")
        if problems:
            failures.append(f"{iteration}: {os.path.relpath(path, out)}: {'; '.join(problems)} {values!r}")
    feed = feedparser.parse(f"{out}/network/feed.xml")
    titles = [entry.get("title") for entry in feed.entries]
    if feed.bozo or expected_text(values["post"]).replace("\t", "\t") not in [t for t in titles] and \
            " ".join(expected_text(values["post"]).split()) not in [" ".join((t or "").split()) for t in titles]:
        failures.append(f"{iteration}: feed.xml: bozo={feed.bozo} {feed.get('bozo_exception')} titles={titles[:3]!r} {values!r}")



failures, built, refused = [], 0, 0
reasons = __import__("collections").Counter()
for iteration in range(iterations):
    values = {name: hostile() for name in ["site", "contact", "partner", "title", "where", "summary", "post"]}
    with tempfile.TemporaryDirectory() as kit:
        shutil.copytree(source_kit, kit, dirs_exist_ok=True)
        site = open(f"{kit}/content/site.yml", encoding="utf-8").read()
        site = re.sub(r"(?m)^name: .*$", lambda _: "name: " + yaml(values["site"]), site)
        site = site.replace("contact: { name: Ann Acme,", "contact: { name: " + yaml(values["contact"]) + ",")
        open(f"{kit}/content/site.yml", "w", encoding="utf-8").write(site)
        partner = open(f"{kit}/content/sources/bolt-partners.yml", encoding="utf-8").read()
        partner = re.sub(r"(?m)^name: .*$", lambda _: "name: " + yaml(values["partner"]), partner)
        open(f"{kit}/content/sources/bolt-partners.yml", "w", encoding="utf-8").write(partner)
        seminar = open(f"{kit}/content/library/seminar.md", encoding="utf-8").read()
        seminar = seminar.replace("title: Books in an hour", "title: " + yaml(values["title"]) + "\nsummary: " + yaml(values["summary"]))
        seminar = re.sub(r"(?m)^where: .*$", lambda _: "where: " + yaml(values["where"]), seminar)
        open(f"{kit}/content/library/seminar.md", "w", encoding="utf-8").write(seminar)
        post = open(f"{kit}/content/network/post-01.md", encoding="utf-8").read()
        post = re.sub(r"(?m)^title: .*$", lambda _: "title: " + yaml(values["post"]), post)
        open(f"{kit}/content/network/post-01.md", "w", encoding="utf-8").write(post)

        run = subprocess.run([refkit, "build", kit, "--date", "2026-11-23"], capture_output=True, text=True, timeout=60)
        if run.returncode != 0:
            if run.returncode != 1 or not re.search(r"^content/\S+:\d+:\d+: error: ", run.stderr, re.M):
                failures.append(f"{iteration}: exit {run.returncode} without a diagnostic: {run.stderr[-400:]!r} {values!r}")
            refused += 1
            reasons.update(re.sub(r"^\S+: error: ", "", line)[:60] for line in run.stderr.splitlines() if ": error: " in line)
            continue
        built += 1
        out = f"{kit}/output"
        try:
            check(out, values, iteration)
        except Exception as error:  # a parser that gives up is a failure too
            failures.append(f"{iteration}: {error.__class__.__name__}: {error} {values!r}")

for reason, count in reasons.most_common(8):
    print(f"refused {count}×: {reason}")
for failure in failures[:20]:
    print(failure)
print(f"{iterations} kits: {built} built and read back, {refused} refused with a diagnostic, {len(failures)} failures")
sys.exit(1 if failures else 0)
