"""The rules that find the one record behind a published name (speakers/identity.py): for
each rule, a pair it joins and a pair it keeps apart."""

import pytest

from speakers.identity import (
    APART,
    SAME,
    UNSURE,
    Listing,
    compare,
    find_organization,
    initials,
    near_keys,
    resolve_organization,
    resolve_people,
    resolve_person,
    unique_slug,
)
from speakers.models import DuplicateSuggestion, Organization, Person

CAST = "China Association for Science and Technology (CAST)"


def spellings(record):
    return sorted(record.aliases.values_list("name", flat=True))


@pytest.mark.django_db
def test_person_found_by_key_whatever_the_order_case_and_title():
    gong, created = resolve_person("GONG Ke")
    assert created is True
    assert (gong.name, gong.slug) == ("GONG Ke", "gong-ke")
    same, created = resolve_person("Prof. Ke Gong")
    assert (same.pk, created) == (gong.pk, False)
    assert spellings(gong) == ["GONG Ke", "Prof. Ke Gong"]
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_person_with_another_name_is_another_record():
    xiao, _ = resolve_person("XIAO YANG")
    xiaobo, created = resolve_person("Xiaobo YANG")
    assert created is True
    assert xiaobo.pk != xiao.pk
    assert DuplicateSuggestion.objects.count() == 0


@pytest.mark.django_db
def test_person_created_without_the_title_in_the_name():
    person, _ = resolve_person("Dr. Ada Lovelace")
    assert (person.name, person.slug) == ("Ada Lovelace", "ada-lovelace")
    assert spellings(person) == ["Dr. Ada Lovelace"]


@pytest.mark.django_db
def test_names_one_letter_apart_are_two_people_and_a_suggestion():
    du, _ = resolve_person("DU Guimei")
    dou, created = resolve_person("Dou Guimei")
    assert created is True
    assert dou.pk != du.pk
    assert list(DuplicateSuggestion.objects.values_list("person", "other", "reason")) == [
        (du.pk, dou.pk, "“DU Guimei” and “Dou Guimei” differ by one letter")
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("DU Guimei", "Doe Guimei"),  # two letters
        ("DU Guimei", "Dou Guimai"),  # one letter in each of two words
        ("DU Guimei", "DU Guimei Li"),  # another word
    ],
)
@pytest.mark.django_db
def test_names_further_apart_are_two_people_and_no_suggestion(first, second):
    one, _ = resolve_person(first)
    other, _ = resolve_person(second)
    assert one.pk != other.pk
    assert DuplicateSuggestion.objects.count() == 0


@pytest.mark.parametrize(
    ("key", "other", "near"),
    [
        ("du guimei", "dou guimei", True),
        ("gong ke", "gong kd", True),
        ("du guimei", "du guimei", False),
        ("du guimei", "doe guimei", False),
        ("ab cd", "ax cx", False),
        ("du guimei", "du guimei li", False),
    ],
)
def test_near_keys(key, other, near):
    assert near_keys(key, other) is near


