"""The session list's facets: for each filter, its values with a count, in one query per facet
whatever the data size.

What a number means, everywhere: how many sessions have that value among the sessions that the
choices in the *other* groups leave (a facet ignores its own group's choices). With nothing
chosen, that is how many sessions of the list have the value. "2025: 2" with year 2023 chosen
reads: two sessions of 2025 match everything else asked for; the list of 2023 sessions is not
counted into it. The page says so above the facets, in words a reader sees.

How values of a group that already has a choice show (the decision): values of one group widen
the list (they are ORed), so the other values of a chosen group stay links, with their own
count as above and not the size the list would reach. The chosen ones come first, ticked, and
a link on them removes them. A value that would change nothing is shown without a link and with
its reason in visible text: "none in this list" (no session of the other groups' list has it:
choosing it alone would empty the list), or "all already listed" (in a chosen group, its
sessions are in the list already).

Long facets (people, organizers, targets, meetings) show FACET_SIZE values plus the chosen
ones; every value is reachable on the facet's own page (sessions/browse/facet_values.py), which
keeps the list's filters and pages through the values.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.urls import reverse

from sessions.browse.parameters import RECORD_CHOICES, link
from sessions.models import (
    Meeting,
    Participation,
    RegionalGroup,
    SdgGoal,
    SdgTarget,
    Session,
    SessionGoal,
    SessionQuerySet,
    StakeholderGroup,
)
from speakers.models import Organization, Person

# Long facets (speakers, organizers, targets, meetings) show this many options, plus the
# chosen ones.
FACET_SIZE = 10


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    # A choice that would change nothing is shown without a link, with its reason.
    changes: bool = True
    goal: int | None = None
    reason: str = ""


NONE_IN_LIST = "none in this list"
ALL_LISTED = "all already listed"


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
    goal: str = ""  # a target's goal, for its colour
    # How the list shows its few values (None: most sessions first).
    display_order: object = None

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
        ),
    ]
}


@dataclass
class Facet:
    name: str
    title: str
    options: list
    # The facet's own page, with every value, when it shows only the FACET_SIZE first.
    every_url: str = ""
    plural: str = ""


class Facets:
    """The facets of one view of the list (a SessionFilter)."""

    def __init__(self, filterset):
        self.filterset = filterset
        self.cleaned = filterset.cleaned
        self.filters = filterset.filters
        self.queryset = filterset.queryset

    def all(self):
        """Every facet with its options, in one query per facet whatever the data size.

        An option's count is the number of sessions that have it among those every other
        parameter leaves (the module's docstring says why).
        """
        return [
            self.sdg_goal_facet(),
            self.long_facet(LONG_FACETS["targets"]),
            self.year_facet(),
            self.long_facet(LONG_FACETS["meetings"]),
            self.type_facet(),
            self.long_facet(LONG_FACETS["organizers"]),
            self.long_facet(LONG_FACETS["people"]),
            self.participation_facet("stakeholder", "stakeholder_group", StakeholderGroup),
            self.participation_facet("region", "regional_group", RegionalGroup),
            self.records_facet(),
        ]

    def bases(self, name):
        """The sessions a facet counts, every other parameter applied (None: every session),
        and, when the facet has a chosen value, those of them not in the list yet."""
        others = any(self.cleaned[other] for other in self.filters if other != name)
        if others or self.queryset.query.has_filters():
            base = self.filterset.filtered(self.queryset.all(), name, as_set=True)
            base = base.order_by().values("pk")
        else:
            base = None
        if not self.cleaned[name]:
            return base, None
        every = self.queryset.order_by().values("pk") if base is None else base
        return base, every.exclude(pk__in=self.filterset.matching().values("pk"))

    def restricted(self, name, rows, session="session"):
        """`rows` (sessions, or rows that have a session: `session` names it) of the facet's
        sessions only, and the facet's sessions not in the list yet (None: nothing chosen)."""
        base, new = self.bases(name)
        if base is not None:
            rows = rows.filter(**{f"{session}__in": base})
        return rows, new

    def counted(self, name, rows, session="session", distinct=True):
        """`rows` (sessions, or rows that have a session: `session` names it) restricted to the
        facet's sessions and annotated with n_all, how many of those sessions they have, and,
        when the facet has a chosen value, n_new, how many of them are not in the list yet.

        The restriction is a WHERE, not a condition of the counts: a filtered list reads the
        rows of its own sessions, not those of the whole archive.
        """
        rows, new = self.restricted(name, rows, session)
        annotations = {"n_all": Count(session, distinct=distinct)}
        if new is not None:
            in_new = Q(**{f"{session}__in": new})
            annotations["n_new"] = Count(session, filter=in_new, distinct=distinct)
        return rows.annotate(**annotations)

    def options(self, name, rows, always=False):
        """Options from rows of (value, label, n_all, n_new, goal): those some session of the
        facet has, the chosen ones, and with `always` every row."""
        chosen = self.cleaned[name].kept
        options = []
        for value, label, n_all, n_new, goal in rows:
            selected = value in chosen
            changes = selected or bool(n_new if chosen else n_all)
            if n_all or selected or always:
                url = self.filterset.url_with(name, value)
                reason = "" if changes else ALL_LISTED if n_all else NONE_IN_LIST
                options.append(Option(value, label, n_all, selected, url, changes, goal, reason))
        return options

    def ranked(self, long):
        """Rows of a long facet's model that some session of the facet has, or chosen, with
        n_all and n_new: the chosen ones first, then by n_all. The list reads its first few
        (largest); the facet's own page pages through all of them (`long.row` makes each an
        option's row)."""
        chosen = self.cleaned[long.name].kept
        return (
            self.counted(long.name, long.model.objects.all(), long.sessions_path)
            .filter(Q(n_all__gt=0) | Q(**{f"{long.key}__in": chosen}))
            .annotate(
                unchosen=Case(
                    When(**{f"{long.key}__in": chosen}, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("unchosen", "-n_all", long.key)
        )

    def largest(self, long):
        """The chosen rows of a long facet and the FACET_SIZE others the most sessions have
        (see `ranked`), and whether there are more.

        A chosen row none of the facet's sessions has is not in the query's result: it comes
        from the URL's value, with counts of 0. (`sdg` values name goals too: not rows here.)
        """
        chosen = self.cleaned[long.name].kept
        # One row more than shown tells whether there are more, without a count.
        rows = list(self.ranked(long)[: FACET_SIZE + len(chosen) + 1])
        others = [row for row in rows if row.unchosen]
        more = len(others) > FACET_SIZE
        rows = [row for row in rows if not row.unchosen] + others[:FACET_SIZE]
        found = {getattr(row, long.key) for row in rows}
        for value, row in chosen.items():
            if value not in found and isinstance(row, long.model):
                row.n_all = row.n_new = 0
                rows.append(row)
        return rows, more

    def sdg_goal_facet(self):
        # A goal counts the sessions linked to it or to one of its targets: its SessionGoal
        # rows, in one grouped query.
        counts = {
            row["goal"]: row
            for row in self.counted("sdg", SessionGoal.objects.order_by().values("goal"))
        }
        rows = [
            (str(goal.number), goal.short, *n_all_and_new(counts.get(goal.number)), goal.number)
            for goal in SdgGoal.objects.order_by("number")
        ]
        return Facet("sdg", "SDG goals", self.options("sdg", rows, always=True))

    def year_facet(self):
        years = self.counted(
            "year", Session.objects.order_by("-year").values("year"), "pk", distinct=False
        )
        rows = [(str(y["year"]), str(y["year"]), *n_all_and_new(y), None) for y in years]
        return Facet("year", "Year", self.options("year", rows))

    def type_facet(self):
        sessions = Session.objects.order_by().values("session_type")
        counts = {
            row["session_type"]: row for row in self.counted("type", sessions, "pk", distinct=False)
        }
        return Facet(
            "type", "Session type", self.options("type", choice_rows(Session.Type, counts))
        )

    def long_facet(self, long):
        """A long facet: its chosen values and the FACET_SIZE most sessions have, and a link
        to its own page when it has more."""
        rows, more = self.largest(long)
        if long.display_order:
            rows = sorted(rows, key=long.display_order)
        every_url = (
            reverse(f"sessions:facet_{long.kind}") + link(self.filterset.query) if more else ""
        )
        options = self.options(long.name, [long.row(row) for row in rows])
        return Facet(long.name, long.title, options, every_url, long.plural)

    def participation_facet(self, name, field_name, choices):
        """Stakeholder or regional group, as the sessions' participations give them."""
        participations = Participation.objects.exclude(**{field_name: ""}).order_by()
        counts = {
            row[field_name]: row for row in self.counted(name, participations.values(field_name))
        }
        rows = choice_rows(choices, counts)
        return Facet(name, self.filters[name].label, self.options(name, rows))

    def records_facet(self):
        sessions, new = self.restricted("has", Session.objects.all(), "pk")
        counts = {}
        for name, _label in RECORD_CHOICES:
            condition = SessionQuerySet.has_record(name)
            counts[f"{name}_n_all"] = Count("pk", filter=condition)
            if new is not None:
                counts[f"{name}_n_new"] = Count("pk", filter=condition & Q(pk__in=new))
        counts = sessions.aggregate(**counts)
        rows = [
            (name, label, counts[f"{name}_n_all"], counts.get(f"{name}_n_new", 0), None)
            for name, label in RECORD_CHOICES
        ]
        return Facet("has", "Records", self.options("has", rows))


def n_all_and_new(counts):
    """(n_all, n_new) of a grouped row of counts; (0, 0) when there is none."""
    counts = counts or {}
    return counts.get("n_all", 0), counts.get("n_new", 0)


def choice_rows(choices, counts):
    """Facet rows for every choice, from counts by value (a choice no row has counts 0)."""
    return [
        (value, label, *n_all_and_new(counts.get(value)), None) for value, label in choices.choices
    ]
