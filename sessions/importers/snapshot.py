"""What the last import wrote, so that a re-import can tell an editor's change from its own.

A session's `import_snapshot` keeps, for each of SCALAR_FIELDS, the value the import wrote, and
for each collection a digest of what was published and a digest of the rows written
(`written_digest`). The loader compares them on a re-import (sessions/importers/loader.py).
"""

import datetime
import hashlib
import json

from sessions.models import Argument, shape

# The session's own values a document publishes: every column of its shape but those the
# loader places itself (the meeting, the slug, the SDG links, the source document) and the
# timestamps.
PLACED_BY_THE_LOADER = {"meeting", "slug", "sdg_goals", "sdg_targets", "source_document"}
SCALAR_FIELDS = [
    name
    for _heading, names in shape.PARTS
    for name in names
    if name not in PLACED_BY_THE_LOADER and name not in shape.TIMESTAMPS
]

ARGUMENT_LINKS = ("agreed_with", "disagreed_with")


def as_json(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def digest(value):
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def argument_links(session):
    """[relation, argument position, person id] for each agreement link of a session's arguments."""
    links = []
    for relation in ARGUMENT_LINKS:
        rows = getattr(Argument, relation).through.objects.filter(argument__session=session)
        links += [[relation, *row] for row in rows.values_list("argument__position", "person_id")]
    return links


# The columns that make a written collection, for its digest.
WRITTEN_ROWS = {
    "organizers": ("organizers", ["organization_id", "role", "position", "published_name"]),
    "people": (
        "participations",
        [
            "person_id",
            "role",
            "position",
            "published_name",
            "affiliation",
            "organization_id",
            "stakeholder_group",
            "regional_group",
            "role_text",
            "is_tbd",
            "is_remote",
            "words_per_minute",
            "words",
            "speech_seconds",
        ],
    ),
    "policy_questions": ("policy_questions", ["position", "text"]),
    "sdgs": None,
    "takeaways": ("takeaways", ["kind", "position", "text", "speaker", "details"]),
    "arguments": (
        "arguments",
        [
            "person_id",
            "position",
            "claim",
            "explanation",
            "evidence",
            "major_discussion_point",
            "topics",
            "agreed_on",
            "disagreed_on",
        ],
    ),
    "transcript": (
        "transcript_turns",
        ["position", "speaker_label", "person_id", "organization_id", "text"],
    ),
}


def written_digest(session, name, written=None):
    """Digest of a collection's rows: those just `written`, or else those in the database.

    Both give the same digest for the same rows, so that a re-import can tell whether
    an editor has changed what the last import wrote.
    """
    if name == "sdgs":
        goals, targets = written or (
            session.sdg_goals.values_list("number", flat=True),
            session.sdg_targets.values_list("code", flat=True),
        )
        return digest([sorted(goals), sorted(targets)])
    related, fields = WRITTEN_ROWS[name]
    objects, links = written, None
    if name == "arguments":
        objects, links = written or (session.arguments.all(), argument_links(session))
    if objects is None:
        objects = getattr(session, related).all()
    rows = [
        [getattr(row, field) for field in fields]
        for row in sorted(objects, key=lambda row: row.position)
    ]
    if name == "arguments":
        rows.append(sorted(links))
    return digest(rows)
