#!/usr/bin/env python3
"""Checks `refkit report`'s output against an independent computation from the kit's files.

Usage: check_report.py KIT PRIVATE FROM TO TODAY
Reads KIT/content/ledger.csv (Python's csv module), content/process.yml and site.yml (PyYAML) and
the sources' slugs, codes and segments, computes every source's numbers, the thank-you list, the
quiet sources, the process map, what is held up, give and get, the hints' clients and the results
reviews itself, and compares them with what PRIVATE/report/index.html shows; parses
PRIVATE/follow-up.ics with the icalendar package and checks each source's next follow-up (expanded
by dateutil.rrule) against the page and each review's day; parses every inline <svg> as XML.
Prints what differs; exits 1 if anything does, 77 if a module is missing."""
import csv
import datetime
import html.parser
import pathlib
import re
import statistics
import sys
import xml.etree.ElementTree as ET

try:
    import icalendar
    import yaml
    from dateutil import rrule
except ImportError as error:
    print(f"missing Python module: {error.name} (pip install icalendar pyyaml)")
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

# The ledger, in date order (rows of one day in file order). A referral is a source's rows with one
# prospect (case and outer spaces aside), shown as first written, with the first note written.
rows = []
first_written = {}
with open(kit / "content" / "ledger.csv", newline="") as f:
    for index, row in enumerate(csv.DictReader(f)):
        if not row["date"]:
            continue
        who = row["source"].strip()
        slug = names.get(who) or names.get(who.upper()) or names.get(who.lower())
        prospect, note = (row.get("prospect") or "").strip(), (row.get("note") or "").strip()
        if prospect:
            seen = first_written.setdefault((slug, prospect.lower()), {"prospect": prospect, "note": None})
            if seen["note"] is None and note:
                seen["note"] = note
        rows.append((datetime.date.fromisoformat(row["date"]), index, slug, row["stage"].strip().lower(),
                     (row["value"] or "").strip(), prospect.lower()))
rows.sort()

stages = ["view", "lead", "appointment", "deal", "lost"]
def empty():
    return {**{s: 0 for s in stages}, "value": 0.0}
per_source = {slug: empty() for slug in sources}
per_segment = {"partner": empty(), "customer": empty()}
since_thanks = {slug: 0 for slug in sources}
last_active = {slug: None for slug in sources}
last_opened = {slug: None for slug in sources}
printed = {slug: 0 for slug in sources}
notes = {}
with open(kit / "content" / "ledger.csv", newline="") as f:
    for index, row in enumerate(csv.DictReader(f)):
        notes[index] = (row.get("note") or "").strip().lower()
given = {slug: 0 for slug in sources}
for day, index, slug, stage, value, _ in rows:
    if day > end:
        continue
    if stage == "opened":
        last_opened[slug] = max(day, last_opened[slug] or day)
    if stage == "view" and notes[index] == "printed link" and day >= start:
        printed[slug] += int(value) if value.isdigit() and int(value) >= 1 else 1
    if stage == "given" and day >= start:
        given[slug] += 1
    if stage == "thanked":
        since_thanks[slug] = 0
    elif stage != "given":
        last_active[slug] = day
        if stage == "lead":
            since_thanks[slug] += 1
    if day < start or stage not in stages:
        continue
    # A view row may count several views (an imported day's count in its value).
    count = int(value) if stage == "view" and value.isdigit() and int(value) >= 1 else 1
    for tally in (per_source[slug], per_segment[sources[slug]["segment"]]):
        tally[stage] += count
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
        self.in_heading = self.in_subheading = False
        self.subheading = None
        self.owned = []  # (h2, h3, item) for lists under a third-level heading
        self.table_headings = []
        self.svgs = 0
    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.in_heading, self.heading, self.subheading = True, "", None
        elif tag == "h3":
            self.in_subheading, self.subheading = True, ""
        elif tag == "table":
            self.tables.append([])
            self.table_headings.append(self.heading)
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
        elif tag == "h3":
            self.in_subheading = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        elif tag == "li" and self.item is not None:
            self.items.setdefault(self.heading, []).append(" ".join(self.item.split()))
            if self.subheading is not None:
                self.owned.append((self.heading, self.subheading, " ".join(self.item.split())))
            self.item = None
    def handle_data(self, data):
        if self.in_heading:
            self.heading += data
        if self.in_subheading:
            self.subheading += data
        if self.cell is not None:
            self.cell += data
        if self.item is not None:
            self.item += data


text = (private / "report" / "index.html").read_text()
page = Page()
page.feed(text)
tables = dict(zip(page.table_headings, page.tables))
segments_table, sources_table = tables["Funnel"], tables["Every source"]

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
    if row[10] != str(printed[slug]):
        problems.append(f"source {slug}: printed-link views {row[10]} != {printed[slug]}")
    any_opened = any(last_opened.values())
    want_opened = day_text(last_opened[slug]) if last_opened[slug] else ("never" if any_opened else "–")
    if row[11] != want_opened:
        problems.append(f"source {slug}: kit opened {row[11]} != {want_opened}")
    want_active = day_text(last_active[slug]) if last_active[slug] else "–"
    if row[12] != want_active:
        problems.append(f"source {slug}: last active {row[12]} != {want_active}")
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

