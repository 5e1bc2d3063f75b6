"""A deadline for the database work of one public request.

No public request may keep the database busy for more than PUBLIC_QUERY_SECONDS, whatever it
asks: past its deadline a query is interrupted (on SQLite by a progress handler, on PostgreSQL
by cancelling the statement from a timer) and the request is answered 503 with a page that
says why. The deadline costs no query. The admin, the commands and the import are not public
requests and have none. A streamed download's queries run after the view has returned, each a
bounded chunk (sessions/outputs/exports.py), outside the deadline.
"""

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
    if wrapper.connection is not None:
        wrapper.connection.cancel()


@contextmanager
def query_deadline(seconds):
    """Every query inside the block stops at `seconds` from now (QueryOverDeadline)."""
    deadline = time.monotonic() + seconds
    timer = None
    if connection.vendor == "sqlite":
        run = _sqlite_execute
    else:
        run = _postgresql_execute
        # One timer for the whole block (a thread per query cost more than some queries): at
        # the deadline it cancels the statement running then on this thread's connection, and
        # `within_deadline` refuses any statement after it.
        timer = threading.Timer(seconds, _cancel, [connections[DEFAULT_DB_ALIAS]])
        timer.daemon = True
        timer.start()

    def within_deadline(execute, sql, params, many, context):
        if time.monotonic() >= deadline:
            raise QueryOverDeadline
        return run(deadline, execute, sql, params, many, context)

    try:
        with connection.execute_wrapper(within_deadline):
            yield
    finally:
        if timer is not None:
            timer.cancel()


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
