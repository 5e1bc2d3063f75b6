"""A whole-list download streamed in full is kept as a file for its archive version and sent
from it when asked for again: no query, no slot (igfarchive/kept_downloads.py).

Each test turns the keeping on (tests/conftest.py turns it off) and commits its writes'
callbacks, as a real commit would, so that the archive version moves.
"""

import os
import shutil
import time

import pytest
from django.core.cache import cache

from igfarchive.kept_downloads import (
    MADE_DOWNLOADS_KEY,
    MAKING_SECONDS,
    Download,
    made_downloads,
)
from tests.factories import SessionFactory
from tests.igfarchive.test_costly import DOWNLOADS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def downloads_kept(settings):
    settings.KEPT_DOWNLOAD_BYTES = 10_000_000


def kept_files(settings):
    return sorted(path.name for path in settings.KEPT_DOWNLOADS_DIR.glob("*/*"))


def kept_bodies(settings):
    return [name for name in kept_files(settings) if name.endswith(".body")]


def version_folders(settings):
    return [folder.name for folder in settings.KEPT_DOWNLOADS_DIR.iterdir()]


def read(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_download_asked_for_again_is_sent_from_its_file_without_a_query(
    client, committed, django_assert_num_queries, path
):
    with committed():
        SessionFactory(title="Kept download")
    first = client.get(path)
    first_bytes = read(first)

    with django_assert_num_queries(0):
        again = client.get(path)
        again_bytes = read(again)

    assert again.status_code == 200
    assert again_bytes == first_bytes
    assert again["Content-Length"] == str(len(first_bytes))
    for header in ["Content-Type", "Content-Disposition", "ETag", "Cache-Control"]:
        assert again[header] == first[header]


def test_a_write_makes_the_download_again_and_keeps_the_version_before_only(
    client, committed, settings
):
    with committed():
        SessionFactory(title="First session")
    read(client.get("/sessions/export.csv"))
    (first,) = version_folders(settings)
    with committed():
        SessionFactory(title="Second session")
    assert b"Second session" in read(client.get("/sessions/export.csv"))
    (second,) = set(version_folders(settings)) - {first}
    with committed():
        SessionFactory(title="Third session")
    read(client.get("/sessions/export.csv"))

    (third,) = set(version_folders(settings)) - {first, second}
    assert sorted(version_folders(settings)) == sorted([second, third])
    # The same download in each: one name.
    assert len(set(kept_bodies(settings))) == 1


# The download being made streams in its own transaction, as in a server.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_a_new_version_of_a_download_is_being_made_the_one_before_is_sent(
    client, committed, settings
):
    with committed():
        SessionFactory(title="First session")
    before = read(client.get("/sessions/export.csv"))
    with committed():
        SessionFactory(title="Second session")
    making = client.get("/sessions/export.csv")  # holds the server's one slot
    chunks = iter(making.streaming_content)
    first_chunk = next(chunks)

    meanwhile = client.get("/sessions/export.csv")

    assert (meanwhile.status_code, read(meanwhile)) == (200, before)
    assert b"Second session" not in before
    assert "ETag" not in meanwhile
    assert meanwhile["Cache-Control"] == ("max-age=0, no-cache, no-store, must-revalidate, private")
    made = first_chunk + b"".join(chunks)
    making.close()
    again = client.get("/sessions/export.csv")
    assert (again.status_code, read(again)) == (200, made)
    assert b"Second session" in made
    assert again["ETag"].startswith('W/"')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_part_file_left_by_a_killed_process_makes_no_reader_wait(client, committed, settings):
    with committed():
        SessionFactory(title="First session")
    read(client.get("/sessions/export.csv"))
    with committed():
        SessionFactory(title="Second session")
    making = client.get("/sessions/export.csv")
    next(iter(making.streaming_content))
    (part,) = settings.KEPT_DOWNLOADS_DIR.glob("*/*.part")
    # What a process killed on the way leaves: the part file, no longer written to.
    left = part.with_name(part.name.replace(".part", "x.part"))
    shutil.copy(part, left)
    stale = time.time() - MAKING_SECONDS - 1
    os.utime(left, (stale, stale))
    making.close()

    answer = client.get("/sessions/export.csv")

    assert answer.status_code == 200
    assert b"Second session" in read(answer)
    # Made for the new version, not the version before's: it carries the new version's ETag.
    assert answer["ETag"].startswith('W/"')
    assert left.exists()


