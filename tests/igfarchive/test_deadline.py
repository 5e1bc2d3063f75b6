"""A public request's database work stops at its deadline, with a 503 that says why."""

import threading
import time

import pytest
from django.db import connection
from django.http import HttpResponse
from django.urls import path

import igfarchive.urls
from igfarchive.deadline import QueryOverDeadline, query_deadline

# The tests run outside a transaction (a cancelled statement would end the test's own), and
# restore the migrations' data after them (serialized_rollback), as the other such tests do.

# Counting to a billion: minutes of work on either database, in one statement.
ENDLESS = (
    "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter "
    "WHERE n < 1000000000) SELECT count(*) FROM counter"
)


def endless(request):
    with connection.cursor() as cursor:
        cursor.execute(ENDLESS)
    return HttpResponse("done")


def counting(request):
    """Counting to three million: a second or two of work, far past the tests' deadline."""
    with connection.cursor() as cursor:
        cursor.execute(ENDLESS.replace("1000000000", "3000000"))
        return HttpResponse(str(cursor.fetchone()[0]))


# This module is the URLconf of the tests below: the archive's URLs and the views above.
urlpatterns = [
    path("endless/", endless),
    path("api/endless/", endless),
    path("admin/counting/", counting),
    *igfarchive.urls.urlpatterns,
]


@pytest.fixture
def endless_urls(settings):
    settings.ROOT_URLCONF = __name__
    settings.PUBLIC_QUERY_SECONDS = 0.3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_query_stops_at_the_deadline_and_the_connection_goes_on():
    started = time.monotonic()
    with pytest.raises(QueryOverDeadline), query_deadline(0.3), connection.cursor() as cursor:
        cursor.execute(ENDLESS)
    elapsed = time.monotonic() - started

    assert 0.3 <= elapsed < 1.5
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queries_within_the_deadline_run_as_before():
    with query_deadline(5), connection.cursor() as cursor:
        cursor.execute("SELECT 41 + 1")
        assert cursor.fetchone() == (42,)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_public_page_past_its_deadline_is_a_503_that_says_why(client, endless_urls):
    response = client.get("/endless/")

    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "<h1>This request needed too much work</h1>" in page
    assert "The archive gives each request 0.3 seconds of database work" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_api_request_past_its_deadline_is_a_json_503(client, endless_urls):
    response = client.get("/api/endless/")

    assert response.status_code == 503
    assert response.json() == {
        "detail": "This request needed more than the 0.3 s the archive gives one request."
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_has_no_deadline(client, endless_urls):
    response = client.get("/admin/counting/")

    assert (response.status_code, response.content) == (200, b"3000000")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_thread_keeps_the_deadline_of_every_request():
    def watchers():
        return [thread for thread in threading.enumerate() if thread.name == "query-deadline"]

    for _request in range(3):
        with query_deadline(5):
            for number in range(20):
                with connection.cursor() as cursor:
                    cursor.execute("SELECT %s", [number])
            assert len(watchers()) == 1
    assert len(watchers()) == 1
    assert [thread for thread in threading.enumerate() if isinstance(thread, threading.Timer)] == []
