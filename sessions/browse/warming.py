"""The popular pages rendered right after an import, so that their first reader does not pay.

An import changes the archive version, and with it the keys of every page and page part kept
in the cache (igfarchive/page_cache.py, sessions/browse/caching.py): the facet counts of a list
cost seconds at archive scale. The import command therefore asks for the popular pages itself,
after its commit and before any reader, through Django's own request handler, as a reader on
the site's first host would (ALLOWED_HOSTS[0], over HTTPS when HTTPS is set). The page parts
are shared by every host; a whole page is kept for the host and scheme it was asked for.
"""

from django.conf import settings
from django.test import Client
from django.urls import reverse

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


def popular_paths():
    years = Session.objects.order_by().values_list("year", flat=True).distinct()
    lists = [reverse(name) for name in POPULAR_VIEWS]
    return lists + [f"{reverse('sessions:list')}?year={year}" for year in sorted(years)]


def site_host():
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    # ".example.org" allows the domain and its subdomains: the domain is the site.
    return host.lstrip(".")


def warm_popular_pages():
    """Render the popular pages at the current archive version; returns how many."""
    # Behind a proxy the scheme is the proxy's header (TRUSTED_PROXIES), else the connection's.
    https = {"HTTP_X_FORWARDED_PROTO": "https"} if settings.HTTPS else {}
    client = Client(
        HTTP_HOST=site_host(), secure=settings.HTTPS, raise_request_exception=False, **https
    )
    paths = popular_paths()
    for path in paths:
        client.get(path)
    return len(paths)
