#!/usr/bin/env python3
"""Checks `refkit report`'s output against an independent computation from the kit's files.

Usage: check_report.py KIT PRIVATE FROM TO TODAY
Reads KIT/content/ledger.csv (Python's csv module) and the sources' slugs, codes and segments,
computes every source's numbers, the thank-you list and the quiet sources itself, and compares
them with what PRIVATE/report/index.html shows; parses PRIVATE/follow-up.ics with the icalendar
package and checks each source's next follow-up (expanded by dateutil.rrule) against the page;
parses every inline <svg> as XML. Prints what differs; exits 1 if anything does, 77 if a module
is missing."""
import csv
import datetime
import html.parser
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

try:
    import icalendar
    from dateutil import rrule
except ImportError as error:
    print(f"missing Python module: {error.name} (pip install icalendar)")
    sys.exit(77)

kit, private = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
start, end, today = (datetime.date.fromisoformat(a) for a in sys.argv[3:6])
problems = []

# The kit's sources: slug, code, segment, name (one-line YAML keys, as the kits tested write them).
sources = {}
for path in sorted((kit / "content" / "sources").glob("*.yml")):
    text = path.read_text()
    def key(name):
        m = re.search(rf"^{name}:\s*(.+?)\s*$", text, re.M)
        return m.group(1).strip('"') if m else None
    slug = path.stem
    sources[slug] = {"code": (key("code") or slug.upper()), "segment": key("segment"), "name": key("name")}
names = {}
for slug, s in sources.items():
    names[slug] = slug
    names[s["code"].upper()] = slug

# The ledger, in date order (rows of one day in file order).
rows = []
with open(kit / "content" / "ledger.csv", newline="") as f:
    for index, row in enumerate(csv.DictReader(f)):
        if not row["date"]:
            continue
        who = row["source"].strip()
        slug = names.get(who) or names.get(who.upper()) or names.get(who.lower())
        rows.append((datetime.date.fromisoformat(row["date"]), index, slug, row["stage"].strip(), (row["value"] or "").strip()))
rows.sort()

stages = ["view", "lead", "appointment", "deal", "lost"]
def empty():
    return {**{s: 0 for s in stages}, "value": 0.0}
per_source = {slug: empty() for slug in sources}
per_segment = {"partner": empty(), "customer": empty()}
since_thanks = {slug: 0 for slug in sources}
last_active = {slug: None for slug in sources}
for day, _, slug, stage, value in rows:
    if day > end:
        continue
    if stage == "thanked":
        since_thanks[slug] = 0
    else:
        last_active[slug] = day
        if stage == "lead":
            since_thanks[slug] += 1
    if day < start or stage not in stages:
        continue
    for tally in (per_source[slug], per_segment[sources[slug]["segment"]]):
        tally[stage] += 1
        if stage == "deal" and value:
            tally["value"] += float(value)


