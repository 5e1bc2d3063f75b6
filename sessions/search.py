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

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Func, IntegerField, Q, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from sessions.models import NEWEST_FIRST, Session, SessionFullText
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


def postgres_query(q):
    return SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)


# A session's title as PostgreSQL searches it; the GIN index archive_session_title_search
# (migration 0017) holds this expression.
TITLE_VECTOR = SearchVector("title", config=SEARCH_CONFIG)


def fts5_matches(required, excluded=None):
    """The ids of the sessions whose FTS5 row matches `required` and not `excluded`."""
    expression = f"{required} NOT {excluded}" if excluded else required
    return SessionFullText.objects.filter(query__matches=expression).values("session")


def search_sessions(queryset, q):
    """Sessions matching `q`, in no particular order (best_match orders them).

    PostgreSQL: the stored vector against websearch_to_tsquery. SQLite: the FTS5 index
    against the same syntax. A search of exclusions only lists every session without those
    words; a search that names no word (stop words, punctuation) finds nothing, on both.
    """
    queryset = searchable(queryset)
    if on_postgres():
        return queryset.filter(search_vector=postgres_query(q))
    required, excluded = fts5_expression(search_groups(q))
    if required:
        return queryset.filter(listed_id__in=fts5_matches(required, excluded))
    if excluded:
        return queryset.exclude(listed_id__in=fts5_matches(excluded))
    return queryset.none()


def search_ids(q):
    """The ids of the sessions matching `q`, read from the index (on PostgreSQL the GIN index
    of their vectors, on SQLite the FTS5 index): what a list's count and facets read as its
    search, once for all of them, as one parameter (AnyOf).

    Given the condition itself, PostgreSQL's planner believes checking a session's vector
    cheap, since it does not count reading the vector, stored out of line (9 kB on average):
    for a word in 96% of 100,000 sessions it read every vector to count them (0.6 s) and read
    them again for each facet, probing session after session (4.9 s for the people facet).
    From the index the ids take 0.1 s.
    """
    matches = search_sessions(Session.objects.order_by(), q).values_list("pk", flat=True)
    if not on_postgres():
        return list(matches)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # For this transaction only: the index whatever share of the sessions matches.
        cursor.execute("SET LOCAL enable_seqscan = off")
        return list(matches)


class Unindexed(Func):
    """`+column` (SQLite): the column's value, which the planner will not look up by an index."""

    template = "+%(expressions)s"


def searchable(queryset):
    """`queryset` with what a search's conditions name: on PostgreSQL the title's vector; on
    SQLite the id as `+id`, `listed_id`. SQLite cannot tell how many sessions a search
    matches, and given `id IN (matches)` it fetches every match by its id and sorts them all
    (2 s for a word in 96% of 100,000 sessions); given `+id IN (matches)` it walks the list's
    index and checks each id against the matches, which stops after a page (70 ms for that
    word; 35 ms to walk the whole index for a rare one)."""
    if on_postgres():
        return queryset.alias(title_vector=TITLE_VECTOR)
    return queryset.alias(listed_id=Unindexed(F("pk"), output_field=IntegerField()))


# "Best match": the sessions whose title answers the search first, then the others, newest
# first within each part. Ranking every match by its whole text (ts_rank, bm25) reads each
# match's text or positions: 0.8 s on PostgreSQL and 3 s on SQLite for a word in 96% of
# 100,000 sessions, a word that says little of any one of them; ranking the title answers by
# their title (ts_rank, bm25) still read all of them, 0.2-0.3 s for such a word. The title
# says most of what a session is about, and both parts are read in the order of the list's
# index, which stops after a page; the two databases give the same order (docs/performance.md).


def in_title(q):
    """The condition on a session that its title alone answers `q`: every term the search
    asks for is in the title (an excluded word is then checked on the whole session, by the
    search itself). None when the search asks for no term."""
    required, _excluded = fts5_expression(search_groups(q))
    if not required:
        return None
    if on_postgres():
        return Q(title_vector=postgres_query(q))
    return Q(listed_id__in=fts5_matches("{title} : (" + required + ")"))


def best_match(matching, q, count=None):
    """The sessions of `matching` (a list's sessions, search_sessions applied) in best-match
    order, for a Paginator (BestMatch)."""
    matching = matching.order_by(*NEWEST_FIRST)
    condition = in_title(q)
    if condition is None:
        return BestMatch(matching.none(), matching, matching, count)
    return BestMatch(matching.filter(condition), matching.exclude(condition), matching, count)


def with_title_answer(queryset, q):
    """`queryset` (search_sessions applied) with `title_answers`, true when the title alone
    answers `q`: one query orders a whole list by best match with it (an export reads every
    row anyway); a page reads best_match(), which gives the same order."""
    condition = in_title(q)
    answers = ExpressionWrapper(condition if condition else Value(False), BooleanField())
    return queryset.annotate(title_answers=answers)


class BestMatch:
    """A search's matches in best-match order, for a Paginator: the title answers (`titles`)
    then the others (`rest`), each part read only as far as the page asked for. `count` is
    the size of the whole list when the caller knows it; else the first count() counts
    `matching`.

    A page inside the title answers reads one query; a page that crosses into the rest, two;
    a page past the title answers counts them once (an index-only count) and reads the rest
    from there.
    """

    def __init__(self, titles, rest, matching, count=None):
        self.titles, self.rest, self.matching, self.total = titles, rest, matching, count
        self.title_count = None

    def count(self):
        if self.total is None:
            self.total = self.matching.count()
        return self.total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        rows = []
        if self.title_count is None or start < self.title_count:
            rows = list(self.titles[start:stop])
            if len(rows) == stop - start:
                return rows
            if rows or not start:
                self.title_count = start + len(rows)
        if self.title_count is None:
            self.title_count = self.titles.count()
        offset = max(start - self.title_count, 0)
        return rows + list(self.rest[offset : stop - self.title_count])


# Snippets: where the words of a search occur in each session of a page.

# Sentinels around a matched word in the databases' output, replaced by <mark> once the text
# is escaped (highlighted): characters of Unicode's private use area. One that a source holds
# can only open or close a balanced <mark>, never bring markup of its own.
MARK_START, MARK_END = "\ue000", "\ue001"
# A snippet's length in words, on both databases.
SNIPPET_WORDS = 24
# PostgreSQL: ts_headline parses all the text it is given (some 0.5 s a megabyte), so it is
# given this many characters of the search text (some 150 words, for a snippet of 24): from a
# little before the first place where a word of the search occurs as typed, else from the
# start. 4,000 cost a page of search results a third more of its time in the database.
HEADLINE_WINDOW = 1000
HEADLINE_LEAD = 200


def snippets(session_ids, q):
    """{session id: highlighted snippet} for these sessions (a page's) and the search `q`: the
    words of the search marked in the search text where it matches, else in the title.

    One query whatever the number of sessions; none when the search names no word to find.
    """
    groups = search_groups(q)
    # Each word once: "internet or internet …" looks for one word.
    wanted = [term for excluded, terms in groups if not excluded for term in terms]
    terms = list({term.lower(): term for term in wanted}.values())
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