# The download's transaction is its own, as in a server: a test's would be left broken by it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_download_abandoned_part_way_is_not_kept(client, committed, settings):
    with committed():
        SessionFactory.create_batch(3)
    response = client.get("/sessions/export.csv")
    next(iter(response.streaming_content))
    response.close()

    assert kept_files(settings) == []
    read(client.get("/sessions/export.csv"))  # in full this time
    assert len(kept_bodies(settings)) == 1


def test_a_kept_download_needs_no_slot(client, committed):
    with committed():
        SessionFactory()
    kept = read(client.get("/sessions/calendar.ics"))
    streaming = client.get("/sessions/export.json")  # holds the server's one slot

    refused = client.get("/sessions/export.csv")
    again = client.get("/sessions/calendar.ics")

    assert refused.status_code == 429
    assert (again.status_code, read(again)) == (200, kept)
    read(streaming)


def test_a_version_keeps_no_more_than_its_bytes(
    client, committed, settings, django_assert_num_queries
):
    with committed():
        SessionFactory(title="Kept download")
    csv = read(client.get("/sessions/export.csv"))
    settings.KEPT_DOWNLOAD_BYTES = len(csv) + 100
    read(client.get("/sessions/export.json"))

    # The CSV's bytes and headers, and nothing of the JSON.
    assert [name.split(".")[1] for name in kept_files(settings)] == ["body", "headers"]
    # The JSON, past the room left, is made again each time: its sessions and related rows.
    with django_assert_num_queries(5):
        read(client.get("/sessions/export.json"))


def test_downloads_are_kept_apart_by_host_and_parameters(client, committed):
    with committed():
        SessionFactory(title="Alpha")
        SessionFactory(title="Beta")
    read(client.get("/sessions/export.csv"))

    on_localhost = read(client.get("/sessions/export.csv", HTTP_HOST="localhost"))
    alpha = read(client.get("/sessions/export.csv?q=alpha"))

    assert b"http://localhost/sessions/" in on_localhost
    assert b"http://testserver/" not in on_localhost
    assert b"Beta" not in alpha
    assert b"Alpha" in alpha


def test_a_download_refused_for_its_parameters_is_not_kept(client, committed, settings):
    with committed():
        SessionFactory()

    statuses = [client.get("/sessions/export.csv?year=abc").status_code for _ in range(2)]

    assert statuses == [400, 400]
    assert kept_files(settings) == []


def test_nothing_is_kept_when_keeping_is_off(client, committed, settings):
    settings.KEPT_DOWNLOAD_BYTES = 0
    with committed():
        SessionFactory()

    read(client.get("/sessions/export.csv"))

    assert kept_files(settings) == []


def test_the_downloads_made_last_are_noted_newest_first_once_each(client, committed, monkeypatch):
    monkeypatch.setattr("igfarchive.kept_downloads.MADE_DOWNLOADS", 3)
    with committed():
        SessionFactory()
    for path in ["/sessions/export.csv", "/sessions/export.json", "/people/export.csv"]:
        read(client.get(path))
    read(client.get("/sessions/export.json", HTTP_HOST="localhost", HTTP_ACCEPT="*/*"))
    # Sent from its kept file: not made, not noted again.
    read(client.get("/people/export.csv"))

    # The last three: the first fell off.
    assert made_downloads() == [
        Download("/sessions/export.json", "localhost", False, "*/*"),
        Download("/people/export.csv", "testserver", False, ""),
        Download("/sessions/export.json", "testserver", False, ""),
    ]


@pytest.mark.parametrize(
    "kept", ["a string", [("/sessions/export.csv",), ["/a", "b", False, ""], ("/a", "b", False)]]
)
def test_a_note_of_another_shape_in_the_cache_is_none(client, committed, kept):
    # What another release may have left under the key.
    cache.set(MADE_DOWNLOADS_KEY, kept)
    with committed():
        SessionFactory()

    assert made_downloads() == []
    read(client.get("/sessions/export.csv"))
    assert made_downloads() == [Download("/sessions/export.csv", "testserver", False, "")]