def amount(value):
    cents = round(value * 100)
    whole = f"{cents // 100:,}"
    return whole if cents % 100 == 0 else f"{whole}.{cents % 100:02d}"


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
def day_text(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# The page: tables as lists of cell texts, list items per section heading.
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.items, self.heading, self.cell, self.row, self.item = [], {}, None, None, None, None
        self.in_heading = False
        self.svgs = 0
    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.in_heading, self.heading = True, ""
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "li":
            self.item = ""
        elif tag == "svg":
            self.svgs += 1
    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_heading = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        elif tag == "li" and self.item is not None:
            self.items.setdefault(self.heading, []).append(" ".join(self.item.split()))
            self.item = None
    def handle_data(self, data):
        if self.in_heading:
            self.heading += data
        if self.cell is not None:
            self.cell += data
        if self.item is not None:
            self.item += data


text = (private / "report" / "index.html").read_text()
page = Page()
page.feed(text)
segments_table, sources_table = page.tables[0], page.tables[1]

def conversion(first, next_, parts):
    """A step's rate among the same referrals: per source, at most as many reached the next step
    as were at this one; optional steps with fewer rows than the next are not tracked."""
    before, after = sum(p[first] for p in parts), sum(p[next_] for p in parts)
    if before == 0 and after == 0:
        return "–"
    if before == 0 or (before < after and first in ("view", "appointment")):
        return "not tracked"
    through = sum(min(p[first], p[next_]) for p in parts)
    return f"{(through * 100 + before // 2) // before}%"


def cells(tally, parts):
    return [f"{tally[s]:,}" for s in stages] + [conversion("view", "lead", parts), conversion("lead", "deal", parts),
                                               amount(tally["value"])]

for row in segments_table[1:3]:
    segment = {"Partners": "partner", "Customers": "customer"}[row[0]]
    parts = [per_source[slug] for slug, s in sources.items() if s["segment"] == segment]
    if row[1:] != cells(per_segment[segment], parts):
        problems.append(f"segment {segment}: page {row[1:]} != computed {cells(per_segment[segment], parts)}")

by_name = {s["name"]: slug for slug, s in sources.items()}
shown = {}
for row in sources_table[1:]:
    slug = by_name[row[0]]
    shown[slug] = row
    if row[2:10] != cells(per_source[slug], [per_source[slug]]):
        problems.append(f"source {slug}: page {row[2:10]} != computed {cells(per_source[slug], [per_source[slug]])}")
    want_active = day_text(last_active[slug]) if last_active[slug] else "–"
    if row[10] != want_active:
        problems.append(f"source {slug}: last active {row[10]} != {want_active}")
if set(shown) != set(sources):
    problems.append(f"sources on the page {sorted(shown)} != kit {sorted(sources)}")

thanks = [i for i in page.items.get("Say thank you", [])]
want_thanks = sorted((-n, slug) for slug, n in since_thanks.items() if n > 0)
got_thanks = []
for item in thanks:
    m = re.match(r"(.+?) — ([\d,]+) referrals?", item)
    got_thanks.append((-int(m.group(2).replace(",", "")), by_name[m.group(1)]))
if got_thanks != want_thanks:
    problems.append(f"thank-you list {got_thanks} != computed {want_thanks}")

quiet_items = page.items.get("Gone quiet", [])
got_quiet = sorted(by_name[re.match(r"(.+?) (partner|customer) ·", i).group(1)] for i in quiet_items)
want_quiet = sorted(slug for slug, d in last_active.items() if d is None or (end - d).days >= 90)
if got_quiet != want_quiet:
    problems.append(f"quiet sources {got_quiet} != computed {want_quiet}")

# Charts: every inline SVG is well-formed XML.
svgs = re.findall(r"<svg\b.*?</svg>", text, re.S)
if len(svgs) != page.svgs or len(svgs) < 4:
    problems.append(f"expected at least 4 inline SVG charts, found {len(svgs)}")
for svg in svgs:
    try:
        ET.fromstring(svg)
    except ET.ParseError as error:
        problems.append(f"an SVG chart is not well-formed XML: {error}")
if "<script" in text or "http://" in text.replace("http://www.w3.org/2000/svg", ""):
    problems.append("the report has a script or fetches something")

# The calendar: parses, one event per source, stable unique UIDs, next follow-up as the page says.
calendar = icalendar.Calendar.from_ical((private / "follow-up.ics").read_bytes())
events = list(calendar.walk("VEVENT"))
uids = [str(e["UID"]) for e in events]
if len(events) != len(sources) or len(set(uids)) != len(uids):
    problems.append(f"{len(events)} events with {len(set(uids))} distinct UIDs for {len(sources)} sources")
for event in events:
    slug = re.match(r"follow-up-(.+)@", str(event["UID"])).group(1)
    first = event["DTSTART"].dt
    rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.datetime.combine(first, datetime.time()))
    following = rule.after(datetime.datetime.combine(today, datetime.time()), inc=True).date()
    if shown.get(slug) and shown[slug][11] != day_text(following):
        problems.append(f"{slug}: next follow-up on the page {shown[slug][11]} != RRULE's {day_text(following)}")
    if f"/{slug}/" not in str(event["DESCRIPTION"]) and "-" not in slug:
        problems.append(f"{slug}: the description has no kit link")

for problem in problems:
    print(problem)
print(f"checked {len(shown)} sources, {len(events)} events, {len(svgs)} charts: {len(problems)} problems")
sys.exit(1 if problems else 0)
