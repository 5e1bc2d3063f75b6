from django.core.management.base import BaseCommand, CommandError

from sessions.importers.documents import Curated, DocumentRefused, document_paths, import_file


class Command(BaseCommand):
    help = (
        "Import source documents (files, or folders of them). Each document is imported "
        "in its own transaction; a document that cannot be imported is refused whole with "
        "file:line: reason, the others still land, and the command exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths, **options):
        curated = Curated()
        refused = []
        for path in document_paths(paths):
            try:
                outcome = import_file(path, curated)
            except DocumentRefused as error:
                refused.extend(error.lines)
                continue
            self.stdout.write(outcome.summary())
        if refused:
            raise CommandError(
                f"{len(refused)} problem(s); those documents were not imported:\n"
                + "\n".join(refused)
            )
