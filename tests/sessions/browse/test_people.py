"""The pages of people and organizations, and their lists."""

import datetime
import re

import pytest

from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE
from sessions.browse.people import EXCERPT_LENGTH, PER_PAGE, SAID_PER_PAGE
from sessions.models import Organizer, Participation, TranscriptTurn
from speakers.models import DuplicateSuggestion
from tests.factories import (
    ArgumentFactory,
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    SessionFactory,
    TranscriptTurnFactory,
)
from tests.page_checks import assert_good_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    """Gong Ke in three sessions (2021, 2024 twice in one session, 2025); Ada in one."""
    wfeo = OrganizationFactory(slug="wfeo", name="World Federation of Engineering Organizations")
    OrganizationAliasFactory(organization=wfeo, name="WFEO")
    OrganizationAliasFactory(
        organization=wfeo, name="World Federation of Engineering Organizations"
    )
    tianmu = OrganizationFactory(slug="tianmu-news", name="Tianmu News", is_media_outlet=True)
    gong = PersonFactory(slug="gong-ke", name="Gong Ke")
    for spelling in ["GONG Ke", "Ke Gong", "Prof. GONG Ke"]:
        PersonAliasFactory(person=gong, name=spelling)
    torbjorn = PersonFactory(slug="torbjorn-fredriksson", name="Torbjorn Fredriksson")
    PersonAliasFactory(person=torbjorn, name="Torbjörn Fredriksson")
    ada = PersonFactory(slug="ada", name="Ada")

    ws125 = SessionFactory(
        meeting=MeetingFactory(slug="igf-2021", name="IGF 2021", year=2021),
        title="Big Data for Environmental Sustainability",
        date=datetime.date(2021, 12, 10),
    )
    of9 = SessionFactory(
        meeting=MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024),
        title="Digital Technology Empowers Green and Low-carbon Development",
        date=datetime.date(2024, 12, 19),
    )
    wsis = SessionFactory(
        meeting=MeetingFactory(slug="wsis-2025", name="WSIS+20 2025", year=2025),
        title="Strengthen Digital Governance",
        date=datetime.date(2025, 7, 11),
    )
    ParticipationFactory(
        session=ws125,
        person=gong,
        published_name="Prof. GONG Ke",
        affiliation="President, WFEO",
        organization=wfeo,
        stakeholder_group="intergovernmental",
        regional_group="intergovernmental",
    )
    ParticipationFactory(session=of9, person=gong, published_name="GONG Ke", is_tbd=True)
    ParticipationFactory(
        session=of9,
        person=gong,
        role=Participation.Role.MODERATOR,
        published_name="GONG Ke",
    )
    ParticipationFactory(
        session=wsis,
        person=gong,
        published_name="Ke Gong",
        affiliation="Chinese Institute of New Generation AI Development Strategy",
        speech_seconds=233,
        words=458,
        words_per_minute=117,
    )
    ParticipationFactory(session=wsis, person=torbjorn, speech_seconds=293)
    ParticipationFactory(
        session=of9,
        person=ada,
        organization=wfeo,
        affiliation="WFEO youth",
        stakeholder_group="civil_society",
        regional_group="african",
    )
    OrganizerFactory(session=ws125, organization=wfeo, published_name="WFEO")
    OrganizerFactory(session=wsis, organization=wfeo, role=Organizer.Role.HOST)
    TranscriptTurnFactory(
        session=wsis, person=None, organization=tianmu, speaker_label="Tianmu News", position=3
    )
    return {"gong": gong, "ada": ada, "wfeo": wfeo, "ws125": ws125, "of9": of9, "wsis": wsis}


