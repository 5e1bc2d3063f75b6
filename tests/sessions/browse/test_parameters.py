"""The lists' URL parameters: a search is bounded in words and characters."""

import pytest
import yaml

from sessions.browse.parameters import SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS
from tests.factories import PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db

TOO_MANY_WORDS = "a search has at most 20 words (this one has 21)."
TOO_LONG = "Ensure this value has at most 200 characters (it has 201)."


@pytest.fixture
def sessions():
    return [
        SessionFactory(title="Energy and data", description="Grids."),
        SessionFactory(title="Open data", description="Registries."),
    ]


def titles(response):
    return [session.title for session in response.context["page"]]


def test_the_bounds_are_twenty_words_and_two_hundred_characters():
    assert (SEARCH_MAX_WORDS, SEARCH_MAX_LENGTH) == (20, 200)


def test_a_search_of_twenty_words_is_a_search(client, sessions):
    response = client.get("/sessions/", {"q": " ".join(["data"] * 19 + ["energy"])})

    assert response.context["ignored"] == []
    assert titles(response) == ["Energy and data"]


def test_a_longer_search_is_ignored_with_the_reason_and_the_list_stays_whole(client, sessions):
    response = client.get("/sessions/", {"q": " ".join(["energy"] * 21)})

    assert response.status_code == 200
    assert response.context["ignored"] == [f"Ignored q: {TOO_MANY_WORDS}"]
    assert titles(response) == ["Open data", "Energy and data"]
    assert f"Ignored q: {TOO_MANY_WORDS}" in response.content.decode()


def test_a_search_over_two_hundred_characters_is_ignored(client, sessions):
    response = client.get("/sessions/", {"q": "e" * 201})

    assert response.context["ignored"] == [f"Ignored q: {TOO_LONG}"]
    assert titles(response) == ["Open data", "Energy and data"]


@pytest.mark.parametrize(
    ("q", "quoted", "message"),
    [
        (" ".join(["data"] * 21), "data data data data data data data data…", TOO_MANY_WORDS),
        ("d" * 201, "d" * 39 + "…", TOO_LONG),
    ],
)
def test_the_api_refuses_a_search_beyond_the_bounds(client, sessions, q, quoted, message):
    response = client.get("/api/sessions/", {"q": q})

    # The message repeats the search's first 39 characters, not all of it.
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Bad query parameter(s): q.",
        "parameters": {"q": [f"{quoted}: {message}"]},
    }


def test_the_people_list_bounds_its_name_search_too(client):
    PersonFactory(name="Ada Lovelace")
    q = " ".join(["ada"] * 21)

    response = client.get("/people/", {"q": q})

    assert response.context["ignored"] == [f"Ignored q={q}: {TOO_MANY_WORDS}"]
    assert [person.name for person in response.context["page"]] == ["Ada Lovelace"]


def test_the_schema_gives_the_searchs_length_bound(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    parameters = schema["paths"]["/api/sessions/"]["get"]["parameters"]

    (q,) = [parameter for parameter in parameters if parameter["name"] == "q"]
    assert q["schema"] == {"type": "string", "maxLength": 200}
