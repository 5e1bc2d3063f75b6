"""A page number of any size is a page or a message, never an error."""

import pytest

from tests.factories import SessionFactory

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
