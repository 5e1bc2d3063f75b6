"""The JSON API: its representations, its links, its 400s and 404s, and no cookies."""

import datetime

import pytest

from sessions.api.views import TRANSCRIPT_PAGE_SIZE
from sessions.models import Participation, Session, Takeaway
from tests.factories import (
    ArgumentFactory,
    CuratedFactFactory,
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    PolicyQuestionFactory,
    SessionFactory,
    SourceDocumentFactory,
    TakeawayFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def session():
    meeting = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    session = SessionFactory(
        meeting=meeting,
        session_type="open_forum",
        number=9,
        title="Green data",
        slug="open-forum-9",
        date=datetime.date(2024, 12, 19),
        start_time=datetime.time(10, 15),
        time_zone="UTC",
        room="Room 3",
        format="Roundtable",
    )
    session.sdg_goals.add(7)
    session.sdg_targets.add("7.a")
    acme = OrganizationFactory(slug="acme", name="Acme")
    OrganizerFactory(session=session, organization=acme, published_name="ACME")
    ada = PersonFactory(slug="ada", name="Ada Lovelace")
    ParticipationFactory(
        session=session,
        person=ada,
        role=Participation.Role.MODERATOR,
        published_name="Prof. Ada Lovelace",
        organization=acme,
        stakeholder_group="civil_society",
    )
    return session


def test_session_list_item_has_ids_and_links(client, session):
    response = client.get("/api/sessions/")
    assert response.status_code == 200
    acme, ada, meeting = (
        session.organizers.get().organization,
        session.participations.get().person,
        session.meeting,
    )
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": session.pk,
                "url": f"{BASE}/api/sessions/{session.pk}/",
                "html_url": f"{BASE}/sessions/igf-2024/open-forum-9/",
                "meeting": {
                    "id": meeting.pk,
                    "url": f"{BASE}/api/meetings/{meeting.pk}/",
                    "html_url": f"{BASE}/meetings/igf-2024/",
                    "slug": "igf-2024",
                    "name": "IGF 2024",
                    "year": 2024,
                },
                "type": "open_forum",
                "number": 9,
                "label": "Open Forum #9",
                "title": "Green data",
                "date": "2024-12-19",
                "start_time": "10:15:00",
                "end_time": None,
                "time_zone": "UTC",
                "room": "Room 3",
                "format": "Roundtable",
                "sdg_goals": [7],
                "sdg_targets": ["7.a"],
                "organizers": [
                    {
                        "organization": {
                            "id": acme.pk,
                            "url": f"{BASE}/api/organizations/{acme.pk}/",
                            "html_url": f"{BASE}/organizations/acme/",
                            "slug": "acme",
                            "name": "Acme",
                        },
                        "role": "organizer",
                        "published_name": "ACME",
                    }
                ],
                "participants": [
                    {
                        "person": {
                            "id": ada.pk,
                            "url": f"{BASE}/api/people/{ada.pk}/",
                            "html_url": f"{BASE}/people/ada/",
                            "slug": "ada",
                            "name": "Ada Lovelace",
                        },
                        "role": "moderator",
                        "published_name": "Prof. Ada Lovelace",
                        "affiliation": "",
                        "organization": {
                            "id": acme.pk,
                            "url": f"{BASE}/api/organizations/{acme.pk}/",
                            "html_url": f"{BASE}/organizations/acme/",
                            "slug": "acme",
                            "name": "Acme",
                        },
                        "stakeholder_group": "civil_society",
                        "regional_group": "",
                        "role_text": "",
                        "is_tbd": False,
                        "is_remote": False,
                        "inferred_by": "",
                        "speech_seconds": None,
                        "words": None,
                        "words_per_minute": None,
                    }
                ],
                "created_at": session.created_at.isoformat().replace("+00:00", "Z"),
                "updated_at": session.updated_at.isoformat().replace("+00:00", "Z"),
            }
        ],
    }


