"""Free-text search over sessions: the stored search text and, on PostgreSQL, its vector.

Each session stores `search_document`, the text of the session and of its related rows
(policy questions, takeaways, arguments, transcript, people's and organizers' names as
published), so that one column answers a search. On PostgreSQL, `search_vector` holds the
weighted tsvector of the title (A) and that text (B), indexed with GIN (migration 0004);
on SQLite the vector stays empty and search falls back to icontains.

sessions/derived.py computes the text and keeps both up to date.
"""

import re

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


# A term of web-search syntax: an optional minus, then "a quoted phrase" or a word.
TERM = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


def sqlite_groups(q):
    """The search `q` in web-search syntax, as websearch_to_tsquery reads it on PostgreSQL:
    [(excluded, terms)], every group required (or, when excluded, absent), any one of its
    terms enough. `"a phrase"` is one term, `-word` excludes, `a or b` is one group.

    Each term deepens the query's expression, and SQLite refuses one deeper than 1000: a
    group counts once, and only the first SQLITE_SEARCH_WORDS groups do.
    """
    groups, joined = [], False
    for match in TERM.finditer(q):
        term = (match["phrase"] if match["phrase"] is not None else match["word"]).strip()
        excluded = bool(match["minus"])
        if not any(character.isalnum() for character in term):
            continue  # punctuation alone names nothing (websearch_to_tsquery drops it too)
        if term.lower() == "or" and match["word"] and not excluded:
            joined = bool(groups) and not groups[-1][0]
            continue
        if joined and not excluded:
            groups[-1] = (False, (*groups[-1][1], term))
        else:
            groups.append((excluded, (term,)))
        joined = False
    return list(dict.fromkeys(groups))[:SQLITE_SEARCH_WORDS]


def search_sessions(queryset, q):
    """Sessions matching the words of `q`, annotated with `rank` for the relevance sort.

    PostgreSQL: the stored vector against websearch_to_tsquery (quotes, `or` and `-word`
    work as on a web search engine), ranked by ts_rank. SQLite: the same syntax
    (sqlite_groups), each term matched in the title or the search text; sessions with every
    required word in the title rank first.
    """
    if on_postgres():
        query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
    groups = sqlite_groups(q)
    if not groups:
        return queryset.annotate(rank=Value(0.0))
    in_title = Q()
    for excluded, terms in groups:
        found = Q()
        for term in terms:
            found |= Q(title__icontains=term) | Q(search_document__icontains=term)
        if excluded:
            queryset = queryset.exclude(found)
            continue
        queryset = queryset.filter(found)
        if len(terms) == 1:
            in_title &= Q(title__icontains=terms[0])
    if not in_title:  # only exclusions: no word to find in a title
        return queryset.annotate(rank=Value(0.0))
    return queryset.annotate(rank=Case(When(in_title, then=Value(1.0)), default=Value(0.0)))
