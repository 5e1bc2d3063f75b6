"""A sixth set of real pages (fixtures/documents/real_unseen_6/, sources.json gives each
page's address), gathered and written down after the fifth was fixed, and scored once with the
code of that day (the README gives that score). Each test is a form of a family that the
importer lacked on that first reading."""

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.diploai import parse as parse_diploai
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.importers.press import parse as parse_press
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    SIXTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


def text(file_name):
    return (SIXTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_sixth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(SIXTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2022_ws437_global-south-north-ai-governance.txt": "queued",
        "neg_digwatch_igf2022_summary-report-newsletter.txt": "refused",
        "neg_igf2009_programme-main-sessions.txt": "refused",
        "neg_scio2021_miit-photo-caption-page.txt": "refused",
        "scio2006_internet-development-management_zh-big5.txt": "refused",
        "scio2022_cyberspace-achievements_mirror_page6.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 18)
    assert Session.objects.count() == 18


def test_an_event_report_without_its_banner_names_its_people_with_their_honorifics():
    # 2018: "Event report" / "The open mic session was moderated by Mr Chengetai Masango,
    # Programme and Technology Manager, …" / "Ms Lynn St. Amour, Chair, …, thanked …".
    session = parse_diploai(text("digwatch_igf2018_open-mic-taking-stock.txt"))

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("moderator", "Chengetai Masango", "Programme and Technology Manager"),
        ("speaker", "Lynn St. Amour", "Chair"),
        ("speaker", "David Martinon", "Co-Chair"),
        ("speaker", "Pierre Bonis", "Director General"),
        ("speaker", "Alexandre Zapolsky", "Chief Executive Officer (CEO)"),
        ("speaker", "Eric Leandri", "CEO"),
    ]


def test_an_ai_report_names_no_one_from_its_prose():
    # 2025: the summary names Markus Kummer and "Henriette" as the session's, but an AI's
    # summary is no list of people (diploai_prose.py); the page lists none.
    session = parse_diploai(text("digwatch_igf2025_intersessional-work-session-dc.txt"))

    assert session.people == []


def test_a_2023_event_reports_speakers_without_their_bullets_and_its_moderator_line():
    # "Moderator: Ms. Gitanjali Sah, Strategy and Policy Coordinator, ITU" / "Speakers:" /
    # "Mr. Yoshio Utsumi, Former Secretary-General of the ITU (keynote speech)" / "H.E. Mr.
    # Hiroshi Yoshida, Vice Minister, …": each line told by its honorific.
    session = parse_diploai(text("digwatch_igf2023_wsis-high-level-dialogue.txt"))

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Ms. Gitanjali Sah"),
        ("speaker", "Mr. Yoshio Utsumi"),
        ("speaker", "Ms. Doreen Bogdan-Martin"),
        ("speaker", "H.E. Mr. Hiroshi Yoshida"),
        ("speaker", "H.E. Mr. Nizar Ben Neji"),
        ("speaker", "H.E. Mr. Nezar Patria"),
        ("speaker", "H.E. Ms. Agnė Vaiciukevičiūtė"),
        ("speaker", "Amb. Thomas Schneider"),
        ("speaker", "Mr. Robert Opp"),
        ("speaker", "Ms. Maria Fernanda Garza"),
        ("speaker", "Ms. Anriette Esterhuysen"),
        ("speaker", "Mr. Umirbek Abdullaev"),
        ("speaker", "Hiroshi Yoshida"),  # the heading of his part of the report
    ]
    assert session.people[0].affiliation == "Strategy and Policy Coordinator, ITU"


def test_dashed_records_a_blank_line_apart_give_organizers_then_speakers():
    # 2023: "KAIST & NYU" / "- Kyung Ryul Park (KAIST): Technical Community, Asia-Pacific
    # Group" / … then, after a field boundary, the speakers' records in the same shape.
    session = parse_igf_page(
        text("igf2023_ns109_international-cooperation-ai-digital-governance.txt")
    )

    tech, asia = "Technical Community", "Asia-Pacific Group"
    assert people_and_groups(session) == [
        ("organizer", "Kyung Ryul Park", "KAIST", tech, asia),
        ("organizer", "Seung Hyun Kim", "KAIST", tech, asia),
        ("organizer", "Matthew Liao", "New York University", tech, "WEOG"),
        ("speaker", "Matthew Liao", "NYU", tech, "WEOG"),
        ("speaker", "Dasom Lee", "KAIST", tech, asia),
        ("speaker", "Rafik Hadfi", "Kyoto University", tech, asia),
        ("speaker", "Takayaki Ito", "Kyoto University", tech, asia),
        ("speaker", "Atsushi Yamanaka", "JICA", "Government", asia),
        ("speaker", "Liming Zhu", "University of New South Wales", tech, asia),
        ("speaker", "Seung Hyun Kim", "KAIST", tech, asia),
        ("onsite_moderator", "Kyung Ryul Park", "", "", ""),
        ("online_moderator", "So Young Kim", "", "", ""),
        ("rapporteur", "Junho Kwon", "", "", ""),
    ]
    assert session.organizers == [
        "Korea Advanced Institute of Science and Technology (KAIST) & New York University (NYU)"
    ]


