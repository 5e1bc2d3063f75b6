"""Every admin changelist runs the same number of queries for 1 row as for 25.

For each model registered in sessions/admin.py and speakers/admin.py, a superuser opens the
changelist. Each test lists the queries it expects, in order; the first two are always the
login's session and its user (a superuser's permissions cost no query). What the changelists
leave out on purpose (a second count, a date hierarchy, the largest columns) is explained in
sessions/admin.py.
"""

import re

import pytest
from django.utils import timezone

from sessions.models import SdgGoal, SdgTarget, Session, SourceDocument, WaitingDocument
from speakers.models import DuplicateSuggestion, OrganizationDuplicateSuggestion
from tests.factories import (
    ArgumentFactory,
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
    SessionFactory,
    SourceDocumentFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 25]


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def open_changelist(client, path, rows):
    """Open the changelist; it counts `rows` and renders one table row for each."""
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["cl"].result_count == rows
    body = re.search(
        r'<table id="result_list">.*?<tbody>(.*?)</tbody>', response.content.decode(), re.S
    )
    assert body is not None
    assert body.group(1).count("<tr") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_session_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        # Each in a meeting of its own, on an SDG goal.
        SessionFactory(source_document=SourceDocumentFactory()).sdg_goals.add(7)
    # 1. session, 2. user
    # 3. meetings (filter "meeting"), 4. SDG goals (filter "sdg goals")
    # 5. count of the sessions
    # 6. the page of sessions with their meetings, without the search text and snapshot
    # 7. the meetings' years (filter "year", from the meetings' table)
    with django_assert_num_queries(7) as queries:
        open_changelist(superuser_client, "/admin/archive/session/", rows)
    page = queries.captured_queries[5]["sql"]
    assert '"archive_meeting"."name"' in page
    assert '"search_document"' not in page
    assert '"import_snapshot"' not in page


@pytest.mark.parametrize("rows", SIZES)
def test_meeting_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        MeetingFactory()
    # 1. session, 2. user
    # 3. count of the meetings, 4. count of all meetings ("N total": a small table)
    # 5. the page of meetings, 6. their years (filter "year")
    with django_assert_num_queries(6):
        open_changelist(superuser_client, "/admin/archive/meeting/", rows)


@pytest.mark.parametrize("rows", [1, 17])
def test_sdg_goal_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    # The 17 goals come from the migrations: keep the first `rows`.
    SdgTarget.objects.filter(goal__number__gt=rows).delete()
    SdgGoal.objects.filter(number__gt=rows).delete()
    # 1. session, 2. user
    # 3. count of the goals, 4. count of all goals ("N total")
    # 5. the page of goals
    with django_assert_num_queries(5):
        open_changelist(superuser_client, "/admin/archive/sdggoal/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_sdg_target_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    # The 169 targets come from the migrations: keep the first `rows`, over several goals.
    kept = SdgTarget.objects.order_by("goal", "position").values_list("code", flat=True)[:rows]
    SdgTarget.objects.exclude(code__in=list(kept)).delete()
    # 1. session, 2. user
    # 3. SDG goals (filter "goal")
    # 4. count of the targets, 5. count of all targets ("N total")
    # 6. the page of targets with their goals
    with django_assert_num_queries(6):
        open_changelist(superuser_client, "/admin/archive/sdgtarget/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_source_document_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        SourceDocumentFactory()
    # 1. session, 2. user
    # 3. count of the documents
    # 4. the page of documents, without their text
    with django_assert_num_queries(4) as queries:
        open_changelist(superuser_client, "/admin/archive/sourcedocument/", rows)
    assert '"text"' not in queries.captured_queries[3]["sql"]


@pytest.mark.parametrize("rows", SIZES)
def test_waiting_document_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for number in range(rows):
        WaitingDocument.objects.create(
            file_name=f"page-{number}.txt",
            format=SourceDocument.Format.DIPLOAI_REPORT,
            sha256=f"{number:064x}",
            text="A page",
            problems=f"page-{number}.txt:2: no date line",
            received_at=timezone.now(),
            session=SessionFactory(),
        )
    # 1. session, 2. user
    # 3. count of the documents
    # 4. the page of documents with their sessions, without their text
    with django_assert_num_queries(4) as queries:
        open_changelist(superuser_client, "/admin/archive/waitingdocument/", rows)
    page = queries.captured_queries[3]["sql"]
    assert '"archive_session"."title"' in page
    assert '"archive_waitingdocument"."text"' not in page


@pytest.mark.parametrize("rows", SIZES)
def test_person_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        PersonAliasFactory()
    # 1. session, 2. user
    # 3. count of the people, 4. the page of people
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/person/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_person_alias_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        PersonAliasFactory()
    # 1. session, 2. user
    # 3. count of the spellings, 4. the page of spellings with their people
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/personalias/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_organization_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        OrganizationAliasFactory()
    # 1. session, 2. user
    # 3. count of the organizations, 4. the page of organizations with their parents
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/organization/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_organization_alias_changelist_query_count(
    superuser_client, rows, django_assert_num_queries
):
    for _ in range(rows):
        OrganizationAliasFactory(organization=OrganizationFactory())
    # 1. session, 2. user
    # 3. count of the spellings, 4. the page of spellings with their organizations
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/organizationalias/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_duplicate_suggestion_changelist_query_count(
    superuser_client, rows, django_assert_num_queries
):
    for number in range(rows):
        DuplicateSuggestion.objects.create(
            person=PersonFactory(), other=PersonFactory(), reason=f"one letter apart ({number})"
        )
    # 1. session, 2. user
    # 3. count of the suggestions, 4. the page of suggestions with both people
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/duplicatesuggestion/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_organization_duplicate_suggestion_changelist_query_count(
    superuser_client, rows, django_assert_num_queries
):
    for number in range(rows):
        OrganizationDuplicateSuggestion.objects.create(
            organization=OrganizationFactory(),
            other=OrganizationFactory(),
            reason=f"close names ({number})",
        )
    # 1. session, 2. user
    # 3. count of the suggestions, 4. the page of suggestions with both organizations
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/speakers/organizationduplicatesuggestion/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_argument_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    for _ in range(rows):
        ArgumentFactory()
    # 1. session, 2. user
    # 3. count of the arguments, 4. the page of arguments with their people, sessions, meetings
    with django_assert_num_queries(4):
        open_changelist(superuser_client, "/admin/archive/argument/", rows)


@pytest.mark.parametrize("rows", SIZES)
def test_transcript_changelist_query_count(superuser_client, rows, django_assert_num_queries):
    session = SessionFactory()
    TranscriptTurnFactory.create_batch(rows, session=session)
    # 1. session, 2. user
    # 3. count of the turns, 4. the page of turns with their people, sessions, meetings
    with django_assert_num_queries(4):
        open_changelist(
            superuser_client,
            f"/admin/archive/transcriptturn/?session__id__exact={session.pk}",
            rows,
        )


def test_filtered_session_changelist_says_show_all_instead_of_counting_everything(
    superuser_client,
):
    SessionFactory(title="Big Data for Environmental Sustainability")
    SessionFactory(title="Digital Technology Empowers Green Development")

    response = superuser_client.get("/admin/archive/session/", {"q": "big data"})

    assert response.context["cl"].result_count == 1
    assert response.context["cl"].full_result_count is None
    assert "Show all" in response.content.decode()
    assert Session.objects.count() == 2