def test_session_detail_is_the_whole_record(client, session):
    ada = session.participations.get().person
    Participation.objects.filter(person=ada).update(
        affiliation="Analytical Engines Ltd",
        regional_group="weog",
        role_text="Chair",
        is_tbd=True,
        is_remote=True,
        inferred_by="role_from_layout",
        speech_seconds=754,
        words=1800,
        words_per_minute=143,
    )
    grace = PersonFactory(slug="grace", name="Grace Hopper")
    alan = PersonFactory(slug="alan", name="Alan Turing")
    document = SourceDocumentFactory(file_name="igf-2024-of-9.html", sha256="ab" * 32)
    Session.objects.filter(pk=session.pk).update(
        source_document=document,
        description="What the forum is about.",
        agenda="Opening, panel, questions.",
        sdg_rationale="Energy for data centres.",
        report="First paragraph.\n\nSecond paragraph.",
        summary="In short.",
        overall_tone="Hopeful.",
        is_machine_generated=True,
        unplaced_text="A stray line.",
        sub_themes=["Energy", "Data"],
        source_page_count=13,
        inferred={"date": "date_from_report"},
    )
    PolicyQuestionFactory(session=session, text="Who pays for green data?")
    TakeawayFactory(session=session, text="Measure first.", speaker="Ada Lovelace", is_cut_off=True)
    TakeawayFactory(
        session=session,
        kind=Takeaway.Kind.CALL_TO_ACTION,
        text="Publish the figures.",
        details={"Reason": "Trust"},
    )
    argument = ArgumentFactory(
        session=session,
        person=ada,
        claim="Data centres can run on renewables.",
        topics=["energy"],
        agreed_on="the goal",
    )
    argument.agreed_with.add(grace)
    argument.disagreed_with.add(alan)
    CuratedFactFactory(session=session, field="room", value="Room 3", source="https://igf.org/r")
    CuratedFactFactory(
        session=None, meeting=session.meeting, field="city", value="Riyadh", source="https://x.org"
    )
    TranscriptTurnFactory(session=session, person=ada)
    TranscriptTurnFactory(session=session, person=grace)

    body = client.get(f"/api/sessions/{session.pk}/").json()

    list_item = client.get("/api/sessions/").json()["results"][0]
    assert list(body) == [
        *list_item,
        "duration_minutes",
        "format_description",
        "theme",
        "sub_themes",
        "description",
        "background",
        "participant_gains",
        "expected_outcomes",
        "online_participation",
        "agenda",
        "sdg_rationale",
        "summary",
        "report",
        "overall_purpose",
        "overall_tone",
        "source_document",
        "publisher",
        "published_on",
        "source_page_count",
        "inferred",
        "is_machine_generated",
        "disclaimer",
        "unplaced_text",
        "policy_questions",
        "takeaways",
        "arguments",
        "original_page",
        "curated_facts",
        "meeting_curated_facts",
        "transcript_turn_count",
        "transcript_url",
    ]
    assert body["participants"][0] | {"person": None, "organization": None} == {
        "person": None,
        "role": "moderator",
        "published_name": "Prof. Ada Lovelace",
        "affiliation": "Analytical Engines Ltd",
        "organization": None,
        "stakeholder_group": "civil_society",
        "regional_group": "weog",
        "role_text": "Chair",
        "is_tbd": True,
        "is_remote": True,
        "inferred_by": "role_from_layout",
        "speech_seconds": 754,
        "words": 1800,
        "words_per_minute": 143,
    }
    assert body["description"] == "What the forum is about."
    assert body["agenda"] == "Opening, panel, questions."
    assert body["sdg_rationale"] == "Energy for data centres."
    assert body["report"] == "First paragraph.\n\nSecond paragraph."
    assert body["summary"] == "In short."
    assert body["overall_tone"] == "Hopeful."
    assert body["sub_themes"] == ["Energy", "Data"]
    assert body["unplaced_text"] == "A stray line."
    assert body["is_machine_generated"] is True
    assert body["source_page_count"] == 13
    assert body["inferred"] == {"date": "date_from_report"}
    assert body["source_document"] == {
        "file_name": "igf-2024-of-9.html",
        "format": document.format,
        "sha256": "ab" * 32,
        "imported_at": document.imported_at.isoformat().replace("+00:00", "Z"),
    }
    assert body["policy_questions"] == ["Who pays for green data?"]
    assert body["takeaways"] == [
        {
            "kind": "call_to_action",
            "text": "Publish the figures.",
            "speaker": "",
            "details": {"Reason": "Trust"},
            "is_cut_off": False,
        },
        {
            "kind": "key_takeaway",
            "text": "Measure first.",
            "speaker": "Ada Lovelace",
            "details": {},
            "is_cut_off": True,
        },
    ]
    assert body["arguments"] == [
        {
            "person": {
                "id": ada.pk,
                "url": f"{BASE}/api/people/{ada.pk}/",
                "html_url": f"{BASE}/people/ada/",
                "slug": "ada",
                "name": "Ada Lovelace",
            },
            "major_discussion_point": "",
            "claim": "Data centres can run on renewables.",
            "explanation": "",
            "evidence": "",
            "topics": ["energy"],
            "agreed_with": [grace.pk],
            "agreed_on": "the goal",
            "disagreed_with": [alan.pk],
            "disagreed_on": "",
        }
    ]
    # Implied by intgovforum.org's rule from the type, number and title of an IGF page.
    assert body["original_page"] == {
        "url": "https://www.intgovforum.org/en/content/igf-2024-open-forum-9-green-data",
        "basis": "implied",
        "how": "by intgovforum.org's rule for its session pages' addresses, not checked",
    }
    assert body["curated_facts"] == [
        {"field": "room", "value": "Room 3", "source": "https://igf.org/r"}
    ]
    assert body["meeting_curated_facts"] == [
        {"field": "city", "value": "Riyadh", "source": "https://x.org"}
    ]
    assert body["transcript_turn_count"] == 2
    assert body["transcript_url"] == f"{BASE}/api/sessions/{session.pk}/transcript/"