def test_person_page_lists_every_session_newest_first(client, people):
    response = client.get("/people/gong-ke/")
    assert response.status_code == 200
    rows = [
        (p["session"]["title"], p["role_label"], p["published_name"], p["affiliation"])
        for p in response.context["participations"]
    ]
    assert rows == [
        (
            "Strengthen Digital Governance",
            "Speaker",
            "Ke Gong",
            "Chinese Institute of New Generation AI Development Strategy",
        ),
        ("Digital Technology Empowers Green and Low-carbon Development", "Speaker", "GONG Ke", ""),
        (
            "Digital Technology Empowers Green and Low-carbon Development",
            "Moderator",
            "GONG Ke",
            "",
        ),
        (
            "Big Data for Environmental Sustainability",
            "Speaker",
            "Prof. GONG Ke",
            "President, WFEO",
        ),
    ]
    assert response.context["session_count"] == 3
    assert response.context["speech_seconds"] == 233
    content = response.content.decode()
    assert "GONG Ke; Ke Gong; Prof. GONG Ke" in content
    assert "Spoke 3:53 (233 seconds), 458 words, 117 words per minute" in content
    assert "To be confirmed (TBD)" in content
    # One heading per session, however many roles the person had in it, under its year.
    assert content.count('<h4 class="result-title">') == 3
    assert re.findall(r'<h3 class="year-heading">(\d+)</h3>', content) == ["2025", "2024", "2021"]
    assert [
        (year["year"], year["sessions"], year["seconds"], year["words"])
        for year in response.context["years"]
    ] == [(2025, 1, 233, 458), (2024, 1, None, None), (2021, 1, None, None)]
    assert (
        "<dd>2025: 1 session, spoke 3:53, 458 words · 2024: 1 session · 2021: 1 session</dd>"
        in content
    )
    assert "<dt>Words spoken</dt><dd>458 (where the sources counted them)</dd>" in content
    # The affiliation as published then, linked to its organization where it has one.
    assert ': <a href="/organizations/wfeo/">President, WFEO</a>' in content
    assert ": Chinese Institute of New Generation AI Development Strategy\n" in content
    assert '<a href="/sessions/?speaker=gong-ke">' in content
    assert_good_page(response)


def test_person_page_shows_what_they_said_each_linked_to_its_session(client, people):
    gong, wsis, of9 = people["gong"], people["wsis"], people["of9"]
    long_text = "Green data. " * 30  # 360 characters: cut at EXCERPT_LENGTH
    TranscriptTurnFactory(
        session=wsis, person=gong, speaker_label="Ke Gong", position=5, text=long_text
    )
    TranscriptTurnFactory(session=of9, person=gong, speaker_label="GONG Ke", position=2, text="Hi.")
    ArgumentFactory(
        session=wsis,
        person=gong,
        position=4,
        claim="Data saves energy.",
        major_discussion_point="Data",
    )
    response = client.get("/people/gong-ke/")
    assert [
        (t["session"]["title"], t["position"], t["excerpt"]) for t in response.context["turns"]
    ] == [
        ("Strengthen Digital Governance", 5, long_text[:EXCERPT_LENGTH]),
        ("Digital Technology Empowers Green and Low-carbon Development", 2, "Hi."),
    ]
    assert [(a["session"]["title"], a["excerpt"]) for a in response.context["arguments"]] == [
        ("Strengthen Digital Governance", "Data saves energy.")
    ]
    content = response.content.decode()
    wsis_url = wsis.get_absolute_url()
    assert f'<a href="{wsis_url}transcript/#turn-5">Turn 5</a>' in content
    assert f"<blockquote><p>{long_text[:EXCERPT_LENGTH]}…</p></blockquote>" in content
    assert "<blockquote><p>Hi.</p></blockquote>" in content
    assert f'<a href="{wsis_url}#argument-4">Strengthen Digital Governance</a>' in content
    assert "2 turns in all, newest session first" in content
    assert "1 argument in all, newest session first" in content
    # The argument's anchor is on the session's page.
    assert 'id="argument-4"' in client.get(wsis_url).content.decode()
    assert_good_page(response)


def test_person_page_pages_what_they_said(client, people):
    gong, wsis = people["gong"], people["wsis"]
    # Positions 11 to SAID_PER_PAGE + 11 (the fixture's turn is at 3): one more than a page.
    for position in range(11, SAID_PER_PAGE + 12):
        TranscriptTurnFactory(session=wsis, person=gong, position=position)
        ArgumentFactory(session=wsis, person=gong, position=position)
    response = client.get("/people/gong-ke/?turns_page=2&arguments_page=2")
    assert [t["position"] for t in response.context["turns"]] == [SAID_PER_PAGE + 11]
    assert [a["position"] for a in response.context["arguments"]] == [SAID_PER_PAGE + 11]
    assert response.context["ignored"] == []
    content = response.content.decode()
    assert '<a rel="prev" href="?turns_page=1&amp;arguments_page=2">' in content
    assert '<a rel="prev" href="?turns_page=2&amp;arguments_page=1">' in content
    bad = client.get("/people/gong-ke/?arguments_page=9")
    assert bad.context["ignored"] == [
        "Ignored arguments_page=9: no such page (the list has 2 pages)"
    ]


