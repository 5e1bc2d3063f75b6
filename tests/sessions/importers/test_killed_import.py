"""An import killed half-way leaves the archive as it was before the run started.

`manage.py import_documents` runs in a subprocess against the test database, is killed
(SIGKILL: no handler, no clean-up) once it has printed that a document is in, and the
archive is then compared, whole, with what it held before.
"""

import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from benchmarks.documents import VARIANTS
from sessions.backup import dumps, export_archive
from sessions.importers.documents import BUNDLED_DOCUMENTS
from sessions.models import Session
from tests.bundled import import_bundled

# Committed rows, which a subprocess can see: not the test's usual transaction.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migration_data_put_back"),
]

PROJECT = Path(settings.BASE_DIR)
DOCUMENTS = 100  # far more than are imported before the kill, at ~40-70 ms a document
TIMEOUT = 60  # seconds; a run that never prints is killed by then and the test fails


def write_variants(folder, count):
    """`count` distinct documents: variants of the five, as `benchmark_import` makes them."""
    folder.mkdir()
    names = list(VARIANTS)
    originals = {name: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8") for name in names}
    for n in range(count):
        name = names[n % len(names)]
        (folder / f"{n:05d}-{name}").write_text(VARIANTS[name](originals[name], n), "utf-8")
    return folder


@contextmanager
def database_for_a_subprocess(scratch):
    """A DATABASE_URL at which a subprocess sees the test database, and what it committed.

    PostgreSQL: the test database itself. SQLite: the test database lives in this process's
    memory, which no other process can open; it is copied to a file for the subprocess, and
    the file, as SQLite reopens it afterwards (committed transactions only, like after a
    crash), is copied back into the test database.
    """
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
        yield (
            f"postgres://{quote(settings['USER'])}{password}@{settings['HOST'] or '127.0.0.1'}"
            f":{settings['PORT'] or 5432}/{quote(settings['NAME'])}"
        )
        return
    path = scratch / "archive.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as shared:
        connection.connection.backup(shared)
    yield f"sqlite:///{path}"
    with closing(sqlite3.connect(path)) as reopened:
        reopened.backup(connection.connection)


def kill_after_first_document(command, database_url, scratch):
    """Run `manage.py <command>`, SIGKILL it once it has printed one line; (lines, returncode)."""
    errors = scratch / "stderr.txt"
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-u", "manage.py", *command],
            cwd=PROJECT,
            env={"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        watchdog = threading.Timer(TIMEOUT, process.kill)
        watchdog.start()
        try:
            first = process.stdout.readline()
            process.send_signal(signal.SIGKILL)
            rest = process.stdout.read()
            returncode = process.wait(timeout=TIMEOUT)
        finally:
            watchdog.cancel()
            process.kill()
            process.stdout.close()
    assert first, f"killed after {TIMEOUT} s before it printed anything: {errors.read_text()}"
    return [first.rstrip("\n"), *rest.splitlines()], returncode


def test_import_killed_half_way_leaves_the_archive_as_before(tmp_path):
    import_bundled()
    before = dumps(export_archive())
    folder = write_variants(tmp_path / "documents", DOCUMENTS)

    with database_for_a_subprocess(tmp_path) as database_url:
        printed, returncode = kill_after_first_document(
            ["import_documents", str(folder)], database_url, tmp_path
        )

    # The first document was written (its summary comes after its savepoint), the run was not over.
    assert printed[0] == (
        f"{folder / '00000-igf2024-open-forum-9-session-page.txt'}: igf_page_2024: "
        "igf-2024/open-forum-1000 created; unplaced text: 0 paragraphs, 0 characters"
    )
    assert returncode == -signal.SIGKILL
    assert len(printed) < DOCUMENTS
    assert Session.objects.count() == 5
    assert dumps(export_archive()) == before
