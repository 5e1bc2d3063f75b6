"""The SQLite full-text index of sessions follows every write (migration 0014's triggers)."""

import pytest
from django.db import connection

from sessions.models import Session
from sessions.search import search_sessions
from tests.factories import SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def titles(q):
    return [session.title for session in search_sessions(Session.objects.all(), q)]


def test_the_index_and_its_triggers_exist_after_every_migration():
    # A later migration that remakes archive_session drops its triggers with the old table.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, name FROM sqlite_master WHERE name LIKE 'archive_session_fts%%'"
            " AND type IN ('table', 'trigger') ORDER BY type, name"
        )
        names = cursor.fetchall()
    assert names == [
        ("table", "archive_session_fts"),
        ("table", "archive_session_fts_config"),
        ("table", "archive_session_fts_data"),
        ("table", "archive_session_fts_docsize"),
        ("table", "archive_session_fts_idx"),
        ("trigger", "archive_session_fts_delete"),
        ("trigger", "archive_session_fts_insert"),
        ("trigger", "archive_session_fts_update"),
    ]


def test_a_new_session_is_found_by_its_title_and_text():
    SessionFactory(title="Zettabyte era", description="Quantum networks.")
    assert titles("zettabyte") == ["Zettabyte era"]
    assert titles("quantum") == ["Zettabyte era"]


def test_a_changed_title_is_found_by_the_new_words_only():
    session = SessionFactory(title="Zettabyte era", description="")
    session.title = "Petabyte era"
    session.save()
    assert titles("zettabyte") == []
    assert titles("petabyte") == ["Petabyte era"]


def test_a_deleted_session_is_not_found():
    SessionFactory(title="Zettabyte era", description="").delete()
    assert titles("zettabyte") == []


def test_words_are_stemmed_as_in_english():
    SessionFactory(title="Governing networks", description="")
    assert titles("network") == ["Governing networks"]
    assert titles("governed") == ["Governing networks"]
