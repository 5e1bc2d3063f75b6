"""The session list's one FilterSet: its filters, sort, facet counts and links.

The whole state of the list lives in the URL (`q`, `sdg`, `year`, `meeting`, `type`,
`organizer`, `speaker`, `stakeholder`, `region`, `has`, `sort`, and `page`, which the view
reads), so that a link reproduces the view. Several values of one parameter are ORed, the
parameters are ANDed. A value that is malformed or names nothing is dropped and reported
("Ignored sdg=99: no such SDG goal or target"), never an error: one bad value in a shared
link must not hide the rest of the view.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import F
from django.db.models.functions import Lower
from django.http import QueryDict
from django.utils.functional import cached_property

from sessions.browse.facets import Facets
from sessions.browse.parameters import (
    RECORD_CHOICES,
    SORT_CHOICES,
    Picked,
    SearchFilter,
    ValuesField,
    ValuesFilter,
    link,
    resolve_sdg,
    resolve_years,
    slug_resolver,
)
from sessions.models import (
    NEWEST_FIRST,
    Meeting,
    Organizer,
    Participation,
    RegionalGroup,
    SdgGoal,
    SdgTarget,
    Session,
    StakeholderGroup,
)
from sessions.models.expressions import AnyOf
from sessions.search import (
    best_match,
    search_ids,
    search_sessions,
    snippets,
    with_title_answer,
)
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

ORDERINGS = {
    "newest": NEWEST_FIRST,
    # The exact reverse (NULLs first too), so that the index that holds NEWEST_FIRST serves it
    # read backwards.
    "oldest": [order.copy().reverse_ordering() for order in NEWEST_FIRST],
    "title": [Lower("title"), F("pk").asc()],
    # The title answers, then the other matches, newest first in each (sessions.search).
    "relevance": [F("title_answers").desc(), *NEWEST_FIRST],
}


@dataclass
class ActiveFilter:
    name: str
    title: str
    label: str
    url: str


class SessionFilterForm(forms.Form):
    # The sort order is part of the view's state in the URL, not a filter.
    sort = ValuesField(
        required=False,
        choices=SORT_CHOICES,
        many=False,
        reason="no such sort order",
        help_text="Order: newest (default), oldest, title, relevance (default when searching).",
    )


class SessionFilter(django_filters.FilterSet):
    q = SearchFilter(
        method="filter_q",
        label="Search",
        help_text='Search: every word, "a phrase", a or b, -word; title answers first.',
    )
    sdg = ValuesFilter(
        method="filter_sdg",
        label="SDG",
        resolve=resolve_sdg,
        reason="no such SDG goal or target",
        help_text="SDG goal (7, also sessions on its targets) or target (7.a); repeat to widen.",
    )
    year = ValuesFilter(
        method="filter_year",
        label="Year",
        resolve=resolve_years,
        reason="not a year",
        help_text="Year of the meeting, e.g. 2024; repeat to widen.",
    )
    meeting = ValuesFilter(
        method="filter_meeting",
        label="Meeting",
        resolve=slug_resolver(Meeting.objects.all()),
        reason="no such meeting",
        help_text="Meeting slug, e.g. igf-2024; repeat to widen.",
    )
    type = ValuesFilter(
        method="filter_type",
        label="Session type",
        choices=Session.Type.choices,
        reason="no such session type",
        help_text="Session type.",
    )
    organizer = ValuesFilter(
        method="filter_organizer",
        label="Organizer",
        resolve=slug_resolver(Organization.objects.all()),
        reason="no such organization",
        help_text="Organization slug (organizer or host).",
    )
    speaker = ValuesFilter(
        method="filter_speaker",
        label="Person",
        resolve=slug_resolver(Person.objects.all()),
        reason="no such person",
        help_text="Person slug (in any role).",
    )
    stakeholder = ValuesFilter(
        method="filter_stakeholder",
        label="Stakeholder group",
        choices=StakeholderGroup.choices,
        reason="no such stakeholder group",
        help_text="Stakeholder group.",
    )
    region = ValuesFilter(
        method="filter_region",
        label="Regional group",
        choices=RegionalGroup.choices,
        reason="no such regional group",
        help_text="Regional group.",
    )
    has = ValuesFilter(
        method="filter_has",
        label="Records",
        choices=RECORD_CHOICES,
        reason="expected takeaways, transcript or report",
        help_text="Sessions that have these records.",
    )

    class Meta:
        model = Session
        fields = []
        form = SessionFilterForm

    # Filtering.

    def filter_q(self, queryset, name, value):
        q = value.strip()
        return search_sessions(queryset, q) if q else queryset

    def add_snippets(self, sessions):
        """Give each session of a page its `snippet`: where the words of the search occur
        (sessions.search.snippets; one query for the page, none without a search)."""
        found = snippets([session.pk for session in sessions], self.search) if self.search else {}
        for session in sessions:
            session.snippet = found.get(session.pk)

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
        """The list's sessions in its order, in one query (`qs`: what a download reads)."""
        queryset = self.in_order(queryset)
        if self.sort == "relevance":
            queryset = with_title_answer(queryset, self.search)
        return queryset.order_by(*ORDERINGS[self.sort])

    def pages(self, count=None, prepare=lambda queryset: queryset):
        """What the list's pages read, each part made what a page shows by `prepare`: `qs`,
        or for Best match its two parts, each read only as far as a page asks
        (sessions.search.BestMatch). `count`: the list's size, when known."""
        if self.sort != "relevance":
            return prepare(self.qs)
        return best_match(prepare(self.in_order(self.queryset.all())), self.search, count)

    def in_order(self, queryset):
        """The queryset filtered for reading in the list's order."""
        queryset = self.filtered(queryset, "sdg")
        if self.cleaned["sdg"]:
            # The form of the SDG condition for reading in order (SessionQuerySet.on_sdg).
            queryset = self.filter_sdg(queryset, "sdg", self.cleaned["sdg"], in_order=True)
        return queryset

    def matching(self):
        """The list's sessions as a set, unordered: what it counts."""
        return self.filtered(self.queryset.all(), as_set=True).order_by()

    def filtered(self, queryset, *leaving_out, as_set=False):
        """The queryset filtered by every parameter but those `leaving_out` (a facet's own).

        `as_set`: the sessions to count, not to read in order; a search is then its matches'
        ids (search_ids).
        """
        for name, filter_ in self.filters.items():
            value = self.cleaned[name]
            if name in leaving_out or not value:
                continue
            if name == "q" and as_set and self.search:
                queryset = queryset.filter(AnyOf(F("pk"), self.search_ids))
            else:
                queryset = filter_.filter(queryset, value)
        return queryset

    @cached_property
    def search_ids(self):
        """The ids of the search's matches (sessions.search.search_ids), read once for the
        list's count and every facet."""
        return search_ids(self.search)

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

    def facets(self, keep=None):
        """Every facet with its options (sessions.browse.facets; `keep` keeps what they share
        per archive version)."""
        return Facets(self, keep).all()