def test_session_without_transcript_has_no_transcript_url(client, session):
    body = client.get(f"/api/sessions/{session.pk}/").json()
    assert (body["transcript_turn_count"], body["transcript_url"]) == (0, None)
    assert body["source_document"] is None
    assert body["original_page"] is None
    assert client.get(f"/api/sessions/{session.pk}/transcript/").json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_transcript_is_paginated_in_order(client, session):
    ada = session.participations.get().person
    acme = session.organizers.get().organization
    for position in range(1, TRANSCRIPT_PAGE_SIZE + 2):
        TranscriptTurnFactory(
            session=session, position=position, person=ada, text=f"Turn {position}."
        )
    TranscriptTurnFactory(
        session=session,
        position=TRANSCRIPT_PAGE_SIZE + 2,
        person=None,
        organization=acme,
        speaker_label="ACME reporter",
    )
    first = client.get(f"/api/sessions/{session.pk}/transcript/").json()
    assert first["count"] == TRANSCRIPT_PAGE_SIZE + 2
    assert first["next"] == f"{BASE}/api/sessions/{session.pk}/transcript/?page=2"
    assert [turn["text"] for turn in first["results"][:2]] == ["Turn 1.", "Turn 2."]
    assert first["results"][0]["person"]["id"] == ada.pk
    second = client.get(f"/api/sessions/{session.pk}/transcript/?page=2").json()
    assert [turn["position"] for turn in second["results"]] == [
        TRANSCRIPT_PAGE_SIZE + 1,
        TRANSCRIPT_PAGE_SIZE + 2,
    ]
    assert second["results"][1] == {
        "position": TRANSCRIPT_PAGE_SIZE + 2,
        "speaker_label": "ACME reporter",
        "person": None,
        "organization": {
            "id": acme.pk,
            "url": f"{BASE}/api/organizations/{acme.pk}/",
            "html_url": f"{BASE}/organizations/acme/",
            "slug": "acme",
            "name": "Acme",
        },
        "text": second["results"][1]["text"],
    }


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("page=3", {"page": ["3: no such page (the list has 1)"]}),
        ("page=x", {"page": ["x: expected a page number (1, 2, …)"]}),
        ("sdg=7", {"sdg": ["unknown parameter (expected page)"]}),
    ],
)
def test_bad_transcript_parameters_are_400(client, session, query, problems):
    response = client.get(f"/api/sessions/{session.pk}/transcript/?{query}")
    assert response.status_code == 400
    assert response.json()["parameters"] == problems


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/api/sessions/0/transcript/", "No Session matches the given query."),
        ("/api/sessions/x/transcript/", "Not found."),
    ],
)
def test_transcript_of_missing_session_is_json_404(client, path, detail):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


