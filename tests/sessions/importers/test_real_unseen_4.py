"""A fourth set of real pages the importer had never read (fixtures/documents/real_unseen_4/,
sources.json gives each page's address), expected.json written from the text before the
importer read them, and scored before any rule below was written (README). Each test is a
rule for a family's layout that one of these pages showed the importer lacked."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.documents import Curated, import_file
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_page_agenda import segment_people
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.importers.press import parse as parse_press
from sessions.importers.text import Line, Paragraph
from sessions.models import Meeting, Session
from tests.sessions.importers.real_pages import (
    FOURTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)

# Two pages of one press conference's transcript, the later one first in name order.
LATER_PAGE = "scio2021_4th_digital_china_summit_mobile_page2.txt"
FIRST_PAGE = "scio2021_4th_digital_china_summit_node.txt"
PAGES = [LATER_PAGE, FIRST_PAGE]


def parsed(file_name):
    return parse_igf_page((FOURTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8"))


def test_a_2018_open_forum_gives_its_time_and_its_agendas_people():
    # "Agenda (60min):" / "Moderator: Frederic Donck, …" / "Part 1 - …" / "Andrew Sullivan, …"
    # / … / "Online Moderator:" / "Paula Real" / "Session Time:" / "Monday, 12 November, 2018
    # - 09:20 to 10:20" / "Salle XI": the label under the online moderator is no person.
    session = parsed("igf2018_of40_isoc_future_of_igf.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("online_moderator", "Paula Real", ""),
        ("moderator", "Frederic Donck", "Regional Bureau Director, Europe"),
        ("speaker", "Andrew Sullivan", "President&CEO, Internet Society"),
        ("speaker", "Raul Echeberria", "Vice-President Global Engagement"),
    ]
    assert (session.date, session.start_time, session.end_time, session.room) == (
        datetime.date(2018, 11, 12),
        datetime.time(9, 20),
        datetime.time(10, 20),
        "Salle XI",
    )
    assert session.sub_themes == ["Future of Internet Economy"]
    assert session.agenda.startswith("Moderator: Frederic Donck, Regional Bureau Director")
    assert session.unplaced[-3:] == [
        "Contact Information",
        "United Nations",
        "Secretariat of the Internet Governance Forum (IG",
    ]


def test_agenda_bullets_that_open_with_an_honorific_are_people_in_the_role_above_them():
    # "Introduction by moderators (TBC)" / "  • Mr. Markus Kummer, former UN IGF …".
    session = parsed("igf2023_global_youth_summit.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("moderator", "Markus Kummer", "former UN IGF Secretariat Head and diplomat, Switzerland"),
        ("moderator", "Lily Edinam Botsyoe", "Ghana Youth IGF"),
        ("speaker", "Jinhua LI", "Under-Secretary-General for Economic and Social Affairs"),
        ("speaker", "Vint Cerf", "Chair of the Leadership Panel"),
        ("speaker", "Peter Marien", "European Commission"),
        ("speaker", "Jenna Fung", "Asia Pacific Youth IGF"),
        ("speaker", "Nicolas Fiumareli", "Youth LACIGF"),
        ("speaker", "Susan Dossi", "Member of Malawi Parliament"),
    ]


def test_the_paragraph_of_records_after_the_organizers_holds_the_speakers():
    # 2023: the organizing organization, a line of organizers run together; after a gap a
    # line of speakers run together, with no organization above them.
    session = parsed("igf2023_ns64_worldwide_web_of_youth.txt")

    assert people_and_groups(session)[2:5] == [
        ("organizer", "Theorose Elikplim Dzineku", "Digispace", "Civil Society", "African Group"),
        ("speaker", "Milagro Antonia Suira Jimenez", "CONEYSO", "Civil Society", "GRULAC"),
        (
            "speaker",
            "Umirbek Abdullaev",
            "Mountain Hub",
            "Private Sector",
            "Asia-Pacific Group",
        ),
    ]
    assert [p.inferred_by for p in session.people if p.role == "speaker"] == [
        "role_from_layout"
    ] * 5


def test_a_second_person_under_the_online_moderator_is_the_rapporteur():
    # "Online Moderator" / "Pavel Pozdnyakov" / "Theorose Elikplim Dzineku": the copy lost the
    # rapporteur's heading, as workshop pages do (their moderator slots).
    session = parsed("igf2023_ns64_worldwide_web_of_youth.txt")

    assert [
        (p.role, p.name, p.inferred_by)
        for p in session.people
        if p.role not in ("organizer", "speaker")
    ] == [
        ("onsite_moderator", "Alina Ustinova", ""),
        ("online_moderator", "Pavel Pozdnyakov", ""),
        ("rapporteur", "Theorose Elikplim Dzineku", "role_from_layout"),
    ]


def test_a_2018_agenda_names_each_items_people_after_it_on_its_line():
    # "Review of Sao Paulo Principles: Uri Rosentthal, former foreign Minister of the
    # Netherlands, Anriette Esterhuysen, Chair APC, South Africa" … "Moderator: Wolfgang
    # Kleinwächter". A post ("Chair APC"), an organization ("German Foreign Office") and a
    # country ("South Africa") are no names; "Jörg, Schweiger, CEO of DENIC" opens with no name,
    # so its line names nobody; a person the speakers' list names keeps its record there.
    session = parse_igf_workshop(
        (FOURTH_UNSEEN_REAL_DOCUMENTS / "igf2018_ws178_towards_netmundial5.txt").read_text(
            encoding="utf-8"
        )
    )

    assert [(p.role, p.name, p.affiliation, p.stakeholder_group) for p in session.people] == [
        ("speaker", "Wolfgang Kleinwächter", "", "Civil Society"),
        ("speaker", "Vint Cerf", "Google, USA", "Private Sector"),
        ("speaker", "Joerg Schweiger", "", "Technical Community"),
        (
            "speaker",
            "Marina Kaljarund",
            "Chaif of th Gobal Commission on Stability in Cyberspace, former Foreign Minister "
            "of Estonia",
            "",
        ),
        ("speaker", "Uri Rosentthal", "former foreign Minister of the Netherlands", ""),
        ("speaker", "Anriette Esterhuysen", "Chair APC, South Africa", ""),
        ("speaker", "Rinalja Rahim", "former ICANN Board Member, Malaysia", ""),
        ("speaker", "Christoph Staeck", "Telefonica, Spain", ""),
        ("speaker", "Thomas Fitschen", "Cybercoordiator, German Foreign Office", ""),
        ("speaker", "Vigilio Almaida", "former IT Minister Brazil, GCSC Member", ""),
        ("moderator", "Wolfgang Kleinwächter", "", ""),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # One such line alone, in prose: not yet an agenda.
        ["Opening: Vint Cerf, Google", "The session will review the principles."],
        # Fields and topics: a name without an affiliation, or a part before any name.
        ["Theme: Digital Inclusion, Access", "Sub-theme: Human Rights, Freedom"],
        ["Topics: Data Protection, Artificial Intelligence", "Focus: Cyber Security, Trust"],
        ["Opening: Jörg, Schweiger, CEO of DENIC", "Panel: the speakers, tbc"],
        ["Partners: Internet Society, Geneva", "Hosts: South Africa, Pretoria"],
    ],
)
def test_lines_that_name_no_items_people_give_nobody(lines):
    paragraph = Paragraph([Line(number, text) for number, text in enumerate(lines, 1)], False)

    assert segment_people([paragraph]) == []


def test_a_copy_below_its_title_is_known_by_its_format_line_and_waits_for_an_editor():
    # "Session" / "Youth Coalition on Internet Governance" / "Panel - Auditorium - 90 Min":
    # no title line, no year; an IGF page all the same, kept for an editor.
    page = (FOURTH_UNSEEN_REAL_DOCUMENTS / "igf2022_dc_ycig_road_to_future_igfs.txt").read_text()

    assert detect_format(page) == "igf_page_2024"
    session = parse_igf_page(page)
    assert (session.title, session.meeting_year) == ("", None)
    assert session.missing == [
        (1, "no title line 'IGF <year> <session type> #<number> <title>' before the first section")
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_fourth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOURTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "chinaorg2008_wang_chen_scio_speech.txt": "refused",
        "igf2022_dc_ycig_road_to_future_igfs.txt": "queued",
        "igf2025_ws505_igf_at_20.txt": "queued",
        "neg_digwatch_igf2025_daily_summary_day3.txt": "refused",
        "neg_igf2019_reports_list_page3.txt": "refused",
        "neg_igf2023_call_for_town_halls.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 16)
    # 16 sessions made, one of them by a later page that joined its first page's session.
    assert Session.objects.count() == 15


@pytest.mark.django_db
def test_a_later_page_imported_before_its_first_page_joins_it_when_it_comes():
    # Page 2 of the SCIO briefing of 19 March 2021 (published on the 24th), then its first page.
    curated = Curated()
    later = import_file(FOURTH_UNSEEN_REAL_DOCUMENTS / LATER_PAGE, curated)
    assert [session.meeting.slug for session in Session.objects.all()] == [
        "press-conference-2021-03-24"
    ]

    first = import_file(FOURTH_UNSEEN_REAL_DOCUMENTS / FIRST_PAGE, curated)

    assert first.changes[-1] == f"later page {LATER_PAGE} joined"
    session = Session.objects.get()
    assert (session.pk, session.meeting.slug) == (first.session.pk, "press-conference-2021-03-19")
    assert not Meeting.objects.filter(slug="press-conference-2021-03-24").exists()
    assert [page["file"] for page in session.import_snapshot["pages"]] == [FIRST_PAGE, LATER_PAGE]
    assert "Yang Xiaowei" in {p.person.name for p in session.participations.all()}
    assert later.session.pk != session.pk
    # Each page again, in either order: nothing changes.
    again = [import_file(FOURTH_UNSEEN_REAL_DOCUMENTS / name, curated) for name in PAGES]
    assert [(outcome.created, outcome.changes) for outcome in again] == [(False, [])] * 2


def test_a_later_pages_first_turn_is_not_its_host_when_the_layout_sets_the_chair_apart():
    # Page 3 lists its speakers, then after a wider gap "Hu Kaihong, spokesperson of the
    # SCIO" (the lost "Chairperson:" heading), and opens mid-way with "Ren Xianliang:" answering.
    page = FOURTH_UNSEEN_REAL_DOCUMENTS / "chinaorg2017_4th_world_internet_conference_page3.txt"
    session = parse_press(page.read_text(encoding="utf-8"))

    assert [(p.role, p.name, p.inferred_by) for p in session.people] == [
        ("speaker", "Ren Xianliang", ""),
        ("speaker", "Ge Huijun", ""),
        ("speaker", "Sheng Yongjun", ""),
        ("host", "Hu Kaihong", "role_from_layout"),
    ]
