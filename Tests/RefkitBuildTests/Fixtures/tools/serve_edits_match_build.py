#!/usr/bin/env python3
"""`refkit serve` ≡ `refkit build`, through a dozen edits (issue 30): with serve running on KIT_DIR,
each edit a user makes (a source, a page, an offer, a template, a theme file in templates/assets/,
a logo, a post, a translation, site.yml, a new source, a renamed source, a removed page) is saved;
once serve has checked it, the kit is built into a new folder and every file the build wrote must
be served with the same bytes, and every path served before that the build no longer writes must
be 404. Edits that need a file the kit does not have are skipped, and said. Usage:
serve_edits_match_build.py REFKIT KIT_DIR (KIT_DIR is changed). Prints a line per edit;
exits 1 at the first difference."""
import glob
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time

import serving as serving_module
from serving import serving

refkit, kit = os.path.abspath(sys.argv[1]), sys.argv[2]
RELOAD = re.compile(rb"<script>/\* refkit serve: live reload.*?</script>\n", re.S)


def fetch(path):
    return serving_module.fetch(port, path)


def build():
    output = tempfile.mkdtemp()
    done = subprocess.run([refkit, "build", kit, "--output", output, "--date", "2026-11-23"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL refkit build: {done.stderr[-1500:]}")
    files = {}
    for folder, _, names in os.walk(output):
        for name in names:
            if not name.startswith("."):
                path = os.path.join(folder, name)
                with open(path, "rb") as file:
                    files[os.path.relpath(path, output)] = file.read()
    subprocess.run(["rm", "-rf", output])
    return files


def first(pattern):
    found = sorted(glob.glob(os.path.join(kit, pattern)))
    return found[0] if found else None


def append(path, text):
    with open(path, "a") as file:
        file.write(text)


def replace(path, old, new):
    with open(path) as file:
        text = file.read()
    if old not in text:
        return False
    with open(path, "w") as file:
        file.write(text.replace(old, new, 1))
    return True


def edit_source():
    path = first("content/sources/*.yml")
    return path and replace(path, "name: ", "name: Edited ")


def edit_page():
    path = first("content/kit/*.md")
    return path and (append(path, "\nA sentence added while serve runs.\n") or True)


def edit_offer():
    path = first("content/offers/*.md")
    return path and (append(path, "\nAn offer's new line.\n") or True)


def edit_template():
    path = first("templates/page.mustache") or first("templates/partials/*.mustache")
    return path and (append(path, "<!-- edited while serve runs -->\n") or True)


def edit_theme():
    path = first("templates/assets/*.css")
    return path and (append(path, "\n/* edited while serve runs */\n") or True)


def edit_logo():
    path = first("content/assets/*.svg")
    return path and replace(path, "<svg ", "<svg data-edited=\"1\" ")


def edit_post():
    path = first("content/network/*.md")
    return path and replace(path, "title: ", "title: Edited ")


def edit_translation():
    path = first("templates/i18n/*.yml")
    return path and replace(path, ': "', ': "Edited ')


def edit_site():
    return replace(os.path.join(kit, "content/site.yml"), "name: ", "name: Edited ")


def add_source():
    path = first("content/sources/*.yml")
    if not path:
        return False
    with open(path) as file:
        text = file.read()
    text = re.sub(r"(?m)^code: .*$", "code: ADDED42", text)
    if "code: ADDED42" not in text:
        text += "\ncode: ADDED42\n"
    with open(os.path.join(kit, "content/sources/added-by-serve.yml"), "w") as file:
        file.write(text)
    return True


def rename_source():
    path = os.path.join(kit, "content/sources/added-by-serve.yml")
    return os.path.exists(path) and (os.rename(path, os.path.join(kit, "content/sources/renamed-by-serve.yml")) or True)


def remove_page():
    pages = sorted(glob.glob(os.path.join(kit, "content/kit/*.md")))
    return len(pages) > 1 and (os.remove(pages[-1]) or True)


edits = [edit_source, edit_page, edit_offer, edit_template, edit_theme, edit_logo, edit_post, edit_translation, edit_site,
         add_source, rename_source, remove_page]

with serving(refkit, kit) as server:
    port = server.port
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    threading.Thread(target=lambda: [lines.put("stderr: " + line) for line in server.stderr], daemon=True).start()
    served = set(build())
    for edit in edits:
        while not lines.empty():
            lines.get()
        if not edit():
            print(f"skipped {edit.__name__}: the kit has nothing to edit for it")
            continue
        deadline = time.time() + 20
        while True:  # until serve has checked the edit
            try:
                line = lines.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                sys.exit(f"FAIL {edit.__name__}: serve did not check the edit")
            if line.startswith("stderr: ") and "error" in line:
                sys.exit(f"FAIL {edit.__name__}: serve found the kit broken: {line}")
            if line.startswith("refkit: checked"):
                break
        time.sleep(0.3)  # the rest of the editor's burst, if any, is checked too
        while not lines.empty():
            lines.get()
        files = build()
        problems = []
        for path, expected in sorted(files.items()):
            status, body = fetch(path)
            if " 200 " not in status + " ":
                problems.append(f"{path}: {status}")
            elif RELOAD.sub(b"", body, count=1) != expected:
                problems.append(f"{path}: served bytes differ from the build's")
        for path in sorted(served - set(files)):
            status, _ = fetch(path)
            if " 404 " not in status + " ":
                problems.append(f"{path} (no longer built): {status}")
        if problems:
            print("\n".join(problems[:20]))
            sys.exit(f"FAIL after {edit.__name__}: {len(problems)} differences")
        print(f"ok {edit.__name__}: {len(files)} files as built")
        served |= set(files)
