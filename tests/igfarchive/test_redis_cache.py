"""The cache: REDIS_URL read and checked, and a Redis shared by servers (marked `redis`).

Every server and process that names one Redis shares the archive version through it
(igfarchive/version.py); a Redis that cannot be reached costs a query a page, not the site.
"""

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from redis.retry import Retry

import igfarchive.cache
from igfarchive import version
from igfarchive.environment import cache_from_url
from igfarchive.version import ARCHIVE_VERSION_KEY, archive_version
from sessions.models import Meeting
from tests.conftest import patient, redis_url
from tests.factories import MeetingFactory

BASE_DIR = Path(settings.BASE_DIR)


def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_cache_without_redis_url_is_local_memory_of_bounded_size():
    assert cache_from_url("") == {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100},
    }


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/15",
        "redis://:secret@cache.internal",
        "rediss://user:pw@cache:6380/0",
    ],
)
def test_cache_with_redis_url_is_djangos_redis_cache_there(url):
    cache = cache_from_url(url)
    options = cache.pop("OPTIONS")

    assert cache == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "igfarchive",
    }
    assert (options["socket_connect_timeout"], options["socket_timeout"]) == (0.05, 0.05)
    assert isinstance(options["retry"], Retry)
    assert options["retry"].get_retries() == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "memcached://127.0.0.1:11211",
            "REDIS_URL='memcached://127.0.0.1:11211': expected "
            "redis://[:password@]host[:port][/database number] or rediss://….",
        ),
        (
            "redis:///0",
            "REDIS_URL='redis:///0': the host name is missing; expected "
            "redis://[:password@]host[:port][/database number] or rediss://….",
        ),
        (
            "redis://cache:notaport/0",
            "REDIS_URL='redis://cache:notaport/0': invalid port "
            "(Port could not be cast to integer value as 'notaport').",
        ),
        (
            "redis://:hunter2@cache:6379/archive",
            "REDIS_URL='redis://:***@cache:6379/archive': the database 'archive' is not a number; "
            "expected redis://[:password@]host[:port][/database number] or rediss://….",
        ),
    ],
)
def test_cache_refuses_malformed_redis_url_without_showing_its_password(url, message):
    with pytest.raises(ImproperlyConfigured) as error:
        cache_from_url(url)

    assert str(error.value) == message


def test_manage_py_check_stops_on_malformed_redis_url():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env={**os.environ, "REDIS_URL": "redis:///0"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL='redis:///0': the host name is missing" in result.stderr


def test_pages_and_304_go_on_when_redis_cannot_be_reached(
    client, db, settings, django_assert_num_queries
):
    MeetingFactory(name="IGF 2024")
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{closed_port()}/0")}

    first = client.get("/meetings/")
    # 1. the archive version, read off the database: it cannot be cached
    with django_assert_num_queries(1):
        again = client.get("/meetings/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert [meeting.name for meeting in first.context["meetings"]] == ["IGF 2024"]
    assert again.status_code == 304


def test_pages_are_kept_in_the_process_while_redis_cannot_be_reached(
    client, db, settings, django_assert_num_queries
):
    MeetingFactory(name="IGF 2024")
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{closed_port()}/0")}
    settings.PAGE_SECONDS = 60

    first = client.get("/meetings/")
    # 1. the archive version, read off the database; the page is this process's copy
    with django_assert_num_queries(1):
        again = client.get("/meetings/")

    assert again.status_code == 200
    assert again.content == first.content


@pytest.fixture
def redis_config():
    """A Redis cache configuration with keys of this run only, removed afterwards."""
    config = {
        **patient(cache_from_url(redis_url())),
        "KEY_PREFIX": f"igfarchive-tests-{os.getpid()}-servers",
    }
    yield config
    RedisCache(config["LOCATION"], config).delete(ARCHIVE_VERSION_KEY)


def server_cache(config):
    """The cache client one server would make from the configuration: its own connections."""
    return RedisCache(config["LOCATION"], config)


@pytest.mark.redis
def test_two_servers_share_the_archive_version_and_see_each_others_writes(
    redis_config, db, monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first_server, second_server = server_cache(redis_config), server_cache(redis_config)
    assert first_server._cache.get_client() is not second_server._cache.get_client()
    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory(name="IGF 2024")

    monkeypatch.setattr(version, "cache", first_server)
    # 1. the archive version, read off the database, then kept in Redis
    with django_assert_num_queries(1):
        read_by_first = archive_version()
    monkeypatch.setattr(version, "cache", second_server)
    with django_assert_num_queries(0):
        read_by_second = archive_version()

    monkeypatch.setattr(version, "cache", first_server)
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.create(slug="igf-2030", name="IGF 2030", kind=Meeting.Kind.IGF, year=2030)
    monkeypatch.setattr(version, "cache", second_server)
    with django_assert_num_queries(0):
        after_write = archive_version()

    assert read_by_second == read_by_first
    assert after_write != read_by_first
    assert after_write == version.read_archive_version()


@pytest.mark.redis
def test_conditional_get_through_redis(
    client, db, settings, redis_config, django_assert_num_queries
):
    settings.CACHES = {"default": redis_config}
    MeetingFactory(name="IGF 2024")
    first = client.get("/meetings/")

    with django_assert_num_queries(0):
        again = client.get("/meetings/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (first.status_code, again.status_code) == (200, 304)
    assert server_cache(redis_config).get(ARCHIVE_VERSION_KEY) == archive_version()


@pytest.fixture
def silent_redis():
    """A port that accepts connections and never answers (the kernel completes them)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


def first_visit(settings, port, path):
    """Seconds a visit to `path` takes, the first after the cache at `port` was last tried."""
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{port}/0")}
    igfarchive.cache._resting_until.clear()
    started = time.monotonic()
    assert Client().get(path).status_code == 200
    return time.monotonic() - started


@pytest.mark.parametrize("path", ["/", "/sessions/"])
def test_a_redis_that_never_answers_costs_a_page_under_100_ms_more_than_one_stopped(
    db, settings, silent_redis, caplog, path
):
    MeetingFactory(name="IGF 2024")
    stopped_port = closed_port()
    first_visit(settings, stopped_port, path)  # templates and URLs loaded
    # Medians of five visits each, alternated: the machine's own noise is about as large.
    stopped, hanging = [], []
    for _ in range(5):
        stopped.append(first_visit(settings, stopped_port, path))
        hanging.append(first_visit(settings, silent_redis, path))

    extra = statistics.median(hanging) - statistics.median(stopped)
    assert extra < 0.1, (hanging, stopped)
    # Each failure is logged once: the calls after it in the same page leave the cache alone.
    # A refused connection rests the cache for 5 s, one that does not answer in time for 1 s.
    warnings = [
        r.getMessage().split(":")[0] for r in caplog.records if r.name == "igfarchive.cache"
    ]
    stopped_rest, hanging_rest = (f"cache unavailable, not used for {s} s" for s in (5, 1))
    assert warnings == [stopped_rest, *[stopped_rest, hanging_rest] * 5]
