"""Sessions and participations as the lines of a person's or an organization's page.

Those pages only show their rows, so they read them as values, not models, and the labels and
links each line shows are made here: building some 200 model instances a page and looking up
their labels (`get_role_display()`) and links in the template was a fifth of a page's time
(docs/performance.md).
"""

from itertools import groupby

from igfarchive.links import link
from sessions.models import Participation, RegionalGroup, Session, StakeholderGroup
from sessions.models.session import TYPE_LABELS

# The labels of a participation's values, as get_role_display() and its like give them (they
# build this dict on every call).
ROLE_LABELS = dict(Participation.Role.choices)
STAKEHOLDER_LABELS = dict(StakeholderGroup.choices)
REGIONAL_LABELS = dict(RegionalGroup.choices)

# What a line shows of a session, as columns of the session.
SESSION_COLUMNS = [
    "year",
    "title",
    "slug",
    "session_type",
    "number",
    "date",
    "meeting__slug",
    "meeting__name",
]


def session_line(row, prefix=""):
    """{year, url, title, meeting, label, date} of the session whose SESSION_COLUMNS `row`
    holds, each under `prefix` + its name ("session__title" in a participation's row)."""
    session_type = row[prefix + "session_type"]
    return {
        "year": row[prefix + "year"],
        "url": Session.path_of(row[prefix + "meeting__slug"], row[prefix + "slug"]),
        "title": row[prefix + "title"],
        "meeting": row[prefix + "meeting__name"],
        "label": Session.label_of(session_type, row[prefix + "number"])
        or TYPE_LABELS.get(session_type, session_type),
        "date": row[prefix + "date"],
    }


def with_session(row):
    """A row of values that names a session (its SESSION_COLUMNS under "session__"), with the
    session's line under "session"."""
    row["session"] = session_line(row, "session__")
    return row


def turn_line(row):
    """`with_session` of a transcript turn's row, with the path of its session's transcript
    under "transcript_url" (its page and the turn's anchor are the template's)."""
    row = with_session(row)
    row["transcript_url"] = link(
        "sessions:transcript", row["session__meeting__slug"], row["session__slug"]
    )
    return row


def participation_line(row):
    """A participation's row of values with its session's line ("session", its id under
    "session_id") and the labels and links its page shows."""
    row["session_id"] = row["session"]
    row["session"] = session_line(row, "session__")
    row["role_label"] = ROLE_LABELS.get(row["role"], row["role"])
    if "stakeholder_group" in row:
        row["stakeholder_label"] = STAKEHOLDER_LABELS.get(
            row["stakeholder_group"], row["stakeholder_group"]
        )
        row["regional_label"] = REGIONAL_LABELS.get(row["regional_group"], row["regional_group"])
    row["organization_name"] = row["organization__name"]
    row["organization_url"] = None
    if row["organization"] is not None:
        row["organization_url"] = link("sessions:organization", row["organization__slug"])
    return row


def affiliation_line(row):
    """`participation_line` of a row that holds its person's name and slug too, with the
    person under "person" as {name, url}."""
    row = participation_line(row)
    row["person"] = {
        "name": row["person__name"],
        "url": link("sessions:person", row["person__slug"]),
    }
    return row


def grouped(rows, *keys):
    """`rows` grouped by consecutive equal values of the first key, then within each group by
    the next: [(value, [(value, [row])])] for two keys, as `{% regroup %}` nests."""
    if not keys:
        return rows
    first, *rest = keys
    return [(value, grouped(list(group), *rest)) for value, group in groupby(rows, first)]
