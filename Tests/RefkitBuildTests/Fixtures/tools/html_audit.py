#!/usr/bin/env python3
"""Lists every way a page under DIR could run script: <script> elements, on* event-handler
attributes, and javascript:/vbscript:/data: URLs in URL attributes, using a real HTML parser (so
escaped text inside attribute values is text, as a browser reads it). Prints one finding per line
as PATH: finding; exits 1 if there is any."""
import html.parser
import pathlib
import sys

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class Audit(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "base"):
            self.findings.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                compact = "".join(value.split()).lower()
                if compact.startswith(BAD_SCHEMES):
                    self.findings.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and value and ("expression(" in value.lower() or "javascript:" in value.lower()):
                self.findings.append(f"style={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def main(root):
    found = 0
    pages = sorted(pathlib.Path(root).rglob("*.html"))
    for page in pages:
        audit = Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        for finding in audit.findings:
            print(f"{page.relative_to(root)}: {finding}")
            found += 1
    print(f"audited {len(pages)} pages, {found} findings", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
