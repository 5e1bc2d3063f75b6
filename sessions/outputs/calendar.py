"""Sessions as iCalendar events (RFC 5545), written by hand: a few properties need no library.

Lines end in CRLF and are folded at 75 octets; text values escape backslash, semicolon,
comma and newlines. A session without a date is no event and is left out. The time of a
session whose zone is known ("UTC", "UTC+3", an IANA name such as "Asia/Riyadh") is given
in UTC; a time whose zone is unknown is a floating local time; a date alone is a DATE.
"""

import datetime
import re
import zoneinfo

from sessions.outputs.exports import CHUNK_SIZE

PRODID = "-//IGF session archive//Sessions//EN"
# The domain part of every UID: fixed, so that a session's UID does not change with the
# host name the calendar was fetched from.
UID_DOMAIN = "igf-session-archive"
OFFSET = re.compile(r"(?:UTC|GMT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?")


def escape_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """A content line cut into lines of at most 75 octets, never inside a character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line + "\r\n"
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


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


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def times(session):
    """The DTSTART and DTEND properties of a dated session, as (name;params, value) pairs."""
    if session.start_time is None:
        end = session.date + datetime.timedelta(days=1)
        return [
            ("DTSTART;VALUE=DATE", session.date.strftime("%Y%m%d")),
            ("DTEND;VALUE=DATE", end.strftime("%Y%m%d")),
        ]
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
        if zone is None:
            return moment.strftime("%Y%m%dT%H%M%S")
        return utc_stamp(moment.replace(tzinfo=zone))

    pairs = [("DTSTART", value(start))]
    if end is not None:
        pairs.append(("DTEND", value(end)))
    return pairs


def event_lines(session, absolute):
    meeting = session.meeting
    where = ", ".join(part for part in [session.room, meeting.city, meeting.country] if part)
    url = absolute(session.get_absolute_url())
    about = " · ".join(part for part in [meeting.name, session.label] if part)
    properties = [
        ("UID", f"session-{session.pk}@{UID_DOMAIN}"),
        ("DTSTAMP", utc_stamp(session.updated_at)),
        ("LAST-MODIFIED", utc_stamp(session.updated_at)),
        *times(session),
        ("SUMMARY", escape_text(session.title)),
        ("DESCRIPTION", escape_text(f"{about}\n{url}")),
        ("URL", url),
    ]
    if where:
        properties.append(("LOCATION", escape_text(where)))
    yield fold("BEGIN:VEVENT")
    for name, value in properties:
        yield fold(f"{name}:{value}")
    yield fold("END:VEVENT")


def stream_calendar(sessions, absolute, name):
    """A VCALENDAR of the dated sessions of `sessions` (a for_export() queryset)."""
    yield fold("BEGIN:VCALENDAR")
    yield fold("VERSION:2.0")
    yield fold(f"PRODID:{PRODID}")
    yield fold("CALSCALE:GREGORIAN")
    yield fold("METHOD:PUBLISH")
    yield fold(f"X-WR-CALNAME:{escape_text(name)}")
    for session in sessions.filter(date__isnull=False).iterator(chunk_size=CHUNK_SIZE):
        yield from event_lines(session, absolute)
    yield fold("END:VCALENDAR")