# Never opened: the sources with no `opened` row up to the end (listed once any source has one).
never_items = page.items.get("Never opened their kit", [])
got_never = sorted(by_name[re.match(r"(.+?) (partner|customer)$", i).group(1)] for i in never_items)
want_never = sorted(slug for slug, d in last_opened.items() if d is None) if any(last_opened.values()) else []
if got_never != want_never:
    problems.append(f"never-opened sources {got_never} != computed {want_never}")

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

# The calendar: parses, one event per source and per results review, unique UIDs, next follow-up as
# the page says.
calendar = icalendar.Calendar.from_ical((private / "follow-up.ics").read_bytes())
events = list(calendar.walk("VEVENT"))
uids = [str(e["UID"]) for e in events]
if len(set(uids)) != len(uids):
    problems.append(f"{len(events)} events with {len(set(uids))} distinct UIDs")
follow_ups = [e for e in events if str(e["UID"]).startswith("follow-up-")]
if len(follow_ups) != len(sources):
    problems.append(f"{len(follow_ups)} follow-up events for {len(sources)} sources")
for event in follow_ups:
    slug = re.match(r"follow-up-(.+)@", str(event["UID"])).group(1)
    first = event["DTSTART"].dt
    rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime.datetime.combine(first, datetime.time()))
    following = rule.after(datetime.datetime.combine(today, datetime.time()), inc=True).date()
    if shown.get(slug) and shown[slug][13] != day_text(following):
        problems.append(f"{slug}: next follow-up on the page {shown[slug][13]} != RRULE's {day_text(following)}")
    if f"/{slug}/" not in str(event["DESCRIPTION"]) and "-" not in slug:
        problems.append(f"{slug}: the description has no kit link")

# Operating the referral process: the process map, what is held up, give and get, the hints'
# clients, the results reviews (page and calendar).
site = yaml.safe_load((kit / "content" / "site.yml").read_text())
ask = site.get("ask_after_days", 90)
process_file = kit / "content" / "process.yml"
steps = (yaml.safe_load(process_file.read_text())["steps"] if process_file.exists()
         else [{"stage": s, "name": s.capitalize()} for s in ("lead", "appointment", "deal")])
path = ["lead", "appointment", "deal", "lost"]
referrals = {}
no_prospect = 0
reviews = []
for day, _, slug, stage, value, prospect in rows:
    if day > end:
        continue
    if not prospect:
        no_prospect += stage == "lead" and day >= start
        continue
    if stage not in path:
        continue
    r = referrals.setdefault((slug, prospect), {"first": {}, "arrived": day, "deal_days": []})
    r["first"].setdefault(stage, day)
    if stage == "deal" and day not in r["deal_days"]:
        r["deal_days"].append(day)
# A results review per deal day, open until any row naming the prospect is written after that day.
last_row = {}
for day, _, slug, stage, value, prospect in rows:
    if day <= end and prospect:
        last_row[(slug, prospect)] = max(day, last_row.get((slug, prospect), day))
for (slug, prospect), r in referrals.items():
    for day in r["deal_days"]:
        if last_row[(slug, prospect)] == day:
            reviews.append((day + datetime.timedelta(days=ask), slug, first_written[(slug, prospect)]["prospect"], day))
reviews.sort()


def furthest(r):
    reached = [i for i, step in enumerate(steps) if step["stage"] in r["first"]]
    return max(reached) if reached else -1


def count(n):
    return f"{n:,}"


def half(m):
    return count(int(m)) if m == int(m) else f"{m:,.1f}"


arrived = [r for r in referrals.values() if start <= r["arrived"] <= end]
want_process = []
for i, step in enumerate(steps):
    reached = sum(1 for r in arrived if furthest(r) >= i)
    row = [step["name"], f'{step["stage"].capitalize()} ({step["stage"]})', step.get("owner") or "–",
           f"{count(step['within_days'])} day{'s' if step['within_days'] != 1 else ''}" if step.get("within_days") is not None and i + 1 < len(steps) else "–",
           count(reached)]
    if i + 1 < len(steps):
        onward = sum(1 for r in arrived if furthest(r) >= i + 1)
        pct = f"{(onward * 100 + reached // 2) // reached}%" if reached else "–"
        waits = [(r["first"][steps[i + 1]["stage"]] - r["first"][step["stage"]]).days for r in arrived
                 if step["stage"] in r["first"] and steps[i + 1]["stage"] in r["first"]
                 and r["first"][steps[i + 1]["stage"]] >= r["first"][step["stage"]]]
        row += [f"{count(onward)} ({pct})", half(statistics.median(waits)) if waits else "–"]
    else:
        row += ["–", "–"]
    want_process.append(row)
