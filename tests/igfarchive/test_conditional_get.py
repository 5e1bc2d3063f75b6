"""Repeat visits are answered 304 Not Modified while the archive has not changed.

Public answers carry an ETag and a Last-Modified made from the archive version
(igfarchive/version.py); any write to an archive record (in the admin, by an import, a
merge, a restore) gives a new one. The admin never gets either.
"""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.http import http_date

from igfarchive import middleware
from igfarchive.version import ARCHIVE_VERSION_KEY, archive_version
from sessions.backup import export_archive, import_archive
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, import_file
from sessions.models import Meeting, Session
from speakers.merging import merge
from speakers.models import Person
from tests.bundled import wipe_archive
from tests.igfarchive.test_middleware_headers import OF9, PUBLIC_URLS
from tests.sessions.test_admin import change_form_data

PUBLIC_CACHE = "public, max-age=300"
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"
# Imported by the test that shows an import gives a new version.
LATER_DOCUMENT = BUNDLED_DOCUMENTS / "wsis2025-digital-governance-diploai-report.txt"


@pytest.fixture(scope="module")
def four_documents(django_db_setup, django_db_blocker):
    """Four of the five bundled documents, imported once for the module, each in its own
    committed transaction (whose callbacks run, as in production)."""
    curated = Curated()
    with django_db_blocker.unblock():
        for path in sorted(BUNDLED_DOCUMENTS.glob("*.txt")):
            if path != LATER_DOCUMENT:
                import_file(path, curated)
    yield
    with django_db_blocker.unblock():
        wipe_archive()


@pytest.fixture
def archive(four_documents, db):
    """The four documents; what a test writes is rolled back after it."""


def revalidate(client, url, response, **headers):
    """Ask for `url` again as a browser would, with the validators of `response`."""
    return client.get(
        url,
        HTTP_IF_NONE_MATCH=response["ETag"],
        HTTP_IF_MODIFIED_SINCE=response["Last-Modified"],
        **headers,
    )


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_answer_has_validators_and_repeat_visit_gets_304(client, archive, url):
    first = client.get(url)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"].endswith(" GMT")
    assert again.status_code == 304
    assert again.content == b""
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
    # The 304 renews the copy the reader has, for as long as the 200 allowed.
    assert again["Cache-Control"] == PUBLIC_CACHE
    assert not again.cookies


@pytest.mark.parametrize("url", ["/", "/sessions/", OF9, "/api/sessions/", "/feed/"])
def test_repeat_visit_with_if_modified_since_alone_gets_304(client, archive, url):
    first = client.get(url)

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (again.status_code, again.content) == (304, b"")
    assert again["ETag"] == first["ETag"]


def test_older_if_modified_since_gets_the_page(client, archive):
    first = client.get("/sessions/")
    older = http_date(middleware.STARTED_AT.timestamp() - 3600)

    again = client.get("/sessions/", HTTP_IF_MODIFIED_SINCE=older)

    assert again.status_code == 200
    assert again["ETag"] == first["ETag"]


