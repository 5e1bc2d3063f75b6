"""The session list's one FilterSet: its filters, sort, facet counts and links.

The whole state of the list lives in the URL (`q`, `sdg`, `year`, `meeting`, `type`,
`organizer`, `speaker`, `stakeholder`, `region`, `has`, `sort`, and `page`, which the view
reads), so that a link reproduces the view. Several values of one parameter are ORed, the
parameters are ANDed. A value that is malformed or names nothing is dropped and reported
("Ignored sdg=99: no such SDG goal or target"), never an error: one bad value in a shared
link must not hide the rest of the view.
"""

import re
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import Case, Count, F, IntegerField, Q, Subquery, Value, When
from django.db.models.functions import Lower
from django.http import QueryDict

from sessions.models import (
    NEWEST_FIRST,
    Meeting,
    Organizer,
    Participation,
    RegionalGroup,
    SdgGoal,
    SdgTarget,
    Session,
    SessionGoal,
    SessionQuerySet,
    StakeholderGroup,
)
from sessions.search import search_sessions
from speakers.models import Organization, Person

# The URL parameters, in the order links write them (`page` is the view's).
PARAMETERS = [
    "q",
    "sdg",
    "year",
    "meeting",
    "type",
    "organizer",
    "speaker",
    "stakeholder",
    "region",
    "has",
    "sort",
]

# Long facets (speakers, organizers, targets, meetings) show this many options, plus the
# chosen ones.
FACET_SIZE = 10

RECORD_CHOICES = [
    ("takeaways", "Has key takeaways"),
    ("transcript", "Has a transcript"),
    ("report", "Has a report"),
]

SORT_CHOICES = [
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("title", "Title (A–Z)"),
    ("relevance", "Best match"),
]

ORDERINGS = {
    "newest": NEWEST_FIRST,
    # The exact reverse (NULLs first too), so that the index that holds NEWEST_FIRST serves it
    # read backwards.
    "oldest": [order.copy().reverse_ordering() for order in NEWEST_FIRST],
    "title": [Lower("title"), F("pk").asc()],
    "relevance": [F("rank").desc(), *NEWEST_FIRST],
}


@dataclass
class Picked:
    """The values of one URL parameter: those kept (raw value -> what it names), and those
    ignored, each with the reason."""

    kept: dict = field(default_factory=dict)
    ignored: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.kept)


class ValuesField(forms.Field):
    """Every value of one URL parameter; never invalid.

    `resolve` maps the raw values it recognises to what they name (one query at most);
    the others are ignored with `reason`.
    """

    widget = forms.MultipleHiddenInput

    def __init__(self, *, resolve, reason, **kwargs):
        super().__init__(**kwargs)
        self.resolve = resolve
        self.reason = reason

    def clean(self, value):
        raw = list(dict.fromkeys(item.strip() for item in value or [] if item.strip()))
        # A NUL character names nothing, and PostgreSQL refuses it in a query.
        resolvable = [item for item in raw if "\x00" not in item]
        known = self.resolve(resolvable) if resolvable else {}
        return Picked(
            kept={item: known[item] for item in raw if item in known},
            ignored=[(item, self.reason) for item in raw if item not in known],
        )


class ValuesFilter(django_filters.Filter):
    field_class = ValuesField


def choices_resolver(choices):
    labels = dict(choices)
    return lambda raw: {item: labels[item] for item in raw if item in labels}


def resolve_years(raw):
    return {item: int(item) for item in raw if re.fullmatch(r"[12]\d{3}", item)}


def resolve_sdg(raw):
    """Goal numbers ("7") to SdgGoal, target codes ("7.a") to SdgTarget."""
    numbers = [item for item in raw if re.fullmatch(r"[1-9]\d?", item)]
    codes = [item for item in raw if re.fullmatch(r"[1-9]\d?\.(\d{1,2}|[a-z])", item)]
    known = {}
    if numbers:
        known.update(
            (str(goal.number), goal) for goal in SdgGoal.objects.filter(number__in=numbers)
        )
    if codes:
        known.update((target.code, target) for target in SdgTarget.objects.filter(code__in=codes))
    return known


