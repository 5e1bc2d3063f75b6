"""An import renders the popular pages after its commit, so that their first reader does not."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError
from django.test import RequestFactory

from igfarchive.kept_downloads import Download, made_downloads
from igfarchive.page_cache import latest_page_key
from sessions.browse.warming import READ_LISTS, popular_paths, read_lists, site_host
from sessions.importers.documents import BUNDLED_DOCUMENTS
from sessions.models import Session

# The import commits: not the test's usual transaction.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migration_data_put_back"),
]


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_SECONDS = 60
    settings.PAGE_PART_SECONDS = 60


def test_the_first_reader_after_an_import_gets_pages_already_rendered(
    client, django_assert_num_queries, capsys
):
    document = BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt"
    call_command("import_documents", str(document), verbosity=2)

    assert capsys.readouterr().out.splitlines()[-1].startswith("Pages rendered afresh: 7 in ")

    assert popular_paths() == [
        "/",
        "/sessions/",
        "/meetings/",
        "/sdgs/",
        "/people/",
        "/organizations/",
        "/sessions/?year=2024",
    ]
    for path in popular_paths():
        with django_assert_num_queries(0):
            assert client.get(path, HTTP_HOST=site_host()).status_code == 200


def test_an_import_renders_again_the_lists_readers_opened_last(
    client, django_assert_num_queries, capsys
):
    bundled = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
    call_command("import_documents", str(bundled[0]))
    host = {"HTTP_HOST": site_host()}
    # A reader opens two lists, one twice, and pages on: each is noted once, newest first.
    for path in ["/sessions/?sdg=16", "/sessions/?q=internet", "/sessions/?sdg=16&page=2"]:
        assert client.get(path, **host).status_code == 200
    assert read_lists() == ["q=internet", "sdg=16"]

    capsys.readouterr()
    call_command("import_documents", str(bundled[1]), verbosity=2)

    # The popular pages, both years' lists among them, then the two lists.
    assert capsys.readouterr().out.splitlines()[-1].startswith("Pages rendered afresh: 10 in ")
    for path in ["/sessions/?sdg=16", "/sessions/?q=internet"]:
        with django_assert_num_queries(0):
            assert client.get(path, **host).status_code == 200
    # The import's own requests are not a reader's.
    assert read_lists() == ["q=internet", "sdg=16"]


def test_the_lists_readers_opened_are_rendered_only_within_their_time(client, monkeypatch, capsys):
    bundled = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
    call_command("import_documents", str(bundled[0]))
    assert client.get("/sessions/?sdg=16", HTTP_HOST=site_host()).status_code == 200
    monkeypatch.setattr("sessions.browse.warming.READ_LISTS_WARMING_SECONDS", -1)
    capsys.readouterr()

    call_command("import_documents", str(bundled[1]), verbosity=2)

    # The popular pages only (both years' lists among them): SDG 16's list waits for its reader.
    assert capsys.readouterr().out.splitlines()[-1].startswith("Pages rendered afresh: 8 in ")


def test_only_the_last_lists_opened_are_kept(client):
    for number in range(1, READ_LISTS + 3):
        assert client.get(f"/sessions/?q=word{number}").status_code == 200
    assert read_lists() == [f"q=word{number}" for number in range(READ_LISTS + 2, 2, -1)]


def test_the_site_is_its_first_named_host(settings):
    settings.ALLOWED_HOSTS = ["*", ".archive.example.org", "www.example.org"]
    assert site_host() == "archive.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    assert site_host() == "localhost"


def test_an_import_makes_again_the_downloads_readers_made_last(
    client, settings, django_assert_num_queries, capsys
):
    settings.KEPT_DOWNLOAD_BYTES = 10_000_000
    bundled = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
    call_command("import_documents", str(bundled[0]))
    calendar = {"path": "/sessions/calendar.ics?q=internet", "HTTP_ACCEPT": "text/calendar"}
    read(client.get(**calendar))
    # A reader's download holds the server's one slot; the import's need none.
    streaming = client.get("/sessions/export.json")
    made = [
        Download("/sessions/export.json", "testserver", False, ""),
        Download("/sessions/calendar.ics?q=internet", "testserver", False, "text/calendar"),
    ]
    assert made_downloads() == made
    capsys.readouterr()

    call_command("import_documents", str(bundled[1]), verbosity=2)

    made_line, pages_line = capsys.readouterr().out.splitlines()[-2:]
    assert made_line.startswith("Downloads made again: 2 in ")
    assert pages_line.startswith("Pages rendered afresh: 8 in ")
    with django_assert_num_queries(0):
        kept = read(client.get(**calendar))
    read(streaming)
    settings.KEPT_DOWNLOAD_BYTES = 0
    assert kept == read(client.get(**calendar))  # as made afresh, at the new version
    # The import's own downloads are not a reader's.
    assert made_downloads() == made


def read(response):
    return b"".join(response.streaming_content)


def test_a_download_not_made_again_is_logged_and_the_import_lands(
    client, settings, monkeypatch, caplog
):
    settings.KEPT_DOWNLOAD_BYTES = 10_000_000
    bundled = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
    call_command("import_documents", str(bundled[0]))
    read(client.get("/sessions/export.csv"))

    def database_gone(client, download):
        raise OperationalError("the database went away")

    monkeypatch.setattr("sessions.browse.warming._make_again", database_gone)
    call_command("import_documents", str(bundled[1]))

    logged = [r.getMessage() for r in caplog.records if r.name == "sessions.browse.warming"]
    assert logged == ["download /sessions/export.csv not made again after the import"]
    assert Session.objects.count() == 2


@pytest.mark.parametrize("behind_a_proxy", [False, True])
def test_on_https_the_pages_are_kept_as_readers_over_https_ask_for_them(settings, behind_a_proxy):
    settings.HTTPS = True
    reader = {"HTTP_HOST": site_host(), "secure": True}
    if behind_a_proxy:
        # The proxy speaks HTTPS to readers and says so in its header (igfarchive/settings.py).
        settings.TRUSTED_PROXIES = 1
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        reader = {"HTTP_HOST": site_host(), "HTTP_X_FORWARDED_PROTO": "https"}
    call_command(
        "import_documents", str(BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt")
    )

    # A whole page is kept for the absolute URL it was asked for, scheme and all: the one
    # readers ask for over HTTPS, none for http://.
    home = RequestFactory().get("/", **reader)
    over_http = RequestFactory().get("/", HTTP_HOST=site_host())
    assert home.build_absolute_uri() == f"https://{site_host()}/"
    assert cache.get(latest_page_key(home)).status_code == 200
    assert cache.get(latest_page_key(over_http)) is None
