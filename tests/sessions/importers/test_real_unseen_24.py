"""A twenty-fourth set of real pages (fixtures/documents/real_unseen_24/, each page's address in
its sources.json): transcripts of 2017-2025, WSIS pages of 2022-2025 and press pages of
2019-2024, scored once with the code of its hour before any rule was written for it (the README
gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_FOURTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_FOURTH_UNSEEN_REAL_DOCUMENTS)


def roles(session):
    return [(p.role, p.name, p.inferred_by) for p in session.people]


def test_a_wsis_panellist_on_stacked_lines_with_the_role_last():
    # 2024: "Panellists" / "Mr. Vladimir Stankovic" / "Programme Officer" / "International
    # Telecommunication Union (ITU)" / "Moderator" / … / "WSIS Action Lines" (no one had been
    # read).
    session = parsed("wsis2024_s116_final-brief-wsis20-forum-hle.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "moderator",
            "Vladimir Stankovic",
            "Programme Officer, International Telecommunication Union (ITU)",
        ),
        (
            "speaker",
            "Thomas Schneider",
            "Ambassador and Director of International Affairs, Switzerland",
        ),
        (
            "speaker",
            "Marielza Oliveira",
            "Director for Digital Inclusion, Policies and Transformation, United Nations "
            "Educational, Scientific and Cultural Organization (UNESCO)",
        ),
        (
            "speaker",
            "Yu Ping Chan",
            "Head of Digital Partnerships and Engagement, United Nations Development Programme "
            "(UNDP)",
        ),
        (
            "speaker",
            "Scarlett Fondeur Gil",
            "Economic Affairs Officer, United Nations Conference on Trade and Development (UNCTAD)",
        ),
    ]
    assert "WSIS Action Lines" in session.unplaced


def test_a_moderator_labelled_by_role_names_herself_after_other_words():
    # 2024: ">> MODERATOR: … I'm going to move around. … My name is Cynthia Lesufi from South
    # Africa." (the first "I'm" names no one), then "The two Vice Chairs. Ms. Mina Seonmin Jun
    # and Ms. Renata.": a sentence of names alone goes on with the introductions.
    session = parsed("igf2024_day3_20-years-of-wsis-implementation.txt")

    assert roles(session) == [
        ("moderator", "Cynthia Lesufi", "role_from_layout"),
        ("speaker", "Cynthia Lesufi", ""),
        ("speaker", "Mina Seonmin Jun", "introduced_in_transcript"),
    ]


def test_a_role_before_a_whole_name_in_a_label_and_a_city_that_is_no_one():
    # 2018: ">> SECRETARIAT CHENGETAI MASANGO:" opens the session (no one had); 2025: "…
    # process in New York, …" had made a person of the city.
    session = parsed("igf2018_day3_open-mic-taking-stock.txt")
    assert roles(session)[:2] == [
        ("moderator", "Chengetai Masango", "role_from_layout"),
        ("speaker", "Chengetai Masango", ""),
    ]

    # "We have Mr. Ekitela Lokaaie, one of the two co‑facilitators for the WSIS+20 with
    # process in New York, Permanent Representative of Kenya to the UN."
    session = parsed("igf2025_day4_hls5_wsis20-review-role-of-igf.txt")
    assert roles(session) == [
        ("speaker", "Thomas Schneider", ""),
        ("speaker", "Ekitela Lokaaie", "introduced_in_transcript"),
        ("speaker", "Suela Janina", "introduced_in_transcript"),
        ("speaker", "Li Junhua", "introduced_in_transcript"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_fourth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_FOURTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {"wsis2025_s398_c5-building-trust-in-cyberspace.txt": "refused"}
    assert (changed, unchanged) == ({}, 14)
    assert Session.objects.count() == 14
