"""Free-text search over sessions, with the same syntax, ranking and snippets on both databases.

Each session stores `search_document`, the text of the session and of its related rows
(policy questions, takeaways, arguments, transcript, people's and organizers' names as
published), so that one column answers a search; sessions/derived.py alone computes it.

- PostgreSQL: `search_vector` holds the weighted tsvector of the title (A) and that text (B),
  indexed with GIN (migration 0004), matched against websearch_to_tsquery and ranked by
  ts_rank.
- SQLite: the FTS5 table `archive_session_fts` (migration 0014) indexes the same two columns
  (porter stemming over unicode61 words, as close to PostgreSQL's `english` configuration as
  FTS5 comes), matched with an FTS5 expression translated from the same syntax
  (fts5_expression) and ranked by bm25, the title weighted ten times the text.

The FTS5 table is kept in step by triggers on archive_session, not by derived.py: every
writer of a session's title or text (derived.py's bulk UPDATE, the synthetic generator's
INSERTs, a restore's raw saves, an editor's save) goes through that table, and a trigger sees
each of them without the writer knowing the index exists. derived.py still owns the text; the
index is a function of the columns, as the GIN index is on PostgreSQL.
tests/sessions/test_full_text.py checks that the triggers survive the migrations.

The syntax (search_groups): words are all required, `"a phrase"` is one term, `a or b` needs
either, `-word` excludes. English stop words ("the", "and", ...) mean nothing on PostgreSQL,
which drops them from a query; FTS5 indexes every word, so this module drops the same words
from a query before FTS5 reads it: a search of stop words alone finds nothing on both. A
phrase keeps its stop words (FTS5 then asks for them in place, where PostgreSQL asks for a
word in between). Accents count on both: "Sao" does not find "São".
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from sessions.models import SessionFullText
from sessions.models.shape import SEARCHED_TEXTS

SEARCH_CONFIG = "english"
# A search uses this many of its groups at most (search_groups): each is one more condition.
SEARCH_GROUPS = 64
# The search columns: large, derived, never worth reading back.
SEARCH_FIELDS = ("search_document", "search_vector")

# The session's own text fields, in reading order.
TEXT_FIELDS = SEARCHED_TEXTS

# PostgreSQL's English stop words (tsearch_data/english.stop), which its `english`
# configuration leaves out of a vector and of a query.
ENGLISH_STOP_WORDS = (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves what which who whom "
    "this that these those am is are was were be been being have has had having do does did "
    "doing a an the and but if or because as until while of at by for with about against "
    "between into through during before after above below to from up down in out on off over "
    "under again further then once here there when where why how all any both each few more "
    "most other some such no nor not only own same so than too very s t can will just don "
    "should now"
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS.split())


def search_vector():
    """The expression of a session's search vector: its title (A) and search text (B)."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "search_document", weight="B", config=SEARCH_CONFIG
    )


def on_postgres():
    return connection.vendor == "postgresql"


# A term of web-search syntax: an optional minus, then "a quoted phrase" or a word.
TERM = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
# What both databases read as a word: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")


def search_groups(q):
    """The search `q` in web-search syntax, as websearch_to_tsquery reads it on PostgreSQL:
    [(excluded, terms)], every group required (or, when excluded, absent), any one of its
    terms enough. `"a phrase"` is one term, `-word` excludes, `a or b` is one group.

    A term of stop words only is left out, as PostgreSQL leaves it out. Each group is one
    more condition: only the first SEARCH_GROUPS groups count.
    """
    groups, joined = [], False
    for match in TERM.finditer(q):
        term = (match["phrase"] if match["phrase"] is not None else match["word"]).strip()
        excluded = bool(match["minus"])
        if term.lower() == "or" and match["word"] and not excluded:
            joined = bool(groups) and not groups[-1][0]
            continue
        words = WORD.findall(term.lower())
        if not words or all(word in STOP_WORDS for word in words):
            # Punctuation or stop words alone name nothing (websearch_to_tsquery drops them).
            continue
        if joined and not excluded:
            groups[-1] = (False, (*groups[-1][1], term))
        else:
            groups.append((excluded, (term,)))
        joined = False
    return list(dict.fromkeys(groups))[:SEARCH_GROUPS]


def fts5_string(term):
    """A term as an FTS5 string: quoted, so that nothing the reader typed is FTS5 syntax."""
    return '"' + term.replace('"', '""') + '"'


def fts5_any(terms):
    return "(" + " OR ".join(map(fts5_string, terms)) + ")"


def fts5_expression(groups):
    """The FTS5 MATCH expression of search_groups(): (required, excluded) expressions, each
    None when there is no such group."""
    required = " AND ".join(fts5_any(terms) for excluded, terms in groups if not excluded)
    excluded = [term for is_excluded, terms in groups if is_excluded for term in terms]
    return required or None, fts5_any(excluded) if excluded else None


