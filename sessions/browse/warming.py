"""The pages rendered right after an import, so that their first reader does not pay.

An import changes the archive version, and with it the keys of every page and page part kept
in the cache (igfarchive/page_cache.py, sessions/browse/caching.py): the facet counts of a list
cost seconds at archive scale. The import command therefore asks for those pages itself, after
its commit and before any reader, through Django's own request handler, as a reader on the
site's first host would (ALLOWED_HOSTS[0], over HTTPS when HTTPS is set): the popular pages,
and the lists readers opened last (their filters, their search). The page parts are shared by
every host; a whole page is kept for the host and scheme it was asked for. Both only help the
site's processes when they share the import's cache (REDIS_URL).
"""

import contextvars
import time

from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from igfarchive.cache import through_cache
from sessions.models import Session

# Lists a reader opens first; each year's list is added from the archive.
POPULAR_VIEWS = [
    "sessions:home",
    "sessions:list",
    "sessions:meetings",
    "sessions:sdgs",
    "sessions:people",
    "sessions:organizations",
]

# The filters of the last lists whose facets a reader computed (a list read in the archive's
# version for the first time), newest first, in the shared cache.
READ_LISTS_KEY = "warming:read-lists"
READ_LISTS = 20
READ_LISTS_SECONDS = 7 * 24 * 60 * 60
# The lists readers opened are whatever they asked for: their warming stops after this long.
READ_LISTS_WARMING_SECONDS = 30

# Set while the import renders pages: those are not a reader's.
_warming = contextvars.ContextVar("warming", default=False)


def popular_paths():
    years = Session.objects.order_by().values_list("year", flat=True).distinct()
    lists = [reverse(name) for name in POPULAR_VIEWS]
    return lists + [f"{reverse('sessions:list')}?year={year}" for year in sorted(years)]


def read_lists():
    """The filters (query strings) of the lists readers opened last, newest first."""
    return through_cache(lambda: cache.get(READ_LISTS_KEY), lambda: None) or []


def note_list_read(query):
    """Remember that a reader computed the facets of the list of `query` (its filters, as in
    the facets' key). Two processes noting at once may lose one of the notes: a list then
    waits for its next reader."""
    if _warming.get() or not query:
        return
    read = [query, *(other for other in read_lists() if other != query)][:READ_LISTS]
    through_cache(lambda: cache.set(READ_LISTS_KEY, read, READ_LISTS_SECONDS), lambda: None)


def site_host():
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    # ".example.org" allows the domain and its subdomains: the domain is the site.
    return host.lstrip(".")


def warm_pages():
    """Render the popular pages, then the lists readers opened last, at the current archive
    version; returns how many pages."""
    # Behind a proxy the scheme is the proxy's header (TRUSTED_PROXIES), else the connection's.
    https = {"HTTP_X_FORWARDED_PROTO": "https"} if settings.HTTPS else {}
    client = Client(
        HTTP_HOST=site_host(), secure=settings.HTTPS, raise_request_exception=False, **https
    )
    popular = popular_paths()
    lists = reverse("sessions:list")
    read = [path for path in (f"{lists}?{query}" for query in read_lists()) if path not in popular]
    token = _warming.set(True)
    try:
        for path in popular:
            client.get(path)
        give_up = time.monotonic() + READ_LISTS_WARMING_SECONDS
        warmed = len(popular)
        for path in read:
            if time.monotonic() > give_up:
                break
            client.get(path)
            warmed += 1
        return warmed
    finally:
        _warming.reset(token)
