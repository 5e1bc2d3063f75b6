"""A twenty-eighth set of real pages (fixtures/documents/real_unseen_28/, each page's address in
its sources.json): IGF session pages of 2018-2025, scored once with the code of its hour before
any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.documents import TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS
from sessions.models import Session
from tests.sessions.importers.real_pages import parsed_page, second_import

parsed = partial(parsed_page, TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS)


def test_the_report_forms_remote_moderator_and_organizers_with_their_posts():
    # 2018: "- Organizer(s): Concettina Casa (BPF Co-facilitator) and Sumon A. Sabir (BPF
    # Co-facilitator)," (both had been organizations), "- Remote moderator: June Parris", and
    # "Remote moderator: June Parris" above the form, "Report" below it (no value of hers).
    session = parsed("igf2018_bpf_ai-bigdata-iot.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("online_moderator", "June Parris", ""),
        ("organizer", "Concettina Casa", "BPF Co-facilitator"),
        ("organizer", "Sumon A. Sabir", "BPF Co-facilitator"),
        ("moderator", "Alex Comninos", ""),
        ("moderator", "Maarten Botterman", ""),
        ("rapporteur", "Michael R. Nelson", ""),
        ("online_moderator", "June Parris", ""),
        ("moderator", "Alex Comninos", ""),
    ]
    assert session.organizers == []


def test_a_moderators_slot_that_holds_only_groups_is_no_one():
    # 2021: "Online Moderator" / "Intergovernmental Organization, Intergovernmental
    # Organization" had made a person of the label.
    session = parsed("igf2021_ws137_multistakeholder-ai-policies.txt")

    assert [(p.role, p.name) for p in session.people if p.role not in ("organizer", "speaker")] == [
        ("onsite_moderator", "Vanessa Dreier"),
        ("rapporteur", "Jonathan Stever"),
    ]
    assert "Intergovernmental Organization, Intergovernmental Organization" in session.unplaced


def test_an_agendas_numbered_items_with_their_speakers_after_a_dash():
    # 2020: "3. Introduction – Gerry Ellis", "8. National/Regional Initiatives – Judy Okite &
    # Judith Hellerstein", "10. Mainstreaming accessibility – Shadi Abou-Zahra & Peter
    # Crosbie"; "6. Accessibility of 2020 Virtual IGF – Discussion" names no one.
    session = parsed("igf2020_dcad_accessibility-closing-the-gap.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Gerry Ellis"),
        ("speaker", "Gunela Astbrink"),
        ("speaker", "Judy Okite"),
        ("speaker", "Judith Hellerstein"),
        ("speaker", "Shadi Abou-Zahra"),
        ("speaker", "Peter Crosbie"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_eighth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2018_bpf_ai-bigdata-iot.txt": "queued",
        "igf2019_introductory-breakout_data-governance.txt": "refused",
        "igf2020_ws130_election-disinformation.txt": "queued",
        "igf2021_ws137_multistakeholder-ai-policies.txt": "queued",
        "igf2022_listing_node-page-84.txt": "refused",
        "igf2022_main-session_connecting-all-people-human-rights.txt": "queued",
        "igf2023_day0_event52_igf-lac-space.txt": "refused",
        "igf2025_ws476_youth-led-digital-access.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 7)
    assert Session.objects.count() == 7
