"""The admin's login locks out after repeated failures (django-axes), per username and address.

Editors never see the lock-out records, nor users, groups or permissions.
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

PASSWORD = "correct horse battery"
FAILURE_LIMIT = 5  # settings.AXES_FAILURE_LIMIT


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, address="192.0.2.10", username="editor", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_correct_password_is_refused_after_failure_limit(client, staff):
    failures = [log_in(client, "wrong").status_code for _ in range(FAILURE_LIMIT)]

    response = log_in(client, PASSWORD)

    # Four times the login form again with its error, then the lock-out page, twice.
    assert failures == [200] * (FAILURE_LIMIT - 1) + [429]
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "<h1>Login locked</h1>" in page
    assert (
        "Too many failed logins for “editor” from this address: after 5 failures, logins are "
        "refused for 1:00:00 (hours:minutes:seconds), even with the right password."
    ) in page
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_failures_below_the_limit_do_not_lock_out(client, staff):
    for _ in range(FAILURE_LIMIT - 1):
        log_in(client, "wrong")

    response = log_in(client, PASSWORD)

    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_lockout_is_per_username_and_address(client, staff):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    for _ in range(FAILURE_LIMIT):
        log_in(client, "wrong")

    from_elsewhere = log_in(client, PASSWORD, address="198.51.100.20")
    client.logout()
    other_user = log_in(client, PASSWORD, username="other")

    assert (from_elsewhere.status_code, other_user.status_code) == (302, 302)


def test_forwarded_address_is_ignored_without_trusted_proxies(client, staff):
    for number in range(FAILURE_LIMIT):
        log_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    response = log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")

    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.10"]


def test_forwarded_address_counts_behind_a_trusted_proxy(client, staff, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(FAILURE_LIMIT):
        log_in(client, "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")

    other_address = log_in(client, PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")

    assert other_address.status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/admin/axes/accessattempt/", 403),
        ("/admin/axes/accesslog/", 403),
        ("/admin/axes/accessfailurelog/", 403),
        ("/admin/axes/accessattempt/1/change/", 403),
        ("/admin/auth/group/add/", 403),
        # Permissions have no admin page of their own: anyone gets 404.
        ("/admin/auth/permission/", 404),
    ],
)
def test_lockout_records_users_and_permissions_are_forbidden_to_editor(editor_client, url, status):
    response = editor_client.get(url)

    assert response.status_code == status


def test_editor_index_lists_no_axes_or_auth_section(editor_client):
    response = editor_client.get("/admin/")

    assert sorted(app["app_label"] for app in response.context["app_list"]) == [
        "archive",
        "speakers",
    ]


def test_superuser_sees_lockout_records(client, superuser, staff):
    for _ in range(FAILURE_LIMIT):
        log_in(client, "wrong")
    client.force_login(superuser)

    response = client.get("/admin/axes/accessattempt/")

    assert response.status_code == 200
    assert [attempt.username for attempt in response.context["cl"].result_list] == ["editor"]


def test_a_login_posted_without_a_next_page_lands_on_the_admin(client, staff):
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
