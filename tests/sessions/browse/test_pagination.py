"""A page number of any size is a page or a message, never an error; a list read keys first
has the pages of the list."""

import datetime

import pytest

from sessions.browse.pagination import KeysFirst
from sessions.models import Session
from tests.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 5000


@pytest.mark.parametrize("path", ["/sessions/", "/people/", "/organizations/"])
def test_a_page_number_of_thousands_of_digits_is_ignored(client, path):
    SessionFactory()
    response = client.get(path, {"page": HUGE})

    assert response.status_code == 200
    assert response.context["ignored"] == [
        f"Ignored page={HUGE}: no such page (the list has 1 page)"
    ]


def test_keys_first_pages_are_the_slices_of_the_list_and_of_its_narrowing():
    meeting = MeetingFactory(slug="igf-2024", year=2024)
    for day in range(1, 6):
        SessionFactory(meeting=meeting, title=f"Day {day}", date=datetime.date(2024, 1, day))
    sessions = Session.objects.order_by("-date")
    listed = KeysFirst(sessions)

    assert len(listed) == 5
    assert [s.title for s in listed[1:3]] == ["Day 4", "Day 3"]
    assert [s.title for s in listed[4:10]] == ["Day 1"]
    assert [s.title for s in listed.filter(date__lte=datetime.date(2024, 1, 3))[0:2]] == [
        "Day 3",
        "Day 2",
    ]
