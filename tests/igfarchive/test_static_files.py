"""Static files as production serves them: collected, hashed, compressed, by WhiteNoise.

A file's hashed name changes with its content, so WhiteNoise lets browsers and proxies keep it
for good (`immutable`, ten years); the same file under its plain name may change, so it is
kept briefly. Pages link the hashed names.
"""

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings

MANIFEST_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
TEN_YEARS = "max-age=315360000, public, immutable"
# WhiteNoise's WHITENOISE_MAX_AGE with DEBUG off: a minute.
BRIEFLY = "max-age=60, public"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic into a new folder, once. Only the archive's own files: the admin's and the
    API documentation's would take seconds to compress and show nothing more."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, STORAGES={"staticfiles": MANIFEST_STORAGE}):
        call_command(
            "collectstatic",
            interactive=False,
            verbosity=0,
            ignore_patterns=["admin", "rest_framework", "drf_spectacular_sidecar"],
        )
    return root


@pytest.fixture(autouse=True)
def plain_static_storage(settings, collected):
    """Replaces tests/conftest.py's fixture of this name: the collected files, as in production."""
    settings.STATIC_ROOT = collected
    settings.STORAGES = {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}


def test_hashed_static_file_is_kept_for_years(client):
    url = staticfiles_storage.url("css/archive.css")

    response = client.get(url)

    assert re.fullmatch(r"/static/css/archive\.[0-9a-f]{12}\.css", url)
    assert response.status_code == 200
    assert response["Cache-Control"] == TEN_YEARS
    assert response["Content-Type"].startswith("text/css")


def test_static_file_under_its_plain_name_is_kept_briefly(client):
    response = client.get("/static/css/archive.css")

    assert response.status_code == 200
    assert response["Cache-Control"] == BRIEFLY


def test_hashed_static_file_is_sent_compressed_to_who_accepts_it(client):
    response = client.get(staticfiles_storage.url("css/sdg.css"), HTTP_ACCEPT_ENCODING="gzip")

    assert (response.status_code, response["Content-Encoding"]) == (200, "gzip")
    assert response["Cache-Control"] == TEN_YEARS
    assert response["Vary"] == "Accept-Encoding"


def test_pages_link_the_hashed_files(client, db):
    content = client.get("/").content.decode()

    assert sorted(re.findall(r'href="(/static/[^"]+)"', content)) == [
        staticfiles_storage.url("css/archive.css"),
        staticfiles_storage.url("css/sdg.css"),
        staticfiles_storage.url("img/favicon.svg"),
    ]


def test_the_icon_is_a_static_file_that_favicon_ico_leads_to(client, db):
    url = staticfiles_storage.url("img/favicon.svg")

    page = client.get("/about/").content.decode()
    asked = client.get("/favicon.ico")
    icon = client.get(url)

    assert f'<link rel="icon" href="{url}" type="image/svg+xml">' in page
    assert (asked.status_code, asked["Location"]) == (302, url)
    assert (icon.status_code, icon["Content-Type"]) == (200, "image/svg+xml")
