"""Whole-list downloads run in the server's slots, one at a time, resting after each in
proportion to its length; the excess is answered 429 at once and the pages are untouched."""

import fcntl
import math
import signal
import subprocess
import sys
import time

import pytest

from igfarchive.costly import MAX_REST_SECONDS, Slot, take_slot
from tests.factories import SessionFactory

DOWNLOADS = [
    "/sessions/export.csv",
    "/sessions/export.json",
    "/sessions/export.jsonl",
    "/sessions/calendar.ics",
    "/people/export.csv",
    "/organizations/export.csv",
]
PAGES = ["/", "/sessions/", "/sessions/?q=internet", "/api/sessions/", "/people/", "/feed/"]
BUSY = (
    "The archive is serving as many whole-list downloads as it serves at once; try again in {} s.\n"
)


def test_a_slot_rests_nine_times_as_long_as_it_was_held_at_a_tenth(tmp_path):
    first, second = Slot(tmp_path / "slot", 0.1), Slot(tmp_path / "slot", 0.1)

    assert first.take(now=100.0) is None
    assert second.take(now=101.0) == 0
    first.release(now=102.0)

    assert second.take(now=110.0) == 10.0
    assert second.take(now=120.0) is None


def test_a_slot_rests_at_most_a_minute(tmp_path):
    slot = Slot(tmp_path / "slot", 0.1)
    slot.take(now=0.0)
    slot.release(now=1000.0)

    assert Slot(tmp_path / "slot", 0.1).take(now=1000.0) == MAX_REST_SECONDS


def test_a_download_whose_worker_died_rests_its_slot_a_minute_from_its_start(tmp_path):
    slot = Slot(tmp_path / "slot", 0.1)
    slot.take(now=100.0)
    # The worker dies: the kernel closes its files, and the lock goes with them.
    slot.file.close()

    assert Slot(tmp_path / "slot", 0.1).take(now=110.0) == 50.0


def test_two_slots_take_two_downloads_and_the_third_waits(settings):
    settings.COSTLY_REQUESTS = 2

    first, second, third = take_slot(0.0), take_slot(0.0), take_slot(0.0)

    assert (type(first), type(second), third) == (Slot, Slot, 5)
    first.release(1.0)
    second.release(1.0)


def test_a_killed_worker_leaves_its_slot_free(settings):
    settings.LOCK_DIR.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); "
            "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
            str(settings.LOCK_DIR / "costly-0"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "held\n"
    assert take_slot(time.monotonic()) == 5

    holder.send_signal(signal.SIGKILL)
    holder.wait()

    slot = take_slot(time.monotonic())
    assert type(slot) is Slot
    slot.release(time.monotonic())


@pytest.mark.django_db
@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_download_while_another_streams_is_answered_429_at_once(client, path):
    SessionFactory()
    streaming = client.get("/sessions/export.csv")

    refused = client.get(path)

    assert (refused.status_code, refused["Retry-After"], refused.content.decode()) == (
        429,
        "5",
        BUSY.format(5),
    )
    assert refused["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    b"".join(streaming.streaming_content)
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_pages_are_answered_while_a_download_streams(client):
    SessionFactory()
    streaming = client.get("/sessions/calendar.ics")

    statuses = [client.get(path).status_code for path in PAGES]

    assert statuses == [200] * len(PAGES)
    b"".join(streaming.streaming_content)


@pytest.mark.django_db
def test_after_a_download_the_slot_rests_and_says_how_long(client, settings):
    settings.COSTLY_SHARE = 0.1
    held = take_slot(time.monotonic())
    # A download that held the slot three seconds: it rests 27 more.
    held.release(held.taken_at + 3)
    rests_until = held.taken_at + 30

    before = time.monotonic()
    refused = client.get("/sessions/export.json")
    after = time.monotonic()

    # The rest left when the request was answered, in whole seconds rounded up.
    told = int(refused["Retry-After"])
    assert math.ceil(rests_until - after) <= told <= math.ceil(rests_until - before)
    assert (refused.status_code, refused.content.decode()) == (429, BUSY.format(told))


@pytest.mark.django_db
def test_a_download_that_was_sent_lets_its_slot_go(client):
    SessionFactory()
    for _ in range(3):
        response = client.get("/sessions/export.csv")
        assert response.status_code == 200
        b"".join(response.streaming_content)

    slot = take_slot(time.monotonic())
    assert type(slot) is Slot
    with open(slot.path) as file, pytest.raises(BlockingIOError):
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    slot.release(time.monotonic())


@pytest.mark.django_db
def test_no_bound_when_no_slots_are_configured(client, settings):
    settings.COSTLY_REQUESTS = 0
    streaming = client.get("/sessions/export.csv")

    assert client.get("/sessions/export.csv").status_code == 200
    b"".join(streaming.streaming_content)
