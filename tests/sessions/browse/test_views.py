"""The public pages of sessions, meetings and SDGs, on a small archive of four sessions.

title (meeting, date)                          SDGs          records        people
A Big Data for Environmental Sustainability    goals 6, 7    takeaways,     Gong Ke (organizer
  (IGF 2021 Workshop #125, 2021-12-10)         and 13        report         org CAST)
B Digital Technology Empowers Green ...        target 7.a    takeaways,     Gong Ke (TBD),
  (IGF 2024 Open Forum #9, 2024-12-19)         only          report         Torbjorn
C Youth and the Internet                       goal 4        -              Ada (civil society,
  (IGF 2024 Workshop #3, 2024-12-17)                                         African Group)
D Strengthen Digital Governance                -             takeaways,     Torbjorn, Gong Ke
  (WSIS 2025 High-level, 2025-07-11)                         transcript
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from sessions.browse.pagination import TRANSCRIPT_TURNS_PER_PAGE
from sessions.browse.views import TRANSCRIPT_PREVIEW
from sessions.derived import refresh_derived
from sessions.models import Meeting, Session, Takeaway, TranscriptTurn
from tests.factories import (
    CuratedFactFactory,
    MeetingFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    PolicyQuestionFactory,
    SessionFactory,
    SourceDocumentFactory,
    TakeawayFactory,
    TranscriptTurnFactory,
)
from tests.page_checks import assert_good_page

pytestmark = pytest.mark.django_db

A = "Big Data for Environmental Sustainability"
B = "Digital Technology Empowers Green and Low-carbon Development"
C = "Youth and the Internet"
D = "Strengthen Digital Governance"


@pytest.fixture
def archive():
    igf2021 = MeetingFactory(
        slug="igf-2021",
        name="IGF 2021",
        year=2021,
        city="Katowice",
        country="Poland",
        start_date=datetime.date(2021, 12, 6),
        end_date=datetime.date(2021, 12, 10),
    )
    igf2024 = MeetingFactory(slug="igf-2024", name="IGF 2024", year=2024)
    wsis2025 = MeetingFactory(
        slug="wsis-2025", name="WSIS+20 High-Level Event 2025", kind=Meeting.Kind.WSIS, year=2025
    )
    cast = OrganizationFactory(slug="cast", name="China Association for Science and Technology")
    cac = OrganizationFactory(slug="cac", name="Cyberspace Administration of China")
    gong = PersonFactory(slug="gong-ke", name="Gong Ke")
    PersonAliasFactory(person=gong, name="GONG Ke")
    torbjorn = PersonFactory(slug="torbjorn-fredriksson", name="Torbjorn Fredriksson")
    ada = PersonFactory(slug="ada", name="Ada")

    a = SessionFactory(
        meeting=igf2021,
        number=125,
        slug="workshop-125",
        title=A,
        date=datetime.date(2021, 12, 10),
        start_time=datetime.time(10, 15),
        end_time=datetime.time(11, 45),
        time_zone="UTC",
        room="Conference Room 3",
        description="Big data and AI for the environment.",
        report="Para one about water.\n\nPara two about sustainability.",
        source_document=SourceDocumentFactory(file_name="igf2021-ws-125.txt"),
    )
    a.sdg_goals.add(6, 7, 13)
    OrganizerFactory(session=a, organization=cast)
    ParticipationFactory(
        session=a,
        person=gong,
        published_name="Prof. GONG Ke",
        affiliation="World Federation of Engineering Organizations",
        stakeholder_group="intergovernmental",
        regional_group="intergovernmental",
    )
    TakeawayFactory(session=a, text="Big data helps the environment.")
    CuratedFactFactory(
        session=a,
        field="title",
        value=A,
        source="https://www.intgovforum.org/en/content/igf-2021-ws-125",
    )

    b = SessionFactory(
        meeting=igf2024,
        session_type=Session.Type.OPEN_FORUM,
        number=9,
        slug="open-forum-9",
        title=B,
        date=datetime.date(2024, 12, 19),
        report="The forum discussed clean energy.",
    )
    b.sdg_targets.add("7.a")
    OrganizerFactory(session=b, organization=cac)
    ParticipationFactory(session=b, person=gong, is_tbd=True, published_name="GONG Ke")
    ParticipationFactory(
        session=b,
        person=torbjorn,
        stakeholder_group="intergovernmental",
        regional_group="intergovernmental",
    )
    TakeawayFactory(session=b, text="Green and digital go together.")
    TakeawayFactory(session=b, kind=Takeaway.Kind.CALL_TO_ACTION, text="More cooperation.")
    PolicyQuestionFactory(session=b, text="How can digital technology cut carbon?")

    c = SessionFactory(
        meeting=igf2024, number=3, slug="workshop-3", title=C, date=datetime.date(2024, 12, 17)
    )
    c.sdg_goals.add(4)
    ParticipationFactory(
        session=c, person=ada, stakeholder_group="civil_society", regional_group="african"
    )

    d = SessionFactory(
        meeting=wsis2025,
        session_type=Session.Type.HIGH_LEVEL,
        number=None,
        slug="strengthen-digital-governance",
        title=D,
        date=datetime.date(2025, 7, 11),
        is_machine_generated=True,
        disclaimer="Disclaimer: This is not an official session record.",
        summary="Speakers agreed that governing technology and data needs cooperation.",
    )
    ParticipationFactory(
        session=d, person=torbjorn, speech_seconds=293, words=717, words_per_minute=146
    )
    ParticipationFactory(session=d, person=gong, speech_seconds=233, words=458)
    TakeawayFactory(session=d, text="Cooperation is essential.")
    TakeawayFactory(session=d, kind=Takeaway.Kind.UNRESOLVED_ISSUE, text="Who pays?")
    TranscriptTurnFactory(session=d, person=torbjorn, position=1, text="Six companies...")
    TranscriptTurnFactory(
        session=d, person=None, speaker_label="Reporter", position=2, text="A question."
    )
    refresh_derived([a.pk, b.pk, c.pk, d.pk])
    return {"a": a, "b": b, "c": c, "d": d}


def titles(response):
    return [session.title for session in response.context["page"].object_list]


def facet(response, title):
    (found,) = [f for f in response.context["facets"] if f.title == title]
    return {option.label: (option.count, option.selected) for option in found.options}


# The list, its filters and their combinations.


def test_session_list_newest_first(client, archive):
    response = client.get("/sessions/")
    assert response.status_code == 200
    assert titles(response) == [D, B, C, A]
    assert response.context["ignored"] == []
    assert_good_page(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sdg=7", [B, A]),
        ("sdg=7.a", [B]),
        ("sdg=4&sdg=6", [C, A]),
        ("sdg=13.1", []),
        ("year=2024", [B, C]),
        ("year=2021&year=2025", [D, A]),
        ("meeting=igf-2024", [B, C]),
        ("meeting=igf-2021&meeting=wsis-2025", [D, A]),
        ("type=workshop", [C, A]),
        ("type=open_forum&type=high_level", [D, B]),
        ("organizer=cast", [A]),
        ("organizer=cast&organizer=cac", [B, A]),
        ("speaker=gong-ke", [D, B, A]),
        ("speaker=ada&speaker=torbjorn-fredriksson", [D, B, C]),
        ("stakeholder=civil_society", [C]),
        ("stakeholder=intergovernmental", [B, A]),
        ("region=african", [C]),
        ("region=african&region=intergovernmental", [B, C, A]),
        ("has=takeaways", [D, B, A]),
        ("has=transcript", [D]),
        ("has=report", [B, A]),
        ("has=transcript&has=report", [D, B, A]),
        ("sdg=7&year=2024", [B]),
        ("speaker=gong-ke&type=workshop", [A]),
        ("has=report&stakeholder=intergovernmental&year=2021", [A]),
    ],
)
def test_session_list_filters(client, archive, query, expected):
    response = client.get(f"/sessions/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["ignored"] == []


def test_sdg_goal_finds_session_linked_only_to_its_target(client, archive):
    assert list(archive["b"].sdg_goals.all()) == []
    assert titles(client.get("/sessions/?sdg=7")) == [B, A]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", [D, B, C, A]),
        ("oldest", [A, C, B, D]),
        ("title", [A, B, D, C]),
    ],
)
def test_session_list_sorts(client, archive, sort, expected):
    assert titles(client.get(f"/sessions/?sort={sort}")) == expected


def test_undated_sessions_come_last_in_their_year_and_first_when_oldest_first(client, archive):
    SessionFactory(meeting=archive["b"].meeting, title="Undated", date=None, start_time=None)

    assert titles(client.get("/sessions/?sort=newest")) == [D, B, C, "Undated", A]
    assert titles(client.get("/sessions/?sort=oldest")) == [A, "Undated", C, B, D]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("environmental", [A]),
        ("water", [A]),
        ("carbon", [B]),
        ("clean energy", [B]),
        ("companies", [D]),
        ("Torbjorn", [D, B]),
        ("cooperation", [D, B]),
        ("green cooperation", [B]),
        ("nothing-like-this", []),
    ],
)
def test_session_list_search(client, archive, q, expected):
    response = client.get("/sessions/", {"q": q})
    assert titles(response) == expected
    assert response.context["filter"].sort == "relevance"


def test_search_ranks_title_matches_first(client, archive):
    # "Data" is in A's title and in D's summary: A ranks first although D is newer.
    assert titles(client.get("/sessions/", {"q": "data"})) == [A, D]
    assert titles(client.get("/sessions/", {"q": "data", "sort": "newest"})) == [D, A]


def test_search_can_be_sorted_by_date(client, archive):
    response = client.get("/sessions/", {"q": "cooperation", "sort": "oldest"})
    assert titles(response) == [B, D]


@pytest.mark.postgres
def test_search_postgres_stems(client, archive):
    # "governs" and "governance" share the stem "govern".
    assert titles(client.get("/sessions/", {"q": "governs"})) == [D]


@pytest.mark.postgres
def test_search_postgres_websearch_syntax(client, archive):
    assert titles(client.get("/sessions/", {"q": "cooperation -companies"})) == [B]
    assert titles(client.get("/sessions/", {"q": '"clean energy"'})) == [B]
    # Sorted by title: the order by relevance is the ranking's business (test above).
    assert titles(client.get("/sessions/", {"q": "water or carbon", "sort": "title"})) == [A, B]


def test_session_list_pagination_keeps_filters(client, archive):
    meeting = archive["c"].meeting
    for number in range(30):
        SessionFactory(meeting=meeting, title=f"Extra {number:02d}", date=datetime.date(2024, 1, 1))
    response = client.get("/sessions/?year=2024&sort=title")
    assert response.context["page"].paginator.count == 32
    assert len(titles(response)) == 25
    assert 'href="?year=2024&amp;sort=title&amp;page=2"' in response.content.decode()
    second = client.get("/sessions/?year=2024&sort=title&page=2")
    assert titles(second) == [f"Extra {number:02d}" for number in range(24, 30)] + [C]
    assert 'href="?year=2024&amp;sort=title&amp;page=1"' in second.content.decode()


def test_session_list_empty_state(client, archive):
    response = client.get("/sessions/?year=1999")
    assert titles(response) == []
    content = response.content.decode()
    assert "No sessions" in content
    assert "No session matches this filter." in content
    assert_good_page(response)


def test_session_list_active_filters_link_to_the_list_without_them(client, archive):
    response = client.get("/sessions/?q=digital&sdg=7&year=2024")
    active = [(f.title, f.label, f.url) for f in response.context["filter"].active]
    assert active == [
        ("Search", "“digital”", "?sdg=7&year=2024"),
        ("SDG", "SDG 7: Affordable and Clean Energy", "?q=digital&year=2024"),
        ("Year", "2024", "?q=digital&sdg=7"),
    ]
    assert 'href="/sessions/?q=digital&amp;year=2024"' in response.content.decode()


# Facet counts.


def test_facet_counts_without_filters(client, archive):
    response = client.get("/sessions/")
    goals = facet(response, "SDG goals")
    assert {label: count for label, (count, _) in goals.items() if count} == {
        "Quality Education": 1,
        "Clean Water and Sanitation": 1,
        "Affordable and Clean Energy": 2,
        "Climate Action": 1,
    }
    assert len(goals) == 17
    targets = [f for f in response.context["facets"] if f.title == "SDG targets"][0].options
    assert [(option.value, option.count) for option in targets] == [("7.a", 1)]
    assert facet(response, "Year") == {"2025": (1, False), "2024": (2, False), "2021": (1, False)}
    assert facet(response, "Meeting") == {
        "WSIS+20 High-Level Event 2025": (1, False),
        "IGF 2024": (2, False),
        "IGF 2021": (1, False),
    }
    assert facet(response, "Session type") == {
        "Workshop": (2, False),
        "Open Forum": (1, False),
        "High-level session": (1, False),
    }
    assert facet(response, "Organizer") == {
        "China Association for Science and Technology": (1, False),
        "Cyberspace Administration of China": (1, False),
    }
    assert facet(response, "Person") == {
        "Gong Ke": (3, False),
        "Torbjorn Fredriksson": (2, False),
        "Ada": (1, False),
    }
    assert facet(response, "Stakeholder group") == {
        "Civil Society": (1, False),
        "Intergovernmental Organization": (2, False),
    }
    assert facet(response, "Regional group") == {
        "African Group": (1, False),
        "Intergovernmental Organization": (2, False),
    }
    assert facet(response, "Records") == {
        "Has key takeaways": (3, False),
        "Has a transcript": (1, False),
        "Has a report": (2, False),
    }


def test_facet_counts_are_per_value_within_the_other_groups_choices(client, archive):
    # With SDG 7 chosen (B and A): SDG 4 has one session (C), and choosing it adds it; SDG 6
    # has one (A), already listed, so it is shown without a link and says why; SDG 1 has none.
    response = client.get("/sessions/?sdg=7")
    (goals,) = [f.options for f in response.context["facets"] if f.title == "SDG goals"]
    goals = {
        option.value: (option.count, option.selected, option.changes, option.url, option.reason)
        for option in goals
    }
    assert goals["7"] == (2, True, True, "", "")
    assert goals["4"] == (1, False, True, "?sdg=7&sdg=4", "")
    assert goals["6"] == (1, False, False, "?sdg=7&sdg=6", "all already listed")
    assert goals["1"] == (0, False, False, "?sdg=7&sdg=1", "none in this list")
    # Other facets count within the chosen SDG: the years of B and A.
    assert facet(response, "Year") == {"2024": (1, False), "2021": (1, False)}
    assert facet(response, "Records") == {
        "Has key takeaways": (2, False),
        "Has a report": (2, False),
    }


def test_facet_counts_of_a_chosen_year_are_each_years_own(client, archive):
    response = client.get("/sessions/?year=2024")
    assert facet(response, "Year") == {"2025": (1, False), "2024": (2, True), "2021": (1, False)}


def test_a_value_that_would_empty_the_list_says_so_in_visible_text(client, archive):
    page = client.get("/sessions/?year=2021").content.decode()

    # SDG 4 is only on C (2024): a grey value with its reason, not a link.
    (option,) = [item for item in page.split("<li>") if "SDG 4: " in item]
    assert option.lstrip().startswith('<span class="facet-option">')
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", option.split("</li>")[0])).strip() == (
        "4 SDG 4: Quality Education (none in this list) 0 sessions"
    )
    assert '<span class="facet-option__reason">(none in this list)</span>' in option
    explanation = '<p class="muted small" id="facet-counts">Each number counts the sessions'
    assert page.count(explanation) == 1


# Bad values: ignored, reported, never an error.


@pytest.mark.parametrize(
    ("query", "message", "expected"),
    [
        ("sdg=99", "Ignored sdg=99: no such SDG goal or target", [D, B, C, A]),
        ("sdg=abc", "Ignored sdg=abc: no such SDG goal or target", [D, B, C, A]),
        ("sdg=7.z", "Ignored sdg=7.z: no such SDG goal or target", [D, B, C, A]),
        ("sdg=7&sdg=99", "Ignored sdg=99: no such SDG goal or target", [B, A]),
        ("year=abc", "Ignored year=abc: not a year", [D, B, C, A]),
        ("year=-1", "Ignored year=-1: not a year", [D, B, C, A]),
        ("year=2024&year=20245", "Ignored year=20245: not a year", [B, C]),
        ("meeting=nope", "Ignored meeting=nope: no such meeting", [D, B, C, A]),
        ("type=nope", "Ignored type=nope: no such session type", [D, B, C, A]),
        ("organizer=nope", "Ignored organizer=nope: no such organization", [D, B, C, A]),
        ("speaker=nope", "Ignored speaker=nope: no such person", [D, B, C, A]),
        ("stakeholder=nope", "Ignored stakeholder=nope: no such stakeholder group", [D, B, C, A]),
        ("region=nope", "Ignored region=nope: no such regional group", [D, B, C, A]),
        ("has=nope", "Ignored has=nope: expected takeaways, transcript or report", [D, B, C, A]),
        ("sort=nope", "Ignored sort=nope: no such sort order", [D, B, C, A]),
        ("page=999999", "Ignored page=999999: no such page (the list has 1 page)", [D, B, C, A]),
        ("page=x", "Ignored page=x: no such page (the list has 1 page)", [D, B, C, A]),
        ("page=0", "Ignored page=0: no such page (the list has 1 page)", [D, B, C, A]),
    ],
)
def test_session_list_ignores_bad_values(client, archive, query, message, expected):
    response = client.get(f"/sessions/?{query}")
    assert response.status_code == 200
    assert response.context["ignored"] == [message]
    assert titles(response) == expected
    assert message in response.content.decode()


def test_session_list_ignores_unknown_parameters_and_empty_values(client, archive):
    response = client.get("/sessions/?colour=red&sdg=&year=&q=")
    assert response.context["ignored"] == []
    assert titles(response) == [D, B, C, A]


def test_bad_values_are_left_out_of_the_links(client, archive):
    response = client.get("/sessions/?sdg=99&year=2024")
    assert response.context["filter"].query.urlencode() == "year=2024"


def test_relevance_without_a_search_is_the_default_order(client, archive):
    response = client.get("/sessions/?sort=relevance")
    assert response.context["ignored"] == []
    assert titles(response) == [D, B, C, A]


# A session's page.


def test_session_detail_shows_the_whole_record(client, archive):
    response = client.get("/sessions/igf-2021/workshop-125/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{A}</h1>" in content
    assert "Workshop #125" in content
    assert '<time datetime="2021-12-10">Friday 10 December 2021</time>, 10:15–11:45 UTC' in content
    assert "Conference Room 3" in content
    assert '<a class="sdg sdg-badge sdg-7" href="/sdgs/7/">SDG 7' in content
    assert "<p>Para one about water.</p>" in content
    assert "<p>Para two about sustainability.</p>" in content
    assert "Big data helps the environment." in content
    assert "published as “Prof. GONG Ke”" in content
    assert "World Federation of Engineering Organizations" in content
    assert "Intergovernmental Organization · Intergovernmental Organization" in content
    assert "igf2021-ws-125.txt" in content
    assert archive["a"].source_document.sha256 in content
    assert '<a href="https://www.intgovforum.org/en/content/igf-2021-ws-125">' in content
    assert "Machine-generated report" not in content
    assert_good_page(response)


def test_session_detail_of_a_machine_generated_report(client, archive):
    response = client.get("/sessions/wsis-2025/strengthen-digital-governance/")
    content = response.content.decode()
    assert "<strong>Machine-generated report.</strong>" in content
    assert "Disclaimer: This is not an official session record." in content
    assert '<li id="turn-2">' in content
    assert 'href="#turn-2"' in content
    assert '<meter min="0" max="293" value="233"' in content
    assert "4:53 · 717 words · 146 wpm" in content
    assert (
        '<summary><h3 class="fold__heading">Unresolved issues <span class="muted">(1)</span>'
        "</h3></summary>"
    ) in content
    assert '<h2 id="summary">Summary (machine-generated)</h2>' in content
    assert_good_page(response)


def test_session_detail_marks_what_the_source_does_not_publish_as_such(client, archive):
    session = archive["b"]
    session.inferred = {"date": "date_from_report"}
    session.save()
    session.participations.filter(person__slug="torbjorn-fredriksson").update(
        inferred_by="role_from_layout"
    )
    session.takeaways.filter(kind=Takeaway.Kind.KEY_TAKEAWAY).update(
        text="Green and digital go to", is_cut_off=True
    )

    content = client.get("/sessions/igf-2024/open-forum-9/").content.decode()

    assert (
        '<time datetime="2024-12-19">Thursday 19 December 2024</time> '
        '<span class="tag tag--inferred">inferred</span>'
    ) in content
    assert (
        "Not stated as such in the source, inferred by the importer: date, taken from the "
        "opening words of the session report; the page gives no date of its own."
    ) in content
    assert '<li class="tag tag--inferred">Role inferred</li>' in content
    assert (
        "<li>Torbjorn Fredriksson as speaker: from the person&#x27;s place in the "
        "page&#x27;s layout; the page lost the role&#x27;s label.</li>"
    ) in content
    assert (
        '<span class="person-meta mark-reason">Role inferred by the importer: from the '
        "person&#x27;s place in the page&#x27;s layout; the page lost the role&#x27;s "
        "label.</span>"
    ) in content
    assert (
        'Green and digital go to <span class="tag tag--flag">Cut off in the source</span>'
    ) in content
    assert (
        "<li>Key takeaway “…Green and digital go to”: cut off in the source, mid-word; kept as "
        "published.</li>"
    ) in content


def test_session_detail_says_what_the_record_holds_of_an_undated_page(client, archive):
    session = archive["c"]
    session.date = None
    session.publisher = "China.org.cn"
    session.published_on = datetime.date(2022, 11, 15)
    session.source_page_count = 13
    session.save()

    content = client.get("/sessions/igf-2024/workshop-3/").content.decode()

    assert '<dt>When</dt>\n  \n  <dd><span class="muted">Not stated in the source</span></dd>' in (
        content
    )
    assert '<dt>Where</dt><dd><span class="muted">Not stated in the source</span></dd>' in content
    assert (
        '<dt>Published by</dt><dd>China.org.cn, <time datetime="2022-11-15">15 November 2022'
        "</time></dd>"
    ) in content
    assert (
        "<dt>Source</dt><dd>One page of a 13-page document: the archive holds this page only"
    ) in content


def section_ids(content):
    """The ids of a session page's sections, in the page's order."""
    return re.findall(r'<section aria-labelledby="([a-z-]+)"', content)


def test_session_detail_reads_in_a_readers_order(client, archive):
    session = archive["b"]
    session.summary = "The forum in two lines."
    session.description = "What the forum set out to do."
    session.online_participation = "Join on Zoom."
    session.save()

    content = client.get("/sessions/igf-2024/open-forum-9/").content.decode()

    assert section_ids(content) == [
        "summary",
        "takeaways",
        "people",
        "about",
        "policy-questions",
        "sdgs",
        "report",
        "source",
    ]
    assert re.findall(r'<li><a href="#([a-z-]+)">', content) == [
        "summary",
        "takeaways",
        "people",
        "about",
        "policy-questions",
        "sdgs",
        "report",
        "source",
    ]
    # Logistics are folded under the description.
    assert (
        '<details class="fold">\n    <summary class="fold__summary">Format and participation: '
        "online participation</summary>"
    ) in content
    assert "<h3>Online participation</h3><p>Join on Zoom.</p>" in content


def test_a_long_report_is_folded_one_section_a_fold(client, archive):
    session = archive["a"]
    paragraph = "Water and data. " * 150
    session.report = f"Opening words.\n\n# Findings\n\n{paragraph}\n\n# Next steps\n\n{paragraph}"
    session.save()

    content = client.get("/sessions/igf-2021/workshop-125/").content.decode()

    assert re.findall(r'<summary><h3 class="fold__heading">([^<]+)</h3></summary>', content) == [
        "Opening",
        "Findings",
        "Next steps",
    ]
    assert "3 sections, folded: open the ones you want to read." in content


def test_a_short_report_is_shown_whole(client, archive):
    content = client.get("/sessions/igf-2021/workshop-125/").content.decode()

    assert "folded" not in content
    assert "<p>Para one about water.</p>" in content


def test_session_detail_flags_and_takeaways(client, archive):
    content = client.get("/sessions/igf-2024/open-forum-9/").content.decode()
    assert "To be confirmed (TBD)" in content
    assert "<h3>Calls to action</h3>" in content
    assert "How can digital technology cut carbon?" in content
    assert '<a href="/sdgs/7/#target-7.a">Target 7.a</a>' in content


@pytest.mark.parametrize(
    "url",
    [
        "/sessions/igf-2021/no-such-session/",
        "/sessions/no-such-meeting/workshop-125/",
        "/sessions/igf-2024/workshop-125/",
    ],
)
def test_session_detail_unknown_is_404(client, archive, url):
    assert client.get(url).status_code == 404


# A session's transcript: its first turns on the session's page, all of them on its own pages.

LONG = "/sessions/igf-2024/opening-ceremony/"
# Five full pages and a part.
LONG_TURNS = 5 * TRANSCRIPT_TURNS_PER_PAGE + 50


@pytest.fixture
def long_transcript(archive):
    """A session of LONG_TURNS turns, Gong Ke and the chair in turn; Ada speaks last only."""
    gong = archive["a"].participations.get().person
    ada = archive["c"].participations.get().person
    session = SessionFactory(
        meeting=archive["b"].meeting, number=99, slug="opening-ceremony", title="Opening"
    )
    ParticipationFactory(session=session, person=gong, speech_seconds=60)
    ParticipationFactory(session=session, person=ada, speech_seconds=90)
    TranscriptTurn.objects.bulk_create(
        TranscriptTurn(
            session=session,
            position=position,
            person=gong if position % 2 else None,
            speaker_label="Gong Ke" if position % 2 else "Chair",
            text=f"Turn number {position}.",
        )
        for position in range(1, LONG_TURNS)
    )
    TranscriptTurn.objects.create(
        session=session, position=LONG_TURNS, person=ada, speaker_label="Ada", text="Last."
    )
    return session


def turn_positions(turns):
    return [turn.position for turn in turns]


def test_session_detail_shows_the_first_turns_and_links_to_the_whole_transcript(
    client, long_transcript
):
    response = client.get(LONG)
    assert turn_positions(response.context["transcript"]) == list(range(1, TRANSCRIPT_PREVIEW + 1))
    content = response.content.decode()
    assert re.findall(r'<li id="turn-(\d+)">', content) == [
        str(position) for position in range(1, TRANSCRIPT_PREVIEW + 1)
    ]
    assert "<p>Turn number 1.</p>" in content
    assert f"The first {TRANSCRIPT_PREVIEW} of its 1,050 turns." in content
    assert f'<a href="{LONG}transcript/">Read the whole transcript (1,050 turns)</a>' in content
    assert_good_page(response)


def test_session_detail_speaking_time_counts_speakers_beyond_the_first_turns(
    client, long_transcript
):
    response = client.get(LONG)
    speech = [(p["name"], p["speech_seconds"]) for p in response.context["speech"]]
    assert speech == [("Ada", 90), ("Gong Ke", 60)]
    assert response.context["longest_speech"] == 90


def test_session_detail_of_a_short_transcript_shows_it_whole(client, archive):
    response = client.get("/sessions/wsis-2025/strengthen-digital-governance/")
    assert turn_positions(response.context["transcript"]) == [1, 2]
    content = response.content.decode()
    assert "Read the whole transcript" not in content
    assert "The first" not in content
    assert '<a href="#transcript">Transcript</a>' in content


def test_session_detail_without_a_transcript_has_no_transcript_section(client, archive):
    content = client.get("/sessions/igf-2021/workshop-125/").content.decode()
    assert 'id="transcript"' not in content
    assert 'href="#transcript"' not in content


@pytest.mark.parametrize(
    ("page", "first", "last", "shown"),
    [
        ("", 1, 200, "Turns 1–200 of 1,050"),
        ("?page=2", 201, 400, "Turns 201–400 of 1,050"),
        ("?page=6", 1001, 1050, "Turns 1,001–1,050 of 1,050"),
    ],
)
def test_transcript_pages_hold_their_turns_in_order(
    client, long_transcript, page, first, last, shown
):
    response = client.get(f"{LONG}transcript/{page}")
    assert response.status_code == 200
    assert turn_positions(response.context["page"]) == list(range(first, last + 1))
    content = response.content.decode()
    assert re.findall(r'<li id="turn-(\d+)">', content) == [
        str(position) for position in range(first, last + 1)
    ]
    assert f'<p class="muted">{shown}</p>' in content
    assert "<h1>Transcript: Opening</h1>" in content
    assert f'<a href="{LONG}">Back to the session' in content
    assert response.context["ignored"] == []
    assert_good_page(response)


def test_transcript_turns_read_as_on_the_session_page(client, long_transcript):
    session_page = client.get(LONG).content.decode()
    transcript_page = client.get(f"{LONG}transcript/").content.decode()
    first_turn = re.search(r'<li id="turn-1">.*?</li>', session_page, re.DOTALL)[0]
    assert first_turn in transcript_page
    assert '<a href="/people/gong-ke/">Gong Ke</a>' in first_turn
    assert '<a class="turn-link" href="#turn-1">#1' in first_turn


def test_transcript_pagination_links_keep_only_the_page(client, long_transcript):
    content = client.get(f"{LONG}transcript/?page=2&q=digital").content.decode()
    assert '<a rel="prev" href="?page=1">' in content
    assert '<a rel="next" href="?page=3">' in content
    assert "Page 2 of 6" in content


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("9", "Ignored page=9: no such page (the list has 6 pages)"),
        ("0", "Ignored page=0: no such page (the list has 6 pages)"),
        ("two", "Ignored page=two: no such page (the list has 6 pages)"),
    ],
)
def test_transcript_bad_page_is_ignored_with_a_message(client, long_transcript, page, message):
    response = client.get(f"{LONG}transcript/?page={page}")
    assert response.status_code == 200
    assert response.context["ignored"] == [message]
    assert turn_positions(response.context["page"]) == list(range(1, 201))
    assert message in response.content.decode()
    assert_good_page(response)


@pytest.mark.parametrize(
    "url",
    [
        # A session without a transcript, and no session at all.
        "/sessions/igf-2021/workshop-125/transcript/",
        "/sessions/igf-2021/no-such-session/transcript/",
    ],
)
def test_transcript_page_of_no_transcript_is_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_page_not_found_helps_the_reader_on(client, archive):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert '<input id="not-found-q" type="search" name="q">' in content
    assert '<a href="/sessions/">All sessions</a>' in content
    assert_good_page(response, status=404)


# Meetings, SDGs and home.


def test_meeting_detail_lists_its_sessions_in_order(client, archive):
    response = client.get("/meetings/igf-2024/")
    assert titles(response) == [C, B]
    assert_good_page(response)


def test_meeting_detail_place_and_dates(client, archive):
    content = client.get("/meetings/igf-2021/").content.decode()
    assert "Katowice, Poland" in content
    assert (
        '<time datetime="2021-12-06">6</time>–<time datetime="2021-12-10">10 December 2021'
        in content
    )


def test_meeting_unknown_is_404(client, archive):
    assert client.get("/meetings/igf-1999/").status_code == 404


def test_meeting_list(client, archive):
    response = client.get("/meetings/")
    assert [(m.name, m.session_count) for m in response.context["meetings"]] == [
        ("WSIS+20 High-Level Event 2025", 1),
        ("IGF 2024", 2),
        ("IGF 2021", 1),
    ]
    assert_good_page(response)


def test_sdg_detail_lists_sessions_by_target_and_on_the_goal_only(client, archive):
    response = client.get("/sdgs/7/")
    assert response.context["goal"].session_count == 2
    assert [s.title for s in response.context["goal_only"]] == [A]
    by_target = [
        (t.code, [s.title for s in t.newest_sessions]) for t in response.context["targets"]
    ]
    assert by_target == [("7.1", []), ("7.2", []), ("7.3", []), ("7.a", [B]), ("7.b", [])]
    assert_good_page(response)


def test_sdg_detail_lists_a_session_under_each_of_its_targets(client, archive):
    both = SessionFactory(meeting=archive["c"].meeting, title="Two targets")
    both.sdg_targets.add("7.b", "7.a", "13.1")
    response = client.get("/sdgs/7/")
    by_target = {t.code: [s.title for s in t.newest_sessions] for t in response.context["targets"]}
    assert (by_target["7.a"], by_target["7.b"]) == ([B, "Two targets"], ["Two targets"])
    assert [t.session_count for t in response.context["targets"]] == [0, 0, 0, 2, 1]


def test_sdg_unknown_is_404(client, archive):
    assert client.get("/sdgs/18/").status_code == 404


def test_sdg_list(client, archive):
    response = client.get("/sdgs/")
    counts = [(g.number, g.session_count) for g in response.context["goals"]]
    assert counts == [(n, {4: 1, 6: 1, 7: 2, 13: 1}.get(n, 0)) for n in range(1, 18)]
    assert_good_page(response)


def test_home_counts_and_grid(client, archive):
    response = client.get("/")
    assert response.context["counts"] == {
        "sessions": 4,
        "people": 3,
        "organizations": 2,
        "meetings": 3,
        "first_year": 2021,
        "last_year": 2025,
    }
    assert response.context["years"] == [2021, 2024, 2025]
    assert [goal.number for goal, _cells in response.context["grid"]] == list(range(1, 18))
    grid = {goal.number: cells for goal, cells in response.context["grid"]}
    assert grid[7] == [(2021, 1), (2024, 1), (2025, 0)]
    assert grid[4] == [(2021, 0), (2024, 1), (2025, 0)]
    content = response.content.decode()
    assert '<a href="/sessions/?sdg=7&amp;year=2024"' in content
    assert_good_page(response)


def test_every_page_leads_to_the_feed_the_api_and_its_documentation(client, archive):
    content = client.get("/").content.decode()

    # Feed readers find the feed from the home page (and every other).
    assert (
        '<link rel="alternate" type="application/atom+xml" title="IGF session archive: sessions '
        'most recently added" href="/feed/">'
    ) in content
    footer = content[content.index('<footer class="site-footer">') :]
    assert re.findall(r'<a href="(/[^"]*)"', footer) == [
        "/about/",
        "/api/",
        "/api/docs/",
        "/api/schema/",
        "/feed/",
        "/sessions/",
        "/data/",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/sessions/",
        "/sessions/?sdg=7&year=2024&q=digital",
        "/sessions/igf-2024/open-forum-9/",
        "/meetings/",
        "/sdgs/",
        "/sdgs/13/",
    ],
)
def test_public_pages_are_well_formed(client, archive, url):
    assert_good_page(client.get(url))


def test_admin_save_refreshes_the_search_text(admin_client, archive):
    session = archive["c"]
    response = admin_client.post(
        f"/admin/archive/session/{session.pk}/change/",
        {
            "meeting": session.meeting.pk,
            "session_type": session.session_type,
            "number": session.number,
            "title": "Youth and the Internet, again",
            "slug": session.slug,
            "sub_themes": "[]",
            "sdg_goals": [4],
            **management_forms(),
            "policy_questions-TOTAL_FORMS": "1",
            "policy_questions-0-position": "1",
            "policy_questions-0-text": "Who listens to young people?",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session.refresh_from_db()
    assert "Who listens to young people?" in session.search_document
    assert titles(admin_client.get("/sessions/", {"q": "listens"})) == [
        "Youth and the Internet, again"
    ]


def management_forms():
    prefixes = [
        "organizers",
        "participations",
        "policy_questions",
        "takeaways",
        "curated_facts",
        "arguments",
        "transcript_turns",
    ]
    forms = {}
    for prefix in prefixes:
        forms.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return forms


def test_templates_have_no_inline_style_or_script():
    templates = Path(settings.BASE_DIR) / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", text), template
        # Public pages set no cookie; the admin's pages (the editors' desk) post forms.
        if "admin" not in template.relative_to(templates).parts:
            assert "csrf_token" not in text, template
