"""Input no API request should have to handle, answered with 400 naming it."""

import pytest
import yaml

from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 5000


def test_the_api_answers_a_page_number_of_thousands_of_digits_with_400(client):
    SessionFactory()
    response = client.get("/api/sessions/", {"page": HUGE})

    assert response.status_code == 400
    # The schema's endpoint answers in the schema's format, errors too.
    assert yaml.safe_load(response.content)["parameters"] == {
        "page": [f"{HUGE}: no such page (the list has 1)"]
    }


def test_the_schema_refuses_a_version_with_a_line_break(client):
    response = client.get("/api/schema/", {"version": "1\r\nSet-Cookie: x=1"})

    assert response.status_code == 400
    # The schema's endpoint answers in the schema's format, errors too.
    assert yaml.safe_load(response.content)["parameters"] == {
        "version": ["1\r\nSet-Cookie: x=1: not a version name"]
    }
    assert "Set-Cookie" not in response.headers
