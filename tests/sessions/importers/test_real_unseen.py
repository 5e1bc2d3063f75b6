"""Real pages gathered after real/ and real_wider/ were fixed, written down in expected.json
before the importer read them (fixtures/documents/real_unseen/, sources.json gives each
page's address). Each test is a rule for a family's layout that one of these pages showed
the importer lacked; values are those of expected.json."""

import pytest

from sessions.importers.documents import (
    UNSEEN_REAL_DOCUMENTS,
    Curated,
    DocumentRefused,
    import_file,
)
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.importers.parsed import ParseError


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


@pytest.mark.parametrize("parse", [parse_igf_page, parse_igf_workshop])
def test_a_page_heading_several_sessions_is_no_session_page(parse):
    # A 2018 theme page lists lightning sessions, an open forum and a workshop, each under its
    # own title line; read as one session it took the first one's title and the others' text.
    with pytest.raises(ParseError) as error:
        parse(text("igf2018_themes_development-innovation-economic-issues.txt"))

    assert (error.value.line, error.value.reason) == (
        18,
        "not one session's page: it heads 4 sessions ('IGF 2018 LIGHTNING SESSION #12 Women "
        "Empowerment through ICT', 'IGF 2018 LIGHTNING SESSION #6 Can we reduce poverty with "
        "tec', ...)",
    )


@pytest.mark.django_db
def test_a_theme_page_listing_sessions_is_refused():
    with pytest.raises(DocumentRefused):
        import_file(
            UNSEEN_REAL_DOCUMENTS / "igf2018_themes_development-innovation-economic-issues.txt",
            Curated(),
        )
