import json

from django.core.management.base import BaseCommand, CommandError

from sessions.backup import BackupRefused, import_archive


class Command(BaseCommand):
    help = "Load a file written by export_archive into an empty archive."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path}: cannot be read as JSON ({error})") from None
        try:
            counts = import_archive(data)
        except BackupRefused as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(f"{path}: {sum(counts.values())} records imported")
