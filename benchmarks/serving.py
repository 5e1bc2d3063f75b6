"""Serve the archive under gunicorn on loopback and load it with wrk, for the benchmarks.

wrk is the load generator: a small C program that keeps a fixed number of connections busy
for a fixed time (bounded) and reports requests per second and the latency distribution.
Debian packages it (`apt-get install wrk`).
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(BASE_DIR / "manage.py")]

# wrk picks the next path of this list for every request, in turn.
MIX_SCRIPT = """
paths = {%s}
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def require_wrk():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: install it with `apt-get install wrk` (Debian) and run again.")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The cache of the servers and of the import: shared, as on several app servers
# (docs/deployment.md). Its database 14; tests use 15.
REDIS_URL = os.environ.get("BENCHMARK_REDIS_URL", "redis://127.0.0.1:6379/14")


def environment(database_url, redis_url=REDIS_URL):
    """The environment of a production-like run on loopback: DEBUG off, no HTTPS."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
    }


def warm_up(base_url, paths):
    """Fetch each path once, so that wrk measures the steady state, not the first visit
    after a change (docs/performance.md measures that one apart: "first fetch"). A path
    answered with an error (a hostile one, benchmarks/hostile.py) is fetched all the same; a
    download refused while the server's slot rests (429) is fetched again when it says."""
    for path in paths:
        for _attempt in range(3):
            try:
                with urllib.request.urlopen(base_url + path, timeout=600) as response:
                    response.read()
            except urllib.error.HTTPError as error:
                error.read()
                if error.code == 429:
                    time.sleep(int(error.headers["Retry-After"]))
                    continue
            break


def manage(database_url, *arguments, **run_options):
    return subprocess.run(
        [*MANAGE, *arguments],
        env=environment(database_url),
        cwd=BASE_DIR,
        check=True,
        **run_options,
    )


def output(database_url, command):
    """What `command` prints, run in the environment of the archive on that database."""
    return subprocess.run(
        command,
        env=environment(database_url),
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def count_rows(database_url, model="Session"):
    """How many rows the archive's `model` (of sessions.models) has."""
    command = [*MANAGE, "shell", "--no-imports", "-c", COUNT_ROWS.format(model=model)]
    return int(output(database_url, command))


COUNT_ROWS = "from sessions.models import {model}; print({model}.objects.count())"


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mib(self):
        """Resident memory of each worker, in MiB."""
        sizes = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            kib = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))
            sizes.append(kib / 1024)
        return sizes


@contextlib.contextmanager
def gunicorn(database_url, workers, redis_url=REDIS_URL, threads=1):
    """A gunicorn serving the archive (and /floor/) on a free loopback port, with production's
    settings (igfarchive/gunicorn.py) but `workers` workers of `threads` threads (1: sync
    workers), and the access log formatted but not kept."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:igfarchive.gunicorn",
            "igfarchive.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            os.devnull,
            "--error-logfile",
            "-",
            "--log-level",
            "info",
        ],
        env=environment(database_url, redis_url),
        cwd=BASE_DIR,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/floor/", process)
        yield Server(url, process)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def datasette(sqlite_file):
    """Datasette serving the same SQLite file, read-only and immutable (its fastest mode)."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            "--immutable",
            str(sqlite_file),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/-/versions.json", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@dataclass
class LoadResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self):
        return self.requests / self.seconds


def load(base_url, paths, *, seconds, connections, threads=1):
    """Run wrk over `paths` (in turn) for `seconds` with `connections` open connections.

    Errors are socket errors (connect, read, write, timeout) plus answers that are not 2xx
    or 3xx.
    """
    require_wrk()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(MIX_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    try:
        output = subprocess.run(
            [
                "wrk",
                "--latency",
                f"--threads={threads}",
                f"--connections={connections}",
                f"--duration={seconds}s",
                "--timeout=10s",
                f"--script={script.name}",
                base_url,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(script.name)
    return parse_wrk(output)


def parse_wrk(output):
    totals = re.search(r"(\d+) requests in ([\d.]+)(m?s|m)\b", output)
    unit = {"s": 1, "ms": 0.001, "m": 60}[totals.group(3)]
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = (sum(map(int, socket_errors.groups())) if socket_errors else 0) + (
        int(bad_status.group(1)) if bad_status else 0
    )
    return LoadResult(
        requests=int(totals.group(1)),
        seconds=float(totals.group(2)) * unit,
        errors=errors,
        p50_ms=latency(output, "50%"),
        p99_ms=latency(output, "99%"),
    )


def latency(output, percentile):
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
