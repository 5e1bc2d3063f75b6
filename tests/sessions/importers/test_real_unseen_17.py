"""A seventeenth set of real pages (fixtures/documents/real_unseen_17/, each page's address in its
sources.json), scored once with the code of its hour before any rule was written for it (the
README gives that score): session pages whose copies lost their headings, a WSIS Forum page and a
press briefing. Where this project disagrees with its expected.json, the entry says why
("Review: …")."""

from functools import partial

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.groups import choice_of
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_page_agenda import agenda_people
from sessions.importers.igf_workshop_people import without_lock
from sessions.importers.text import Line
from sessions.importers.wsis_agenda import parse as parse_wsis_page
from sessions.models import Session, SourceDocument, StakeholderGroup
from tests.sessions.importers.real_pages import (
    SEVENTEENTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, SEVENTEENTH_UNSEEN_REAL_DOCUMENTS)


def people(session):
    return [
        (person.role, person.name, person.affiliation, person.inferred_by)
        for person in session.people
    ]


def test_a_wsis_page_whose_copy_lost_the_panels_heading():
    # "Mr. Tomas Lamanauskas" alone, then "Mr. Tomas Lamanauskas Deputy Secretary-General …":
    # the name under its title, repeated with the position, as under a "Panellists" heading.
    session = parsed("wsis2023_session538_final-closing-ceremony.txt")

    assert [(person.role, person.name, person.affiliation) for person in session.people] == [
        (
            "speaker",
            "Tomas Lamanauskas",
            "Deputy Secretary-General International Telecommunication Union (ITU)",
        ),
        (
            "speaker",
            "Emilija Stojmenova Duh",
            "Minister of Digital Transformation (Chairperson of the WSIS Forum 2023) Republic of "
            "Slovenia",
        ),
        (
            "speaker",
            "Marielza Oliveira",
            "Director for Partneships and Operational Programme Monitoring United Nations "
            "Educational, Scientific and Cultural Organization (UNESCO)",
        ),
        ("speaker", "Yolanda Rueda", "Founder and President Fundación Cibervoluntarios, Spain"),
        ("speaker", "Michael Hodin", "CEO Global Coalition on Aging (GCOA)"),
        (
            "speaker",
            "Liberato C. Bautista",
            "President Conference of Non-Governmental Organizations in Consultative Relationship w",
        ),
    ]


def test_a_name_alone_without_a_title_above_a_line_that_repeats_it_is_no_panellist():
    # Without the panel's heading only a titled name is taken: a short line of prose repeated
    # at the start of the next names no one.
    text = "\n".join(
        [
            "WSIS Forum 2023 Final Closing Ceremony",
            "Session 538",
            "Monday, 29 May 2023 14:00–14:30 (UTC+02:00) Closing Ceremony",
            "Digital Inclusion",
            "Digital Inclusion Week closes the forum",
        ]
    )

    session = parse_wsis_page(text)

    assert session.people == []


def test_speakers_below_organizations_given_on_a_labelled_line():
    # 2022: "🔒 AU EU D4D Hub Project" and "Organisers: AU-EU D4D Hub Project (Western
    # Europe-Africa Region), …" name organizations only; the speakers' heading is lost, and of
    # the three below it only the first ends with a region ("(Africa)").
    session = parsed("igf2022_th109_jointly-tackling-disinformation.txt")

    assert session.organizers == [
        "AU EU D4D Hub Project",
        "AU-EU D4D Hub Project (Western Europe-Africa Region), European Commission, "
        "Directorate-General for International Partnerships (Western European Region)",
    ]
    assert people(session) == [
        ("speaker", "Odanga Madung", "journalist from Kenya", "role_from_layout"),
        (
            "speaker",
            "Simone Toussi",
            "Project Officer at Collaboration on International ICT Policy for East and Southern "
            "Africa (CIPESA) (Think Tank Africa)",
            "role_from_layout",
        ),
        (
            "speaker",
            "Charlotte Carnehl",
            "Operations Director at Lie Detectors ( NGO Europe)",
            "role_from_layout",
        ),
        (
            "onsite_moderator",
            "Eden Tadesse",
            "Ambitious Africa (Africa) and #GirlsinD4D nominee",
            "",
        ),
        ("online_moderator", "Helena Lepp", "AU-EU D4D Hub (Western Europe)", ""),
        ("rapporteur", "Rachad Sanoussi", "Digital Grassroots", "role_from_layout"),
    ]


def test_co_organizers_run_together_each_after_their_title():
    session = parsed("igf2017_ws100_bridging-digital-divides-cybersecurity.txt")

    organizers = [
        (person.name, person.affiliation, person.stakeholder_group)
        for person in session.people
        if person.role == "organizer"
    ]
    # The proposer's record completes the proposer, read above it.
    assert organizers == [
        ("Sophie Tomlinson", "ICC BASIS", "Private Sector"),
        ("Timea Suto", "ICC BASIS", ""),
        (
            "Belisario Contreras",
            "Organization of American States",
            "Inter-governmental Organization",
        ),
        (
            "Carolin Weisser",
            "Oxford Martin School Global Cybersecurity Capacity Centre",
            "Civil Society",
        ),
    ]


def test_a_lock_glyph_read_in_a_windows_code_page_is_no_organization():
    # "Organizer 1: Georgieva-Weiche Lilian, πŸ”’": the lock's bytes as letters.
    session = parsed("igf2023_ws446_cyber-capacity-building-coordination.txt")

    organizers = [
        (person.name, person.affiliation) for person in session.people if person.role == "organizer"
    ]
    assert organizers == [
        ("Georgieva-Weiche Lilian", ""),
        ("Calandro Enrico", "Cyber Resilience for Development"),
        ("Daniela Schnidrig", ""),
    ]


