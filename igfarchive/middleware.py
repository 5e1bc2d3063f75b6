"""Response headers every page gets (its Content-Security-Policy, its caching and its
validators, which rest on the archive version of igfarchive/version.py), and the answer given
while the database is unreachable.

Public pages are the same for every reader and set no cookie, so a shared cache (a proxy, a
CDN) may keep them for a few minutes, and a reader who has one is told "304 Not Modified" while
the archive has not changed; the admin's pages are a logged-in editor's and are never kept
anywhere.
"""

import hashlib
import logging

from django.db import Error, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import http_date

from igfarchive.version import STARTED_AT, archive_version, release

logger = logging.getLogger(__name__)

PUBLIC_MAX_AGE = 300

# No inline script anywhere, and no inline style outside the admin. Django's admin templates
# may write a <style> block (a change list without actions) and its select2 widget style
# attributes, so the admin alone may use inline style. Swagger UI at /api/docs/ sets its styles
# through the DOM's style properties, which a policy does not restrict: it runs under the
# strict policy (tests/browser/test_pages.py watches for what the browser blocks).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src {style}; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
STRICT_POLICY = CONTENT_SECURITY_POLICY.format(style="'self'")
INLINE_STYLE_POLICY = CONTENT_SECURITY_POLICY.format(style="'self' 'unsafe-inline'")


# No page of the archive uses the browser's devices or payment: none may, not even in a frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# A public "bad request" or "not found" may be kept, briefly: the same URL gives the same
# answer until the archive changes, and an import may make a missing page exist.
PUBLIC_ERROR_MAX_AGE = 60


def admin_prefix():
    return reverse("admin:index")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            inline_style = request.path.startswith(admin_prefix())
            response["Content-Security-Policy"] = (
                INLINE_STYLE_POLICY if inline_style else STRICT_POLICY
            )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def is_public(request, response):
    """A public answer: to GET or HEAD outside the admin, that sets no cookie and does not
    depend on one (no `Vary: Cookie`), and says nothing of its own about caching."""
    return (
        request.method in {"GET", "HEAD"}
        and not request.path.startswith(admin_prefix())
        and not response.cookies
        and "Cache-Control" not in response
        and "cookie" not in response.get("Vary", "").lower()
    )


class CacheControlMiddleware:
    """Public answers to GET may be cached for PUBLIC_MAX_AGE seconds, a public 400 or 404
    for PUBLIC_ERROR_MAX_AGE; the admin never.

    A 200, or the 304 that ArchiveVersionConditionalGetMiddleware answers in its place (which
    renews the copy the reader has, RFC 9111 section 4.3.4). This middleware sits above the ones
    that set cookies, so that it sees them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(admin_prefix()):
            add_never_cache_headers(response)
        elif response.status_code in {200, 304} and is_public(request, response):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        elif response.status_code in {400, 404} and is_public(request, response):
            patch_cache_control(response, public=True, max_age=PUBLIC_ERROR_MAX_AGE)
        return response


class ArchiveVersionConditionalGetMiddleware:
    """ETag and Last-Modified on public answers, and 304 Not Modified while they still hold.

    Not Django's ConditionalGetMiddleware, which hashes each response after the view has run:
    this one answers 304 before any view runs, from the archive version.

    A public page depends on the archive's records, the release that shows them and the
    request's absolute URL (scheme, host, path and query string: pages and the API write
    absolute links) and Accept header (the API schema is JSON or YAML); nothing else (no
    cookie, no login: is_public). The ETag is a digest of those, so a request carrying the
    ETag of the same URL at the same version is answered 304 before any view runs: at most the
    one query of reading the version, none while it is cached. The same for If-Modified-Since
    against the version's time; Last-Modified has one-second precision, so a reader with two
    changes in one second is told apart by the ETag, which browsers and proxies send along
    (If-None-Match then decides alone, RFC 9110 section 13.2.2). The admin is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"} or request.path.startswith(admin_prefix()):
            return self.get_response(request)
        try:
            version = archive_version()
        except Error:
            # The view meets the same database error and answers 503 (below).
            return self.get_response(request)
        except Exception:
            # Validators only spare work: a page is never refused for want of them (a cached
            # value another release cannot read, database access refused outside a view, as
            # pytest-django does while collecting tests).
            logger.exception("archive version unreadable; answering without validators")
            return self.get_response(request)
        # For the parts of pages kept in the cache per version (sessions/browse/caching.py).
        request.archive_version = version
        etag = self.etag(request, version)
        # For the whole pages kept per version (igfarchive/page_cache.py).
        request.archive_etag = etag
        last_modified = int(max(version.changed_at or STARTED_AT, STARTED_AT).timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None or response.status_code != 304:
            response = self.get_response(request)
            if response.status_code != 200 or not is_public(request, response):
                return response
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        return response

    @staticmethod
    def etag(request, version):
        varies_with = [version.tag, *page_identity(request)]
        return 'W/"{}"'.format(hashlib.sha256("\n".join(varies_with).encode()).hexdigest()[:32])


def page_identity(request):
    """What a public page depends on besides the archive version: the release that shows it,
    the absolute URL and the Accept header."""
    return [release(), request.build_absolute_uri(), request.headers.get("Accept", "")]


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with a page that says so.

    A view (or the template it renders) that cannot reach the database raises OperationalError
    (the connection is refused or lost) or InterfaceError (the connection was closed under it).
    Readers get templates/503.html (the API a JSON body) with `Retry-After`, never cached, instead
    of a server error.
    Nothing needs restarting afterwards: with CONN_HEALTH_CHECKS Django checks a persistent
    connection before reusing it, and opens a new one when the database is back.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # django.request logs the 503 itself; this says why.
        logger.warning("database unavailable: %s", exception)
        if request.path.startswith("/api/"):
            detail = "The archive cannot reach its database just now; try again shortly."
            response = JsonResponse({"detail": detail}, status=503)
        else:
            response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
