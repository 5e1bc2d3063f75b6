"""Free-text search over sessions: the stored search text and, on PostgreSQL, its vector.

Each session stores `search_document`, the text of the session and of its related rows
(policy questions, takeaways, arguments, transcript, people's and organizers' names as
published), so that one column answers a search. On PostgreSQL, `search_vector` holds the
weighted tsvector of the title (A) and that text (B), indexed with GIN (migration 0004);
on SQLite the vector stays empty and search falls back to icontains.

sessions/derived.py computes the text and keeps both up to date.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, Q, Value, When

from sessions.models.shape import SEARCHED_TEXTS

SEARCH_CONFIG = "english"
# On SQLite, a search uses this many of its words at most (search_sessions).
SQLITE_SEARCH_WORDS = 64
# The search columns: large, derived, never worth reading back.
SEARCH_FIELDS = ("search_document", "search_vector")

# The session's own text fields, in reading order.
TEXT_FIELDS = SEARCHED_TEXTS


def search_vector():
    """The expression of a session's search vector: its title (A) and search text (B)."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "search_document", weight="B", config=SEARCH_CONFIG
    )


def on_postgres():
    return connection.vendor == "postgresql"


def search_sessions(queryset, q):
    """Sessions matching the words of `q`, annotated with `rank` for the relevance sort.

    PostgreSQL: the stored vector against websearch_to_tsquery (quotes, `or` and `-word`
    work as on a web search engine), ranked by ts_rank. SQLite: every word must appear in
    the title or the search text; sessions with every word in the title rank first.
    """
    if on_postgres():
        query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
    # Quotes and a leading minus mean something to websearch_to_tsquery; here they are dropped.
    words = [word.strip('"').lstrip("-") for word in q.split()]
    # Each word deepens the query's expression, and SQLite refuses one deeper than 1000: a
    # word counts once, and only the first SQLITE_SEARCH_WORDS words do.
    words = list(dict.fromkeys(word for word in words if word))[:SQLITE_SEARCH_WORDS]
    if not words:
        return queryset.annotate(rank=Value(0.0))
    in_title = Q()
    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(search_document__icontains=word))
        in_title &= Q(title__icontains=word)
    return queryset.annotate(rank=Case(When(in_title, then=Value(1.0)), default=Value(0.0)))
