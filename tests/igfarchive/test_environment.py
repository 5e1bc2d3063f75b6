"""Settings read from the environment: valid values, and malformed ones refused by name."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from igfarchive.environment import (
    database_from_url,
    env_addresses,
    env_bool,
    env_int,
    env_list,
)

BASE_DIR = Path(settings.BASE_DIR)
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("TRUE", True),
        (" yes ", True),
        ("on", True),
        ("0", False),
        ("False", False),
        ("no", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_reads_true_and_false_words(monkeypatch, raw, expected):
    monkeypatch.setenv("ARCHIVE_TEST_FLAG", raw)

    assert env_bool("ARCHIVE_TEST_FLAG", default=not expected) is expected


def test_env_bool_unset_gives_default(monkeypatch):
    monkeypatch.delenv("ARCHIVE_TEST_FLAG", raising=False)

    assert env_bool("ARCHIVE_TEST_FLAG", default=True) is True


def test_env_bool_refuses_other_words(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")

    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("DEBUG", default=False)

    assert str(error.value) == "DEBUG='maybe': expected one of 1/0, true/false, yes/no, on/off."


def test_env_int_reads_whole_number(monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")

    assert env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0) == 0


def test_env_int_unset_gives_default(monkeypatch):
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)

    assert env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0) == 60


def test_env_int_refuses_non_number(monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "1.5")

    with pytest.raises(ImproperlyConfigured) as error:
        env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)

    assert str(error.value) == "DATABASE_CONN_MAX_AGE='1.5': expected a whole number."


def test_env_int_refuses_number_below_minimum(monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "-1")

    with pytest.raises(ImproperlyConfigured) as error:
        env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)

    assert str(error.value) == "DATABASE_CONN_MAX_AGE='-1': expected a number of at least 0."


def test_env_list_splits_on_commas_and_strips(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "archive.example.org, localhost")

    assert env_list("ALLOWED_HOSTS", ["127.0.0.1"]) == ["archive.example.org", "localhost"]


def test_env_list_unset_gives_a_copy_of_default(monkeypatch):
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    default = ["127.0.0.1"]

    hosts = env_list("ALLOWED_HOSTS", default)

    assert hosts == ["127.0.0.1"]
    assert hosts is not default


@pytest.mark.parametrize("raw", ["a,,b", "a,", ""])
def test_env_list_refuses_empty_items(monkeypatch, raw):
    monkeypatch.setenv("ALLOWED_HOSTS", raw)

    with pytest.raises(ImproperlyConfigured) as error:
        env_list("ALLOWED_HOSTS", [])

    assert str(error.value) == (
        f"ALLOWED_HOSTS={raw!r}: expected a comma-separated list with no empty items."
    )


def test_env_addresses_reads_bare_and_named_addresses(monkeypatch):
    monkeypatch.setenv("ARCHIVE_TEST_ADDRESSES", "ops@example.org, Night Desk <desk@example.org>")

    assert env_addresses("ARCHIVE_TEST_ADDRESSES") == [
        ("", "ops@example.org"),
        ("Night Desk", "desk@example.org"),
    ]


def test_env_addresses_unset_is_no_one(monkeypatch):
    monkeypatch.delenv("ARCHIVE_TEST_ADDRESSES", raising=False)

    assert env_addresses("ARCHIVE_TEST_ADDRESSES") == []


@pytest.mark.parametrize("item", ["ops", "ops@", "@example.org", "Ops <ops at example.org>"])
def test_env_addresses_refuses_what_is_not_an_address(monkeypatch, item):
    monkeypatch.setenv("ARCHIVE_TEST_ADDRESSES", f"a@example.org,{item}")

    with pytest.raises(ImproperlyConfigured) as refused:
        env_addresses("ARCHIVE_TEST_ADDRESSES")
    assert str(refused.value) == (
        f"ARCHIVE_TEST_ADDRESSES: {item!r} is not an e-mail address"
        " (a@example.org or Name <a@example.org>)."
    )


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("", Path("/tmp/default.sqlite3")),
        ("sqlite:///rel.sqlite3", Path("rel.sqlite3")),
        ("sqlite:////tmp/abs.sqlite3", Path("/tmp/abs.sqlite3")),
    ],
)
def test_database_from_url_reads_sqlite(url, path):
    database = database_from_url(url, sqlite_default=Path("/tmp/default.sqlite3"))

    assert database == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": SQLITE_OPTIONS,
    }


@pytest.mark.parametrize("url", ["", "sqlite:////tmp/abs.sqlite3"])
def test_a_malformed_conn_max_age_stops_start_up_on_sqlite_too(monkeypatch, url):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "abc")

    with pytest.raises(ImproperlyConfigured) as error:
        database_from_url(url, sqlite_default=Path("/tmp/default.sqlite3"))

    assert str(error.value) == "DATABASE_CONN_MAX_AGE='abc': expected a whole number."


def test_database_from_url_reads_postgres(monkeypatch):
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)

    database = database_from_url(
        "postgres://u:p%40ss@db.example:5433/archive?sslmode=require", sqlite_default=None
    )

    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "archive",
        "USER": "u",
        "PASSWORD": "p@ss",
        "HOST": "db.example",
        "PORT": "5433",
        "OPTIONS": {
            "connect_timeout": 5,
            "options": "-c parallel_setup_cost=10000",
            "sslmode": "require",
        },
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def test_a_connect_timeout_in_the_url_wins_over_the_default():
    database = database_from_url("postgres://db/archive?connect_timeout=2", sqlite_default=None)

    assert database["OPTIONS"] == {
        "connect_timeout": 2,
        "options": "-c parallel_setup_cost=10000",
    }


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_archives_postgresql_sessions_start_parallel_workers_for_large_queries_only():
    with connection.cursor() as cursor:
        cursor.execute("SHOW parallel_setup_cost")
        assert cursor.fetchone() == ("10000",)


def test_database_from_url_postgres_takes_conn_max_age_from_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")

    database = database_from_url("postgresql://db/archive", sqlite_default=None)

    assert (database["CONN_MAX_AGE"], database["HOST"], database["PORT"], database["USER"]) == (
        0,
        "db",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "mysql://x/y",
            "DATABASE_URL='mysql://x/y': expected a postgres://… or sqlite:///… address.",
        ),
        (
            "postgres://host/",
            "DATABASE_URL='postgres://host/': expected postgres://user:password@host:port/database "
            "(the database name is missing).",
        ),
        (
            "postgres://h:notaport/db",
            "DATABASE_URL='postgres://h:notaport/db': invalid port "
            "(Port could not be cast to integer value as 'notaport').",
        ),
        ("sqlite://", "DATABASE_URL='sqlite://': expected sqlite:///path/to/file.sqlite3."),
    ],
)
def test_database_from_url_refuses_malformed_address(url, message):
    with pytest.raises(ImproperlyConfigured) as error:
        database_from_url(url, sqlite_default=Path("archive.sqlite3"))

    assert str(error.value) == message


def test_manage_py_check_stops_on_malformed_database_url():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": "mysql://x/y"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: DATABASE_URL='mysql://x/y': expected a postgres://… or sqlite:///… "
        "address." in result.stderr
    )
