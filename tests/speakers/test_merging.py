"""Editors merge two records of one person (or organization) and split a spelling off again."""

import pytest

from sessions.models import Participation
from speakers.merging import merge, split_off
from speakers.models import DuplicateSuggestion, Organization, Person, PersonAlias
from tests.factories import (
    ArgumentFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    SessionFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def du_and_dou():
    """DU Guimei (a listed speaker) and Dou Guimei (named in a report), with a suggestion."""
    du = PersonFactory(name="DU Guimei")
    dou = PersonFactory(name="Dou Guimei")
    PersonAliasFactory(person=du, name="DU Guimei")
    PersonAliasFactory(person=dou, name="Dou Guimei")
    first, second = SessionFactory(), SessionFactory()
    ParticipationFactory(session=first, person=du, role="speaker", published_name="DU Guimei")
    ParticipationFactory(session=first, person=dou, role="presenter", published_name="Dou Guimei")
    ParticipationFactory(session=second, person=dou, role="speaker", published_name="Dou Guimei")
    TranscriptTurnFactory(session=second, person=dou, speaker_label="Dou Guimei")
    argument = ArgumentFactory(session=second, person=dou)
    argument.agreed_with.add(du)
    DuplicateSuggestion.objects.create(person=du, other=dou, reason="one letter")
    return du, dou


def participations(person):
    return sorted(person.participations.values_list("session__slug", "role", "published_name"))


def test_merge_selected_people_moves_every_row_to_the_oldest(editor_client, du_and_dou):
    du, dou = du_and_dou
    before = Participation.objects.count()

    response = editor_client.post(
        "/admin/speakers/person/",
        {"action": "merge_selected", "_selected_action": [du.pk, dou.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert [m.message for m in response.context["messages"]] == [
        "Merged 1 record(s) into “DU Guimei”."
    ]
    assert list(Person.objects.values_list("name", flat=True)) == ["DU Guimei"]
    assert Participation.objects.count() == before
    du.refresh_from_db()
    assert sorted(du.aliases.values_list("name", flat=True)) == ["DU Guimei", "Dou Guimei"]
    assert [p.person_id for p in Participation.objects.all()] == [du.pk] * 3
    assert list(du.transcript_turns.values_list("speaker_label", flat=True)) == ["Dou Guimei"]
    argument = du.arguments.get()
    assert list(argument.agreed_with.all()) == [du]
    assert DuplicateSuggestion.objects.count() == 0


def test_merge_folds_a_duplicate_participation_together(du_and_dou):
    du, dou = du_and_dou
    session = du.participations.get().session
    ParticipationFactory(session=session, person=dou, role="speaker", published_name="Dou G.")

    moved, dropped = merge(du, dou)

    # Same person, same session, same role: one participation; its spelling stays an alias.
    assert dropped == 1
    assert len(participations(du)) == 3
    assert sorted(du.aliases.values_list("name", flat=True)) == ["DU Guimei", "Dou Guimei"]


def test_split_spelling_off_gives_back_its_participations(editor_client, du_and_dou):
    du, dou = du_and_dou
    editor_client.post(
        "/admin/speakers/person/",
        {"action": "merge_selected", "_selected_action": [du.pk, dou.pk]},
    )
    alias = PersonAlias.objects.get(name="Dou Guimei")

    response = editor_client.post(
        "/admin/speakers/personalias/",
        {"action": "split_selected", "_selected_action": [alias.pk]},
        follow=True,
    )

    assert response.status_code == 200
    new = Person.objects.get(name="Dou Guimei")
    # Two participations and a transcript turn were published under that spelling.
    assert [m.message for m in response.context["messages"]][-1] == (
        "“Dou Guimei” is now a record of its own, with 3 row(s)."
    )
    assert list(new.aliases.values_list("name", flat=True)) == ["Dou Guimei"]
    assert len(participations(new)) == 2
    assert [p[2] for p in participations(new)] == ["Dou Guimei", "Dou Guimei"]
    assert [p[2] for p in participations(Person.objects.get(name="DU Guimei"))] == ["DU Guimei"]
    assert Participation.objects.count() == 3


def test_merge_organizations_keeps_organizer_rows_and_spellings(editor_client):
    cast = OrganizationFactory(name="China Association for Science and Technology (CAST)")
    chinese = OrganizationFactory(name="Chinese Association for Sciences and Technology")
    OrganizationAliasFactory(organization=cast, name=cast.name)
    OrganizationAliasFactory(organization=chinese, name=chinese.name)
    OrganizerFactory(organization=cast, published_name=cast.name)
    OrganizerFactory(organization=chinese, published_name=chinese.name)

    editor_client.post(
        "/admin/speakers/organization/",
        {"action": "merge_selected", "_selected_action": [cast.pk, chinese.pk]},
    )

    assert list(Organization.objects.values_list("name", flat=True)) == [cast.name]
    assert sorted(cast.aliases.values_list("name", flat=True)) == [
        "China Association for Science and Technology (CAST)",
        "Chinese Association for Sciences and Technology",
    ]
    assert cast.organized.count() == 2


def test_suggested_pair_can_be_kept_apart(editor_client, du_and_dou):
    suggestion = DuplicateSuggestion.objects.get()

    editor_client.post(
        "/admin/speakers/duplicatesuggestion/",
        {"action": "keep_apart", "_selected_action": [suggestion.pk]},
    )

    suggestion.refresh_from_db()
    assert suggestion.status == "kept_apart"
    assert Person.objects.count() == 2


def rules(person):
    return list(person.aliases.order_by("pk").values_list("name", "rule", "rule_detail"))


def test_merge_and_split_say_why_each_spelling_moved(du_and_dou):
    du, dou = du_and_dou
    PersonAlias.objects.filter(person=dou).update(rule="first")
    merge(du, dou)
    assert rules(du) == [
        ("DU Guimei", "", ""),
        (
            "Dou Guimei",
            "merged",
            "from Dou Guimei (there: First spelling: the record was made for it)",
        ),
    ]
    new, _ = split_off(du.aliases.get(name="Dou Guimei"))
    assert rules(new) == [("Dou Guimei", "split_off", "from DU Guimei")]
