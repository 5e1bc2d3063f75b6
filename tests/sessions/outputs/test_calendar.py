"""iCalendar files: the list's calendar and one session's, written by icalendar."""

import datetime
import re

import pytest

from sessions.models import Session
from sessions.outputs.calendar import session_event, zone_of
from tests.factories import SessionFactory
from tests.sessions.outputs.conftest import STAMP

pytestmark = pytest.mark.django_db


def body(response):
    assert response.streaming is True
    return b"".join(response.streaming_content).decode()


def dated(meeting, **fields):
    session = SessionFactory(meeting=meeting, **fields)
    Session.objects.filter(pk=session.pk).update(updated_at=STAMP)
    return session


def event_lines(session):
    """The content lines of a session's event, as icalendar writes them (folds kept)."""
    event = session_event(session, lambda path: f"http://testserver{path}")
    return event.to_ical(sorted=False).decode().split("\r\n")


def test_text_is_escaped(meeting):
    session = dated(meeting, title="a,b;c\\d\ne\r\nf", date=datetime.date(2024, 12, 16))

    summary = [line for line in event_lines(session) if line.startswith("SUMMARY:")]

    assert summary == ["SUMMARY:a\\,b\\;c\\\\d\\ne\\nf"]


def test_control_characters_cannot_start_a_line(meeting):
    # A carriage return alone is a line break too: no text can end its line and start a
    # property of its own.
    session = dated(meeting, title="a\rURL:x\r\nb\nc", date=datetime.date(2024, 12, 16))

    summary = [line for line in event_lines(session) if line.startswith("SUMMARY:")]

    assert summary == ["SUMMARY:a\\nURL:x\\nb\\nc"]


def test_backslash_n_is_read_as_a_line_break(meeting):
    # A difference from the calendar written by hand before icalendar, which wrote `C:\\New`:
    # icalendar reads `\N` in a text as the line break RFC 5545 spells so (section 3.3.11),
    # and writes it `\n`. Titles do not hold `\N`; the test says what would happen.
    session = dated(meeting, title="C:\\New", date=datetime.date(2024, 12, 16))

    summary = [line for line in event_lines(session) if line.startswith("SUMMARY:")]

    assert summary == ["SUMMARY:C:\\new"]


def test_fold_cuts_at_75_octets_never_inside_a_character(meeting):
    session = dated(meeting, title="é" * 60, date=datetime.date(2024, 12, 16))

    lines = event_lines(session)
    start = next(n for n, line in enumerate(lines) if line.startswith("SUMMARY:"))
    parts = lines[start : start + 2]

    assert [len(part.encode()) for part in parts] == [74, 55]
    assert "".join(part.removeprefix(" ") for part in parts) == "SUMMARY:" + "é" * 60
    assert lines[start + 2].startswith("DESCRIPTION:")


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("UTC", datetime.timedelta(0)),
        ("UTC+3", datetime.timedelta(hours=3)),
        ("GMT-5:30", datetime.timedelta(hours=-5, minutes=-30)),
        ("Asia/Riyadh", datetime.timedelta(hours=3)),
        ("", None),
        ("local time", None),
    ],
)
def test_zone_of(name, offset):
    zone = zone_of(name)
    moment = datetime.datetime(2024, 12, 16, 9, 0)
    assert (zone.utcoffset(moment) if zone else None) == offset


def test_session_calendar(client, meeting):
    session = dated(
        meeting,
        session_type="open_forum",
        number=9,
        title="Data; and, more",
        slug="open-forum-9",
        date=datetime.date(2024, 12, 16),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 30),
        time_zone="Asia/Riyadh",
        room="Room 3",
    )
    response = client.get("/sessions/igf-2024/open-forum-9/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body(response) == "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//IGF session archive//Sessions//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:IGF 2024 Open Forum #9: Data\\; and\\, more",
            "BEGIN:VEVENT",
            f"UID:session-{session.pk}@igf-session-archive",
            "DTSTAMP:20250304T050607Z",
            "LAST-MODIFIED:20250304T050607Z",
            "DTSTART:20241216T060000Z",
            "DTEND:20241216T073000Z",
            "SUMMARY:Data\\; and\\, more",
            # icalendar folds a line before it reaches 75 octets: this one at 74 (the
            # calendar written by hand before it folded at 75, a slash later).
            "DESCRIPTION:IGF 2024 · Open Forum #9\\nhttp://testserver/sessions/igf-2024",
            " /open-forum-9/",
            "URL:http://testserver/sessions/igf-2024/open-forum-9/",
            "LOCATION:Room 3\\, Riyadh\\, Saudi Arabia",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


def test_date_only_and_floating_times(client, meeting):
    dated(meeting, slug="a", date=datetime.date(2024, 12, 17))
    dated(meeting, slug="b", date=datetime.date(2024, 12, 16), start_time=datetime.time(9))
    dated(meeting, slug="c")  # no date: no event
    text = body(client.get("/sessions/calendar.ics?sort=oldest"))
    assert re.findall(r"^DT(?:START|END).*$", text, re.M) == [
        "DTSTART:20241216T090000\r",
        "DTSTART;VALUE=DATE:20241217\r",
        "DTEND;VALUE=DATE:20241218\r",
    ]
    assert text.count("BEGIN:VEVENT") == 2


def test_undated_session_has_no_calendar(client, meeting):
    SessionFactory(meeting=meeting, slug="undated")
    assert client.get("/sessions/igf-2024/undated/calendar.ics").status_code == 404


def test_calendar_list_keeps_the_filters(client, meeting):
    on_7 = dated(meeting, slug="a", date=datetime.date(2024, 12, 17))
    on_7.sdg_goals.add(7)
    dated(meeting, slug="b", date=datetime.date(2024, 12, 17))
    text = body(client.get("/sessions/calendar.ics?sdg=7"))
    assert re.findall(r"^UID:.*$", text, re.M) == [f"UID:session-{on_7.pk}@igf-session-archive\r"]
