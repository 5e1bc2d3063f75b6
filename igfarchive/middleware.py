"""Response headers every page gets (its Content-Security-Policy and its caching), and the
answer given while the database is unreachable.

Public pages are the same for every reader and set no cookie, so a shared cache (a proxy, a
CDN) may keep them for a few minutes; the admin's pages are a logged-in editor's and are never
kept anywhere.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

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
        return response


class CacheControlMiddleware:
    """Public answers to GET may be cached for PUBLIC_MAX_AGE seconds; the admin never.

    A public answer is a 200 to GET or HEAD outside the admin that sets no cookie and does not
    depend on one (no `Vary: Cookie`) and says nothing of its own about caching. This middleware
    sits above the ones that set cookies, so that it sees them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(admin_prefix()):
            add_never_cache_headers(response)
        elif (
            request.method in {"GET", "HEAD"}
            and response.status_code == 200
            and not response.cookies
            and "Cache-Control" not in response
            and "cookie" not in response.get("Vary", "").lower()
        ):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with a page that says so.

    A view (or the template it renders) that cannot reach the database raises OperationalError
    (the connection is refused or lost) or InterfaceError (the connection was closed under it).
    Readers get templates/503.html with `Retry-After`, never cached, instead of a server error.
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
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
