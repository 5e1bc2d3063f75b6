"""The JSON-LD block of a session page: a schema.org Event."""

import datetime
import json
import re

import pytest

from tests.factories import (
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


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
