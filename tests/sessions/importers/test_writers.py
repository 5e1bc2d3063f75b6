"""What the people writer tells the rules of identity (sessions/importers/writers.py): the
listings of a name published now, and of the people it may be."""

import pytest

from sessions.importers.writers import listing, past_listings
from speakers.identity import Listing
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)


def published(**values):
    return {
        "affiliation": "",
        "organization": "",
        "regional_group": "",
        "stakeholder_group": "",
        **values,
    }


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (published(), Listing(year=2024)),
        (
            published(
                affiliation="ACME (AC)", regional_group="weog", stakeholder_group="government"
            ),
            Listing(year=2024, affiliation="acme", region="weog", stakeholder="government"),
        ),
        # The organization given on its own stands for the affiliation.
        (
            published(organization="Fuxi Institution"),
            Listing(year=2024, affiliation="fuxi institution"),
        ),
        # An intergovernmental organization's "region" is no group of countries.
        (published(regional_group="intergovernmental"), Listing(year=2024)),
    ],
)
def test_listing_of_a_published_name(item, expected):
    assert listing(2024, item) == expected


@pytest.mark.django_db
def test_past_listings_of_people_in_one_query(django_assert_num_queries):
    ada, other = PersonFactory(), PersonFactory()
    session = SessionFactory(meeting=MeetingFactory(year=2021))
    ParticipationFactory(
        session=session,
        person=ada,
        organization=OrganizationFactory(name="WFEO"),
        regional_group="intergovernmental",
        stakeholder_group="intergovernmental",
    )
    ParticipationFactory(session=session, person=ada, role="moderator", affiliation="Acme")
    ParticipationFactory(session=session, person=other, regional_group="african")
    with django_assert_num_queries(1):
        past = past_listings([ada.pk])
    assert past == {
        ada.pk: [
            Listing(year=2021, affiliation="wfeo", stakeholder="intergovernmental"),
            Listing(year=2021, affiliation="acme"),
        ]
    }