@pytest.mark.django_db
def test_resolve_people_joins_spellings_and_creates_each_new_person_once():
    gong, _ = resolve_person("GONG Ke")
    found, created = resolve_people(["Ke Gong", "Ada", "ADA", "GONG Ke"])
    ada = Person.objects.get(name="Ada")
    assert found == {"Ke Gong": gong, "Ada": ada, "ADA": ada, "GONG Ke": gong}
    assert created == [ada]
    assert spellings(gong) == ["GONG Ke", "Ke Gong"]
    assert spellings(ada) == ["ADA", "Ada"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (CAST, "CAST"),
        ("Chinese Association for Sciences and Technology", "CAST"),
        ("Internet Society (isoc)", "IS"),  # not an acronym: lower case
        ("The Internet Society of the World", "ISW"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.django_db
def test_organization_found_by_key_without_its_acronym():
    cast, created = resolve_organization(CAST)
    assert created is True
    same, created = resolve_organization("CHINA ASSOCIATION FOR SCIENCE AND TECHNOLOGY")
    assert (same.pk, created) == (cast.pk, False)
    assert spellings(cast) == ["CHINA ASSOCIATION FOR SCIENCE AND TECHNOLOGY", CAST]


@pytest.mark.django_db
def test_organization_found_by_acronym_and_a_close_name():
    cast, _ = resolve_organization(CAST)
    assert find_organization("Chinese Association for Sciences and Technology") == cast


@pytest.mark.parametrize(
    "name",
    [
        # The same initials, a different name.
        "Centre for Applied Software Testing",
        # A close name, other initials.
        "China Association for Science and Technologies Online",
    ],
)
@pytest.mark.django_db
def test_organization_with_same_initials_or_a_close_name_alone_is_another(name):
    resolve_organization(CAST)
    assert find_organization(name) is None
    other, created = resolve_organization(name)
    assert created is True
    assert Organization.objects.count() == 2


@pytest.mark.django_db
def test_organization_with_short_initials_is_found_by_key_only():
    un, _ = resolve_organization("United Nations (UN)")
    assert find_organization("United Nation") is None
    assert find_organization("united nations") == un


@pytest.mark.django_db
def test_unique_slug_counts_up():
    assert unique_slug(Person.objects, "Gong Ke") == "gong-ke"
    Person.objects.create(name="Gong Ke", slug="gong-ke")
    assert unique_slug(Person.objects, "GONG Ke") == "gong-ke-2"
    Person.objects.create(name="Gong Ke", slug="gong-ke-2")
    assert unique_slug(Person.objects, "Gong  Ke") == "gong-ke-3"
    assert unique_slug(Person.objects, "…") == "unnamed"


# Namesakes: what a source published beside a name (speakers.identity.compare).

ACME_2021 = Listing(year=2021, affiliation="acme", region="weog", stakeholder="civil_society")


@pytest.mark.parametrize(
    ("listing", "verdict"),
    [
        (None, (SAME, "")),
        (Listing(), (SAME, "")),
        # Another affiliation years later: people move.
        (Listing(year=2025, affiliation="other", region="weog"), (SAME, "")),
        (Listing(year=2025, affiliation="acme", region="african"), (SAME, "same affiliation")),
        (
            Listing(year=2025, affiliation="other", region="african"),
            (APART, "another regional group and another affiliation"),
        ),
        (Listing(year=2025, region="african"), (UNSURE, "another regional group")),
        (
            Listing(year=2021, affiliation="other", stakeholder="government"),
            (UNSURE, "in the same year, another affiliation and stakeholder group"),
        ),
        (Listing(year=2021, affiliation="other", stakeholder="civil_society"), (SAME, "")),
    ],
)
def test_compare_a_listing_with_a_person_of_the_same_name(listing, verdict):
    assert compare(listing, [ACME_2021]) == verdict


def test_compare_with_no_past_listing_is_the_same():
    assert compare(ACME_2021, []) == (SAME, "")


def rules(person):
    return list(person.aliases.order_by("pk").values_list("name", "rule", "rule_detail"))


def past_of(listings):
    return lambda person_ids: {pk: listings[pk] for pk in person_ids if pk in listings}


@pytest.mark.django_db
def test_spellings_keep_the_rule_that_joined_them():
    found, _ = resolve_people(["GONG Ke", "Ke Gong"])
    gong = found["GONG Ke"]
    resolve_person("Prof. Gong Ke")
    assert rules(gong) == [
        ("GONG Ke", "first", ""),
        ("Ke Gong", "same_name", "“GONG Ke”, in the same source"),
        ("Prof. Gong Ke", "same_name", "“GONG Ke”"),
    ]


@pytest.mark.django_db
def test_namesake_in_another_region_and_affiliation_is_kept_apart():
    ada, _ = resolve_person("Ada Lovelace")
    listing = Listing(year=2025, affiliation="other", region="african")
    other, created = resolve_person("ADA LOVELACE", listing, past_of({ada.pk: [ACME_2021]}))
    assert created is True
    assert other.pk != ada.pk
    assert rules(other) == [
        (
            "ADA LOVELACE",
            "first",
            "kept apart from Ada Lovelace (“Ada Lovelace”): another regional group and another "
            "affiliation",
        )
    ]
    assert DuplicateSuggestion.objects.count() == 0


@pytest.mark.django_db
def test_namesake_in_another_region_only_is_offered_to_editors():
    ada, _ = resolve_person("Ada Lovelace")
    listing = Listing(year=2025, region="african")
    other, created = resolve_person("Lovelace Ada", listing, past_of({ada.pk: [ACME_2021]}))
    assert created is True
    assert list(DuplicateSuggestion.objects.values_list("person", "other", "reason")) == [
        (
            ada.pk,
            other.pk,
            "“Ada Lovelace” and “Lovelace Ada”: same name, another regional group",
        )
    ]
    assert rules(other) == [
        (
            "Lovelace Ada",
            "first",
            "offered to editors with Ada Lovelace (“Ada Lovelace”): another regional group",
        )
    ]


@pytest.mark.django_db
def test_of_two_namesakes_the_one_the_evidence_fits_is_joined():
    ada, _ = resolve_person("Ada Lovelace")
    listing = Listing(year=2025, affiliation="other", region="african")
    past = {ada.pk: [ACME_2021]}
    other, _ = resolve_person("ADA LOVELACE", listing, past_of(past))
    past[other.pk] = [listing]
    again = Listing(year=2026, affiliation="other", region="african")
    found, created = resolve_person("Lovelace, Ada", again, past_of(past))
    assert (found.pk, created) == (other.pk, False)
    assert rules(other)[-1] == ("Lovelace, Ada", "same_name", "“ADA LOVELACE”; same affiliation")
    # Without evidence, a name joins the first record of its key.
    assert resolve_person("ada lovelace")[0] == ada
