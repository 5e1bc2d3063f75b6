"""Search over the five bundled documents gives the same sessions on SQLite and PostgreSQL.

The same module runs on both databases (ARCHIVE_TESTS_REQUIRE=postgres for PostgreSQL): each
search's exact list of sessions, and each session's snippet holding the word searched.
"""

import re

import pytest
from django.http import QueryDict

from sessions.browse.filters import SessionFilter
from sessions.models import Session
from sessions.search import search_sessions, snippets

pytestmark = pytest.mark.django_db

WORKSHOP_125 = "igf-2021/workshop-125"  # Big Data for Environmental Sustainability
WORKSHOP_377 = "igf-2023/workshop-377"  # Enhance Digital Governance for Less CO2 future
OPEN_FORUM_9 = "igf-2024/open-forum-9"  # Digital Technology Empowers Green and Low-carbon...
SCIO = (
    "scio-press-conference-2022-11-15/"
    "scio-press-conference-on-white-paper-jointly-build-a-community-with-a-shared-future-in-"
    "cyberspace"
)
WSIS = (
    "wsis-2025/"
    "strengthen-digital-governance-and-international-cooperation-to-build-an-inclusive-digital-"
    "future"
)


def found(q, sort="relevance"):
    """The sessions a search finds, best match first, as meeting/session slugs."""
    sessions = searched(q, sort).qs
    return [f"{s.meeting.slug}/{s.slug}" for s in sessions.select_related("meeting")]


@pytest.mark.parametrize(
    ("q", "sessions"),
    [
        # A phrase.
        ('"big data"', {WORKSHOP_125, WORKSHOP_377, OPEN_FORUM_9}),
        # Either word: "congress" is said in the SCIO transcript alone.
        ("BRICS or congress", {SCIO, WSIS}),
        # A word left out.
        ("data -carbon", {WSIS}),
        ("BRICS -energy", set()),
        # Words said only in a transcript (of SCIO, of WSIS).
        ("congress", {SCIO}),
        ("delighted", {WSIS}),
        # Exclusions only: every session without the word.
        ("-cyberspace", {WORKSHOP_125, WORKSHOP_377}),
        # Stop words only name nothing, on both databases.
        ("the", set()),
        ("-the", set()),
    ],
)
def test_a_search_finds_the_same_sessions_on_both_databases(imported, q, sessions):
    assert set(found(q)) == sessions
    assert len(found(q)) == len(sessions)


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("environmental", WORKSHOP_125),  # in its title, and in three other sessions' texts
        ("cyberspace", SCIO),
    ],
)
def test_best_match_puts_a_title_match_first(imported, q, first):
    assert found(q)[0] == first
    assert found(q, sort="newest")[0] == WSIS != first


@pytest.mark.parametrize(
    ("q", "words"),
    [
        # A phrase is marked as a whole (SQLite) or word by word (PostgreSQL).
        ('"big data"', {"big data", "big", "data"}),
        ("congress", {"congress"}),
        ("delighted", {"delighted"}),
        ("BRICS or congress", {"brics", "congress"}),
    ],
)
def test_every_session_found_has_a_snippet_marking_the_words(imported, q, words):
    sessions = search_sessions(Session.objects.all(), q)
    marked = snippets([session.pk for session in sessions], q)
    assert sorted(marked) == sorted(session.pk for session in sessions)
    for snippet in marked.values():
        marks = {mark.lower() for mark in re.findall(r"<mark>(.*?)</mark>", snippet)}
        assert marks and marks <= words, snippet


def test_the_list_shows_each_result_with_its_snippet(client, imported):
    response = client.get("/sessions/", {"q": "congress"})
    (session,) = response.context["page"].object_list
    assert "<mark>Congress</mark>" in session.snippet
    assert str(session.snippet) in response.content.decode()


def searched(q, sort="relevance"):
    parameters = QueryDict(mutable=True)
    parameters.update({"q": q, "sort": sort})
    return SessionFilter(parameters, queryset=Session.objects.all())


@pytest.mark.parametrize(
    ("q", "sessions"),
    [
        # The title answer first, then the other matches newest first.
        ("environmental", [WORKSHOP_125, WSIS, OPEN_FORUM_9, WORKSHOP_377]),
        ("cyberspace or energy", [SCIO, WSIS, OPEN_FORUM_9, WORKSHOP_377, WORKSHOP_125]),
        # Only one of the words in a title ("Big Data for ..."): newest first.
        ("data cooperation", [WSIS, OPEN_FORUM_9, SCIO, WORKSHOP_125]),
        # Exclusions only: no title answers, newest first.
        ("-cyberspace", [WORKSHOP_377, WORKSHOP_125]),
    ],
)
def test_best_match_is_title_answers_then_newest(imported, q, sessions):
    assert found(q) == sessions


@pytest.mark.parametrize("q", ["digital", "environmental", "data -carbon", "energy or cyberspace"])
@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_best_match_pages_are_the_whole_list_cut_in_pages(imported, q, per_page):
    """A page reads the two parts of best match (BestMatch) as far as it needs: page after
    page, they give the list's one-query order (`qs`, what downloads read)."""
    whole = [session.pk for session in searched(q).qs]
    paged = []
    for start in range(0, len(whole), per_page):
        # A new list for each page, as each request makes one.
        pages = searched(q).pages(len(whole), prepare=lambda queryset: queryset)
        paged += [session.pk for session in pages[start : start + per_page]]
    assert paged == whole
