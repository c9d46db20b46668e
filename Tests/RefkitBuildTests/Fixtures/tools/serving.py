"""`refkit serve` for the serve checks: started on 127.0.0.1 on any free port (`--port 0`), waited
for until it says it is serving and where (`server.port`), and stopped with Ctrl-C (SIGINT)
afterwards, killed if it does not stop."""
import contextlib
import re
import signal
import socket
import subprocess
import sys
import time


@contextlib.contextmanager
def serving(refkit, kit):
    server = subprocess.Popen([refkit, "serve", str(kit), "--port", "0", "--date", "2026-11-23"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 20
        while "serving" not in (line := server.stdout.readline()):
            if time.time() > deadline or server.poll() is not None:
                sys.exit(f"refkit serve did not start: {line} {server.stderr.read()}")
        server.port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        yield server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def fetch(port, path):
    """GET /PATH from the preview on 127.0.0.1:PORT: (status line, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        connection.sendall(f"GET /{path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(1 << 16):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head.split(b"\r\n", 1)[0].decode("latin-1"), body
