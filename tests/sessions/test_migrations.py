"""What the migrations leave: the counts that 0015 copies onto the people and organizations
already there, and the indexes and view made by hand."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

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


def test_the_hand_made_indexes_and_view_outlive_every_migration():
    """Indexes that migrations make by hand (makemigrations does not track them) are dropped
    on SQLite by any later migration that remakes their table: 0011 dropped the list's own
    index that way, unnoticed until 0017 made it again."""
    by_hand = {"archive_session_newest"}
    if connection.vendor == "postgresql":
        by_hand |= {"archive_session_search", "archive_session_title_search"}
    with connection.cursor() as cursor:
        indexes = set(connection.introspection.get_constraints(cursor, "archive_session"))
        views = connection.introspection.table_names(cursor, include_views=True)
    assert by_hand <= indexes
    assert "archive_session_goal" in views
