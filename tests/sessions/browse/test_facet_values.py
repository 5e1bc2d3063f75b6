"""Every value of a long facet: the list's link to it, its counts, its filters kept, paging."""

import pytest

from sessions.browse.facet_values import VALUES_PER_PAGE
from sessions.browse.facets import FACET_SIZE
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Three sessions of 2024 and one of 2023. Zoe speaks in all four; Person 01 to Person 11
    in the first of 2024 only; Yann in the session of 2023 only."""
    igf2023 = MeetingFactory(slug="igf-2023", name="IGF 2023", year=2023)
    igf2024 = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    sessions = [SessionFactory(meeting=igf2024) for _ in range(3)]
    earlier = SessionFactory(meeting=igf2023)
    zoe = PersonFactory(slug="zoe", name="Zoe")
    for session in [*sessions, earlier]:
        ParticipationFactory(session=session, person=zoe)
    for number in range(1, 12):
        person = PersonFactory(slug=f"person-{number:02d}", name=f"Person {number:02d}")
        ParticipationFactory(session=sessions[0], person=person)
    ParticipationFactory(session=earlier, person=PersonFactory(slug="yann", name="Yann"))
    return sessions


def options(response):
    return [
        (option.label, option.count, option.selected, option.url, option.reason)
        for option in response.context["options"]
    ]


def test_the_list_shows_ten_people_and_links_to_all_of_them(client, archive):
    response = client.get("/sessions/?year=2024")

    (people,) = [facet for facet in response.context["facets"] if facet.title == "Person"]
    assert [(o.label, o.count) for o in people.options] == [
        ("Zoe", 3),
        *((f"Person {number:02d}", 1) for number in range(1, FACET_SIZE)),
    ]
    assert people.every_url == "/sessions/people/?year=2024"
    assert (
        '<p class="facet__every"><a href="/sessions/people/?year=2024">'
        "All people of these sessions</a></p>"
    ) in response.content.decode()


def test_a_facet_with_few_values_has_no_link_to_all_of_them(client, archive):
    response = client.get("/sessions/?year=2023")

    (people,) = [facet for facet in response.context["facets"] if facet.title == "Person"]
    assert ([o.label for o in people.options], people.every_url) == (["Yann", "Zoe"], "")


def test_every_person_of_the_lists_sessions_with_their_counts(client, archive):
    response = client.get("/sessions/people/?year=2024")

    assert response.status_code == 200
    assert options(response) == [
        ("Zoe", 3, False, "?year=2024&speaker=zoe", ""),
        *(
            (f"Person {n:02d}", 1, False, f"?year=2024&speaker=person-{n:02d}", "")
            for n in range(1, 12)
        ),
    ]
    page = response.content.decode()
    assert '<a href="/sessions/?year=2024">← Back to the list of sessions</a>' in page
    assert '<h2 id="values-heading">12 values</h2>' in page
    assert '<a class="facet-option" href="/sessions/?year=2024&amp;speaker=zoe">' in page


def test_a_chosen_person_comes_first_and_the_others_say_what_choosing_them_does(client, archive):
    response = client.get("/sessions/people/?year=2024&speaker=person-11")

    # The list holds the first session: Zoe adds two more; the other ten are all in it.
    assert options(response)[:3] == [
        ("Person 11", 1, True, "?year=2024", ""),
        ("Zoe", 3, False, "?year=2024&speaker=person-11&speaker=zoe", ""),
        (
            "Person 01",
            1,
            False,
            "?year=2024&speaker=person-11&speaker=person-01",
            "all already listed",
        ),
    ]
    assert len(options(response)) == 12


def test_finding_people_by_name_keeps_the_lists_filters(client, archive):
    response = client.get("/sessions/people/?year=2024&find=person+0")

    assert [label for label, *_ in options(response)] == [f"Person {n:02d}" for n in range(1, 10)]
    page = response.content.decode()
    assert '<input type="hidden" name="year" value="2024">' in page
    assert '<input id="find" type="search" name="find" value="person 0">' in page
    assert '<h2 id="values-heading">9 values named like “person 0”</h2>' in page


def test_every_meeting_organizer_and_target_page_answers(client, archive):
    for kind, heading in [
        ("meetings", "Meetings of every session"),
        ("organizers", "Organizers of every session"),
        ("targets", "SDG targets of every session"),
    ]:
        response = client.get(f"/sessions/{kind}/")
        assert response.status_code == 200
        assert f"<h1>{heading}</h1>" in response.content.decode()
    response = client.get("/sessions/meetings/")
    assert options(response) == [
        ("IGF 2024", 3, False, "?meeting=igf-2024", ""),
        ("IGF 2023", 1, False, "?meeting=igf-2023", ""),
    ]


def test_values_are_paged_and_the_pages_keep_the_filters(client, archive):
    for number in range(12, VALUES_PER_PAGE + 5):
        person = PersonFactory(slug=f"person-{number:02d}", name=f"Person {number:02d}")
        ParticipationFactory(session=archive[0], person=person)

    first = client.get("/sessions/people/?year=2024&find=person")
    second = client.get("/sessions/people/?year=2024&find=person&page=2")

    assert len(options(first)) == VALUES_PER_PAGE
    assert [label for label, *_ in options(second)] == [
        f"Person {n:02d}" for n in range(VALUES_PER_PAGE + 1, VALUES_PER_PAGE + 5)
    ]
    assert 'href="?year=2024&amp;find=person&amp;page=2"' in first.content.decode()


def test_a_bad_page_and_a_bad_filter_are_reported(client, archive):
    response = client.get("/sessions/people/?year=abc&page=9")

    assert response.context["ignored"] == [
        "Ignored year=abc: not a year",
        "Ignored page=9: no such page (the list has 1 page)",
    ]
    assert len(options(response)) == 13
