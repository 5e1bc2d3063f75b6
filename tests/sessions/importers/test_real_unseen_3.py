"""A third set of real pages the importer had never read (fixtures/documents/real_unseen_3/,
sources.json gives each page's address), their expected.json written from the text before
the importer read them. Each test is a rule for a family's layout that one of these pages
showed the importer lacked; values are those of expected.json where it gives them."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.diploai import parse as parse_diploai
from sessions.importers.groups import records_after_regions
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_page_agenda import agenda_people
from sessions.importers.igf_page_records import line_person
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.importers.parsed import ParseError
from sessions.importers.text import Line
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRD_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


def text(file_name):
    return (THIRD_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


def parsed(file_name):
    return parse_igf_page(text(file_name))


def test_a_2024_copy_that_lost_its_people_headings_reads_them_by_their_shape():
    # "Netcomm Global" / "Lev Shadrin, Netcomm Global, Civil Society, Asia Pacific Group" / …,
    # a gap, the speaker in the same shape, "Onsite Moderator" (kept) and a person after a gap
    # (the rapporteur: the copies keep the online moderator's heading), then "Targets: …".
    session = parsed("igf2024_lt102_full_speed_divided_future.txt")

    assert session.organizers == ["Netcomm Global"]
    assert people_and_groups(session) == [
        ("organizer", "Lev Shadrin", "Netcomm Global", "Civil Society", "Asia Pacific Group"),
        (
            "organizer",
            "Dmitry Gulyaev",
            "Youth Digital Ombudsperson",
            "Civil Society",
            "Eastern European Group",
        ),
        (
            "speaker",
            "Timofey V",
            "head of strategic development, ANPO “Dialog”",
            "civil society",
            "Eastern European Group",
        ),
        (
            "onsite_moderator",
            "Lev Shadrin",
            "Netcomm Global",
            "Civil Society",
            "Asia Pacific Group",
        ),
        (
            "rapporteur",
            "Dmitry Gulyaev",
            "Youth Digital Ombudsperson",
            "Civil Society",
            "Eastern European Group",
        ),
    ]
    assert [p.inferred_by for p in session.people] == ["role_from_layout"] * 3 + [
        "",
        "role_from_layout",
    ]
    # "Targets: 1. SDG 9.c: …" is the SDGs' rationale, never a 265-character rapporteur; the
    # text under a bare "Duration (minutes)" is the description, whose label the copy lost.
    assert session.sdg_rationale.startswith("Targets: 1. SDG 9.c: Significantly increase")
    assert session.description.startswith("This lightning talk will explore how the rise")
    assert session.format == ""


def test_organizers_with_their_region_only_and_a_speaker_named_before_a_dash():
    session = parsed("igf2024_ns123_isoc_youth_alumni_networking.txt")

    assert session.organizers == ["Youth IGF DRC"]
    assert people_and_groups(session)[:5] == [
        ("organizer", "Nicolas Fiumarelli", "ISOC Alumn", "", "GRULAC"),
        ("organizer", "Athanase Bahizire", "ISOC Alumn", "", "Africa"),
        ("organizer", "Saba Tiku", "YCIG", "", "Africa"),
        ("organizer", "Claire Van Zwieten", "ISOC Alumni Specialist", "", "WEOG"),
        ("organizer", "Tori Irvine", "Internet Society Program specialist", "", "WEOG"),
    ]
    # "Pedro de Perdigao Lana - Internet Society Brazil Chapter, GRULAC" under "Speakers".
    assert people_and_groups(session)[9] == (
        "speaker",
        "Pedro de Perdigao Lana",
        "Internet Society Brazil Chapter",
        "",
        "GRULAC",
    )


def test_organizers_run_together_without_their_separator_are_told_apart_at_their_regions():
    # "…, Civil Society, GRULAC Sheetal Kumar, …": the " - " between the two was lost.
    session = parsed("igf2021_day0_68_civil_society_preevent.txt")

    assert people_and_groups(session) == [
        (
            "organizer",
            "Bruna Martins dos Santos",
            "co-coordinator Internet Governance Caucus",
            "Civil Society",
            "GRULAC",
        ),
        (
            "organizer",
            "Sheetal Kumar",
            "co-coordinator Internet Governance Caucus",
            "Civil Society",
            "WEOG",
        ),
        ("onsite_moderator", "Sheetal Kumar", "", "", ""),
        ("online_moderator", "Bruna Santos", "", "", ""),
        ("rapporteur", "Bruna Santos", "", "", ""),
    ]
    # "Duration (minutes)" alone, then the description: neither is a rapporteur.
    assert session.description.startswith("With more than one year since the beginning")


@pytest.mark.parametrize(
    ("line", "records"),
    [
        (
            "Ann Lee, ISOC, Civil Society, GRULAC Bo Chen, ICANN, Technical Community, WEOG",
            ["Ann Lee, ISOC, Civil Society, GRULAC", "Bo Chen, ICANN, Technical Community, WEOG"],
        ),
        ("Ann Lee, ICANN, Africa", ["Ann Lee, ICANN, Africa"]),
        # A region opening an organization's name, and a region with no part before it.
        (
            "Ann Lee, ISOC, Asia Pacific Network Information Centre, Technical Community",
            ["Ann Lee, ISOC, Asia Pacific Network Information Centre, Technical Community"],
        ),
        (
            "ITU Africa, Intergovernmental Organization Africa",
            ["ITU Africa, Intergovernmental Organization Africa"],
        ),
    ],
)
def test_records_run_together_split_only_after_a_region_and_before_a_name(line, records):
    assert records_after_regions(line) == records


def test_a_2020_page_labels_its_time_and_room_and_says_about_this_session():
    # "Time" / "Friday, 13th November, 2020 (11:20 UTC) - …" / "Room" / "Room 2" / "About this
    # Session" / the description.
    session = parsed("igf2020_bpf_gender_and_access.txt")

    assert (session.meeting_year, session.title, session.date, session.room) == (
        2020,
        "BPF Gender and Access",
        datetime.date(2020, 11, 13),
        "Room 2",
    )
    assert (session.start_time, session.end_time) == (datetime.time(11, 20), datetime.time(12, 50))
    assert session.furniture == ["Room", "Time"]  # the room's label read first, with its room
    assert session.description.startswith("The session will look at (1) whether and how")


def test_a_2021_introductory_session_starts_only_and_names_its_people_on_agenda_bullets():
    session = parsed("igf2021_introductory_session_iii.txt")

    assert (session.date, session.start_time, session.end_time) == (
        datetime.date(2021, 11, 3),
        datetime.time(13, 0),
        None,
    )
    assert session.description == "Facilitated by MAG Issue Teams"
    # "• Speaker: Executive Director, Diplo Foundation" names a post: no person.
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("moderator", "Avri Doria", "ICANN Board Member"),
        ("speaker", "Maria Paz Canales", "MAG Member"),
        ("speaker", "Ben Wallis", "Microsoft"),
        ("speaker", "Yu Ping Chang", "Office of the UN Secretary-General's Envoy on Technology"),
        ("speaker", "Seán Ó Siochrú", "Research Director, NEXUS Research Cooperative"),
        ("speaker", "Jyoti Panday", "Researcher, Internet Governance Project"),
        (
            "speaker",
            "Fiona Alexander",
            "Distinguished Policy Strategist, School of International Service, American University",
        ),
        (
            "speaker",
            "Paula Martins",
            "Global Policy Advocacy Lead, Association for Progressive Communications (APC)",
        ),
    ]


@pytest.mark.parametrize(
    ("file_name", "heading"),
    [
        ("neg_igf2019_dc_sessions_list.txt", "Received DC Sessions"),
        ("neg_igf2020_day0_events_list.txt", "Day 0 Events"),
    ],
)
def test_a_list_whose_copy_stops_in_its_first_session_is_no_sessions_page(file_name, heading):
    with pytest.raises(ParseError) as refused:
        parsed(file_name)

    assert str(refused.value) == (
        f"1: not one session's page: a list of sessions ('{heading}') above its first"
    )


def test_a_2024_report_without_its_date_line_is_known_by_its_igf_title_and_waits():
    page = text("digwatch_igf2024_of12_inclusive_rights_respecting_future.txt")

    assert detect_format(page) == "diploai_report"
    session = parse_diploai(page)
    assert (session.meeting_kind, session.session_type, session.number, session.date) == (
        "igf",
        "Open Forum",
        12,
        None,
    )
    assert session.missing == [
        (2, "no date line such as '11 Jul 2025 09:00h - 09:45h' after the title")
    ]


def test_a_2016_agenda_names_each_items_speaker_on_the_line_below_it():
    # "Agenda:" / "I. Introduction on DCs … [~5 mins]" / "Markus Kummer, ICANN Board Member".
    session = parsed("igf2016_main_session_dynamic_coalitions.txt")

    assert session.agenda.startswith("I. Introduction on DCs and their Role within the IGF")
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Markus Kummer", "ICANN Board Member"),
        ("speaker", "Victor Lagunes", "CIO, Office of the President of Mexico"),
        (
            "speaker",
            "Jeremy Malcolm",
            "Senior Global Policy Analyst, Electronic Frontier Foundation",
        ),
    ]


@pytest.mark.parametrize(
    ("lines", "people"),
    [
        (["II. Statement (~3 mins)", "Ann Lee, CIO"], [("Ann Lee", "CIO")]),
        # A numbered question has no time: the line below it is no speaker.
        (["1. What is at stake?", "Digital Rights, Privacy"], []),
        # An agenda's words and a post are no one.
        (["2. Remarks (10 minutes)", "Opening Remarks, Chair"], []),
        (["2. Remarks (10 minutes)", "Executive Director, Diplo Foundation"], []),
    ],
)
def test_only_a_name_below_a_timed_agenda_item_is_its_speaker(lines, people):
    found = agenda_people([Line(number, text) for number, text in enumerate(lines, 1)])

    assert [(p.name, p.affiliation) for p in found] == people


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "João Pedro Martins (Delegation of the Youth Department of Council of Europe)",
            (
                "João Pedro Martins",
                "Delegation of the Youth Department of Council of Europe",
                False,
            ),
        ),
        ("Jane Doe (TBD)", ("Jane Doe", "", True)),
        ("Jane Doe (ISOC) (TBD)", ("Jane Doe", "ISOC", True)),
        ("Internet Society (ISOC), Geneva", ("Internet Society (ISOC)", "Geneva", False)),
    ],
)
def test_a_name_with_its_affiliation_in_parentheses(text, read):
    person = line_person(Line(3, text), "speaker")

    assert (person.name, person.affiliation, person.is_tbd) == read


def test_a_moderator_slot_names_its_organization_in_parentheses():
    # "João Pedro Martins (Delegation of the Youth Department of Council of Europe)" under the
    # workshop's moderator label: the name without them, as line_person reads it.
    session = parse_igf_workshop(
        (THIRD_UNSEEN_REAL_DOCUMENTS / "igf2019_ws315_youth_ig_internet_ethics.txt").read_text(
            encoding="utf-8"
        )
    )

    assert [(p.role, p.name, p.organization) for p in session.people][-1] == (
        "onsite_moderator",
        "João Pedro Martins",
        "Delegation of the Youth Department of Council of Europe",
    )


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_third_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRD_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        # "Main Session" alone where the title would be: no title (it was "Related event").
        "digwatch_igf2019_open_mic_and_taking_stock.txt": "queued",
        "digwatch_igf2024_of12_inclusive_rights_respecting_future.txt": "queued",
        "igf2021_ns82_researching_internet_governance.txt": "refused",
        "neg_igf2019_dc_sessions_list.txt": "refused",
        "neg_igf2020_day0_events_list.txt": "refused",
        "neg_igf2023_call_for_launches_and_awards.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 18)
    assert Session.objects.count() == 18