def test_two_records_an_editor_may_merge_see_each_other_alike(client):
    """DU Guimei and Dou Guimei: while an editor's suggestion is open, each page names the
    other in the same neutral words; once kept apart, neither does."""
    du = PersonFactory(slug="du-guimei", name="DU Guimei")
    dou = PersonFactory(slug="dou-guimei", name="Dou Guimei")
    suggestion = DuplicateSuggestion.objects.create(person=du, other=dou, reason="one letter")
    words = (
        ": the sources spell the names alike, and editors are checking whether they are one person."
    )
    for page, other in [(du, dou), (dou, du)]:
        response = client.get(f"/people/{page.slug}/")
        assert response.context["see_also"] == [other]
        assert f'See also <a href="/people/{other.slug}/">{other.name}</a>{words}' in (
            response.content.decode()
        )
    suggestion.status = DuplicateSuggestion.Status.KEPT_APART
    suggestion.save()
    for page in (du, dou):
        response = client.get(f"/people/{page.slug}/")
        assert response.context["see_also"] == []
        assert "See also" not in response.content.decode()


def test_person_unknown_is_404(client, people):
    assert client.get("/people/nobody/").status_code == 404


def test_organization_page_sessions_and_people(client, people):
    response = client.get("/organizations/wfeo/")
    assert response.status_code == 200
    assert response.context["years"] == [
        {"year": 2025, "sessions": 1, "people": 0, "participations": 0, "turns": 0},
        {"year": 2024, "sessions": 1, "people": 1, "participations": 1, "turns": 0},
        {"year": 2021, "sessions": 1, "people": 1, "participations": 1, "turns": 0},
    ]
    sessions = [
        (s["title"], s["year"], s["organized"], s["people_affiliated"])
        for s in response.context["sessions"]
    ]
    assert sessions == [
        ("Strengthen Digital Governance", 2025, True, 0),
        ("Digital Technology Empowers Green and Low-carbon Development", 2024, False, 1),
        ("Big Data for Environmental Sustainability", 2021, True, 1),
    ]
    assert [
        (p["person"]["name"], p["session"]["title"]) for p in response.context["affiliations"]
    ] == [
        ("Ada", "Digital Technology Empowers Green and Low-carbon Development"),
        ("Gong Ke", "Big Data for Environmental Sustainability"),
    ]
    content = response.content.decode()
    assert "WFEO; World Federation of Engineering Organizations" in content
    assert "Organized or hosted · 1 person affiliated" in content
    assert_good_page(response)


def test_organization_page_of_a_media_outlet_shows_its_questions(client, people):
    response = client.get("/organizations/tianmu-news/")
    content = response.content.decode()
    wsis = people["wsis"].get_absolute_url()
    assert f'<a href="{wsis}transcript/#turn-3">Tianmu News, turn 3</a>' in content
    assert "Media outlet" in content
    assert_good_page(response)


def test_person_page_paginates_sessions_and_counts_them_all(client, people):
    gong = people["gong"]
    meeting = MeetingFactory(slug="igf-2026", name="IGF 2026", year=2026)
    # PER_PAGE + 10 sessions more, newer than the fixture's, a day apart, the newest last; a
    # speaker and moderator of the oldest.
    for day in range(PER_PAGE + 10):
        session = SessionFactory(
            meeting=meeting,
            title=f"Day {day:02d}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(day),
        )
        ParticipationFactory(session=session, person=gong, speech_seconds=10)
        if day == 0:
            ParticipationFactory(
                session=session, person=gong, role=Participation.Role.MODERATOR, speech_seconds=5
            )

    first = client.get("/people/gong-ke/")
    second = client.get("/people/gong-ke/?page=2")

    titles = [f"Day {day:02d}" for day in reversed(range(PER_PAGE + 10))]
    assert list(first.context["page"]) == [p["session_id"] for p in first.context["participations"]]
    assert [p["session"]["title"] for p in first.context["participations"]] == titles[:PER_PAGE]
    assert [(p["session"]["title"], p["role"]) for p in second.context["participations"]] == [
        *[(title, "speaker") for title in titles[PER_PAGE:-1]],
        ("Day 00", "speaker"),
        ("Day 00", "moderator"),
        ("Strengthen Digital Governance", "speaker"),
        ("Digital Technology Empowers Green and Low-carbon Development", "speaker"),
        ("Digital Technology Empowers Green and Low-carbon Development", "moderator"),
        ("Big Data for Environmental Sustainability", "speaker"),
    ]
    for response in (first, second):
        # The three sessions of the fixture, and the new ones; 233 seconds spoken in them.
        assert response.context["session_count"] == PER_PAGE + 13
        assert response.context["speech_seconds"] == 233 + 10 * (PER_PAGE + 10) + 5
        assert response.context["ignored"] == []
        assert f"<dd>{PER_PAGE + 13} · " in response.content.decode()
        assert [year["sessions"] for year in response.context["years"]] == [PER_PAGE + 10, 1, 1, 1]
        assert_good_page(response)
    assert "Page 2 of 2" in second.content.decode()
    assert '<a rel="prev" href="?page=1">' in second.content.decode()


