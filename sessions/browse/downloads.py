"""Downloads of the session list and of one session: CSV, JSON and iCalendar (the JSON Lines
of whole records is the API's: sessions/api/views.py).

A download takes the list's own URL parameters (the same FilterSet), all pages, in the list's order,
and streams it, so its memory stays flat whatever the archive's size.
"""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404

from sessions.browse.filters import SessionFilter
from sessions.models import Session
from sessions.outputs.calendar import stream_calendar
from sessions.outputs.exports import (
    stream_csv,
    stream_json,
    with_description_start,
)


def exported_sessions(request, queryset=None):
    """The sessions of the list at these parameters, all pages, in the list's order."""
    queryset = Session.objects.for_export() if queryset is None else queryset
    return SessionFilter(request.GET, queryset=queryset).qs


def download(stream, content_type, file_name):
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def session_export_csv(request):
    sessions = with_description_start(exported_sessions(request))
    stream = stream_csv(sessions, request.build_absolute_uri)
    return download(stream, "text/csv; charset=utf-8", "sessions.csv")


def session_export_json(request):
    sessions = with_description_start(exported_sessions(request))
    stream = stream_json(sessions, request.build_absolute_uri)
    return download(stream, "application/json", "sessions.json")


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
