"""Real dig.watch report pages of 2019-2025 (fixtures/documents/real, sources.json gives each
page's address), read by the DiploAI / dig.watch parser. Values are those of expected.json,
written by hand from each text; where the parser departs from it, the test says why."""

import datetime

import pytest

from sessions.importers.diploai import parse
from sessions.importers.documents import Curated, import_file
from tests.sessions.importers.real_pages import (
    FOURTEENTH_UNSEEN_REAL_DOCUMENTS,
    NINTH_UNSEEN_REAL_DOCUMENTS,
    REAL_DOCUMENTS,
    people_and_groups,
)


def parsed(file_name):
    return parse((REAL_DOCUMENTS / file_name).read_text(encoding="utf-8"))


def heading(session):
    return (
        session.title,
        session.meeting_kind,
        session.meeting_year,
        session.date,
        session.start_time,
        session.end_time,
        session.time_zone,
    )


def test_2019_event_report_names_its_speakers_in_its_prose():
    session = parsed("digwatch_igf2019_childrens-privacy-event-report.txt")

    assert heading(session) == (
        "Children’s privacy and data protection in digital contexts",
        "igf",
        2019,
        datetime.date(2019, 11, 27),
        datetime.time(11, 30),
        datetime.time(13, 0),
        "",
    )
    # expected.json gives Steffen Eisentraut the affiliation "Head, International Affairs,":
    # his parenthesis is never closed, so where the affiliation ends is not told, and the
    # parser keeps none rather than guess.
    assert people_and_groups(session) == [
        ("speaker", "Steffen Eisentraut", "", "", ""),
        ("speaker", "Gehad Madi", "Member, UN Committee on the Rights of the Child, Egypt", "", ""),
        (
            "speaker",
            "Phakamile Phakamile",
            "Head, Webrangers Program, Media Monitoring Africa",
            "",
            "",
        ),
        ("speaker", "Rebekka Weiß", "Head, Trust and Security, Bitkom e.V.", "", ""),
    ]
    assert session.report.startswith("[Read more session reports and updates from the 14th")
    assert session.report.endswith("He shared that Youtube has a")


def test_2023_diplogpt_report_takes_its_number_from_the_title_and_a_speaker_from_its_heading():
    session = parsed("digwatch_igf2023_of23_bottom-up-approach.txt")

    assert heading(session) == (
        "A bottom-up approach: IG processes and multistakeholderism",
        "igf",
        2023,
        datetime.date(2023, 10, 11),
        datetime.time(9, 0),
        datetime.time(10, 0),
        "UTC",
    )
    assert (session.session_type, session.number) == ("Open Forum", 23)
    assert people_and_groups(session) == [("speaker", "Anriette Esterhuysen", "", "", "")]
    assert session.report.startswith("Anriette Esterhuysen\n\nThe analysis emphasises")
    assert session.is_machine_generated is False  # DiploGPT, and no "not an official record"


def test_2023_event_report_lists_its_speakers_as_bullets_under_its_heading():
    session = parsed("digwatch_igf2023_open-mic-taking-stock.txt")

    assert heading(session)[:3] == ("OPEN MIC – Taking Stock", "igf", 2023)
    assert (session.session_type, session.number) == ("", None)
    assert people_and_groups(session) == [
        (
            "speaker",
            "Carol Roach",
            "Under-Secretary, Ministry of Economic Affairs, Government of the Bahamas",
            "",
            "",
        ),
        ("speaker", "Chengetai Masango", "Head, IGF Secretariat", "", ""),
        ("speaker", "Deborah Allen", "Director & CEO, Find Out Why", "", ""),
        (
            "speaker",
            "Markus Kummer",
            "Senior Advisor, Geneva Internet Platform & DiploFoundation",
            "",
            "",
        ),
        ("speaker", "Paul Mitchell", "Chair, IGF MAG", "", ""),
        ("speaker", "Vint Cerf", "Chair, IGF Leadership Panel", "", ""),
    ]
    assert session.is_machine_generated is True
    assert session.furniture == ["Table of contents", "Knowledge Graph of Debate"]


def test_2023_speakers_heading_gives_people_not_an_igf_page():
    session = parsed("digwatch_igf2023_parliamentarians-trusted-internet.txt")

    assert heading(session)[:4] == (
        "The Role of Parliamentarians in Shaping a Trusted Internet Empowering All People",
        "igf",
        2023,
        datetime.date(2023, 10, 9),
    )
    assert people_and_groups(session) == [
        ("speaker", "Brando Benifei", "Member, European Parliament", "", ""),
        (
            "speaker",
            "Jeehan Mahmood",
            "MP, Maldives, IPUs Democracy and Human Rights Committee",
            "",
            "",
        ),
        (
            "speaker",
            "Junhua Li",
            "UN Under-Secretary-General for Economic and Social Affairs",
            "",
            "",
        ),
        (
            "speaker",
            "Latifa Al-Abdulkarim",
            "Assistant Professor of Computer Science, King Saud University",
            "",
            "",
        ),
        ("speaker", "Sumana Shrestha", "MP, Nepal", "", ""),
        ("speaker", "Tomoko Ukishima", "MP, Japan", "", ""),
        ("speaker", "Vint Cerf", "Chair, IGF Leadership Panel", "", ""),
    ]