@pytest.mark.parametrize("glyph", ["\N{LOCK}", "ðŸ”’", "πŸ”’"])
def test_every_form_of_the_lock_glyph_is_dropped_from_an_organization(glyph):
    assert (without_lock(glyph), without_lock(f"{glyph} Access Now")) == ("", "Access Now")


def test_a_day_0_page_that_lost_its_title_and_headings_waits_with_its_people():
    # "Session" above all else, then the organizers run together, the speakers after the group
    # they speak for, and one line of names for each of the onsite moderators, the online
    # moderators and the rapporteurs, above the goals.
    file_name = "igf2024_day0_event82_tackling-internet-shutdowns.txt"
    text = (SEVENTEENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")

    session = parse_igf_page(text)

    assert detect_format(text) == SourceDocument.Format.IGF_PAGE_2024
    assert session.missing == [
        (1, "no title line 'IGF <year> <session type> #<number> <title>' before the first section")
    ]
    assert people(session) == [
        (
            "moderator",
            "Kanbar Hussein Bor",
            "UK Country Chair of Freedom Online Coalition Task Force on Internet Shutdowns (TFIS).",
            "",
        ),
        (
            "speaker",
            "Felicia Anthonio",
            "Campaign Manager for the #KeepItOn campaign at Access Now (co-chair of TFIS).",
            "role_from_layout",
        ),
        ("speaker", "Alex Walden", "Google.", "role_from_layout"),
        (
            "speaker",
            "Scott Campbell",
            "UN OHCHR – including building on the recommendations for states/civil "
            "society/private sector in the OHCHR report on Internet shutdowns.",
            "role_from_layout",
        ),
        (
            "speaker",
            "Joss Wright",
            "Oxford Internet Institute, Oxford University – including consideration of "
            "causation and bridging the gap between Internet shutdowns data and the "
            "social/political landscape, to achieve more focussed, data-driven policy "
            "approaches.",
            "role_from_layout",
        ),
        ("onsite_moderator", "Kanbar Hussein-Bor", "", "role_from_layout"),
        ("online_moderator", "Nicola Burgess", "", "role_from_layout"),
        ("online_moderator", "Laura O’Brian", "", "role_from_layout"),
        ("rapporteur", "Amelia Timewell", "", "role_from_layout"),
        ("rapporteur", "Idan Ben Yakir", "", "role_from_layout"),
    ]


def test_lines_of_names_that_fill_not_every_section_after_the_speakers_take_no_role():
    # Two lines of names above the goals: which of the three sections each is, none can say.
    text = "\n".join(
        [
            "Session",
            "Civil Society: Felicia Anthonio, Campaign Manager at Access Now.",
            "Academia: Joss Wright. Oxford Internet Institute, Oxford University.",
            "Kanbar Hussein-Bor",
            "Amelia Timewell/Idan Ben Yakir",
            "16. Peace, Justice and Strong Institutions",
        ]
    )

    session = parse_igf_page(text)

    assert [(person.role, person.name) for person in session.people] == [
        ("speaker", "Felicia Anthonio"),
        ("speaker", "Joss Wright"),
    ]


def test_a_place_or_a_body_in_an_agendas_parentheses_is_no_person():
    lines = [
        Line(1, "Organisers: AU-EU D4D Hub Project (Western European Region)"),
        Line(2, "Simone Toussi, Project Officer at CIPESA (Think Tank Africa)"),
        Line(3, "1. Emerging Issues (Jeanette Hofmann)"),
    ]

    assert [(person.role, person.name) for person in agenda_people(lines)] == [
        ("speaker", "Jeanette Hofmann")
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_seventeenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(SEVENTEENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch_igf2024_day0_event82_tackling-internet-shutdowns.txt": "queued",
        "igf2024_day0_event82_tackling-internet-shutdowns.txt": "queued",
        "igf2025_ws271_data-agency-next-gen-infrastructure.txt": "queued",
        "neg_digwatch_igf2021_daily-2.txt": "refused",
        "neg_igf2019_day0-events-received-listing.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 10)
    assert Session.objects.count() == 10


@pytest.mark.parametrize(
    ("published", "value"),
    [
        ("Inter-governmental Organization", StakeholderGroup.INTERGOVERNMENTAL),
        ("Inter-governmental Organization Group", StakeholderGroup.INTERGOVERNMENTAL),
        ("Inter-governmental Organization of States", ""),
    ],
)
def test_a_stakeholder_group_spelled_with_a_hyphen(published, value):
    assert choice_of(published, StakeholderGroup) == value


def test_a_workshop_pages_format_above_its_duration_is_no_moderator():
    # 2025: "Speaker 4: Sujith Nair , …" then "Roundtable" and "Duration (minutes): 90": the
    # format opens the body; it had been read as the onsite moderator "Roundtable".
    session = parsed("igf2025_ws271_data-agency-next-gen-infrastructure.txt")

    assert [(person.role, person.name) for person in session.people] == [
        ("speaker", "Jean-Bertrand Azapmo"),
        ("speaker", "Wendy Seltzer"),
        ("speaker", "Wes Biggs"),
        ("speaker", "Sujith Nair"),
    ]


def test_a_first_sites_page_names_its_people_in_its_agenda():
    # 2012: "• Bertrand de La Chappelle (ICANN)", "1. Emerging Issues (Jeanette Hofmann)".
    session = parsed("igf2012_main_taking-stock-and-the-way-forward.txt")

    assert [(person.role, person.name, person.affiliation) for person in session.people] == [
        ("speaker", "Bertrand de La Chappelle", "ICANN"),
        ("speaker", "Qusai Al Shatti", "Kuweit"),
        ("speaker", "Jeanette Hofmann", ""),
        ("speaker", "Karen Rose", ""),
    ]
