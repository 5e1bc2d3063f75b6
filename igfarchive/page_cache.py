"""Whole public pages kept per archive version, so that a page read again is not rendered again.

A public page depends only on what its ETag digests (igfarchive/middleware.py,
ArchiveVersionConditionalGetMiddleware): the archive version, the release, the absolute URL
and the Accept header. The ETag is therefore the page's key here: a write to the archive makes
new keys, and the old pages simply expire after PAGE_SECONDS. Only what any reader may be
given is kept: a public answer (no cookie set or read), not streamed, and not larger than
MAX_PAGE_BYTES, so that a few huge pages cannot crowd the others out. Besides pages, the 400
and 404 answers are kept: they too depend only on the URL and the archive, and a reader who
asks again and again for a bad or unknown URL then costs what a page read again costs.
Everything kept can be rendered again, so a cache that fails or rests is only a slower page
(igfarchive/cache.py).

Each page is also kept as its URL's latest, whatever the version. After a write every page is
missing at once; while one request renders a page for the new version, the others are given
the latest one instead of waiting (a grace of at most the claim's few seconds, as caching
proxies do), marked so that no browser or proxy keeps it and without the new version's ETag.
Whole-list downloads (igfarchive/costly.py) go past this cache: they stream, and are kept as
files instead (igfarchive/kept_downloads.py).
"""

import hashlib

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from igfarchive.cache import computed_once, keep, recall
from igfarchive.costly import is_costly
from igfarchive.middleware import is_public, page_identity

MAX_PAGE_BYTES = 500_000
# Not 429 (a moment's answer: igfarchive/costly.py), nor a server error.
KEPT_STATUSES = {200, 400, 404}


def page_key(etag):
    return "page:" + hashlib.sha256(etag.encode()).hexdigest()


def latest_page_key(request):
    digest = hashlib.sha256("\n".join(page_identity(request)).encode()).hexdigest()
    return "latest-page:" + digest


def can_keep(request, response):
    return (
        response.status_code in KEPT_STATUSES
        and not response.streaming
        and len(response.content) <= MAX_PAGE_BYTES
        and is_public(request, response)
    )


class RenderedPageCacheMiddleware:
    """Answers a public GET from the page kept for its ETag, or renders it and keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        etag = getattr(request, "archive_etag", None)
        # A download streams and is never kept: it does not claim its page, so that the
        # requests for it that arrive meanwhile get their own answer (a 429 at once while the
        # slots are taken) instead of waiting on the claim with a worker's thread.
        if etag is None or not settings.PAGE_SECONDS or is_costly(request):
            return self.get_response(request)
        latest = latest_page_key(request)

        def render():
            response = self.get_response(request)
            if can_keep(request, response):
                keep(latest, response, settings.PAGE_SECONDS)
            return response

        def meanwhile():
            response = recall(latest, settings.PAGE_SECONDS)
            if response is not None:
                add_never_cache_headers(response)
            return response

        # Rendered once however many readers ask for it at once (after each write, say).
        return computed_once(
            page_key(etag),
            settings.PAGE_SECONDS,
            render,
            keepable=lambda response: can_keep(request, response),
            meanwhile=meanwhile,
        )
