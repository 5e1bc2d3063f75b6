"""A seventh set of real pages (fixtures/documents/real_unseen_7/, sources.json gives each
page's address), gathered while the sixth was fixed and scored once with the code of that hour
(the README gives that score). Each test is a form of a family that the first reading lacked."""

import datetime

import pytest

from sessions.importers.diploai import parse as parse_diploai
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.press import parse as parse_press
from sessions.models import Session
from tests.sessions.importers.real_pages import SEVENTH_UNSEEN_REAL_DOCUMENTS, second_import


def text(file_name):
    return (SEVENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_seventh_set_changes_nothing():
    not_imported, changed, unchanged = second_import(SEVENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2024_of13_processes-shaping-future-of-ig.txt": "queued",
        "neg_digwatch_igf2021_final_report.txt": "refused",
        "neg_igf2022_call_for_town_halls.txt": "refused",
        "neg_igf2024_sched_dec18_descriptions_list.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 19)
    assert Session.objects.count() == 19


def test_a_bulleted_speaker_with_a_role_before_the_name():
    # 2018: "Speakers" / "• Chair/Moderator: Mr Andrew Puddephatt, Head of the Support Unit" /
    # "• Wafa Ben-Hassine, MENA Policy Lead, Access Now": the bullet and the label are no
    # part of a name (the first reading made a person of "• Chair/Moderator: Mr Andrew …").
    session = parse_igf_page(text("igf2018_of29_freedom-online-coalition.txt"))

    assert [(p.role, p.name, p.role_text) for p in session.people] == [
        ("moderator", "Andrew Puddephatt", "Chair/Moderator"),
        ("speaker", "Wafa Ben-Hassine", ""),
        ("speaker", "Lisa Vermeer", ""),
        ("speaker", "Matthew Shears", ""),
        ("speaker", "Wolfram von Heynitz", ""),
        ("online_moderator", "Aisha Simon", ""),
    ]


def test_a_2019_open_forums_organizers_after_who_submitted_it_and_its_bulleted_speakers():
    # "This session is being submitted by the FOC Support Unit and the governments of …:" /
    # "Rainer Schmiedchen, Federal Foreign Office, Germany" / … / "• Mallory Knodel, Head of
    # Digital, Article19" / … / "• Charles Bradley, Freedom Online Coalition Support Unit
    # (Moderator)."
    session = parse_igf_page(text("igf2019_of26_foc-open-forum.txt"))

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("organizer", "Rainer Schmiedchen", "Federal Foreign Office, Germany"),
        ("organizer", "Emmanuella Darkwah", "Ministry of Communications, Ghana"),
        ("organizer", "Jordyn Arndt", "US Department of State"),
        (
            "speaker",
            "Albert Antwi-Boasiako",
            "National Cybersecurity Advisor, Ghanaian Ministry of Communications",
        ),
        ("speaker", "Mallory Knodel", "Head of Digital, Article19"),
        ("speaker", "Elonnai Hickok", "Chief Operating Officer, CIS"),
        (
            "speaker",
            "Rauno Merisaari",
            "Human Rights Ambassador, Finnish Ministry of Foreign Affairs",
        ),
        ("moderator", "Charles Bradley", "Freedom Online Coalition Support Unit"),
    ]
    assert session.sdg_goals == [5, 10, 16]


def test_an_agenda_bullet_names_its_speaker_after_a_colon_with_an_honorific():
    # "• Update on the Preparations for WSIS Forum 2019: Mr Vladimir Stankovic, WSIS
    # Secretariat, ITU"; "• Welcoming Remarks" and "• Q&A" name no one.
    session = parse_igf_page(text("igf2018_of8_wsis-action-lines-wsis-forum-2019.txt"))

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Vladimir Stankovic", "WSIS Secretariat, ITU")
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["• Data Protection, Privacy", "• Human Rights, Freedom of Expression"],
        ["• Opening remarks", "• Panel discussion: the speakers, then questions"],
    ],
)
def test_bullets_of_topics_or_items_are_no_speakers(lines):
    page = "IGF 2019 OF #1 A forum\n\n    " + "\n    ".join(lines) + "\n"

    assert parse_igf_page(page).people == []


