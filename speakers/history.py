"""The archive's audit trail: who changed a record, when, and why (django-simple-history).

An editor's change in the admin is recorded with the editor as its author (simple-history's
middleware). A change made by a program has no user; it names itself in the change reason
instead, e.g. "import of igf2024-open-forum-9-session-page.txt": code that writes records
runs inside `change_reason(...)`, and every history row written meanwhile, by save(), delete()
or `bulk_create_with_history`, carries that reason.

It lives in `speakers`, the app every other one depends on, so that both apps use it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from simple_history.models import HistoricalRecords

_reason = ContextVar("history_change_reason", default=None)


@contextmanager
def change_reason(reason):
    """Record `reason` as the change reason of every history row written inside the block."""
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


def current_change_reason():
    """The reason set by the innermost `change_reason` block, or None."""
    return _reason.get()


class ArchiveHistory(HistoricalRecords):
    """HistoricalRecords whose rows take the reason of the surrounding `change_reason` block."""

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or (
            current_change_reason()
        )