def test_person_organization_meeting_and_sdg_details(client, session):
    ada = session.participations.get().person
    PersonAliasFactory(person=ada, name="Prof. Ada Lovelace")
    acme = session.organizers.get().organization
    OrganizationAliasFactory(organization=acme, name="ACME")
    session_short = {
        "id": session.pk,
        "url": f"{BASE}/api/sessions/{session.pk}/",
        "html_url": f"{BASE}/sessions/igf-2024/open-forum-9/",
        "meeting": "igf-2024",
        "type": "open_forum",
        "number": 9,
        "label": "Open Forum #9",
        "title": "Green data",
        "date": "2024-12-19",
    }
    acme_short = {
        "id": acme.pk,
        "url": f"{BASE}/api/organizations/{acme.pk}/",
        "html_url": f"{BASE}/organizations/acme/",
        "slug": "acme",
        "name": "Acme",
    }
    assert client.get(f"/api/people/{ada.pk}/").json() == {
        "id": ada.pk,
        "url": f"{BASE}/api/people/{ada.pk}/",
        "html_url": f"{BASE}/people/ada/",
        "slug": "ada",
        "name": "Ada Lovelace",
        "aliases": ["Prof. Ada Lovelace"],
        "sessions_url": f"{BASE}/api/sessions/?speaker=ada",
        "participations": [
            {
                "session": session_short,
                "role": "moderator",
                "published_name": "Prof. Ada Lovelace",
                "affiliation": "",
                "organization": acme_short,
            }
        ],
    }
    assert client.get(f"/api/organizations/{acme.pk}/").json() == {
        "id": acme.pk,
        "url": f"{BASE}/api/organizations/{acme.pk}/",
        "html_url": f"{BASE}/organizations/acme/",
        "slug": "acme",
        "name": "Acme",
        "is_media_outlet": False,
        "aliases": ["ACME"],
        "parent": None,
        "units": [],
        "sessions_url": f"{BASE}/api/sessions/?organizer=acme",
        "organized": [{"session": session_short, "role": "organizer", "published_name": "ACME"}],
        "participations": [
            {
                "session": session_short,
                "person": {
                    "id": ada.pk,
                    "url": f"{BASE}/api/people/{ada.pk}/",
                    "html_url": f"{BASE}/people/ada/",
                    "slug": "ada",
                    "name": "Ada Lovelace",
                },
                "role": "moderator",
                "affiliation": "",
            }
        ],
    }
    meeting = client.get(f"/api/meetings/{session.meeting_id}/").json()
    assert meeting["sessions_url"] == f"{BASE}/api/sessions/?meeting=igf-2024"
    assert meeting["html_url"] == f"{BASE}/meetings/igf-2024/"
    goal = client.get("/api/sdgs/7/").json()
    assert goal["id"] == 7
    assert goal["html_url"] == f"{BASE}/sdgs/7/"
    assert goal["sessions_url"] == f"{BASE}/api/sessions/?sdg=7"
    assert [target["code"] for target in goal["targets"]] == ["7.1", "7.2", "7.3", "7.a", "7.b"]
    assert client.get("/api/sdgs/").json()["count"] == 17


