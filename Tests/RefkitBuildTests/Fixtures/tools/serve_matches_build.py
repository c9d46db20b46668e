#!/usr/bin/env python3
"""`refkit serve` answers every path `refkit build` writes with the same bytes (an HTML page with
only the live-reload script added), and 404 for paths the build does not write. Usage:
serve_matches_build.py REFKIT KIT_DIR. Builds the kit into a temporary folder, serves it, asks
for every file; prints one line per difference and a count; exits 1 on any difference."""
import os
import re
import subprocess
import sys
import tempfile

import serving as serving_module
from serving import serving

refkit, kit = sys.argv[1], sys.argv[2]
RELOAD = re.compile(rb"<script>/\* refkit serve: live reload.*?</script>\n", re.S)


def fetch(path: str) -> tuple[str, bytes]:
    return serving_module.fetch(port, path)


with tempfile.TemporaryDirectory() as output:
    built = subprocess.run([refkit, "build", kit, "--output", output, "--date", "2026-11-23"], capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(f"refkit build failed: {built.stderr}")
    files = sorted(os.path.relpath(os.path.join(folder, name), output)
                   for folder, _, names in os.walk(output) for name in names if not name.startswith("."))
    problems = []
    with serving(refkit, kit) as server:
        port = server.port
        for path in files:
            status, body = fetch(path)
            with open(os.path.join(output, path), "rb") as file:
                expected = file.read()
            if " 200 " not in status + " ":
                problems.append(f"{path}: {status}")
            elif RELOAD.sub(b"", body, count=1) != expected:
                problems.append(f"{path}: served bytes differ from the build's")
        for path in ["no-such-page.html", "assets/no-such.css", "content/site.yml", "content/ledger.csv"]:
            status, _ = fetch(path)
            if " 404 " not in status + " ":
                problems.append(f"{path} (the build writes none): {status}")
    for problem in problems:
        print(problem)
    print(f"{len(files)} files compared, {len(problems)} differences")
    sys.exit(1 if problems else 0)
