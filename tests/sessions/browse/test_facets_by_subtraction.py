"""A search's facets counted by subtraction (sessions/browse/facets.py) are the facets counted
over its matches: the same values, counts, links and reasons.

A search that is the list's only parameter and leaves out fewer sessions than it matches is
counted as the whole archive's counts less those of the sessions it leaves out;
the list with no parameter is the whole archive's counts. Each test compares the page's facets
with the same Facets forced to count the list's sessions.
"""

import pytest
from django.http import QueryDict

from sessions.browse import facets as facets_module
from sessions.browse.facets import Facets
from sessions.browse.filters import SessionFilter
from sessions.derived import refresh_derived
from sessions.models import Participation, RegionalGroup, Session, StakeholderGroup
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
    TakeawayFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Six sessions over two meetings; "internet" is in the title of four, so a search for it
    leaves out two. People and organizers of every kind: in matches only, in left-out sessions
    only, in both."""
    igf_2023 = MeetingFactory(slug="igf-2023", name="IGF 2023", year=2023)
    igf_2024 = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    titles = [
        ("Internet access", igf_2024, Session.Type.WORKSHOP),
        ("Internet governance", igf_2024, Session.Type.OPEN_FORUM),
        ("Internet and climate", igf_2023, Session.Type.WORKSHOP),
        ("Internet for all", igf_2023, Session.Type.MAIN_SESSION),
        ("Broadband", igf_2024, Session.Type.WORKSHOP),
        ("Data flows", igf_2023, Session.Type.TOWN_HALL),
    ]
    sessions = [
        SessionFactory(title=title, meeting=meeting, session_type=kind, report="")
        for title, meeting, kind in titles
    ]
    ada, grace, linus, left_out_only = (
        PersonFactory(name=name, slug=name.lower().replace(" ", "-"))
        for name in ["Ada", "Grace", "Linus", "Left Out"]
    )
    acme, globex = (
        OrganizationFactory(slug="acme", name="Acme"),
        OrganizationFactory(slug="globex", name="Globex"),
    )
    groups = [
        (StakeholderGroup.CIVIL_SOCIETY, RegionalGroup.WEOG),
        (StakeholderGroup.GOVERNMENT, RegionalGroup.AFRICAN),
    ]
    for number, session in enumerate(sessions):
        stakeholder, region = groups[number % 2]
        for person in [ada, *([grace] if number in (1, 2, 4) else [])]:
            ParticipationFactory(
                session=session,
                person=person,
                stakeholder_group=stakeholder,
                regional_group=region,
            )
        OrganizerFactory(session=session, organization=acme if number < 5 else globex)
    ParticipationFactory(session=sessions[0], person=linus, role=Participation.Role.MODERATOR)
    ParticipationFactory(session=sessions[5], person=left_out_only)
    sessions[0].sdg_goals.add(4, 7)
    sessions[1].sdg_targets.add("7.a")
    sessions[4].sdg_goals.add(7, 13)
    sessions[5].sdg_targets.add("13.1", "4.1")
    sessions[2].report = sessions[5].report = "A report."
    for session in (sessions[2], sessions[5]):
        session.save()
    TakeawayFactory(session=sessions[3])
    TakeawayFactory(session=sessions[4])
    refresh_derived([session.pk for session in sessions])
    return sessions


def shown(facets):
    """Every facet as the page shows it."""
    return [
        (
            facet.name,
            [
                (option.value, option.count, option.selected, option.url, option.reason)
                for option in facet.options
            ],
            facet.every_url,
        )
        for facet in facets
    ]


def counted_directly(query):
    """The facets of the list at `query`, each counted over its own sessions."""
    filterset = SessionFilter(QueryDict(query), queryset=Session.objects.all())
    facets = Facets(filterset)
    facets.unmatched = None
    facets.counts_whole_archive = lambda name: False
    return shown(facets.all())


def options(response, name):
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def test_a_search_that_leaves_out_a_few_sessions_is_counted_by_subtraction(client, archive):
    response = client.get("/sessions/?q=internet")

    facets = Facets(SessionFilter(QueryDict("q=internet"), queryset=Session.objects.all()))
    assert sorted(facets.unmatched) == [archive[4].pk, archive[5].pk]
    assert shown(response.context["facets"]) == counted_directly("q=internet")
    assert options(response, "speaker") == {"ada": 4, "grace": 2, "linus": 1}
    assert options(response, "organizer") == {"acme": 4}
    assert options(response, "year") == {"2024": 2, "2023": 2}
    assert options(response, "meeting") == {"igf-2024": 2, "igf-2023": 2}
    assert options(response, "type") == {"workshop": 2, "open_forum": 1, "main_session": 1}
    assert options(response, "sdg")["7"] == 2
    assert options(response, "sdg")["13"] == 0
    assert options(response, "sdg")["4"] == 1
    assert options(response, "stakeholder") == {"civil_society": 2, "government": 2}
    assert options(response, "region") == {"weog": 2, "african": 2}
    assert options(response, "has") == {"takeaways": 1, "report": 1}


def test_the_list_without_parameters_is_the_whole_archives_counts(client, archive):
    response = client.get("/sessions/")

    assert shown(response.context["facets"]) == counted_directly("")
    assert options(response, "speaker") == {"ada": 6, "grace": 3, "linus": 1, "left-out": 1}
    assert options(response, "organizer") == {"acme": 5, "globex": 1}


@pytest.mark.parametrize("query", ["q=broadband", "q=internet&year=2024", "q=internet&speaker=ada"])
def test_other_lists_count_their_sessions(client, archive, query):
    """A search matching fewer sessions than it leaves out, or with another parameter, is
    counted over its sessions."""
    facets = Facets(SessionFilter(QueryDict(query), queryset=Session.objects.all()))
    assert facets.unmatched is None
    assert shown(client.get(f"/sessions/?{query}").context["facets"]) == counted_directly(query)


def test_too_few_candidates_to_say_count_the_matches(client, archive, monkeypatch):
    """When the rows read by their copied counts cannot tell the largest, the facet is
    counted over the matches, with the same result."""
    monkeypatch.setattr(facets_module, "CANDIDATES", 2)
    facets = Facets(SessionFilter(QueryDict("q=internet"), queryset=Session.objects.all()))
    people = facets_module.LONG_FACETS["people"]

    assert facets.largest_by_subtraction(people) is None
    assert shown(client.get("/sessions/?q=internet").context["facets"]) == counted_directly(
        "q=internet"
    )


@pytest.mark.parametrize(
    "query", ["sdg=7", "sdg=7&sdg=13", "year=2024", "type=workshop", "stakeholder=government"]
)
def test_a_facet_whose_own_choice_is_the_only_one_counts_the_whole_archive(client, archive, query):
    """Its counts are the whole archive's, kept, and those not in the list yet are those less
    the list's own: the same values, counts and reasons as counting them."""
    name = query.split("=")[0]
    facets = Facets(SessionFilter(QueryDict(query), queryset=Session.objects.all()))
    assert facets.counts_whole_archive(name)
    assert not facets.counts_whole_archive("meeting")

    response = client.get(f"/sessions/?{query}")

    assert shown(response.context["facets"]) == counted_directly(query)


def test_the_whole_archives_counts_with_those_not_listed_yet(client, archive):
    response = client.get("/sessions/?sdg=7")

    facet = next(facet for facet in response.context["facets"] if facet.name == "sdg")
    shown_goals = {
        option.value: (option.count, option.selected, option.reason)
        for option in facet.options
        if option.value in {"4", "7", "13"}
    }
    # Sessions 0, 1 and 4 are on SDG 7 (1 through its target 7.a); 13 has 4 and 5, and 5 is
    # not in the list; 4 has 0 and 5 (through 4.1).
    assert shown_goals == {
        "4": (2, False, ""),
        "7": (3, True, ""),
        "13": (2, False, ""),
    }
