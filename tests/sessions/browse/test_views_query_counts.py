"""Every public page runs the same number of queries for 1 session as for 25.

Each test lists the queries it expects, in order, and counts the rows the page rendered: a
list that shows one row at both sizes would not notice a query per row. A page that starts to
query per row fails here first.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection

from igfarchive.version import refresh_archive_version
from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE
from sessions.browse.people import PER_PAGE, SAID_PER_PAGE
from sessions.browse.views import LATEST_SESSIONS, SDG_PAGE_SESSIONS, TRANSCRIPT_PREVIEW
from sessions.derived import refresh_derived
from sessions.models import Participation, Takeaway, TranscriptTurn
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


def search_reads():
    """The queries a search adds to a list's count and facets: its matches read once from the
    index (sessions.search.search_ids: the ids, and before them on PostgreSQL the planner's
    setting)."""
    return 2 if connection.vendor == "postgresql" else 1


EVERY_FILTER = (
    "/sessions/?q=session&sdg=7&sdg=13.1&year=2024&meeting=igf-2024&type=workshop"
    "&organizer=acme&speaker=ada&stakeholder=civil_society&region=weog&has=report"
    "&sort=title"
)


@pytest.fixture
def archive(request):
    """`request.param` sessions of one meeting, each with every kind of related row.

    Each is on target 7.a and on SDG 13 as a whole; one person speaks in all of them for
    one organization, which organizes them all. Each also has a speaker of its own ("Speaker
    NN", civil society) for an organization of its own ("Acme chapter NN"), both with two
    spellings: the lists of people and organizations have one row more than sessions.
    """
    count = request.param
    meeting = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    organization = OrganizationFactory(slug="acme", name="Acme")
    OrganizationAliasFactory(organization=organization)
    OrganizationAliasFactory(organization=organization, name="ACME Inc.")
    person = PersonFactory(slug="ada", name="Ada")
    PersonAliasFactory(person=person)
    PersonAliasFactory(person=person, name="Ada L.")
    other = PersonFactory()
    CuratedFactFactory(session=None, meeting=meeting, field="city", value="Riyadh")
    sessions = []
    for number in range(count):
        session = SessionFactory(
            meeting=meeting,
            date=datetime.date(2024, 12, 1 + number % 28),
            report="A report.",
            source_document=SourceDocumentFactory(),
        )
        session.sdg_targets.add("7.a")
        session.sdg_goals.add(13)
        OrganizerFactory(session=session, organization=organization)
        ParticipationFactory(
            session=session,
            person=person,
            organization=organization,
            stakeholder_group="civil_society",
            regional_group="weog",
            speech_seconds=60,
        )
        ParticipationFactory(session=session, person=other, role=Participation.Role.MODERATOR)
        chapter = OrganizationFactory(name=f"Acme chapter {number:02d}")
        OrganizationAliasFactory(organization=chapter)
        OrganizationAliasFactory(organization=chapter, name=f"Acme {number:02d}")
        speaker = PersonFactory(name=f"Speaker {number:02d}")
        PersonAliasFactory(person=speaker)
        PersonAliasFactory(person=speaker, name=f"S. {number:02d}")
        ParticipationFactory(
            session=session,
            person=speaker,
            organization=chapter,
            stakeholder_group="civil_society",
        )
        TakeawayFactory(session=session)
        TakeawayFactory(session=session, kind=Takeaway.Kind.AGREEMENT)
        PolicyQuestionFactory(session=session)
        TranscriptTurnFactory(session=session, person=person)
        TranscriptTurnFactory(session=session, person=None, organization=organization)
        argument = ArgumentFactory(session=session, person=person)
        argument.agreed_with.add(other)
        argument.disagreed_with.add(other)
        CuratedFactFactory(session=session, field="title")
        sessions.append(session)
    refresh_derived([session.pk for session in sessions])
    # As the commit of these writes would (a test's transaction never commits): the archive
    # version is cached, so each page counts its own queries only. Reading the version when it
    # is not cached is one query more (tests/igfarchive/test_conditional_get.py).
    refresh_archive_version()
    return sessions


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_data_page_query_count(client, archive, settings, tmp_path, django_assert_num_queries):
    settings.DATA_DIR = tmp_path
    call_command("build_dataset", stdout=io.StringIO())
    refresh_archive_version()
    # None: the page reads the built files' manifest, not the archive.
    with django_assert_num_queries(0):
        response = client.get("/data/")
    assert response.status_code == 200
    assert response.context["built"].sessions == len(archive)
    # The files too: streamed from disk, whatever the archive's size.
    for url in ["/data/igf-session-archive.zip", "/data/igf-session-archive.sqlite3"]:
        with django_assert_num_queries(0):
            response = client.get(url)
            assert response.status_code == 200


def titles(response, level=3):
    """How many rows (a title heading each) the page rendered."""
    return response.content.decode().count(f'<h{level} class="result-title">')


def turns(response):
    return len(re.findall(r'<li id="turn-\d+">', response.content.decode()))


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_home_query_count(client, archive, django_assert_num_queries):
    # 1. years that have sessions
    # 2. sessions per goal and year (one grouped query over SessionGoal), 3. the SDG goals
    # 4-6. counts of sessions, people, organizations
    # 7. meetings: count, first and last year
    # 8. the latest sessions, 9. their SDG goals
    with django_assert_num_queries(9):
        response = client.get("/")
    assert response.status_code == 200
    assert titles(response) == min(len(archive), LATEST_SESSIONS)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_list_query_count(client, archive, django_assert_num_queries):
    # 1. count of the sessions
    # 2-9. the whole archive's counts (sessions.browse.facets.Facets.totals): SDG goals,
    #      years, types, stakeholder groups, regional groups, SDG targets, meetings, records
    # 10. the SDG goals, 11. the SDG targets, 12. the meetings, 13. the largest organizers,
    #     14. the people with most sessions
    # 15. the page of sessions, 16. their SDG goals
    with django_assert_num_queries(16):
        response = client.get("/sessions/")
    assert response.status_code == 200
    assert titles(response) == len(archive)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_list_every_filter_query_count(client, archive, django_assert_num_queries):
    # 1-5. what the values name: SDG goals, SDG targets, meetings, organizations, people
    # 6. count of the sessions (on PostgreSQL after the search's matches: search_reads)
    # 7-17. the facets (as without filters)
    # 18. the page of sessions, 19. their SDG goals, 20. the snippets of the search
    with django_assert_num_queries(20 + search_reads()):
        response = client.get(EVERY_FILTER)
    assert response.status_code == 200
    assert response.context["ignored"] == []
    assert titles(response) == len(archive)


def options(response):
    """How many values a facet's page rendered."""
    return len(re.findall(r'class="facet-option[ "]', response.content.decode()))


# The values each long facet's page lists in `archive`: people (Ada, the moderator and a
# speaker a session), the organizer (Acme), the meeting, the target.
FACET_VALUES = {
    "people": lambda count: count + 2,
    "organizers": lambda count: 1,
    "meetings": lambda count: 1,
    "targets": lambda count: 1,
}


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("kind", FACET_VALUES)
def test_facet_values_query_count(client, archive, kind, django_assert_num_queries):
    # 1. count of the values, 2. the page of values with their counts
    with django_assert_num_queries(2):
        response = client.get(f"/sessions/{kind}/")
    assert response.status_code == 200
    assert options(response) == FACET_VALUES[kind](len(archive))


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("kind", FACET_VALUES)
def test_facet_values_every_filter_query_count(client, archive, kind, django_assert_num_queries):
    # 1-5. what the values name: SDG goals, SDG targets, meetings, organizations, people
    # 6. count of the values, 7. the page of values with their counts (and search_reads)
    with django_assert_num_queries(7 + search_reads()):
        response = client.get(EVERY_FILTER.replace("/sessions/", f"/sessions/{kind}/"))
    assert response.status_code == 200
    assert response.context["ignored"] == []
    # Target 13.1, chosen but on none of the sessions, is not a value of them.
    assert options(response) == FACET_VALUES[kind](len(archive))


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_session_search_query_count(client, archive, django_assert_num_queries):
    # The search leaves out fewer sessions than it matches (none), so that its facets are
    # counted by subtraction (sessions.browse.facets):
    # 1-2. the matches (search_reads: one query on SQLite), 3. their count, 4. the archive's
    # size, 5. the sessions left out, 6-13. the whole archive's counts (as the list without
    # parameters), 14-28. the facets: each value's count among the sessions left out (10),
    # the SDG goals, targets, meetings, largest organizers and people with most sessions,
    # 29. the page of sessions, best match first, 30. their SDG goals
    # 31. the snippets of the page's sessions (one query whatever their number)
    with django_assert_num_queries(29 + search_reads()):
        response = client.get("/sessions/?q=session")
    assert response.status_code == 200
    assert titles(response) == len(archive)
    assert response.content.decode().count('<p class="result-text result-snippet">') == len(archive)


def add_turns(session, count):
    """`count` more turns at the end of the session's transcript."""
    last = max(turn.position for turn in session.transcript_turns.all())
    TranscriptTurn.objects.bulk_create(
        TranscriptTurn(
            session=session, position=last + number, speaker_label="Chair", text=f"Turn {number}."
        )
        for number in range(1, count + 1)
    )


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("more_turns", [0, 3 * TRANSCRIPT_PREVIEW])
def test_session_detail_query_count(client, archive, more_turns, django_assert_num_queries):
    add_turns(archive[-1], more_turns)
    # 1. the session with its meeting, source document and number of transcript turns
    # 2. SDG goals, 3. organizers with their organizations
    # 4. participations with people and organizations
    # 5. the session's and the meeting's curated facts
    # 6. SDG targets, 7. policy questions, 8. takeaways, 9. arguments with their people
    # 10. the people the arguments agreed and disagreed with
    # 11. the first turns of the transcript, with people and organizations
    with django_assert_num_queries(11):
        response = client.get(archive[-1].get_absolute_url())
    assert response.status_code == 200
    assert turns(response) == min(2 + more_turns, TRANSCRIPT_PREVIEW)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("extension", ["bib", "ris", "json"])
def test_session_citation_query_count(client, archive, extension, django_assert_num_queries):
    # 1. the session with its meeting, 2. organizers with their organizations,
    # 3. the people who organized or hosted it
    with django_assert_num_queries(3):
        response = client.get(f"{archive[-1].get_absolute_url()}cite.{extension}")
    assert response.status_code == 200


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize(
    ("more_turns", "page"),
    [(0, 1), (3 * TRANSCRIPT_TURNS_PER_PAGE, 1), (3 * TRANSCRIPT_TURNS_PER_PAGE, 3)],
)
def test_session_transcript_query_count(
    client, archive, more_turns, page, django_assert_num_queries
):
    add_turns(archive[-1], more_turns)
    # 1. the session with its meeting
    # 2. count of its turns, 3. the page of turns with people and organizations
    with django_assert_num_queries(3):
        response = client.get(f"{archive[-1].get_absolute_url()}transcript/?page={page}")
    assert response.status_code == 200
    assert turns(response) == (2 if more_turns == 0 else TRANSCRIPT_TURNS_PER_PAGE)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_person_detail_query_count(client, archive, django_assert_num_queries):
    # 1. the person, with the counts of their transcript turns and arguments, 2. the spellings
    # 3. sessions, speaking time and words by year (whose sum the paginator takes as its count)
    # 4. the page of sessions, 5. the person's participations in them, with sessions, meetings
    #    and organizations
    # 6. the page of transcript turns, with sessions, meetings and the transcript page of each
    # 7. the page of arguments, with sessions and meetings
    # 8. the other people an editor's open suggestion names
    with django_assert_num_queries(8):
        response = client.get("/people/ada/")
    assert response.status_code == 200
    assert titles(response, level=4) == len(archive)
    # A turn and an argument in every session, a page of them at most.
    content = response.content.decode()
    assert len(re.findall(r'transcript/#turn-\d+">Turn', content)) == min(
        len(archive), SAID_PER_PAGE
    )
    assert len(re.findall(r'#argument-\d+">', content)) == min(len(archive), SAID_PER_PAGE)


def test_person_detail_query_count_beyond_a_page(client, django_assert_num_queries):
    person = PersonFactory(slug="ada", name="Ada")
    for _number in range(PER_PAGE + 1):
        ParticipationFactory(person=person, organization=OrganizationFactory())
    refresh_archive_version()
    # As with a page or less (above): 1. the person, 2. the spellings, 3. the years,
    # 4. the page of sessions, 5. the participations in them, 6. open suggestions; no turn and
    # no argument, so no page of them is read.
    for page, rows in [(1, PER_PAGE), (2, 1)]:
        with django_assert_num_queries(6):
            response = client.get(f"/people/ada/?page={page}")
        assert response.status_code == 200
        assert titles(response, level=4) == rows


@pytest.mark.parametrize("archive", SIZES, indirect=True)
@pytest.mark.parametrize("more_turns", [0, 3 * TRANSCRIPT_TURNS_PER_PAGE])
def test_organization_detail_query_count(client, archive, more_turns, django_assert_num_queries):
    add_turns(archive[-1], more_turns)
    acme = archive[-1].organizers.get().organization
    archive[-1].transcript_turns.update(organization=acme)
    # A unit of Acme, with a person of its own in the first session: Acme's page shows them.
    unit = OrganizationFactory(slug="acme-lab", name="Acme Lab", parent=acme)
    ParticipationFactory(
        session=archive[0], person=PersonFactory(name="Unit Person"), organization=unit
    )
    # 1. the organization with its parent, 2. the spellings, 3. every unit link (its units
    #    at any depth), 4. its sessions by year, 5. its people by year (which give the lists'
    #    sizes), 6. the page of sessions, with meetings, whether it organized each and how
    #    many of its people took part, 7. the page of participations, with people,
    #    organizations, sessions and meetings, 8. count of the transcript turns, 9. their
    #    page, with sessions, meetings and the page of the transcript that shows each,
    #    10. its units
    with django_assert_num_queries(10):
        response = client.get("/organizations/acme/")
    assert response.status_code == 200
    # The sessions (it organized all), and Ada and the unit's person in 2024.
    assert titles(response, level=4) == len(archive) + 2
    assert "Acme Lab" in response.content.decode()
    turn_links = re.findall(r'transcript/(?:\?page=\d+)?#turn-\d+">', response.content.decode())
    # One turn by the organization in each session, and every other turn of the last one
    # (Ada's and the added ones), now the organization's.
    assert len(turn_links) == min(len(archive) + 1 + more_turns, PER_PAGE)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_sdg_detail_with_targets_query_count(client, archive, django_assert_num_queries):
    # 1. the goal with its session counts
    # 2. the newest sessions of each target, 3. their SDG goals
    # 4. the targets with their session counts
    # 5. sessions on the goal only (none here)
    with django_assert_num_queries(5):
        response = client.get("/sdgs/7/")
    assert response.status_code == 200
    assert titles(response, level=4) == min(len(archive), SDG_PAGE_SESSIONS)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_sdg_detail_on_goal_only_query_count(client, archive, django_assert_num_queries):
    # 1. the goal with its session counts
    # 2. the newest sessions of each target (none here)
    # 3. the targets with their session counts
    # 4. sessions on the goal only, 5. their SDG goals
    with django_assert_num_queries(5):
        response = client.get("/sdgs/13/")
    assert response.status_code == 200
    assert titles(response) == min(len(archive), SDG_PAGE_SESSIONS)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_meeting_detail_query_count(client, archive, django_assert_num_queries):
    # 1. the meeting, 2. its curated facts
    # 3. count of its sessions, 4. the page of sessions, 5. their SDG goals
    with django_assert_num_queries(5):
        response = client.get("/meetings/igf-2024/")
    assert response.status_code == 200
    assert titles(response) == len(archive)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_meeting_list_query_count(client, archive, django_assert_num_queries):
    # As many meetings as sessions: the fixture's, and one more per session after the first.
    for year in range(2000, 2000 + len(archive) - 1):
        SessionFactory(meeting=MeetingFactory(slug=f"igf-{year}", year=year))
    refresh_archive_version()
    # 1. meetings with their session counts
    with django_assert_num_queries(1):
        response = client.get("/meetings/")
    assert response.status_code == 200
    assert titles(response, level=2) == len(archive)


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_sdg_list_query_count(client, archive, django_assert_num_queries):
    # 1. goals with their session and target counts
    with django_assert_num_queries(1):
        response = client.get("/sdgs/")
    assert response.status_code == 200
    assert titles(response, level=2) == 17


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_person_list_query_count(client, archive, django_assert_num_queries):
    # 1. count, 2. the page of people with their session counts and years, 3. spellings
    with django_assert_num_queries(3):
        response = client.get("/people/?stakeholder=civil_society")
    assert response.status_code == 200
    # Ada and each session's speaker, each with the spellings the prefetch brought.
    assert titles(response) == len(archive) + 1
    assert response.content.decode().count("Spelled: ") == len(archive) + 1


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_organization_list_query_count(client, archive, django_assert_num_queries):
    # 1. count, 2. the page of organizations with their counts, 3. spellings
    with django_assert_num_queries(3):
        response = client.get("/organizations/?q=acme")
    assert response.status_code == 200
    # Acme and each session's chapter, each with the spellings the prefetch brought.
    assert titles(response) == len(archive) + 1
    assert response.content.decode().count("Also written: ") == len(archive) + 1


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_person_list_sorted_by_sessions_with_every_filter_query_count(
    client, archive, django_assert_num_queries
):
    # 1. count, 2. the page of people with their session counts and years, in the order of
    # their session counts, 3. spellings
    with django_assert_num_queries(3):
        response = client.get(
            "/people/?q=a&stakeholder=civil_society&region=weog&year=2024&sort=sessions"
        )
    assert response.status_code == 200
    assert response.context["ignored"] == []
    # Ada, the only one of the region, with every session.
    assert [(p.name, p.session_count) for p in response.context["page"]] == [("Ada", len(archive))]


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_person_list_sorted_by_sessions_query_count(client, archive, django_assert_num_queries):
    # 1. count, 2. the page of people in the order of their session counts, 3. spellings
    with django_assert_num_queries(3):
        response = client.get("/people/?year=2024&sort=sessions")
    assert response.status_code == 200
    # Ada, the moderator of every session and each session's speaker.
    assert titles(response) == len(archive) + 2


@pytest.mark.parametrize("archive", SIZES, indirect=True)
def test_organization_list_sorted_by_sessions_with_every_filter_query_count(
    client, archive, django_assert_num_queries
):
    # 1. count, 2. the page of organizations with their counts, in the order of their session
    # counts, 3. spellings
    with django_assert_num_queries(3):
        response = client.get("/organizations/?stakeholder=civil_society&year=2024&sort=sessions")
    assert response.status_code == 200
    assert response.context["ignored"] == []
    # Acme (all the sessions) first, then each session's chapter, by name.
    rows = [(o.name, o.session_count) for o in response.context["page"]]
    assert rows == [
        ("Acme", len(archive)),
        *[(f"Acme chapter {number:02d}", 1) for number in range(len(archive))],
    ]
    assert response.content.decode().count("Also written: ") == len(archive) + 1
