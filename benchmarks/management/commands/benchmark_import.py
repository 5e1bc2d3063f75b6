import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.documents import VARIANTS
from sessions.importers.documents import BUNDLED_DOCUMENTS

# Printed by the database's own shell: whether it holds any session (before its migrations).
HOLDS_SESSIONS = (
    "from django.db import connection; from sessions.models import Session; "
    "print(Session._meta.db_table in connection.introspection.table_names() "
    "and Session.objects.exists())"
)


class Command(BaseCommand):
    help = (
        "Time the import of N documents (variants of the five bundled ones) into a new, "
        "empty database: SQLite in a temporary folder, or --database-url."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=1000)
        parser.add_argument("--database-url", default="", help="An empty database to use.")

    def handle(self, *args, documents, database_url, **options):
        if documents < 1:
            raise CommandError("--documents must be at least 1")
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "documents"
            folder.mkdir()
            originals = {
                name: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8") for name in VARIANTS
            }
            for n in range(documents):
                name = list(VARIANTS)[n % len(VARIANTS)]
                variant = VARIANTS[name](originals[name], n)
                (folder / f"{n:05d}-{name}").write_text(variant, encoding="utf-8")
            environment = {
                **os.environ,
                "DATABASE_URL": database_url or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
            }
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            holds = subprocess.run(
                [*manage, "shell", "-v0", "-c", HOLDS_SESSIONS],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            )
            if holds.stdout.strip() != "False":
                raise CommandError(
                    "--database-url names a database that holds sessions: the benchmark would "
                    "add its own to them. Give it an empty database."
                )
            subprocess.run([*manage, "migrate", "-v0"], env=environment, check=True)
            started = time.perf_counter()
            result = subprocess.run(
                [*manage, "import_documents", str(folder)],
                env=environment,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - started
        if result.returncode:
            raise CommandError(result.stderr)
        # The command's last line: "imported N, queued for an editor N, refused N".
        imported = int(result.stdout.splitlines()[-1].split(",")[0].removeprefix("imported "))
        self.stdout.write(
            f"imported {imported} documents in {seconds:.1f} s "
            f"({imported / seconds:.0f} documents/s, {1000 * seconds / imported:.1f} ms each)"
        )
