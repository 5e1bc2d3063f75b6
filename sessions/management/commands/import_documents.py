import time

from django.core.management.base import BaseCommand, CommandError

from sessions.browse.warming import make_downloads_again, warm_pages
from sessions.importers.documents import Curated, import_documents


class Command(BaseCommand):
    help = (
        "Import source documents (files, or folders of them). Every document is parsed before "
        "the write transaction opens. The whole run is one transaction, so a run killed "
        "half-way changes nothing; inside it each document has its own savepoint: a document "
        "that cannot be imported is refused whole with file:line: reason, the others still "
        "land, and the command exits non-zero. A page that lacks what identifies its session "
        "waits for an editor (admin: Waiting documents). The last line counts imported, "
        "queued and refused documents."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths, **options):
        summary = import_documents(
            paths, Curated(), report=lambda outcome: self.stdout.write(outcome.summary())
        )
        for line in summary.queued:
            self.stdout.write(f"{line} (waiting for an editor)")
        self.stdout.write(summary.line())
        # After the commit, before any reader: the downloads readers made, then the pages the
        # import made stale that readers open. The downloads first: until its file is made, a
        # download's every reader is refused or streams it (a second of a server's worker),
        # where a page's readers wait for one rendering (igfarchive/cache.py).
        started = time.monotonic()
        made = make_downloads_again()
        if options["verbosity"] > 1 and made:
            seconds = time.monotonic() - started
            self.stdout.write(f"Downloads made again: {made} in {seconds:.1f} s")
        started = time.monotonic()
        warmed = warm_pages()
        if options["verbosity"] > 1:
            seconds = time.monotonic() - started
            self.stdout.write(f"Pages rendered afresh: {warmed} in {seconds:.1f} s")
        if summary.refused:
            raise CommandError(
                f"{len(summary.refused)} problem(s); those documents were not imported:\n"
                + "\n".join(summary.refused)
            )
