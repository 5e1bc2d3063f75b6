"""A session can be cited, and the source it came from read as received."""

import hashlib

import pytest
from django.conf import settings

from tests.bundled import import_bundled
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

OF9 = "/sessions/igf-2024/open-forum-9/"


def test_the_source_text_is_served_as_received(client, django_assert_num_queries):
    import_bundled()
    received = (
        settings.BASE_DIR / "fixtures/documents/igf2024-open-forum-9-session-page.txt"
    ).read_bytes()

    # 1. the archive version (igfarchive/middleware.py); 2. the session with its document
    with django_assert_num_queries(2):
        response = client.get(OF9 + "source.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        'inline; filename="igf2024-open-forum-9-session-page.txt"'
    )
    assert hashlib.sha256(response.content).hexdigest() == hashlib.sha256(received).hexdigest()
    page = client.get(OF9).content.decode()
    assert f'<a href="{OF9}source.txt">The source document as received</a>' in page


def test_a_session_without_a_source_document_has_no_source_text(client):
    session = SessionFactory()

    assert client.get(session.get_absolute_url() + "source.txt").status_code == 404


def test_the_session_page_gives_a_citation(client):
    import_bundled()

    page = client.get(OF9).content.decode()

    # Its formats are tested in tests/sessions/outputs/test_citation.py.
    assert (
        '<h3 id="cite">Cite this session</h3>\n  <p>A stable link to this record: '
        f'<a href="http://testserver{OF9}">http://testserver{OF9}</a></p>'
    ) in page