def test_head_request_gets_304_too(client, archive):
    first = client.head("/sessions/")

    again = client.head("/sessions/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (first.status_code, again.status_code) == (200, 304)


def test_another_etag_gets_the_page(client, archive):
    first = client.get("/sessions/")

    again = client.get("/sessions/", HTTP_IF_NONE_MATCH='W/"something else"')

    assert again.status_code == 200
    assert again["ETag"] == first["ETag"]
    assert again.content == first.content


def test_each_query_string_has_its_own_etag(client, archive):
    urls = ["/sessions/", "/sessions/?sdg=7", "/sessions/?sdg=7&page=1", "/sessions/?sdg=13"]

    etags = [client.get(url)["ETag"] for url in urls]

    assert len(set(etags)) == len(urls)
    # The ETag of one query string does not validate another.
    assert client.get(urls[1], HTTP_IF_NONE_MATCH=etags[0]).status_code == 200


def test_each_host_and_scheme_has_its_own_etag(client, archive):
    # Pages and the API write absolute links, made from the request's scheme and host.
    answers = [
        client.get("/api/sessions/", HTTP_HOST="127.0.0.1"),
        client.get("/api/sessions/", HTTP_HOST="localhost"),
        client.get("/api/sessions/", HTTP_HOST="localhost", secure=True),
    ]

    assert len({answer["ETag"] for answer in answers}) == 3


def test_the_schema_has_one_etag_per_accepted_type(client, archive):
    as_json = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    as_yaml = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")

    assert (as_json["Content-Type"], as_yaml["Content-Type"]) == (
        "application/vnd.oai.openapi+json",
        "application/vnd.oai.openapi; charset=utf-8",
    )
    assert as_json["ETag"] != as_yaml["ETag"]


def test_a_new_release_gives_a_new_etag(client, archive, monkeypatch):
    first = client.get("/sessions/")
    monkeypatch.setattr(middleware, "release", lambda: "the next release")

    again = revalidate(client, "/sessions/", first)

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_304_costs_no_query_with_the_version_cached(client, archive, django_assert_num_queries):
    first = client.get(OF9)

    with django_assert_num_queries(0):
        again = client.get(OF9, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_304_costs_one_query_without_the_version_cached(client, archive, django_assert_num_queries):
    first = client.get(OF9)
    cache.delete(ARCHIVE_VERSION_KEY)

    # 1. the archive version: the newest id and time of each table, in one query
    with django_assert_num_queries(1):
        again = client.get(OF9, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_page_reads_the_version_once_then_from_the_cache(client, db, django_assert_num_queries):
    # 1. the archive version (not cached yet), 2. meetings with their session counts
    with django_assert_num_queries(2):
        assert client.get("/meetings/").status_code == 200
    # 1. meetings with their session counts
    with django_assert_num_queries(1):
        assert client.get("/meetings/?page=1").status_code == 200


def test_admin_edit_gives_a_new_etag(
    client, archive, superuser, django_capture_on_commit_callbacks
):
    first = client.get(OF9)
    editor = Client()
    editor.force_login(superuser)
    session = Session.objects.get(meeting__slug="igf-2024", slug="open-forum-9")
    url = f"/admin/archive/session/{session.pk}/change/"
    data = change_form_data(editor.get(url))
    data["title"] = "A corrected title"

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url, data).status_code == 302
    again = revalidate(client, OF9, first)

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "A corrected title" in again.content.decode()
    assert revalidate(client, OF9, again).status_code == 304


def test_admin_edit_of_a_record_without_history_gives_a_new_etag(
    client, archive, superuser, django_capture_on_commit_callbacks
):
    # SDG goals keep no history; the admin's log says when an editor changed one.
    first = client.get("/sdgs/7/")
    editor = Client()
    editor.force_login(superuser)
    url = "/admin/archive/sdggoal/7/change/"
    data = change_form_data(editor.get(url))
    data["short"] = "Clean energy"

    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url, data).status_code == 302
    again = revalidate(client, "/sdgs/7/", first)

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_import_of_a_document_gives_a_new_etag(client, archive, django_capture_on_commit_callbacks):
    first = client.get("/sessions/")

    with django_capture_on_commit_callbacks(execute=True):
        import_file(LATER_DOCUMENT, Curated())
    again = revalidate(client, "/sessions/", first)

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_reimport_that_changes_nothing_keeps_the_etag(
    client, archive, django_capture_on_commit_callbacks
):
    first = client.get("/sessions/")

    with django_capture_on_commit_callbacks(execute=True):
        outcome = import_file(
            BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt", Curated()
        )

    assert outcome.changes == []
    assert revalidate(client, "/sessions/", first).status_code == 304


def test_merge_gives_a_new_etag(client, archive, django_capture_on_commit_callbacks):
    first = client.get("/people/")
    keep, other = Person.objects.order_by("pk")[:2]

    with django_capture_on_commit_callbacks(execute=True):
        merge(keep, other)

    assert revalidate(client, "/people/", first).status_code == 200


def test_restore_gives_a_new_etag(client, archive, django_capture_on_commit_callbacks):
    # A restore writes no history, into an archive emptied beforehand (here, one whose
    # history is gone too): the largest ids tell it apart from the empty archive.
    backup = export_archive()
    with django_capture_on_commit_callbacks(execute=True):
        wipe_archive()
    empty = client.get("/meetings/")

    with django_capture_on_commit_callbacks(execute=True):
        import_archive(backup)
    again = revalidate(client, "/meetings/", empty)

    assert again.status_code == 200
    assert again["ETag"] != empty["ETag"]
    # The four documents are of four meetings.
    assert (len(empty.context["meetings"]), len(again.context["meetings"])) == (0, 4)


def test_version_is_refreshed_once_when_the_writes_commit(
    client, archive, django_capture_on_commit_callbacks
):
    first = client.get("/meetings/")

    with django_capture_on_commit_callbacks() as callbacks:
        for year in (2030, 2031):
            Meeting.objects.create(
                slug=f"igf-{year}", name=f"IGF {year}", kind=Meeting.Kind.IGF, year=year
            )
        # Not committed yet: readers still get the version before.
        assert revalidate(client, "/meetings/", first).status_code == 304

    assert len(callbacks) == 1
    callbacks[0]()
    assert revalidate(client, "/meetings/", first).status_code == 200


def test_rolled_back_write_keeps_the_version(client, archive, django_capture_on_commit_callbacks):
    before = archive_version()

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Meeting.objects.create(slug="igf-2030", name="IGF 2030", kind=Meeting.Kind.IGF, year=2030)
        raise RuntimeError("abandoned")

    assert callbacks == []
    assert cache.get(ARCHIVE_VERSION_KEY) == before


@pytest.mark.parametrize(
    ("url", "status"),
    [("/admin/", 200), ("/admin/archive/session/", 200), ("/admin/login/", 302)],
)
def test_admin_never_gets_validators_nor_304(admin_client, db, url, status):
    first = admin_client.get(url)

    again = admin_client.get(
        url,
        HTTP_IF_NONE_MATCH="*",
        HTTP_IF_MODIFIED_SINCE="Fri, 01 Jan 2100 00:00:00 GMT",
    )

    assert (first.status_code, again.status_code) == (status, status)
    for response in (first, again):
        assert "ETag" not in response
        assert "Last-Modified" not in response
        assert response["Cache-Control"] == NEVER_CACHE


def test_admin_login_page_gets_no_validators(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert ("ETag" in response, "Last-Modified" in response) == (False, False)
    assert response["Cache-Control"] == NEVER_CACHE


def test_not_found_gets_no_validators(client, archive):
    response = client.get("/people/nobody/")

    assert response.status_code == 404
    assert "ETag" not in response


def test_bad_api_parameter_gets_no_validators(client, archive):
    response = client.get("/api/sessions/?year=abc")

    assert response.status_code == 400
    assert "ETag" not in response


def test_unreadable_cached_version_gives_the_page_without_validators(client, archive, caplog):
    # As another release might have cached it: a value of another shape.
    cache.set(ARCHIVE_VERSION_KEY, ("a", "b", "c"), 60)

    response = client.get("/meetings/")

    assert response.status_code == 200
    assert "ETag" not in response
    assert caplog.messages == ["archive version unreadable; answering without validators"]
