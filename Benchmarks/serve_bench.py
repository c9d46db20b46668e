#!/usr/bin/env python3
"""Times the authoring loop of `refkit serve` and of `hugo server` on the bench corpus
(Benchmarks/corpus.py): start-up to the first page served, then for each kind of edit the time
from the file's save to the changed page being served (polled over HTTP every 2 ms), the median
of RUNS edits, and the server's peak RSS (VmHWM) after browsing 100 pages and every edit.

Usage: serve_bench.py REFKIT CORPUS N [RUNS]   (CORPUS: corpus.py's OUT folder, for N sources)

The edits, refkit / Hugo (the Hugo roster repeats each kit page and offer per source, so a shared
page has no single file there; its nearest edit is the layout every page uses):
  shared kit page   content/kit/01-who-to-refer.md    / layouts/_default/single.html
  template          templates/partials/footer.mustache / layouts/_default/baseof.html
  one source        content/sources/source-00007.yml  / content/source-00007/_index.md
  offer             content/offers/ID.md               / content/source-00007/offer-ID.md"""
import http.client
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time


def get(port, path):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body
    except OSError:
        return None, b""


def wait_for(port, path, marker=None, timeout=120):
    """When `path` answers 200 (showing `marker`), or None after `timeout` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        status, body = get(port, path)
        if status == 200 and (marker is None or marker in body):
            return time.perf_counter()
        time.sleep(0.002)
    print(f"  timed out after {timeout} s waiting for {path} to show {marker!r}", file=sys.stderr)
    return None


def peak_rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(command, port, first, browse, edits, runs):
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready = wait_for(port, first, timeout=600)
        if ready is None:
            return float("inf"), {}, peak_rss_mb(server.pid)
        startup = ready - started
        for path in browse:
            get(port, path)
        medians = {}
        for name, (file, change, path) in edits.items():
            original = file.read_text()
            times = []
            for run_index in range(runs):
                marker = f"bench{name.replace(' ', '')}{run_index}x"
                time.sleep(0.4)  # the watcher has settled after the previous edit
                text = change(original, marker)
                saved = time.perf_counter()
                file.write_text(text)
                served = wait_for(port, path, marker.encode())
                times.append((served - saved) * 1000 if served else float("inf"))
            file.write_text(original)
            wait_for(port, path)
            medians[name] = (statistics.median(times), min(times), max(times))
        return startup, medians, peak_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def main(refkit, corpus, n, runs):
    corpus = pathlib.Path(corpus)
    kit, hugo = corpus / "refkit", corpus / "hugo"
    repository = pathlib.Path(__file__).resolve().parent.parent
    # The template to edit: the example kit's footer partial, in the roster's kit.
    (kit / "templates" / "partials").mkdir(parents=True, exist_ok=True)
    shutil.copy(repository / "templates" / "partials" / "footer.mustache", kit / "templates" / "partials" / "footer.mustache")
    offer = sorted(p for p in (kit / "content" / "offers").glob("*.md") if "." not in p.stem)[0]
    audience = (re.search(r"^audience: (\w+)", offer.read_text(), re.M) or [None, "all"])[1]
    source = 8 if audience == "partners" else 7  # even sources are partners
    slug = f"source-{source:05d}"
    browse = [f"/source-{i:05d}/" for i in range(0, min(n, 100))]

    def append(text, marker):
        return text.rstrip("\n") + f"\n\n{marker}\n"

    def message(text, marker):
        return re.sub(r"^message: .*$", f"message: \"{marker}\"", text, flags=re.M)

    def before(tag):
        return lambda text, marker: text.replace(tag, f"{marker}{tag}", 1)

    refkit_edits = {
        "shared kit page": (kit / "content" / "kit" / "01-who-to-refer.md", append, f"/{slug}/who-to-refer.html"),
        "template": (kit / "templates" / "partials" / "footer.mustache", append, f"/{slug}/index.html"),
        "one source": (kit / "content" / "sources" / f"{slug}.yml", message, f"/{slug}/index.html"),
        "offer": (offer, append, f"/{slug}/offers/{offer.stem}.html"),
    }
    hugo_edits = {
        "shared kit page": (hugo / "layouts" / "_default" / "single.html", before("{{ .Content }}"), f"/{slug}/who-to-refer/"),
        "template": (hugo / "layouts" / "_default" / "baseof.html", before("</footer>"), f"/{slug}/"),
        "one source": (hugo / "content" / slug / "_index.md", append, f"/{slug}/"),
        "offer": (hugo / "content" / slug / f"offer-{offer.stem}.md", append, f"/{slug}/offer-{offer.stem}/"),
    }
    results = {
        "refkit serve": run([refkit, "serve", str(kit), "--port", "4311", "--date", "2026-11-23"], 4311,
                            "/source-00000/index.html", [p + "index.html" for p in browse], refkit_edits, runs),
    }
    if shutil.which("hugo"):
        results["hugo server"] = run(["hugo", "server", "-s", str(hugo), "--port", "4312", "--bind", "127.0.0.1",
                                      "--disableLiveReload", "--quiet"], 4312, "/source-00000/", browse, hugo_edits, runs)
    names = list(refkit_edits)
    print(f"N = {n} sources, median of {runs} edits (min–max), ms from save to the changed page served")
    print(f"{'':14}" + "".join(f"{name:>24}" for name in names) + f"{'start-up':>12}{'peak RSS':>11}")
    for tool, (startup, medians, rss) in results.items():
        cells = "".join(f"{f'{m:.0f} ({lo:.0f}–{hi:.0f})':>24}" for m, lo, hi in
                        (medians.get(name, (float("inf"),) * 3) for name in names))
        print(f"{tool:14}{cells}{startup:>10.2f} s{rss:>8.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 11)
