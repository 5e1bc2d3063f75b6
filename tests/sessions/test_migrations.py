"""sessions/migrations/0015: the counts copied onto the people and organizations already
there."""

import importlib

import pytest
from django.apps import apps

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

record_counts_filled = importlib.import_module("sessions.migrations.0015_record_counts_filled")


def test_counts_filled_for_the_records_already_there():
    session = SessionFactory(meeting=MeetingFactory(year=2024))
    du = PersonFactory(name="DU Guimei")
    cast = OrganizationFactory(name="École CAST")
    ParticipationFactory(session=session, person=du, organization=cast)
    OrganizerFactory(session=session, organization=cast)
    # As before the migration: no counts.
    Person.objects.update(session_count=0, first_year=None, last_year=None)
    Organization.objects.update(session_count=0, organized_count=0, people_count=0)

    record_counts_filled.fill(apps, None)

    assert list(Person.objects.values_list("name", "session_count", "first_year", "last_year")) == [
        ("DU Guimei", 1, 2024, 2024)
    ]
    assert list(
        Organization.objects.values_list("name", "session_count", "organized_count", "people_count")
    ) == [("École CAST", 1, 1, 1)]
