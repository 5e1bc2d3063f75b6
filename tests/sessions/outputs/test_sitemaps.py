"""The sitemap: every public page."""

import re

import pytest

from sessions.models import Session
from tests.factories import OrganizationFactory, PersonFactory, SessionFactory
from tests.sessions.outputs.conftest import STAMP

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_public_page(client, meeting):
    session = SessionFactory(meeting=meeting, slug="s-1")
    Session.objects.filter(pk=session.pk).update(updated_at=STAMP)
    PersonFactory(slug="ada")
    OrganizationFactory(slug="acme")
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>http://testserver(.*?)</loc>", xml)
    assert locations == [
        "/",
        "/sessions/",
        "/meetings/",
        "/sdgs/",
        "/people/",
        "/organizations/",
        "/about/",
        "/data/",
        "/sessions/igf-2024/s-1/",
        "/people/ada/",
        "/organizations/acme/",
        "/meetings/igf-2024/",
        *[f"/sdgs/{number}/" for number in range(1, 18)],
    ]
    assert "<lastmod>2025-03-04</lastmod>" in xml
