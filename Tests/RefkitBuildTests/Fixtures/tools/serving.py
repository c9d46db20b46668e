"""`refkit serve` for the serve checks: started on 127.0.0.1, waited for until it says it is
serving, and stopped with Ctrl-C (SIGINT) afterwards, killed if it does not stop."""
import contextlib
import signal
import subprocess
import sys
import time


@contextlib.contextmanager
def serving(refkit, kit, port):
    server = subprocess.Popen([refkit, "serve", str(kit), "--port", str(port), "--date", "2026-11-23"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 20
        while "serving" not in (line := server.stdout.readline()):
            if time.time() > deadline or server.poll() is not None:
                sys.exit(f"refkit serve did not start: {line} {server.stderr.read()}")
        yield server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