def search_sessions(queryset, q):
    """Sessions matching `q`, annotated with `rank` (higher is better) for the relevance sort.

    PostgreSQL: the stored vector against websearch_to_tsquery, ranked by ts_rank. SQLite:
    the FTS5 index against the same syntax, ranked by bm25 (the title ten times the text).
    A search of exclusions only lists every session without those words, unranked; a search
    that names no word (stop words, punctuation) finds nothing, on both.
    """
    if on_postgres():
        query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
    required, excluded = fts5_expression(search_groups(q))
    if required and excluded:
        required = f"{required} NOT {excluded}"
    if required:
        return queryset.filter(full_text__query__matches=required).annotate(
            rank=-F("full_text__rank")
        )
    if excluded:
        matching = SessionFullText.objects.filter(query__matches=excluded).values("session")
        return queryset.exclude(pk__in=matching).annotate(rank=Value(0.0))
    return queryset.none().annotate(rank=Value(0.0))


# Snippets: where the words of a search occur in each session of a page.

# Sentinels around a matched word in the databases' output, replaced by <mark> once the text
# is escaped (highlighted): characters of Unicode's private use area. One that a source holds
# can only open or close a balanced <mark>, never bring markup of its own.
MARK_START, MARK_END = "\ue000", "\ue001"
# A snippet's length in words, on both databases.
SNIPPET_WORDS = 24
# PostgreSQL: ts_headline parses all the text it is given (some 0.5 s a megabyte), so it is
# given this many characters of the search text: from a little before the first place where
# a word of the search occurs as typed, else from the start.
HEADLINE_WINDOW = 4000
HEADLINE_LEAD = 200


def snippets(session_ids, q):
    """{session id: highlighted snippet} for these sessions (a page's) and the search `q`: the
    words of the search marked in the search text where it matches, else in the title.

    One query whatever the number of sessions; none when the search names no word to find.
    """
    groups = search_groups(q)
    terms = [term for excluded, terms in groups if not excluded for term in terms]
    session_ids = list(session_ids)
    if not terms or not session_ids:
        return {}
    rows = (
        postgres_headlines(session_ids, q, terms)
        if on_postgres()
        else fts5_snippets(session_ids, groups)
    )
    return {
        session_id: highlighted(text if MARK_START in text else title)
        for session_id, title, text in rows
        if MARK_START in title + text
    }


def fts5_snippets(session_ids, groups):
    required, _excluded = fts5_expression(groups)
    marks = [MARK_START, MARK_END, "…", SNIPPET_WORDS]
    placeholders = ", ".join(["%s"] * len(session_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, snippet(archive_session_fts, 0, %s, %s, %s, %s),"
            " snippet(archive_session_fts, 1, %s, %s, %s, %s) FROM archive_session_fts"
            f" WHERE archive_session_fts MATCH %s AND rowid IN ({placeholders})",
            [*marks, *marks, required, *session_ids],
        )
        return cursor.fetchall()


def postgres_headlines(session_ids, q, terms):
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, "
        f"MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
    )
    first = " ".join(["NULLIF(strpos(lower(search_document), %s), 0),"] * len(terms))[:-1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_headline(%s, title, query, %s),"
            " ts_headline(%s, substr(search_document,"
            f" GREATEST(COALESCE(LEAST({first}), 1) - %s, 1), %s), query, %s)"
            " FROM archive_session, websearch_to_tsquery(%s, %s) AS query"
            " WHERE id = ANY(%s)",
            [
                SEARCH_CONFIG,
                f"{options}, HighlightAll=true",
                SEARCH_CONFIG,
                *(term.lower() for term in terms),
                HEADLINE_LEAD,
                HEADLINE_WINDOW,
                options,
                SEARCH_CONFIG,
                q,
                session_ids,
            ],
        )
        return cursor.fetchall()


def highlighted(text):
    """A snippet with its sentinels as <mark> elements, every other character escaped: no
    source text reaches the page as HTML, and the marks are always balanced."""
    parts, open_mark = [], False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", text):
        if piece in (MARK_START, MARK_END):
            wanted = piece == MARK_START
            if wanted != open_mark:
                parts.append("<mark>" if wanted else "</mark>")
                open_mark = wanted
        else:
            parts.append(escape(piece))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # every piece escaped above


def rebuild_full_text():
    """On SQLite, index every session's title and text again (refresh_search): the triggers
    keep the index in step, and this mends it if anything bypassed them."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO archive_session_fts (archive_session_fts) VALUES ('rebuild')"
            )
