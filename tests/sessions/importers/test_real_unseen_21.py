"""A twenty-first set of real pages (fixtures/documents/real_unseen_21/, each page's address in
its sources.json): IGF session pages of 2017-2025, scored once with the code of its hour before
any rule was written for it (the README gives that score)."""

import datetime
from functools import partial

import pytest

from sessions.importers.groups import records_after_regions
from sessions.importers.igf_page_people import labelled_runs
from sessions.importers.text import Line
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_FIRST_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_FIRST_UNSEEN_REAL_DOCUMENTS)


def test_the_reporting_form_filled_in_gives_the_session_and_its_people():
    # 2018: "- Session Type (Workshop, Open Forum, etc.): BPF", "- Date & Time: Tuesday, 13
    # November, 2018 - 15:00 to 16:30", "- Organizer(s): …, Paula Real," and "Raquel Gatto" on
    # the next line, "- Chair/Moderator: A and B", "- Rapporteur/Notetaker: …", and the speakers'
    # "Name - affiliation - groups (TBC)" bullets under two sub-headings. The page had been
    # refused as no session's.
    session = parsed("igf2018_bpf_gender-internet-governance.txt")

    assert (session.title, session.session_type, session.date) == (
        "BPF Gender & Internet Governance",
        "BPF",
        datetime.date(2018, 11, 13),
    )
    assert (session.start_time, session.end_time) == (datetime.time(15, 0), datetime.time(16, 30))
    assert (session.theme, session.sub_themes) == (
        "Human Rights, Gender & Youth",
        ["Gender Equality - Access and Connectivity"],
    )
    assert [(p.role, p.name) for p in session.people[:8]] == [
        ("organizer", "Radhika Radhakrishnan"),
        ("organizer", "Agustina Callegari"),
        ("organizer", "Renata Aquino Ribeiro"),
        ("organizer", "Paula Real"),
        ("organizer", "Raquel Gatto"),
        ("moderator", "Agustina Callegari"),
        ("moderator", "Radhika Radhakrishnan"),
        ("rapporteur", "Paula Real"),
    ]
    speakers = [
        (p.name, p.affiliation, p.stakeholder_group, p.regional_group, p.is_tbd)
        for p in session.people[8:]
    ]
    assert speakers == [
        ("Anri van der Spuy", "ICT Africa", "Civil society", "Africa", True),
        ("Nic Bidwell", "APC", "Civil society", "Africa", True),
        ("Jane Coffin", "Internet Society", "Technical Community", "", True),
        # "Europe" is no regional group's name: the record is kept whole as the affiliation.
        ("Claire Sibthorpe", "GMSA, Private Sector, Europe", "", "", True),
        ("Yolanda Martinez Mancilla", "Government of Mexico", "", "LAC", True),
        ("Ritu Srivastava", "DEF", "Civil Society", "APAC", True),
        ("Bruna Santos", "Coding Rights", "", "LAC", False),
        ("Alejandra Erramuspe", "Government of Uruguay", "", "LAC", True),
        ("Renata Aquino Ribeiro", "MAG Member", "Civil Society", "LAC", False),
    ]
    # What the form does not read is the session's report.
    assert session.report.startswith(
        "- Please state no more than three (3) key messages of the discussion."
    )


def test_speakers_run_together_with_affiliations_of_several_parts():
    # 2019: "Speakers: … Kaoru Mizuno, DCAD Secretariat, ITU-TSB Lidia Best Vice Chair EFHOH
    # (…) Jorge Manhique, … Patrick Ojok, Kyambogo University, Uganda Vashkar Bhattacharjee, …
    # Moderator: Andrea Saks, … Rapporteur Kaoru Mizuno, …": a part with no name at its end
    # goes on with the organization before it (the whole line had been left as text), and
    # "Rapporteur" goes without its colon.
    line = Line(
        1,
        "Speakers: Kaoru Mizuno, DCAD Secretariat, ITU-TSB Jorge Manhique, Disability Rights "
        "Fund Patrick Ojok, Kyambogo University, Uganda Nidhi Goyal, Rising Flame, India "
        "Moderator: Andrea Saks, Coordinator of DCAD – ITU-T Rapporteur Kaoru Mizuno, DCAD "
        "Secretariat – ITU-TSB",
    )

    assert [(p.role, p.name, p.affiliation) for p in labelled_runs(line)] == [
        ("speaker", "Kaoru Mizuno", "DCAD Secretariat, ITU-TSB"),
        ("speaker", "Jorge Manhique", "Disability Rights Fund"),
        ("speaker", "Patrick Ojok", "Kyambogo University, Uganda"),
        ("speaker", "Nidhi Goyal", "Rising Flame, India"),
        ("moderator", "Andrea Saks", "Coordinator of DCAD – ITU-T"),
        ("rapporteur", "Kaoru Mizuno", "DCAD Secretariat – ITU-TSB"),
    ]
    # On the page, "Lidia Best Vice Chair EFHOH (…)" has no comma: it stays in the affiliation
    # before it, no one of its own.
    session = parsed("igf2019_dc_dcad-ict-accessibility.txt")
    assert [p.name for p in session.people if p.role == "speaker"] == [
        "Derrick Cogburn",
        "Shadi Abou-Zahra",
        "Gunela Astbrink",
        "Gerry Ellis",
        "Muhammad Shabbir",
        "Deirdre Williams",
        "Judith Hellerstein",
        "Eleonora Mazzucchi",
        "Louis Bobo",
        "Gent Bajrami",
        "Kaoru Mizuno",
        "Jorge Manhique",
        "Patrick Ojok",
        "Vashkar Bhattacharjee",
        "Nidhi Goyal",
    ]


def test_additional_speakers_introduced_by_a_sentence():
    # 2020: "Additional Speakers" / "All the foreseen speakers are still available. …, the
    # following speakers will join additionally:" / "Rasmus Andresen, Member of European
    # Parliament" / …: the sentence had ended the block, and lost its speakers.
    session = parsed("igf2020_ws231_youth-sustainability.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people if p.role == "speaker"] == [
        ("speaker", "Josaphat Tjiho", ""),
        ("speaker", "Edmon Chung", ""),
        ("speaker", "Katarzyna Jagiello", ""),
        ("speaker", "Rasmus Andresen", "Member of European Parliament"),
        ("speaker", "Raphael Reimann", "Fridays for Future Germany"),
    ]


@pytest.mark.parametrize(
    ("text", "records"),
    [
        # 2021: a name and its region alone opens the run.
        (
            "Lidia Best, WEOG Peter Crosbie, DCAD co-Coordinator, WEOG Judith Hellerstein, SIG, "
            "WEOG",
            [
                "Lidia Best, WEOG",
                "Peter Crosbie, DCAD co-Coordinator, WEOG",
                "Judith Hellerstein, SIG, WEOG",
            ],
        ),
        # An organization before its region is no record of its own.
        (
            "Internet Society, WEOG Peter Crosbie, DCAD, WEOG",
            ["Internet Society, WEOG Peter Crosbie, DCAD, WEOG"],
        ),
    ],
)
def test_records_run_together_each_ended_by_its_region(text, records):
    assert records_after_regions(text) == records


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_first_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_FIRST_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2019_ws182_smarter-city-mobility.txt": "queued",
        "igf2022_ws189_internet-access-digital-inclusion.txt": "queued",
        "igf2025_ws267_global-network-blocking.txt": "queued",
        "neg_igf2021_themes-inclusion-listing.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 12)
    assert Session.objects.count() == 12
