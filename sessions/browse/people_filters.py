"""The FilterSets of the people and organization lists (pages and API)."""

import django_filters
from django.db.models import Q

from sessions.browse.parameters import SearchFilter
from sessions.models import Participation, RegionalGroup, StakeholderGroup
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from speakers.names import fold


def name_search(queryset, aliases, owner, q):
    """Rows whose name or one of whose spellings holds every word of `q`.

    Spellings are matched as written and on their folded key, so that "torbjorn" finds
    "Torbjörn".
    """
    for word in fold(q).split():
        spellings = aliases.filter(Q(name__icontains=word) | Q(key__contains=word))
        queryset = queryset.filter(Q(name__icontains=word) | Q(pk__in=spellings.values(owner)))
    return queryset


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(method="filter_q", label="Name", help_text="Name or any spelling of it.")
    stakeholder = django_filters.ChoiceFilter(
        method="filter_participations",
        field_name="stakeholder_group",
        choices=StakeholderGroup.choices,
        label="Stakeholder group",
        empty_label="Any stakeholder group",
        help_text="Took part in a session in this stakeholder group.",
    )
    region = django_filters.ChoiceFilter(
        method="filter_participations",
        field_name="regional_group",
        choices=RegionalGroup.choices,
        label="Regional group",
        empty_label="Any regional group",
        help_text="Took part in a session in this regional group.",
    )

    class Meta:
        model = Person
        fields = []

    def filter_q(self, queryset, name, value):
        return name_search(queryset, PersonAlias.objects.all(), "person", value)

    def filter_participations(self, queryset, name, value):
        """People who took part in a session in that group, as the source published it."""
        participations = Participation.objects.filter(**{name: value})
        return queryset.filter(pk__in=participations.values("person"))


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter(method="filter_q", label="Name", help_text="Name or any spelling of it.")
    stakeholder = django_filters.ChoiceFilter(
        method="filter_stakeholder",
        choices=StakeholderGroup.choices,
        label="Stakeholder group",
        empty_label="Any stakeholder group",
        help_text="Its people took part in a session in this stakeholder group.",
    )

    class Meta:
        model = Organization
        fields = []

    def filter_q(self, queryset, name, value):
        return name_search(queryset, OrganizationAlias.objects.all(), "organization", value)

    def filter_stakeholder(self, queryset, name, value):
        """Organizations whose people took part in that stakeholder group."""
        participations = Participation.objects.filter(stakeholder_group=value)
        return queryset.filter(pk__in=participations.values("organization"))
