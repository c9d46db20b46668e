#!/usr/bin/env python3
"""The journey a newcomer takes, as one run of the real binary (issue 30): `refkit init` → `check`
→ `serve` (styled: the kit's own style sheet answers 200) → edits seen by the preview (a page, then
site.yml declaring `outputs: { pdf: true, bundles: true }`, after which serve answers the PDF's
address with a page saying `refkit build` makes it) → `build --pdf --bundle` → `deploy` to a folder
(the PDFs and zips are there, as built) → `build` again (nothing changed, nothing removed) →
`report` (into private/, nothing of it in output/ or the deployed folder). Usage:
journey_check.py REFKIT WORKDIR. Prints one line per step; exits 1 at the first failure."""
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from serving import serving

refkit, work = os.path.abspath(sys.argv[1]), sys.argv[2]
kit = os.path.join(work, "studio")
date = ["--date", "2026-11-23"]


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def run(*arguments, cwd=kit):
    done = subprocess.run([refkit, *arguments], cwd=cwd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        fail(f"refkit {' '.join(arguments)}: exit {done.returncode}\n{done.stdout[-800:]}{done.stderr[-1500:]}")
    return done.stdout + done.stderr


def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


def eventually(path, wanted, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        status, kind, body = get(path)
        if status == 200 and wanted in body:
            return body
        time.sleep(0.2)
    fail(f"serve: {path} never showed {wanted!r} (last: {status} {kind})")


def files(folder):
    found = set()
    for root, _, names in os.walk(folder):
        for name in names:
            found.add(os.path.relpath(os.path.join(root, name), folder))
    return found


run("init", "studio", cwd=work)
print("ok init")
run("check", *date)
print("ok check")

with serving(refkit, kit) as server:
    port = server.port
    status, kind, home = get("/example-partner/index.html")
    if status != 200 or b"assets/refkit.css" not in home:
        fail(f"serve: the partner's home answered {status}, style sheet linked: {b'assets/refkit.css' in home}")
    status, kind, css = get("/assets/refkit.css")
    own = open(os.path.join(kit, "templates/assets/refkit.css"), "rb").read()
    if status != 200 or not kind.startswith("text/css") or css != own:
        fail(f"serve: /assets/refkit.css answered {status} {kind}, the kit's own: {css == own}")
    print("ok serve, styled")

    page = os.path.join(kit, "content/kit/03-how-to-refer.md")
    with open(page, "a") as text:
        text.write("\nA sentence a newcomer adds while the preview runs.\n")
    eventually("/example-partner/how-to-refer.html", b"A sentence a newcomer adds while the preview runs.")
    print("ok serve shows an edited page")

    site = os.path.join(kit, "content/site.yml")
    with open(site, "a") as text:
        text.write("outputs: { pdf: true, bundles: true }\n")
    eventually("/example-partner/handout.pdf", b"refkit build")
    status, kind, _ = get("/example-partner/handout.pdf")
    if not kind.startswith("text/html"):
        fail(f"serve: a declared PDF answered {kind}")
    if get("/example-partner/nothing.pdf")[0] != 404:
        fail("serve: an undeclared PDF was answered")
    print("ok serve says refkit build makes the declared PDFs and zips")

run("build", "--pdf", "--bundle", *date)
built = files(os.path.join(kit, "output"))
handouts = sorted(f for f in built if f.endswith(".pdf") or f.endswith(".zip"))
if not any(f.endswith("handout.pdf") for f in handouts) or not any(f.startswith("bundles/") for f in handouts):
    fail(f"build --pdf --bundle made {handouts}")
print(f"ok build --pdf --bundle: {len(handouts)} PDFs and zips")

said = run("deploy", *date)
# The folder's own marker aside (each holds one line, nothing of the kit).
published = files(os.path.join(kit, "published")) - {".refkit-deploy"}
built_files = built - {".refkit-output"}
if "refkit: removed" in said or published != built_files:
    fail(f"deploy said {said[-400:]!r}; missing {sorted(built_files - published)[:5]}, extra {sorted(published - built_files)[:5]}")
print(f"ok deploy published every file built ({len(published)})")

said = run("build", *date)
if not said.startswith("refkit: nothing changed since the last build") or files(os.path.join(kit, "output")) != built:
    fail(f"a plain build after it: {said!r}")
print("ok build again: nothing changed, nothing removed")

run("report", *date)
private = files(os.path.join(kit, "private"))
if "report/index.html" not in private or "follow-up.ics" not in private:
    fail(f"report wrote {sorted(private)}")
for folder in ["output", "published"]:
    leaked = [f for f in files(os.path.join(kit, folder)) if "report" in f or f.endswith(".ics") and "library" not in f or "ledger" in f]
    if leaked:
        fail(f"private files in {folder}/: {leaked}")
print("ok report into private/, nothing private published")
