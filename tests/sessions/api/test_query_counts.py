"""The API runs the same number of queries for 1 session as for 25.

Each test lists the queries it expects, in order, and checks the rows it returned: a list
that returns one row at both sizes would not notice a query per row.
"""

import datetime

import pytest

from igfarchive.version import refresh_archive_version
from sessions.api.views import PAGE_SIZE
from sessions.models import Participation
from tests.factories import (
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    PolicyQuestionFactory,
    SessionFactory,
    TakeawayFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 25]


@pytest.fixture
def archive(request):
    """`request.param` sessions of one meeting, each with every row the API shows.

    Each session has an organization and two people of its own (a speaker, a moderator), each
    with one spelling.
    """
    meeting = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    sessions = []
    for number in range(request.param):
        session = SessionFactory(meeting=meeting, date=datetime.date(2024, 12, 1 + number % 28))
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
    # 1. the session with its meeting, 2. SDG goals, 3. SDG targets
    # 4. organizers with their organizations, 5. participations with people and
    # organizations, 6. policy questions, 7. takeaways
    with django_assert_num_queries(7):
        response = client.get(f"/api/sessions/{archive[-1].pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == archive[-1].pk


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("path", ["/api/people/", "/api/organizations/"])
def test_people_and_organization_lists_query_count(
    client, archive, path, django_assert_num_queries
):
    # 1. count, 2. the page, 3. their spellings
    with django_assert_num_queries(3):
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
    # 1. the person, 2. the spellings
    with django_assert_num_queries(2):
        response = client.get(f"/api/people/{person.pk}/")
    assert response.status_code == 200
    assert response.json()["aliases"] == [person.name]


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
