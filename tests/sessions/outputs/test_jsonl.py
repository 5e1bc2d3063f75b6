"""The JSON Lines export: a session's whole record a line, the list's filters, read in chunks."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from igfarchive.version import refresh_archive_version
from sessions.models import Participation
from sessions.outputs import exports
from tests.factories import (
    ArgumentFactory,
    CuratedFactFactory,
    MeetingFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    PolicyQuestionFactory,
    SessionFactory,
    SourceDocumentFactory,
    TakeawayFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db


def full_session(meeting, day):
    """A session with a row of every kind its record holds."""
    session = SessionFactory(
        meeting=meeting,
        date=datetime.date(2024, 12, day),
        source_document=SourceDocumentFactory(),
        description="Line one.\nLine two\u2028and a separator.",
    )
    session.sdg_goals.add(7)
    session.sdg_targets.add("7.a")
    OrganizerFactory(session=session)
    speaker = ParticipationFactory(session=session, is_remote=True, speech_seconds=60).person
    ParticipationFactory(session=session, role=Participation.Role.MODERATOR)
    PolicyQuestionFactory(session=session)
    TakeawayFactory(session=session)
    argument = ArgumentFactory(session=session, person=speaker)
    argument.agreed_with.add(PersonFactory())
    argument.disagreed_with.add(PersonFactory())
    CuratedFactFactory(session=session)
    TranscriptTurnFactory(session=session, person=speaker)
    return session


def lines(response):
    assert response.streaming is True
    text = b"".join(response.streaming_content).decode()
    assert text == "" or text.endswith("\n")
    return text.splitlines()


def test_a_line_is_the_api_detail(client):
    session = full_session(MeetingFactory(), 1)
    response = client.get("/sessions/export.jsonl")
    assert response["Content-Type"] == "application/jsonl"
    assert response["Content-Disposition"] == 'attachment; filename="sessions.jsonl"'
    # A line break and U+2028 inside a text stay escaped inside their line.
    (line,) = lines(response)
    assert json.loads(line) == client.get(f"/api/sessions/{session.pk}/").json()
    assert json.loads(line)["description"] == "Line one.\nLine two\u2028and a separator."
    assert json.loads(line)["transcript_url"] == (
        f"http://testserver/api/sessions/{session.pk}/transcript/"
    )


def test_empty_export_is_an_empty_file(client):
    assert lines(client.get("/sessions/export.jsonl")) == []


def test_jsonl_takes_the_lists_filters_whatever_the_page(client):
    on_goal = SessionFactory(title="B")
    on_goal.sdg_goals.add(7)
    SessionFactory(title="A")
    response = client.get("/sessions/export.jsonl?sdg=7&page=9")
    assert [json.loads(line)["id"] for line in lines(response)] == [on_goal.pk]


@pytest.mark.parametrize("size", [1, 25])
def test_jsonl_query_count(client, size, django_assert_num_queries):
    meeting = MeetingFactory()
    CuratedFactFactory(session=None, meeting=meeting, field="city")
    for day in range(1, size + 1):
        full_session(meeting, day)
    refresh_archive_version()
    response = client.get("/sessions/export.jsonl")
    # 1. the sessions with their meetings, source documents and numbers of transcript turns;
    # then for the one chunk: 2. SDG goals, 3. SDG targets, 4. policy questions, 5. takeaways,
    # 6. organizers with organizations, 7. participations with people and organizations,
    # 8. arguments with their people, 9. who agreed, 10. who disagreed, 11. the sessions'
    # curated facts, 12. the meetings' curated facts
    with django_assert_num_queries(12):
        records = [json.loads(line) for line in lines(response)]
    assert len(records) == size
    assert [len(record["arguments"][0]["agreed_with"]) for record in records] == [1] * size


def test_jsonl_reads_in_chunks(client, monkeypatch):
    monkeypatch.setattr(exports, "RECORD_CHUNK_SIZE", 2)
    meeting = MeetingFactory()
    for day in range(1, 6):
        full_session(meeting, day)
    response = client.get("/sessions/export.jsonl")
    with CaptureQueriesContext(connection) as queries:
        assert len(lines(response)) == 5
    # 1. the sessions, read chunk by chunk; then for each of the 3 chunks the 11 queries of
    # their related rows (test_jsonl_query_count names them)
    assert len(queries) == 1 + 3 * 11
