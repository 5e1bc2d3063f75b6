"""Response headers every page gets (its Content-Security-Policy, its caching and its
validators), the archive version those validators rest on, and the answer given while the
database is unreachable.

Public pages are the same for every reader and set no cookie, so a shared cache (a proxy, a
CDN) may keep them for a few minutes, and a reader who has one is told "304 Not Modified" while
the archive has not changed; the admin's pages are a logged-in editor's and are never kept
anywhere.
"""

import functools
import hashlib
import logging
from datetime import UTC, datetime
from typing import NamedTuple

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.cache import cache
from django.db import Error, InterfaceError, OperationalError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import http_date
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PUBLIC_MAX_AGE = 300

# No inline script anywhere, and no inline style outside the admin. Django's admin templates
# may write a <style> block (a change list without actions) and its select2 widget style
# attributes, so the admin alone may use inline style. Swagger UI at /api/docs/ sets its styles
# through the DOM's style properties, which a policy does not restrict: it runs under the
# strict policy (tests/browser/test_pages.py watches for what the browser blocks).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src {style}; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
STRICT_POLICY = CONTENT_SECURITY_POLICY.format(style="'self'")
INLINE_STYLE_POLICY = CONTENT_SECURITY_POLICY.format(style="'self' 'unsafe-inline'")


def admin_prefix():
    return reverse("admin:index")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            inline_style = request.path.startswith(admin_prefix())
            response["Content-Security-Policy"] = (
                INLINE_STYLE_POLICY if inline_style else STRICT_POLICY
            )
        return response


def is_public(request, response):
    """A public answer: to GET or HEAD outside the admin, that sets no cookie and does not
    depend on one (no `Vary: Cookie`), and says nothing of its own about caching."""
    return (
        request.method in {"GET", "HEAD"}
        and not request.path.startswith(admin_prefix())
        and not response.cookies
        and "Cache-Control" not in response
        and "cookie" not in response.get("Vary", "").lower()
    )


