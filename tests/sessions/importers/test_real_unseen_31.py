"""A thirty-first set of real pages (fixtures/documents/real_unseen_31/, each page's address in
its sources.json): transcripts of 2008-2024, dig.watch reports of 2022-2025 and press pages of
2010-2024, scored once with the code of its hour before any rule was written for it (the README
gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTY_FIRST_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTY_FIRST_UNSEEN_REAL_DOCUMENTS)


def test_the_remote_moderator_the_opener_presents_and_a_name_after_from():
    # 2018: "We have our remote Moderator Sebastian Becker‑Castallero" (had been read as
    # "Moderator Sebastian …", a speaker); "… from Chad Garcia Ramillo, for Progressive
    # Communication": Chad is a country, here a first name.
    session = parsed("igf2018_salle-x_paris_apc-giswatch-launch.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Kathleen Diga"),
        ("speaker", "Kathleen Diga"),
        ("speaker", "Chad Garcia Ramillo"),
        ("online_moderator", "Sebastian Becker‑Castallero"),
    ]


def test_a_panel_announced_then_listed_a_sentence_each():
    # 2024: "Let me introduce our esteemed panelists.  Her Excellency Ms.  Palwasha Mohammad
    # Zai Khan, a Senator from Pakistan …  Honorable Mr. Sigbjørn Gjelsvik, …  Mrs. Pamela
    # Calletti, … regional cooperation in Latin America." (not a person).
    session = parsed("igf2024_plenary_riyadh_parliamentary-roundtable-collective-force.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Palwasha Mohammad Zai Khan"),
        ("speaker", "Sigbjørn Gjelsvik"),
        ("speaker", "Maria Elago"),
        ("speaker", "Eisa AlOtaiby"),
        ("speaker", "Pamela Calletti"),
    ]


def test_a_press_page_whose_labels_open_their_lines_and_a_link_left_above_its_title():
    # 2010: "Guo Weimin: Ladies and gentlemen, good morning. …" (the page had been refused: no
    # label alone on its line); 2015: '中文">' above the title had been read as the title.
    labelled_inline = parsed("press_scio_2010_central-govt-contacts-with-dalai-lama.txt")
    linked = parsed("press_scio_2015_white-paper-chinas-military-strategy.txt")

    assert [(turn.speaker, turn.text[:28]) for turn in labelled_inline.transcript] == [
        ("Guo Weimin", "Ladies and gentlemen, good m"),
        ("Zhu Weiqun", "Ladies and gentlemen, I am v"),
        ("Zhu Weiqun", "The 14th Dalai Lama's privat"),
    ]
    assert [(p.role, p.name) for p in labelled_inline.people] == [
        ("host", "Guo Weimin"),
        ("speaker", "Zhu Weiqun"),
    ]
    assert linked.title == "SCIO briefing on White Paper on China's Military Strategy"
    assert linked.furniture[0] == '中文">'


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_first_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTY_FIRST_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch2024_high-level-session-4_summit-of-the-future-to-wsis20.txt": "queued",
        "igf2013_ws68_bali_e-participation-in-ig-processes.txt": "queued",
        "neg_china_org_cn_2011_scio-press-conferences-2010-review.txt": "refused",
        "neg_digwatch2022_igf-daily-summary-1.txt": "refused",
        "press_scio_2010_central-govt-contacts-with-dalai-lama.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
