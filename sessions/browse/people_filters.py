"""The FilterSets of the people and organization lists (pages and API).

Each list filters by stakeholder group, regional group and year, and sorts by name or by
number of sessions. The three filters of a list are one condition on one participation (or,
for an organization, one organized session): `stakeholder=government&year=2024` is a person
who took part in 2024 as a government's, not one who was a government's once and took part in
2024 in another group.
"""

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower

from sessions.browse.parameters import SearchFilter
from sessions.models import Organizer, Participation, RegionalGroup, StakeholderGroup
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from speakers.names import fold

SORT_CHOICES = [("name", "Name (A–Z)"), ("sessions", "Most sessions")]
# By name, whatever its case ("DU Guimei" with "Du", after "Daisy"); the id settles a tie.
BY_NAME = [Lower("name"), "name", "pk"]


def name_search(queryset, aliases, owner, q):
    """Rows whose name or one of whose spellings holds every word of `q`.

    Spellings are matched as written and on their folded key, so that "torbjorn" finds
    "Torbjörn".
    """
    for word in fold(q).split():
        spellings = aliases.filter(Q(name__icontains=word) | Q(key__contains=word))
        queryset = queryset.filter(Q(name__icontains=word) | Q(pk__in=spellings.values(owner)))
    return queryset


class YearFilter(django_filters.CharFilter):
    """A year of four digits; other text is left out with the reason, as on the session list."""

    def __init__(self, **kwargs):
        super().__init__(validators=[RegexValidator(r"\A[12]\d{3}\Z", "not a year")], **kwargs)


def stakeholder_filter(help_text):
    return django_filters.ChoiceFilter(
        method="filter_later",
        choices=StakeholderGroup.choices,
        label="Stakeholder group",
        empty_label="Any stakeholder group",
        help_text=help_text,
    )


def region_filter(help_text):
    return django_filters.ChoiceFilter(
        method="filter_later",
        choices=RegionalGroup.choices,
        label="Regional group",
        empty_label="Any regional group",
        help_text=help_text,
    )


def sort_filter():
    return django_filters.ChoiceFilter(
        method="filter_sort",
        choices=SORT_CHOICES,
        label="Sort",
        # No empty choice: the form shows "Name (A–Z)", the order without the parameter.
        empty_label=None,
        help_text="name (whatever its case) or sessions (most first).",
    )


class PeopleListFilter(django_filters.FilterSet):
    """What both lists share: the participation filters applied as one condition, and sorting."""

    # {parameter: lookup on a participation}
    PARTICIPATION_LOOKUPS = {
        "stakeholder": "stakeholder_group",
        "region": "regional_group",
        "year": "session__year",
    }

    def filter_later(self, queryset, name, value):
        """Applied with the list's other participation filters, in `filter_queryset`."""
        return queryset

    def participation_conditions(self):
        data = self.form.cleaned_data
        return {
            lookup: data[name]
            for name, lookup in self.PARTICIPATION_LOOKUPS.items()
            if data.get(name) not in (None, "")
        }

    def filter_sort(self, queryset, name, value):
        if value == "sessions":
            if "session_count" not in queryset.query.annotations:
                queryset = queryset.annotate(session_count=self.session_count())
            return queryset.order_by("-session_count", *BY_NAME)
        return queryset.order_by(*BY_NAME)


class PersonFilter(PeopleListFilter):
    q = SearchFilter(method="filter_q", label="Name", help_text="Name or any spelling of it.")
    stakeholder = stakeholder_filter("Took part in a session in this stakeholder group.")
    region = region_filter("Took part in a session in this regional group.")
    year = YearFilter(
        method="filter_later", label="Year", help_text="Took part in a session of this year."
    )
    sort = sort_filter()

    class Meta:
        model = Person
        fields = []

    def filter_q(self, queryset, name, value):
        return name_search(queryset, PersonAlias.objects.all(), "person", value)

    def filter_queryset(self, queryset):
        """People with one participation that meets every participation filter at once."""
        queryset = super().filter_queryset(queryset)
        conditions = self.participation_conditions()
        if conditions:
            participations = Participation.objects.filter(**conditions)
            queryset = queryset.filter(pk__in=participations.values("person"))
        return queryset

    @staticmethod
    def session_count():
        return Count("participations__session", distinct=True)


class OrganizationFilter(PeopleListFilter):
    q = SearchFilter(method="filter_q", label="Name", help_text="Name or any spelling of it.")
    stakeholder = stakeholder_filter("Its people took part in a session in this stakeholder group.")
    region = region_filter("Its people took part in a session in this regional group.")
    year = YearFilter(
        method="filter_later",
        label="Year",
        help_text="Organized a session of this year, or its people took part in one.",
    )
    sort = sort_filter()

    class Meta:
        model = Organization
        fields = []

    def filter_q(self, queryset, name, value):
        return name_search(queryset, OrganizationAlias.objects.all(), "organization", value)

    def filter_queryset(self, queryset):
        """Organizations one of whose people's participations meets every participation filter
        at once; with the year alone, also those that organized a session of that year."""
        queryset = super().filter_queryset(queryset)
        conditions = self.participation_conditions()
        if not conditions:
            return queryset
        participations = Participation.objects.filter(**conditions).values("organization")
        if set(conditions) == {"session__year"}:
            organized = Organizer.objects.filter(**conditions).values("organization")
            return queryset.filter(Q(pk__in=participations) | Q(pk__in=organized))
        return queryset.filter(pk__in=participations)

    @staticmethod
    def session_count():
        return organization_session_count()


def distinct_sessions(rows, owner):
    """The number of distinct sessions of `rows`, which name OuterRef("pk") as their `owner`."""
    counted = rows.order_by().values(owner).annotate(count=Count("session", distinct=True))
    return Coalesce(Subquery(counted.values("count")), 0)


def organization_session_count():
    """The sessions an organization organized or hosted or its people took part in, each once,
    as a column of organizations.

    Counted as those organized, plus those its people took part in, less those of both: each
    part reads its own table by the organization's index, where one query over sessions joined
    to both (organized OR took part) would read every session for every organization.
    """
    organized = Organizer.objects.filter(organization=OuterRef("pk"))
    took_part = Participation.objects.filter(organization=OuterRef("pk"))
    both = took_part.filter(
        Exists(
            Organizer.objects.filter(
                session=OuterRef("session"), organization=OuterRef("organization")
            )
        )
    )
    return (
        distinct_sessions(organized, "organization")
        + distinct_sessions(took_part, "organization")
        - distinct_sessions(both, "organization")
    )