def test_speaker_lines_with_stakeholder_group_and_region_and_a_moderators_heading():
    # A 2023 page's list with a speaker line as other dig.watch pages write it (Nighat Dad's:
    # name, stakeholder group, region) and the "Moderators:" list some pages add.
    page = (REAL_DOCUMENTS / "digwatch_igf2023_parliamentarians-trusted-internet.txt").read_text(
        encoding="utf-8"
    )
    text = page.replace(
        "  • Brando Benifei, Member, European Parliament\n",
        "  • Nighat Dad, Civil Society, Asia-Pacific Group\n",
    ).replace(
        "Table of contents", "Moderators:\n\n  • Tomoko Ukishima, MP, Japan\n\nTable of contents"
    )

    session = parse(text)

    assert people_and_groups(session)[0] == (
        "speaker",
        "Nighat Dad",
        "",
        "Civil Society",
        "Asia-Pacific Group",
    )
    assert [(role, name) for role, name, *_ in people_and_groups(session)][-2:] == [
        ("speaker", "Vint Cerf"),
        ("moderator", "Tomoko Ukishima"),
    ]


@pytest.mark.parametrize(
    ("file_name", "title", "meeting_kind", "day", "start", "end"),
    [
        (
            "digwatch_igf2025_welcome-to-norway.txt",
            "Welcome to Norway! – Building Digital Governance Together",
            "igf",
            datetime.date(2025, 6, 23),
            datetime.time(9, 0),
            datetime.time(11, 0),
        ),
        (
            "digwatch_wsis2024_moon-shot.txt",
            "The WSIS Moon Shot: Celebrating 20 years and crystal-balling the next 20!",
            "wsis",
            datetime.date(2024, 5, 27),
            datetime.time(9, 0),
            datetime.time(9, 30),
        ),
        (
            "digwatch_wsis2025_high-level-track-facilitators-summary.txt",
            "High-Level Track Facilitators Summary and Certificates",
            "wsis",
            datetime.date(2025, 7, 11),
            datetime.time(15, 30),
            datetime.time(16, 0),
        ),
    ],
)
def test_2024_and_2025_report_tops_make_no_person_of_the_people_they_mention(
    file_name, title, meeting_kind, day, start, end
):
    session = parsed(file_name)

    assert heading(session) == (title, meeting_kind, day.year, day, start, end, "")
    # Everyone these tops name is only mentioned in the summary or the report.
    assert session.people == []


def test_2025_open_forums_type_and_number_are_read_apart_from_its_title():
    # "Open Forum #20 WSis+20 High Level Event 2025 Ocp Special Briefing": the title is the rest,
    # as on the IGF's own pages (until 2026-12-06 it was kept whole).
    session = parsed("digwatch_igf2025_of20_wsis20-ocp-briefing.txt")

    assert session.title == "WSis+20 High Level Event 2025 Ocp Special Briefing"
    assert session.date == datetime.date(2025, 6, 26)
    # The text names WSIS first (the session is about the WSIS+20 review), but the IGF numbers
    # its open forums: filed under IGF 2025, as expected.json says, with its type and number.
    assert (session.meeting_kind, session.session_type, session.number) == ("igf", "Open Forum", 20)


def test_2024_report_top_without_a_date_is_read_with_what_is_missing():
    # expected.json files it under IGF 2024 from its address; the text has no date and no year,
    # so the meeting cannot be told from it: it waits for an editor to supply the year.
    session = parsed("digwatch_igf2024_of33_wsis-forum-2025-consultation.txt")

    assert (session.title, session.meeting_year, session.missing) == (
        "Open Consultation Process Meeting for WSIS Forum 2025",
        None,
        [(2, "no date line such as '11 Jul 2025 09:00h - 09:45h' after the title")],
    )


@pytest.mark.django_db
def test_real_2023_report_imports_with_its_people():
    outcome = import_file(REAL_DOCUMENTS / "digwatch_igf2023_open-mic-taking-stock.txt", Curated())

    assert (outcome.format, outcome.session.meeting.slug, outcome.session.title) == (
        "diploai_report",
        "igf-2023",
        "OPEN MIC – Taking Stock",
    )
    assert list(outcome.session.participations.values_list("role", "published_name")) == [
        ("speaker", "Carol Roach"),
        ("speaker", "Chengetai Masango"),
        ("speaker", "Deborah Allen"),
        ("speaker", "Markus Kummer"),
        ("speaker", "Paul Mitchell"),
        ("speaker", "Vint Cerf"),
    ]


@pytest.mark.parametrize(
    "folder, file_name, moderators",
    [
        # "One of the moderators, Mr Markus Kummer, …", "The second moderator, Mr Maarten Van
        # Horenbeeck, President, …".
        (
            FOURTEENTH_UNSEEN_REAL_DOCUMENTS,
            "digwatch_igf2017_best-practice-forum-cybersecurity.txt",
            ["Markus Kummer", "Maarten Van Horenbeeck"],
        ),
        # "Moderator, Mr Roman Chukov (Russian IGF and IGF MAG member) stressed …".
        (
            NINTH_UNSEEN_REAL_DOCUMENTS,
            "digwatch_igf2020_youth_corner_networking.txt",
            ["Roman Chukov"],
        ),
    ],
)
def test_a_report_calls_a_moderator_so_right_before_the_name(folder, file_name, moderators):
    session = parse((folder / file_name).read_text(encoding="utf-8"))

    assert [p.name for p in session.people if p.role == "moderator"] == moderators