def test_a_report_titled_with_an_igf_day_0_events_number_is_the_igfs():
    # "Day 0 Event #191 High-Level Launch: …" / "15 Dec 2024 11:45h - 13:45h": the text never
    # names the IGF, but only the IGF numbers its sessions so.
    session = parse_diploai(text("digwatch_igf2024_day0-191_internet-universality-2-0.txt"))

    assert (session.meeting_kind, session.meeting_year, session.session_type, session.number) == (
        "igf",
        2024,
        "Day 0 Event",
        191,
    )


def test_an_early_report_with_a_start_time_alone_and_a_comma_before_its_parenthesis():
    # "10 Apr 2019 14:30h"; "Mr Philipp Metzger, (Director-General, …) started the session";
    # a paragraph that opens with a name is no speaker's heading.
    session = parse_diploai(text("digwatch_wsis2019_hl-policy-statements-concluding-session.txt"))

    assert (session.date, session.start_time, session.end_time) == (
        datetime.date(2019, 4, 10),
        datetime.time(14, 30),
        None,
    )
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "speaker",
            "Philipp Metzger",
            "Director-General, Federal Office of Communications, Switzerland",
        ),
        ("speaker", "Jean Philbert Nsengimana", "Minister of Youth & ICT, Rwanda"),
    ]


def test_the_one_who_gives_the_floor_hosts_not_the_one_who_passes_a_question_on():
    # Page 9: "Shou Xiaoli:" / "Now, we'll take the last question." … "Wang Zhijun:" / "I would
    # like to invite Mr. Wen to answer your questions." / "Wen Ku:".
    session = parse_press(text("scio2020_miit-13th-five-year-plan_mobile_page9.txt"))

    assert [(p.role, p.name) for p in session.people] == [
        ("host", "Shou Xiaoli"),
        ("speaker", "Wang Zhijun"),
        ("speaker", "Wen Ku"),
    ]


@pytest.mark.parametrize(
    ("file_name", "number"),
    [
        ("igf2019_of26_foc-open-forum.txt", 26),
        ("igf2018_of8_wsis-action-lines-wsis-forum-2019.txt", 8),
    ],
)
def test_of_in_a_title_line_is_an_open_forum(file_name, number):
    # "IGF 2019 OF #26 FOC Open Forum": the first reading filed these under Other.
    session = parse_igf_page(text(file_name))

    assert (session.session_type, session.number) == ("Open Forum", number)


@pytest.mark.parametrize(
    ("file_name", "people"),
    [
        (
            # A copy that starts at its list of speakers ("Wang Zhijun, vice minister of …"):
            # no title; the chair, listed last after a wider gap, hosts.
            "chinaorg2020_miit-13th-five-year-plan_orgdoc.txt",
            [
                ("speaker", "Wang Zhijun"),
                ("speaker", "Lu Shan"),
                ("speaker", "Wen Ku"),
                ("host", "Shou Xiaoli"),
            ],
        ),
        (
            # A stray "." above "Speakers" (no colon) / "Cao Shumin, vice minister …": no
            # title; the second list's "Ms. Cao Shumin" is the same person, its honorific no
            # part of her name.
            "scio2023_law-based-cyberspace-governance_node.txt",
            [
                ("speaker", "Cao Shumin"),
                ("speaker", "Yue Zhongming"),
                ("speaker", "Wang Xiaoguang"),
                ("speaker", "Li Changxi"),
                ("host", "Xing Huina"),
            ],
        ),
    ],
)
def test_a_press_copy_without_its_title_starts_at_its_list(file_name, people):
    session = parse_press(text(file_name))

    assert session.title == ""
    assert [(p.role, p.name) for p in session.people] == people
