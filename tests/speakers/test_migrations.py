"""speakers/migrations/0005: every spelling's key recomputed with the rules of titles as they
now are, and a rule given to each spelling recorded before rules were kept; 0007: the sort
names of the records already there; 0008: the keys of spellings that "Hon." opens."""

import importlib

import pytest
from django.apps import apps

from speakers.models import Organization, Person, PersonAlias
from tests.factories import (
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
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


sort_names = importlib.import_module("speakers.migrations.0007_copied_counts_and_sort_names")


def test_sort_names_filled_for_the_records_already_there():
    PersonFactory(name="DU Guimei")
    OrganizationFactory(name="École CAST")
    Person.objects.update(sort_name="")
    Organization.objects.update(sort_name="")

    sort_names.fill(apps, None)

    assert list(Person.objects.values_list("sort_name", flat=True)) == ["du guimei"]
    assert list(Organization.objects.values_list("sort_name", flat=True)) == ["ecole cast"]


honourable = importlib.import_module("speakers.migrations.0008_honourable_is_a_title")


def test_keys_of_spellings_opened_by_hon_recomputed():
    neema = PersonFactory(name="Neema Lugangira")
    lik = PersonFactory(name="Hon Lik")
    for person, name in [(neema, "Hon. Neema Lugangira"), (lik, "Hon Lik")]:
        PersonAliasFactory(person=person, name=name)
    # As the old rules stored it: "Hon." was no title.
    PersonAlias.objects.filter(name="Hon. Neema Lugangira").update(key="hon lugangira neema")

    honourable.recompute(apps, None)

    assert list(PersonAlias.objects.order_by("pk").values_list("name", "key")) == [
        ("Hon. Neema Lugangira", "lugangira neema"),
        ("Hon Lik", "hon lik"),
    ]
