"""A session's copies for the list: its meeting's year and its record marks (migration 0009)."""

import pytest

from sessions.derived import batch, refresh_derived
from sessions.models import Session, Takeaway
from tests.factories import MeetingFactory, SessionFactory, TakeawayFactory, TranscriptTurnFactory

pytestmark = pytest.mark.django_db


def marks(session):
    return Session.objects.values_list("has_takeaways", "has_transcript").get(pk=session.pk)


def test_a_session_takes_its_meetings_year():
    session = SessionFactory(meeting=MeetingFactory(year=2019))

    assert Session.objects.get(pk=session.pk).year == 2019


def test_a_meeting_moved_to_another_year_takes_its_sessions_along(client):
    meeting = MeetingFactory(year=2019)
    session = SessionFactory(meeting=meeting)
    other = SessionFactory(meeting=MeetingFactory(year=2019))

    meeting.year = 2020
    meeting.save()

    assert Session.objects.get(pk=session.pk).year == 2020
    assert Session.objects.get(pk=other.pk).year == 2019
    page = client.get("/sessions/", {"year": "2020"}).context["page"]
    assert [s.pk for s in page] == [session.pk]


def test_a_session_moved_to_another_meeting_takes_its_year():
    session = SessionFactory(meeting=MeetingFactory(year=2019))

    session.meeting = MeetingFactory(year=2023)
    session.save()

    assert Session.objects.get(pk=session.pk).year == 2023


@pytest.mark.parametrize(
    ("kind", "has_takeaways"),
    [
        (Takeaway.Kind.KEY_TAKEAWAY, True),
        (Takeaway.Kind.CALL_TO_ACTION, True),
        (Takeaway.Kind.AGREEMENT, False),
        (Takeaway.Kind.FOLLOW_UP_QUESTION, False),
    ],
)
def test_only_key_takeaways_and_calls_to_action_mark_a_session(kind, has_takeaways):
    session = SessionFactory()
    TakeawayFactory(session=session, kind=kind)

    refresh_derived([session.pk])

    assert marks(session) == (has_takeaways, False)


def test_marks_follow_the_rows_both_ways():
    session = SessionFactory()
    takeaway = TakeawayFactory(session=session, kind=Takeaway.Kind.KEY_TAKEAWAY)
    turn = TranscriptTurnFactory(session=session)
    refresh_derived([session.pk])
    assert marks(session) == (True, True)

    takeaway.delete()
    turn.delete()
    refresh_derived([session.pk])

    assert marks(session) == (False, False)


def test_the_report_mark_follows_the_report():
    session = SessionFactory(report="")
    assert Session.objects.get(pk=session.pk).has_report is False

    session.report = "What the session concluded."
    session.save()
    assert Session.objects.get(pk=session.pk).has_report is True
    assert list(Session.objects.with_records(["report"]).values_list("pk", flat=True)) == [
        session.pk
    ]

    session.report = ""
    session.save()
    assert Session.objects.get(pk=session.pk).has_report is False


def search_text(session):
    return Session.objects.values_list("search_document", flat=True).get(pk=session.pk)


def test_a_plain_save_of_a_takeaway_moves_the_marks_and_the_search_text():
    # A writer that knows nothing of sessions/derived.py: a bare save() and delete().
    session = SessionFactory(number=7, title="Open data")
    takeaway = Takeaway(session=session, kind=Takeaway.Kind.KEY_TAKEAWAY, position=1)
    takeaway.text = "Publish the registry."
    takeaway.save()

    assert marks(session) == (True, False)
    assert search_text(session) == "Workshop #7\n\nPublish the registry."

    takeaway.kind = Takeaway.Kind.AGREEMENT
    takeaway.save()
    assert marks(session) == (False, False)

    takeaway.delete()
    assert marks(session) == (False, False)
    assert search_text(session) == "Workshop #7"


def test_a_batch_refreshes_each_touched_session_once_at_its_end():
    session = SessionFactory(number=7, title="Open data")

    with batch():
        for position in (1, 2, 3):
            TakeawayFactory(session=session, position=position, text=f"Point {position}.")
        # Inside the batch the copies wait for its end.
        assert marks(session) == (False, False)

    assert marks(session) == (True, False)
    assert search_text(session) == "Workshop #7\n\nPoint 1.\n\nPoint 2.\n\nPoint 3."


def test_the_copied_columns_write_no_history_of_their_own():
    """History shows what did a change; the copies follow the change that did it, unrecorded:
    a meeting moved to another year records the meeting's row and no row of its sessions."""
    meeting = MeetingFactory(year=2023)
    session = SessionFactory(meeting=meeting)
    TakeawayFactory(session=session, kind=Takeaway.Kind.KEY_TAKEAWAY)
    before = (meeting.history.count(), session.history.count())

    meeting.year = 2024
    meeting.save()
    refresh_derived([session.pk])

    assert (meeting.history.count(), session.history.count()) == (before[0] + 1, before[1])
    session.refresh_from_db()
    assert (session.year, session.has_takeaways) == (2024, True)
