#!/usr/bin/env python3
"""Attacks a running `refkit serve` the way a hostile web page or a local program can (issue 13):
requests whose Host header is not the preview's own (DNS rebinding) must be refused, for pages
and for the live-reload socket alike; the preview's own names must be served; a huge request
line or head is answered 414 or 431 within a second, and the server still answers after. Usage:
serve_hostile_check.py REFKIT KIT_DIR. Prints one line per check; exits 1 on the first
failure. The server is bound to 127.0.0.1 and stopped."""
import os
import socket
import sys
import time

from serving import serving

refkit, kit = sys.argv[1], sys.argv[2]


def request(head: bytes, timeout: float = 5) -> str:
    """Sends a raw request head; returns the status line (or what went wrong)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(head)
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            return "no answer"
    return answer.split(b"\r\n", 1)[0].decode("latin-1") or "closed"


def get(path: str, host: str | None, extra: str = "") -> str:
    lines = [f"GET {path} HTTP/1.1"] + ([f"Host: {host}"] if host is not None else []) + ([extra] if extra else [])
    return request(("\r\n".join(lines) + "\r\nConnection: close\r\n\r\n").encode())


failed = False
with serving(refkit, kit) as server:
    port = server.port
    upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13"
    checks = [
        ("own address", get("/cara/index.html", f"127.0.0.1:{port}"), " 200 "),
        ("localhost", get("/cara/index.html", f"localhost:{port}"), " 200 "),
        ("IPv6 loopback", get("/cara/index.html", f"[::1]:{port}"), " 200 "),
        ("rebound name", get("/cara/index.html", f"attacker.example:{port}"), " 403 "),
        ("rebound name, no port", get("/cara/index.html", "attacker.example"), " 403 "),
        ("other port", get("/cara/index.html", f"127.0.0.1:{port + 1}"), " 403 "),
        ("no Host", get("/cara/index.html", None), " 403 "),
        ("socket, rebound name", get("/__refkit/live", f"attacker.example:{port}", upgrade), " 403 "),
        # Any web page can open a socket to 127.0.0.1 (Host is then the preview's own): its Origin
        # says which page asked, and only the preview's own pages may read the kit (issue 29).
        ("socket, own page", get("/__refkit/live", f"127.0.0.1:{port}", upgrade + f"\r\nOrigin: http://127.0.0.1:{port}"), " 101 "),
        ("socket, foreign Origin", get("/__refkit/live", f"127.0.0.1:{port}", upgrade + "\r\nOrigin: https://evil.example"), " 403 "),
        ("socket, null Origin", get("/__refkit/live", f"127.0.0.1:{port}", upgrade + "\r\nOrigin: null"), " 403 "),
        ("page, foreign Origin", get("/cara/index.html", f"127.0.0.1:{port}", "Origin: https://evil.example"), " 403 "),
        ("page, own Origin", get("/cara/index.html", f"localhost:{port}", f"Origin: http://localhost:{port}"), " 200 "),
    ]
    host = f"Host: 127.0.0.1:{port}\r\n"
    for name, head, expected in [
        ("80 KB request line", f"GET /{'a' * 80_000} HTTP/1.1\r\n{host}\r\n".encode(), " 414 "),
        ("10 MB request line", b"GET /" + b"a" * 10_000_000 + f" HTTP/1.1\r\n{host}\r\n".encode(), " 414 "),
        ("50,000 headers", (f"GET / HTTP/1.1\r\n{host}" + "".join(f"X-{i}: y\r\n" for i in range(50_000)) + "\r\n").encode(), " 431 "),
        ("one 100 KB header", f"GET / HTTP/1.1\r\n{host}X-Big: {'b' * 100_000}\r\n\r\n".encode(), " 431 "),
    ]:
        started = time.time()
        try:
            status = request(head)
        except (BrokenPipeError, ConnectionResetError) as error:
            status = f"connection dropped ({error.__class__.__name__})"
        took = time.time() - started
        checks.append((f"{name} ({took:.2f} s)", status if took < 1 else f"{status}, after {took:.1f} s", expected))
    checks.append(("still serving after them", get("/cara/index.html", f"127.0.0.1:{port}"), " 200 "))

    # A failed check keeps the last good site, but never serves a byte the build would not
    # publish: an asset swapped for a symlink to a file outside the kit, or to the private ledger,
    # while the kit is broken is refused, not followed (issue 29).
    def body(path: str) -> bytes:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        return answer

    checks.append(("an asset before", get("/assets/img/dot.svg", f"127.0.0.1:{port}"), " 200 "))
    with open(f"{kit}/content/ledger.csv", "w") as ledger:
        ledger.write("date,source,stage,value,note\n2026-01-02,cara,deal,5000,SECRET-LEDGER-NOTE\n")
    with open(f"{kit}/content/sources/cara.yml", "a") as broken:
        broken.write("\nname: [unclosed\n")
    time.sleep(1.0)
    for target, secret in [("/etc/passwd", b"root:"), ("../../ledger.csv", b"SECRET-LEDGER-NOTE")]:
        os.remove(f"{kit}/content/assets/img/dot.svg")
        os.symlink(target, f"{kit}/content/assets/img/dot.svg")
        time.sleep(0.6)
        answer = body("/assets/img/dot.svg")
        status = answer.split(b"\r\n", 1)[0].decode("latin-1")
        leaked = secret in answer
        checks.append((f"asset swapped for a link to {target} during a failed check",
                       "LEAKED " + status if leaked else status, " 404 "))
    for name, status, expected in checks:
        ok = expected in status + " "
        failed = failed or not ok
        print(f"{'ok' if ok else 'FAILED'}: {name}: {status}")
sys.exit(1 if failed else 0)
