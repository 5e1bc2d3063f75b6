"""An eighteenth set of real pages (fixtures/documents/real_unseen_18/, each page's address in its
sources.json), scored once with the code of its hour before any rule was written for it (the
README gives that score)."""

import datetime
from functools import partial

import pytest

from sessions.importers.documents import prepare
from sessions.importers.groups import records_after_regions
from sessions.importers.igf_page_people import labelled_runs
from sessions.importers.parsed import ParsedPerson, ParsedSession, named_people
from sessions.importers.text import Line
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    EIGHTEENTH_UNSEEN_REAL_DOCUMENTS,
    NINTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, EIGHTEENTH_UNSEEN_REAL_DOCUMENTS)


def people(session):
    return [
        (person.role, person.name, person.affiliation, person.stakeholder_group)
        for person in session.people
    ]


def test_a_placeholder_where_a_speaker_will_be_named_is_no_person():
    # "(TBD), IGF Brazil, Civil Society, GRULAC", "TBD (LACIGF),", "TBD, Youth LACIGF, …" (2025):
    # the first reading had imported a person "TBD".
    session = parsed("igf2025_day0_event31_igf-lac-nris-space.txt")

    assert people(session) == [
        ("speaker", "Laura Margolis", "IGF Uruguay", "Civil Society"),
        ("speaker", "Julián Casasbuenas", "Colombia IGF", "Civil Society"),
        ("speaker", "Bia Barbosa", "Conselhera Programa Youth Brazil", "Civil Society"),
        ("speaker", "Osvaldo Larancuent", "Dominican Rep. IGF", "Civil Society"),
        ("speaker", "Roberto Zambrana", "Bolivia IGF", "Civil Society"),
        ("speaker", "Elaine Ford", "Peru IGF", ""),
        # "Carlos Vera Sanchez (Ecuador IGF).": the list's stop is no part of the record.
        ("speaker", "Carlos Vera Sanchez", "Ecuador IGF", ""),
        ("onsite_moderator", "Nicolas Fiumarelli", "", ""),
        ("online_moderator", "Laura Margolis", "", ""),
        ("rapporteur", "Roberto Zambrana", "", ""),
    ]


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("TBD", True),
        ("(TBD)", True),
        ("TBD (LACIGF)", True),
        ("tbc", True),
        ("To be confirmed", True),
        ("", True),
        ("Tbdina Okafor", False),
        ("Laura Margolis", False),
    ],
)
def test_a_placeholder_or_no_name_is_taken_out_of_the_people(name, placeholder):
    session = ParsedSession(format_family="igf_page_2024", meeting_kind="igf", meeting_year=None)
    session.people = [ParsedPerson(name, "speaker", 3)]

    named_people(session)

    assert ([person.name for person in session.people], session.unplaced) == (
        ([], [name]) if placeholder else ([name], [])
    )


def test_organizers_run_together_after_their_titles_under_their_heading():
    # 2022: "Dr. Margaret Nyambura Ndung'u, PRIDA-African Union Commission, Intergovernmental
    # Mr. Adil Sulieman, …" below the organizing organization's line; the whole line had been
    # kept as one organization's name.
    session = parsed("igf2022_of6_african-union-open-forum.txt")

    assert session.organizers == ["African Union Commission - PRIDA"]
    assert [(role, name, affiliation) for role, name, affiliation, _ in people(session)] == [
        ("organizer", "Margaret Nyambura Ndung'u", "PRIDA-African Union Commission"),
        ("organizer", "Adil Sulieman", "African Union Commission"),
        ("organizer", "Kamugisha Kazaura", "African Union Commission"),
        ("organizer", "Mary Uduma", "West Af"),
    ]


def test_records_run_together_with_the_affiliation_in_parentheses_or_after_a_dash():
    session = parsed("igf2023_day0_event25_igf-lac-nris-space.txt")

    assert people(session)[:4] == [
        ("organizer", "Nicolás Fiumarelli", "Youth IGF Uruguay", "Civil Society"),
        ("organizer", "Roberto Zambrana", "IGF Bolivia", "Civil Society"),
        ("organizer", "Umut Pajaro Velazquez", "YouthLACIGF", "Civil Society"),
        ("organizer", "Denise Leal", "former Youth Brazil Fellow", "Civil Society"),
    ]
    # A dash within a record parts it from no other: "Conselhera Programa Youth Brazil" had
    # been a person.
    assert people(session)[8:10] == [
        ("speaker", "Umut Pajaro Velazquez", "Youth LACIGF", "Civil Society"),
        ("speaker", "Bia Barbosa", "Conselhera Programa Youth Brazil", "Civil Society"),
    ]


def test_the_next_record_after_a_region_may_give_its_affiliation_in_parentheses():
    assert records_after_regions(
        "Nicolás Fiumarelli (Youth IGF Uruguay), Civil Society, GRULAC Roberto Zambrana (IGF "
        "Bolivia), Civil Society, GRULAC Bia Barbosa - Conselhera, Civil Society, GRULAC"
    ) == [
        "Nicolás Fiumarelli (Youth IGF Uruguay), Civil Society, GRULAC",
        "Roberto Zambrana (IGF Bolivia), Civil Society, GRULAC",
        "Bia Barbosa - Conselhera, Civil Society, GRULAC",
    ]


