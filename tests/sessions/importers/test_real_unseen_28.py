"""A twenty-eighth set of real pages (fixtures/documents/real_unseen_28/, each page's address in
its sources.json): IGF session pages of 2018-2025, scored once with the code of its hour before
any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.documents import TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS
from sessions.models import Session
from tests.sessions.importers.real_pages import parsed_page, second_import

parsed = partial(parsed_page, TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS)


def test_titled_speakers_with_their_posts_above_the_moderators_without_a_heading():
    # 2023: "Dr. Bushra Al Blooshi - Head of Research and Innovation …", "Ms. Daria  Tsafrir,
    # Legal Advisor, INCD, Israel.", … each a paragraph of its own: the speakers had been left
    # as text and one of them made an organizer "Daria Tsafrir Legal Advisor".
    session = parsed("igf2023_of81_cybersecurity-regulation-ai.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "speaker",
            "Bushra Al Blooshi",
            "Head of Research and Innovation Dubai Electronic Security Center, UAE",
        ),
        ("speaker", "Daria Tsafrir", "Legal Advisor, INCD, Israel"),
        ("speaker", "Avrahan Zaruk", "Head of technological division, INCD, Israel"),
        (
            "speaker",
            "Hiroshi Honjo",
            "Ciso of NTT data, Nippon Telegraph and Telephone Corporation",
        ),
        ("speaker", "Gallia Daor", "Policy Division., OECD"),
        ("speaker", "Theoneste Ngiruwonsanga", "Smart Africa Group"),
        ("onsite_moderator", "Daria Tsafrir", "INCD, Israel"),
        ("online_moderator", "Aviram Atzeba", "INCD, Israel"),
        ("rapporteur", "Cedric Sabbah", "MOJ, Israel"),
    ]


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
