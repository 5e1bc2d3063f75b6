import time

from django.core.management.base import BaseCommand, CommandError

from sessions.browse.warming import warm_popular_pages
from sessions.importers.documents import Curated, import_documents


class Command(BaseCommand):
    help = (
        "Import source documents (files, or folders of them). The whole run is one "
        "transaction, so a run killed half-way changes nothing; inside it each document has "
        "its own savepoint: a document that cannot be imported is refused whole with "
        "file:line: reason, the others still land, and the command exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths, **options):
        refused = import_documents(
            paths, Curated(), report=lambda outcome: self.stdout.write(outcome.summary())
        )
        # After the commit, before any reader: the pages the import made stale.
        started = time.monotonic()
        warmed = warm_popular_pages()
        self.stdout.write(f"Pages rendered afresh: {warmed} in {time.monotonic() - started:.1f} s")
        if refused:
            raise CommandError(
                f"{len(refused)} problem(s); those documents were not imported:\n"
                + "\n".join(refused)
            )
