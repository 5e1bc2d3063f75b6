"""The whole archive as one JSON document: backup, and the way between databases.

Schema (version 1):

    {"format": "igf-archive", "version": 1,
     "records": {"<app_label>.<model>": [{"pk": 1, "fields": {...}}, ...], ...}}

`records` lists the models in RECORD_MODELS order (each before those that point
at it), rows by primary key. `fields` are Django's serialized field values:
foreign keys and many-to-many as primary keys, dates and times in ISO 8601.
Left out: the SDG goals and targets (reference data every database gets from
its migrations), a session's derived columns (rebuilt on import), users, groups
and permissions (logins are not archive content), the documents waiting for an
editor (`WaitingDocument`: the import's queue, not archive content until an editor
completes one, so that a document queued leaves the export as it was), and the audit
trail (the `historical*` tables of django-simple-history: they record who changed the
archive where it was edited, not the archive itself). An import writes no
history: rows are saved raw, as they were exported.
"""

import json

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

from sessions.derived import refresh_derived
from sessions.models import DERIVED_FIELDS, Meeting, Session

FORMAT, VERSION = "igf-archive", 1

RECORD_MODELS = [
    "speakers.person",
    "speakers.personalias",
    "speakers.organization",
    "speakers.organizationalias",
    "speakers.duplicatesuggestion",
    "speakers.organizationduplicatesuggestion",
    "archive.meeting",
    "archive.sourcedocument",
    "archive.session",
    "archive.curatedfact",
    "archive.policyquestion",
    "archive.organizer",
    "archive.participation",
    "archive.takeaway",
    "archive.argument",
    "archive.transcriptturn",
]


class BackupRefused(Exception):
    pass


def export_archive():
    """The archive as a JSON-ready dict; the same archive always gives the same dict."""
    records = {}
    for label in RECORD_MODELS:
        model = apps.get_model(label)
        rows = serializers.serialize("python", model.objects.order_by("pk"))
        derived = DERIVED_FIELDS if model is Session else []
        records[label] = [
            {
                "pk": row["pk"],
                "fields": {
                    name: sorted(value) if is_m2m(model, name) else value
                    for name, value in row["fields"].items()
                    if name not in derived
                },
            }
            for row in rows
        ]
    return {"format": FORMAT, "version": VERSION, "records": records}


def is_m2m(model, name):
    # Many-to-many keys in a stable order, whatever order the database returned.
    return model._meta.get_field(name).many_to_many


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def import_archive(data):
    """Load an export into an empty archive, in one transaction. Returns rows per model."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupRefused(f'not an archive export (expected "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise BackupRefused(f"export version {data.get('version')!r}; this archive reads {VERSION}")
    models = [apps.get_model(label) for label in RECORD_MODELS]
    if any(model.objects.exists() for model in models):
        raise BackupRefused("the archive is not empty: import into a new database")
    counts = {}
    with transaction.atomic():
        for label in RECORD_MODELS:
            rows = data["records"].get(label, [])
            objects = [{"model": label, "pk": row["pk"], "fields": row["fields"]} for row in rows]
            if label == "archive.session":
                # A session's save reads its meeting (sessions.derived copies the year): the
                # meetings are read once, not once per session.
                meetings = Meeting.objects.in_bulk()
            for deserialized in serializers.deserialize("python", objects):
                if label == "archive.session":
                    deserialized.object.meeting = meetings[deserialized.object.meeting_id]
                deserialized.save()
            counts[label] = len(rows)
        # Rows came with their ids: move each id sequence past them (PostgreSQL).
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        session_ids = list(Session.objects.values_list("pk", flat=True))
        refresh_derived(session_ids)
    return counts
