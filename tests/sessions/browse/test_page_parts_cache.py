"""The list's facet counts and the home page's figures are computed once per archive version.

Each test turns the cache of page parts on (tests/conftest.py turns it off) and commits its
writes' callbacks, as a real commit would, so that the archive version moves.
"""

import pytest

from tests.factories import MeetingFactory, ParticipationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_parts_cached(settings):
    settings.PAGE_PART_SECONDS = 60


def year_counts(response):
    facet = next(facet for facet in response.context["facets"] if facet.name == "year")
    return {option.value: option.count for option in facet.options}


def test_list_facets_computed_once_per_version(client, committed, django_assert_num_queries):
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2023, slug="igf-2023"))
    first = client.get("/sessions/")
    assert year_counts(first) == {"2023": 1}
    # Again, by another URL of the same page: no query at all (the version is cached).
    with django_assert_num_queries(0):
        assert client.get("/sessions/?page=1").status_code == 200
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2024, slug="igf-2024"))
    assert year_counts(client.get("/sessions/")) == {"2024": 1, "2023": 1}


def test_list_facets_rendered_once_per_version_and_shown_as_rendered(client, committed):
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2023, slug="igf-2023"))
    first = client.get("/sessions/")
    again = client.get("/sessions/?page=1")
    templates = [template.name for template in again.templates]

    assert "includes/facet_option.html" in [template.name for template in first.templates]
    assert "includes/facet_option.html" not in templates
    assert "sessions/session_list.html" in templates
    facets = first.context["facets_html"]
    assert '<a class="facet-option" href="/sessions/?year=2023">' in facets
    assert facets in again.content.decode()
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2024, slug="igf-2024"))
    after = client.get("/sessions/?page=1")
    assert "includes/facet_option.html" in [template.name for template in after.templates]
    assert '<a class="facet-option" href="/sessions/?year=2024">' in after.content.decode()


def test_list_facets_kept_for_one_release(client, committed, monkeypatch):
    """A new release may render them otherwise: its pages render them again."""
    with committed():
        SessionFactory()
    client.get("/sessions/")
    monkeypatch.setattr("sessions.browse.caching.release", lambda: "the next release")
    templates = [template.name for template in client.get("/sessions/").templates]

    assert "includes/facet_option.html" in templates


def test_list_facets_kept_apart_by_filters(client, committed):
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2023, slug="igf-2023"), session_type="workshop")
        SessionFactory(
            meeting=MeetingFactory(year=2024, slug="igf-2024"), session_type="open_forum"
        )
    assert year_counts(client.get("/sessions/")) == {"2024": 1, "2023": 1}
    assert year_counts(client.get("/sessions/?type=workshop")) == {"2023": 1}


def test_home_figures_follow_the_archive(client, committed):
    with committed():
        SessionFactory()
    assert client.get("/").context["counts"]["sessions"] == 1
    assert client.get("/").context["counts"]["sessions"] == 1
    with committed():
        SessionFactory()
    assert client.get("/").context["counts"]["sessions"] == 2


def test_home_computed_once_per_version_query_count(client, committed, django_assert_num_queries):
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2023, slug="igf-2023")).sdg_goals.add(7)
    # The first visit computes the figures, as with the cache off
    # (tests/sessions/browse/test_views_query_counts.py): 1. years, 2. sessions per goal and
    # year, 3. the SDG goals, 4-6. counts of sessions, people, organizations, 7. meetings,
    # 8. the latest sessions, 9. their SDG goals.
    with django_assert_num_queries(9):
        first = client.get("/")
    assert first.context["counts"]["sessions"] == 1
    # The second takes them all from the cache (the version too): no query at all.
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.content == first.content
    # A change to the archive is a new version: the next visit computes the figures again.
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2024, slug="igf-2024"))
    with django_assert_num_queries(9):
        third = client.get("/")
    assert third.context["counts"]["sessions"] == 2
    assert [session.meeting.year for session in third.context["latest"]] == [2024, 2023]
    with django_assert_num_queries(0):
        assert client.get("/").context["counts"]["sessions"] == 2


def test_list_facets_query_count_first_and_second_visit(
    client, committed, django_assert_num_queries
):
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2023, slug="igf-2023"))
    # 1. count of the sessions, 2-14. the facets (from the whole archive's counts),
    # 15. the page of sessions, 16. their goals
    with django_assert_num_queries(16):
        assert year_counts(client.get("/sessions/")) == {"2023": 1}
    # The count, the facets and the page's rows come from the cache.
    with django_assert_num_queries(0):
        assert year_counts(client.get("/sessions/")) == {"2023": 1}
    with committed():
        SessionFactory(meeting=MeetingFactory(year=2024, slug="igf-2024"))
    with django_assert_num_queries(16):
        assert year_counts(client.get("/sessions/")) == {"2024": 1, "2023": 1}
    with django_assert_num_queries(0):
        assert year_counts(client.get("/sessions/")) == {"2024": 1, "2023": 1}


def test_people_counts_kept_apart_by_the_filters_applied(client, committed):
    """The people list's count is kept under the filters it applied: a year with a parameter
    left out is counted as the year, not as everyone."""
    with committed():
        ParticipationFactory(session=SessionFactory(meeting=MeetingFactory(year=2021)))
        ParticipationFactory(session=SessionFactory(meeting=MeetingFactory(year=2024)))
    with_year = client.get("/people/?year=2021&region=nope")
    everyone = client.get("/people/")

    assert with_year.context["page"].paginator.count == 1
    assert everyone.context["page"].paginator.count == 2


def test_list_urls_that_differ_in_what_was_ignored_share_the_results(
    client, committed, django_assert_num_queries
):
    with committed():
        SessionFactory(title="The one session", meeting=MeetingFactory(year=2023))
    client.get("/sessions/")

    for query in ["year=abc", "page=99999999999999999999999", "unknown=1&sort=%27"]:
        with django_assert_num_queries(0):
            response = client.get(f"/sessions/?{query}")
        page = response.content.decode()
        assert page.count("The one session") == 1
        assert page.count("Some of the link's parameters were left out") == 1


def test_list_results_kept_apart_by_page(client, committed, monkeypatch):
    monkeypatch.setattr("sessions.browse.views.SESSIONS_PER_PAGE", 1)
    with committed():
        SessionFactory(title="Older", meeting=MeetingFactory(year=2022, slug="igf-2022"))
        SessionFactory(title="Newer", meeting=MeetingFactory(year=2023, slug="igf-2023"))
    first, second = client.get("/sessions/"), client.get("/sessions/?page=2")

    assert [s.title for s in first.context["page"]] == ["Newer"]
    assert [s.title for s in second.context["page"]] == ["Older"]
    assert "<title>Sessions (page 2)" in second.content.decode()
