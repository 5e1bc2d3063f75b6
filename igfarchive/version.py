"""The archive version: what tells whether a public page a reader already has is still current.

Read by the conditional-GET middleware (igfarchive/middleware.py) for the ETag and
Last-Modified of every public answer, and left on the request for the parts of pages kept in the
cache per version (sessions/browse/caching.py). Refreshed after every commit that wrote an archive
record (igfarchive/apps.py).
"""

import functools
import hashlib
from datetime import UTC, datetime
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from igfarchive.cache import through_cache

# The archive version: public pages change only when an archive record does (or the code that
# shows them, below), so one value tells whether a page a reader already has is still current.
#
# A decision: the version is read off the database, not counted by the writers. One query, of
# index look-ups only whatever the archive's size, reads the largest id of every history table
# (an editor's change in the admin, an import, a merge or a split, a revert: each writes
# history rows, bulk ones included), of every table a restore writes (a restore writes no
# history) and of the admin's log (SDG goals and targets keep no history, the log records an
# editor's change to them), and the newest time among those history rows and log entries, for
# Last-Modified. Ids, not times, tell versions apart: every row written raises one, whatever
# the servers' clocks say. Every process reading one database therefore computes the same
# version, however many servers write and whether or not they share a cache; a one-row table
# bumped by every writer (a migration, and a write to one hot row in every transaction) is not
# needed. The cache keeps the reading (shared by every server through Redis when
# REDIS_URL is set), so that a page costs no query for it: a commit that wrote an archive
# record replaces it with a fresh reading (ArchiveVersionConfig, igfarchive/apps.py), and a
# process that does not share the cache reads the database again after ARCHIVE_VERSION_SECONDS
# at the latest.
# Not seen: a change made in the database directly, outside Django (docs/deployment.md).
ARCHIVE_VERSION_KEY = "archive-version"
ARCHIVE_VERSION_SECONDS = 60
ARCHIVE_APP_LABELS = ("archive", "speakers")
# A process that has just started may serve a new release: its pages are no older than this.
STARTED_AT = timezone.now()


class ArchiveVersion(NamedTuple):
    tag: str  # a digest of the largest ids: changes with every row written
    changed_at: datetime | None  # the newest history row or admin log entry, if any


class VersionModels(NamedTuple):
    """Which models move the archive version, and how."""

    saved: tuple  # records and reference rows: a save or delete refreshes the version
    linked: tuple  # many-to-many link tables (a session's SDGs): a change refreshes it
    history: tuple  # history tables: their largest id and newest time make the version
    restored: tuple  # the tables a restore writes, without history: their largest id


@functools.cache
def version_models():
    """Every model of the archive's apps, sorted by how it moves the archive version.

    The one owner of that question: ArchiveVersionConfig (igfarchive/apps.py) connects the
    refresh to the writes of `saved` and `linked`, and the version's query reads `history` and
    `restored`, so that what refreshes the version and what the version is read from cannot
    drift apart. Writes are signalled for every model of ARCHIVE_APP_LABELS, a new one included,
    and a refresh only rereads. The restored tables are the backup's own list (sessions.backup):
    a restore is the one writer that writes no history, and it writes exactly those.
    """
    from simple_history.models import HistoricalChanges

    from sessions.backup import RECORD_MODELS

    saved, linked, history = [], [], []
    for label in ARCHIVE_APP_LABELS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if issubclass(model, HistoricalChanges):
                history.append(model)
            elif model._meta.auto_created:
                linked.append(model)
            else:
                saved.append(model)
    restored = [apps.get_model(label) for label in RECORD_MODELS]
    return VersionModels(tuple(saved), tuple(linked), tuple(history), tuple(restored))


@functools.cache
def archive_version_query():
    """One SELECT of one row: the largest id of every table that makes the version, then the
    newest time of every history table and of the admin's log.

    Each value is read from an index (the primary key, history_date), so the query costs the
    same for five sessions as for 100,000: about a millisecond to run, two to plan, on
    PostgreSQL at 300,000 history rows.
    """
    from django.contrib.admin.models import LogEntry

    quote = connection.ops.quote_name
    models = version_models()
    history = models.history

    def table(model):
        return quote(model._meta.db_table)

    largest = [
        f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {table(model)})"
        for model in [*history, LogEntry, *models.restored]
    ]
    newest = [f"(SELECT MAX({quote('history_date')}) FROM {table(model)})" for model in history]
    newest.append(
        f"(SELECT action_time FROM {table(LogEntry)} ORDER BY {quote('id')} DESC LIMIT 1)"
    )
    return "SELECT " + ", ".join(largest + newest), len(largest)


def read_archive_version():
    """The ArchiveVersion, read off the database (one query)."""
    sql, largest_count = archive_version_query()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    largest, newest = row[:largest_count], row[largest_count:]
    return ArchiveVersion(
        tag=hashlib.sha256(repr(largest).encode()).hexdigest()[:20],
        changed_at=max((as_utc(time) for time in newest if time is not None), default=None),
    )


def as_utc(value):
    # SQLite gives an aggregate's datetime as its stored text, a column's as a naive datetime;
    # both in UTC.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def archive_version():
    """The current ArchiveVersion: from the cache, else read off the database and cached.

    The cache holds a plain tuple, which any release reads back (a rolling deployment runs two
    releases on one Redis).
    """
    # The cache only saves a query: without it, every page reads the version itself.
    cached = through_cache(lambda: cache.get(ARCHIVE_VERSION_KEY), otherwise=lambda: None)
    if cached is not None:
        return ArchiveVersion(*cached)
    version = read_archive_version()
    # add, not set: a fresher reading stored meanwhile by a commit wins.
    through_cache(
        lambda: cache.add(ARCHIVE_VERSION_KEY, tuple(version), ARCHIVE_VERSION_SECONDS),
        otherwise=lambda: None,
    )
    return version


def refresh_archive_version():
    """Cache a fresh reading of the version: run after a commit that wrote archive records."""
    cache.set(ARCHIVE_VERSION_KEY, tuple(read_archive_version()), ARCHIVE_VERSION_SECONDS)


def archive_changed(sender, using, **kwargs):
    """An archive record was written: refresh the version when the transaction commits.

    Once per transaction, however many rows it writes (an import writes hundreds); at once
    outside a transaction. A rolled-back transaction drops the refresh with its writes.
    """
    if kwargs.get("action", "").startswith("pre_"):
        return  # m2m_changed: the "post_" signal follows
    pending = transaction.get_connection(using).run_on_commit
    if any(getattr(callback, "refresh_pending", False) for _ids, callback, _robust in pending):
        return

    def refresh():
        # Done: a later write (in tests, whose transaction never ends) registers its own.
        refresh.refresh_pending = False
        refresh_archive_version()

    refresh.refresh_pending = True
    # robust: the commit happened; a cache that cannot be reached must not undo the answer.
    transaction.on_commit(refresh, using=using, robust=True)


# What a public page is made from besides the archive's records.
RELEASE_SOURCES = ["igfarchive", "sessions", "speakers", "templates", "static", "uv.lock"]


@functools.cache
def release():
    """A digest of this process's code, templates, static files and locked dependencies.

    A deployment that may change how pages look changes every ETag, although no record changed;
    servers running the same release agree.
    """
    digest = hashlib.sha256()
    for source in RELEASE_SOURCES:
        root = settings.BASE_DIR / source
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(settings.BASE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
