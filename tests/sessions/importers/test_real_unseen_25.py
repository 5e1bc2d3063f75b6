"""A twenty-fifth set of real pages (fixtures/documents/real_unseen_25/, each page's address in
its sources.json): IGF session pages and transcripts of 2017-2025, scored once with the code of
its hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.igf_page_posts import dashed_speakers
from sessions.importers.igf_page_sched import read_schedule_block
from sessions.importers.parsed import ParsedSession
from sessions.importers.text import Line, Paragraph, numbered_lines
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_FIFTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_FIFTH_UNSEEN_REAL_DOCUMENTS)


def roles(session):
    return [(p.role, p.name, p.inferred_by) for p in session.people]


def test_speakers_as_name_then_post_and_posts_below_a_moderator_are_no_one():
    # 2022, headings lost: "Wolfgan Kleinwaechter - Professor Emeritus at …", "Kerry-Anne Barret
    # - CyberSecurity Program Manager - …" (no speaker had been read); "Online Moderator" /
    # "Olga Cavalli" / "National Director of Cybersecurity of Argentina" / …, "Onsite
    # Moderator" / "Roberto Zambrana" / "MAG Member" (three posts had been people), and the
    # moderators' headings printed again.
    session = parsed("igf2022_of44_enhancing-cybersecurity-national-administration.txt")

    assert roles(session) == [
        ("speaker", "Wolfgan Kleinwaechter", "role_from_layout"),
        ("speaker", "Regine Grienberger", "role_from_layout"),
        ("speaker", "Liina Areng", "role_from_layout"),
        ("speaker", "Cesar Moline", "role_from_layout"),
        ("speaker", "Kerry-Anne Barret", "role_from_layout"),
        ("onsite_moderator", "Roberto Zambrana", ""),
        ("onsite_moderator", "Roberto Zambrana", ""),
        ("online_moderator", "Olga Cavalli", ""),
        ("online_moderator", "Olga Cavalli", ""),
        ("rapporteur", "Mónica Trochez", "role_from_layout"),
    ]
    assert session.people[4].affiliation == (
        "CyberSecurity Program Manager - Organization of American States"
    )
    assert session.unplaced[-3:] == [
        "MAG Member",
        "National Director of Cybersecurity of Argentina",
        "Academic Director South School on Internet Governance",
    ]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # 2023 (the twenty-eighth set): a title before the name.
        (
            "Dr. Bushra Al Blooshi - Head of Research and Innovation Dubai Electronic Security "
            "Center, UAE.",
            [
                (
                    "Bushra Al Blooshi",
                    "Head of Research and Innovation Dubai Electronic Security Center, UAE",
                )
            ],
        ),
        # 2016 (the first unseen set): a programme's item, no one.
        ("2016 IGF BPF IXPs - Speakers TBC", None),
    ],
)
def test_a_name_then_its_post_after_a_dash(line, read):
    people = dashed_speakers(Paragraph([Line(1, line)], after_gap=False))

    assert (people and [(p.name, p.affiliation) for p in people]) == read


def test_a_line_of_names_alone_under_the_speakers():
    # 2025: "YANG ZHOU, TAIGE SHI, TIANXIANG LIU, LI LI" had been one person with an affiliation.
    session = parsed("igf2025_lt75_online-safety-ecosystem-children-guardians.txt")

    assert roles(session) == [
        ("speaker", "YANG ZHOU", ""),
        ("speaker", "TAIGE SHI", ""),
        ("speaker", "TIANXIANG LIU", ""),
        ("speaker", "LI LI", ""),
        ("onsite_moderator", "YANG ZHOU", ""),
        ("rapporteur", "TIANXIANG LIANG", ""),
    ]


def test_turns_labelled_alone_then_a_hand_over_of_the_moderation():
    # 2017: "MODERATOR:  Thank you …" below the notice, a later turn ">> -- of our ICT" (the
    # labelled turns had been lost); "… hand over the moderation of the high level session to
    # Ms. Nathalie Decommon, Deputy Chief Editor at the Swiss National Television, RTS, and the
    # remote moderation to Mr. Jovan Kurbalija, …".
    session = parsed(
        "igf2017_main_high-level-thematic-session_shaping-our-future-digital-global-governance.txt"
    )

    assert roles(session) == [
        ("moderator", "Nathalie Decommon", "introduced_in_transcript"),
        ("online_moderator", "Jovan Kurbalija", "introduced_in_transcript"),
    ]
    assert [turn.speaker for turn in session.transcript[:3]] == ["MODERATOR"] * 3


def test_a_body_named_in_the_plural_is_no_one():
    # 2023: "… the main session on the Dynamic Coalitions." had made a speaker of them.
    session = parsed("igf2023_dc-main-session_the-internet-we-want-human-rights.txt")

    assert roles(session) == [
        ("moderator", "Markus Kummer", "role_from_layout"),
        ("speaker", "Markus Kummer", ""),
        ("speaker", "Jutta Croll", ""),
    ]


def test_a_numbered_speaker_alone_on_a_line_with_a_surname_in_lower_case():
    # 2025, its title lost (it waits for an editor): "1. Theorose Dzineku, DigiSpace Africa,
    # Academia, WOEG", … "5. Issa Mahamat addia, …" under "Speakers" had been left as text.
    session = parsed("igf2025_ns177_from-tokenism-to-takeover-youth.txt")

    assert [p.name for p in session.people if p.role == "speaker"] == [
        "Theorose Dzineku",
        "Kenley Sérgio Cossa",
        "Razan Zakaria",
        "Sorene Assefa Shifa",
        "Issa Mahamat addia",
    ]
    assert session.unplaced == []


def test_an_additional_speaker_cut_from_its_block_above_the_first_slots_label():
    # 2018: "Philippe Dumont, Chief Executive Officer, Eulalink Cable" two blank lines below
    # the other additional speakers, then "Moderator" / "Felix blanc": he had been the onsite
    # moderator.
    session = parsed("igf2018_ws193_submarine-cables-governance-sdgs.txt")

    assert [(p.role, p.name, p.affiliation, p.inferred_by) for p in session.people[-5:]] == [
        (
            "speaker",
            "Barbara Simao",
            "Researcher, telecommunications and digital rights, IDEC (Brazil)",
            "",
        ),
        (
            "speaker",
            "Philippe Dumont",
            "Chief Executive Officer, Eulalink Cable",
            "role_from_layout",
        ),
        ("onsite_moderator", "Felix blanc", "", "onsite_moderator_beside_online"),
        ("online_moderator", "Florence Poznanski", "", ""),
        ("rapporteur", "Felix blanc", "", ""),
    ]


def test_a_heading_then_the_schedules_block_and_session_coordinators():
    # 2019: "BPF on Local Content", "BPF local content – IGF 2019", "Thursday November 28, 2019
    # 09:30 - 11:00 ", "Estrel Saal C"; "Session coordinators:" names alone; "Remote
    # moderator:" empty, then "Session outline:". The page had been refused: no known family.
    session = parsed("igf2019_bpf_local-content.txt")

    assert (session.title, session.meeting_year, session.room) == (
        "BPF on Local Content",
        2019,
        "Estrel Saal C",
    )
    assert (str(session.date), str(session.start_time), str(session.end_time)) == (
        "2019-11-28",
        "09:30:00",
        "11:00:00",
    )
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("organizer", "Carlos Afonso", ""),
        ("organizer", "Giacomo Mazzone", ""),
        ("organizer", "Anriette Esterhuysen", ""),
        ("speaker", "Kemly Camacho", "Sula Batsú/APC, Costa Ric"),
    ]
    assert (session.organizers, session.unplaced) == ([], ["BPF local content – IGF 2019"])
    assert session.agenda.startswith("1. Background and presentation of the draft report")


@pytest.mark.parametrize(
    "top",
    [
        "BPF on Local Content\nThursday November 31, 2019 09:30 - 11:00\nEstrel Saal C",
        "BPF on Local Content\nThursday November 28, 2019 25:30 - 11:00\nEstrel Saal C",
    ],
)
def test_a_schedules_block_with_no_such_day_or_time_is_no_block(top):
    session = ParsedSession(format_family="igf_page_2024", meeting_kind="igf", meeting_year=None)

    assert read_schedule_block(numbered_lines(top), session) is None
    assert (session.title, session.date, session.meeting_year) == ("", None, None)


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_fifth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_FIFTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2021_schedule_overview.txt": "refused",
        "igf2023_dc-main-session_the-internet-we-want-human-rights.txt": "queued",
        "igf2024_bpf-cybersecurity_main-session.txt": "queued",
        "igf2025_day0_event269_protection-of-subsea-communication-cables.txt": "queued",
        "igf2025_ns177_from-tokenism-to-takeover-youth.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
