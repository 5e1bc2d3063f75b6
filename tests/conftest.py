"""Test set-up shared by the whole suite.

The suite runs on whatever DATABASE_URL names (the embedded SQLite when it is
unset). Tests marked `postgres` need PostgreSQL and run only there; tests
marked `browser` need Chromium and run only where it is installed. CI sets
ARCHIVE_TESTS_REQUIRE (a comma-separated list of "postgres" and "chromium")
so that, there, a missing database or browser fails the run instead of
quietly leaving tests out.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = {
    word.strip() for word in os.environ.get("ARCHIVE_TESTS_REQUIRE", "").split(",") if word.strip()
}


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def has_chromium():
    return os.path.exists(CHROMIUM)


def pytest_configure(config):
    unknown = REQUIRED - {"postgres", "chromium"}
    if unknown:
        raise pytest.UsageError(f"ARCHIVE_TESTS_REQUIRE: unknown requirement(s) {sorted(unknown)}")
    if "postgres" in REQUIRED and not on_postgres():
        raise pytest.UsageError(
            "ARCHIVE_TESTS_REQUIRE names postgres, but DATABASE_URL does not point at PostgreSQL."
        )
    if "chromium" in REQUIRED and not has_chromium():
        raise pytest.UsageError(f"ARCHIVE_TESTS_REQUIRE names chromium, but {CHROMIUM} is missing.")


def pytest_collection_modifyitems(config, items):
    """Leave out (deselect, not skip) the tests this machine cannot run, and say so."""
    missing = set()
    if not on_postgres():
        missing.add("postgres")
    if not has_chromium():
        missing.add("browser")
    kept, left_out = [], []
    for item in items:
        (left_out if missing & {mark.name for mark in item.iter_markers()} else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        config.archive_left_out = (len(left_out), sorted(missing))


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"archive: database {engine}; chromium {'found' if has_chromium() else 'missing'}"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "archive_left_out"):
        count, missing = config.archive_left_out
        terminalreporter.write_line(
            f"archive: {count} test(s) left out, they need {' and '.join(missing)} "
            "(set DATABASE_URL to a PostgreSQL database / install chromium to run them)"
        )


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="unused", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", password="unused")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(scope="module")
def migration_data_put_back(django_db_blocker):
    """After a module's transactional tests, put back what the migrations wrote.

    A transactional test ends by emptying every table; its serialized rollback restores the
    migrations' rows (the SDGs and their targets, the Editors group) only when the next such test
    starts. Tests that run later and ask for `db` only while running (pytest-django cannot order
    those before the transactional ones) expect those rows too.
    """
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
