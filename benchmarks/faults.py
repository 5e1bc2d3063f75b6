"""Fault injection: the load test's pages under load while the archive's services fail.

    uv run python benchmarks/faults.py [--fault-seconds 10] [--connections 20]

The archive (a synthetic archive of --sessions sessions plus the five bundled documents, in a
new PostgreSQL database on --postgres-server that the run creates and drops) is served by
gunicorn on loopback. Between gunicorn and its PostgreSQL, and between gunicorn and its Redis,
sits a relay on loopback (Relay, below): the faults are the relays', so the real services that
others use are never touched. Clients keep --connections requests going on the load test's
mix of pages (benchmarks/load.py) for the whole run, and the faults come one after another,
each for --fault-seconds with --settle-seconds of quiet between them:

- Redis hung: the relay accepts connections and never answers (nor forwards what it is sent);
- Redis stopped: the relay closes every connection, open and new;
- PostgreSQL stopped: the same, for the database;
- an import killed: `import_documents` of 500 new documents, killed (SIGKILL) 3 s in.

It prints, for each fault: the requests answered during it, their server errors (5xx and
failed connections) and p99, and the recovery time: from the end of the fault to the end of the
last failed request. Then the server errors outside the faults and 5 s after each, which must
be none, and whether the killed import left the archive as it was. Every request has a 30 s
timeout, so a run takes a bounded time (about two minutes of load plus the set-up).
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from benchmarks.clients import Clients, p99_ms  # noqa: E402
from benchmarks.documents import VARIANTS  # noqa: E402
from benchmarks.load import PATHS, fill, postgres_database  # noqa: E402
from benchmarks.serving import (  # noqa: E402
    BASE_DIR,
    MANAGE,
    count_rows,
    environment,
    gunicorn,
    warm_up,
)
from sessions.importers.documents import BUNDLED_DOCUMENTS  # noqa: E402

# After a fault ends, the archive has this long to answer normally again.
RECOVERY_ALLOWED_SECONDS = 5
# The killed import: 40-70 ms a document, so it is a few seconds into a run of tens of seconds.
IMPORTED = 500
KILL_AFTER_SECONDS = 3


class Relay:
    """A TCP relay on loopback to `target` (host, port), with a fault switch.

    "pass" forwards both ways; "hang" keeps every connection open but forwards nothing (a
    service that accepts and never answers); "closed" closes every connection, open and new
    (a service that stopped).
    """

    def __init__(self, target):
        self.target = target
        self.mode = "pass"
        self.connections = set()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def set_mode(self, mode):
        self.mode = mode
        if mode == "closed":
            with self.lock:
                for connection in self.connections:
                    connection.close()
                self.connections.clear()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            if self.mode == "closed":
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections |= {client, upstream}
            for source, sink in [(client, upstream), (upstream, client)]:
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    def pump(self, source, sink):
        try:
            while data := source.recv(65536):
                if self.mode == "pass":
                    sink.sendall(data)
        except OSError:
            pass
        for connection in (source, sink):
            connection.close()
        with self.lock:
            self.connections -= {source, sink}


def page_in_turn(n):
    return "page", PATHS[n % len(PATHS)]


@dataclass
class Fault:
    name: str
    started: float
    ended: float


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fault-seconds", type=int, default=10)
    parser.add_argument("--settle-seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=2_000, help="synthetic sessions")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--postgres-server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="127.0.0.1:6379")
    options = parser.parse_args()
    with postgres_database(options.postgres_server, "archive_loadtest") as direct_url:
        sys.exit(run(direct_url, options))


def run(direct_url, options):
    fill(direct_url, options.sessions)
    database = direct_url.rsplit("@", 1)[1].split("/", 1)
    postgres_host, postgres_port = database[0].rsplit(":", 1)
    redis_host, redis_port = options.redis.rsplit(":", 1)
    postgres = Relay((postgres_host, int(postgres_port)))
    redis = Relay((redis_host, int(redis_port)))
    url = direct_url.replace(f"@{database[0]}/", f"@127.0.0.1:{postgres.port}/")
    redis_url = f"redis://127.0.0.1:{redis.port}/14"
    documents_before = count_rows(direct_url, "SourceDocument")
    faults = []
    with (
        tempfile.TemporaryDirectory() as scratch,
        gunicorn(url, options.workers, redis_url) as server,
    ):
        warm_up(server.url, PATHS)
        with Clients(server.url, options.connections, page_in_turn) as clients:
            time.sleep(options.settle_seconds)
            for name, relay, mode in [
                ("Redis hung", redis, "hang"),
                ("Redis stopped", redis, "closed"),
                ("PostgreSQL stopped", postgres, "closed"),
            ]:
                started = time.monotonic()
                relay.set_mode(mode)
                time.sleep(options.fault_seconds)
                relay.set_mode("pass")
                faults.append(Fault(name, started, time.monotonic()))
                time.sleep(options.settle_seconds)
            faults.append(kill_an_import(url, redis_url, Path(scratch)))
            time.sleep(options.settle_seconds)
    documents_after = count_rows(direct_url, "SourceDocument")
    return report(clients.answers, faults, documents_before, documents_after)


def kill_an_import(url, redis_url, folder):
    """Start importing IMPORTED new documents, and kill the import KILL_AFTER_SECONDS later,
    well before it could end."""
    names = list(VARIANTS)
    originals = {name: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8") for name in names}
    for n in range(IMPORTED):
        name = names[n % len(names)]
        (folder / f"{n:05d}-{name}").write_text(VARIANTS[name](originals[name], n), "utf-8")
    started = time.monotonic()
    process = subprocess.Popen(
        [*MANAGE, "import_documents", str(folder)],
        env=environment(url, redis_url),
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(KILL_AFTER_SECONDS)
    if process.poll() is not None:
        sys.exit("the import ended before it could be killed: import more documents")
    process.send_signal(signal.SIGKILL)
    process.wait()
    return Fault("import killed", started, time.monotonic())


def report(answers, faults, documents_before, documents_after):
    print(
        "| fault | seconds | requests | server errors | p99 ms | recovery s |\n"
        "|---|---|---|---|---|---|"
    )
    slow_recovery = False
    for fault, next_start in zip(
        faults, [f.started for f in faults[1:]] + [float("inf")], strict=True
    ):
        during = [a for a in answers if fault.started <= a.started < fault.ended]
        after = [a for a in answers if fault.ended <= a.started and a.ended < next_start]
        after = [a for a in after if a.failed]
        recovery = max([a.ended - fault.ended for a in after] or [0])
        slow_recovery |= recovery > RECOVERY_ALLOWED_SECONDS
        print(
            f"| {fault.name} | {fault.ended - fault.started:.0f} | {len(during):,} | "
            f"{sum(a.failed for a in during)} | {p99_ms(during):,.0f} | {recovery:.1f} |"
        )
    outside = [
        a
        for a in answers
        if not any(
            f.started <= a.ended and a.started < f.ended + RECOVERY_ALLOWED_SECONDS for f in faults
        )
    ]
    errors_outside = sum(a.failed for a in outside)
    print(
        f"\nOutside the faults (and {RECOVERY_ALLOWED_SECONDS} s after each): {len(outside):,} "
        f"requests, {errors_outside} server errors, p99 {p99_ms(outside):,.0f} ms."
    )
    print(f"Documents in the archive: {documents_before:,} before, {documents_after:,} after.")
    lost_or_half = documents_after != documents_before
    return 1 if errors_outside or slow_recovery or lost_or_half else 0


if __name__ == "__main__":
    main()
