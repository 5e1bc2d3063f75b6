"""The API runs the same number of queries for 1 session as for 25.

Each test lists the queries it expects, in order, and checks the rows it returned: a list
that returns one row at both sizes would not notice a query per row.
"""

import datetime

import pytest

from igfarchive.version import refresh_archive_version
from sessions.api.views import PAGE_SIZE
from sessions.models import Organizer, Participation
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

SIZES = [1, 25]


@pytest.fixture
def archive(request):
    """`request.param` sessions of one meeting, each with every row the API shows.

    Each session has an organization and two people of its own (a speaker, a moderator), each
    with one spelling, a source document, an argument the moderator agreed with and the
    speaker disagreed with, a curated fact and a transcript turn.
    """
    meeting = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    CuratedFactFactory(session=None, meeting=meeting, field="city")
    sessions = []
    for number in range(request.param):
        session = SessionFactory(
            meeting=meeting,
            date=datetime.date(2024, 12, 1 + number % 28),
            source_document=SourceDocumentFactory(),
        )
        session.sdg_targets.add("7.a")
        session.sdg_goals.add(13)
        organization = OrganizationFactory()
        OrganizationAliasFactory(organization=organization)
        OrganizerFactory(session=session, organization=organization)
        person = PersonFactory()
        PersonAliasFactory(person=person)
        ParticipationFactory(session=session, person=person, organization=organization)
        moderator = PersonFactory()
        PersonAliasFactory(person=moderator)
        ParticipationFactory(session=session, person=moderator, role=Participation.Role.MODERATOR)
        TakeawayFactory(session=session)
        PolicyQuestionFactory(session=session)
        argument = ArgumentFactory(session=session, person=person)
        argument.agreed_with.add(moderator)
        argument.disagreed_with.add(person)
        CuratedFactFactory(session=session)
        TranscriptTurnFactory(session=session, position=1, person=person)
        sessions.append(session)
    # As the commit of these writes would (a test's transaction never commits): the archive
    # version is cached, so each page counts its own queries only. Reading the version when it
    # is not cached is one query more (tests/igfarchive/test_conditional_get.py).
    refresh_archive_version()
    return sessions


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_list_query_count(client, archive, django_assert_num_queries):
    # 1. count of the sessions, 2. the page of sessions with their meetings
    # 3. SDG goals, 4. SDG targets, 5. organizers with their organizations
    # 6. participations with people and organizations
    with django_assert_num_queries(6):
        response = client.get("/api/sessions/")
    assert len(response.json()["results"]) == len(archive)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_list_filtered_query_count(client, archive, django_assert_num_queries):
    # 1. what sdg=7 names: the SDG goal, 2. what meeting= names: the meeting
    # 3-8. as without filters
    with django_assert_num_queries(8):
        response = client.get("/api/sessions/?sdg=7&meeting=igf-2024&sort=oldest")
    assert len(response.json()["results"]) == len(archive)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_detail_query_count(client, archive, django_assert_num_queries):
    session = archive[-1]
    for position in range(2, len(archive) + 2):
        TranscriptTurnFactory(session=session, position=position)
    # 1. the session with its meeting, source document and number of transcript turns
    # 2. SDG goals, 3. organizers with their organizations, 4. participations with people and
    # organizations, 5. SDG targets, 6. policy questions, 7. takeaways, 8. arguments with
    # their people, 9. who agreed, 10. who disagreed, 11. the session's curated facts,
    # 12. the meeting's curated facts
    with django_assert_num_queries(12):
        response = client.get(f"/api/sessions/{session.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == session.pk
    assert body["transcript_turn_count"] == len(archive) + 1
    assert [len(body[name]) for name in ("arguments", "curated_facts", "takeaways")] == [1, 1, 1]


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_transcript_query_count(client, archive, django_assert_num_queries):
    session = archive[-1]
    for position in range(2, len(archive) + 2):
        TranscriptTurnFactory(session=session, position=position)
    # 1. the session, 2. count of its turns, 3. the page of turns with people and organizations
    with django_assert_num_queries(3):
        response = client.get(f"/api/sessions/{session.pk}/transcript/")
    assert response.status_code == 200
    assert [turn["position"] for turn in response.json()["results"]] == list(
        range(1, len(archive) + 2)
    )


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("path", ["/api/people/", "/api/organizations/"])
def test_people_and_organization_lists_query_count(
    client, archive, path, django_assert_num_queries
):
    # 1. count, 2. the page (an organization's with its parent), 3. their spellings, and for
    # organizations 4. their units
    with django_assert_num_queries(3 if path == "/api/people/" else 4):
        response = client.get(path)
    assert response.status_code == 200
    rows = 2 * len(archive) if path == "/api/people/" else len(archive)
    assert response.json()["count"] == rows
    results = response.json()["results"]
    assert len(results) == min(rows, PAGE_SIZE)
    assert [row["aliases"] for row in results] == [[row["name"]] for row in results]


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_person_detail_query_count(client, archive, django_assert_num_queries):
    person = archive[-1].participations.first().person
    # The person is a rapporteur of every other session too.
    for session in archive[:-1]:
        ParticipationFactory(session=session, person=person, role=Participation.Role.RAPPORTEUR)
    # 1. the person, 2. the spellings, 3. participations with organizations, 4. their sessions
    # with their meetings
    with django_assert_num_queries(4):
        response = client.get(f"/api/people/{person.pk}/")
    assert response.status_code == 200
    assert response.json()["aliases"] == [person.name]
    assert [row["session"]["id"] for row in response.json()["participations"]] == [
        session.pk for session in reversed(archive)
    ]


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_organization_detail_query_count(client, archive, django_assert_num_queries):
    organization = archive[-1].organizers.get().organization
    # The organization hosts every other session too, is a unit of another, and has one unit
    # a session.
    for session in archive[:-1]:
        OrganizerFactory(session=session, organization=organization, role=Organizer.Role.HOST)
    organization.parent = OrganizationFactory(name="Parent Ministry")
    organization.save()
    units = [
        OrganizationFactory(name=f"Bureau {number:02}", parent=organization)
        for number in range(len(archive))
    ]
    # 1. the organization with its parent, 2. the spellings, 3. its units, 4. organized
    # sessions, 5. their sessions with their meetings, 6. participations with people, 7. their
    # sessions with their meetings
    with django_assert_num_queries(7):
        response = client.get(f"/api/organizations/{organization.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["parent"]["name"] == "Parent Ministry"
    assert [unit["slug"] for unit in body["units"]] == [unit.slug for unit in units]
    assert [row["session"]["id"] for row in body["organized"]] == [
        session.pk for session in reversed(archive)
    ]
    assert [row["session"]["id"] for row in body["participations"]] == [archive[-1].pk]


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_meeting_and_sdg_lists_query_count(client, archive, django_assert_num_queries):
    # As many meetings as sessions: the fixture's, and one more per session after the first.
    for year in range(2000, 2000 + len(archive) - 1):
        SessionFactory(meeting=MeetingFactory(slug=f"igf-{year}", year=year))
    refresh_archive_version()
    # 1. count, 2. the page of meetings
    with django_assert_num_queries(2):
        meetings = client.get("/api/meetings/")
    assert meetings.status_code == 200
    assert len(meetings.json()["results"]) == len(archive)
    # 1. count, 2. the page of goals, 3. their targets (the 17 goals of the migrations)
    with django_assert_num_queries(3):
        sdgs = client.get("/api/sdgs/")
    assert sdgs.status_code == 200
    assert [goal["id"] for goal in sdgs.json()["results"]] == list(range(1, 18))
    assert sum(len(goal["targets"]) for goal in sdgs.json()["results"]) == 169
