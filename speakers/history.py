"""The archive's audit trail: who changed a record, when, and why (django-simple-history).

An editor's change in the admin is recorded with the editor as its author (simple-history's
middleware). A change made by a program names the program and what it worked on in the change
reason: code that writes records runs inside `change_reason(...)`, and every history row
written meanwhile, by save(), delete() or `bulk_create_with_history`, carries that reason:

- the importer: "import of igf2024-open-forum-9-session-page.txt (IGF session page (2024
  layout))", the document's file name and format;
- a merge: "merge of “Ke Gong” into “GONG Ke”"; a split: "split of “Dou Guimei” off “DU Guimei”".

A restore (sessions/backup.py) saves rows raw and the copied columns (sessions/derived.py) are
written by UPDATE and left out of history: neither writes a history row.

`author()` and `reason()` say who and why for a person reading the history: the editor's name,
or the program named by the reason; the reason, or what the editor did. Neither is ever empty.

It lives in `speakers`, the app every other one depends on, so that both apps use it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from simple_history.models import HistoricalRecords

_reason = ContextVar("history_change_reason", default=None)

# The programs that write records, by the first words of the reasons they give.
PROGRAMS = {
    "import of ": "the importer",
    "merge of ": "a merge",
    "split of ": "a split",
}
# What an editor did, by the history row's type (simple-history's "+", "~", "-").
EDITOR_ACTIONS = {
    "+": "added in the admin",
    "~": "changed in the admin",
    "-": "deleted in the admin",
}
UNKNOWN = "not recorded"


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


def import_reason(file_name, format_label):
    return f"import of {file_name} ({format_label})"


def merge_reason(kept, merged):
    return f"merge of “{merged}” into “{kept}”"


def split_reason(spelling, owner):
    return f"split of “{spelling}” off “{owner}”"


def author(record):
    """Who made a history row: the editor's name, else the program its reason names."""
    user = record.history_user
    if user is not None:
        return user.get_full_name() or user.get_username()
    reason = record.history_change_reason or ""
    for start, program in PROGRAMS.items():
        if reason.startswith(start):
            return program
    return UNKNOWN


def reason(record):
    """Why: the reason recorded, else what the editor did, else that nobody said."""
    if record.history_change_reason:
        return record.history_change_reason
    if record.history_user_id is not None:
        return EDITOR_ACTIONS[record.history_type]
    return UNKNOWN


class ArchiveHistory(HistoricalRecords):
    """HistoricalRecords whose rows take the reason of the surrounding `change_reason` block."""

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or (
            current_change_reason()
        )
