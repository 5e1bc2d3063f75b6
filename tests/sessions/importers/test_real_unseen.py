"""Real pages gathered after real/ and real_wider/ were fixed, written down in expected.json
before the importer read them (fixtures/documents/real_unseen/, sources.json gives each
page's address). Each test is a rule for a family's layout that one of these pages showed
the importer lacked; values are those of expected.json."""

from sessions.importers.documents import UNSEEN_REAL_DOCUMENTS
from sessions.importers.igf_page import parse as parse_igf_page


def text(file_name):
    return (UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


def test_2024_labelled_fields_one_to_a_line_are_one_record():
    session = parse_igf_page(text("igf2024_of27_review-of-igf2023-kyoto.txt"))

    # "Organizational Affiliation: ...", "Moderator and Organizer: A (main), B (sub), C (sub)",
    # "Stakeholder: Government" and "Regional Group: Asia-Pacific" on four lines: the
    # organization and the groups belong to the names between them.
    assert session.organizers == ["Ministry of Internal Affairs and Communications"]
    assert [
        (
            person.role,
            person.name,
            person.organization,
            person.stakeholder_group,
            person.regional_group,
        )
        for person in session.people
    ] == [
        (
            role,
            name,
            "Ministry of Internal Affairs and Communications, Japan",
            "Government",
            "Asia-Pacific",
        )
        for name in ("Yoichi Iida", "Yuka Nishimura", "Honoka Ninagawa")
        for role in ("organizer", "moderator")
    ]
