"""What each facet of the session list counts: the rows that give its values, and the grouped
counts of those rows (sessions/browse/facets.py puts them together into facets).

Short facets have a few values each (SDG goals, years, types, groups); long facets have more
than a list shows (people, organizers, SDG targets, meetings) and a page of their own.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from sessions.browse.parameters import RECORD_CHOICES
from sessions.models import (
    Meeting,
    Organizer,
    Participation,
    SdgTarget,
    Session,
    SessionGoal,
    SessionQuerySet,
)
from speakers.models import Organization, Person


@dataclass(frozen=True)
class LongFacet:
    """A facet with more values than a list shows: its own page is /sessions/<kind>/."""

    kind: str
    name: str  # the list's parameter
    title: str
    plural: str  # what its page lists: "people"
    model: type
    sessions_path: str  # from a row of `model` to its sessions
    key: str  # the field the parameter's values name
    label: str
    # What counts its values: rows with a session (`links()`), the field that names the value
    # (its primary key) and the one that names the session.
    links: object
    link_value: str
    link_session: str = "session"
    goal: str = ""  # a target's goal, for its colour
    # How the list shows its few values (None: most sessions first).
    display_order: object = None
    # The whole archive's count of each value, copied onto its row (sessions/record_counts.py);
    # "": kept with the list's other totals (Facets.totals).
    copied_total: str = ""

    def matching(self, rows, words):
        """`rows` whose label (or key: a target's code) contains `words`."""
        return rows.filter(
            Q(**{f"{self.label}__icontains": words}) | Q(**{f"{self.key}__iexact": words})
        )

    def row(self, item):
        """An option's row (value, label, n_all, n_new, goal) from a counted `item`."""
        goal = getattr(item, self.goal) if self.goal else None
        return (
            getattr(item, self.key),
            getattr(item, self.label),
            item.n_all,
            getattr(item, "n_new", 0),
            goal,
        )


LONG_FACETS = {
    long.kind: long
    for long in [
        LongFacet(
            kind="targets",
            name="sdg",
            title="SDG targets",
            plural="SDG targets",
            model=SdgTarget,
            sessions_path="sessions",
            key="code",
            label="text",
            links=lambda: Session.sdg_targets.through.objects.all(),
            link_value="sdgtarget",
            goal="goal_id",
            display_order=lambda target: (target.goal_id, target.position),
        ),
        LongFacet(
            kind="meetings",
            name="meeting",
            title="Meeting",
            plural="meetings",
            model=Meeting,
            sessions_path="sessions",
            key="slug",
            label="name",
            links=lambda: Session.objects.all(),
            link_value="meeting",
            link_session="pk",
            display_order=lambda meeting: (-meeting.year, meeting.name),
        ),
        LongFacet(
            kind="organizers",
            name="organizer",
            title="Organizer",
            plural="organizers",
            model=Organization,
            sessions_path="organized__session",
            key="slug",
            label="name",
            links=lambda: Organizer.objects.all(),
            link_value="organization",
            copied_total="organized_count",
        ),
        LongFacet(
            kind="people",
            name="speaker",
            title="Person",
            plural="people",
            model=Person,
            sessions_path="participations__session",
            key="slug",
            label="name",
            links=lambda: Participation.objects.all(),
            link_value="person",
            copied_total="session_count",
        ),
    ]
}


# What the short facets count: rows with a session, the field that names the value, the one
# that names the session, and whether a session can have several rows of one value.
SHORT_FACETS = {
    "sdg": (lambda: SessionGoal.objects.all(), "goal", "session", True),
    "year": (lambda: Session.objects.all(), "year", "pk", False),
    "type": (lambda: Session.objects.all(), "session_type", "pk", False),
    "stakeholder": (
        lambda: Participation.objects.exclude(stakeholder_group=""),
        "stakeholder_group",
        "session",
        True,
    ),
    "region": (
        lambda: Participation.objects.exclude(regional_group=""),
        "regional_group",
        "session",
        True,
    ),
}


def value_counts(rows, value, session="session", distinct=True):
    """{value: how many sessions have it} among `rows` (rows that have a session, or
    sessions: `session` names it), in one grouped query."""
    grouped = rows.order_by().values(value).annotate(n=Count(session, distinct=distinct))
    return {row[value]: row["n"] for row in grouped}


def record_counts(sessions, listed=None):
    """{record: (n_all, n_new)}: how many of `sessions` have each record and, with `listed`
    (the list's own sessions, among them), how many of those not in the list; one query."""
    counts = {}
    for name, _label in RECORD_CHOICES:
        condition = SessionQuerySet.has_record(name)
        counts[f"{name}_n_all"] = Count("pk", filter=condition)
        if listed is not None:
            counts[f"{name}_n_listed"] = Count("pk", filter=condition & Q(pk__in=listed))
    counts = sessions.aggregate(**counts)
    return {
        name: (
            counts[f"{name}_n_all"],
            counts[f"{name}_n_all"] - counts[f"{name}_n_listed"] if listed is not None else 0,
        )
        for name, _label in RECORD_CHOICES
    }
