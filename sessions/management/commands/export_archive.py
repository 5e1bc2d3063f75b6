import sys

from django.core.management.base import BaseCommand

from sessions.backup import dumps, export_archive


class Command(BaseCommand):
    help = "Write the whole archive as JSON (schema in README, 'Backup and restore')."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output if absent.")

    def handle(self, *args, output, **options):
        text = dumps(export_archive())
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            sys.stderr.write(f"archive written to {output}\n")
        else:
            self.stdout.write(text, ending="")
