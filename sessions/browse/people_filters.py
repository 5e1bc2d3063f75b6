"""The FilterSets of the people and organization lists (pages and API).

Each list filters by stakeholder group, regional group and year, and sorts by name or by
number of sessions. The three filters of a list are one condition on one participation (or,
for an organization, one organized session): `stakeholder=government&year=2024` is a person
who took part in 2024 as a government's, not one who was a government's once and took part in
2024 in another group.
"""

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Q

from sessions.browse.parameters import SearchFilter
from sessions.models import Organizer, Participation, RegionalGroup, StakeholderGroup
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from speakers.names import fold

SORT_CHOICES = [("name", "Name (A–Z)"), ("sessions", "Most sessions")]
# By name, whatever its case and accents ("DU Guimei" with "Du", after "Daisy"; "Élodie" with
# "Elodie"): the stored sort name (speakers.names.sort_key), read in the order of the index
# speakers_person_by_name (speakers_org_by_name); the id settles a tie.
BY_NAME = ["sort_name", "name", "pk"]
# Most sessions first (the stored count, sessions.record_counts), then by name: the index
# speakers_person_by_sessions (speakers_org_by_sessions).
BY_SESSIONS = ["-session_count", *BY_NAME]


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
        return queryset.order_by(*(BY_SESSIONS if value == "sessions" else BY_NAME))


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
