"""Small validating readers for settings that come from the environment.

A malformed value stops start-up with a message that names the variable and
what it expects, instead of failing later in some unrelated place.
"""

import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off.")


def env_int(name, default, minimum=None):
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a number of at least {minimum}.")
    return value


def env_list(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(
            f"{name}={raw!r}: expected a comma-separated list with no empty items."
        )
    return items


def env_addresses(name):
    """A comma-separated list of e-mail addresses, each `a@example.org` or
    `Name <a@example.org>`, as (name, address) pairs."""
    pairs = []
    for item in env_list(name, []):
        pair = parseaddr(item)
        local, at, domain = pair[1].partition("@")
        if not (local and at and domain) or any(c.isspace() for c in pair[1]):
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an e-mail address"
                " (a@example.org or Name <a@example.org>)."
            )
        pairs.append(pair)
    return pairs


SECRET_KEY_MIN_LENGTH = 50


def secret_key_from_env(name, development_key, debug, local_run):
    """The secret key, refused when it is weak and DEBUG is off.

    Unset, it is `development_key`, but only on a local run or with DEBUG on; set, with DEBUG
    off, it must be at least SECRET_KEY_MIN_LENGTH characters and, outside a local run, not
    `development_key`.
    """
    expected = f"expected a random string of at least {SECRET_KEY_MIN_LENGTH} characters"
    raw = os.environ.get(name)
    if raw is None:
        if debug or local_run:
            return development_key
        raise ImproperlyConfigured(
            f"{name} is not set: DEBUG is off and production variables are set; {expected}."
        )
    if not raw:
        raise ImproperlyConfigured(f"{name} is set but empty: {expected}.")
    if debug:
        return raw
    if raw == development_key and not local_run:
        raise ImproperlyConfigured(
            f"{name} is the development key, but DEBUG is off and production variables are "
            f"set; {expected}."
        )
    if len(raw) < SECRET_KEY_MIN_LENGTH and raw != development_key:
        raise ImproperlyConfigured(f"{name} is {len(raw)} characters long: {expected}.")
    return raw


SQLITE_ENGINE = "django.db.backends.sqlite3"
POSTGRES_ENGINE = "django.db.backends.postgresql"


CONNECT_TIMEOUT = 5

# A parallel plan starts worker processes, some milliseconds that PostgreSQL's default puts at
# 1,000 cost units: it then chose parallel plans for a person page's queries (7 ms, 2 ms of it
# starting a worker) where one process does better. Ten times that keeps parallel plans for the
# large counts only (a busiest person's page 45 to 39 ms at 100,000 sessions, first fetches
# unchanged; docs/performance.md). A URL's own `options` replace it.
SERVER_OPTIONS = "-c parallel_setup_cost=10000"


def database_from_url(url, sqlite_default):
    """Turn DATABASE_URL into a DATABASES entry, read by dj-database-url.

    Absent: the embedded SQLite file `sqlite_default`. `sqlite:///path`: that file.
    `postgres://user:password@host:port/name?sslmode=...`: PostgreSQL through psycopg 3.
    Anything else stops start-up, with a message that says what was expected.
    DATABASE_CONN_MAX_AGE is checked on either database, though only PostgreSQL uses it, so
    that a malformed value is never accepted silently.
    """
    conn_max_age = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    if not url:
        return sqlite_database(sqlite_default)
    try:
        parsed = dj_database_url.parse(url)
    except dj_database_url.UnknownSchemeError:
        parsed = {"ENGINE": None}
    except ValueError:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r}: {url_problem(url)}.") from None
    if parsed["ENGINE"] == SQLITE_ENGINE:
        # dj-database-url reads an address without a path as an in-memory database, which
        # would lose the archive at every restart.
        if parsed["NAME"] in {"", ":memory:"}:
            raise ImproperlyConfigured(
                f"DATABASE_URL={url!r}: expected sqlite:///path/to/file.sqlite3."
            )
        return sqlite_database(Path(parsed["NAME"]))
    if parsed["ENGINE"] == POSTGRES_ENGINE:
        if not parsed["NAME"]:
            raise ImproperlyConfigured(
                f"DATABASE_URL={url!r}: expected postgres://user:password@host:port/database "
                "(the database name is missing)."
            )
        return {
            "ENGINE": POSTGRES_ENGINE,
            "NAME": parsed["NAME"],
            "USER": parsed["USER"],
            "PASSWORD": parsed["PASSWORD"],
            "HOST": parsed["HOST"],
            "PORT": str(parsed["PORT"]),
            # A database that does not answer is given up on after CONNECT_TIMEOUT seconds (the
            # page then says the archive is unavailable), unless the URL sets its own.
            "OPTIONS": {
                "connect_timeout": CONNECT_TIMEOUT,
                "options": SERVER_OPTIONS,
                **parsed.get("OPTIONS", {}),
            },
            # Persistent connections: a gunicorn worker reuses its connection for
            # many requests; health checks drop one the server has closed.
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL={url!r}: expected a postgres://… or sqlite:///… address."
    )


def url_problem(url):
    """What is wrong with an address dj-database-url refused: its own message says only that
    some part is not quoted, where a bad port is the usual mistake."""
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return f"not a valid address ({error})"
    try:
        parts.port  # noqa: B018 (urlsplit checks the port only when it is read)
    except ValueError as error:
        return f"invalid port ({error})"
    return "not a valid address (quote its user name, password and path)"


def sqlite_database(path):
    return {
        "ENGINE": SQLITE_ENGINE,
        "NAME": path,
        "OPTIONS": {
            # WAL lets readers go on while the importer writes; the busy timeout
            # makes a writer wait for another instead of failing at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


# Each process keeps at most MAX_ENTRIES values (whole pages among them: igfarchive/page_cache.py,
# at most 500 KB each), so that its memory stays bounded.
LOCAL_MEMORY_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 100},
}


def cache_from_url(url):
    """Turn REDIS_URL into the CACHES["default"] entry.

    Absent: each process's own memory. `redis://[:password@]host[:port][/db]` (or `rediss://`
    for TLS): Django's Redis cache at that address, shared by every process and server that
    names it. The archive keeps the archive version (igfarchive/version.py) and parts of
    pages (sessions/browse/caching.py) there, all of it recomputable, so an unreachable Redis
    is given up on quickly: 50 ms to connect or answer (a Redis beside the servers answers in
    well under a millisecond), no retry, and then it rests (igfarchive/cache.py).
    """
    if not url:
        return dict(LOCAL_MEMORY_CACHE)
    parts = urlsplit(url)
    # The address without its password, for messages.
    shown = url.replace(f":{parts.password}@", ":***@") if parts.password else url
    expected = "expected redis://[:password@]host[:port][/database number] or rediss://…"
    if parts.scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(f"REDIS_URL={shown!r}: {expected}.")
    if not parts.hostname:
        raise ImproperlyConfigured(f"REDIS_URL={shown!r}: the host name is missing; {expected}.")
    try:
        parts.port  # noqa: B018 (urlsplit checks the port only when it is read)
    except ValueError as error:
        raise ImproperlyConfigured(f"REDIS_URL={shown!r}: invalid port ({error}).") from None
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise ImproperlyConfigured(
            f"REDIS_URL={shown!r}: the database {database!r} is not a number; {expected}."
        )
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        # Several sites may share one Redis: the archive's keys start with this.
        "KEY_PREFIX": "igfarchive",
        "OPTIONS": {
            "socket_connect_timeout": 0.05,
            "socket_timeout": 0.05,
            "retry": Retry(NoBackoff(), 0),
        },
    }
