"""A thirty-fifth set of real pages (fixtures/documents/real_unseen_35/, each page's address in
its sources.json): transcripts of 2012-2024, press pages of 2008-2021 and WSIS pages of
2016-2022, scored once with the code of its hour before any rule was written for it (the README
gives that score)."""

import datetime
from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTY_FIFTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTY_FIFTH_UNSEEN_REAL_DOCUMENTS)


def test_speakers_the_host_introduces_without_titles_in_a_later_opening_turn():
    # 2016: only the chair is listed ("Speaker:" names "Officials from the …"); the host's
    # second turn: "Today, I'm joined by Wu Yuliang, deputy secretary of the CCDI, Xiao Pei,
    # deputy minister of …, and Luo Dongchuan, director of …".
    session = parsed("press_scio_2016_ccdi-sixth-plenum_china-org-cn.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people][:3] == [
        ("host", "Guo Weimin", "vice minister of State Council Information Office"),
        ("speaker", "Wu Yuliang", "deputy secretary of the CCDI"),
        ("speaker", "Xiao Pei", "deputy minister of the Ministry of Supervision"),
    ]
    assert [p.name for p in session.people][3:] == [
        "Chen Xiaojiang",
        "Liu Jianchao",
        "Luo Dongchuan",
    ]


def test_the_2015_sites_heading_of_a_day_in_numbers_title_and_room():
    # "2015 11 13 Closing Ceremony Main Meeting Hall FINISHED" (it waited for a title);
    # "speaking on behalf of Assistant Secretary‑General, Mr. Montiel" names no one; the label
    # "JOSE ANTONIO MARCONDES de CARVLAHO" is written as a name.
    session = parsed("igf2015_joao-pessoa_closing-ceremony_main-meeting-hall.txt")

    assert (session.title, session.room, session.date) == (
        "Closing Ceremony",
        "Main Meeting Hall",
        datetime.date(2015, 11, 13),
    )
    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Chengetai Masango"),
        ("speaker", "Chengetai Masango"),
        ("speaker", "Jose Antonio Marcondes de Carvlaho"),
        ("speaker", "Jose Antonio Marcondes de Carvalho"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_fifth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTY_FIFTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2016_ws14_jalisco_asia-next-billion-digital-inclusion.txt": "queued",
        "igf2023_day4_kyoto_open-mic-taking-stock_raw.txt": "queued",
        "igf2024_day0_event166_riyadh_review-of-igf2023-kyoto-road-to-wsis20.txt": "queued",
        "neg_wsis2018_high-level-track-overview-page.txt": "refused",
        "press_china_org_cn_2011_cpc-anti-corruption-briefing_wu-yuliang.txt": "refused",
        "press_scio_2008_sichuan-post-quake-reconstruction_wei-hong-speech.txt": "refused",
        "wsis2016_session212_hlps-concluding-session_vdocuments-transcript.txt": "refused",
        "wsis2021_ictsolderpersons-track-opening_itu-dsg-remarks.txt": "refused",
        "wsis2022_al-c7-e-agriculture_fao-session-page.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 7)
    assert Session.objects.count() == 7
