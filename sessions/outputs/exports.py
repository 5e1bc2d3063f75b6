"""Sessions as CSV and JSON rows, streamed: a filtered list leaves the archive whole.

The rows are read with queryset.iterator(chunk_size=CHUNK_SIZE) and written one at a time,
so that an export of 100,000 sessions holds one chunk in memory, not the whole list
(docs/open-data.md has the figures).
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder

from sessions.models import shape

# Sessions read (and their related rows prefetched) per query: large enough that the queries
# do not dominate, small enough to stay well under SQLite's 32,766 bound variables.
CHUNK_SIZE = 1000

# A list's columns: a session's list fields under their public names (`type` as in the API),
# its meeting's year, and its SDGs, organizers and people flattened to lists.
COLUMNS = [
    "id",
    "meeting",
    "year",
    "type",
    "number",
    "title",
    *shape.WHEN_AND_WHERE,
    "format",
    "sdg_goals",
    "sdg_targets",
    "organizers",
    "speakers",
    "url",
]


def export_row(session, absolute):
    """One session as a dict of COLUMNS; lists stay lists. `absolute` makes a URL absolute.

    `speakers` are the people listed in the session in any role, each once, in the
    source's order; `organizers` the organizing and hosting organizations.
    """
    return {
        "id": session.pk,
        "meeting": session.meeting.slug,
        "year": session.meeting.year,
        "type": session.session_type,
        "number": session.number,
        "title": session.title,
        **{name: getattr(session, name) for name in shape.WHEN_AND_WHERE},
        "format": session.format,
        "sdg_goals": [goal.number for goal in session.sdg_goals.all()],
        "sdg_targets": [target.code for target in session.sdg_targets.all()],
        "organizers": list(
            dict.fromkeys(organizer.organization.name for organizer in session.organizers.all())
        ),
        "speakers": list(
            dict.fromkeys(
                participation.person.name for participation in session.participations.all()
            )
        ),
        "url": absolute(session.get_absolute_url()),
    }


# A cell starting with one of these is a formula to a spreadsheet (`=HYPERLINK(...)`,
# `+cmd|...`, `@SUM(...)`); an apostrophe before it makes the cell text, shown as written.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value):
    """A cell: lists joined with ";" ("7;13"), None as empty, the rest as text, never a
    formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file-like object whose write returns what it was given, for csv.writer."""

    def write(self, value):
        return value


def stream_csv(sessions, absolute):
    writer = csv.writer(Echo())
    yield writer.writerow(COLUMNS)
    for session in sessions.iterator(chunk_size=CHUNK_SIZE):
        row = export_row(session, absolute)
        yield writer.writerow([csv_value(row[column]) for column in COLUMNS])


def stream_json(sessions, absolute):
    """A JSON array of objects with the CSV's columns, written one object at a time."""
    yield "["
    separator = "\n"
    for session in sessions.iterator(chunk_size=CHUNK_SIZE):
        row = export_row(session, absolute)
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