if tables["Your referral process"][1:] != want_process:
    problems.append(f"process: page {tables['Your referral process'][1:]} != computed {want_process}")

# Held up: an open referral's furthest step, waited past its within_days on the last day.
want_held = []
for (slug, prospect), r in referrals.items():
    f = furthest(r)
    if "lost" in r["first"] or f < 0 or steps[f].get("within_days") is None or f + 1 == len(steps):
        continue
    here = path.index(steps[f]["stage"])
    if any(s in r["first"] for s in path[here + 1:3]):
        continue
    waited = (end - r["first"][steps[f]["stage"]]).days
    if waited > steps[f]["within_days"]:
        owner = steps[f].get("owner")
        want_held.append(((owner is None, owner or ""), -waited, slug, first_written[(slug, prospect)]["prospect"], owner or "No owner"))
want_held.sort()
got_held = []
for heading, owner, item in page.owned:
    if heading != "Held up":
        continue
    m = re.match(r"(.+) \((.+?)\) — .+, since .+: ([\d,]+) days?", item)
    got_held.append((owner, by_name[m.group(2)], m.group(1), int(m.group(3).replace(",", ""))))
if got_held != [(w[4], w[2], w[3], -w[1]) for w in want_held]:
    problems.append(f"held up: page {got_held} != computed {[(w[4], w[2], w[3], -w[1]) for w in want_held]}")

# Give and get: received (leads), given, owed, lead → deal, value per referral, most owed first.
want_give = []
for slug in sorted(sources, key=lambda s: (-(per_source[s]["lead"] - given[s]), -per_source[s]["lead"], s)):
    received = per_source[slug]["lead"]
    if received == 0 and given[slug] == 0:
        continue
    cents = round(per_source[slug]["value"] * 100)
    per = amount(((cents + received // 2) // received) / 100) if received else "–"
    want_give.append([sources[slug]["name"], sources[slug]["segment"], count(received), count(given[slug]),
                      count(received - given[slug]) if received > given[slug] else "–",
                      conversion("lead", "deal", [per_source[slug]]), per])
if tables.get("Give and get", [[]])[1:] != want_give:
    problems.append(f"give and get: page {tables.get('Give and get', [[]])[1:]} != computed {want_give}")

# What better looks like: each source's clients of the period (latest deal first), named in order.
for item in page.items.get("What better looks like", []):
    name, _, hint = item.partition(": ")
    slug = by_name[name]
    clients = sorted(((max(r["deal_days"]), p) for (s, p), r in referrals.items()
                      if s == slug and r in arrived and r["deal_days"]), key=lambda c: (-c[0].toordinal(), first_written[(slug, c[1])]["prospect"]))
    named = [first_written[(slug, p)]["prospect"] for _, p in clients[:3]]
    positions = [hint.find(n) for n in named]
    if -1 in positions or positions != sorted(positions):
        problems.append(f"hint for {slug} does not name {named} in order: {hint}")

# Results reviews: on the page the latest 20 past due and those due in the 30 days from today; in
# the calendar every one from today on.
overdue = [r for r in reviews if r[0] < today]
want_due = overdue[-20:] + [r for r in reviews if today <= r[0] <= today + datetime.timedelta(days=29)]
got_due = []
for item in page.items.get("Ask for introductions", []):
    m = re.match(r"(.+) — (?:overdue since )?(.+?) client since (.+?), referred by (.+)", item)
    got_due.append((m.group(2), by_name[m.group(4)], m.group(1), m.group(3)))
    if ("overdue since " in item) != (m.group(2) in [day_text(d) for d, _, _, _ in want_due if d < today]):
        problems.append(f"review marked overdue wrongly: {item}")
if got_due != [(day_text(d), s, p, day_text(deal)) for d, s, p, deal in want_due]:
    problems.append(f"reviews due: page {got_due} != computed {want_due}")
got_reviews = []
for event in events:
    m = re.match(r"review-(.+)-[0-9a-f]+-(\d{8})@", str(event["UID"]))
    if m:
        prospect = re.match(r"Results review with (.+): ask for introductions", str(event["SUMMARY"])).group(1)
        got_reviews.append((event["DTSTART"].dt, m.group(1), prospect, datetime.datetime.strptime(m.group(2), "%Y%m%d").date()))
upcoming = [r for r in reviews if r[0] >= today]
if sorted(got_reviews) != upcoming:
    problems.append(f"review events {sorted(got_reviews)} != computed {upcoming}")
if len(events) != len(sources) + len(upcoming):
    problems.append(f"{len(events)} events for {len(sources)} sources and {len(upcoming)} reviews")

for problem in problems:
    print(problem)
print(f"checked {len(shown)} sources, {len(events)} events, {len(svgs)} charts: {len(problems)} problems")
sys.exit(1 if problems else 0)
