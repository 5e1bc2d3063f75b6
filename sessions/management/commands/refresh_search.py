from django.core.management.base import BaseCommand
from django.db import transaction

from sessions.derived import refresh_derived
from sessions.models import Session
from sessions.search import rebuild_full_text


class Command(BaseCommand):
    help = (
        "Rebuild the search text (and the search vector on PostgreSQL, the full-text index on "
        "SQLite) and the record marks "
        "of every session, e.g. after upgrading an archive imported before search existed."
    )

    def handle(self, *args, **options):
        session_ids = list(Session.objects.order_by("pk").values_list("pk", flat=True))
        with transaction.atomic():
            # First, so that the triggers that follow the texts' updates find the index in step.
            rebuild_full_text()
            refresh_derived(session_ids)
        self.stdout.write(f"Search text rebuilt for {len(session_ids)} session(s).")
