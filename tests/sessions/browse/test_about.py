"""The About page: what the archive is, how records are made, its licence, corrections."""

import pytest

pytestmark = pytest.mark.django_db


def test_about_page_says_what_the_archive_is(client, django_assert_num_queries):
    # 1. the archive version, for the page's validators (igfarchive/middleware.py): nothing else
    with django_assert_num_queries(1):
        response = client.get("/about/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>About the archive</h1>" in page
    for heading in ["How records are made", "Open data", "Licence", "Corrections"]:
        assert f"<h2>{heading}</h2>" in page
    assert '<a href="/api/">JSON API</a>' in page
    assert '<a href="/api/docs/">documentation</a>' in page
    assert "Tell the archive's editors, naming the page" in page
    assert "mailto:" not in page


def test_about_page_gives_the_corrections_address_escaped(client, settings):
    settings.CORRECTIONS_EMAIL = 'editors@example.org"><script>'

    page = client.get("/about/").content.decode()

    assert (
        '<a href="mailto:editors@example.org&quot;&gt;&lt;script&gt;">'
        "editors@example.org&quot;&gt;&lt;script&gt;</a>"
    ) in page


def test_every_page_links_to_the_about_page(client):
    page = client.get("/sessions/").content.decode()

    assert '<a href="/about/">About the archive</a>' in page
