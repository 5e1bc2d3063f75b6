"""The stored search text and vector of sessions (sessions/search.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sessions.derived import refresh_derived
from sessions.models import Session, Takeaway
from sessions.search import search_sessions, search_groups
from tests.factories import (
    ArgumentFactory,
    OrganizerFactory,
    ParticipationFactory,
    PolicyQuestionFactory,
    SessionFactory,
    TakeawayFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db


def test_search_document_holds_the_session_and_its_related_rows():
    session = SessionFactory(
        title="Not in the document",
        number=377,
        description="A description.",
        report="A report.",
        sub_themes=["A sub-theme"],
    )
    PolicyQuestionFactory(session=session, text="A policy question?")
    OrganizerFactory(session=session, published_name="An organizer")
    ParticipationFactory(session=session, published_name="A speaker", affiliation="A university")
    TakeawayFactory(session=session, text="A takeaway.", speaker="Someone")
    TakeawayFactory(session=session, kind=Takeaway.Kind.FOLLOW_UP_QUESTION, text="A question?")
    ArgumentFactory(session=session, claim="A claim.", explanation="Because.", evidence="Data.")
    TranscriptTurnFactory(session=session, speaker_label="Moderator", text="Welcome.")

    refresh_derived([session.pk])

    session.refresh_from_db()
    assert session.search_document.split("\n\n") == [
        "Workshop #377",
        "A description.",
        "A report.",
        "A sub-theme",
        "A policy question?",
        "An organizer",
        "A speaker",
        "A university",
        "A question?",
        "A takeaway.",
        "Someone",
        "A claim.",
        "Because.",
        "Data.",
        "Moderator",
        "Welcome.",
    ]


@pytest.mark.parametrize("count", [1, 25])
def test_refresh_derived_runs_a_fixed_number_of_queries(count, django_assert_num_queries):
    sessions = [SessionFactory() for _ in range(count)]
    for session in sessions:
        TakeawayFactory(session=session)
        TranscriptTurnFactory(session=session)
    # 1. the sessions, 2-7. policy questions, organizers, participations, takeaways,
    # arguments, transcript turns, 8. the texts (one UPDATE), 9. on PostgreSQL the vectors
    expected = 9 if connection.vendor == "postgresql" else 8
    with django_assert_num_queries(expected):
        refresh_derived([session.pk for session in sessions])


def test_refresh_of_nothing_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        refresh_derived([])


def test_refresh_does_not_touch_updated_at():
    session = SessionFactory()
    before = Session.objects.get(pk=session.pk).updated_at
    refresh_derived([session.pk])
    assert Session.objects.get(pk=session.pk).updated_at == before


def test_every_word_must_match():
    both = SessionFactory(title="Green energy", description="Solar power.")
    SessionFactory(title="Green cities")
    refresh_derived(Session.objects.values_list("pk", flat=True))
    found = search_sessions(Session.objects.all(), "green solar")
    assert [session.pk for session in found] == [both.pk]


@pytest.mark.parametrize(
    "q",
    [
        # A word repeated: SQLite refused the query once it held 500 copies of it (found by
        # tests/igfarchive/test_fuzz_public_urls.py: the page answered 503).
        "digital " * 500,
        # Many different words, all in the session: the first SEARCH_GROUPS count.
        " ".join(f"w{number}" for number in range(600)),
    ],
)
def test_a_search_of_many_words_answers(client, q):
    session = SessionFactory(
        title="Digital", description=" ".join(f"w{number}" for number in range(600))
    )
    SessionFactory(title="Other")
    refresh_derived(Session.objects.values_list("pk", flat=True))
    found = search_sessions(Session.objects.all(), q)
    assert [row.pk for row in found] == [session.pk]
    # The list itself takes at most 20 words (sessions/browse/parameters.py): it says so.
    response = client.get("/sessions/", {"q": q})
    assert response.status_code == 200
    assert response.context["ignored"] == [
        f"Ignored q: a search has at most 20 words (this one has {len(q.split())}).",
        f"Ignored q: Ensure this value has at most 200 characters (it has {len(q.strip())}).",
    ]
    assert len(response.context["page"].object_list) == 2


@pytest.mark.postgres
def test_postgres_vector_weighs_the_title_above_the_text():
    session = SessionFactory(title="Energy", number=None, description="Solar")
    refresh_derived([session.pk])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM archive_session WHERE id = %s", [session.pk]
        )
        assert cursor.fetchone()[0] == "'energi':1A 'solar':2B"


@pytest.mark.postgres
def test_postgres_has_the_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'archive_session_search'")
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition


def test_refresh_search_command_rebuilds_every_session():
    sessions = [SessionFactory(description=f"Text {number}") for number in range(3)]
    Session.objects.update(search_document="")
    out = StringIO()
    call_command("refresh_search", stdout=out)
    assert out.getvalue() == "Search text rebuilt for 3 session(s).\n"
    assert [s.search_document for s in Session.objects.order_by("pk")] == [
        f"{session.label}\n\nText {number}" for number, session in enumerate(sessions)
    ]


@pytest.mark.parametrize(
    ("q", "groups"),
    [
        ("BRICS energy", [(False, ("BRICS",)), (False, ("energy",))]),
        ("BRICS -energy", [(False, ("BRICS",)), (True, ("energy",))]),
        ("BRICS or Kyoto", [(False, ("BRICS", "Kyoto"))]),
        ("BRICS OR Kyoto or Paris", [(False, ("BRICS", "Kyoto", "Paris"))]),
        ('"open data" -"closed data"', [(False, ("open data",)), (True, ("closed data",))]),
        ('"unclosed phrase', [(False, ("unclosed phrase",))]),
        ("or BRICS or", [(False, ("BRICS",))]),
        ("data data -data", [(False, ("data",)), (True, ("data",))]),
        ('- "" --x', [(True, ("-x",))]),
    ],
)
def test_sqlite_reads_web_search_syntax(q, groups):
    assert search_groups(q) == groups


@pytest.mark.parametrize(
    ("q", "titles"),
    [
        ("BRICS", ["BRICS and energy", "BRICS and trade"]),
        ("BRICS -energy", ["BRICS and trade"]),
        ("energy or Kyoto", ["BRICS and energy", "Kyoto climate"]),
        ('"and trade"', ["BRICS and trade"]),
    ],
)
def test_search_syntax_gives_the_same_sessions_on_both_databases(q, titles):
    for title in ["BRICS and energy", "BRICS and trade", "Kyoto climate"]:
        SessionFactory(title=title, description="")
    refresh_derived(Session.objects.values_list("pk", flat=True))

    found = search_sessions(Session.objects.all(), q)

    assert sorted(session.title for session in found) == titles


def test_a_search_of_exclusions_only_lists_the_rest():
    SessionFactory(title="BRICS and energy", description="")
    SessionFactory(title="Kyoto climate", description="")
    refresh_derived(Session.objects.values_list("pk", flat=True))

    found = search_sessions(Session.objects.all(), "-energy")

    assert [session.title for session in found] == ["Kyoto climate"]
