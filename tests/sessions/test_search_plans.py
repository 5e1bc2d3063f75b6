"""PostgreSQL reads a search's title answers from the index of titles (migration 0017).

The index holds an expression; the planner uses it only for a query that writes the same
expression, so a change to sessions.search.TITLE_VECTOR must come with a new index.
"""

import pytest
from django.db import connection, transaction

from sessions.models import Session
from sessions.search import in_title, searchable

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
