#!/usr/bin/env python3
"""Writes a deterministic referral ledger for a kit: KIT/content/ledger.csv with ROWS rows over the
kit's sources (content/sources/*.yml), in date order, as a business would append them: kit views,
then leads, each naming its prospect, some becoming appointments and deals (with a value) or lost,
and now and then a thank-you or a referral given. Every deal follows its prospect's lead, so the
ledger is valid. Also writes KIT/content/process.yml (three owned steps), for the report's map.

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
    lines = ["date,source,stage,value,note,prospect"]
    open_leads = {}  # slug -> the prospects of its open referrals, oldest first
    people = 0
    written = 0
    # One chain per referral, named by its prospect: view(s) → lead → appointment → deal | lost,
    # spread over the days; now and then a thank-you, or a referral the business gives back.
    per_day = rows / days
    carry = 0.0
    for offset in range(days):
        day = (start + datetime.timedelta(days=offset)).isoformat()
        carry += per_day
        while carry >= 1 and written < rows:
            carry -= 1
            slug = slugs[rng.randrange(len(slugs))]
            roll = rng.random()
            pending = open_leads.setdefault(slug, [])
            if pending and roll < 0.25:
                stage = "deal" if rng.random() < 0.55 else "lost"
                prospect = pending.pop(0)
                value = f"{rng.randrange(6, 60) * 100}" if stage == "deal" else ""
                lines.append(f"{day},{slug},{stage},{value},,{prospect}")
            elif pending and roll < 0.40:
                lines.append(f"{day},{slug},appointment,,,{pending[0]}")
            elif roll < 0.60:
                people += 1
                prospect = f"Prospect {people}"
                pending.append(prospect)
                lines.append(f'{day},{slug},lead,,"introduced by {slug}, via the kit",{prospect}')
            elif roll < 0.62:
                lines.append(f"{day},{slug},thanked,,card sent")
            elif roll < 0.63:
                people += 1
                lines.append(f"{day},{slug},given,,one of ours for them,Client {people}")
            else:
                lines.append(f"{day},{slug},view,,")
            written += 1
    while written < rows:  # what rounding left for the last day
        lines.append(f"{(start + datetime.timedelta(days=days - 1)).isoformat()},{slugs[written % len(slugs)]},view,,")
        written += 1
    (kit / "content" / "ledger.csv").write_text("\n".join(lines) + "\n")
    (kit / "content" / "process.yml").write_text(
        "steps:\n"
        "  - { stage: lead, name: Call the prospect, owner: Dana, within_days: 2 }\n"
        "  - { stage: appointment, name: First meeting, owner: Sam, within_days: 14 }\n"
        "  - { stage: deal, name: Welcome pack, owner: Dana }\n")


if __name__ == "__main__":
    end = datetime.date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else datetime.date(2026, 11, 20)
    main(sys.argv[1], int(sys.argv[2]), end)
