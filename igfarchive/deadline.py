"""A deadline for the database work of one public request.

No public request may keep the database busy for more than PUBLIC_QUERY_SECONDS, whatever it
asks: past its deadline a query is interrupted (on SQLite by a progress handler, on PostgreSQL
by cancelling the statement from a thread that watches every request's deadline) and the
request is answered 503 with a page that says why. The deadline costs no query. The admin,
the commands and the import are not public requests and have none. A streamed download's
queries run after the view has returned, each a bounded chunk (sessions/outputs/exports.py),
outside the deadline.
"""

import math
import os
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

# SQLite calls the progress handler every this many virtual-machine instructions (well under a
# millisecond of work), so an interrupted query stops within a millisecond of its deadline.
SQLITE_CHECK_EVERY = 10_000


class QueryOverDeadline(Exception):
    """The request's database work went past its deadline."""


def _sqlite_execute(deadline, execute, sql, params, many, context):
    raw = context["connection"].connection
    raw.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_CHECK_EVERY)
    try:
        return execute(sql, params, many, context)
    except OperationalError as error:
        if "interrupted" in str(error):
            raise QueryOverDeadline from error
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _postgresql_execute(deadline, execute, sql, params, many, context):
    from psycopg.errors import QueryCanceled

    try:
        return execute(sql, params, many, context)
    except OperationalError as error:
        if isinstance(error.__cause__, QueryCanceled):
            raise QueryOverDeadline from error
        raise


def _cancel(wrapper):
    if wrapper.connection is None:
        return
    try:
        wrapper.connection.cancel()
    except Exception:
        # Closed meanwhile, so nothing runs on it; the watcher must outlive any one request.
        return


class DeadlineWatcher:
    """Cancels the statement running on a request's connection at the request's deadline:
    one thread for every request of the process.

    A timer thread started for each request made the request wait until the thread had
    started, which on a busy machine was 1-2 ms of a page's p95 (docs/performance.md). The
    watcher sleeps until the earliest deadline it holds and is woken only by a deadline
    earlier than that (the first request after an idle spell): a request costs it a lock and
    two dictionary operations.
    """

    def __init__(self):
        self._reset()
        # A forked process (a gunicorn worker) has none of its parent's threads: it starts its
        # own watcher on its first request, with a lock nobody holds.
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self):
        self._condition = threading.Condition()
        self._deadlines = {}
        self._wake_at = math.inf
        self._thread = None

    def watch(self, deadline, wrapper):
        """Cancel `wrapper`'s running statement at `deadline` (time.monotonic()) unless
        `unwatch` is given the returned key first."""
        key = object()
        with self._condition:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="query-deadline", daemon=True
                )
                self._thread.start()
            self._deadlines[key] = (deadline, wrapper)
            if deadline < self._wake_at:
                self._condition.notify()
        return key

    def unwatch(self, key):
        with self._condition:
            self._deadlines.pop(key, None)

    def _run(self):
        with self._condition:
            while True:
                now = time.monotonic()
                for key, (deadline, wrapper) in list(self._deadlines.items()):
                    if deadline <= now:
                        # Under the lock: the request's `unwatch` waits for the cancel, so it
                        # cannot reach a statement of the connection's next request.
                        del self._deadlines[key]
                        _cancel(wrapper)
                self._wake_at = min(
                    (deadline for deadline, _wrapper in self._deadlines.values()),
                    default=math.inf,
                )
                timeout = None if self._wake_at == math.inf else self._wake_at - now
                self._condition.wait(timeout)


WATCHER = DeadlineWatcher()


@contextmanager
def query_deadline(seconds):
    """Every query inside the block stops at `seconds` from now (QueryOverDeadline)."""
    deadline = time.monotonic() + seconds
    watched = None
    if connection.vendor == "sqlite":
        run = _sqlite_execute
    else:
        run = _postgresql_execute
        # At the deadline the watcher cancels the statement running then on this thread's
        # connection, and `within_deadline` refuses any statement after it.
        watched = WATCHER.watch(deadline, connections[DEFAULT_DB_ALIAS])

    def within_deadline(execute, sql, params, many, context):
        if time.monotonic() >= deadline:
            raise QueryOverDeadline
        return run(deadline, execute, sql, params, many, context)

    try:
        with connection.execute_wrapper(within_deadline):
            yield
    finally:
        if watched is not None:
            WATCHER.unwatch(watched)


class QueryDeadlineMiddleware:
    """Public requests' queries within PUBLIC_QUERY_SECONDS; past it, a 503 that says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")):
            return self.get_response(request)
        with query_deadline(settings.PUBLIC_QUERY_SECONDS):
            return self.get_response(request)

    def process_exception(self, request, exception):
        return over_deadline(request) if isinstance(exception, QueryOverDeadline) else None


def over_deadline(request):
    seconds = settings.PUBLIC_QUERY_SECONDS
    if request.path.startswith("/api/"):
        detail = f"This request needed more than the {seconds:g} s the archive gives one request."
        response = JsonResponse({"detail": detail}, status=503)
    else:
        page = render_to_string("over_deadline.html", {"seconds": seconds}, request=request)
        response = HttpResponse(page, status=503)
    response["Cache-Control"] = "no-store"
    return response