def test_linked_sessions_urls_filter_the_list(client, session):
    SessionFactory()
    for link in ["?speaker=ada", "?organizer=acme", "?meeting=igf-2024", "?sdg=7"]:
        body = client.get(f"/api/sessions/{link}").json()
        assert [row["id"] for row in body["results"]] == [session.pk]


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("sdg=99", {"sdg": ["99: no such SDG goal or target"]}),
        ("year=abc&year=1999x", {"year": ["abc: not a year", "1999x: not a year"]}),
        ("type=panel", {"type": ["panel: no such session type"]}),
        ("sort=best", {"sort": ["best: no such sort order"]}),
        ("page=x", {"page": ["x: expected a page number (1, 2, …)"]}),
        ("page=2", {"page": ["2: no such page (the list has 1)"]}),
        (
            "sdgs=7",
            {
                "sdgs": [
                    "unknown parameter (expected has, meeting, organizer, page, q, region, sdg, "
                    "sort, speaker, stakeholder, type, year)"
                ]
            },
        ),
        ("q=a%00b", {"q": ["contains a NUL character"]}),
        ("meeting=", {"meeting": ["empty value"]}),
    ],
)
def test_bad_session_parameters_are_400_naming_them(client, session, query, problems):
    response = client.get(f"/api/sessions/?{query}")
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"Bad query parameter(s): {', '.join(sorted(problems))}.",
        "parameters": problems,
    }


def test_bad_person_parameter_is_400(client, session):
    response = client.get("/api/people/?stakeholder=aliens")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Bad query parameter(s): stakeholder.",
        "parameters": {
            "stakeholder": [
                "aliens: Select a valid choice. aliens is not one of the available choices."
            ]
        },
    }


def test_people_filter_as_the_html_list(client, session):
    PersonFactory(slug="bob", name="Bob")
    body = client.get("/api/people/?q=lovelace").json()
    assert [row["slug"] for row in body["results"]] == ["ada"]
    body = client.get("/api/people/?stakeholder=civil_society").json()
    assert [row["slug"] for row in body["results"]] == ["ada"]


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/api/sessions/0/", "No Session matches the given query."),
        ("/api/sessions/abc/", "Not found."),
        ("/api/sdgs/0.5/", "Not found."),
        ("/api/sdgs/18/", "No SdgGoal matches the given query."),
    ],
)
def test_missing_object_is_json_404(client, session, path, detail):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


def test_detail_refuses_parameters(client, session):
    response = client.get(f"/api/sessions/{session.pk}/?sdg=7")
    assert response.status_code == 400
    assert response.json()["parameters"] == {"sdg": ["unknown parameter (expected no parameters)"]}


def test_api_is_read_only(client, session):
    assert client.post("/api/sessions/", {}).status_code == 405
    assert client.delete(f"/api/sessions/{session.pk}/").status_code == 405


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/", 200),
        ("/api/sessions/", 200),
        ("/api/sessions/?sdg=99", 400),
        ("/api/people/", 200),
        ("/api/schema/", 200),
        ("/api/docs/", 200),
        ("/api/docs/?script=", 200),
        ("/sessions/export.csv", 200),
        ("/sessions/export.json", 200),
        ("/sessions/calendar.ics", 200),
        ("/feed/", 200),
        ("/sitemap.xml", 200),
    ],
)
def test_open_data_responses_set_no_cookie(client, session, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")


def test_schema_is_served_at_a_stable_url(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    text = response.content.decode()
    for path in [
        "/api/sessions/:",
        "/api/sessions/{id}/:",
        "/api/people/:",
        "/api/people/{id}/:",
        "/api/organizations/:",
        "/api/organizations/{id}/:",
        "/api/meetings/:",
        "/api/meetings/{id}/:",
        "/api/sdgs/:",
        "/api/sdgs/{id}/:",
    ]:
        assert f"\n  {path}\n" in text


def test_docs_page_fetches_nothing_from_elsewhere(client):
    html = client.get("/api/docs/").content.decode()
    assert "http://" not in html and "https://" not in html
    assert (
        '<script src="/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js">'
        in (html)
    )
    assert "<style" not in html and "<script>" not in html
    script = client.get("/api/docs/?script=")
    assert script["Content-Type"] == "application/javascript"
    assert '"validatorUrl": null' in script.content.decode()
