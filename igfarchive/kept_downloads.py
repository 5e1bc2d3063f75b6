"""Whole-list downloads kept as files per archive version, so that one asked for again is sent
from disk instead of being made again.

A download (igfarchive/costly.py) costs what a hundred pages cost: on PostgreSQL, with 2,000
sessions, the CSV of them all 830 ms of a worker's time, the calendar of a search that selects
1,900 of them 1,160 ms. And readers ask for the same ones again and again: a calendar
application polls the subscription it was given every few hours, a list links its own CSV.
Like a page (igfarchive/page_cache.py), a download depends only on its ETag: the archive
version, the release, the absolute URL and the Accept header. So a download streamed in full
is also written, as it streams, to a file named by its ETag, and the requests with that ETag
are sent the file: no query, no slot, no 429. A download that stops part-way (the reader went
away, a query was stopped) leaves nothing: its bytes go to a part file, renamed only once
complete.

The files of one version are in one folder of KEPT_DOWNLOADS_DIR, named by the version; a
file is named by what the download depends on besides the version, so that the same download
of the version before has the same name in its folder. While a download is being made for a
new version (its part file written to in the last MAKING_SECONDS: the import makes it again
right after its commit, or a reader in a slot), the other requests for it are sent the one
kept for the version before, as the pages are given their latest (igfarchive/page_cache.py):
marked so that no browser or proxy keeps it, without the new version's ETag. Without it, every
commit had a reader make it a second time beside the import, or be refused 429 (the hostile
load test, docs/reliability.md). The first download kept for a new version therefore removes
the other folders but the newest. A version's folder holds about KEPT_DOWNLOAD_BYTES at most
(the downloads of two workers that finish together may pass it by one file): past that, a
download streams without being kept, so that no number of different URLs can fill the disk.
Each server keeps its own files (DATA_DIR is per server).

The downloads made last (MADE_DOWNLOADS of them, newest first, in the shared cache) are made
again by the import right after its commit (sessions/browse/warming.py), so that the first
reader after an import is sent a file too.
"""

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse
from django.utils.cache import add_never_cache_headers

from igfarchive.cache import through_cache
from igfarchive.import_requests import by_the_import
from igfarchive.middleware import is_public, page_identity

# What a download's view sets besides its bytes; the rest the middleware adds to every answer.
KEPT_HEADERS = ("Content-Type", "Content-Disposition")
MADE_DOWNLOADS_KEY = "kept-downloads:made"
MADE_DOWNLOADS = 10
MADE_DOWNLOADS_SECONDS = 7 * 24 * 60 * 60
# A part file written to this recently is a download being made; one older was left by a
# process killed on the way, and makes nothing wait.
MAKING_SECONDS = 30


class Download(NamedTuple):
    """A download as its reader asked for it: what its ETag depends on besides the version."""

    path: str  # with its query string
    host: str
    secure: bool
    accept: str

    def __str__(self):
        return f"download {self.path}"


def made_downloads():
    """The downloads readers made last (not sent from a kept file), newest first; an entry of
    another shape (another release's) is none."""
    made = through_cache(lambda: cache.get(MADE_DOWNLOADS_KEY), lambda: None)
    return [
        Download(*entry)
        for entry in (made if isinstance(made, list) else [])
        if isinstance(entry, tuple) and len(entry) == len(Download._fields)
    ]


def _note_made(request):
    """Remember a download a reader made; two processes noting at once may lose one note: that
    download then waits for its next reader. Not the import's own."""
    if by_the_import():
        return
    download = Download(
        request.get_full_path(),
        request.get_host(),
        request.is_secure(),
        request.headers.get("Accept", ""),
    )
    made = [download, *(other for other in made_downloads() if other != download)]
    # Plain tuples: what another release of this class could not read back.
    kept = [tuple(download) for download in made[:MADE_DOWNLOADS]]
    through_cache(lambda: cache.set(MADE_DOWNLOADS_KEY, kept, MADE_DOWNLOADS_SECONDS), lambda: None)


