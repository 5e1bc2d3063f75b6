import json
import os
import subprocess
import sys
import tempfile
from argparse import SUPPRESS
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from sessions.importers.documents import Curated
from sessions.importers.score import score_folder, total_line


class Command(BaseCommand):
    help = (
        "Import a folder of documents into a scratch SQLite database (a temporary file, never "
        "the archive) and score the import against EXPECTED.json: per document and in total, "
        "handled, title right, people found of listed, roles right, stakeholder group and "
        "region right, and people or organizations made of labels."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR")
        parser.add_argument("expected", metavar="EXPECTED.json")
        # Set only by the command itself, in the process it runs on the scratch database.
        parser.add_argument("--scratch-database", help=SUPPRESS)

    def handle(self, *args, folder, expected, scratch_database, **options):
        if not Path(folder).is_dir():
            raise CommandError(f"{folder}: not a folder")
        try:
            wanted = json.loads(Path(expected).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{expected}: cannot be read as JSON ({error})") from None
        if scratch_database is None:
            self._run_in_scratch_database(folder, expected)
            return
        if str(settings.DATABASES["default"]["NAME"]) != scratch_database:
            raise CommandError("--scratch-database is set by score_import itself")
        call_command("migrate", interactive=False, verbosity=0)
        scores = score_folder(folder, wanted, Curated())
        for score in scores:
            self.stdout.write(score.line())
        self.stdout.write(total_line(scores))

    def _run_in_scratch_database(self, folder, expected):
        with tempfile.TemporaryDirectory(prefix="score-import-") as scratch:
            database = str(Path(scratch) / "score.sqlite3")
            environment = {
                key: value
                for key, value in os.environ.items()
                if key not in {"DATABASE_URL", "REDIS_URL"}
            }
            environment["DATABASE_URL"] = f"sqlite:///{database}"
            result = subprocess.run(
                [
                    sys.executable,
                    str(Path(settings.BASE_DIR) / "manage.py"),
                    "score_import",
                    folder,
                    expected,
                    "--scratch-database",
                    database,
                ],
                env=environment,
                capture_output=True,
                text=True,
            )
        self.stdout.write(result.stdout, ending="")
        if result.returncode:
            raise CommandError(f"scoring failed:\n{result.stderr}")
