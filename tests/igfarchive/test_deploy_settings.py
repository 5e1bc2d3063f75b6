"""Production settings: `check --deploy` is clean, and a weak SECRET_KEY stops start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from igfarchive.environment import secret_key_from_env
from igfarchive.proxy import client_ip

BASE_DIR = Path(settings.BASE_DIR)
DEVELOPMENT_KEY = "development-only-secret-key-do-not-use-in-production"
STRONG_KEY = "q3V8x-N2pLr7sT0wYb4ZcK9mHf6JdA1gE5uRi2oWn8kXy3vQ7tBs0LhMzP4jFa6D"
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "archive.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://archive.example.org",
    "HTTPS": "1",
    "TRUSTED_PROXIES": "1",
}
SETTING_NAMES = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "HTTPS",
    "TRUSTED_PROXIES",
]


def manage(*args, **environment):
    base = {name: value for name, value in os.environ.items() if name not in SETTING_NAMES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**base, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert (result.returncode, result.stdout) == (
        0,
        "System check identified no issues (0 silenced).\n",
    )


@pytest.mark.parametrize(
    ("secret_key", "message"),
    [
        (
            None,
            "ImproperlyConfigured: SECRET_KEY is not set: DEBUG is off and production "
            "variables are set; expected a random string of at least 50 characters.",
        ),
        (
            "short-key",
            "ImproperlyConfigured: SECRET_KEY is 9 characters long: expected a random "
            "string of at least 50 characters.",
        ),
        (
            DEVELOPMENT_KEY,
            "ImproperlyConfigured: SECRET_KEY is the development key, but DEBUG is "
            "off and production variables are set; expected a random string of at least 50 "
            "characters.",
        ),
    ],
)
def test_weak_secret_key_stops_production_start_up(secret_key, message):
    environment = {**PRODUCTION, "SECRET_KEY": secret_key}
    if secret_key is None:
        del environment["SECRET_KEY"]

    result = manage("check", "--deploy", **environment)

    assert result.returncode != 0
    assert message in result.stderr


def test_local_run_without_variables_uses_the_development_key():
    show_key = "from django.conf import settings; print(settings.SECRET_KEY)"

    result = manage("shell", "--no-imports", "-c", show_key)

    assert (result.returncode, result.stdout) == (0, f"{DEVELOPMENT_KEY}\n")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, DEVELOPMENT_KEY),
        ({"DEBUG": "1", "ALLOWED_HOSTS": "archive.example.org"}, DEVELOPMENT_KEY),
        ({"DEBUG": "1", "SECRET_KEY": "short"}, "short"),
        ({"SECRET_KEY": STRONG_KEY, "HTTPS": "1"}, STRONG_KEY),
    ],
)
def test_secret_key_from_env_accepts(monkeypatch, environment, expected):
    monkeypatch.delenv("ARCHIVE_TEST_KEY", raising=False)
    if "SECRET_KEY" in environment:
        monkeypatch.setenv("ARCHIVE_TEST_KEY", environment["SECRET_KEY"])
    debug = environment.get("DEBUG") == "1"
    local_run = not {"ALLOWED_HOSTS", "HTTPS"} & set(environment)

    key = secret_key_from_env("ARCHIVE_TEST_KEY", DEVELOPMENT_KEY, debug, local_run)

    assert key == expected


def test_secret_key_from_env_refuses_short_key_on_a_local_run(monkeypatch):
    monkeypatch.setenv("ARCHIVE_TEST_KEY", "x" * 49)

    with pytest.raises(ImproperlyConfigured) as error:
        secret_key_from_env("ARCHIVE_TEST_KEY", DEVELOPMENT_KEY, debug=False, local_run=True)

    assert str(error.value) == (
        "ARCHIVE_TEST_KEY is 49 characters long: expected a random string of at least 50 "
        "characters."
    )


def test_secret_key_from_env_refuses_empty_key(monkeypatch):
    monkeypatch.setenv("ARCHIVE_TEST_KEY", "")

    with pytest.raises(ImproperlyConfigured) as error:
        secret_key_from_env("ARCHIVE_TEST_KEY", DEVELOPMENT_KEY, debug=True, local_run=True)

    assert str(error.value) == (
        "ARCHIVE_TEST_KEY is set but empty: expected a random string of at least 50 characters."
    )


@pytest.mark.parametrize(
    ("trusted_proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy trusted: the header may be forged
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the left entry came from the client
        (2, "198.51.100.7, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "", "10.0.0.2"),
    ],
)
def test_client_ip_believes_only_the_trusted_proxies(
    settings, trusted_proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXIES = trusted_proxies
    request = RequestFactory().get(
        "/admin/login/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for
    )

    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("forwarded_for", "expected"),
    [
        ("10.0.0.1", "10.0.0.1"),
        ("10.0.0.1:1234", "10.0.0.1"),
        ("010.000.000.001", "10.0.0.1"),
        ("::ffff:10.0.0.1", "10.0.0.1"),
        ("[::ffff:10.0.0.1]:443", "10.0.0.1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("[2001:db8::1]:80", "2001:db8::1"),
        ("unknown", "10.0.0.2"),  # no address: the connection's
        ("300.1.1.1", "10.0.0.2"),
    ],
)
def test_client_ip_has_one_spelling_per_address(settings, forwarded_for, expected):
    settings.TRUSTED_PROXIES = 1
    request = RequestFactory().get(
        "/admin/login/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for
    )

    assert client_ip(request) == expected
