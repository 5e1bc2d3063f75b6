"""Whole-list downloads, bounded on each server so that they never crowd out the pages.

A download of a whole list (the sessions as CSV, JSON, JSON Lines or iCalendar, the people or
organizations as CSV) streams every row the filters select: seconds of a worker's time for a
wide list, where a page takes milliseconds. Under load, a few of them at once hold the workers
the pages need. So a download is costly by its URL alone, decided before any query
(COSTLY_VIEWS), and it runs only in one of COSTLY_REQUESTS slots shared by every worker of the
server. A slot is a file in LOCK_DIR held with an exclusive lock (flock) for as long as the
download streams: the kernel releases it when the process ends, so a killed worker leaves no
slot taken. After a download that held its slot t seconds, the slot rests
t * (1 / COSTLY_SHARE - 1) seconds (at most MAX_REST_SECONDS), so that downloads take at most
that share of one worker's time whatever they ask. A download that finds no free slot is
answered at once 429 Too Many Requests with Retry-After, never a server error: the limit is the
server's, shared by every client, and nothing went wrong.

The times are the system's monotonic clock, which every process of one machine shares.
"""

import fcntl
import functools
import math
import os
import time

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from igfarchive.import_requests import by_the_import
from igfarchive.kept_downloads import keep_as_it_streams, kept_download

# The views (namespace:name) whose answer is a whole list, streamed.
COSTLY_VIEWS = {
    "sessions:export_csv",
    "sessions:export_json",
    "sessions:export_jsonl",
    "sessions:calendar",
    "sessions:people_csv",
    "sessions:organizations_csv",
}
# A slot rests at most this long, however long its download held it (a client that reads
# slowly holds a slot, but should not close it for hours after).
MAX_REST_SECONDS = 60
# What a client is told when every slot is held: a download lasts seconds.
BUSY_RETRY_SECONDS = 5


def is_costly(request):
    """Whether the request asks for a whole-list download (COSTLY_VIEWS), by its path alone:
    a set lookup, since every public request asks (resolving its URL costs 15-25 µs, a twentieth
    of a kept page)."""
    return request.path in _costly_paths()


@functools.cache
def _costly_paths():
    # Each download has one path, without arguments; reverse() and request.path both carry the
    # site's script prefix.
    return frozenset(reverse(name) for name in COSTLY_VIEWS)


class Slot:
    """One of the server's slots for a costly request, held from take() to release()."""

    def __init__(self, path, share):
        self.path, self.share = path, share
        self.file = None
        self.taken_at = None

    def take(self, now):
        """Hold the slot from `now`: None, or the seconds until it can be taken (0: held)."""
        file = open(self.path, "a+")  # noqa: SIM115 -- kept open while the slot is held
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return 0
        file.seek(0)
        rests_until = float(file.read() or 0)
        if now < rests_until:
            file.close()
            return rests_until - now
        self.file, self.taken_at = file, now
        # Until released, the slot rests as after the longest download, so that one whose
        # worker is killed on the way (the kernel then lets the slot go) still rests it.
        self.write_rest(now + MAX_REST_SECONDS)
        return None

    def write_rest(self, until):
        self.file.seek(0)
        self.file.truncate()
        self.file.write(repr(until))
        self.file.flush()

    def release(self, now):
        """Let the slot go at `now`; it rests in proportion to how long it was held."""
        if self.file is None:
            return
        held = max(0.0, now - self.taken_at)
        rest = min(MAX_REST_SECONDS, held * (1 / self.share - 1))
        self.write_rest(now + rest)
        self.file.close()
        self.file = None


def take_slot(now):
    """A held Slot, or else the seconds until one may be free (a float)."""
    os.makedirs(settings.LOCK_DIR, exist_ok=True)
    waits = []
    for number in range(settings.COSTLY_REQUESTS):
        slot = Slot(settings.LOCK_DIR / f"costly-{number}", settings.COSTLY_SHARE)
        wait = slot.take(now)
        if wait is None:
            return slot
        waits.append(wait or BUSY_RETRY_SECONDS)
    return min(waits)


class ReleasingStream:
    """A streamed answer's content that lets its slot go once it is sent or abandoned (the
    server closes the response either way)."""

    def __init__(self, chunks, slot):
        self.chunks, self.slot = iter(chunks), slot

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.chunks)

    def close(self):
        self.slot.release(time.monotonic())


def too_many(request, seconds):
    retry_after = max(1, math.ceil(seconds))
    detail = (
        "The archive is serving as many whole-list downloads as it serves at once; "
        f"try again in {retry_after} s."
    )
    response = HttpResponse(detail + "\n", status=429, content_type="text/plain")
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


class CostlyRequestMiddleware:
    """A costly view is answered from its kept file (igfarchive/kept_downloads.py), or runs in a
    free slot and is kept as it streams, or is answered 429 at once; other views untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Decided by the path alone, before the middleware below and the URL's resolution: a
        # download refused at once then costs less than a kept page.
        if not is_costly(request):
            return self.get_response(request)
        # A download kept from an earlier request costs no more than a file sent; so does one
        # being made for a new version (by the import, say): the version before's is sent.
        if (kept := kept_download(request)) is not None:
            return kept
        # The import's own downloads (made again after its commit) hold no worker of a server.
        needs_slot = settings.COSTLY_REQUESTS and not by_the_import()
        slot = take_slot(time.monotonic()) if needs_slot else None
        if slot is not None and not isinstance(slot, Slot):
            return too_many(request, slot)
        response = self.get_response(request)
        if response.streaming:
            keep_as_it_streams(request, response)
        if slot is not None and response.streaming:
            response.streaming_content = ReleasingStream(response.streaming_content, slot)
        elif slot is not None:
            slot.release(time.monotonic())
        return response
