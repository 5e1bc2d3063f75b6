"""The pages rendered right after an import, so that their first reader does not pay.

An import changes the archive version, and with it the keys of every page and page part kept
in the cache (igfarchive/page_cache.py, sessions/browse/caching.py): the facet counts of a list
cost seconds at archive scale. The import command therefore asks for those pages itself, after
its commit and before any reader, through Django's own request handler, as a reader on the
site's first host would (ALLOWED_HOSTS[0], over HTTPS when HTTPS is set): the popular pages,
and the lists readers opened last (their filters, their search). The page parts are shared by
every host; a whole page is kept for the host and scheme it was asked for. Both only help the
site's processes when they share the import's cache (REDIS_URL).

Before those pages it makes again the whole-list downloads readers had made last
(igfarchive/kept_downloads.py), each as its reader asked for it (host, scheme, Accept), so that
they are files sent: a calendar's subscription, polled by every reader's application, costs its
first reader after an import no more than the others. Those files only help the servers that
share the import's DATA_DIR (one machine). What fails on the way is logged and left for a
reader: the import itself has landed.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from igfarchive.cache import through_cache
from igfarchive.import_requests import as_the_import, by_the_import
from igfarchive.kept_downloads import made_downloads
from sessions.models import Session

logger = logging.getLogger(__name__)

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
    if by_the_import() or not query:
        return
    read = [query, *(other for other in read_lists() if other != query)][:READ_LISTS]
    through_cache(lambda: cache.set(READ_LISTS_KEY, read, READ_LISTS_SECONDS), lambda: None)


def site_host():
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    # ".example.org" allows the domain and its subdomains: the domain is the site.
    return host.lstrip(".")


def as_a_reader(host, secure):
    """What a reader's request to `host` carries, over HTTPS when `secure`: behind a proxy
    (TRUSTED_PROXIES) the scheme is the proxy's header, else the connection's."""
    proxied = {"HTTP_X_FORWARDED_PROTO": "https" if secure else "http"}
    return {"HTTP_HOST": host, "secure": secure, **(proxied if settings.TRUSTED_PROXIES else {})}


def warm_pages():
    """Render the popular pages, then the lists readers opened last, at the current archive
    version; returns how many pages."""
    popular = popular_paths()
    lists = reverse("sessions:list")
    read = [path for path in (f"{lists}?{query}" for query in read_lists()) if path not in popular]
    client = Client(raise_request_exception=False)
    reader = as_a_reader(site_host(), settings.HTTPS)
    with as_the_import():
        for path in popular:
            client.get(path, **reader)
        return len(popular) + _while_in_time(read, lambda path: client.get(path, **reader))


def make_downloads_again():
    """Make the downloads readers made last, at the current archive version, each as its
    reader asked for it; returns how many."""
    client = Client(raise_request_exception=False)
    with as_the_import():
        return _while_in_time(made_downloads(), lambda download: _make_again(client, download))


def _while_in_time(asked_for, make):
    """make(each) of what readers asked for, which is whatever they asked for: until
    READ_LISTS_WARMING_SECONDS have passed. What fails is logged and left for a reader; returns
    how many were made."""
    give_up = time.monotonic() + READ_LISTS_WARMING_SECONDS
    made = 0
    for each in asked_for:
        if time.monotonic() > give_up:
            break
        try:
            make(each)
        except Exception:
            logger.exception("%s not made again after the import", each)
            continue
        made += 1
    return made


def _make_again(client, download):
    response = client.get(
        download.path, HTTP_ACCEPT=download.accept, **as_a_reader(download.host, download.secure)
    )
    try:
        # Read in full, it is kept as it streams.
        for _chunk in getattr(response, "streaming_content", ()):
            pass
    finally:
        response.close()
