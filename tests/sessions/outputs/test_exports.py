"""CSV and JSON exports of the session list: its rows, all pages, streamed in chunks."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sessions.outputs import exports
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
    TakeawayFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    meeting = MeetingFactory(slug="igf-2021", name="IGF 2021", year=2021)
    session = SessionFactory(
        meeting=meeting,
        number=125,
        title='Big Data, "Green" Data',
        slug="workshop-125",
        date=datetime.date(2021, 12, 10),
        start_time=datetime.time(10, 15),
        end_time=datetime.time(11, 45),
        time_zone="UTC",
        room="Conference Room 3",
        format="Round Table - Circle",
        duration_minutes=90,
        theme="Sustainability",
        description="Data and the climate.",
    )
    session.sdg_goals.add(13, 7)
    TakeawayFactory(session=session)
    session.sdg_targets.add("7.a")
    OrganizerFactory(session=session, organization=OrganizationFactory(name="CAST"))
    OrganizerFactory(session=session, organization=OrganizationFactory(name="ISC, China"))
    gong = PersonFactory(name="Gong Ke")
    ParticipationFactory(session=session, person=gong)
    ParticipationFactory(session=session, person=gong, role="moderator")
    ParticipationFactory(session=session, person=PersonFactory(name="Tomoko Doko"))
    return session


def content(response):
    assert response.streaming is True
    return b"".join(response.streaming_content).decode()


def test_csv_export_row(client, session):
    response = client.get("/sessions/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sessions.csv"'
    assert content(response) == (
        "id,meeting,year,type,number,title,date,start_time,end_time,time_zone,room,format,"
        "duration_minutes,theme,description_start,sdg_goals,sdg_targets,organizers,speakers,"
        "has_takeaways,has_transcript,is_machine_generated,url,api_url\r\n"
        f'{session.pk},igf-2021,2021,workshop,125,"Big Data, ""Green"" Data",2021-12-10,'
        "10:15:00,11:45:00,UTC,Conference Room 3,Round Table - Circle,90,Sustainability,"
        "Data and the climate.,7;13,7.a,"
        '"CAST;ISC, China",Gong Ke;Tomoko Doko,True,False,False,'
        "http://testserver/sessions/igf-2021/workshop-125/,"
        f"http://testserver/api/sessions/{session.pk}/\r\n"
    )


def test_json_export_row(client, session):
    response = client.get("/sessions/export.json")
    assert response["Content-Type"] == "application/json"
    assert json.loads(content(response)) == [
        {
            "id": session.pk,
            "meeting": "igf-2021",
            "year": 2021,
            "type": "workshop",
            "number": 125,
            "title": 'Big Data, "Green" Data',
            "date": "2021-12-10",
            "start_time": "10:15:00",
            "end_time": "11:45:00",
            "time_zone": "UTC",
            "room": "Conference Room 3",
            "format": "Round Table - Circle",
            "duration_minutes": 90,
            "theme": "Sustainability",
            "description_start": "Data and the climate.",
            "sdg_goals": [7, 13],
            "sdg_targets": ["7.a"],
            "organizers": ["CAST", "ISC, China"],
            "speakers": ["Gong Ke", "Tomoko Doko"],
            "has_takeaways": True,
            "has_transcript": False,
            "is_machine_generated": False,
            "url": "http://testserver/sessions/igf-2021/workshop-125/",
            "api_url": f"http://testserver/api/sessions/{session.pk}/",
        }
    ]


def test_empty_json_export_is_an_empty_array(client):
    assert json.loads(content(client.get("/sessions/export.json"))) == []


def test_exports_keep_every_page_and_the_lists_order(client):
    sessions = [SessionFactory(title=f"T{n:02d}") for n in range(30)]
    rows = json.loads(content(client.get("/sessions/export.json?sort=title")))
    assert [row["id"] for row in rows] == [session.pk for session in sessions]
    rows = json.loads(content(client.get("/sessions/export.json?sort=title&page=2")))
    assert len(rows) == 30


@pytest.mark.parametrize(
    "path",
    [
        "/sessions/export.csv",
        "/sessions/export.json",
        "/sessions/export.jsonl",
        "/sessions/calendar.ics",
    ],
)
def test_downloads_refuse_bad_values_before_streaming(client, session, path):
    # The list leaves these out with a message; a file cannot carry one, and a wider file
    # than asked for would mislead, so every download answers 400 before its first byte.
    response = client.get(path + "?sdg=7&sdg=99&year=abc&q=" + "+".join(["word"] * 1000))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Bad query parameter(s):\n"
        "q: word word word word word word word word…: a search has at most 20 words"
        " (this one has 1000).\n"
        "q: word word word word word word word word…: Ensure this value has at most 200"
        " characters (it has 4999).\n"
        "sdg: 99: no such SDG goal or target\n"
        "year: abc: not a year\n"
    )


def test_downloads_keep_the_good_values(client, session):
    SessionFactory()
    rows = json.loads(content(client.get("/sessions/export.json?sdg=7")))
    assert [row["id"] for row in rows] == [session.pk]


def test_export_reads_in_chunks(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    for _ in range(5):
        ParticipationFactory(session=OrganizerFactory().session)
    response = client.get("/sessions/export.csv")
    with CaptureQueriesContext(connection) as queries:
        assert len(content(response).splitlines()) == 6
    # 1. the sessions with their meetings, read chunk by chunk; then for each of the 3
    # chunks: SDG goals, SDG targets, organizers, participations
    assert len(queries) == 1 + 3 * 4


def test_list_page_links_to_the_exports_with_its_filters(client, session):
    html = client.get("/sessions/?sdg=7&sdg=99").content.decode()
    assert '<a href="/sessions/export.csv?sdg=7" type="text/csv">CSV</a>' in html
    assert '<a href="/sessions/export.json?sdg=7" type="application/json">JSON</a>' in html
    assert '<a href="/sessions/calendar.ics?sdg=7" type="text/calendar">' in html
    assert (
        '<a href="/sessions/export.jsonl?sdg=7" type="application/jsonl">'
        "JSON Lines (whole records)</a>"
    ) in html
    assert '<a href="/api/sessions/?sdg=7">API</a> (<a href="/api/docs/">documentation</a>)' in html


def test_the_list_links_to_an_api_query_the_api_accepts(client, session):
    html = client.get("/sessions/?sdg=7&sort=oldest&year=2021&page=1").content.decode()
    api_url = html.split('">API</a>')[0].rsplit('<a href="', 1)[1].replace("&amp;", "&")
    response = client.get(api_url)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [session.pk]


def test_every_page_links_to_the_api_and_its_documentation(client):
    html = client.get("/meetings/").content.decode()
    assert (
        '<p>Open data: <a href="/api/">the API</a> (<a href="/api/docs/">documentation</a>, '
        '<a href="/api/schema/">OpenAPI schema</a>), <a href="/feed/" '
        'type="application/atom+xml">the feed of sessions most recently added</a> (Atom) and '
        'the downloads under the <a href="/sessions/">session list</a>: CSV, JSON, JSON Lines '
        '(each session\'s whole record) and iCalendar. <a href="/data/">The whole archive as '
        "a dataset</a> (Data Package, SQLite).</p>"
    ) in html
