"""The Atom feed of the sessions most recently added."""

import datetime

import pytest
from django.utils import timezone

from sessions.models import Session
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_feed_lists_the_newest_additions(client, meeting):
    old = SessionFactory(meeting=meeting, title="Old one")
    new = SessionFactory(meeting=meeting, title="New one", description="About <b>data</b>.")
    new.sdg_goals.add(7)
    Session.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(1))
    response = client.get("/feed/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    xml = response.content.decode()
    assert xml.index(f"<title>IGF 2024 Workshop #{new.number}: New one</title>") < xml.index(
        f"<title>IGF 2024 Workshop #{old.number}: Old one</title>"
    )
    assert '<category term="SDG 7: Affordable and Clean Energy"/>' in xml
    # Atom's summary is HTML: the source's text is escaped once for HTML, once for XML.
    assert (
        '<summary type="html">&lt;p&gt;About &amp;lt;b&amp;gt;data&amp;lt;/b&amp;gt;.'
        "&lt;/p&gt;</summary>" in xml
    )
    assert response.cookies == {}
