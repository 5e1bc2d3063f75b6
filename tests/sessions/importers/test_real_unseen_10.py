"""A tenth set of real pages (fixtures/documents/real_unseen_10/, sources.json gives each
page's address), gathered at the end of the day's work and scored once with its code (the
README gives that score). Each test is a form that the first reading lacked, or a person it
made of what is no one."""

import pytest

from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.models import Session
from tests.sessions.importers.real_pages import TENTH_UNSEEN_REAL_DOCUMENTS, second_import


def text(file_name):
    return (TENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_tenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        # Its text names neither WSIS nor the IGF: it waits for an editor (it was refused).
        "digwatch_igf2025_nri-community-based-connectivity.txt": "queued",
        "igf2019_ws63_usual-suspects-cybernorms.txt": "refused",
        "igf2022_ws310_community-networks-sustainability.txt": "queued",
        "neg_digwatch_igf2023_daily4_newsletter.txt": "refused",
        "neg_igf2024_sched_lightning-talk-area-list.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 14)
    assert Session.objects.count() == 14


def test_an_empty_organizer_slot_and_a_sub_heading_among_additional_speakers():
    # "Organizer 3: ," made a person without a name; "Additional Speakers" / "Propose speakers"
    # / "  • Fuatai Gisa Purcell: - Chief Executive Officer, …" / … made "Propose speakers"
    # the onsite moderator and lost the bullets.
    session = parse_igf_workshop(text("igf2020_ws37_community-network-electricity.txt"))

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Salanieta Tamanikaiwaimaro"),
        ("speaker", "Zeina Bou Harb"),
        ("speaker", "Carlos Rey Moreno"),
        ("speaker", "Kwaku Antwi"),
        ("speaker", "Fuatai Gisa Purcell"),
        ("speaker", "Andre Laperriere"),
        ("speaker", "Carlos Rey-Moreno"),
        ("speaker", "Michuki Mwangi"),
        ("speaker", "Onica Nonhlanhla Makwakwa"),
        ("speaker", "Hon. Samuel Nartey George"),
        ("speaker", "Stephanie Pariel"),
        ("speaker", "Stanley Kwakye Dankyira"),
    ]
    # Speaker 1, listed again among the proposed speakers with her post: one speaker, and the
    # post hers.
    assert session.people[0].affiliation == "Legal Practitioner / Former UN IGF MAG Member"
    assert session.people[4].affiliation == (
        "Chief Executive Officer, Office of the Regulator, Government of Samoa"
    )
    # The description, under "About this Session", is the description (read since the eleventh
    # set): every organizer's line is kept, since none names anyone.
    assert session.description.startswith("The objectives of this workshop session is to")
    assert session.unplaced == [
        "Organizer 1: Intergovernmental Organization, African Group",
        "Organizer 2: Civil Society, Asia-Pacific Group",
        "Organizer 3: ,",
        "Organizer 4: Civil Society, African Group",
        "Organizer 5: Technical Community, African Group",
        "Propose speakers",
    ]


def test_a_2017_proposals_confirmed_speakers_and_not_its_possible_ones():
    # "Confirmed speakers:" / "Philipp Metzger, Director General, OFCOM, …" / … / "Other
    # possible speakers:" / "Nnenna Nwakanma, …" (mentioned, not a speaker).
    session = parse_igf_page(text("igf2017_ws95_digitization-democracy-trust.txt"))

    assert [(p.role, p.name) for p in session.people] == [
        ("organizer", "Jorge Cancio"),
        ("organizer", "Nicolas Rollier"),
        ("speaker", "Philipp Metzger"),
        ("speaker", "Jean Paul Philippot"),
        ("speaker", "Gonzalo Navarro"),
        ("speaker", "Tereza Horejsova"),
    ]
