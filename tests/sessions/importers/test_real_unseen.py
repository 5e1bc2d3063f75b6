"""Real pages gathered after real/ and real_wider/ were fixed, written down in expected.json
before the importer read them (fixtures/documents/real_unseen/, sources.json gives each
page's address). Each test is a rule for a family's layout that one of these pages showed
the importer lacked; values are those of expected.json."""

import datetime

import pytest

from sessions.importers.detection import detect
from sessions.importers.diploai import parse as parse_report
from sessions.importers.documents import Curated, DocumentQueued, DocumentRefused, import_file
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.importers.parsed import ParseError
from sessions.importers.press import parse as parse_press
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    UNSEEN_REAL_DOCUMENTS,
    WIDER_REAL_DOCUMENTS,
    second_import,
)


def text(file_name):
    return (UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


def test_2024_labelled_fields_one_to_a_line_are_one_record():
    session = parse_igf_page(text("igf2024_of27_review-of-igf2023-kyoto.txt"))

    # "Organizational Affiliation: ...", "Moderator and Organizer: A (main), B (sub), C (sub)",
    # "Stakeholder: Government" and "Regional Group: Asia-Pacific" on four lines: the
    # organization and the groups belong to the names between them.
    assert session.organizers == ["Ministry of Internal Affairs and Communications"]
    assert [
        (
            person.role,
            person.name,
            person.organization,
            person.stakeholder_group,
            person.regional_group,
        )
        for person in session.people
    ] == [
        (
            role,
            name,
            "Ministry of Internal Affairs and Communications, Japan",
            "Government",
            "Asia-Pacific",
        )
        for name in ("Yoichi Iida", "Yuka Nishimura", "Honoka Ninagawa")
        for role in ("organizer", "moderator")
    ]


@pytest.mark.parametrize("parse", [parse_igf_page, parse_igf_workshop])
def test_a_page_heading_several_sessions_is_no_session_page(parse):
    # A 2018 theme page lists lightning sessions, an open forum and a workshop, each under its
    # own title line; read as one session it took the first one's title and the others' text.
    with pytest.raises(ParseError) as error:
        parse(text("igf2018_themes_development-innovation-economic-issues.txt"))

    assert (error.value.line, error.value.reason) == (
        18,
        "not one session's page: it heads 4 sessions ('IGF 2018 LIGHTNING SESSION #12 Women "
        "Empowerment through ICT', 'IGF 2018 LIGHTNING SESSION #6 Can we reduce poverty with "
        "tec', ...)",
    )


@pytest.mark.django_db
def test_a_theme_page_listing_sessions_is_refused():
    with pytest.raises(DocumentRefused):
        import_file(
            UNSEEN_REAL_DOCUMENTS / "igf2018_themes_development-innovation-economic-issues.txt",
            Curated(),
        )


def wider(file_name):
    return WIDER_REAL_DOCUMENTS / file_name


@pytest.mark.django_db
def test_two_pages_of_one_press_conference_are_one_session():
    # The conference's own page (Beijing, 10 a.m. Aug. 19, 2022) is titled "Publicity
    # Department of CPC Central Committee holds press conference on achievements in ...", the
    # mobile transcript (published 6 September, held Aug. 19) "Press conference on achievements
    # in ...": one title holds the other, on the same day: one session, both pages its sources.
    node = import_file(wider("scio2022_cyberspace-new-era_mobile-node.txt"), Curated())
    transcript = import_file(wider("scio2022_cyberspace-new-era_mobile.txt"), Curated())

    assert (transcript.created, transcript.session.pk) == (False, node.session.pk)
    assert Session.objects.count() == 1
    assert transcript.session.title == (
        "Publicity Department of CPC Central Committee holds press conference on achievements "
        "in building China's strength in cyberspace in the new era"
    )


@pytest.mark.django_db
def test_a_later_page_of_a_transcript_joins_its_conference_held_days_before():
    # Page 9 gives only the day it was published ("August 30, 2019"); its conference, of the
    # same title, was held on the 28th: one session, in the conference's meeting.
    first = import_file(wider("scio2019_cybersecurity-week.txt"), Curated()).session
    page_9 = import_file(wider("scio2019_cybersecurity-week_page9.txt"), Curated())

    assert (page_9.created, page_9.session.pk) == (False, first.pk)
    assert (first.meeting.slug, first.date) == (
        "chinaorgcn-press-conference-2019-08-28",
        datetime.date(2019, 8, 28),
    )


@pytest.mark.django_db
def test_another_press_conference_the_same_day_is_another_session(tmp_path):
    # SCIO holds more than one briefing some days: a page of the same day under another title
    # is another conference, never added to the day's first.
    first = UNSEEN_REAL_DOCUMENTS / "scio2022_government-work-report-revision_node.txt"
    second = tmp_path / "second-briefing.txt"
    second.write_text(
        first.read_text(encoding="utf-8").replace(
            "SCIO briefing on revision of the government work report",
            "SCIO briefing on the white paper on the judicial reform",
        ),
        encoding="utf-8",
    )
    one = import_file(first, Curated()).session
    other = import_file(second, Curated()).session

    assert one.meeting == other.meeting
    assert [session.title for session in Session.objects.order_by("pk")] == [
        "SCIO briefing on revision of the government work report",
        "SCIO briefing on the white paper on the judicial reform",
    ]


@pytest.mark.django_db
def test_a_page_without_a_title_on_a_day_of_two_conferences_waits(tmp_path):
    page = UNSEEN_REAL_DOCUMENTS / "scio2020_fighting-covid-white-paper_mobile.txt"
    for title in ("SCIO briefing on fighting COVID-19", "SCIO briefing on the economy"):
        titled = tmp_path / f"{title}.txt"
        titled.write_text(f"{title}\n{page.read_text(encoding='utf-8')}", encoding="utf-8")
        import_file(titled, Curated())

    with pytest.raises(DocumentQueued) as queued:
        import_file(page, Curated())

    assert [line.split(": ", 1)[1] for line in queued.value.lines] == [
        "no title, and the day held several press conferences"
    ]


def test_a_press_page_that_starts_at_its_dateline_is_read_without_a_title():
    # "China.org.cn | June 11, 2020" opens the copy: no title (an editor gives it), and the
    # lists below it are the conference's people.
    session = parse_press(text("scio2020_fighting-covid-white-paper_mobile.txt"))

    assert (session.title, session.publisher, session.published_on, session.date) == (
        "",
        "China.org.cn",
        datetime.date(2020, 6, 11),
        datetime.date(2020, 6, 7),
    )
    assert [(person.role, person.name) for person in session.people] == [
        ("speaker", "Xu Lin"),
        ("speaker", "Wang Zhigang"),
        ("speaker", "Ma Xiaowei"),
        ("speaker", "Ma Zhaoxu"),
        ("speaker", "Wang Chen"),
        ("host", "Guo Weimin"),
    ]


def test_2016_main_session_page_names_its_type_date_and_moderators_on_lines_of_their_own():
    session = parse_igf_page(text("igf2016_main-session_bpfs-and-cenb.txt"))

    # "IGF 2016 Main Session: BPFs and CENB Phase II": no number, the type before a colon.
    assert (session.meeting_year, session.session_type, session.number, session.title) == (
        2016,
        "Main Session",
        None,
        "BPFs and CENB Phase II",
    )
    # "IGF Day 4: Friday, 9 December 2016, 10:00 - 11:30am (90 Minutes)"
    assert (session.date, session.start_time, session.end_time, session.duration_minutes) == (
        datetime.date(2016, 12, 9),
        datetime.time(10, 0),
        datetime.time(11, 30),
        90,
    )
    # "Co-Moderator: Helani Galpaya (LIRNEasia)": the organization in parentheses. Below them
    # the speakers, their heading lost: "Constance Bommelaer, ISOC" and "2016 IGF BPF
    # Cybersecurity - Markus Kummer, Maarten Van Horenbeeck"; "... - Speakers TBC" is no one
    # and ends them.
    assert [
        (person.role, person.name, person.organization, person.inferred_by)
        for person in session.people
    ] == [
        ("moderator", "Helani Galpaya", "LIRNEasia", ""),
        ("moderator", "Alison Gillwald", "Research ICT Africa, South Africa", ""),
        ("speaker", "Constance Bommelaer", "ISOC", "role_from_layout"),
        ("speaker", "Frank Larue", "UNESCO", "role_from_layout"),
        ("speaker", "Alex Wong", "World Economic Forum (WEF)", "role_from_layout"),
        ("speaker", "Markus Kummer", "", "role_from_layout"),
        ("speaker", "Maarten Van Horenbeeck", "", "role_from_layout"),
        ("speaker", "Jac Sm Kee", "", "role_from_layout"),
        ("speaker", "Renata Aquino Ribeiro", "", "role_from_layout"),
        ("speaker", "Izumi Okutani", "", "role_from_layout"),
        ("speaker", "Sumon A. Sabir", "", "role_from_layout"),
    ]
    assert session.people[5].affiliation == "2016 IGF BPF Cybersecurity"
    assert session.unplaced[0].startswith("Title: IGF Best Practice Forums (BPFs) and Policy")
    assert "2016 IGF BPF IXPs - Speakers TBC" in session.unplaced
    assert session.description.startswith("This session will present the outputs of the 2016")


@pytest.mark.parametrize(
    ("times", "start", "end"),
    [
        ("10:00 - 11:30am", (10, 0), (11, 30)),
        ("2:00 - 3:30pm", (14, 0), (15, 30)),
        ("11:00 - 12:30pm", (11, 0), (12, 30)),
        ("11:00am - 1:00pm", (11, 0), (13, 0)),
    ],
)
def test_a_day_line_reads_the_half_of_the_day_given_once_for_both_times(times, start, end):
    page = text("igf2016_main-session_bpfs-and-cenb.txt").replace("10:00 - 11:30am", times)

    session = parse_igf_page(page)

    assert (session.start_time, session.end_time) == (datetime.time(*start), datetime.time(*end))


@pytest.mark.parametrize(
    ("file_name", "day", "hour"),
    [
        ("scio2021_country-of-innovators_node.txt", datetime.date(2021, 2, 26), 15),
        ("scio2022_government-work-report-revision_node.txt", datetime.date(2022, 3, 11), 15),
        ("scio2025_belt-and-road-science-exchange_node.txt", datetime.date(2025, 6, 3), 10),
    ],
)
def test_a_conference_dateline_gives_the_conference_its_day_and_hour(file_name, day, hour):
    # "Beijing | 3 p.m. Feb. 26, 2021": a publication is never dated to the hour.
    session = parse_press(text(file_name))

    assert (session.date, session.start_time) == (day, datetime.time(hour, 0))


def test_photo_captions_under_a_conference_list_name_no_one_more():
    session = parse_press(text("scio2025_belt-and-road-science-exchange_node.txt"))

    # "/5    Zhou Jianshe", "/5    Group Photo": captions, not people.
    assert [(person.role, person.name) for person in session.people] == [
        ("speaker", "Chen Jiachang"),
        ("speaker", "Ma Zhen"),
        ("speaker", "Li Wenqing"),
        ("host", "Zhou Jianshe"),
    ]


@pytest.mark.django_db
def test_a_photo_page_of_a_press_briefing_is_refused_as_a_photo_page():
    # "Press briefing on government work report" / "China SCIO |" / "March 5, 2024": a press
    # page by its title and its dateline, wrapped onto two lines; a caption and no list.
    path = UNSEEN_REAL_DOCUMENTS / "scio2024_government-work-report_photo.txt"
    with pytest.raises(DocumentRefused) as refused:
        import_file(path, Curated())

    assert refused.value.lines == [
        f"{path}:1: a photo page: a photo and its caption, with no press-conference transcript "
        "or list of speakers on it"
    ]


def test_a_dateline_wrapped_after_its_bar_is_read_by_detection():
    page = "Press briefing on the digital economy\nChina SCIO |\nMarch 5, 2024\n"

    detected = detect(page)

    assert (detected.format, detected.found) == (
        "press_transcript",
        [
            "'press conference', 'press briefing' or 'SCIO briefing' in its first lines",
            "the publisher (China.org.cn, China SCIO, the State Council Information Office)",
            "a dateline such as 'China.org.cn | Updated: November 15, 2022', 'Updated: "
            "2006-02-17 19:45' or 'Beijing | 10 a.m. March 19, 2021'",
        ],
    )


@pytest.mark.django_db
def test_a_second_import_of_every_unseen_page_changes_nothing():
    not_imported, changed, unchanged = second_import(UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch_igf2020_the-week-so-far.txt": "refused",
        "digwatch_igf2023_closing-ceremony_untitled.txt": "queued",
        "igf2018_themes_development-innovation-economic-issues.txt": "refused",
        "igf2019_ws169_pathfinder-tool-data-governance.txt": "queued",
        "igf2024_ws194_internet-governance-arab-world.txt": "queued",
        "scio2019_notice_sichuan-press-conference.txt": "refused",
        "scio2022_cas-president_photo_mobile.txt": "refused",
        "scio2024_government-work-report_photo.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11


def test_an_organizer_whose_organization_is_glyphs_alone_has_none():
    # "Organizer 1: Qusai AlShatty, ??": the hidden organization's lock glyph, lost in the copy.
    session = parse_igf_workshop(text("igf2024_ws194_internet-governance-arab-world.txt"))

    assert [(person.name, person.organization) for person in session.people[:2]] == [
        ("Qusai AlShatty", ""),
        ("Chafic Chaya", "RIPE NCC"),
    ]
    # "Speaker 4: Internet Society Saudi, Civil Society, Asia-Pacific Group": an organization
    # in a speaker's slot names no one; its line is kept.
    assert [person.name for person in session.people if person.role == "speaker"] == [
        "Christine Arida",
        "khaled Wally",
        "Zeina Bouharb",
        "Ayman El-Sherbiny",
    ]
    assert session.unplaced == [
        "Speaker 4: Internet Society Saudi, Civil Society, Asia-Pacific Group"
    ]
    # The copy starts at "Organizer 1:": no title line, no number; the page waits.
    assert (session.title, session.number, session.missing[0][1]) == (
        "",
        None,
        "no title line ('IGF <year> WS #<number> <title>') or date line ('<weekday>, <day> "
        "<month>, <year> (<hh:mm> UTC) - ...') before the organizers",
    )


def test_a_2023_report_list_under_speakers_and_moderators_without_a_subheading():
    # The same report as digwatch_igf2023_closing-ceremony.txt, copied without its title line
    # and without the "Speakers" subheading under "Speakers and Moderators": the same ten
    # speakers; the page waits for an editor to give its title.
    untitled = parse_report(text("digwatch_igf2023_closing-ceremony_untitled.txt"))
    titled = parse_report(text("digwatch_igf2023_closing-ceremony.txt"))

    assert [(person.role, person.name) for person in untitled.people] == [
        (person.role, person.name) for person in titled.people
    ]
    assert len(titled.people) == 10
    assert (untitled.title, untitled.missing) == ("", [(1, "no title line before the date line")])
