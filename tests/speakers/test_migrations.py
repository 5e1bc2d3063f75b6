"""speakers/migrations/0005: every spelling's key recomputed with the rules of titles as they
now are, and a rule given to each spelling recorded before rules were kept; 0007: the sort
names and counts of the records already there."""

import importlib

import pytest
from django.apps import apps

from speakers.models import Organization, Person, PersonAlias
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

keys_and_rules = importlib.import_module("speakers.migrations.0005_person_alias_keys_and_rules")


def test_keys_recomputed_and_rules_given():
    ada = PersonFactory(name="Ada Lovelace")
    he = PersonFactory(name="HE Jun")
    for person, name in [
        (ada, "Ada Lovelace"),
        (ada, "H.E. Ada Lovelace"),
        (ada, "Lovelace"),
        (he, "HE Jun"),
    ]:
        PersonAliasFactory(person=person, name=name)
    # As the old rules stored them: "H.E." was not a title, "HE" always one.
    stale = {"H.E. Ada Lovelace": "ada e h lovelace", "HE Jun": "jun"}
    for name, key in stale.items():
        PersonAlias.objects.filter(name=name).update(key=key)
    PersonAlias.objects.update(rule="", rule_detail="")

    keys_and_rules.recompute(apps, None)

    assert list(
        PersonAlias.objects.order_by("pk").values_list("name", "key", "rule", "rule_detail")
    ) == [
        ("Ada Lovelace", "ada lovelace", "first", ""),
        ("H.E. Ada Lovelace", "ada lovelace", "same_name", "“Ada Lovelace”"),
        ("Lovelace", "lovelace", "editor", "recorded before rules were kept"),
        ("HE Jun", "he jun", "first", ""),
    ]


copied_counts = importlib.import_module("speakers.migrations.0007_copied_counts_and_sort_names")


def test_sort_names_and_counts_filled_for_the_records_already_there():
    session = SessionFactory(meeting=MeetingFactory(year=2024))
    du = PersonFactory(name="DU Guimei")
    cast = OrganizationFactory(name="École CAST")
    ParticipationFactory(session=session, person=du, organization=cast)
    OrganizerFactory(session=session, organization=cast)
    # As before the migration: no sort names, no counts.
    Person.objects.update(sort_name="", session_count=0, first_year=None, last_year=None)
    Organization.objects.update(sort_name="", session_count=0, organized_count=0, people_count=0)

    copied_counts.fill(apps, None)

    assert list(
        Person.objects.values_list("sort_name", "session_count", "first_year", "last_year")
    ) == [("du guimei", 1, 2024, 2024)]
    assert list(
        Organization.objects.values_list(
            "sort_name", "session_count", "organized_count", "people_count"
        )
    ) == [("ecole cast", 1, 1, 1)]
