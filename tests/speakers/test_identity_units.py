"""Organizations as paths of units (speakers.identity.resolve_organization_path), and the pairs
of organizations offered to editors."""

import pytest

from speakers.affiliations import Level
from speakers.identity import resolve_organization_path
from speakers.merging import merge
from speakers.models import Organization, OrganizationDuplicateSuggestion

pytestmark = pytest.mark.django_db

CAC = Level("Cyberspace Administration of China", ("CAC",))


def spellings(record):
    return sorted(record.aliases.values_list("name", flat=True))


def test_a_unit_is_made_under_its_organization_with_every_spelling():
    bureau, created = resolve_organization_path([CAC, Level("Press Bureau", ("Press Bureau",))])
    cac = Organization.objects.get(name="Cyberspace Administration of China")
    assert [record.name for record in created] == [
        "Cyberspace Administration of China",
        "Press Bureau",
    ]
    assert (bureau.name, bureau.parent, bureau.slug) == (
        "Press Bureau",
        cac,
        "press-bureau-cyberspace-administration-of-china",
    )
    assert spellings(cac) == ["CAC", "Cyberspace Administration of China"]
    again, created = resolve_organization_path([CAC, Level("Press Bureau", ("Press Bureau",))])
    assert (again, created) == (bureau, [])


def test_units_of_one_name_in_two_organizations_are_two_records():
    first, _ = resolve_organization_path([CAC, Level("Press Bureau", ())])
    other, created = resolve_organization_path(
        [Level("State Council Information Office", ()), Level("Press Bureau", ())]
    )
    assert other.pk != first.pk
    assert [record.name for record in created] == [
        "State Council Information Office",
        "Press Bureau",
    ]


def test_a_unit_first_named_alone_is_placed_under_its_organization_later():
    institute, _ = resolve_organization_path(
        [Level("Institute for Intelligent Social Governance", ())]
    )
    assert institute.parent is None
    placed, created = resolve_organization_path(
        [Level("Tsinghua University", ()), Level("Institute for Intelligent Social Governance", ())]
    )
    assert placed.pk == institute.pk
    assert [record.name for record in created] == ["Tsinghua University"]
    assert placed.parent.name == "Tsinghua University"
    # Named alone again, it stays where it is.
    alone, _ = resolve_organization_path([Level("Institute for Intelligent Social Governance", ())])
    assert (alone.pk, alone.parent.name) == (institute.pk, "Tsinghua University")


def test_an_organization_is_never_made_a_unit_of_its_own_unit():
    tsinghua, _ = resolve_organization_path([Level("Tsinghua University", ())])
    school, _ = resolve_organization_path([Level("Tsinghua University", ()), Level("School", ())])
    back, _ = resolve_organization_path([Level("School", ()), Level("Tsinghua University", ())])
    tsinghua.refresh_from_db()
    # "School, Tsinghua University" read the other way round: the university is found, and
    # stays the school's parent rather than becoming its unit.
    assert (back.pk, tsinghua.parent_id, school.parent_id) == (tsinghua.pk, None, tsinghua.pk)


def test_a_close_name_with_other_initials_is_a_suggestion_not_a_merge():
    strategies = "of New Generation Artificial Intelligence Development Strategies"
    institute, _ = resolve_organization_path([Level(f"Chinese Institute {strategies}", ())])
    academy, created = resolve_organization_path([Level(f"Chinese Academy {strategies}", ())])
    assert created == [academy]
    assert list(
        OrganizationDuplicateSuggestion.objects.values_list("organization", "other", "reason")
    ) == [
        (
            institute.pk,
            academy.pk,
            "“Chinese Institute of New Generation Artificial Intelligence Development Strategies” "
            "and “Chinese Academy of New Generation Artificial Intelligence Development "
            "Strategies” are close",
        )
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tsinghua University", "King Saud University"),
        ("Internet Society", "Internet Governance Forum"),
    ],
)
def test_names_sharing_only_a_kind_of_organization_are_no_suggestion(first, second):
    resolve_organization_path([Level(first, ())])
    resolve_organization_path([Level(second, ())])
    assert OrganizationDuplicateSuggestion.objects.count() == 0


def test_merging_two_organizations_moves_the_units():
    keep, _ = resolve_organization_path([Level("ITU", ())])
    unit, _ = resolve_organization_path(
        [Level("International Telecommunication Union", ()), Level("AI for Good", ())]
    )
    other = unit.parent
    merge(keep, other)
    unit.refresh_from_db()
    assert unit.parent == keep
    assert not Organization.objects.filter(pk=other.pk).exists()


def test_a_unit_of_the_parent_is_found_before_one_placed_nowhere():
    placed, _ = resolve_organization_path([CAC, Level("Press Bureau", ())])
    Organization.objects.create(name="Press Bureau", slug="press-bureau", parent=None)
    Organization.objects.get(slug="press-bureau").aliases.create(name="Press Bureau")
    found, created = resolve_organization_path([CAC, Level("Press Bureau", ())])
    assert (found.pk, created) == (placed.pk, [])
