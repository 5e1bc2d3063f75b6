"""The database refuses what the archive's constraints forbid: a person twice in one role of a
session, a session number twice in a meeting and type, a slug twice in a meeting, a curated fact
about nothing."""

import pytest
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from sessions.models import CuratedFact, Meeting, Participation, Session
from speakers.models import Person, PersonAlias

Role = Participation.Role


def make_person(name, *other_spellings):
    person = Person.objects.create(name=name, slug=slugify(name))
    for spelling in (name, *other_spellings):
        PersonAlias.objects.create(person=person, name=spelling)
    return person


def participate(session, person, role, position, **published):
    published.setdefault("published_name", person.name)
    return Participation.objects.create(
        session=session, person=person, role=role, position=position, **published
    )


@pytest.mark.django_db
def test_participation_unique_role_refuses_the_same_person_role_twice():
    session = Session.objects.create(
        meeting=Meeting.objects.create(slug="m", name="M", kind=Meeting.Kind.IGF, year=2023),
        session_type=Session.Type.WORKSHOP,
        number=377,
        title="T",
        slug="t",
    )
    li_zhang = make_person("Li ZHANG")
    participate(session, li_zhang, Role.ORGANIZER, 1)
    participate(session, li_zhang, Role.ONLINE_MODERATOR, 2)

    with pytest.raises(IntegrityError), transaction.atomic():
        participate(session, li_zhang, Role.ORGANIZER, 3)

    assert list(Participation.objects.filter(session=session).values_list("role", flat=True)) == [
        "organizer",
        "online_moderator",
    ]


@pytest.mark.django_db
def test_session_unique_number_refuses_a_second_number_in_meeting_and_type():
    meeting = Meeting.objects.create(slug="igf-2024", name="IGF 2024", kind="igf", year=2024)
    Session.objects.create(
        meeting=meeting, session_type=Session.Type.OPEN_FORUM, number=9, title="A", slug="a"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            meeting=meeting, session_type=Session.Type.OPEN_FORUM, number=9, title="B", slug="b"
        )

    # The same number is free in another type of the same meeting.
    Session.objects.create(
        meeting=meeting, session_type=Session.Type.WORKSHOP, number=9, title="C", slug="c"
    )
    assert list(Session.objects.order_by("slug").values_list("slug", flat=True)) == ["a", "c"]


@pytest.mark.django_db
def test_session_unique_number_allows_many_sessions_without_number():
    meeting = Meeting.objects.create(slug="scio-2022", name="SCIO", kind="press", year=2022)
    for slug in ("first", "second"):
        Session.objects.create(
            meeting=meeting,
            session_type=Session.Type.PRESS_CONFERENCE,
            number=None,
            title=slug,
            slug=slug,
        )

    assert list(Session.objects.order_by("slug").values_list("slug", "number")) == [
        ("first", None),
        ("second", None),
    ]


@pytest.mark.django_db
def test_session_unique_slug_refuses_a_slug_twice_in_one_meeting():
    igf_2023 = Meeting.objects.create(slug="igf-2023", name="IGF 2023", kind="igf", year=2023)
    igf_2024 = Meeting.objects.create(slug="igf-2024", name="IGF 2024", kind="igf", year=2024)
    Session.objects.create(
        meeting=igf_2023, session_type=Session.Type.WORKSHOP, number=1, title="A", slug="same"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            meeting=igf_2023, session_type=Session.Type.WORKSHOP, number=2, title="B", slug="same"
        )

    Session.objects.create(
        meeting=igf_2024, session_type=Session.Type.WORKSHOP, number=1, title="A", slug="same"
    )
    assert list(Session.objects.order_by("meeting__year").values_list("meeting__slug", "slug")) == [
        ("igf-2023", "same"),
        ("igf-2024", "same"),
    ]


@pytest.mark.django_db
def test_curated_fact_one_record_refuses_a_fact_about_nothing():
    with pytest.raises(IntegrityError), transaction.atomic():
        CuratedFact.objects.create(field="title", value="T", source="https://example.org/")

    assert CuratedFact.objects.count() == 0
