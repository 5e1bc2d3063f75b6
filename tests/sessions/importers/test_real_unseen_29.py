"""A twenty-ninth set of real pages (fixtures/documents/real_unseen_29/, each page's address in
its sources.json): transcripts of 2006-2025 and press pages of 2020-2024, scored once with the
code of its hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.igf_transcript_people import _introduced
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_NINTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_NINTH_UNSEEN_REAL_DOCUMENTS)


def test_the_abbreviations_of_an_office_before_a_name_in_a_label():
    # 2009: ">>H.E. FED. COUN. MORITZ LEUENBERGER:" had made "Fed. Coun. Moritz Leuenberger".
    session = parsed("igf2009_main_sharm_opening-session.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Nermine El Saadany"),
        ("speaker", "Nermine El Saadany"),
        ("speaker", "Markus Kummer"),
        ("speaker", "Moritz Leuenberger"),
    ]


def test_an_opener_who_announces_the_panel_then_names_it_sentence_by_sentence():
    # 2010: "I will name them here.  Hasanul Haq Inu, a Member of Parliament …", "And next, Dr.
    # Govind Govind, …", "Next to him is Mr. Deepak Maheshwari from Microsoft in India."
    session = parsed("igf2010_ws_vilnius_local-language-content.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Osama Manzar"),
        ("speaker", "Osama Manzar"),
        ("speaker", "Hasanul Haq Inu"),
        ("speaker", "Ravi Shanker"),
        ("speaker", "Akram Chowdhury"),
        ("speaker", "Ang Peng Hwa"),
        ("speaker", "Shahzad Ahmad"),
        ("speaker", "Govind Govind"),
        ("speaker", "Deepak Maheshwari"),
        ("speaker", "Renu Budhiraja"),
        ("speaker", "Pranesh Prakash"),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        # A cue without names, then a sentence that is no introduction.
        "Let me introduce the topic.  Other hurdles remain among the Public Sector.",
        # An announcement reaches the sentences that open with a name.
        "I will name them here.  Thank you.  We hope that Thomas Schneider will come.",
    ],
)
def test_an_announcement_of_the_panel_reaches_only_the_sentences_that_open_with_a_name(opening):
    assert _introduced(opening) == []


def test_the_speakers_present_at_a_press_conference_and_finally_the_last():
    # 2020: "Present at this press conference are Mr. Xu Lin, …; … and finally, Mr. Wang Chen,
    # …. I'm your host, Guo Weimin, vice minister of the SCIO."
    session = parsed("press_scio_2020_white-paper-fighting-covid19.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Xu Lin"),
        ("speaker", "Wang Zhigang"),
        ("speaker", "Ma Xiaowei"),
        ("speaker", "Ma Zhaoxu"),
        ("speaker", "Wang Chen"),
        ("host", "Guo Weimin"),
    ]
    assert session.people[4].affiliation == (
        "academician and vice president of the Chinese Academy of Engineering (CAE), and "
        "president of the Chinese Academy of Medical Sciences (CAMS)"
    )


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_ninth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_NINTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2006_athens_meeting-overview_node-page-142.txt": "refused",
        "igf2011_ws215_nairobi_intra-stakeholder-diversity.txt": "queued",
        "igf2014_main_istanbul_taking-stock-emerging-issues.txt": "queued",
        "igf2018_day2_sallei_human-rights-gender-youth.txt": "queued",
        "press_scio_2021_transport-14th-fyp_photo-page3.txt": "refused",
        "press_scio_2023_economy-q1-q3_page2_mobile.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 10)
    assert Session.objects.count() == 10