def test_the_schedule_sites_day_line_with_am_and_pm_and_its_speakers_lines():
    # "Tuesday, September 2 • 11:00am - 12:30pm" (2014): the day line had not been read, nor
    # so the title below it; "Speaker: Rohan Samarajiva, LirneAsia, Sri Lanka" in the text.
    session = parsed("igf2014_sched_main_setting-the-scene.txt")

    assert (session.date, session.start_time, session.end_time, session.title) == (
        datetime.date(2014, 9, 2),
        datetime.time(11, 0),
        datetime.time(12, 30),
        "Setting the Scene:Topical Insight and Debate Related to the Subthemes of IGF 2014",
    )
    assert people(session) == [
        ("speaker", "Rohan Samarajiva", "LirneAsia, Sri Lanka", ""),
        ("speaker", "Stuart Hamilton", "International Federation of Library Associations", ""),
    ]


def test_a_wsis_forum_page_of_the_2010_site_with_its_programme_of_talks():
    # Refused as of no known family (the 2010 site is read since the thirty-second set): the
    # type above the title, the organizer, the room under the day, and the talks, each "talk,
    # speaker, organization"; "Welcome and overview of the Action Line for e-Health, WHO"
    # names no one.
    session = parsed("wsis2010_ifm12_c7-e-health.txt")

    assert (session.session_type, session.title, session.room) == (
        "Action Line IFM",
        "C7: e-Health",
        "Room L",
    )
    assert session.organizers == ["WHO"]
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Misha Kay", "WHO"),
        ("speaker", "Hani Eskandar", "ITU"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_eighteenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(EIGHTEENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "friendsoftheigf_igf2014_ws_institutionalizing-clearing-house.txt": "queued",
        "igf2025_day0_event31_igf-lac-nris-space.txt": "queued",
        "neg_igf2017_sched_access-inclusion-diversity-filter.txt": "refused",
        "neg_igf2024_node-listing-page7.txt": "refused",
        "wic2021_wuzhen-high-level-think-tank-forum.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 9)
    assert Session.objects.count() == 9


def test_a_first_sites_proposal_form_names_its_people_in_its_answers():
    # 2014: "Name of Moderator(s) William Drake |", each answer closed by " |"; the form's
    # "IGF 2014 sub theme that this workshop fall under … |" is no title line, and the page,
    # titled nowhere, waits for an editor with its people (it had been refused).
    session = parsed("friendsoftheigf_igf2014_ws_institutionalizing-clearing-house.txt")

    assert session.title == ""
    assert [(person.role, person.name) for person in session.people] == [
        ("organizer", "Joana Varon Ferraz"),
        ("speaker", "Tarek Kamel"),
        ("moderator", "William Drake"),
        ("online_moderator", "Joana Varon"),
    ]


def test_the_people_of_several_roles_run_together_on_one_line():
    # 2018: "Moderator: Andrea J. Saks, G3ict Speakers: Gunela Astbrink, Women With Disabilities
    # Australia Gerry Ellis, Feel The BenefIT G. Anthony Giannoumis, …": each next name run on
    # to the organization before it (the ninth set's page, whose people had all been missed).
    session = prepare(NINTH_UNSEEN_REAL_DOCUMENTS / "igf2018_dc_accessibility_and_disability.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.parsed.people] == [
        ("organizer", "Andrea J. Saks", "Global Initiative for Inclusive ICTs (G3ict)"),
        ("moderator", "Andrea J. Saks", "G3ict"),
        ("speaker", "Gunela Astbrink", "Women With Disabilities Australia"),
        ("speaker", "Gerry Ellis", "Feel The BenefIT"),
        ("speaker", "G. Anthony Giannoumis", "Oslo Metropolitan University"),
        ("speaker", "Muhammad Shabbir", "Board of Directors of ISOC Islamabad Pakistan Chapter"),
        ("speaker", "Judith Hellerstein", "Founder/CEO of Hellerstein & Associates"),
        (
            "speaker",
            "Lidia Best",
            "Vice President of European Federation of Hard of Hearing People (EFHOH)",
        ),
        ("rapporteur", "Kaoru Mizuno", "ITU"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # One label: no run of roles.
        "Speakers: Gunela Astbrink, Women With Disabilities Australia Gerry Ellis, WWDA",
        # A name that is no name: the whole line is left as text.
        "Moderator: Andrea J. Saks, G3ict Speakers: the panel of experts, TBD",
        # A run without its organization.
        "Moderator: Andrea J. Saks Speakers: Gunela Astbrink, WWDA",
    ],
)
def test_a_line_of_runs_that_cannot_be_told_apart_names_no_one(line):
    assert labelled_runs(Line(4, line)) == []
