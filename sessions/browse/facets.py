"""The session list's facets: for each filter, its options with the number of sessions each
would give, in one query per facet whatever the data size."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When

from sessions.browse.parameters import RECORD_CHOICES
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
    # A choice that would change nothing (no session has it) is shown without a link.
    changes: bool = True
    goal: int | None = None


@dataclass
class Facet:
    name: str
    title: str
    options: list


class Facets:
    """The facets of one view of the list (a SessionFilter)."""

    def __init__(self, filterset):
        self.filterset = filterset
        self.cleaned = filterset.cleaned
        self.filters = filterset.filters
        self.queryset = filterset.queryset

    def all(self, total):
        """Every facet with its options, in one query per facet whatever the data size.

        An option's count is the number of sessions the list would hold once it is chosen,
        all other parameters kept: when nothing of that facet is chosen yet, the sessions
        that have the option; when something is, the current `total` plus the sessions the
        option adds (values of one parameter are ORed). A chosen option counts the sessions
        of the list that have it.
        """
        return [
            self.sdg_goal_facet(total),
            self.sdg_target_facet(total),
            self.year_facet(total),
            self.meeting_facet(total),
            self.type_facet(total),
            self.related_facet("organizer", Organization, "organized__session", total),
            self.related_facet("speaker", Person, "participations__session", total),
            self.participation_facet("stakeholder", "stakeholder_group", StakeholderGroup, total),
            self.participation_facet("region", "regional_group", RegionalGroup, total),
            self.records_facet(total),
        ]

    def bases(self, name):
        """The sessions a facet counts, every other parameter applied (None: every session),
        and, when the facet has a chosen value, those of them not in the list yet."""
        others = any(self.cleaned[other] for other in self.filters if other != name)
        if others or self.queryset.query.has_filters():
            base = (
                self.filterset.filtered(self.queryset.all(), leaving_out=name)
                .order_by()
                .values("pk")
            )
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

    def options(self, name, rows, total, always=False):
        """Options from rows of (value, label, n_all, n_new, goal)."""
        chosen = self.cleaned[name].kept
        options = []
        for value, label, n_all, n_new, goal in rows:
            selected = value in chosen
            count = n_all if selected or not chosen else total + n_new
            changes = selected or bool(n_new if chosen else n_all)
            if changes or always:
                url = self.filterset.url_with(name, value)
                options.append(Option(value, label, count, selected, url, changes, goal))
        return options

    def largest(self, name, model, sessions_path, key):
        """Rows of `model` (its sessions reached by `sessions_path`) with n_all and n_new: the
        chosen ones first, then the FACET_SIZE that would add most sessions.

        A chosen row none of the facet's sessions has is not in the query's result: it comes
        from the URL's value, with counts of 0. (`sdg` values name goals too: not rows here.)
        """
        chosen = self.cleaned[name].kept
        counted = "n_new" if chosen else "n_all"
        rows = list(
            self.counted(name, model.objects.all(), sessions_path)
            .filter(Q(**{f"{counted}__gt": 0}) | Q(**{f"{key}__in": chosen}))
            .annotate(
                is_chosen=Case(
                    When(**{f"{key}__in": chosen}, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("is_chosen", f"-{counted}", key)[: FACET_SIZE + len(chosen)]
        )
        found = {getattr(row, key) for row in rows}
        for value, row in chosen.items():
            if value not in found and isinstance(row, model):
                row.n_all = row.n_new = 0
                rows.append(row)
        return rows

    def sdg_goal_facet(self, total):
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
        return Facet("sdg", "SDG goals", self.options("sdg", rows, total, always=True))

    def sdg_target_facet(self, total):
        targets = self.largest("sdg", SdgTarget, "sessions", "code")
        rows = [
            (t.code, t.text, t.n_all, getattr(t, "n_new", 0), t.goal_id)
            for t in sorted(targets, key=lambda t: (t.goal_id, t.position))
        ]
        return Facet("sdg", "SDG targets", self.options("sdg", rows, total))

    def year_facet(self, total):
        years = self.counted(
            "year", Session.objects.order_by("-year").values("year"), "pk", distinct=False
        )
        rows = [(str(y["year"]), str(y["year"]), *n_all_and_new(y), None) for y in years]
        return Facet("year", "Year", self.options("year", rows, total))

    def meeting_facet(self, total):
        meetings = self.largest("meeting", Meeting, "sessions", "slug")
        rows = [
            (m.slug, m.name, m.n_all, getattr(m, "n_new", 0), None)
            for m in sorted(meetings, key=lambda m: (-m.year, m.name))
        ]
        return Facet("meeting", "Meeting", self.options("meeting", rows, total))

    def type_facet(self, total):
        sessions = Session.objects.order_by().values("session_type")
        counts = {
            row["session_type"]: row for row in self.counted("type", sessions, "pk", distinct=False)
        }
        return Facet(
            "type", "Session type", self.options("type", choice_rows(Session.Type, counts), total)
        )

    def related_facet(self, name, model, sessions_path, total):
        """Organizers or people: the rows of `model` reaching the most sessions."""
        rows = [
            (r.slug, r.name, r.n_all, getattr(r, "n_new", 0), None)
            for r in self.largest(name, model, sessions_path, "slug")
        ]
        return Facet(name, self.filters[name].label, self.options(name, rows, total))

    def participation_facet(self, name, field_name, choices, total):
        """Stakeholder or regional group, as the sessions' participations give them."""
        participations = Participation.objects.exclude(**{field_name: ""}).order_by()
        counts = {
            row[field_name]: row for row in self.counted(name, participations.values(field_name))
        }
        rows = choice_rows(choices, counts)
        return Facet(name, self.filters[name].label, self.options(name, rows, total))

    def records_facet(self, total):
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
        return Facet("has", "Records", self.options("has", rows, total))


def n_all_and_new(counts):
    """(n_all, n_new) of a grouped row of counts; (0, 0) when there is none."""
    counts = counts or {}
    return counts.get("n_all", 0), counts.get("n_new", 0)


def choice_rows(choices, counts):
    """Facet rows for every choice, from counts by value (a choice no row has counts 0)."""
    return [
        (value, label, *n_all_and_new(counts.get(value)), None) for value, label in choices.choices
    ]
