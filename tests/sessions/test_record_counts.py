"""Counts copied onto people and organizations follow every write (sessions/record_counts.py)."""

import datetime

import pytest

from sessions import derived
from sessions.models import Participation
from speakers.merging import merge, split_off
from speakers.models import Organization, Person
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def person_counts(person):
    person = Person.objects.get(pk=person.pk)
    return (person.session_count, person.first_year, person.last_year)


def organization_counts(organization):
    organization = Organization.objects.get(pk=organization.pk)
    return (organization.session_count, organization.organized_count, organization.people_count)


@pytest.fixture
def sessions():
    """Two sessions of 2021 and one of 2024."""
    igf2021 = MeetingFactory(slug="igf-2021", year=2021)
    igf2024 = MeetingFactory(slug="igf-2024", year=2024)
    return [
        SessionFactory(meeting=igf2021, date=datetime.date(2021, 12, 6)),
        SessionFactory(meeting=igf2021, date=datetime.date(2021, 12, 7)),
        SessionFactory(meeting=igf2024, date=datetime.date(2024, 12, 17)),
    ]


def test_counts_follow_participations_written_and_deleted(sessions):
    gong = PersonFactory(name="Gong Ke")
    cast = OrganizationFactory(name="China Association for Science and Technology")
    assert person_counts(gong) == (0, None, None)
    first = ParticipationFactory(session=sessions[0], person=gong, organization=cast)
    # Two roles in one session are one session.
    ParticipationFactory(
        session=sessions[0], person=gong, organization=cast, role=Participation.Role.MODERATOR
    )
    ParticipationFactory(session=sessions[2], person=gong)
    OrganizerFactory(session=sessions[1], organization=cast)
    OrganizerFactory(session=sessions[0], organization=cast)
    assert person_counts(gong) == (2, 2021, 2024)
    # Sessions 0 (organized and attended) and 1 (organized); two sessions organized; one person.
    assert organization_counts(cast) == (2, 2, 1)
    first.delete()
    assert organization_counts(cast) == (2, 2, 1)
    sessions[2].delete()
    assert person_counts(gong) == (1, 2021, 2021)
    sessions[0].delete()
    assert person_counts(gong) == (0, None, None)
    assert organization_counts(cast) == (1, 1, 0)


def test_counts_follow_a_row_moved_to_another_record(sessions):
    du = PersonFactory(name="DU Guimei")
    dou = PersonFactory(name="Dou Guimei")
    ParticipationFactory(session=sessions[0], person=du)
    moved = ParticipationFactory(session=sessions[2], person=dou, published_name="Dou Guimei")
    assert (person_counts(du), person_counts(dou)) == ((1, 2021, 2021), (1, 2024, 2024))
    moved.person = du
    moved.save()
    assert (person_counts(du), person_counts(dou)) == ((2, 2021, 2024), (0, None, None))
    # Split off again: the spelling's rows go to a new record, and the old one loses them.
    new, _ = split_off(du.aliases.create(name="Dou Guimei"))
    assert (person_counts(du), person_counts(new)) == ((1, 2021, 2021), (1, 2024, 2024))
    merge(du, new)
    assert person_counts(du) == (2, 2021, 2024)


def test_counts_follow_a_meeting_moved_to_another_year(sessions):
    gong = PersonFactory(name="Gong Ke")
    ParticipationFactory(session=sessions[2], person=gong)
    meeting = sessions[2].meeting
    meeting.year = 2025
    meeting.save()
    assert person_counts(gong) == (1, 2025, 2025)


def test_counts_of_a_batch_are_refreshed_once_at_its_end(sessions):
    gong = PersonFactory(name="Gong Ke")
    with derived.batch():
        for session in sessions:
            ParticipationFactory(session=session, person=gong)
        assert person_counts(gong) == (0, None, None)
    assert person_counts(gong) == (3, 2021, 2024)
