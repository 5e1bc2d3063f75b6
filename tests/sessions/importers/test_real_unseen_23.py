"""A twenty-third set of real pages (fixtures/documents/real_unseen_23/, each page's address in
its sources.json): IGF session pages of 2019-2025, scored once with the code of its hour before
any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_THIRD_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_THIRD_UNSEEN_REAL_DOCUMENTS)


def roles(session):
    return [(p.role, p.name, p.affiliation, p.inferred_by) for p in session.people]


def test_a_page_that_lost_its_headings_and_blank_lines_is_read_by_its_lines_places():
    # 2024: "Session" / "Youth IGF DRC" / the organizers run together on one line / the
    # speakers on the next / "Athanase Bahizire" / "Denise Leal" / "7. Affordable and Clean
    # Energy" / …: one line a slot, in the template's order (no person had been read).
    session = parsed("igf2024_lt22_e-waste-solutions.txt")

    assert session.organizers == ["Youth IGF DRC"]
    assert roles(session) == [
        ("organizer", "Athanase Bahizire", "Youth IGF DRC", "role_from_layout"),
        ("organizer", "Jasmine Ko", "DotAsia", "role_from_layout"),
        ("organizer", "Ida Padikuor Na-Tei", "ISOC YSG/ CTN Technologies", "role_from_layout"),
        ("organizer", "Denise Leal", "YCIG/ Youth LAC IGF/ UnB", "role_from_layout"),
        ("organizer", "James Amattey", "(Africa), NORENSON/ ISOC Ghana", "role_from_layout"),
        (
            "speaker",
            "Karen Woo",
            "Project Officer at ITU, International Organisation",
            "role_from_layout",
        ),
        ("speaker", "Jasmine Ko", "Project Manager at DotAsia", "role_from_layout"),
        ("speaker", "Ida Padikuor Na-Tei", "CEO at CTN Technologies", "role_from_layout"),
        ("onsite_moderator", "Athanase Bahizire", "", "role_from_layout"),
        ("online_moderator", "Denise Leal", "", "role_from_layout"),
    ]
    # The goal and target lines below them are the SDGs' (none had been read).
    assert session.sdg_goals == [7, 9, 12, 13, 15, 17]
    assert session.sdg_targets[:5] == ["7.1", "7.3", "7.a", "7.b", "9.1"]


def test_the_same_layout_with_titled_speakers_and_three_slots():
    # 2024: "Mr. Tawfik Jelassi, … Mr. Alexandre Barbosa, …" on the speakers' line, then
    # "Cedric Wachholz, Chief of Section …", "Camila Gonzalez", "Camila Gonzalez".
    session = parsed("igf2024_day0-191_internet-universality-launch.txt")

    assert [(p.role, p.name) for p in session.people[-3:]] == [
        ("onsite_moderator", "Cedric Wachholz"),
        ("online_moderator", "Camila Gonzalez"),
        ("rapporteur", "Camila Gonzalez"),
    ]
    assert [p.name for p in session.people if p.role == "speaker"] == [
        "Tawfik Jelassi",
        "Alexandre Barbosa",
        "Jennifer Bachus",
        "Vinton Cerf",
        "Helani Galpaya",
        "Tenanoia Veronica Simona",
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_third_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_THIRD_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2020_ws72_tech-for-the-planet.txt": "queued",
        "igf2022_ws217_responsible-sustainable-metaverse.txt": "queued",
        "igf2024_day0-191_internet-universality-launch.txt": "queued",
        "igf2024_lt22_e-waste-solutions.txt": "queued",
        "igf2025_ws411_truth-under-siege.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
