"""A twenty-eighth set of real pages (fixtures/documents/real_unseen_28/, each page's address in
its sources.json): IGF session pages of 2018-2025, scored once with the code of its hour before
any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

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
        ("moderator", "Maarten Botterman", ""),
        ("speaker", "Concettina Casa", "BPF Co-facilitator"),
        ("speaker", "Sumon A. Sabir", "BPF Co-facilitator"),
        ("speaker", "Wim Degezelle", "BPF Consultant"),
        ("speaker", "Nobuhisa NISHIGATA", "OECD"),
        ("speaker", "Imane BELLO", "Sciences Po Lecturer, Human Rights & AI"),
        ("speaker", "Taylor BENTLEY", "ISED, Canadian Government"),
        ("speaker", "Michael NELSON", "Cloudflare"),
    ]
    assert session.organizers == []


def test_the_page_above_the_report_form_keeps_its_title_its_agenda_and_its_date():
    # 2018: the page's "IGF 2018 BPF Artifical Intelligence, …" above the form's "- Title:
    # Discussion about …" (which had taken the title, and with it the year); "Discussion
    # catalysts :" in the agenda, which had been taken for the form's first field (the agenda
    # below it became the report); "- Date & Time:  Wednesday, 14 November 2018, 1150-1320".
    session = parsed("igf2018_bpf_ai-bigdata-iot.txt")

    assert (session.meeting_year, session.title, session.session_type) == (
        2018,
        "BPF Artifical Intelligence, Big Data & Internet of Things",
        "Best Practices Forum",
    )
    assert (str(session.date), str(session.start_time), str(session.end_time)) == (
        "2018-11-14",
        "11:50:00",
        "13:20:00",
    )
    assert session.unplaced == [
        "Discussion about the IGF 2018 Best Practices Forum on the Internet of Things, Big Data,"
        " and AI"
    ]
    assert session.report == (
        "Report\n\n- List of speakers and their institutional affiliations (Indicate male/female/"
    )


def test_titled_speakers_below_the_organizers_each_in_a_paragraph():
    # 2023: "Dr. Bushra Al Blooshi - Head of Research …", "Ms. Daria  Tsafrir, Legal Advisor,
    # INCD, Israel." (read as a 2014 organizer's record, "Daria Tsafrir Legal Advisor"), …
    session = parsed("igf2023_of81_cybersecurity-regulation-ai.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "speaker",
            "Bushra Al Blooshi",
            "Head of Research and Innovation Dubai Electronic Security Center, UAE",
        ),
        ("speaker", "Daria Tsafrir", "Legal Advisor, INCD, Israel."),
        ("speaker", "Avrahan Zaruk", "Head of technological division, INCD, Israel"),
        (
            "speaker",
            "Hiroshi Honjo",
            "Ciso of NTT data, Nippon Telegraph and Telephone Corporation.",
        ),
        ("speaker", "Gallia Daor", "Policy Division., OECD."),
        ("speaker", "Theoneste Ngiruwonsanga", "Smart Africa Group."),
        ("onsite_moderator", "Daria Tsafrir", "INCD, Israel"),
        ("online_moderator", "Aviram Atzeba", "INCD, Israel"),
        ("rapporteur", "Cedric Sabbah", "MOJ, Israel"),
    ]
    assert session.organizers == [
        "Israeli National Cyber Directorate (INCD)",
        "INCD - the government of Israel. WEOG",
    ]


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
    # 2020: bullets of prose that open with their speakers ("• Petra Rezar or Damjan Šebjan
    # have set up a project …"); "3. Introduction – Gerry Ellis", "8. National/Regional
    # Initiatives – Judy Okite & Judith Hellerstein", "10. Mainstreaming accessibility – Shadi
    # Abou-Zahra & Peter Crosbie"; "6. Accessibility of 2020 Virtual IGF – Discussion" names no one.
    session = parsed("igf2020_dcad_accessibility-closing-the-gap.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Gerry Ellis"),
        ("speaker", "Gunela Astbrink"),
        ("speaker", "Paulina Lewandowska"),
        ("speaker", "Petra Rezar"),
        ("speaker", "Damjan Šebjan"),
        ("speaker", "Muhammad Shabbir Awan"),
        ("speaker", "Judy Okite"),
        ("speaker", "Judith Hellerstein"),
        ("speaker", "Shadi Abou-Zahra"),
        ("speaker", "Peter Crosbie"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_eighth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_EIGHTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2019_introductory-breakout_data-governance.txt": "refused",
        "igf2020_ws130_election-disinformation.txt": "queued",
        "igf2021_ws137_multistakeholder-ai-policies.txt": "queued",
        "igf2022_listing_node-page-84.txt": "refused",
        "igf2022_main-session_connecting-all-people-human-rights.txt": "queued",
        "igf2023_day0_event52_igf-lac-space.txt": "refused",
        "igf2025_ws476_youth-led-digital-access.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 8)
    assert Session.objects.count() == 8