def test_speakers_below_the_first_honorific_one_are_read_without_theirs():
    # 2020: "Dr. Sidi OULD SALEM, Minister of ICT …" / (its French translation) / "✓Bocar
    # A.BA, CEO & Board Member, …" / "Ambassador Marina KALJURAND, MEP, …" / "Casper KLYNGE,
    # Vice President o" (the copy stops there).
    session = parse_igf_page(text("igf2020_of23_eu-delegation-youth-igf.txt"))

    assert [(p.role, p.name, p.inferred_by) for p in session.people] == [
        ("speaker", "Sidi OULD SALEM", "role_from_layout"),
        ("speaker", "Bocar A.BA", "role_from_layout"),
        ("speaker", "Marina KALJURAND", "role_from_layout"),
        ("speaker", "Casper KLYNGE", "role_from_layout"),
    ]
    assert (
        session.people[1].affiliation
        == "CEO & Board Member, SAMENA, Telecommunications Council, UAE"
    )
    # The translation of the first speaker's post is no one: kept where nothing else fits.
    assert session.unplaced[-1] == (
        "Ministre de l’enseignement supérieur, de la recherche scientifique et des technologies"
        " de l’information et de la communication Porte-parole du Gouvernement, République de"
        " Mauritanie"
    )
    assert session.organizers == [
        "TaC-Together against Cybercrime International",
        "European Parliament European Commission",
    ]


@pytest.mark.parametrize(
    ("file_name", "additional"),
    [
        (
            "igf2019_ws85_misinformation-trust-platform-responsibility.txt",
            [
                (
                    "Yang Xiaobo",
                    "Head of the International Department, China Cyberspace Security "
                    "Association Secretariat, China",
                ),
                ("Micheal Ilishebo", "Law Enforcement Officer, Zambia Police Service, Africa"),
                (
                    "Walid AI-Saqaf",
                    "Senior Lecturer at Södertörn University, Stockholm  & member Internet "
                    "Society Board of Trustees",
                ),
                ("Amrita Choudhury", "CCAOI, India"),
            ],
        ),
        (
            "igf2022_ws70_fighting-untruths-online.txt",
            [("Pablo Fernández", "Executive Director of Chequeado")],
        ),
    ],
)
def test_additional_speakers_written_freely_are_speakers_and_the_moderators_follow(
    file_name, additional
):
    # "Additional Speakers" / "Mr. Yang Xiaobo, Head of …" (2019) or "Pablo Fernández,
    # Executive Director of Chequeado" (2022), a blank line apart; the moderator slots after.
    session = parse_igf_workshop(text(file_name))

    speakers = [(p.name, p.affiliation) for p in session.people if p.role == "speaker"]
    assert speakers[5:] == additional
    assert [p.role for p in session.people][-3:] == [
        "onsite_moderator",
        "online_moderator",
        "rapporteur",
    ]


def test_a_transcripts_page_that_starts_at_a_turn_is_a_press_page_without_a_title():
    # A mirror's copy of a transcript's sixth page: "Reuters:" / the question / "Niu Yibing:" /
    # the answer; no title, publisher or date: it waits for an editor, its people kept.
    page = text("scio2022_cyberspace-achievements_mirror_page6.txt")
    session = parse_press(page)

    assert detect_format(page) == "press_transcript"
    assert (session.title, session.missing[0][1]) == (
        "",
        "no dateline such as 'China.org.cn, November 15, 2022' after the title",
    )
    # The outlet asks and is no person; the spokesman answers.
    assert [(p.role, p.name) for p in session.people] == [("speaker", "Niu Yibing")]
    assert [turn.speaker for turn in session.transcript][:2] == ["Reuters", "Niu Yibing"]


@pytest.mark.parametrize(
    "text",
    [
        # An IGF page whose sections end in colons names no speakers, nor turns between them.
        "IGF 2023 Town Hall\n\nOnline Moderator:\nA paragraph about the session's format,"
        " long enough to be said.\nOnsite Moderator:\n",
        # Prose with one label is no transcript.
        "Notes:\nA paragraph that goes on for more than forty characters of text.\n",
    ],
)
def test_turns_need_a_label_then_what_was_said_then_another_label(text):
    assert detect_format(text) != "press_transcript"
