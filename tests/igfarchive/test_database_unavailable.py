"""While the database cannot be reached the site answers 503 with a page, and then recovers."""

import socket

import pytest
from django.db import OperationalError, connections

from tests.factories import MeetingFactory

NEVER_CACHED = "max-age=0, no-cache, no-store, must-revalidate, private"


def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert (response["Retry-After"], response["Cache-Control"]) == ("30", NEVER_CACHED)
    content = response.content.decode()
    assert "<title>Temporarily unavailable · IGF session archive</title>" in content
    assert "<h1>The archive is temporarily unavailable</h1>" in content
    assert not response.cookies


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("migration_data_put_back")
def test_postgres_out_of_reach_gives_503_then_recovers_without_restart(client):
    MeetingFactory(name="IGF 2024")
    connection = connections["default"]
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = closed_port()
    try:
        unavailable = client.get("/meetings/")
    finally:
        connection.settings_dict["PORT"] = port

    back = client.get("/meetings/")

    assert_unavailable_page(unavailable)
    assert back.status_code == 200
    assert [meeting.name for meeting in back.context["meetings"]] == ["IGF 2024"]


@pytest.mark.django_db
def test_database_error_in_a_view_gives_503_page_on_any_database(client, monkeypatch):
    # On the embedded SQLite the database cannot go away; a failing connection stands in.
    MeetingFactory(name="IGF 2024")
    connection = connections["default"]

    def refuse():
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    unavailable = client.get("/meetings/")
    monkeypatch.undo()
    back = client.get("/meetings/")

    assert_unavailable_page(unavailable)
    assert back.status_code == 200


@pytest.mark.django_db
def test_the_api_says_the_database_is_unavailable_in_json(client, monkeypatch):
    def refuse():
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(connections["default"], "ensure_connection", refuse)
    response = client.get("/api/meetings/")
    monkeypatch.undo()

    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert response.json() == {
        "detail": "The archive cannot reach its database just now; try again shortly."
    }