def kept_download(request):
    """The answer to this download from its kept file; while it is being made for a new version,
    from the file kept for the version before, marked so that no one keeps it; else None."""
    body = _body_path(request)
    if body is None:
        return None
    if (response := _sent(body)) is not None or not _being_made(body):
        return response
    latest = next(iter(_other_folders(body.parent)), None)
    response = None if latest is None else _sent(latest / body.name)
    if response is not None:
        add_never_cache_headers(response)
    return response


def _sent(body):
    try:
        headers = json.loads(body.with_suffix(".headers").read_text())
        file = open(body, "rb")  # noqa: SIM115 -- the response closes it once sent
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return None
    response = FileResponse(file, content_type=headers["Content-Type"])
    response["Content-Disposition"] = headers["Content-Disposition"]
    return response


def _being_made(body):
    since = time.time() - MAKING_SECONDS
    try:
        return any(part.stat().st_mtime > since for part in body.parent.glob(f"{body.stem}.*.part"))
    except OSError:
        return False


def keep_as_it_streams(request, response):
    """Have a public download, once streamed in full, kept for the requests after it."""
    body = _body_path(request)
    if body is not None and response.status_code == 200 and is_public(request, response):
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        response.streaming_content = _written(response.streaming_content, body, headers)
        _note_made(request)


def _body_path(request):
    """The file of this download at the request's archive version: in the version's folder, named
    by the rest of what its ETag digests (igfarchive/middleware.py)."""
    version = getattr(request, "archive_version", None)
    if version is None or not settings.KEPT_DOWNLOAD_BYTES:
        return None
    folder = Path(settings.KEPT_DOWNLOADS_DIR) / _digest(version.tag)
    identity = "\n".join(page_identity(request))
    return folder / f"{_digest(identity)}.body"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _written(chunks, body, headers):
    """The chunks, unchanged; as they pass, also written to `body`'s part file, which becomes
    `body` once the last has passed, if the version's folder had room for it. Keeping never
    fails a download: a file that cannot be written is simply not kept."""
    try:
        body.parent.mkdir(parents=True, exist_ok=True)
        room = settings.KEPT_DOWNLOAD_BYTES - _bytes_in(body.parent)
        part = tempfile.NamedTemporaryFile(  # noqa: SIM115 -- closed below
            dir=body.parent, prefix=f"{body.stem}.", suffix=".part", delete=False
        )
    except OSError:
        yield from chunks
        return
    try:
        for chunk in chunks:
            room -= len(chunk)
            if room >= 0:
                room = _write(part, chunk, room)
            yield chunk
        part.close()
        if room >= 0:
            _rename(part.name, body, headers)
    finally:
        part.close()
        Path(part.name).unlink(missing_ok=True)


def _bytes_in(folder):
    return sum(entry.stat().st_size for entry in os.scandir(folder))


def _write(part, chunk, room):
    """The room left after writing `chunk`; -1 when it could not be written (a full disk)."""
    try:
        part.write(chunk)
    except OSError:
        return -1
    return room


def _rename(part, body, headers):
    try:
        body.with_suffix(".headers").write_text(json.dumps(headers))
        os.replace(part, body)
    except OSError:
        # Another worker kept the first download of a newer version and removed this folder.
        return
    # The newest other folder stays: its files are sent while this version's are being made.
    for other in _other_folders(body.parent)[1:]:
        # A worker still writing there finds its folder gone: its download is not kept.
        shutil.rmtree(other, ignore_errors=True)


def _other_folders(folder):
    """The other versions' folders, the last written to first."""
    try:
        others = [entry for entry in os.scandir(folder.parent) if entry.path != str(folder)]
        written = {entry.path: entry.stat().st_mtime for entry in others}
    except OSError:
        return []
    return [Path(path) for path in sorted(written, key=written.get, reverse=True)]
