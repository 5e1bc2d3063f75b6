"""The stored search text and vector of sessions (sessions/search.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sessions.derived import refresh_derived
from sessions.models import Session, Takeaway
from sessions.search import (
    fts5_expression,
    highlighted,
    search_groups,
    search_sessions,
    snippets,
)
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
    # arguments, transcript turns, 8. the texts (one UPDATE), 9. on PostgreSQL the vectors;
    # then the people and organizations their rows name (record_counts): 10. the people of
    # their participations, 11. the organizations of their participations, 12. those of their
    # organizers (none: no count to refresh)
    expected = 12 if connection.vendor == "postgresql" else 11
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
        # Stop words name nothing, alone or in a group; a phrase keeps them.
        ("the internet", [(False, ("internet",))]),
        ("BRICS or the", [(False, ("BRICS",))]),
        ("the -the", []),
        ('"and trade"', [(False, ("and trade",))]),
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


@pytest.mark.parametrize(
    ("q", "expression"),
    [
        ("BRICS energy", ('("BRICS") AND ("energy")', None)),
        ("BRICS or Kyoto -energy", ('("BRICS" OR "Kyoto")', '("energy")')),
        ('"open data" -"closed data" -x', ('("open data")', '("closed data" OR "x")')),
        ("-energy", (None, '("energy")')),
        # What FTS5 would read as syntax is a quoted string like any other word.
        ("NEAR(a b) title:x* ^y", ('("NEAR(a") AND ("b)") AND ("title:x*") AND ("^y")', None)),
    ],
)
def test_a_search_is_an_fts5_expression_of_quoted_strings(q, expression):
    assert fts5_expression(search_groups(q)) == expression


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "-",
        "*",
        "^",
        "(",
        ")",
        "NOT",
        "AND",
        "a OR",
        "NEAR(a",
        "title:",
        "a:b",
        "x'y",
        "%s",
    ],
)
def test_a_malformed_search_answers(client, q):
    SessionFactory(title="A session")
    response = client.get("/sessions/", {"q": q})
    assert response.status_code == 200


def test_a_snippet_escapes_the_text_around_its_marks():
    session = SessionFactory(title="Hostile", description="")
    TranscriptTurnFactory(
        session=session, text='<script>alert("x")</script> the zettabyte & <b>more</b>'
    )
    refresh_derived([session.pk])

    (snippet,) = snippets([session.pk], "zettabyte").values()

    # SQLite gives the text as it is, escaped here; PostgreSQL's ts_headline drops the tags.
    if connection.vendor == "sqlite":
        assert snippet.endswith(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; the <mark>zettabyte</mark>"
            " &amp; &lt;b&gt;more&lt;/b&gt;"
        )
    else:
        assert snippet.endswith(" alert(&quot;x&quot;)  the <mark>zettabyte</mark> &amp;  more ")


def test_a_snippet_marks_a_word_far_into_the_text_asked_for_once_or_again():
    # PostgreSQL's headline is given HEADLINE_WINDOW characters from a little before the word;
    # "zettabyte or ZETTABYTE …" (the widest search the archive accepts) looks for it once.
    session = SessionFactory(title="Hostile", description="")
    TranscriptTurnFactory(session=session, text=("words " * 1000) + "the zettabyte era")
    refresh_derived([session.pk])

    (once,) = snippets([session.pk], "zettabyte").values()
    (again,) = snippets([session.pk], " or ".join(["zettabyte", "ZETTABYTE"] * 5)).values()

    assert once.endswith("words the <mark>zettabyte</mark> era")
    assert again.endswith("words the <mark>zettabyte</mark> era")


@pytest.mark.parametrize(
    ("raw", "html"),
    [
        ("a \ue000b\ue001 <c>", "a <mark>b</mark> &lt;c&gt;"),
        # Sentinels out of turn never leave a mark open or close one that is not.
        ("\ue001a\ue000\ue000b", "a<mark>b</mark>"),
    ],
)
def test_highlighted_marks_are_balanced(raw, html):
    assert highlighted(raw) == html


def test_refresh_search_mends_the_sqlite_index():
    session = SessionFactory(title="Zettabyte era", description="")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO archive_session_fts (archive_session_fts) VALUES ('delete-all')"
            )
        assert list(search_sessions(Session.objects.all(), "zettabyte")) == []

    call_command("refresh_search", stdout=StringIO())

    assert list(search_sessions(Session.objects.all(), "zettabyte")) == [session]
