"""Load test: many clients on the public pages while documents are being imported.

    uv run python benchmarks/load.py [--seconds 60] [--connections 50]

For each database (a new SQLite file, and a new PostgreSQL database that the run creates and
drops on --postgres-server), the archive is filled with a synthetic archive of --sessions
sessions plus the five bundled documents, then served by gunicorn on loopback. wrk keeps
--connections connections busy for --seconds on a mix of home, list, filter, search, session,
person, SDG and meeting pages while, at the same time, `manage.py import_documents` imports new
documents, 100 a run, one run after another, until the load ends. Then the run checks that no
request failed and that every imported document is in the archive, and prints requests,
errors, p50 and p99. The servers and the import share a Redis cache (benchmarks/serving.py).
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

import psycopg  # noqa: E402
import redis  # noqa: E402

from benchmarks.documents import VARIANTS  # noqa: E402
from benchmarks.serving import (  # noqa: E402
    BASE_DIR,
    MANAGE,
    REDIS_URL,
    count_rows,
    environment,
    gunicorn,
    load,
    manage,
    require_wrk,
    warm_up,
)
from benchmarks.synthetic import COMMON_WORD  # noqa: E402
from sessions.importers.documents import BUNDLED_DOCUMENTS, bundled_documents  # noqa: E402

# Documents a run of import_documents imports (one transaction, so the archive changes, and
# the pages' cached parts with it, once a run).
BATCH = 100
PATHS = [
    "/",
    "/sessions/",
    "/sessions/?sdg=7",
    "/sessions/?year=2024",
    "/sessions/?sdg=9&year=2023&type=workshop",
    "/sessions/?q=BRICS",
    f"/sessions/?q={COMMON_WORD}",
    "/sessions/?stakeholder=civil_society&page=2",
    "/sessions/igf-2024/open-forum-9/",
    "/sessions/igf-2023/workshop-377/",
    "/people/gong-ke/",
    "/sdgs/7/",
    "/meetings/igf-2021/",
]


def load_options(description):
    """The options of a load test on both databases (this one and benchmarks/hostile.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    # A small archive: this test is about concurrency (benchmarks/pages.py is about scale).
    parser.add_argument("--sessions", type=int, default=2_000, help="synthetic sessions")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--postgres-server",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help='where to create (and drop) the database; "" for SQLite only',
    )
    # PostgreSQL alone: its runs repeated without waiting for SQLite's each time.
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True)
    # Another name keeps runs on one server apart (each drops its database first).
    parser.add_argument("--postgres-database", default="archive_loadtest")
    return parser


def on_each_database(options, run):
    """run(name, url, scratch folder, options) on a new SQLite file (unless --no-sqlite) and,
    unless --postgres-server is empty, a new PostgreSQL database; exits 1 if either run failed."""
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        if options.sqlite:
            failed |= run("SQLite", f"sqlite:///{scratch}/load.sqlite3", Path(scratch), options)
        if options.postgres_server:
            with postgres_database(options.postgres_server, options.postgres_database) as url:
                failed |= run("PostgreSQL", url, Path(scratch), options)
    sys.exit(1 if failed else 0)


def fill(url, sessions):
    """The archive of a load test: migrated, `sessions` synthetic ones and the five documents,
    the static files its pages name collected, and the benchmarks' cache emptied (what an
    earlier run's servers noted there, downloads and lists on another port, is not this one's
    to make again)."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage(url, "migrate", "--noinput", stdout=subprocess.DEVNULL)
    manage(url, "collectstatic", "--noinput", stdout=subprocess.DEVNULL)
    manage(url, "generate_synthetic", f"--sessions={sessions}", stdout=subprocess.DEVNULL)
    manage(url, "import_documents", *map(str, bundled_documents()), stdout=subprocess.DEVNULL)


def main():
    options = load_options(__doc__.split("\n\n")[0]).parse_args()
    print(
        "| database | requests | errors | requests/s | p50 ms | p99 ms | documents imported "
        "meanwhile | documents in the archive before → after |\n|---|---|---|---|---|---|---|---|"
    )
    require_wrk()
    on_each_database(options, run)


def run(name, url, scratch, options):
    fill(url, options.sessions)
    # Each imported document is one SourceDocument; its session may be a synthetic one that
    # the document updates (the same meeting, type and number), so sessions are not counted.
    before = count_rows(url, "SourceDocument")
    importer = Importer(url, scratch / name)
    with gunicorn(url, options.workers) as server:
        warm_up(server.url, PATHS)
        importer.start()
        try:
            result = load(
                server.url, PATHS, seconds=options.seconds, connections=options.connections
            )
        finally:
            # Else an error here (wrk missing, say) left the importer running for ever.
            imported = importer.finish()
    after = count_rows(url, "SourceDocument")
    print(
        f"| {name} | {result.requests:,} | {result.errors} | {result.per_second:.0f} | "
        f"{result.p50_ms:.1f} | {result.p99_ms:.1f} | {imported} | {before:,} → {after:,} |"
    )
    lost = before + imported - after
    if lost or result.errors or importer.failures:
        print(f"{name}: {result.errors} errors, {lost} documents lost, {importer.failures}")
        return True
    return False


class Importer(threading.Thread):
    """Imports batches of `batch` new documents, one `import_documents` run after another, until
    told to stop; the batch under way then finishes. `import_batch` runs one batch alone."""

    def __init__(self, url, folder, batch=BATCH):
        super().__init__()
        self.url, self.folder, self.batch = url, folder, batch
        self.originals = {
            name: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8") for name in VARIANTS
        }
        self.batches, self.imported, self.failures = 0, 0, []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            self.import_batch()

    def import_batch(self):
        """One run of import_documents: new documents read, committed, and the pages it
        renders again after its commit."""
        folder = self.folder / f"batch-{self.batches:04d}"
        folder.mkdir(parents=True)
        for n in range(self.batches * self.batch, (self.batches + 1) * self.batch):
            name = list(VARIANTS)[n % len(VARIANTS)]
            text = VARIANTS[name](self.originals[name], n)
            (folder / f"{n:05d}-{name}").write_text(text, encoding="utf-8")
        result = subprocess.run(
            [*MANAGE, "import_documents", str(folder)],
            env=environment(self.url),
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            self.failures.append(result.stderr.strip().splitlines()[-1:])
        else:
            self.imported += self.batch
        self.batches += 1

    def finish(self):
        """Stop after the batch under way; the number of documents imported."""
        self.stopping.set()
        self.join()
        return self.imported


@contextlib.contextmanager
def postgres_database(server_url, name):
    """A new, empty database `name` on the server, dropped afterwards."""
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
