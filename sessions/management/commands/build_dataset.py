from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from igfarchive.version import read_archive_version
from sessions.outputs import dataset_files


class Command(BaseCommand):
    help = (
        "Write the whole archive as a dataset (a Frictionless Data Package in a zip, and a "
        "SQLite file) under DATA_DIR, for the archive's current version; served at /data/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Build even when the dataset of the current version is already built.",
        )

    def handle(self, *args, force, **options):
        # One read transaction: every table is read from the same state of the archive, the
        # one whose version names the files, although an import may commit meanwhile.
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            # Only the first statement of a transaction may set its isolation.
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            version = read_archive_version().tag
            built = dataset_files.current()
            if built and built.version == version and not force:
                self.stdout.write(f"Dataset of version {version} already built: nothing to do.")
                return
            try:
                built, counts = dataset_files.build(version)
            except OSError as error:
                raise CommandError(
                    f"Cannot write the dataset in DATA_DIR ({settings.DATA_DIR}): {error}"
                ) from error
        sizes = ", ".join(f"{file.name} ({file.size:,} bytes)" for file in built.files.values())
        self.stdout.write(
            f"Dataset of version {version} built: {counts['sessions']} session(s), "
            f"{sum(counts.values())} row(s) in {len(counts)} tables; {sizes}."
        )
