"""Whole public pages are rendered once per archive version and URL, then served as kept.

Each test turns the page cache on (tests/conftest.py turns it off) and commits its writes'
callbacks, as a real commit would, so that the archive version moves.
"""

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from igfarchive import page_cache
from igfarchive.cache import CLAIM_SECONDS, claim, release
from igfarchive.middleware import ArchiveVersionConditionalGetMiddleware
from igfarchive.version import archive_version
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_SECONDS = 60


def test_a_page_read_again_runs_no_query_and_is_the_same(
    client, committed, django_assert_num_queries
):
    with committed():
        SessionFactory(title="Kept page")
    first = client.get("/sessions/")
    with django_assert_num_queries(0):
        again = client.get("/sessions/")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Cache-Control"] == "public, max-age=300"


def test_a_write_to_the_archive_renders_the_page_again(client, committed):
    with committed():
        SessionFactory(title="First session")
    assert b"Second session" not in client.get("/sessions/").content
    with committed():
        SessionFactory(title="Second session")
    assert b"Second session" in client.get("/sessions/").content


def key_of_page_now(path):
    """The key of `path`'s page at the archive's current version, as a test client asks."""
    request = RequestFactory().get(path)
    etag = ArchiveVersionConditionalGetMiddleware.etag(request, archive_version())
    return page_cache.page_key(etag)


def test_while_a_page_is_rendered_for_a_new_version_the_others_get_the_latest(
    client, committed, django_assert_num_queries
):
    with committed():
        SessionFactory(title="First session")
    kept = client.get("/sessions/")
    with committed():
        SessionFactory(title="Second session")
    rendering = key_of_page_now("/sessions/")
    token = claim(rendering)  # as by another request rendering the page just now

    with django_assert_num_queries(0):
        meanwhile = client.get("/sessions/")

    assert meanwhile.content == kept.content
    assert b"Second session" not in meanwhile.content
    # Neither the new version's validators nor a copy for anyone to keep.
    assert not meanwhile.has_header("ETag")
    assert meanwhile["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    release(rendering, token)
    rendered = client.get("/sessions/")
    assert b"Second session" in rendered.content
    assert rendered["Cache-Control"] == "public, max-age=300"


def test_pages_are_kept_apart_by_url_host_and_accept(client, committed):
    with committed():
        SessionFactory(title="Alpha")
        SessionFactory(title="Beta")
    client.get("/sessions/")
    assert b"Beta" not in client.get("/sessions/?q=alpha").content
    # The feed writes absolute links: each host gets its own.
    assert b"http://testserver/sessions/" in client.get("/feed/").content
    on_localhost = client.get("/feed/", HTTP_HOST="localhost").content
    assert b"http://localhost/sessions/" in on_localhost
    assert b"http://testserver/" not in on_localhost
    yaml = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    json = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert json["Content-Type"].startswith("application/vnd.oai.openapi+json")


def test_downloads_go_past_the_page_cache(client, committed, django_assert_num_queries):
    # Kept as files of their own instead (igfarchive/kept_downloads.py; off here).
    with committed():
        SessionFactory()
    # Read to its end, as a client does: a download holds its slot until then (costly.py).
    b"".join(client.get("/sessions/export.csv").streaming_content)
    # The download's sessions, SDG goals and targets, organizers and participations.
    with django_assert_num_queries(5):
        b"".join(client.get("/sessions/export.csv").streaming_content)


def test_a_download_does_not_wait_on_a_claim_of_its_page(client, committed):
    # A download is never kept: a request for it that finds its page claimed by another (as
    # under load, while that one runs) had waited for the claim to end, a thread held idle,
    # before answering; it is now answered at once.
    with committed():
        SessionFactory()
    claimed = key_of_page_now("/sessions/export.csv")
    token = claim(claimed)

    started = time.monotonic()
    response = client.get("/sessions/export.csv")
    b"".join(response.streaming_content)
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed < CLAIM_SECONDS / 2, f"{elapsed:.2f} s"
    release(claimed, token)


@pytest.mark.parametrize("url", ["/sessions/no-such/session/", "/people/no-such-person/"])
def test_an_unknown_url_is_kept_as_a_page_is(client, committed, django_assert_num_queries, url):
    with committed():
        SessionFactory()
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert (first.status_code, again.status_code) == (404, 404)
    assert again.content == first.content


def test_a_bad_parameter_is_kept_as_a_page_is(client, committed, django_assert_num_queries):
    with committed():
        SessionFactory()
    first = client.get("/api/sessions/?year=abc")
    with django_assert_num_queries(0):
        again = client.get("/api/sessions/?year=abc")
    assert (first.status_code, again.status_code) == (400, 400)
    assert (
        again.json()
        == first.json()
        == {
            "detail": "Bad query parameter(s): year.",
            "parameters": {"year": ["abc: not a year"]},
        }
    )


def test_a_page_larger_than_the_limit_is_rendered_each_time(client, committed, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_PAGE_BYTES", 100)
    with committed():
        SessionFactory()
    client.get("/sessions/")
    response = client.get("/sessions/")
    assert response.context is not None  # rendered, not taken from the cache


def test_a_process_keeps_its_own_copy_of_a_page_it_read(
    client, committed, django_assert_num_queries
):
    with committed():
        SessionFactory(title="Kept page")
    first = client.get("/sessions/")
    # The shared copy goes, as Redis may evict it.
    assert cache.delete(page_cache.page_key(first["ETag"])) is True
    with django_assert_num_queries(0):
        assert client.get("/sessions/").content == first.content
