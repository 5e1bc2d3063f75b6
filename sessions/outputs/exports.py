"""Sessions as CSV and JSON rows and as JSON Lines records, streamed: a filtered list leaves
the archive whole, flat (a row a session) or at full depth (a session's whole record a line).

The rows are read with queryset.iterator(chunk_size=...) and written one at a time, so that
an export of 100,000 sessions holds one chunk in memory, not the whole list
(docs/open-data.md has the figures).
"""

import csv
import json
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.functions import Substr
from django.urls import reverse

from sessions.models import Organizer, Participation, Session, shape

# Rows read per query (and a chunk's related lists: export_rows): large enough that the queries
# do not dominate, small enough to stay well under SQLite's 32,766 bound variables.
CHUNK_SIZE = 1000
# Whole records read per query: each holds its long texts and every related row, and the
# prefetch of who agreed or disagreed binds one variable per argument of the chunk (a session
# has tens of arguments at most), so a chunk is smaller than a flat export's.
RECORD_CHUNK_SIZE = 200

# The start of the description a row carries, as the list shows it: enough to tell sessions
# apart in a spreadsheet; the whole text is in the JSON Lines record and the API.
DESCRIPTION_START = 300

# A list's columns: a session's list fields under their public names (`type` as in the API),
# its meeting's year, its theme, the start of its description, its SDGs, organizers and
# people flattened to lists, its record marks, its page and its record in the API.
COLUMNS = [
    "id",
    "meeting",
    "year",
    "type",
    "number",
    "title",
    *shape.WHEN_AND_WHERE,
    "format",
    "duration_minutes",
    "theme",
    "description_start",
    "sdg_goals",
    "sdg_targets",
    "organizers",
    "speakers",
    "has_takeaways",
    "has_transcript",
    "is_machine_generated",
    "url",
    "api_url",
]


def with_description_start(sessions):
    """Sessions with `description_start`, read by the database: one character past
    DESCRIPTION_START, so that a cut text can be told from a whole one."""
    return sessions.annotate(description_start=Substr("description", 1, DESCRIPTION_START + 1))


def shortened(text):
    """A text cut at DESCRIPTION_START characters, at the last space before it, with "…"."""
    if len(text) <= DESCRIPTION_START:
        return text
    cut = text[:DESCRIPTION_START]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip() + "…"


def export_rows(sessions, absolute):
    """The rows of `sessions` (dicts of COLUMNS; lists stay lists), read a chunk at a time.

    A chunk's SDGs, organizers and people are read as plain values, four queries a chunk: a
    model object for each of these rows made a row cost five times as much (2.3 s for 2,000
    sessions), and a download is one reader's request among others'.
    """
    rows = sessions.prefetch_related(None).iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        lists = related_lists([session.pk for session in chunk])
        for session in chunk:
            yield export_row(session, lists[session.pk], absolute)


# The related lists of a row: each column's values for a chunk of sessions, as (session, value)
# in the order the session's page lists them.
RELATED_LISTS = {
    "sdg_goals": Session.sdg_goals.through.objects.order_by("sdggoal__number").values_list(
        "session_id", "sdggoal__number"
    ),
    "sdg_targets": Session.sdg_targets.through.objects.order_by(
        "sdgtarget__goal_id", "sdgtarget__position"
    ).values_list("session_id", "sdgtarget__code"),
    "organizers": Organizer.objects.values_list("session_id", "organization__name"),
    "speakers": Participation.objects.values_list("session_id", "person__name"),
}


def related_lists(session_ids):
    """Session id -> RELATED_LISTS' columns -> that session's values, each value once."""
    lists = {pk: {column: {} for column in RELATED_LISTS} for pk in session_ids}
    for column, rows in RELATED_LISTS.items():
        for pk, value in rows.filter(session_id__in=session_ids):
            lists[pk][column][value] = None
    return {
        pk: {column: list(values) for column, values in row.items()} for pk, row in lists.items()
    }


def export_row(session, lists, absolute):
    """One session as a dict of COLUMNS, its related lists from related_lists. `absolute`
    makes a URL absolute.

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
        "duration_minutes": session.duration_minutes,
        "theme": session.theme,
        "description_start": shortened(session.description_start),
        **lists,
        "has_takeaways": session.has_takeaways,
        "has_transcript": session.has_transcript,
        "is_machine_generated": session.is_machine_generated,
        "url": absolute(session.get_absolute_url()),
        "api_url": absolute(reverse("api:session-detail", kwargs={"id": session.pk})),
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


def stream_rows_csv(columns, objects, row, absolute):
    """CSV of `objects`, read in chunks: a header of `columns`, then `row(object, absolute)`'s
    values of those columns, cells escaped as csv_value does."""
    rows = (row(instance, absolute) for instance in objects.iterator(chunk_size=CHUNK_SIZE))
    return csv_lines(columns, rows)


def csv_lines(columns, rows):
    """A header of `columns`, then each row's (a dict's) values of those columns as csv_value
    writes them."""
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    for values in rows:
        yield writer.writerow([csv_value(values[column]) for column in columns])


def stream_csv(sessions, absolute):
    return csv_lines(COLUMNS, export_rows(sessions, absolute))


# The people and organization lists' columns: what a row of the list shows (names, every
# spelling, how many sessions and which years), the record's page and its record in the API.
PERSON_COLUMNS = [
    "id",
    "name",
    "slug",
    "aliases",
    "session_count",
    "first_year",
    "last_year",
    "url",
    "api_url",
]
ORGANIZATION_COLUMNS = [
    "id",
    "name",
    "slug",
    "is_media_outlet",
    "aliases",
    "organized_count",
    "people_count",
    "url",
    "api_url",
]


def person_row(person, absolute):
    """A person of the people list (annotated with its session count and years)."""
    return {
        "id": person.pk,
        "name": person.name,
        "slug": person.slug,
        "aliases": [alias.name for alias in person.aliases.all()],
        "session_count": person.session_count,
        "first_year": person.first_year,
        "last_year": person.last_year,
        "url": absolute(person.get_absolute_url()),
        "api_url": absolute(reverse("api:person-detail", kwargs={"id": person.pk})),
    }


def organization_row(organization, absolute):
    """An organization of the organization list (annotated with its counts)."""
    return {
        "id": organization.pk,
        "name": organization.name,
        "slug": organization.slug,
        "is_media_outlet": organization.is_media_outlet,
        "aliases": [alias.name for alias in organization.aliases.all()],
        "organized_count": organization.organized_count,
        "people_count": organization.people_count,
        "url": absolute(organization.get_absolute_url()),
        "api_url": absolute(reverse("api:organization-detail", kwargs={"id": organization.pk})),
    }


def stream_json(sessions, absolute):
    """A JSON array of objects with the CSV's columns, written one object at a time."""
    yield "["
    separator = "\n"
    for row in export_rows(sessions, absolute):
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


# Characters that JSON leaves as they are in a string but that some readers take for the end of
# a line (Python's str.splitlines, JavaScript before ES2019): escaped, a record stays one line.
LINE_BREAKS_JSON_KEEPS = str.maketrans(
    {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_line(value):
    """A value as one line of JSON, ended by "\n", whatever line breaks its texts hold."""
    return json.dumps(value, ensure_ascii=False).translate(LINE_BREAKS_JSON_KEEPS) + "\n"


def stream_jsonl(sessions, represent):
    """JSON Lines: one line per session of `sessions`, the dict `represent(session)` gives
    (the API's detail: sessions/api/views.py, records_jsonl)."""
    for session in sessions.iterator(chunk_size=RECORD_CHUNK_SIZE):
        yield json_line(represent(session))