def test_person_page_ignores_a_bad_page(client, people):
    response = client.get("/people/gong-ke/?page=3")
    assert response.status_code == 200
    assert response.context["ignored"] == ["Ignored page=3: no such page (the list has 1 page)"]
    assert len(response.context["participations"]) == 4
    assert "Ignored page=3: no such page (the list has 1 page)" in response.content.decode()


@pytest.fixture
def busy_organization(people):
    """WFEO organizing PER_PAGE + 1 more sessions (in 2026, after the fixture's), with a
    participation and a turn in each."""
    wfeo = people["wfeo"]
    meeting = MeetingFactory(slug="igf-2026", name="IGF 2026", year=2026)
    for day in range(PER_PAGE + 1):
        session = SessionFactory(
            meeting=meeting,
            title=f"Day {day:02d}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(day),
        )
        OrganizerFactory(session=session, organization=wfeo, published_name=wfeo.name)
        ParticipationFactory(
            session=session, person=PersonFactory(name=f"Zed {day:02d}"), organization=wfeo
        )
        TranscriptTurnFactory(
            session=session, person=None, organization=wfeo, speaker_label="WFEO", position=1
        )
    return wfeo


def test_organization_page_paginates_each_list_with_its_own_parameter(client, busy_organization):
    response = client.get("/organizations/wfeo/?page=2&people_page=2&turns_page=2")

    assert [s["title"] for s in response.context["sessions"]] == [
        "Day 00",
        "Strengthen Digital Governance",
        "Digital Technology Empowers Green and Low-carbon Development",
        "Big Data for Environmental Sustainability",
    ]
    # The newest year first (the Zeds in 2026), by name within a year.
    assert [p["person"]["name"] for p in response.context["affiliations"]] == [
        "Zed 50",
        "Ada",
        "Gong Ke",
    ]
    assert [t.session.title for t in response.context["turns"]] == ["Day 00"]
    assert response.context["ignored"] == []
    content = response.content.decode()
    assert '<a rel="prev" href="?page=1&amp;people_page=2&amp;turns_page=2">' in content
    assert '<a rel="prev" href="?page=2&amp;people_page=1&amp;turns_page=2">' in content
    assert '<a rel="prev" href="?page=2&amp;people_page=2&amp;turns_page=1">' in content
    assert "54 in all, newest first" in content
    assert "53 participations in all, newest year first, by name." in content
    assert "51 turns in all, newest session first." in content
    assert_good_page(response)


def test_organization_page_first_pages(client, busy_organization):
    response = client.get("/organizations/wfeo/")
    sessions = [s["title"] for s in response.context["sessions"]]
    assert sessions == [f"Day {day:02d}" for day in reversed(range(1, PER_PAGE + 1))]
    people = [p["person"]["name"] for p in response.context["affiliations"]]
    assert people == [f"Zed {day:02d}" for day in range(PER_PAGE)]
    turns = [t.session.title for t in response.context["turns"]]
    assert turns == [f"Day {day:02d}" for day in reversed(range(1, PER_PAGE + 1))]


def test_organization_page_ignores_bad_pages(client, busy_organization):
    response = client.get("/organizations/wfeo/?people_page=x&turns_page=3")
    assert response.status_code == 200
    assert response.context["ignored"] == [
        "Ignored people_page=x: no such page (the list has 2 pages)",
        "Ignored turns_page=3: no such page (the list has 2 pages)",
    ]
    assert response.context["affiliations"].number == 1
    assert response.context["turns"].number == 1
    assert_good_page(response)


