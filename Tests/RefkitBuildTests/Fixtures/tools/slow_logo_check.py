#!/usr/bin/env python3
"""A logo that librsvg draws for minutes (issue 29): one filter asking for fifty thousand octaves
of noise. `refkit build` must stop drawing it after its time limit and fail naming the logo,
leaving no drawing process behind; `refkit serve` must answer other pages at once while the
e-mail's PNG of it is drawn, and then say what went wrong. Usage: slow_logo_check.py REFKIT
KIT_DIR (KIT_DIR a copy of the basic kit; its acme.svg is replaced). Prints one line per
check; exits 1 on the first failure."""
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from serving import serving

refkit, kit = sys.argv[1], sys.argv[2]
slow = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><filter id="n" x="0" y="0" width="1" height="1">'
        '<feTurbulence baseFrequency="0.05" numOctaves="50000"/></filter><rect width="300" height="100" filter="url(#n)"/></svg>\n')
with open(os.path.join(kit, "content/assets/acme.svg"), "w") as logo:
    logo.write(slow)


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def helpers():
    """The refkit-draw processes now running."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() == "refkit-draw":
                    found.append(pid)
        except OSError:
            pass
    return found


started = time.time()
build = subprocess.run([refkit, "build", kit, "--date", "2026-11-23"], capture_output=True, text=True, timeout=60)
seconds = time.time() - started
expected = "content/assets/acme.svg: drawing this logo into the e-mail's PNG took longer than 10 s, so it was stopped"
if build.returncode == 0 or expected not in build.stderr or build.returncode > 128:
    fail(f"build: exit {build.returncode}: {build.stderr[-600:]}")
if seconds > 20:
    fail(f"build took {seconds:.1f} s")
if helpers():
    fail(f"drawing processes left behind: {helpers()}")
if os.path.exists(os.path.join(kit, "output")):
    fail("a failed build left output/")
print(f"ok build stops after {seconds:.1f} s naming the logo, nothing left behind")

with serving(refkit, kit) as server:
    port = server.port
    base = f"http://127.0.0.1:{port}"
    answers = {}

    def fetch(path):
        began = time.time()
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                answers[path] = (response.status, time.time() - began)
        except urllib.error.HTTPError as error:
            answers[path] = (error.code, time.time() - began)

    drawing = threading.Thread(target=fetch, args=("/assets/email/acme.png",))
    drawing.start()
    time.sleep(0.5)  # the drawing has begun
    for path in ["/cara/index.html", "/index.html", "/cara/email.html"]:
        fetch(path)
        status, took = answers[path]
        if status != 200 or took > 2:
            fail(f"serve: {path} answered {status} after {took:.1f} s while a logo was drawn")
    print("ok serve answers other pages at once while the logo is drawn")
    drawing.join()
    status, took = answers["/assets/email/acme.png"]
    if status != 404 or took > 15:
        fail(f"serve: the slow logo's PNG answered {status} after {took:.1f} s")
    print(f"ok serve gives up on the logo after {took:.1f} s")
server_errors = server.stderr.read()
if expected not in server_errors:
    fail(f"serve did not say why: {server_errors[-600:]}")
print("ok serve says which logo and why")