def slug_resolver(queryset):
    return lambda raw: {row.slug: row for row in queryset.filter(slug__in=raw)}


def link(query):
    """The query string of a link to the list: "?year=2024", or "" for the whole list."""
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


class SubqueryCount(Subquery):
    """The number of rows of a subquery, as an integer column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


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


@dataclass
class ActiveFilter:
    name: str
    title: str
    label: str
    url: str


class SessionFilterForm(forms.Form):
    # The sort order is part of the view's state in the URL, not a filter.
    sort = ValuesField(
        required=False, resolve=choices_resolver(SORT_CHOICES), reason="no such sort order"
    )


class SessionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search")
    sdg = ValuesFilter(
        method="filter_sdg", label="SDG", resolve=resolve_sdg, reason="no such SDG goal or target"
    )
    year = ValuesFilter(
        method="filter_year", label="Year", resolve=resolve_years, reason="not a year"
    )
    meeting = ValuesFilter(
        method="filter_meeting",
        label="Meeting",
        resolve=slug_resolver(Meeting.objects.all()),
        reason="no such meeting",
    )
    type = ValuesFilter(
        method="filter_type",
        label="Session type",
        resolve=choices_resolver(Session.Type.choices),
        reason="no such session type",
    )
    organizer = ValuesFilter(
        method="filter_organizer",
        label="Organizer",
        resolve=slug_resolver(Organization.objects.all()),
        reason="no such organization",
    )
    speaker = ValuesFilter(
        method="filter_speaker",
        label="Person",
        resolve=slug_resolver(Person.objects.all()),
        reason="no such person",
    )
    stakeholder = ValuesFilter(
        method="filter_stakeholder",
        label="Stakeholder group",
        resolve=choices_resolver(StakeholderGroup.choices),
        reason="no such stakeholder group",
    )
    region = ValuesFilter(
        method="filter_region",
        label="Regional group",
        resolve=choices_resolver(RegionalGroup.choices),
        reason="no such regional group",
    )
    has = ValuesFilter(
        method="filter_has",
        label="Records",
        resolve=choices_resolver(RECORD_CHOICES),
        reason="expected takeaways, transcript or report",
    )

    class Meta:
        model = Session
        fields = []
        form = SessionFilterForm

    # Filtering.

    def filter_q(self, queryset, name, value):
        q = value.strip()
        return search_sessions(queryset, q) if q else queryset

    def filter_sdg(self, queryset, name, value, in_order=False):
        goals = [item.number for item in value.kept.values() if isinstance(item, SdgGoal)]
        targets = [item.code for item in value.kept.values() if isinstance(item, SdgTarget)]
        return queryset.on_sdg(goals, targets, in_order=in_order)

    def filter_year(self, queryset, name, value):
        return queryset.filter(year__in=value.kept.values())

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(meeting__in=value.kept.values())

    def filter_type(self, queryset, name, value):
        return queryset.filter(session_type__in=value.kept)

    def filter_organizer(self, queryset, name, value):
        return queryset.filter(
            pk__in=Organizer.objects.filter(organization__in=value.kept.values()).values("session")
        )

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(
            pk__in=Participation.objects.filter(person__in=value.kept.values()).values("session")
        )

    def filter_stakeholder(self, queryset, name, value):
        return queryset.filter(
            pk__in=Participation.objects.filter(stakeholder_group__in=value.kept).values("session")
        )

    def filter_region(self, queryset, name, value):
        return queryset.filter(
            pk__in=Participation.objects.filter(regional_group__in=value.kept).values("session")
        )

    def filter_has(self, queryset, name, value):
        return queryset.with_records(value.kept)

    def filter_queryset(self, queryset):
        """The list's sessions in its order: what its pages show (`qs`)."""
        queryset = self.filtered(queryset, leaving_out="sdg")
        if self.cleaned["sdg"]:
            # The form of the SDG condition for reading in order (SessionQuerySet.on_sdg).
            queryset = self.filter_sdg(queryset, "sdg", self.cleaned["sdg"], in_order=True)
        return queryset.order_by(*ORDERINGS[self.sort])

    def matching(self):
        """The list's sessions as a set, unordered: what it counts."""
        return self.filtered(self.queryset.all()).order_by()

    def filtered(self, queryset, leaving_out=None):
        """The queryset filtered by every parameter but `leaving_out` (a facet's own)."""
        for name, filter_ in self.filters.items():
            value = self.cleaned[name]
            if name != leaving_out and value:
                queryset = filter_.filter(queryset, value)
        return queryset

    # The state of the view.

    @property
    def cleaned(self):
        """The form's cleaned data; bad values are dropped, and an invalid search (one with
        a NUL character) is left out."""
        if not self.form.is_valid():
            self.form.cleaned_data.setdefault("q", "")
        return self.form.cleaned_data

    @property
    def search(self):
        return self.cleaned["q"].strip()

    @property
    def sort(self):
        """The sort asked for, else relevance when searching and newest otherwise.

        Relevance without a search means the default (a search box emptied with the sort
        still on "Best match"), so it is not reported as ignored.
        """
        default = "relevance" if self.search else "newest"
        chosen = [value for value in self.cleaned["sort"].kept if value in self.sort_choices]
        return chosen[0] if chosen else default

    @property
    def sort_choices(self):
        return {
            value: label for value, label in SORT_CHOICES if value != "relevance" or self.search
        }

    @property
    def kept_filters(self):
        """The (parameter, value) pairs of the chosen filters, for a form that keeps them."""
        return [(name, value) for name in PARAMETERS[1:-1] for value in self.cleaned[name].kept]

    @property
    def ignored(self):
        """One message per value dropped from the URL."""
        return [
            *(f"Ignored q: {error}" for error in self.form.errors.get("q", [])),
            *(
                f"Ignored {name}={raw}: {reason}"
                for name in PARAMETERS
                if isinstance(self.cleaned[name], Picked)
                for raw, reason in self.cleaned[name].ignored
            ),
        ]

    @property
    def query(self):
        """The URL parameters of this view, bad values left out (for links to it)."""
        query = QueryDict(mutable=True)
        if self.search:
            query["q"] = self.search
        for name, value in self.kept_filters:
            query.appendlist(name, value)
        if self.sort in self.cleaned["sort"].kept:
            query["sort"] = self.sort
        return query

    def url_with(self, name, value):
        """A link to this view with `value` of `name` added, or removed when it is chosen."""
        query = self.query
        values = query.getlist(name)
        query.setlist(
            name, [v for v in values if v != value] if value in values else [*values, value]
        )
        return link(query)

    def url_without(self, name):
        query = self.query
        query.pop(name, None)
        return link(query)

    @property
    def active(self):
        """The chosen filters, each with a link that removes it."""
        active = []
        if self.search:
            active.append(ActiveFilter("q", "Search", f"“{self.search}”", self.url_without("q")))
        for name in PARAMETERS[1:-1]:
            for raw, named in self.cleaned[name].kept.items():
                active.append(
                    ActiveFilter(
                        name, self.filters[name].label, str(named), self.url_with(name, raw)
                    )
                )
        return active

    @property
    def summary(self):
        """The chosen filters in a few words, for the page's title."""
        return ", ".join(active.label for active in self.active)

    # Facet counts.

    def facets(self, total):
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
            base = self.filtered(self.queryset.all(), leaving_out=name).order_by().values("pk")
        else:
            base = None
        if not self.cleaned[name]:
            return base, None
        every = self.queryset.order_by().values("pk") if base is None else base
        return base, every.exclude(pk__in=self.matching().values("pk"))

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
                url = self.url_with(name, value)
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
