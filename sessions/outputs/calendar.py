"""Sessions as iCalendar events (RFC 5545), written by the icalendar library.

icalendar escapes text (backslash, semicolon, comma; a line break of any kind, CR alone
included, becomes `\\n`, so no text can start a property of its own), folds lines before 75
octets, never inside a character, and ends them in CRLF. A session without a date is no event
and is left out. The time of a session whose zone is known ("UTC", "UTC+3", an IANA name such
as "Asia/Riyadh") is given in UTC; a time whose zone is unknown is a floating local time; a
date alone is a DATE.

The list's calendar is streamed: its header, then each event serialised on its own as the
sessions are read in chunks, then its last line. A whole icalendar.Calendar would hold every
event in memory, and serialise them all only at the end.
"""

import datetime
import re
import zoneinfo

import icalendar
from icalendar import vDDDTypes, vText, vUri

from sessions.outputs.exports import CHUNK_SIZE
from speakers.text import without_control_characters

PRODID = "-//IGF session archive//Sessions//EN"
# The domain part of every UID: fixed, so that a session's UID does not change with the
# host name the calendar was fetched from.
UID_DOMAIN = "igf-session-archive"
OFFSET = re.compile(r"(?:UTC|GMT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?")
END = b"END:VCALENDAR\r\n"


def zone_of(name):
    """The tzinfo a session's time zone names, or None when it is unknown."""
    name = name.strip()
    if name.upper() in {"UTC", "GMT", "Z"}:
        return datetime.UTC
    offset = OFFSET.fullmatch(name.upper())
    if offset:
        delta = datetime.timedelta(hours=int(offset["hours"]), minutes=int(offset["minutes"] or 0))
        if delta >= datetime.timedelta(hours=24):
            return None
        return datetime.timezone(-delta if offset["sign"] == "-" else delta)
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def times(session):
    """The start and end of a dated session: dates, UTC datetimes or floating datetimes.

    The end is None when the session has a start time but neither an end nor a duration.
    """
    if session.start_time is None:
        return session.date, session.date + datetime.timedelta(days=1)
    zone = zone_of(session.time_zone)
    start = datetime.datetime.combine(session.date, session.start_time)
    if session.end_time is not None:
        end = datetime.datetime.combine(session.date, session.end_time)
        if end <= start:  # A session that runs past midnight.
            end += datetime.timedelta(days=1)
    elif session.duration_minutes:
        end = start + datetime.timedelta(minutes=session.duration_minutes)
    else:
        end = None

    def value(moment):
        if zone is None or moment is None:
            return moment
        return moment.replace(tzinfo=zone).astimezone(datetime.UTC)

    return value(start), value(end)


def text(value):
    """A text value without control characters, which icalendar would pass on raw."""
    return vText(without_control_characters(value))


def session_event(session, absolute):
    """The VEVENT of a dated session, its properties in the order they are added."""
    meeting = session.meeting
    where = ", ".join(part for part in [session.room, meeting.city, meeting.country] if part)
    url = absolute(session.get_absolute_url())
    about = " · ".join(part for part in [meeting.name, session.label] if part)
    changed = vDDDTypes(session.updated_at.astimezone(datetime.UTC))
    start, end = times(session)
    # Each value in its icalendar type: Event.add() would find the type of each from its name
    # and Python type, a third more time per event (docs/open-data.md).
    event = icalendar.Event()
    event["UID"] = vText(f"session-{session.pk}@{UID_DOMAIN}")
    event["DTSTAMP"] = changed
    event["LAST-MODIFIED"] = changed
    event["DTSTART"] = vDDDTypes(start)
    if end is not None:
        event["DTEND"] = vDDDTypes(end)
    event["SUMMARY"] = text(session.title)
    event["DESCRIPTION"] = text(f"{about}\n{url}")
    event["URL"] = vUri(url)
    if where:
        event["LOCATION"] = text(where)
    return event


def calendar_header(name):
    """The calendar's properties, without its events and its END line."""
    calendar = icalendar.Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # icalendar knows no type for an X- property: the name is text, escaped as such.
    calendar.add("X-WR-CALNAME", text(name))
    return calendar.to_ical(sorted=False).removesuffix(END)


def stream_calendar(sessions, absolute, name):
    """A VCALENDAR of the dated sessions of `sessions` (a for_export() queryset), in bytes."""
    yield calendar_header(name)
    for session in sessions.filter(date__isnull=False).iterator(chunk_size=CHUNK_SIZE):
        yield session_event(session, absolute).to_ical(sorted=False)
    yield END
