"""Downloads of the session list and of one session: CSV, JSON and iCalendar (the JSON Lines
of whole records is the API's: sessions/api/views.py); of the people and organization lists:
CSV.

A download takes the list's own URL parameters (the same FilterSet), all pages, in the list's order,
and streams it, so its memory stays flat whatever the archive's size. Its parameters are all
checked before the first byte: a value the list would leave out with a message is a 400 here, as
in the API, since a file that silently holds more than was asked for would mislead, and once a
stream has started its status can no longer say that anything went wrong.
"""

import functools

from django.db import transaction
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from sessions.browse.filters import SessionFilter
from sessions.browse.parameters import problems_of
from sessions.browse.people import listed_organizations, listed_people
from sessions.models import Session
from sessions.outputs.calendar import stream_calendar
from sessions.outputs.exports import (
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
    organization_row,
    person_row,
    stream_csv,
    stream_json,
    stream_rows_csv,
    with_description_start,
)


class BadParameters(Exception):
    def __init__(self, problems):
        """`problems`: parameter -> list of messages."""
        super().__init__(problems)
        self.problems = problems


def exported_sessions(request, queryset=None):
    """The sessions of the list at these parameters, all pages, in the list's order; raises
    BadParameters for any parameter the list could not use."""
    queryset = Session.objects.for_export() if queryset is None else queryset
    return checked(SessionFilter(request.GET, queryset=queryset))


def checked(filterset):
    """The FilterSet's rows; raises BadParameters for any parameter it could not use."""
    if problems := problems_of(filterset):
        raise BadParameters(problems)
    return filterset.qs


def refusing_bad_parameters(view):
    """A download view that answers 400, naming each bad parameter, before it streams."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameters as error:
            lines = [
                f"{name}: {message}"
                for name, messages in sorted(error.problems.items())
                for message in messages
            ]
            text = "Bad query parameter(s):\n" + "\n".join(lines) + "\n"
            return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")

    return checked


def download(stream, content_type, file_name):
    response = StreamingHttpResponse(in_one_transaction(stream), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def in_one_transaction(stream):
    """The stream, its rows read in one transaction. Outside one, Django reads iterator() on
    PostgreSQL through a cursor WITH HOLD, whose whole result the server computes before it
    gives the first row: 17.8 s for the JSON Lines of 100,000 sessions, 4.6 s inside one
    (docs/open-data.md, "At archive scale"). No savepoint: the stream only reads."""
    with transaction.atomic(savepoint=False):
        yield from stream


@refusing_bad_parameters
def session_export_csv(request):
    sessions = with_description_start(exported_sessions(request))
    stream = stream_csv(sessions, request.build_absolute_uri)
    return download(stream, "text/csv; charset=utf-8", "sessions.csv")


@refusing_bad_parameters
def session_export_json(request):
    sessions = with_description_start(exported_sessions(request))
    stream = stream_json(sessions, request.build_absolute_uri)
    return download(stream, "application/json", "sessions.json")


@refusing_bad_parameters
def person_export_csv(request):
    """The people list at these parameters (the page's FilterSet), every page."""
    people = checked(listed_people(request))
    stream = stream_rows_csv(PERSON_COLUMNS, people, person_row, request.build_absolute_uri)
    return download(stream, "text/csv; charset=utf-8", "people.csv")


@refusing_bad_parameters
def organization_export_csv(request):
    """The organization list at these parameters (the page's FilterSet), every page."""
    organizations = checked(listed_organizations(request))
    stream = stream_rows_csv(
        ORGANIZATION_COLUMNS, organizations, organization_row, request.build_absolute_uri
    )
    return download(stream, "text/csv; charset=utf-8", "organizations.csv")


@refusing_bad_parameters
def session_list_calendar(request):
    # Events need the sessions' own columns only, not their related rows.
    sessions = exported_sessions(request).prefetch_related(None)
    stream = stream_calendar(sessions, request.build_absolute_uri, "IGF session archive")
    return download(stream, "text/calendar; charset=utf-8", "sessions.ics")


def session_calendar(request, meeting, slug):
    sessions = Session.objects.for_export().prefetch_related(None)
    session = get_object_or_404(sessions, meeting__slug=meeting, slug=slug, date__isnull=False)
    stream = stream_calendar(
        sessions.filter(pk=session.pk), request.build_absolute_uri, str(session)
    )
    return download(stream, "text/calendar; charset=utf-8", f"{meeting}-{slug}.ics")