def test_organization_page_links_a_turn_to_the_transcript_page_that_shows_it(client, people):
    wfeo = people["wfeo"]
    session = people["of9"]
    # The turns of a long transcript, with a gap: position 101 was removed by an editor, so
    # the turn at position 201 is the 200th (the end of page 1), at 202 the 201st.
    TranscriptTurn.objects.bulk_create(
        TranscriptTurn(session=session, position=position, speaker_label="Chair", text="...")
        for position in [*range(1, 101), *range(102, 201), *range(203, 260)]
    )
    for position in [201, 202]:
        TranscriptTurnFactory(
            session=session, person=None, organization=wfeo, speaker_label="WFEO", position=position
        )
    assert TRANSCRIPT_TURNS_PER_PAGE == 200
    content = client.get("/organizations/wfeo/").content.decode()
    url = session.get_absolute_url()
    assert f'<a href="{url}transcript/#turn-201">WFEO, turn 201</a>' in content
    assert f'<a href="{url}transcript/?page=2#turn-202">WFEO, turn 202</a>' in content
    turn_page = client.get(f"{url}transcript/?page=2").content.decode()
    assert re.findall(r'<li id="turn-(\d+)">', turn_page)[0] == "202"


def test_organization_unknown_is_404(client, people):
    assert client.get("/organizations/nothing/").status_code == 404


def names(response):
    return [row.name for row in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ada", "Gong Ke", "Torbjorn Fredriksson"]),
        ("q=gong", ["Gong Ke"]),
        ("q=ke+gong", ["Gong Ke"]),
        ("q=prof", ["Gong Ke"]),
        ("q=torbjörn", ["Torbjorn Fredriksson"]),
        ("q=TORBJORN", ["Torbjorn Fredriksson"]),
        ("q=nobody", []),
        ("stakeholder=civil_society", ["Ada"]),
        ("stakeholder=intergovernmental", ["Gong Ke"]),
        ("region=african", ["Ada"]),
        ("region=intergovernmental&q=gong", ["Gong Ke"]),
        ("region=weog", []),
    ],
)
def test_person_list_filters(client, people, query, expected):
    response = client.get(f"/people/?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert response.context["ignored"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2025", ["Gong Ke", "Torbjorn Fredriksson"]),
        ("year=2024", ["Ada", "Gong Ke"]),
        ("year=2023", []),
        ("year=2021&stakeholder=intergovernmental", ["Gong Ke"]),
        # One participation must meet every filter: Gong Ke was intergovernmental in 2021 only.
        ("year=2025&stakeholder=intergovernmental", []),
        ("year=2024&region=african", ["Ada"]),
        ("year=2024&region=african&stakeholder=government", []),
    ],
)
def test_person_list_filters_by_year_with_the_other_filters_on_one_participation(
    client, people, query, expected
):
    response = client.get(f"/people/?{query}")
    assert names(response) == expected
    assert response.context["ignored"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "Ada",
                "Daisy",
                "Dou Guimei",
                "DU Guimei",
                "du Zed",
                "Elodie Bernard",
                "Élodie Martin",
                "Gong Ke",
                "Torbjorn Fredriksson",
            ],
        ),
        (
            "sort=name",
            [
                "Ada",
                "Daisy",
                "Dou Guimei",
                "DU Guimei",
                "du Zed",
                "Elodie Bernard",
                "Élodie Martin",
                "Gong Ke",
                "Torbjorn Fredriksson",
            ],
        ),
        # Most sessions first, then by name.
        (
            "sort=sessions",
            [
                "Gong Ke",
                "DU Guimei",
                "Ada",
                "Torbjorn Fredriksson",
                "Daisy",
                "Dou Guimei",
                "du Zed",
                "Elodie Bernard",
                "Élodie Martin",
            ],
        ),
        # Among those of 2024, by all their sessions.
        ("sort=sessions&year=2024", ["Gong Ke", "DU Guimei", "Ada"]),
    ],
)
def test_person_list_sorts_by_name_whatever_its_case_and_accents_or_by_sessions(
    client, people, query, expected
):
    du = PersonFactory(name="DU Guimei")
    for session in ["ws125", "of9"]:
        ParticipationFactory(session=people[session], person=du)
    for name in ["Daisy", "Dou Guimei", "du Zed", "Élodie Martin", "Elodie Bernard"]:
        PersonFactory(name=name)
    response = client.get(f"/people/?{query}")
    assert names(response) == expected
    assert response.context["ignored"] == []
    assert_good_page(response)


