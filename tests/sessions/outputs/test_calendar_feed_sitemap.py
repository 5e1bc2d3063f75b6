"""iCalendar files, the Atom feed, the sitemap and the JSON-LD block of a session page."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from sessions.models import Session
from sessions.outputs.calendar import escape_text, fold, zone_of
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

STAMP = datetime.datetime(2025, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)


def body(response):
    assert response.streaming is True
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def meeting():
    return MeetingFactory(
        slug="igf-2024", name="IGF 2024", year=2024, city="Riyadh", country="Saudi Arabia"
    )


def dated(meeting, **fields):
    session = SessionFactory(meeting=meeting, **fields)
    Session.objects.filter(pk=session.pk).update(updated_at=STAMP)
    return session


def test_escape_text():
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_fold_cuts_at_75_octets_never_inside_a_character():
    line = "SUMMARY:" + "é" * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert parts[-1] == ""
    assert [len(part.encode()) for part in parts[:-1]] == [74, 55]
    assert "".join(part.removeprefix(" ") for part in parts[:-1]) == line
    assert fold("SHORT:x") == "SHORT:x\r\n"


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
            "DESCRIPTION:IGF 2024 · Open Forum #9\\nhttp://testserver/sessions/igf-2024/",
            " open-forum-9/",
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


def test_feed_lists_the_newest_additions(client, meeting):
    old = SessionFactory(meeting=meeting, title="Old one")
    new = SessionFactory(meeting=meeting, title="New one", description="About <b>data</b>.")
    new.sdg_goals.add(7)
    Session.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(1))
    response = client.get("/feed/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    xml = response.content.decode()
    assert xml.index(f"<title>IGF 2024 Workshop #{new.number}: New one</title>") < xml.index(
        f"<title>IGF 2024 Workshop #{old.number}: Old one</title>"
    )
    assert '<category term="SDG 7: Affordable and Clean Energy"/>' in xml
    # Atom's summary is HTML: the source's text is escaped once for HTML, once for XML.
    assert (
        '<summary type="html">&lt;p&gt;About &amp;lt;b&amp;gt;data&amp;lt;/b&amp;gt;.'
        "&lt;/p&gt;</summary>" in xml
    )
    assert response.cookies == {}


def test_sitemap_lists_every_public_page(client, meeting):
    session = SessionFactory(meeting=meeting, slug="s-1")
    Session.objects.filter(pk=session.pk).update(updated_at=STAMP)
    PersonFactory(slug="ada")
    OrganizationFactory(slug="acme")
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>http://testserver(.*?)</loc>", xml)
    assert locations == [
        "/",
        "/sessions/",
        "/meetings/",
        "/sdgs/",
        "/people/",
        "/organizations/",
        "/sessions/igf-2024/s-1/",
        "/people/ada/",
        "/organizations/acme/",
        "/meetings/igf-2024/",
        *[f"/sdgs/{number}/" for number in range(1, 18)],
    ]
    assert "<lastmod>2025-03-04</lastmod>" in xml


def test_session_page_has_one_json_ld_event_block(client, meeting):
    session = SessionFactory(
        meeting=meeting,
        title="Data </script><script>alert(1)</script> & more",
        slug="s-1",
        date=datetime.date(2024, 12, 16),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 0),
        time_zone="UTC",
        room="Room 3",
    )
    acme = OrganizationFactory(slug="acme", name="Acme")
    OrganizerFactory(session=session, organization=acme)
    ParticipationFactory(session=session, person=PersonFactory(slug="ada", name="Ada"))
    html = client.get("/sessions/igf-2024/s-1/").content.decode()
    assert re.findall(r"<script[^>]*>", html) == ['<script type="application/ld+json">']
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in data and ">" not in data and "&" not in data
    assert json.loads(data) == {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": "http://testserver/sessions/igf-2024/s-1/",
        "name": "Data </script><script>alert(1)</script> & more",
        "url": "http://testserver/sessions/igf-2024/s-1/",
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "superEvent": {
            "@type": "Event",
            "name": "IGF 2024",
            "url": "http://testserver/meetings/igf-2024/",
        },
        "startDate": "2024-12-16T09:00:00+00:00",
        "endDate": "2024-12-16T10:00:00+00:00",
        "location": {
            "@type": "Place",
            "name": "Room 3",
            "address": "Riyadh, Saudi Arabia",
        },
        "organizer": [
            {
                "@type": "Organization",
                "name": "Acme",
                "url": "http://testserver/organizations/acme/",
            }
        ],
        "performer": [{"@type": "Person", "name": "Ada", "url": "http://testserver/people/ada/"}],
    }
    assert (
        '<a href="/sessions/igf-2024/s-1/calendar.ics" type="text/calendar">'
        "Add to a calendar (iCalendar)</a>" in html
    )
