"""PostgreSQL reads a search from its indexes.

- A search's title answers come from the index of titles (migration 0017). The index holds an
  expression; the planner uses it only for a query that writes the same expression, so a
  change to sessions.search.TITLE_VECTOR must come with a new index.
- A list's count and facets read the search's matches once, from the GIN index of vectors,
  however many sessions match (sessions.search.search_ids), then as an array.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sessions.derived import refresh_derived
from sessions.models import Session
from sessions.search import in_title, search_ids, searchable
from tests.factories import SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_title_answers_are_read_from_the_index_of_titles():
    titles = searchable(Session.objects.all()).filter(in_title("internet governance"))
    sql, params = titles.values("pk").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # An empty table is read whole whatever its indexes: forbid that (and reading it in
        # the order of another index), to see the plan a large archive gets.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "archive_session_title_search" in plan, plan


def test_the_matches_of_a_word_every_session_has_are_read_from_the_index_of_vectors():
    matching = SessionFactory.create_batch(30, title="Internet access")
    other = SessionFactory(title="Broadband")
    refresh_derived([session.pk for session in [*matching, other]])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_session")
    with CaptureQueriesContext(connection) as queries:
        ids = search_ids("internet")
    assert sorted(ids) == sorted(session.pk for session in matching)
    assert [query["sql"] for query in queries][0] == "SET LOCAL enable_seqscan = off"
    with connection.cursor() as cursor:
        # Still in the test's transaction, so with the setting search_ids made.
        cursor.execute(f"EXPLAIN {queries[1]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on archive_session_search" in plan, plan


def test_a_list_counts_and_facets_a_search_from_its_matches_ids(client):
    sessions = SessionFactory.create_batch(3, title="Internet access")
    refresh_derived([session.pk for session in sessions])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sessions/?q=internet")
    assert response.context["page"].paginator.count == 3
    vectors = [query["sql"] for query in queries if "search_vector" in query["sql"]]
    # The ids (search_ids), then the page of sessions in best-match order (all title answers).
    assert len(vectors) == 2, vectors
    # The count, the sessions the search leaves out, and the ten facets' counts among those
    # (the snippets of the page read its sessions' ids as an array too).
    arrays = [query["sql"] for query in queries if "= ANY(" in query["sql"]]
    assert len([sql for sql in arrays if "ts_headline" not in sql]) == 12, arrays