def test_person_list_counts_sessions_and_years(client, people):
    response = client.get("/people/?q=gong")
    (gong,) = response.context["page"].object_list
    assert (gong.session_count, gong.first_year, gong.last_year) == (3, 2021, 2025)
    assert_good_page(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "stakeholder=nope",
            "Ignored stakeholder=nope: Select a valid choice. nope is not one of the available "
            "choices.",
        ),
        (
            "region=nope",
            "Ignored region=nope: Select a valid choice. nope is not one of the available choices.",
        ),
        ("page=9", "Ignored page=9: no such page (the list has 1 page)"),
        ("year=20x5", "Ignored year=20x5: not a year"),
        ("year=2021.0", "Ignored year=2021.0: not a year"),
        (
            "sort=oldest",
            "Ignored sort=oldest: Select a valid choice. oldest is not one of the available "
            "choices.",
        ),
    ],
)
def test_person_list_ignores_bad_values(client, people, query, message):
    response = client.get(f"/people/?{query}")
    assert response.status_code == 200
    assert response.context["ignored"] == [message]
    assert names(response) == ["Ada", "Gong Ke", "Torbjorn Fredriksson"]


def test_person_list_paginates(client, people):
    for number in range(60):
        PersonFactory(name=f"Zed {number:02d}")
    response = client.get("/people/?q=zed&page=2")
    assert names(response) == [f"Zed {number:02d}" for number in range(50, 60)]
    assert 'href="?q=zed&amp;page=1"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Tianmu News", "World Federation of Engineering Organizations"]),
        ("q=wfeo", ["World Federation of Engineering Organizations"]),
        ("q=engineering+federation", ["World Federation of Engineering Organizations"]),
        ("q=tianmu", ["Tianmu News"]),
        ("stakeholder=civil_society", ["World Federation of Engineering Organizations"]),
        ("stakeholder=government", []),
    ],
)
def test_organization_list_filters(client, people, query, expected):
    response = client.get(f"/organizations/?{query}")
    assert names(response) == expected
    assert_good_page(response)


def test_organization_list_counts(client, people):
    # The count of sessions costs a subquery per organization: read only to sort by it.
    response = client.get("/organizations/?q=wfeo&sort=sessions")
    (wfeo,) = response.context["page"].object_list
    # Organized two sessions (2021, 2025); its people took part in two (2021, 2024).
    assert (wfeo.organized_count, wfeo.people_count, wfeo.session_count) == (2, 2, 3)
    assert "3 sessions · organized 2 sessions · 2 people affiliated" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=african", ["World Federation of Engineering Organizations"]),
        ("region=weog", []),
        # Organized a session of the year (WFEO in 2025, acme in 2024), or its people took
        # part in one (WFEO in 2024).
        ("year=2025", ["World Federation of Engineering Organizations"]),
        ("year=2024", ["acme", "World Federation of Engineering Organizations"]),
        ("year=2023", []),
        # With another filter, the year is that of its people's participation.
        ("year=2025&stakeholder=civil_society", []),
        (
            "year=2024&stakeholder=civil_society&region=african",
            ["World Federation of Engineering Organizations"],
        ),
        ("sort=name", ["acme", "Tianmu News", "World Federation of Engineering Organizations"]),
        ("sort=sessions", ["World Federation of Engineering Organizations", "acme", "Tianmu News"]),
    ],
)
def test_organization_list_filters_by_region_and_year_and_sorts(client, people, query, expected):
    acme = OrganizationFactory(name="acme")
    OrganizerFactory(session=people["of9"], organization=acme)
    response = client.get(f"/organizations/?{query}")
    assert names(response) == expected
    assert response.context["ignored"] == []


def test_organization_list_sorts_by_name_whatever_its_case_and_accents(client):
    for name in ["ecole Z", "École Polytechnique", "EFF", "Ecole Nationale", "Eb"]:
        OrganizationFactory(name=name)
    response = client.get("/organizations/")
    assert names(response) == ["Eb", "Ecole Nationale", "École Polytechnique", "ecole Z", "EFF"]


def test_organization_list_ignores_bad_values(client, people):
    response = client.get("/organizations/?stakeholder=nope")
    assert response.context["ignored"] == [
        "Ignored stakeholder=nope: Select a valid choice. nope is not one of the available choices."
    ]
    assert names(response) == ["Tianmu News", "World Federation of Engineering Organizations"]
