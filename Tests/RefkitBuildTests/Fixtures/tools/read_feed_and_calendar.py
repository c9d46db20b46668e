#!/usr/bin/env python3
"""Reads what refkit publishes for feed readers and calendars with the parsers people use, and
prints what they understood as JSON: feedparser for network/feed.xml, icalendar for each .ics.

Usage: read_feed_and_calendar.py FEED.xml [EVENT.ics ...]"""
import json
import sys

import feedparser
import icalendar

feed = feedparser.parse(sys.argv[1])
result = {
    "feed": {
        "version": feed.version, "bozo": bool(feed.bozo), "bozo_exception": str(feed.get("bozo_exception", "")),
        "title": feed.feed.get("title"), "id": feed.feed.get("id"), "updated": feed.feed.get("updated"),
        "links": sorted(link["href"] for link in feed.feed.get("links", [])),
        "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "author": e.get("author"),
                     "published": e.get("published"), "summary": e.get("summary"),
                     "content_base": e.content[0].get("base") if e.get("content") else None} for e in feed.entries],
    },
    "calendars": {},
}
for path in sys.argv[2:]:
    with open(path, "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = [component for component in calendar.walk("VEVENT")]
    # Each VTIMEZONE as a calendar program reads it (its own rules, not the system's zone data).
    zones = {str(zone["TZID"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}

    def vtimezone_offset(event):
        start = event["DTSTART"]
        zone = zones.get(str(start.params.get("TZID", "")))
        if zone is None:
            return None
        return str(start.dt.replace(tzinfo=None).replace(tzinfo=zone).utcoffset())

    result["calendars"][path] = [{
        "tzid": event["DTSTART"].params.get("TZID"), "vtimezone_offset": vtimezone_offset(event),
        "uid": str(event["UID"]), "summary": str(event["SUMMARY"]), "location": str(event["LOCATION"]),
        "start": event.decoded("DTSTART").isoformat(), "end": event.decoded("DTEND").isoformat(),
        "organizer": str(event["ORGANIZER"]), "organizer_name": str(event["ORGANIZER"].params.get("CN", "")),
        "attendees": [str(attendee.params.get("CN", "")) for attendee in
                      (event.get("ATTENDEE") if isinstance(event.get("ATTENDEE"), list) else [event.get("ATTENDEE")] if event.get("ATTENDEE") else [])],
        "url": str(event["URL"]),
    } for event in events]
print(json.dumps(result, indent=1, sort_keys=True))