class CacheControlMiddleware:
    """Public answers to GET may be cached for PUBLIC_MAX_AGE seconds; the admin never.

    A 200, or the 304 that ConditionalGetMiddleware answers in its place (which renews the
    copy the reader has, RFC 9111 section 4.3.4). This middleware sits above the ones that set
    cookies, so that it sees them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(admin_prefix()):
            add_never_cache_headers(response)
        elif response.status_code in {200, 304} and is_public(request, response):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response


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
# REDIS_URL is set), so that a page costs no query for it: a commit that wrote an archive record
# replaces it with a fresh reading (ArchiveVersionConfig below), and a process that does not
# share the cache reads the database again after ARCHIVE_VERSION_SECONDS at the latest.
# Not seen: a change made in the database directly, outside Django (docs/deployment.md).
ARCHIVE_VERSION_KEY = "archive-version"
ARCHIVE_VERSION_SECONDS = 60
ARCHIVE_APP_LABELS = ("archive", "speakers")
# A process that has just started may serve a new release: its pages are no older than this.
STARTED_AT = timezone.now()


class ArchiveVersion(NamedTuple):
    tag: str  # a digest of the largest ids: changes with every row written
    changed_at: datetime | None  # the newest history row or admin log entry, if any


def history_models():
    from simple_history.models import HistoricalChanges

    return [
        model
        for label in ARCHIVE_APP_LABELS
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, HistoricalChanges)
    ]


@functools.cache
def archive_version_query():
    """One SELECT of one row: the largest id of every table that makes the version, then the
    newest time of every history table and of the admin's log.

    Each value is read from an index (the primary key, history_date), so the query costs the
    same for five sessions as for 100,000: about a millisecond to run, two to plan, on
    PostgreSQL at 300,000 history rows.
    """
    from django.contrib.admin.models import LogEntry

    from sessions.backup import RECORD_MODELS

    quote = connection.ops.quote_name
    history = history_models()

    def table(model):
        return quote(model._meta.db_table)

    largest = [
        f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {table(model)})"
        for model in [*history, LogEntry, *map(apps.get_model, RECORD_MODELS)]
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
    try:
        cached = cache.get(ARCHIVE_VERSION_KEY)
    except RedisError as error:
        # The cache only saves a query: without it, every page reads the version itself.
        logger.warning("cache unavailable: %s", error)
        return read_archive_version()
    if cached is not None:
        return ArchiveVersion(*cached)
    version = read_archive_version()
    try:
        # add, not set: a fresher reading stored meanwhile by a commit wins.
        cache.add(ARCHIVE_VERSION_KEY, tuple(version), ARCHIVE_VERSION_SECONDS)
    except RedisError as error:
        logger.warning("cache unavailable: %s", error)
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


class ArchiveVersionConfig(AppConfig):
    """Connects archive_changed to every write of an archive record.

    An app, not the middleware, so that the receivers are connected in every process that
    writes records: the servers, and the commands (import_documents, import_archive, shell),
    which load the apps but not the middleware. Saves and deletes of the records, and changes
    to their many-to-many links (a session's SDGs), are signalled; history rows are written
    with their records. The importer's bulk-created rows are not signalled one by one, but
    every import that writes saves its session too (sessions/importers/loader.py, load()).
    """

    name = "igfarchive"
    verbose_name = "IGF session archive"

    def ready(self):
        history = set(history_models())
        for label in ARCHIVE_APP_LABELS:
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                if model in history:
                    continue
                if model._meta.auto_created:
                    m2m_changed.connect(archive_changed, sender=model)
                else:
                    post_save.connect(archive_changed, sender=model)
                    post_delete.connect(archive_changed, sender=model)


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


class ConditionalGetMiddleware:
    """ETag and Last-Modified on public answers, and 304 Not Modified while they still hold.

    A public page depends on the archive's records, the release that shows them and the
    request's absolute URL (scheme, host, path and query string: pages and the API write
    absolute links) and Accept header (the API schema is JSON or YAML); nothing else (no
    cookie, no login: is_public). The ETag is a digest of those, so a request carrying the
    ETag of the same URL at the same version is answered 304 before any view runs: at most the
    one query of reading the version, none while it is cached. The same for If-Modified-Since
    against the version's time; Last-Modified has one-second precision, so a reader with two
    changes in one second is told apart by the ETag, which browsers and proxies send along
    (If-None-Match then decides alone, RFC 9110 section 13.2.2). The admin is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"} or request.path.startswith(admin_prefix()):
            return self.get_response(request)
        try:
            version = archive_version()
        except Error:
            # The view meets the same database error and answers 503 (below).
            return self.get_response(request)
        except Exception:
            # Validators only spare work: a page is never refused for want of them (a cached
            # value another release cannot read, database access refused outside a view, as
            # pytest-django does while collecting tests).
            logger.exception("archive version unreadable; answering without validators")
            return self.get_response(request)
        # For the parts of pages kept in the cache per version (sessions/caching.py).
        request.archive_version = version
        etag = self.etag(request, version)
        last_modified = int(max(version.changed_at or STARTED_AT, STARTED_AT).timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None or response.status_code != 304:
            response = self.get_response(request)
            if response.status_code != 200 or not is_public(request, response):
                return response
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        return response

    @staticmethod
    def etag(request, version):
        varies_with = [
            release(),
            version.tag,
            request.build_absolute_uri(),
            request.headers.get("Accept", ""),
        ]
        return 'W/"{}"'.format(hashlib.sha256("\n".join(varies_with).encode()).hexdigest()[:32])


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with a page that says so.

    A view (or the template it renders) that cannot reach the database raises OperationalError
    (the connection is refused or lost) or InterfaceError (the connection was closed under it).
    Readers get templates/503.html with `Retry-After`, never cached, instead of a server error.
    Nothing needs restarting afterwards: with CONN_HEALTH_CHECKS Django checks a persistent
    connection before reusing it, and opens a new one when the database is back.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # django.request logs the 503 itself; this says why.
        logger.warning("database unavailable: %s", exception)
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
