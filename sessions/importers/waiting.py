"""Complete a document that waits for an editor (sessions.models.WaitingDocument).

The import keeps a page of a known family that lacks what identifies its session (its title,
its meeting's year or date) instead of refusing it. The editor supplies what is missing, with
the source that says so; `complete` then runs the same path as an import (`documents.write`)
with those values, and the document leaves the queue. A later import of the same file uses the
same values again, so it changes nothing.
"""

from pathlib import Path

from django.utils import timezone

from sessions.importers.documents import prepare_data, write
from sessions.models import WaitingDocument


def complete(waiting, curated):
    """Import `waiting` with the values its editor supplied; the ImportOutcome. Raises
    DocumentRefused, or DocumentQueued when something is still missing (its problems updated)."""
    prepared = prepare_data(Path(waiting.file_name), waiting.text.encode(), waiting.sha256)
    outcome = write(prepared, curated, supplied=waiting)
    waiting.status = WaitingDocument.Status.RESOLVED
    waiting.session = outcome.session
    waiting.resolved_at = timezone.now()
    waiting.save()
    return outcome
