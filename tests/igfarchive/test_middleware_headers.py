"""Every answer's Content-Security-Policy and caching (igfarchive/middleware.py).

Public pages and data are the same for every reader: no cookie, and a shared cache may keep
them five minutes. The admin's pages are never kept.
"""

import pytest
from django.contrib.auth.models import User

from sessions.models import Session
from tests.bundled import import_bundled

STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
INLINE_STYLE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
    "form-action 'self'"
)
PUBLIC_CACHE = "public, max-age=300"
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"
OF9 = "/sessions/igf-2024/open-forum-9/"

PUBLIC_URLS = [
    "/",
    "/sessions/",
    "/sessions/?q=digital&sdg=7&year=2024&sort=oldest&page=1",
    "/sessions/?year=abc",
    OF9,
    f"{OF9}calendar.ics",
    "/sessions/export.csv",
    "/sessions/export.json?sdg=7",
    "/sessions/export.jsonl?sdg=7",
    "/sessions/calendar.ics",
    "/people/",
    "/people/gong-ke/",
    "/organizations/",
    "/organizations/china-association-for-science-and-technology/",
    "/sdgs/",
    "/sdgs/7/",
    "/meetings/",
    "/meetings/igf-2024/",
    "/feed/",
    "/sitemap.xml",
    "/api/",
    "/api/sessions/",
    "/api/sessions/?sdg=7",
    "/api/people/",
    "/api/organizations/",
    "/api/meetings/",
    "/api/sdgs/",
    "/api/sdgs/7/",
    "/api/schema/",
]


@pytest.fixture
def archive(db):
    import_bundled()
    session = Session.objects.get(meeting__slug="igf-2024", slug="open-forum-9")
    return session


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_url_is_publicly_cacheable_with_strict_policy_and_no_cookie(client, archive, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not response.cookies
    assert response["Cache-Control"] == PUBLIC_CACHE
    # The schema varies on Accept (JSON or YAML); nothing varies on the reader's cookies.
    assert "cookie" not in response.get("Vary", "").lower()
    assert response["Content-Security-Policy"] == STRICT_POLICY
    assert (response["X-Frame-Options"], response["Referrer-Policy"]) == ("DENY", "same-origin")


def test_api_detail_of_a_session_is_publicly_cacheable(client, archive):
    response = client.get(f"/api/sessions/{archive.pk}/")

    assert (response.status_code, response["Cache-Control"]) == (200, PUBLIC_CACHE)
    assert not response.cookies


@pytest.mark.parametrize("url", ["/api/docs/", "/api/docs/?script="])
def test_api_docs_have_strict_policy_and_are_cacheable(client, db, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == STRICT_POLICY
    assert response["Cache-Control"] == PUBLIC_CACHE
    assert not response.cookies


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/no-such-page/", 404),
        ("/sessions/igf-2024/no-such-session/", 404),
        ("/api/sessions/?year=abc", 400),
    ],
)
def test_a_public_error_is_kept_a_minute_with_strict_policy(client, db, url, status):
    response = client.get(url)

    assert response.status_code == status
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Content-Security-Policy"] == STRICT_POLICY


@pytest.mark.parametrize("url", ["/", "/api/sessions/", "/admin/login/", "/no-such-page/"])
def test_every_answer_denies_the_devices_and_payment(client, db, url):
    response = client.get(url)

    assert response["Permissions-Policy"] == (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    )


@pytest.mark.parametrize(
    ("url", "status"),
    [("/admin/login/", 200), ("/admin/login/?next=/admin/", 200), ("/admin/", 302)],
)
def test_admin_page_is_never_cached_for_anonymous_visitor(client, db, url, status):
    response = client.get(url)

    assert response.status_code == status
    assert response["Cache-Control"] == NEVER_CACHE
    assert response["Content-Security-Policy"] == INLINE_STYLE_POLICY


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/archive/session/",
        "/admin/archive/session/{pk}/change/",
        "/admin/speakers/person/",
        "/admin/jsi18n/",
        "/admin/archive/session/?q=digital",
    ],
)
def test_admin_page_is_never_cached_for_editor(editor_client, archive, url):
    response = editor_client.get(url.format(pk=archive.pk))

    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER_CACHE
    assert response["Content-Security-Policy"] == INLINE_STYLE_POLICY


def test_public_page_seen_by_logged_in_editor_sets_no_cookie_and_stays_cacheable(
    editor_client, archive
):
    response = editor_client.get(OF9)

    assert not response.cookies
    assert response["Cache-Control"] == PUBLIC_CACHE


def test_admin_login_post_is_never_cached(client, db):
    User.objects.create_user("editor", password="correct horse battery", is_staff=True)

    response = client.post(
        "/admin/login/", {"username": "editor", "password": "correct horse battery"}
    )

    assert response.status_code == 302
    assert response["Cache-Control"] == NEVER_CACHE
