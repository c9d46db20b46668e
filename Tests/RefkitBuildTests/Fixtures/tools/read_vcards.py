#!/usr/bin/env python3
"""Reads vCards with a real parser (vobject, PyPI) and prints one JSON object per card: its
version, name, organisation, e-mail, telephone, URL, note, language and the note's language. Usage: read_vcards.py FILE ..."""
import json
import sys

import vobject

for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as file:
        card = vobject.readOne(file.read(), validate=True)
    value = lambda name: getattr(card, name).value if hasattr(card, name) else None
    org = value("org")
    print(json.dumps({"version": value("version"), "fn": value("fn"), "org": org if org is None else ";".join(org),
                      "email": value("email"), "tel": value("tel"), "url": value("url"), "note": value("note"),
                      "lang": value("lang"), "note_language": card.note.params.get("LANGUAGE", [None])[0] if hasattr(card, "note") else None},
                     ensure_ascii=False))
