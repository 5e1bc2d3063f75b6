"""Test set-up shared by the whole suite.

The suite runs on whatever DATABASE_URL names (the embedded SQLite when it is
unset), with the cache REDIS_URL names (each process's memory when it is
unset). Tests marked `postgres` need PostgreSQL and run only there; tests
marked `browser` need Chromium and run only where it is installed; tests
marked `sqlite` test what only SQLite has (its full-text index) and run only there; tests
marked `redis` need a Redis, at REDIS_URL or else at 127.0.0.1:6379 (they
use its database 15), and run only where one answers. CI sets
ARCHIVE_TESTS_REQUIRE (a comma-separated list of "postgres", "chromium" and
"redis") so that, there, a missing database, browser or Redis fails the run
instead of quietly leaving tests out.
"""

import functools
import os
import shutil

import pytest
import redis
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connections

from igfarchive.cache import local_cache
from igfarchive.environment import LOCAL_MEMORY_CACHE

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = {
    word.strip() for word in os.environ.get("ARCHIVE_TESTS_REQUIRE", "").split(",") if word.strip()
}


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def has_chromium():
    return os.path.exists(CHROMIUM)


def redis_url():
    """The Redis of the `redis` tests: REDIS_URL's, else the local one's database 15."""
    return os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def patient(config):
    """A Redis cache configuration that waits up to 5 s for an answer. The site gives up after
    50 ms (igfarchive/environment.py), right for a Redis beside idle servers; here pytest's
    workers, the database, Chromium and Redis share two cores, and a slow answer would fail a
    test that is not about it. The tests of the give-up build their own configuration."""
    if config["BACKEND"] != "django.core.cache.backends.redis.RedisCache":
        return config
    options = {**config["OPTIONS"], "socket_connect_timeout": 5, "socket_timeout": 5}
    return {**config, "OPTIONS": options}


@functools.cache
def has_redis():
    try:
        return redis.Redis.from_url(redis_url(), socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def pytest_configure(config):
    unknown = REQUIRED - {"postgres", "chromium", "redis"}
    if unknown:
        raise pytest.UsageError(f"ARCHIVE_TESTS_REQUIRE: unknown requirement(s) {sorted(unknown)}")
    if "postgres" in REQUIRED and not on_postgres():
        raise pytest.UsageError(
            "ARCHIVE_TESTS_REQUIRE names postgres, but DATABASE_URL does not point at PostgreSQL."
        )
    if "chromium" in REQUIRED and not has_chromium():
        raise pytest.UsageError(f"ARCHIVE_TESTS_REQUIRE names chromium, but {CHROMIUM} is missing.")
    if "redis" in REQUIRED and not has_redis():
        raise pytest.UsageError(
            f"ARCHIVE_TESTS_REQUIRE names redis, but no Redis answers at {redis_url()}."
        )
    if "REDIS_URL" in os.environ and not has_redis():
        # The `redis` tests are left out below; the rest need a cache that answers.
        settings.CACHES = {"default": dict(LOCAL_MEMORY_CACHE)}
    # Two runs may share one Redis at once (the SQLite and the PostgreSQL run): each keeps its
    # keys to itself, and removes them as it goes (cache_emptied, pytest_sessionfinish).
    settings.CACHES = {
        "default": {
            **patient(settings.CACHES["default"]),
            "KEY_PREFIX": f"igfarchive-tests-{os.getpid()}",
        }
    }


def left_out_marks():
    """The marks of the tests this machine cannot run. A test of the other database's own
    machinery (marked `sqlite`, or `postgres`) is left out, as one whose service is missing is."""
    missing = {"sqlite" if on_postgres() else "postgres"}
    if not has_chromium():
        missing.add("browser")
    if not has_redis():
        missing.add("redis")
    return missing


def pytest_collection_modifyitems(config, items):
    """Leave out (deselect, not skip) the tests this machine cannot run; the header says so."""
    missing = left_out_marks()
    kept, left_out = [], []
    for item in items:
        (left_out if missing & {mark.name for mark in item.iter_markers()} else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def pytest_report_header(config):
    """What the run has, and which tests it leaves out (in the header: pytest-xdist's workers,
    which collect the tests, send no word of those they leave out)."""
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return [
        f"archive: database {engine}; cache {cache_backend}; "
        f"chromium {'found' if has_chromium() else 'missing'}; "
        f"redis {'found' if has_redis() else 'missing'} at {redis_url()}",
        f"archive: the tests marked {' and '.join(sorted(left_out_marks()))} are left out "
        "(sqlite: leave DATABASE_URL unset; postgres: set it to a PostgreSQL database; "
        "browser: install chromium; redis: start one or set REDIS_URL)",
    ]


def empty_the_cache():
    """Remove this run's keys only (their prefix, pytest_configure): other runs and sites that
    share the Redis keep theirs."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
        if keys:
            client.delete(*keys)
    else:
        backend.clear()
    local_cache.clear()


def pytest_sessionfinish(session, exitstatus):
    empty_the_cache()


@pytest.fixture(autouse=True)
def cache_emptied():
    """Each test starts with an empty cache: no archive version (igfarchive/version.py), nor
    anything kept for another test's version.

    Tests run inside a transaction that never commits, so the refresh a commit would run does
    not happen: a test that writes and then needs the new version runs the commit's callbacks
    (django_capture_on_commit_callbacks(execute=True)) or refresh_archive_version itself. The
    refresh is registered once per transaction, and a test is one: its writes before the
    capture leave a refresh pending that the capture does not see, so capture them all.
    """
    empty_the_cache()


@pytest.fixture(autouse=True)
def page_parts_computed(settings):
    # A test writes and reads in one transaction that never commits, so the archive version
    # may not move between its requests, and ids a rolled-back test used come again: the
    # parts of pages kept per version (sessions/browse/caching.py) are computed afresh, except
    # in the tests of that cache, which turn it on.
    settings.PAGE_PART_SECONDS = 0


@pytest.fixture(autouse=True)
def pages_rendered(settings):
    # Likewise for whole pages (igfarchive/page_cache.py): a test's second request for a URL
    # renders it again, except in the tests of that cache.
    settings.PAGE_SECONDS = 0


@pytest.fixture(autouse=True)
def downloads_unrested(settings, tmp_path_factory):
    # Whole-list downloads (igfarchive/costly.py) keep their one slot at a time, in slot files
    # of the test run's own, but a slot does not rest after a download: tests download one
    # list after another. The tests of that bound set the share themselves.
    settings.LOCK_DIR = tmp_path_factory.mktemp("locks")
    settings.COSTLY_SHARE = 1.0
    # Nor are downloads kept (igfarchive/kept_downloads.py), except in the tests of that.
    settings.KEPT_DOWNLOADS_DIR = tmp_path_factory.mktemp("downloads")
    settings.KEPT_DOWNLOAD_BYTES = 0


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes whose commit callbacks (the archive version's refresh) run at the end, as a real
    commit would run them."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


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
