#!/usr/bin/env python3
"""Writes a deterministic referral ledger for a kit: KIT/content/ledger.csv with ROWS rows over the
kit's sources (content/sources/*.yml), in date order, as a business would append them: kit views,
then leads, some becoming appointments and deals (with a value) or lost, and now and then a thank-you.
Every deal follows a lead of the same source, so the ledger is valid.

Usage: ledger.py KIT ROWS [END_DATE]   (END_DATE YYYY-MM-DD, default 2026-11-20; rows span the
                                        years before it, about 3,000 rows a day at most)"""
import datetime
import pathlib
import random
import sys


def main(kit, rows, end):
    kit = pathlib.Path(kit)
    slugs = sorted(p.stem for p in (kit / "content" / "sources").glob("*.yml"))
    rng = random.Random(7)
    days = max(365, rows // 3000)
    start = end - datetime.timedelta(days=days - 1)
    lines = ["date,source,stage,value,note"]
    open_leads = {}
    written = 0
    # One chain per referral: view(s) → lead → appointment → deal | lost, spread over the days.
    per_day = rows / days
    carry = 0.0
    for offset in range(days):
        day = (start + datetime.timedelta(days=offset)).isoformat()
        carry += per_day
        while carry >= 1 and written < rows:
            carry -= 1
            slug = slugs[rng.randrange(len(slugs))]
            roll = rng.random()
            pending = open_leads.get(slug, 0)
            if pending and roll < 0.25:
                stage = "deal" if rng.random() < 0.55 else "lost"
                open_leads[slug] = pending - 1
                value = f"{rng.randrange(6, 60) * 100}" if stage == "deal" else ""
                lines.append(f"{day},{slug},{stage},{value},")
            elif pending and roll < 0.40:
                lines.append(f"{day},{slug},appointment,,")
            elif roll < 0.60:
                open_leads[slug] = pending + 1
                lines.append(f'{day},{slug},lead,,"introduced by {slug}, via the kit"')
            elif roll < 0.63:
                lines.append(f"{day},{slug},thanked,,card sent")
            else:
                lines.append(f"{day},{slug},view,,")
            written += 1
    while written < rows:  # what rounding left for the last day
        lines.append(f"{(start + datetime.timedelta(days=days - 1)).isoformat()},{slugs[written % len(slugs)]},view,,")
        written += 1
    (kit / "content" / "ledger.csv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    end = datetime.date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else datetime.date(2026, 11, 20)
    main(sys.argv[1], int(sys.argv[2]), end)
